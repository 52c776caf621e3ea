"""Independent origins: THE one rule for which accounts count once.

An account (a document's sentences about something) goes back to an origin: the outlet
those sentences cite (claims.cited_outlet), else the outlet the document cites most (its
claims, then documents.cited_outlets, earlier ones weighing more), else the document's own
outlet, else the document itself. Rewrites of one report therefore count once, and documents
of unknown outlet count one each. The events stage (n_origins, origins), the metrics (the
trust index's origins) and the brief all use this rule: it reads only the documents and
claims tables, so the brief can apply it to the processed CSV tables too.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from trustbrief.contract import codecs
from trustbrief.tables import cell_text, frame_records, native_list


def known_outlet(value) -> str:
    """corpus writes 'unknown' for an outlet it could not tell; that is no outlet."""
    text = cell_text(value).strip()
    return "" if text.lower() in ("", "unknown") else text


def _most_cited(cited: Mapping[str, float]) -> str:
    return min(cited, key=lambda o: (-cited[o], o))


def _rows(frame: pd.DataFrame, names: list[str]):
    return zip(*(native_list(frame[name]) for name in names), strict=True)


@dataclass
class Origins:
    """The origin rule over one corpus: `origins.of(doc_id, sent_ids)`."""

    outlet_of: dict[str, str]
    cited_by_sentence: dict[tuple[str, str], Counter]
    cited_by_document: dict[str, Counter]
    _documents: dict[str, str] = field(default_factory=dict, repr=False)  # cache

    @classmethod
    def from_tables(cls, documents: pd.DataFrame, claims: pd.DataFrame | None = None
                    ) -> Origins:
        """From the documents table (outlet, cited_outlets) and the claims (cited_outlet)."""
        outlet_of = {d["doc_id"]: known_outlet(d.get("outlet")) for d in frame_records(
            documents, [c for c in ("doc_id", "outlet") if c in documents])}
        by_sent: dict[tuple[str, str], Counter] = defaultdict(Counter)
        by_doc: dict[str, Counter] = defaultdict(Counter)
        if "cited_outlets" in documents:
            # corpus lists the outlets a document cites as its source, in order of appearance
            for doc_id, cited in _rows(documents, ["doc_id", "cited_outlets"]):
                for rank, outlet in enumerate(codecs.parse_list(cited)):
                    by_doc[doc_id][outlet] += 0.5 / (rank + 1)
        if claims is not None and len(claims) and "cited_outlet" in claims:
            for doc_id, sent_id, cited in _rows(claims, ["doc_id", "sent_id", "cited_outlet"]):
                outlet = cell_text(cited)
                if outlet:
                    by_sent[(doc_id, sent_id)][outlet] += 1
                    by_doc[doc_id][outlet] += 1
        return cls(outlet_of, by_sent, by_doc)

    def of(self, doc_id: str, sent_ids: Iterable[str] = ()) -> str:
        """The origin of a document's account given in `sent_ids`: the outlet those sentences
        cite most, else the document's origin."""
        sents = sent_ids if isinstance(sent_ids, (set, frozenset)) else set(sent_ids)
        found = [c for c in (self.cited_by_sentence.get((doc_id, s)) for s in sents) if c]
        if not found:
            return self.of_document(doc_id)
        if len(found) == 1:
            return _most_cited(found[0])  # one citing sentence (the usual case): no sum
        cited: Counter = Counter()
        for counts in found:
            cited.update(counts)
        return _most_cited(cited)

    def of_document(self, doc_id: str) -> str:
        """The origin of a whole document (worked out once per document)."""
        origin = self._documents.get(doc_id)
        if origin is None:
            cited = self.cited_by_document.get(doc_id)
            origin = _most_cited(cited) if cited else (self.outlet_of.get(doc_id) or doc_id)
            self._documents[doc_id] = origin
        return origin


def origin_finder(found: Mapping[str, pd.DataFrame], documents: pd.DataFrame):
    """(doc_id, sent_ids=()) -> the origin of that account (Origins.of), for callers that
    hold the extraction's frames."""
    return Origins.from_tables(documents, found.get("claims")).of
