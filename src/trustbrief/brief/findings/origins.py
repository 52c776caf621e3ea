"""The origins finding: the most repeated trust claim and the independent origins behind it.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from trustbrief.brief.findings.base import (
    Finding,
    cite_documents,
    join_words,
    plural,
    source_names,
    table_of,
)
from trustbrief.brief.views.cells import text_column
from trustbrief.brief.views.outlets import is_unknown_outlet
from trustbrief.brief.views.statements import norm_direction
from trustbrief.origins import Origins


def central_claim(tables, focus: str) -> dict | None:
    """The trust-signal category (focus direction, negative first) reported by most documents,
    with the independent origins behind it (trustbrief.origins, the one rule)."""
    signals = table_of(tables, "trust_signals")
    if signals.empty:
        return None
    frame = pd.DataFrame({c: text_column(signals, c) for c in
                          ("doc_id", "sent_id", "cue", "category", "polarity", "direction",
                           "negated")})
    frame = frame[(frame["direction"].map(norm_direction) == norm_direction(focus))
                  & ~frame["negated"].str.lower().isin(("true", "1", "yes"))]
    # polarity is -1 (erodes trust) or 1 (builds trust): the eroding claims come first.
    eroding = pd.to_numeric(frame["polarity"], errors="coerce") < 0
    if eroding.any():
        frame = frame[eroding]
    if frame.empty:
        return None
    spread = frame.groupby("category")["doc_id"].nunique()
    category = sorted(spread.index, key=lambda c: (-spread[c], c))[0]
    chosen = frame[frame["category"] == category]
    origins = _origins_of(chosen, tables)
    documents = table_of(tables, "documents")
    unknown = {d for d, o in zip(text_column(documents, "doc_id"),
                                 text_column(documents, "outlet"), strict=True)
               if is_unknown_outlet(o)}
    doc_ids = list(dict.fromkeys(chosen["doc_id"]))
    known_docs = set(text_column(documents, "doc_id"))
    outlets = {o for d, o in zip(text_column(documents, "doc_id"),
                                 text_column(documents, "outlet"), strict=True)
               if d in doc_ids and d not in unknown}
    cue = Counter(chosen["cue"]).most_common(1)[0][0] if (chosen["cue"] != "").any() else ""
    return {"category": category, "cue": cue, "doc_ids": doc_ids, "n_outlets": len(outlets),
            "n_unknown": sum(1 for d in doc_ids if d in unknown or d not in known_docs),
            "origins": origins}


def _origins_of(chosen: pd.DataFrame, tables) -> Counter:
    """origin -> number of documents whose claim goes back to it, by the events stage's one
    origin rule; a document that is its own origin is named by its outlet or title."""
    documents = table_of(tables, "documents")
    rule = Origins.from_tables(documents, table_of(tables, "claims"))
    names = source_names(documents)
    pairs = set()
    for doc, sents in chosen.groupby("doc_id")["sent_id"]:
        found = rule.of(doc, list(sents))
        pairs.add((doc, names.get(found, found)))
    return Counter(name for _, name in pairs)


def origins_finding(tables, start, end, focus: str) -> Finding:
    claim = central_claim(tables, focus)
    if claim is None:
        return Finding("No statement of distrust was found, so the sourcing of the central "
                       "claim could not be traced.", [], "origins", False)
    origins = claim["origins"]
    listed = join_words([f"{o} ({plural(n, 'article')})" for o, n in
                    sorted(origins.items(), key=lambda item: (-item[1], item[0]))])
    cue = f" ('{claim['cue']}')" if claim["cue"] else ""
    spread = plural(claim["n_outlets"], "named outlet")
    if claim["n_unknown"]:
        spread += f" and {claim['n_unknown']} of unknown outlet"
    text = (f"The most repeated trust claim, {claim['category']}{cue}, appears in "
            f"{plural(len(claim['doc_ids']), 'article')} ({spread}) but rests on "
            f"{plural(len(origins), 'independent origin')}: {listed}.")
    return Finding(text, cite_documents(claim["doc_ids"], table_of(tables, "documents")),
                   "origins")


def rewrites_takeaway(rewritten: int, n_events: int) -> str:
    """'2 of 3 events are reported by more articles than they have independent origins ...';
    with none, says so rather than '0 of 16 events are'."""
    if rewritten == 0:
        # never 'no rewrite ...' above a chart whose hollow dots are rewrites: each of them
        # relays an outlet no other article of its event relays, so it is an origin of its own
        which = "The event is" if n_events == 1 else f"Each of the {n_events} events is"
        whose = "its" if n_events == 1 else "an event's"
        return (f"{which} reported by as many independent origins as articles: no two of "
                f"{whose} articles relay the same report.")
    verb = "is" if rewritten == 1 else "are"
    its = "it has" if rewritten == 1 else "they have"
    return (f"{rewritten} of {plural(n_events, 'event')} {verb} reported by more articles "
            f"than {its} independent origins: rewrites of one report are not corroboration.")
