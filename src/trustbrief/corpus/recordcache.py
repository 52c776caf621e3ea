"""The corpus cache: each article's document row and sentences, so an unchanged article is
not cleaned, segmented and dated again (the corpus stage is ~2 ms of CPU an article: 20 s
at 10,000 articles, every run).

Layout (cache_store.JsonCacheStore): FOLDER/<fingerprint>/<key>.json.gz, JSON (gzip) of
[document row, sentence rows, warnings, logging level].
- The key is the sha256 of everything the article's record is computed from: its raw row
  without the text (file name, sha256 of the bytes, encoding, size, HTML metadata), its
  doc_id and its sidecar entry (the row's values). Not where the sidecar is: warnings and
  evidence name the sidecar as the run shows it (relative to the working folder), so a
  record is computed and stored with SIDECAR_MARK in its place and the run's own name is put
  in when it is used - the same corpus run from another folder hits every record.
- The fingerprint is the sha256 of the corpus rules (every data file they are loaded from,
  canonical form) and of the source of every trustbrief module the corpus stage imports.
  Another fingerprint's folder is deleted (`prune`).
- The warnings an article's record logged are stored with it and logged again when it is
  read (with the sidecar named), so a cached run warns as a cold one does. A record
  computed while warnings were not logged (a quieter logging level) is not used by a run
  that logs them.
- The near-duplicate fingerprint's arrays are kept as base64 bytes (exact, and cheap to read).
- Under MATCHES_KEY: the last run's near-duplicate matches, with the limits and the
  fingerprints' keys they were found for (dedupe.match_duplicates' `earlier`).
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
# Stands for the sidecar's name in a stored record. An article holding these words in any
# case (text, file name, metadata, sidecar values) is never cached: its record could hold
# them for another reason than the sidecar's name.
SIDECAR_MARK = "<trustbrief:sidecar-file:7d3e>"
MATCHES_KEY = "near-duplicates"  # not a sha256 in hex: never an article's key


def fingerprint(rules) -> str:
    return fingerprints.digest(fingerprints.canonical(rules),
                               fingerprints.code_digest(CODE_ROOT))


def record_key(raw_row: dict, doc_id: str, side_entry: dict) -> str:
    about = {k: v for k, v in raw_row.items() if k != "text"}
    text = json.dumps([about, doc_id, side_entry], sort_keys=True, default=str,
                      ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def cacheable(raw_row: dict, side_entry: dict) -> bool:
    """False when the article's data hold SIDECAR_MARK's words (see SIDECAR_MARK)."""
    return _MARK_WORDS not in repr((raw_row, side_entry)).casefold()


_MARK_WORDS = SIDECAR_MARK.strip("<>").casefold()


def named(record: tuple[dict, list[dict]], sidecar_file: str) -> tuple[dict, list[dict]]:
    """The record with the sidecar's name where it says SIDECAR_MARK (document cells only:
    sentences are the article's text)."""
    doc, sentences = record
    return {k: _named(v, sidecar_file) for k, v in doc.items()}, sentences


def _named(value, sidecar_file: str):
    if isinstance(value, str):
        return value.replace(SIDECAR_MARK, sidecar_file) if SIDECAR_MARK in value else value
    if isinstance(value, list):
        return [_named(v, sidecar_file) for v in value]
    return value


class RecordCache(JsonCacheStore):
    """Records of articles by key, in FOLDER/<fingerprint>/ (see the module)."""

    def __init__(self, folder: Path | str, rules):
        super().__init__(folder, fingerprint(rules))

    def read(self, key: str, sidecar_file: str, replayed: bool = True
             ) -> tuple[dict, list[dict]] | None:
        """(document row, sentence rows) with its warnings logged again (unless not
        `replayed`), the sidecar named `sidecar_file`; or None when not cached, unreadable,
        or computed at a quieter logging level than this run's."""
        try:
            doc, sentences, warnings, level = self.load(key)
        except (TypeError, ValueError):  # a miss, or not the four parts of a record
            return None
        if level > log.getEffectiveLevel():
            return None
        doc["_fingerprint"] = Fingerprint(doc["_fingerprint"][0],
                                          *(_array(a) for a in doc["_fingerprint"][1:]))
        if replayed:
            replay(warnings, sidecar_file)
        return named((doc, sentences), sidecar_file)

    def earlier_matches(self, limits: dict) -> tuple[list[str], list[int | None]] | None:
        """The fingerprints' keys and matches kept by keep_matches for these limits."""
        try:
            kept_limits, keys, matches = self.load(MATCHES_KEY)
        except (TypeError, ValueError):  # a miss, or not the three parts
            return None
        if kept_limits != json.loads(json.dumps(limits)) or len(keys) != len(matches):
            return None
        return keys, matches

    def keep_matches(self, limits: dict, keys: list[str], matches: list[int | None],
                     earlier: tuple[list[str], list[int | None]] | None) -> None:
        """Keep a run's near-duplicate matches (not when they are the `earlier` ones)."""
        if earlier is None or (keys, matches) != tuple(earlier):
            self.store(MATCHES_KEY, [limits, keys, matches])

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


def replay(warnings: list, sidecar_file: str) -> None:
    for levelno, message in warnings:
        log.log(levelno, "%s", message.replace(SIDECAR_MARK, sidecar_file))


class _Held(logging.Filter):
    def __init__(self):
        super().__init__()
        self.found: list[tuple[int, str]] = []

    def filter(self, record: logging.LogRecord) -> bool:
        self.found.append((record.levelno, record.getMessage()))
        return False  # logged at the end, with the sidecar named


@contextlib.contextmanager
def held_warnings(sidecar_file: str):
    """The (level, message) of every record logged inside (SIDECAR_MARK as written) and the
    logging level they were collected at. They are logged when the block ends, in order,
    with the sidecar named `sidecar_file`."""
    held = _Held()
    log.addFilter(held)
    try:
        yield held.found, log.getEffectiveLevel()
    finally:
        log.removeFilter(held)
        replay(held.found, sidecar_file)
