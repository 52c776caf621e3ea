"""The extraction cache: each document's extracted rows, so a document is extracted once.

A cached run reads every unchanged document's actor, mention, claim, signal and time
expression rows from a file instead of extracting them again (and loads no spaCy pipeline
when every document is cached); one article added to a large corpus costs its own
extraction only.

Layout (cache_store.JsonCacheStore): FOLDER/<fingerprint>/<document key>.json.gz, JSON of
plain values (gzip).
- The document key is the sha256 of the document's sentences as extraction sees them
  (doc_id, sent_id, text of each): a changed article, a changed sentence split or a
  renumbered document is a new key.
- The fingerprint is the sha256 of everything else extraction reads: the loaded knowledge
  (the Lexicons and the time vocabulary, i.e. every data file they were built from, world
  files and the story's actors included), the source of every trustbrief module extraction
  imports, and the name and version of the spaCy pipeline. Any change to one of them is a
  new folder: the rows are extracted again, and the folders of other fingerprints are
  deleted (`prune`), so the cache holds the current knowledge's rows only.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from trustbrief import fingerprints
from trustbrief.cache_store import JsonCacheStore
from trustbrief.fingerprints import canonical, code_digest

TABLES = 5  # actor, mention, claim, signal and time expression rows
CODE_ROOT = "trustbrief.extract"  # the modules extraction runs: this package and its imports


def fingerprint(lexicons, vocabulary, pipeline: str) -> str:
    """sha256 (hex, shortened) of the knowledge, code and pipeline extraction depends on."""
    return fingerprints.digest(canonical(lexicons), canonical(vocabulary), pipeline,
                               code_digest(CODE_ROOT))


def document_key(records: Sequence[dict]) -> str:
    """sha256 of a document's sentences (doc_id, sent_id, text of each, in order)."""
    digest = hashlib.sha256()
    for r in records:
        digest.update(f"{r['doc_id']}\0{r['sent_id']}\0{r['text']}\0".encode())
    return digest.hexdigest()


class RowCache(JsonCacheStore):
    """Rows of documents by document key, in FOLDER/<fingerprint>/ (see the module)."""

    def read(self, key: str) -> tuple[list, ...] | None:
        """The document's rows (five lists), or None when not cached (or unreadable)."""
        rows = self.load(key)
        return tuple(rows) if isinstance(rows, list) and len(rows) == TABLES else None

    def write(self, key: str, rows: Sequence[list]) -> None:
        """Atomically (a crash never leaves half a file where a cache is read). Rows must
        hold plain JSON values, so that reading gives back exactly what was written."""
        for table in rows:
            for row in table:
                _check_plain(row)
        self.store(key, list(rows))


def _check_plain(row: dict) -> None:
    for field, value in row.items():
        if not _plain(value):
            raise TypeError(f"extraction row field {field!r} holds a {type(value).__name__}: "
                            "the extraction cache keeps JSON values only (str, number, bool, "
                            "None, list)")


def _plain(value) -> bool:
    if value is None or isinstance(value, (str, bool, int, float)):
        return True
    return isinstance(value, list) and all(_plain(v) for v in value)
