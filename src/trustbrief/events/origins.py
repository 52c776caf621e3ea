"""Independent origins: THE rule that says which accounts count once."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

import pandas as pd

from trustbrief.events.context import Context
from trustbrief.events.label_rules import LabelRules
from trustbrief.events.records import Rec, _columns, as_list
from trustbrief.tables import cell_text, frame_records


def _origin_lookups(found, documents) -> tuple[dict[str, str], dict[tuple[str, str], Counter],
                                               dict[str, Counter]]:
    """(outlet of each document, outlets cited per sentence, outlets cited per document)."""
    outlet_of = {d["doc_id"]: known_outlet(d.get("outlet")) for d in frame_records(
        documents, [c for c in ("doc_id", "outlet") if c in documents])}
    by_sent: dict[tuple[str, str], Counter] = defaultdict(Counter)
    by_doc: dict[str, Counter] = defaultdict(Counter)
    if "cited_outlets" in documents:
        # corpus lists the outlets a document cites as its source, in order of appearance
        for doc_id, cited in _columns(documents, ["doc_id", "cited_outlets"]):
            for rank, outlet in enumerate(as_list(cited)):
                by_doc[doc_id][outlet] += 0.5 / (rank + 1)
    claims = found.get("claims")
    if claims is not None and len(claims) and "cited_outlet" in claims:
        for doc_id, sent_id, cited in _columns(claims, ["doc_id", "sent_id", "cited_outlet"]):
            outlet = cell_text(cited)
            if outlet:
                by_sent[(doc_id, sent_id)][outlet] += 1
                by_doc[doc_id][outlet] += 1
    return outlet_of, by_sent, by_doc


def known_outlet(value) -> str:
    """corpus writes 'unknown' for an outlet it could not tell; that is no outlet."""
    text = cell_text(value).strip()
    return "" if text.lower() in ("", "unknown") else text


def _origin_of(doc_id: str, sents: set[str], ctx: Context) -> str:
    """The origin of a document's account: the outlet its relevant sentences (or, failing
    that, the whole document) cite most; a document citing nothing is its own origin."""
    found = [c for c in (ctx.claims_by_sent.get((doc_id, s)) for s in sents) if c]
    if not found:
        return _document_origin(doc_id, ctx)
    if len(found) == 1:
        return _most_cited(found[0])  # one citing sentence (the usual case): no sum to build
    cited: Counter = Counter()
    for counts in found:
        cited.update(counts)
    return _most_cited(cited)


def _most_cited(cited: Mapping[str, float]) -> str:
    return min(cited, key=lambda o: (-cited[o], o))


def _document_origin(doc_id: str, ctx: Context) -> str:
    """The origin of a whole document; every event the document mentions asks for it, so it
    is worked out once per document."""
    origin = ctx.document_origins.get(doc_id)
    if origin is None:
        cited = ctx.claims_by_doc.get(doc_id)
        origin = _most_cited(cited) if cited else (ctx.outlet_of.get(doc_id) or doc_id)
        ctx.document_origins[doc_id] = origin
    return origin


def corroboration(recs: list[Rec], ctx: Context) -> dict:
    sents_by_doc: dict[str, set[str]] = defaultdict(set)
    for r in recs:
        sents_by_doc[r.doc_id].add(r.sent_id)
    docs = sorted(sents_by_doc)
    outlets = sorted({ctx.outlet_of.get(d, "") for d in docs} - {""})
    unknown = sum(1 for d in docs if not ctx.outlet_of.get(d))
    origins = sorted({_origin_of(d, sents_by_doc[d], ctx) for d in docs})
    return {"doc_ids": docs, "n_documents": len(docs), "outlets": outlets,
            "n_outlets": len(outlets) + unknown, "origins": origins, "n_origins": len(origins)}


def origin_finder(found: Mapping[str, pd.DataFrame], documents: pd.DataFrame):
    """(doc_id, sent_ids) -> name of the independent origin of that account, with the same
    rule as the events' n_origins (cited outlet of the sentences, else of the document, else
    the document's own outlet, else the document itself)."""
    # origins need the outlets and citations only, not the signals or actors per sentence
    outlet_of, by_sent, by_doc = _origin_lookups(found, documents)
    ctx = Context({}, {}, LabelRules(), ("", ""), outlet_of, by_sent, by_doc, {})

    def origin(doc_id: str, sent_ids: Iterable[str] = ()) -> str:
        return _origin_of(doc_id, set(sent_ids), ctx)
    return origin
