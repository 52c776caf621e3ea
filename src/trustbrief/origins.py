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
sentences cite (claims.cited_outlet: 'officials told Axios'), else to its document's key.
So a Reuters copy on three sites, and three rewrites of one outlet's scoop, are one origin
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
    _citing: frozenset[str] | None = field(default=None, repr=False)  # docs citing an outlet

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
        if self._citing is None:
            self._citing = frozenset(doc for doc, _ in self.cited_by_sentence)
        if doc_id not in self._citing:  # most documents cite no outlet: no sentence to read
            return self.of_document(doc_id)
        sents = sent_ids if isinstance(sent_ids, (set, frozenset)) else set(sent_ids)
        cited: Counter = Counter()
        for counts in (self.cited_by_sentence.get((doc_id, s)) for s in sents):
            if counts:
                cited.update({self._name(o): n for o, n in counts.items()})
        if not cited:
            return self.of_document(doc_id)
        return min(cited, key=lambda o: (-cited[o], o))

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
