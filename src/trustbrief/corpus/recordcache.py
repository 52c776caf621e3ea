"""The corpus cache: each article's document row and sentences, so an unchanged article is
not cleaned, segmented and dated again (the corpus stage is ~2 ms of CPU an article: 20 s
at 10,000 articles, every run).

Layout (cache_store.JsonCacheStore): FOLDER/<fingerprint>/<key>.json.gz, JSON (gzip) of
[document row, sentence rows, warnings, logging level].
- The key is the sha256 of everything the article's record is computed from: its raw row
  without the text (file name, sha256 of the bytes, encoding, size, HTML metadata), its
  doc_id, its sidecar entry and the sidecar's name.
- The fingerprint is the sha256 of the corpus rules (every data file they are loaded from,
  canonical form) and of the source of every trustbrief module the corpus stage imports.
  Another fingerprint's folder is deleted (`prune`).
- The warnings an article's record logged are stored with it and logged again when it is
  read, so a cached run warns as a cold one does. A record computed while warnings were
  not logged (a quieter logging level) is not used by a run that logs them.
- The near-duplicate fingerprint's arrays are kept as base64 bytes (exact, and cheap to read).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import logging
from pathlib import Path

import numpy as np

from trustbrief import fingerprints
from trustbrief.cache_store import JsonCacheStore
from trustbrief.corpus.dedupe import Fingerprint

CODE_ROOT = "trustbrief.corpus"
log = logging.getLogger("trustbrief")


def fingerprint(rules) -> str:
    return fingerprints.digest(fingerprints.canonical(rules),
                               fingerprints.code_digest(CODE_ROOT))


def record_key(raw_row: dict, doc_id: str, side_entry: dict, sidecar_file: str) -> str:
    about = {k: v for k, v in raw_row.items() if k != "text"}
    text = json.dumps([about, doc_id, side_entry, sidecar_file], sort_keys=True, default=str,
                      ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


class RecordCache(JsonCacheStore):
    """Records of articles by key, in FOLDER/<fingerprint>/ (see the module)."""

    def __init__(self, folder: Path | str, rules):
        super().__init__(folder, fingerprint(rules))

    def read(self, key: str) -> tuple[dict, list[dict]] | None:
        """(document row, sentence rows) with its warnings logged again, or None when not
        cached, unreadable, or computed at a quieter logging level than this run's."""
        try:
            doc, sentences, warnings, level = self.load(key)
        except (TypeError, ValueError):  # a miss, or not the four parts of a record
            return None
        if level > log.getEffectiveLevel():
            return None
        doc["_fingerprint"] = Fingerprint(doc["_fingerprint"][0],
                                          *(_array(a) for a in doc["_fingerprint"][1:]))
        for levelno, message in warnings:
            log.log(levelno, "%s", message)
        return doc, sentences

    def write(self, key: str, record: tuple[dict, list[dict]], warnings: list,
              level: int) -> None:
        doc, sentences = record
        found = doc["_fingerprint"]
        plain = {**doc, "_fingerprint": [found.key, _text(found.shingles),
                                         _text(found.signature)]}
        self.store(key, [plain, sentences, warnings, level])


def _text(array: np.ndarray) -> str:
    return base64.b64encode(np.ascontiguousarray(array, dtype=np.uint64).tobytes()).decode()


def _array(text: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype=np.uint64).copy()


class _Collected(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.found: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.found.append((record.levelno, record.getMessage()))


@contextlib.contextmanager
def collected_warnings():
    """The (level, message) of every record logged inside, which are still logged as usual;
    and the logging level they were collected at."""
    handler = _Collected()
    log.addHandler(handler)
    try:
        yield handler.found, log.getEffectiveLevel()
    finally:
        log.removeHandler(handler)
