"""The origins finding: the most repeated trust claim and the independent origins behind it.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from trustbrief.brief.findings.base import (
    Finding,
    cite_documents,
    join_words,
    norm_direction,
    plural,
    source_names,
    table_of,
)
from trustbrief.brief.views.cells import text_column


def central_claim(tables, focus: str) -> dict | None:
    """The trust-signal category (focus direction, negative first) reported by most documents,
    with the independent origins behind it: the outlet a document cites for that sentence,
    else the document's own outlet (or file)."""
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
    names = source_names(table_of(tables, "documents"))
    doc_ids = list(dict.fromkeys(chosen["doc_id"]))
    known = {names[d] for d in doc_ids if d in names and not names[d].startswith("file ")}
    cue = Counter(chosen["cue"]).most_common(1)[0][0] if (chosen["cue"] != "").any() else ""
    return {"category": category, "cue": cue, "doc_ids": doc_ids, "n_outlets": len(known),
            "n_unknown": sum(1 for d in doc_ids if d not in names or
                             names[d].startswith("file ")), "origins": origins}


def _origins_of(chosen: pd.DataFrame, tables) -> Counter:
    """origin -> number of documents whose claim goes back to it."""
    claims = table_of(tables, "claims")
    names = source_names(table_of(tables, "documents"))
    by_sentence, by_doc = {}, {}
    for doc, sent, cited in zip(text_column(claims, "doc_id"), text_column(claims, "sent_id"),
                                text_column(claims, "cited_outlet"), strict=True):
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


def origins_finding(tables, start, end, focus: str) -> Finding:
    claim = central_claim(tables, focus)
    if claim is None:
        return Finding(f"No {focus} trust signal was found, so the sourcing of the central "
                       "trust claim could not be traced.", [], "origins", False)
    origins = claim["origins"]
    listed = join_words([f"{o} ({plural(n, 'document')})" for o, n in
                    sorted(origins.items(), key=lambda item: (-item[1], item[0]))])
    cue = f" ('{claim['cue']}')" if claim["cue"] else ""
    spread = plural(claim["n_outlets"], "named outlet")
    if claim["n_unknown"]:
        spread += f" and {claim['n_unknown']} of unknown outlet"
    text = (f"The most repeated {focus} trust claim, {claim['category']}{cue}, appears in "
            f"{plural(len(claim['doc_ids']), 'document')} ({spread}) but rests on "
            f"{plural(len(origins), 'independent origin')}: {listed}.")
    return Finding(text, cite_documents(claim["doc_ids"], table_of(tables, "documents")),
                   "origins")
