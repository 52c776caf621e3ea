"""Corroboration of an event: its documents, outlets and independent origins.

The origin rule itself lives in trustbrief.origins (shared with the metrics and the brief);
known_outlet and origin_finder are re-exported here for the stage's callers.
"""

from __future__ import annotations

from collections import defaultdict

from trustbrief.events.context import Context
from trustbrief.events.records import Rec
from trustbrief.origins import known_outlet, origin_finder

__all__ = ["corroboration", "known_outlet", "origin_finder"]


def corroboration(recs: list[Rec], ctx: Context) -> dict:
    sents_by_doc: dict[str, set[str]] = defaultdict(set)
    for r in recs:
        sents_by_doc[r.doc_id].add(r.sent_id)
    docs = sorted(sents_by_doc)
    outlet_of = [ctx.origins.outlet_of.get(d, "") for d in docs]
    outlets = sorted(set(outlet_of) - {""})
    unknown = sum(1 for outlet in outlet_of if not outlet)
    origins = sorted({ctx.origins.of(d, sents_by_doc[d]) for d in docs})
    return {"doc_ids": docs, "n_documents": len(docs), "outlets": outlets,
            "n_outlets": len(outlets) + unknown, "origins": origins, "n_origins": len(origins)}
