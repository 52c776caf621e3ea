"""What the titled-people scan (knowledge.titled_people) found in each document, remembered
between runs, so a run scans only the articles it has not seen: the scan reads every sentence
of the corpus before extraction (about a second per 10,000 articles).

Layout (cache_store.JsonCacheStore): FOLDER/<fingerprint>/documents.json.gz, one JSON object
{document key: [[name, side, role id], ...]}, the current run's documents only.
- document key: sha1 of the document's sentence texts, in order (an edited article is new):
  text_digests.digest, made once a run for this memo and the sentence readings'.
- fingerprint: the scan's patterns and role table (TitleScan.about) and the source of
  knowledge.titled_people; another fingerprint's folder is deleted.
The matches come back in the order of the texts, as one scan of all of them gives them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from trustbrief import fingerprints
from trustbrief.cache_store import JsonCacheStore
from trustbrief.knowledge.titled_people import TitleScan
from trustbrief.text_digests import digest

ENTRY = "documents"


def document_matches(scan: TitleScan, doc_ids: Sequence[str], texts: Sequence[str],
                     folder: Path | str, digests: Mapping[str, str] | None = None
                     ) -> list[list[str]]:
    """scan.matches(texts), each run of one document's sentences read from the memo in
    `folder` when there, else scanned (and the memo rewritten with this run's documents).
    `digests`: text_digests.document_digests(doc_ids, texts), when the caller has them."""
    store = JsonCacheStore(folder, fingerprints.digest(
        scan.about, fingerprints.code_digest("trustbrief.knowledge.titled_people")))
    known = store.load(ENTRY)
    known = known if isinstance(known, dict) else {}
    seen: dict[str, list] = {}
    found: list[list[str]] = []
    for doc_id, doc_texts in _runs(_listed(doc_ids), _listed(texts)):
        key = digests[doc_id] if digests is not None else digest(doc_texts)
        matches = seen.get(key, known.get(key))
        if not _well_formed(matches):  # not remembered, or damaged
            matches = scan.matches(doc_texts)
        seen[key] = matches
        found += matches
    if seen.keys() != known.keys():
        store.store(ENTRY, seen)
        store.prune()
    return found


def _well_formed(matches) -> bool:
    return isinstance(matches, list) and all(
        isinstance(m, list) and len(m) == 3 and all(isinstance(v, str) for v in m)
        for m in matches)


def _listed(values: Sequence[str]) -> Sequence[str]:
    """A column's cells as a list (a pandas text column gives each cell through a Python call
    when iterated: ~0.1 s over 100,000 sentences)."""
    return values.tolist() if hasattr(values, "tolist") else values


def _runs(doc_ids: Sequence[str], texts: Sequence[str]):
    """(document, its texts): the texts cut where the document changes, in their order."""
    run: list[str] = []
    last = None
    for doc_id, text in zip(doc_ids, texts, strict=True):
        if run and doc_id != last:
            yield last, run
            run = []
        run.append(text)
        last = doc_id
    if run:
        yield last, run
