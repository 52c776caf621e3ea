"""Sourcing: how each outlet attributes its claims."""

from __future__ import annotations

import pandas as pd

from trustbrief.contract.vocab import SpeakerType, values
from trustbrief.metrics.frames import SCHEMA, live_docs, present_values, typed_frame
from trustbrief.metrics.notice import DOCUMENT_NAME_FIELDS
from trustbrief.origins import known_outlet
from trustbrief.tables import cell_text, frame_records

SPEAKER_TYPES = values(SpeakerType)


def sourcing(found, documents) -> pd.DataFrame:
    """Claims per publishing outlet and speaker type (duplicates excluded); each document of
    unknown outlet is its own row, 'unknown outlet (FILE)'."""
    claims = typed_frame(found, "claims")
    live = live_docs(documents)
    outlet = {}
    for d in frame_records(documents, present_values(documents, DOCUMENT_NAME_FIELDS)):
        outlet[d["doc_id"]] = known_outlet(d.get("outlet")) or \
            f"unknown outlet ({cell_text(d.get('file')) or d['doc_id']})"
    kinds = {"outlet": "cited_outlet"}  # claims.speaker_type 'outlet' -> column cited_outlet
    columns = [kinds.get(k, k) for k in SPEAKER_TYPES]
    counts: dict[str, dict[str, int]] = {}
    for d in sorted(live):
        counts.setdefault(outlet[d], dict.fromkeys(columns, 0))
    if not claims.empty:
        for doc, kind in zip(claims["doc_id"].tolist(), claims["speaker_type"].tolist(),
                             strict=True):
            if doc not in live:
                continue
            kind = cell_text(kind) if cell_text(kind) in SPEAKER_TYPES else "unattributed"
            counts[outlet[doc]][kinds.get(kind, kind)] += 1
    rows = [{"outlet": name, **c, "total": sum(c.values())} for name, c in counts.items()]
    frame = pd.DataFrame(rows, columns=list(SCHEMA["sourcing"]))
    return frame.sort_values("outlet", kind="stable").reset_index(drop=True)
