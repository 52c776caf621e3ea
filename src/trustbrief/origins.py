"""Independent origins: THE one rule for which accounts count once.

A document goes back to one origin key:
  1. a copy of another document (documents.duplicate_of): that document's key;
  2. else the origin the corpus stage found (documents.origin: the wire whose copy it
     runs, the outlet whose scoop its lede credits, the outlet itself for original
     reporting), unless 'unknown' or '';
  3. else its own outlet, unless 'unknown';
  4. else the first outlet it cites as its source (documents.cited_outlets: an article of
     unknown outlet that relays 'according to X' is X's account);
  5. else the document itself (its doc_id): a document of unknown origin counts once.
An account (a document's sentences about something) goes back to the outlet those
sentences cite (claims.cited_outlet: 'officials told Outlet'), else to its document's key.
So an agency's copy on three sites, and three rewrites of one outlet's scoop, are one origin
each. Names compare without regard to case; the first spelling met is the one returned.

The events stage (n_origins, origins), the metrics (the trust index's votes) and the brief
(statements, judgements, the central claim, the corroboration matrix) all count origins
through `Origins`; it reads only the documents and claims tables, typed or as read from
CSV, so the brief applies it to the processed tables too.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from trustbrief.contract import codecs
from trustbrief.tables import cell_text, frame_records, native_list

DOCUMENT_COLUMNS = ("doc_id", "outlet", "origin", "cited_outlets", "duplicate_of")


def known_outlet(value) -> str:
    """corpus writes 'unknown' for an outlet (or origin) it could not tell; that is none."""
    text = cell_text(value).strip()
    return "" if text.lower() in ("", "unknown") else text


def document_keys(documents: pd.DataFrame | None) -> dict[str, str]:
    """doc_id -> the document's origin key (rules 1-5 above)."""
    if documents is None or "doc_id" not in documents:
        return {}
    rows = frame_records(documents, [c for c in DOCUMENT_COLUMNS if c in documents])
    own = {r["doc_id"]: known_outlet(r.get("origin")) or known_outlet(r.get("outlet"))
           or next(iter(codecs.parse_list(r.get("cited_outlets"))), "") or r["doc_id"]
           for r in rows}
    copy_of = {r["doc_id"]: cell_text(r.get("duplicate_of")) for r in rows}
    keys = {}
    for doc in own:
        root, seen = doc, {doc}
        while copy_of.get(root) in own and copy_of[root] not in seen:  # a chain, no cycle
            root = copy_of[root]
            seen.add(root)
        keys[doc] = own[root]
    return keys


def _rows(frame: pd.DataFrame, names: list[str]):
    return zip(*(native_list(frame[name]) for name in names), strict=True)


@dataclass
class Origins:
    """The origin rule over one corpus: `origins.of(doc_id, sent_ids)`."""

    key_of: dict[str, str]  # doc_id -> the document's origin key
    outlet_of: dict[str, str]  # doc_id -> its own outlet, '' when unknown
    cited_by_sentence: dict[tuple[str, str], Counter]
    _spelling: dict[str, str] = field(default_factory=dict, repr=False)
    # doc_id -> {sent_id: {outlet as spelt first: count}} of the documents citing an outlet
    _cited: dict[str, dict[str, dict[str, int]]] | None = field(default=None, repr=False)

    @classmethod
    def from_tables(cls, documents: pd.DataFrame | None, claims: pd.DataFrame | None = None
                    ) -> Origins:
        """From the documents table (outlet, origin, duplicate_of) and the claims
        (cited_outlet)."""
        outlet_of = {}
        if documents is not None and "doc_id" in documents:
            outlet_of = {d["doc_id"]: known_outlet(d.get("outlet")) for d in frame_records(
                documents, [c for c in ("doc_id", "outlet") if c in documents])}
        by_sent: dict[tuple[str, str], Counter] = defaultdict(Counter)
        if claims is not None and len(claims) and "cited_outlet" in claims:
            for doc_id, sent_id, cited in _rows(claims, ["doc_id", "sent_id", "cited_outlet"]):
                if outlet := known_outlet(cited):
                    by_sent[(doc_id, sent_id)][outlet] += 1
        origins = cls(document_keys(documents), outlet_of, by_sent)
        for name in [*origins.key_of.values(), *(o for c in by_sent.values() for o in c)]:
            origins._spelling.setdefault(name.casefold(), name)
        return origins

    def _name(self, key: str) -> str:
        return self._spelling.get(key.casefold(), key)

    def of(self, doc_id: str, sent_ids: Iterable[str] = ()) -> str:
        """The origin of a document's account given in `sent_ids`: the outlet those sentences
        cite most (ties: alphabetical), else the document's key."""
        cited_in = self._cited_in().get(doc_id)
        if cited_in is None:  # most documents cite no outlet: no sentence to read
            return self.of_document(doc_id)
        found = [c for c in map(cited_in.get, set(sent_ids)) if c]
        if not found:
            return self.of_document(doc_id)
        cited = found[0]
        if len(found) > 1:
            cited = {}
            for counts in found:
                for outlet, n in counts.items():
                    cited[outlet] = cited.get(outlet, 0) + n
        return min(cited, key=lambda o: (-cited[o], o)) if len(cited) > 1 else next(iter(cited))

    def _cited_in(self) -> dict[str, dict[str, dict[str, int]]]:
        """The outlets each sentence cites, by document, each under its first spelling (read
        once: `of` is asked for each event's and each trust signal's account)."""
        if self._cited is None:
            self._cited = defaultdict(dict)
            for (doc_id, sent_id), counts in self.cited_by_sentence.items():
                self._cited[doc_id][sent_id] = {self._name(o): n for o, n in counts.items()}
            self._cited = dict(self._cited)
        return self._cited

    def of_document(self, doc_id: str) -> str:
        """The origin key of a whole document (a document not in the table: itself)."""
        return self._name(self.key_of.get(doc_id, doc_id))

    def relays(self, doc_id: str, sent_ids: Iterable[str] = ()) -> bool:
        """Whether the account goes back to someone else's reporting (a wire copy, a
        rewrite, a duplicate) rather than to the document itself or its own outlet."""
        origin = self.of(doc_id, sent_ids).casefold()
        return origin not in {doc_id.casefold(), self.outlet_of.get(doc_id, "").casefold()}


def origin_finder(found: Mapping[str, pd.DataFrame], documents: pd.DataFrame):
    """(doc_id, sent_ids=()) -> the origin of that account (Origins.of), for callers that
    hold the extraction's frames."""
    return Origins.from_tables(documents, found.get("claims")).of
