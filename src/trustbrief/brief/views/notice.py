"""The notice ledger's accounts cell, parsed and made readable.
"""

from __future__ import annotations

import pandas as pd

from trustbrief.brief.views.cells import as_list, dates_by_event, text_column
from trustbrief.brief.views.outlets import outlet_labels, unknown_file_names

# x positions: an ordinal scale of notice, with 'unknown' set apart from the ordered classes.
NOTICE_X = {"none": 0.0, "minutes": 1.0, "hours": 2.0, "days": 3.0, "unknown": 4.4}


# How a count of operations reads beside each notice level ('2 with no notice').
NOTICE_WORDS = {"none": "no notice", "minutes": "minutes of notice", "hours": "hours of notice",
                "days": "days of notice", "unknown": "no account of notice"}


def notice_tally(notices: pd.Series) -> str:
    """'2 with no notice, 1 with minutes of notice': operations per level, most first."""
    counts = notices.value_counts()
    return ", ".join(f"{n} with {NOTICE_WORDS.get(level, level)}" for level, n in counts.items())


def parse_accounts(value: str) -> tuple[int, dict[str, int]]:
    """Parse the ledger's accounts cell: '3', 'none:2;minutes:1' or a list of account ids."""
    text = str(value or "").strip()
    if not text:
        return 0, {}
    if text.isdigit():
        return int(text), {}
    items = [part for item in as_list(text) for part in item.split(",") if part.strip()]
    split = {}
    for item in items:
        name, _, count = item.partition(":")
        if name.strip() in NOTICE_X and count.strip().isdigit():
            split[name.strip()] = split.get(name.strip(), 0) + int(count)
    return (sum(split.values()), split) if split else (len(items), {})


def accounts_text(value: str, documents: pd.DataFrame | None = None) -> str:
    """The ledger's accounts made readable: document ids become outlet names
    ('minutes: The Portview Post, unknown #2; none: Outlet X'); other text is kept."""
    names = {d: full for d, (_, full) in outlet_labels(documents).items()}
    # 'unknown outlet (FILE)' as the metrics stage writes it: the article's title instead
    names.update(unknown_file_names(documents))
    return "; ".join(f"{k}: {', '.join(names.get(p, p) for p in v)}" if k else
                     ", ".join(names.get(p, p) for p in v) for k, v in account_groups(value))


def split_names(text: str) -> list[str]:
    """'A, unknown outlet (x, y.txt), B' -> ['A', 'unknown outlet (x, y.txt)', 'B']: commas
    inside parentheses do not split."""
    out, depth, current = [], 0, ""
    for ch in text:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "," and depth == 0:
            out.append(current.strip())
            current = ""
        else:
            current += ch
    out.append(current.strip())
    return [p for p in out if p]


def most_accounts(ledger: pd.DataFrame, limit: int) -> pd.DataFrame:
    """At most `limit` operations of the ledger: those with the most accounts (then the
    earliest), in their original order."""
    if len(ledger) <= limit:
        return ledger
    counts = [parse_accounts(n or a)[0] for n, a in zip(
        text_column(ledger, "n_accounts"), text_column(ledger, "accounts"), strict=True)]
    ranked = ledger.assign(_n=counts).sort_values(["_n", "date"], ascending=[False, True])
    return ledger.loc[sorted(ranked.index[:limit], key=list(ledger.index).index)]


def account_groups(value: str) -> list[tuple[str, list[str]]]:
    """'minutes: A; none: B, C' -> [('minutes', ['A']), ('none', ['B', 'C'])]; a cell
    without notice levels is one group with level ''."""
    groups: list[tuple[str, list[str]]] = []
    for item in as_list(value):
        head, sep, rest = item.partition(":")
        if sep and head.strip() in NOTICE_X:
            groups.append((head.strip(), []))
            item = rest
        if not groups:
            groups.append(("", []))
        groups[-1][1].extend(split_names(item))
    return groups


# One operation told twice: the events stage can keep two rows for one strike when articles
# name different targets of it ('strikes on the capital' and 'airstrikes on the group's
# headquarters' on the same day). The ledger shows an operation once, with every account.
def _sides(row: dict) -> set[str]:
    return set(as_list(row.get("targets", ""))) | set(as_list(row.get("actors", "")))


def _same_operation(a: dict, b: dict) -> bool:
    """Same day, same PLOVER category, same acting side, and the target of one is among the
    other's targets or actors."""
    if not a["date"] or a["date"][:10] != b["date"][:10] or a["plover"] != b["plover"]:
        return False
    if (a["agent_side"] or a["agent"]) != (b["agent_side"] or b["agent"]):
        return False
    ta, tb = set(as_list(a["targets"])), set(as_list(b["targets"]))
    return bool(ta and tb and (ta & _sides(b) or tb & _sides(a)))


def operation_heads(events: pd.DataFrame, event_ids) -> dict[str, str]:
    """event_id -> the id that stands for its operation (the most reported of the rows that
    tell one operation; itself when no other row tells it)."""
    cols = ("event_id", "date", "plover", "agent_side", "agent", "targets", "actors",
            "n_documents")
    wanted = set(event_ids)
    rows = [r for r in pd.DataFrame({c: text_column(events, c) for c in cols}).to_dict(
        "records") if r["event_id"] in wanted]
    rows.sort(key=lambda r: (-int(r["n_documents"] or 0), r["event_id"]))
    heads: dict[str, str] = {}
    for i, row in enumerate(rows):
        head = next((heads[o["event_id"]] for o in rows[:i] if _same_operation(o, row)),
                    row["event_id"])
        heads[row["event_id"]] = head
    return {e: heads.get(e, e) for e in event_ids}


def merge_accounts(cells: list[str]) -> tuple[str, int, str]:
    """(accounts cell, number of accounts, the notice most accounts give) of several rows'
    accounts cells: each outlet counted once per notice level."""
    merged: dict[str, list[str]] = {}
    for cell in cells:
        for level, names in account_groups(cell):
            merged.setdefault(level, [])
            merged[level] += [n for n in names if n not in merged[level]]
    named = {k: v for k, v in merged.items() if k}
    text = "; ".join(f"{k}: {', '.join(v)}" if k else ", ".join(v) for k, v in merged.items())
    counts = sorted((len(v) for v in named.values()), reverse=True)
    # a tie is no majority: the caller keeps the most reported row's notice
    top = max(named, key=lambda k: len(named[k])) if counts and (
        len(counts) == 1 or counts[0] > counts[1]) else ""
    return text, sum(len(v) for v in merged.values()), top


def merge_same_operations(ledger: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """The ledger with one row per operation: rows that tell one operation (operation_heads)
    become the most reported row's, with both rows' accounts and documents."""
    if ledger.empty or events is None or events.empty:
        return ledger
    ids = list(text_column(ledger, "event_id"))
    heads = operation_heads(events, ids)
    if all(heads[e] == e for e in ids):
        return ledger
    out = []
    for head, group in ledger.groupby([heads[e] for e in ids], sort=False):
        lead = group[text_column(group, "event_id") == head]
        row = (lead if len(lead) else group).iloc[0].copy()
        if len(group) > 1:
            accounts, n, notice = merge_accounts(list(text_column(group, "accounts")))
            row["accounts"], row["n_accounts"] = accounts, n
            row["notice"] = notice or row["notice"]
            row["doc_ids"] = ";".join(dict.fromkeys(
                d for cell in text_column(group, "doc_ids") for d in as_list(cell)))
        out.append(row)
    return pd.DataFrame(out).reset_index(drop=True)


def with_precision(ledger: pd.DataFrame, events: pd.DataFrame | None) -> pd.DataFrame:
    """The ledger with each operation's date_precision, date_earliest and date_latest from the
    events table (a month-dated operation is shown by its month, never its first day; one
    dated to a few days by its span)."""
    if ledger.empty or events is None or events.empty:
        return ledger
    dates = dates_by_event(events)
    ids = text_column(ledger, "event_id")
    return ledger.assign(**{c: [dates.get(e, {}).get(c, "") for e in ids] for c in (
        "date_precision", "date_earliest", "date_latest")})
