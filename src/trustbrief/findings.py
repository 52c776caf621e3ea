"""Key findings and the headline of a brief, written from the processed tables.

Every number and name in these sentences comes from the tables (never typed in),
and every finding carries citations (outlet, date, doc_id, file, url) to the
documents behind it. Text is plain: the report escapes it; no HTML is built here.
When a table is missing or empty, the finding says what is missing instead.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

import pandas as pd

from trustbrief.charts import (
    _col,
    as_list,
    cadence_channels,
    cadence_contacts,
    day_label,
    is_unknown_outlet,
    parse_planned,
    silence_is_current,
    split_cited,
    stated_items,
    to_date,
    turning_points,
)

UNKNOWN_OUTLET = "unknown outlet"
LITTLE_NOTICE = ("none", "minutes")


class Citation(NamedTuple):
    outlet: str  # the outlet, or 'unknown outlet'
    date: str  # ISO publication date, '... (date inferred)', or 'undated'
    doc_id: str
    file: str
    url: str


@dataclass(frozen=True)
class Finding:
    text: str
    citations: list[Citation] = field(default_factory=list)
    kind: str = ""  # notice | trust | cadence | origins | coverage
    available: bool = True  # False: the sentence reports missing data


def format_citation(citation: Citation) -> str:
    """'Outlet, 2024-10-09' or 'unknown outlet (file.txt), undated' (plain text)."""
    outlet = citation.outlet
    if outlet == UNKNOWN_OUTLET and citation.file:
        outlet = f"{outlet} ({citation.file})"
    return f"{outlet}, {citation.date}"


# --- helpers ------------------------------------------------------------------------------------

def _table(tables, name: str) -> pd.DataFrame:
    """A table from a dict or from report.Tables; missing tables are empty frames."""
    try:
        frame = tables[name]
    except (KeyError, TypeError, IndexError):
        return pd.DataFrame()
    return frame if isinstance(frame, pd.DataFrame) else pd.DataFrame()


def parse_focus(focus: str) -> tuple[str, str]:
    observer, _, subject = str(focus).partition("->")
    return observer.strip(), subject.strip()


def _norm_direction(text: str) -> str:
    return "->".join(part.strip() for part in str(text).split("->"))


def _rows_in_window(frame: pd.DataFrame, start, end, column: str = "date") -> pd.DataFrame:
    mask = pd.Series([_in_window(d, start, end) for d in _col(frame, column)], index=frame.index,
                     dtype=bool)
    return frame[mask]


def _in_window(date: str, start, end) -> bool:
    day = to_date(date)
    if day is None:
        return False
    lo, hi = to_date(start), to_date(end)
    return (lo is None or day >= lo) and (hi is None or day <= hi)


def _period(start, end) -> str:
    lo, hi = to_date(start), to_date(end)
    if lo is not None and hi is not None:
        return f"between {day_label(lo)} and {day_label(hi)}"
    return "in the period covered"


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _join(items: list[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def cite_documents(doc_ids, documents: pd.DataFrame) -> list[Citation]:
    """Citations for documents, sorted by date then outlet, without duplicates."""
    rows = {}
    if not documents.empty:
        for r in documents.assign(**{c: _col(documents, c) for c in (
                "doc_id", "outlet", "file", "url", "published", "published_basis")}).itertuples():
            rows[r.doc_id] = r
    out = []
    for doc_id in dict.fromkeys(as_list(doc_ids) if isinstance(doc_ids, str) else doc_ids):
        r = rows.get(doc_id)
        if r is None:
            out.append(Citation(UNKNOWN_OUTLET, "undated", doc_id, "", ""))
            continue
        date = r.published or "undated"
        if r.published and r.published_basis == "inferred":
            date += " (date inferred)"
        outlet = UNKNOWN_OUTLET if is_unknown_outlet(r.outlet) else r.outlet
        out.append(Citation(outlet, date, doc_id, r.file, r.url))
    return sorted(out, key=lambda c: (c.date == "undated", c.date, c.outlet, c.doc_id))


def _event_index(events: pd.DataFrame) -> dict[str, dict]:
    if events.empty:
        return {}
    cols = ("event_id", "label", "date", "doc_ids", "n_documents", "n_outlets", "n_origins",
            "origins", "lane", "operation", "us_notice")
    frame = pd.DataFrame({c: _col(events, c) for c in cols})
    return {r["event_id"]: r for r in frame.to_dict("records")}


def _signed(value: float) -> str:
    """2 decimals with a typographic minus sign."""
    return f"{value:.2f}".replace("-", "\u2212")


def _int(value) -> int:
    number = pd.to_numeric(value, errors="coerce")
    return 0 if pd.isna(number) else int(number)


# --- 1. notice ----------------------------------------------------------------------------------

def _is_operation(events: pd.DataFrame) -> pd.Series:
    """The events' own operation flag; the lane only when the table has no flag."""
    if "operation" in events.columns:
        return _col(events, "operation").str.strip().str.lower().isin(("true", "1", "yes"))
    return _col(events, "lane") == "operations"


def operations_in_period(events: pd.DataFrame | None, start, end) -> pd.DataFrame:
    """Operations dated in [start, end] (by their best date): the one count of operations
    every sentence and chart takeaway of a brief uses. Undated operations never count."""
    if events is None or events.empty:
        return pd.DataFrame(columns=list(getattr(events, "columns", [])))
    ops = events[_is_operation(events)]
    ops = _rows_in_window(ops, start, end)
    return ops.assign(_sort=_col(ops, "date")).sort_values(
        ["_sort", "event_id"] if "event_id" in ops.columns else ["_sort"]).drop(
        columns=["_sort"])


def _operations(tables, start, end) -> pd.DataFrame:
    """Dated operations in the period with their notice (the ledger's, else the event's)."""
    cols = ["event_id", "label", "date", "notice", "doc_ids"]
    ledger = _table(tables, "notice_ledger")
    events = _table(tables, "events")
    if events.empty:  # no events table: the ledger's dated rows stand in
        ops = _rows_in_window(ledger, start, end)
        return pd.DataFrame({c: _col(ops, c) for c in cols})
    ops = operations_in_period(events, start, end)
    notice = dict(zip(_col(ledger, "event_id"), _col(ledger, "notice"), strict=True))
    frame = pd.DataFrame({"event_id": _col(ops, "event_id"), "label": _col(ops, "label"),
                          "date": _col(ops, "date"), "notice": _col(ops, "us_notice"),
                          "doc_ids": _col(ops, "doc_ids")})
    frame["notice"] = [notice.get(e) or n for e, n in zip(frame["event_id"], frame["notice"],
                                                          strict=True)]
    return frame[cols]


def notice_finding(tables, start, end, focus: str = "US->Israel") -> Finding:
    observer, _ = parse_focus(focus)
    documents = _table(tables, "documents")
    ops = _operations(tables, start, end).sort_values(["date", "event_id"])
    if ops.empty:
        return Finding(f"No operation is dated {_period(start, end)}, so there is no account "
                       f"of the notice the {observer} got; the notice ledger is empty for this "
                       "period.", [], "notice", False)
    little = ops[ops["notice"].isin(LITTLE_NOTICE)]
    counts = Counter(ops["notice"].replace("", "unknown"))
    if little.empty:
        spread = _join([f"{_plural(n, 'operation')} {k}" for k, n in sorted(counts.items())])
        text = (f"None of the {_plural(len(ops), 'dated operation')} {_period(start, end)} is "
                f"reported as coming with no or only minutes of notice to the {observer} "
                f"(notice: {spread}).")
        return Finding(text, cite_documents(_docs_of(ops), documents), "notice")
    which = _join([f"{r.label} on {day_label(to_date(r.date))} ({_notice_words(r.notice)})"
                   for r in little.itertuples()])
    text = (f"{len(little)} of the {_plural(len(ops), 'dated operation')} {_period(start, end)} "
            f"came with no notice or only minutes of notice to the {observer}: {which}.")
    unknown = counts.get("unknown", 0)
    if unknown:
        text += f" For {_plural(unknown, 'other dated operation')}, the notice is not reported."
    return Finding(text, cite_documents(_docs_of(little), documents), "notice")


def _notice_words(notice: str) -> str:
    return "no notice" if notice == "none" else f"{notice} of notice"


def _docs_of(frame: pd.DataFrame) -> list[str]:
    return [d for cell in _col(frame, "doc_ids") for d in as_list(cell)]


# --- 2. trust index -----------------------------------------------------------------------------

def trust_finding(tables, start, end, focus: str = "US->Israel") -> Finding:
    documents = _table(tables, "documents")
    index = _table(tables, "trust_index")
    index = _rows_in_window(index, start, end)
    values = pd.to_numeric(_col(index, "index"), errors="coerce") if not index.empty else None
    if index.empty or values is None or values.isna().all():
        return Finding(f"No {focus} trust signal is dated {_period(start, end)}, so the trust "
                       "index could not be computed.", [], "trust", False)
    index = index.assign(value=values).dropna(subset=["value"]).sort_values("date")
    first, last = index.iloc[0], index.iloc[-1]
    change = last["value"] - first["value"]
    verb = "fell" if change < 0 else "rose" if change > 0 else "stayed"
    n_signals = int(pd.to_numeric(_col(index, "n_signals"), errors="coerce").fillna(0).sum())
    text = (f"The {focus} trust index {verb} from {_signed(first['value'])} on "
            f"{day_label(to_date(first['date']))} to {_signed(last['value'])} on "
            f"{day_label(to_date(last['date']))} ({_plural(n_signals, 'trust signal')})")
    events = _event_index(_table(tables, "events"))
    drops = turning_points(index.drop(columns=["value"]), limit=1)
    docs: list[str] = []
    if not drops.empty:
        drop = drops.iloc[0]
        ids = as_list(drop["events"])
        names = [events[e]["label"] for e in ids if e in events and events[e]["label"]]
        text += (f"; its sharpest drop, {_signed(drop['change'])}, came on "
                 f"{day_label(to_date(drop['date']))}")
        if names:
            text += f", with {_join(names)}"
        docs = [d for e in ids if e in events for d in as_list(events[e]["doc_ids"])]
    if not docs:
        # An article published before the period cannot report what happened in it.
        published = dict(zip(_col(documents, "doc_id"), _col(documents, "published"),
                             strict=True))
        docs = [d for d in _focus_signal_docs(tables, focus)
                if not published.get(d) or published[d] >= str(start)]
    return Finding(text + ".", cite_documents(docs, documents), "trust")


def _focus_signal_docs(tables, focus: str) -> list[str]:
    signals = _table(tables, "trust_signals")
    if signals.empty:
        return []
    mask = _col(signals, "direction").map(_norm_direction) == _norm_direction(focus)
    return list(dict.fromkeys(_col(signals[mask], "doc_id")))


# --- 3. cadence ---------------------------------------------------------------------------------

def cadence_finding(tables, start, end, focus: str = "US->Israel") -> Finding:
    """The channel with the longest gap before its last contact, then what the other
    channels' records add (stated contact counts, blocked contacts), by channel label."""
    documents = _table(tables, "documents")
    channels = cadence_channels(_table(tables, "cadence"), end)
    if channels.empty:
        return Finding("No contact channel has a reported last contact, so the gap between "
                       "contacts could not be measured.", [], "cadence", False)
    contacts = cadence_contacts(channels, _table(tables, "contacts"), _table(tables, "events"))
    channels = channels.assign(gap=channels["previous_gap_days"].map(_int),
                               since=channels["days_since"].map(_int))
    ranked = channels.sort_values(["gap", "since", "channel_label"],
                                  ascending=[False, False, True])
    top = ranked.iloc[0]
    if not top["gap"] and not top["last_contact"]:
        return Finding(f"No date of the last contact is reported for "
                       f"{_join(list(channels['channel_label']))}.", [], "cadence", False)
    parts = [_gap_clause(top)]
    docs = as_list(top["doc_ids"]) or _docs_with_sentence(tables, top["evidence"])
    docs += [d for cell in as_list(top["stated_gaps"]) for d in split_cited(cell)[1]]
    for ch in ranked.iloc[1:].itertuples():
        clause, cited = _channel_clause(ch, contacts[contacts["channel"] == ch.channel])
        if clause:
            parts.append(clause)
            docs += cited
    text = "; ".join(parts[:3])
    return Finding(text[0].upper() + text[1:] + ".", cite_documents(docs, documents), "cadence")


def _gap_clause(ch) -> str:
    """'Leaders (A - B) had had no contact for nearly 50 days (another account: two months)
    before the one planned for 9 Oct 2024' - or, without a gap, the days since the last."""
    label, last = ch["channel_label"], to_date(ch["last_contact"])
    when = day_label(last)
    if not ch["gap"]:
        return f"{label} had had no reported contact for {_plural(ch['since'], 'day')} " \
               f"(last on {when})"
    stated = stated_items(ch["stated_gaps"]) if ch["previous_gap_basis"] == "stated" else []
    span = stated[0] if stated else _plural(ch["gap"], "day")
    if len(stated) > 1:
        span += f" (another account: {_join(stated[1:])})"
    status = ch["last_contact_status"]
    if last is None:  # only the silence is reported: it runs up to the time of writing
        _, planned, status = parse_planned(ch["next_planned"])
        if not planned:
            return f"{label} had had no contact for {span} as of {day_label(to_date(ch['as_of']))}"
        when = day_label(to_date(planned))
    elif silence_is_current(_Row(ch)):  # the gap runs from the last contact to the time of writing
        _, planned, status = parse_planned(ch["next_planned"])
        when = day_label(to_date(planned)) if planned else ""
        if not when:
            return f"{label} had had no contact for {span} (since {day_label(last)})"
    before = f"the one planned for {when}" if status == "planned" else \
        f"the one blocked on {when}" if status == "blocked" else f"their contact on {when}"
    return f"{label} had had no contact for {span} before {before}"


class _Row:
    """Attribute access to a Series row (charts' helpers read itertuples rows)."""

    def __init__(self, row):
        self.__dict__.update(row.to_dict())


def _channel_clause(ch, contacts: pd.DataFrame) -> tuple[str, list[str]]:
    """What a further channel's record adds: its stated contact count and a blocked contact."""
    counts = _join(stated_items(ch.stated_counts))
    blocked = contacts[contacts["status"] == "blocked"].sort_values(["date", "event_id"])
    if not counts and blocked.empty:
        return "", []
    subject = ch.channel_label + (f", in contact {counts} by one account" if counts else "")
    if blocked.empty:
        last = to_date(ch.last_contact)
        tail = f"last spoke on {day_label(last)}" if last is not None else \
            "has no dated contact"
        return f"{subject}, {tail}", as_list(ch.doc_ids)
    b = blocked.iloc[-1]
    what = f" ({b['label']})" if b["label"] else ""
    return (f"{subject}, saw a contact blocked on {day_label(b['day'])}{what}",
            as_list(b["doc_ids"]) + as_list(ch.doc_ids))


def _docs_with_sentence(tables, evidence: str) -> list[str]:
    """Documents whose sentences hold the evidence text (cadence rows carry no doc_id)."""
    sentences = _table(tables, "sentences")
    evidence = " ".join(str(evidence).split())
    if sentences.empty or not evidence:
        return []
    texts = _col(sentences, "text").map(lambda t: " ".join(t.split()))
    hit = texts.map(lambda t: bool(t) and (evidence in t or t in evidence))
    return list(dict.fromkeys(_col(sentences, "doc_id")[hit]))


# --- 4. independent origins of the central trust claim -----------------------------------------

def central_claim(tables, focus: str = "US->Israel") -> dict | None:
    """The trust-signal category (focus direction, negative first) reported by most documents,
    with the independent origins behind it: the outlet a document cites for that sentence,
    else the document's own outlet (or file)."""
    signals = _table(tables, "trust_signals")
    if signals.empty:
        return None
    frame = pd.DataFrame({c: _col(signals, c) for c in
                          ("doc_id", "sent_id", "cue", "category", "polarity", "direction",
                           "negated")})
    frame = frame[(frame["direction"].map(_norm_direction) == _norm_direction(focus))
                  & ~frame["negated"].str.lower().isin(("true", "1", "yes"))]
    if (frame["polarity"] == "negative").any():
        frame = frame[frame["polarity"] == "negative"]
    if frame.empty:
        return None
    spread = frame.groupby("category")["doc_id"].nunique()
    category = sorted(spread.index, key=lambda c: (-spread[c], c))[0]
    chosen = frame[frame["category"] == category]
    origins = _origins_of(chosen, tables)
    names = source_names(_table(tables, "documents"))
    doc_ids = list(dict.fromkeys(chosen["doc_id"]))
    known = {names[d] for d in doc_ids if d in names and not names[d].startswith("file ")}
    cue = Counter(chosen["cue"]).most_common(1)[0][0] if (chosen["cue"] != "").any() else ""
    return {"category": category, "cue": cue, "doc_ids": doc_ids, "n_outlets": len(known),
            "n_unknown": sum(1 for d in doc_ids if d not in names or
                             names[d].startswith("file ")), "origins": origins}


def source_names(documents: pd.DataFrame) -> dict[str, str]:
    """doc_id -> outlet, or 'file NAME' when the outlet is unknown (for prose)."""
    names = {}
    for doc_id, outlet, file in zip(_col(documents, "doc_id"), _col(documents, "outlet"),
                                    _col(documents, "file"), strict=True):
        names[doc_id] = f"file {file or doc_id}" if is_unknown_outlet(outlet) else outlet
    return names


def _origins_of(chosen: pd.DataFrame, tables) -> Counter:
    """origin -> number of documents whose claim goes back to it."""
    claims = _table(tables, "claims")
    names = source_names(_table(tables, "documents"))
    by_sentence, by_doc = {}, {}
    for doc, sent, cited in zip(_col(claims, "doc_id"), _col(claims, "sent_id"),
                                _col(claims, "cited_outlet"), strict=True):
        if cited:
            by_sentence.setdefault(sent, cited)
            by_doc.setdefault(doc, set()).add(cited)
    pairs = set()
    for doc, sent in zip(chosen["doc_id"], chosen["sent_id"], strict=True):
        cited = by_doc.get(doc, set())
        # The sentence's own attribution first; a document citing one outlet only is a
        # rewrite of that outlet; otherwise the document is its own origin.
        origin = by_sentence.get(sent) or (min(cited) if len(cited) == 1 else None)
        pairs.add((doc, origin or names.get(doc, doc)))
    return Counter(origin for _, origin in pairs)


def origins_finding(tables, start, end, focus: str = "US->Israel") -> Finding:
    claim = central_claim(tables, focus)
    if claim is None:
        return Finding(f"No {focus} trust signal was found, so the sourcing of the central "
                       "trust claim could not be traced.", [], "origins", False)
    origins = claim["origins"]
    listed = _join([f"{o} ({_plural(n, 'document')})" for o, n in
                    sorted(origins.items(), key=lambda item: (-item[1], item[0]))])
    cue = f" ('{claim['cue']}')" if claim["cue"] else ""
    spread = _plural(claim["n_outlets"], "named outlet")
    if claim["n_unknown"]:
        spread += f" and {claim['n_unknown']} of unknown outlet"
    text = (f"The most repeated {focus} trust claim, {claim['category']}{cue}, appears in "
            f"{_plural(len(claim['doc_ids']), 'document')} ({spread}) but rests on "
            f"{_plural(len(origins), 'independent origin')}: {listed}.")
    return Finding(text, cite_documents(claim["doc_ids"], _table(tables, "documents")),
                   "origins")


# --- 5. coverage --------------------------------------------------------------------------------

def coverage_finding(tables, start, end, focus: str = "US->Israel") -> Finding:
    events = list(_event_index(_table(tables, "events")).values())
    dated = [e for e in events if _in_window(e["date"], start, end)]
    if not dated:
        return Finding(f"No event is dated {_period(start, end)}.", [], "coverage", False)
    top = sorted(dated, key=lambda e: (-_int(e["n_documents"]), -_int(e["n_origins"]),
                                       e["date"], e["event_id"]))[0]
    n_docs, n_origins = _int(top["n_documents"]), _int(top["n_origins"])
    origins = as_list(top["origins"])
    text = (f"The most reported event, {top['label']} ({day_label(to_date(top['date']))}), "
            f"appears in {_plural(n_docs, 'document')} from "
            f"{_plural(_int(top['n_outlets']), 'outlet')}, which trace back to "
            f"{_plural(n_origins, 'independent origin')}")
    text += f" ({_join(origins)})." if origins else "."
    return Finding(text, cite_documents(top["doc_ids"], _table(tables, "documents")),
                   "coverage")


# --- assembly -----------------------------------------------------------------------------------

FINDERS = (notice_finding, trust_finding, cadence_finding, origins_finding, coverage_finding)


def key_findings(tables, start, end, focus: str = "US->Israel") -> list[Finding]:
    """Three to five findings: those the data supports first, then what is missing."""
    found = [finder(tables, start, end, focus) for finder in FINDERS]
    available = [f for f in found if f.available]
    missing = [f for f in found if not f.available]
    return (available + missing[: max(0, 3 - len(available))])[:5]


def headline(tables, start, end, focus: str = "US->Israel") -> str:
    """A one-line dek written from the same numbers as the findings."""
    observer, _ = parse_focus(focus)
    parts = []
    ops = _operations(tables, start, end)
    if not ops.empty:
        little = int(ops["notice"].isin(LITTLE_NOTICE).sum())
        parts.append(f"{observer} got little or no notice of {little} of "
                     f"{_plural(len(ops), 'dated operation')}")
    trust = trust_finding(tables, start, end, focus)
    index = _table(tables, "trust_index")
    if trust.available:
        index = _rows_in_window(index, start, end).sort_values("date")
        values = pd.to_numeric(_col(index, "index"), errors="coerce")
        values = values.dropna()
        change = values.iloc[-1] - values.iloc[0]
        verb = "fell" if change < 0 else "rose" if change > 0 else "held"
        parts.append(f"the {focus} trust index {verb}"
                     + (f" by {abs(change):.2f}" if change else ""))
    if not parts:
        n_events = sum(_in_window(d, start, end) for d in _col(_table(tables, "events"), "date"))
        n_docs = len(_table(tables, "documents"))
        return (f"{_plural(n_events, 'dated event')} from {_plural(n_docs, 'document')} "
                f"{_period(start, end)}.")
    text = " as ".join(parts) if len(parts) == 2 else parts[0]
    return f"{text[0].upper()}{text[1:]}, {_span(start, end)}."


def _span(start, end) -> str:
    lo, hi = to_date(start), to_date(end)
    if lo is None or hi is None:
        return "in the period covered"
    return f"{day_label(lo)} to {day_label(hi)}"
