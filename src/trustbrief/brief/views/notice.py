"""The notice ledger's accounts cell, parsed and made readable.
"""

from __future__ import annotations

import pandas as pd

from trustbrief.brief.views.cells import as_list, text_column
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
    ('minutes: The Jerusalem Post, unknown #2; none: Caliber.Az'); other text is kept."""
    names = {d: full for d, (_, full) in outlet_labels(documents).items()}
    # 'unknown outlet (FILE)' as the metrics stage writes it: the article's title instead
    names.update(unknown_file_names(documents))
    groups: list[tuple[str, list[str]]] = []
    for item in as_list(value):
        head, sep, rest = item.partition(":")
        if sep and head.strip() in NOTICE_X:
            groups.append((head.strip(), []))
            item = rest
        if not groups:
            groups.append(("", []))
        groups[-1][1].extend(names.get(p.strip(), p.strip()) for p in split_names(item))
    return "; ".join(f"{k}: {', '.join(v)}" if k else ", ".join(v) for k, v in groups)


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
