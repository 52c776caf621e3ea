"""The corpus snapshot: the records of the last run assembled, kept beside the corpus cache's
per-article files so that a run reads one file instead of one per article (at 10,000
articles: ~1.1 CPU s of gzip JSON, base64 and frame building).

FOLDER/<fingerprint>/snapshot.npz (trustbrief.columnar): the documents and sentences as the
records hold them (SIDECAR_MARK where the sidecar is named, duplicate_of not yet set), each
article's record key (recordcache.record_key), number of sentences, warnings and logging
level, and its near-duplicate fingerprint (keys; shingles and signatures concatenated, with
their lengths). Being in the fingerprint's folder, it holds what the article's file holds.

A run takes an article's record from the snapshot when its key is there and its warnings
were collected at a level this run logs (they are logged again, the sidecar named as this
run names it), else as before; and splices the snapshot's rows with the others' in file
order (columnar.spliced: the frame the rows give, or NotSpliceable, and the run builds the
frames from every article's file). Rewritten when over 1/REWRITE_SHARE of the articles
differ from it.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from trustbrief import columnar
from trustbrief.corpus.dedupe import Fingerprint
from trustbrief.corpus.recordcache import SIDECAR_MARK, replay

log = logging.getLogger("trustbrief")

SNAPSHOT_FILE = "snapshot.npz"
REWRITE_SHARE = 50


@dataclass(frozen=True)
class Covered:
    """An article whose record is the snapshot's `at`-th."""

    at: int


@dataclass(frozen=True)
class Snapshot:
    keys: tuple[str, ...]
    counts: np.ndarray  # sentences of each article
    documents: pd.DataFrame  # as recorded: SIDECAR_MARK for the sidecar's name
    sentences: pd.DataFrame
    warnings: list  # each article's [[level, message], ...]
    levels: list[int]  # the logging level each article's warnings were collected at
    prints: tuple  # fingerprint keys, shingles, their lengths, signatures, their lengths

    @functools.cached_property
    def positions(self) -> dict[str, int]:
        return {key: n for n, key in enumerate(self.keys)}

    @functools.cached_property
    def offsets(self) -> np.ndarray:
        return np.concatenate([[0], np.cumsum(self.counts, dtype=np.int64)])

    def covered(self, key: str, sidecar_file: str) -> Covered | None:
        """The article's record when the snapshot has it for this run's logging level (its
        warnings logged again here, the sidecar named `sidecar_file`), else None."""
        at = self.positions.get(key)
        if at is None or self.levels[at] > log.getEffectiveLevel():
            return None
        replay(self.warnings[at], sidecar_file)
        return Covered(at)

    @functools.cached_property
    def fingerprints(self) -> list[Fingerprint]:
        keys, shingles, shingle_counts, signatures, signature_counts = self.prints
        ends = (np.cumsum(shingle_counts).tolist(), np.cumsum(signature_counts).tolist())
        starts = ([0, *ends[0][:-1]], [0, *ends[1][:-1]])
        return [Fingerprint(key, shingles[a:b], signatures[c:d]) for key, a, b, c, d in zip(
            keys, starts[0], ends[0], starts[1], ends[1], strict=True)]


def read(folder: Path) -> Snapshot | None:
    """The snapshot in `folder`, or None when absent, damaged or inconsistent."""
    try:
        frames, meta, extra = columnar.read_file(folder / SNAPSHOT_FILE)
        snapshot = Snapshot(tuple(meta["keys"]), np.asarray(meta["counts"], dtype=np.int64),
                            frames["documents"], frames["sentences"], meta["warnings"],
                            meta["levels"], (meta["prints"], extra["shingles"],
                                             extra["shingle_counts"], extra["signatures"],
                                             extra["signature_counts"]))
    except (OSError, KeyError, TypeError, ValueError):  # absent or damaged: a miss
        return None
    keys, shingles, shingle_counts, signatures, signature_counts = snapshot.prints
    sizes = {len(snapshot.keys), len(snapshot.documents), len(snapshot.counts),
             len(snapshot.levels), len(snapshot.warnings), len(keys), len(shingle_counts),
             len(signature_counts)}
    if len(sizes) != 1 or snapshot.offsets[-1] != len(snapshot.sentences) or \
            shingle_counts.sum() != len(shingles) or signature_counts.sum() != len(signatures):
        return None
    return snapshot


def named_documents(documents: pd.DataFrame, sidecar_file: str) -> pd.DataFrame:
    """The documents with the sidecar's name where they say SIDECAR_MARK (recordcache.named
    for a frame: text cells and lists of texts)."""
    out = documents.copy()
    for col in out.columns:
        if out[col].dtype == columnar.TEXT:
            if out[col].str.contains(SIDECAR_MARK, regex=False).any():
                out[col] = out[col].str.replace(SIDECAR_MARK, sidecar_file, regex=False)
        elif out[col].dtype == object and any(
                SIDECAR_MARK in v for cell in out[col].tolist() for v in cell):
            out[col] = pd.Series([[v.replace(SIDECAR_MARK, sidecar_file) for v in cell]
                                  for cell in out[col].tolist()], index=out.index, dtype=object)
    return out


def stale(snapshot: Snapshot | None, keys: list[str]) -> bool:
    """Whether the snapshot is worth rewriting for a run of these articles (an article never
    cached, its data holding SIDECAR_MARK's words, counts as a difference)."""
    return snapshot is None or columnar.drifted(snapshot.keys, keys, REWRITE_SHARE)


def write(folder: Path, keys: list[str], records: list[tuple], prints: list[Fingerprint],
          columns: dict[str, list[str]]) -> None:
    """Atomically: `records` are (document row, sentence rows, warnings, level) as the
    articles' files hold them, `prints` their fingerprints."""
    documents = columnar.raw_frame([r[0] for r in records], columns["documents"])
    sentences = columnar.raw_frame([s for r in records for s in r[1]], columns["sentences"])
    extra = {"shingles": _joined_arrays([fp.shingles for fp in prints]),
             "shingle_counts": np.array([len(fp.shingles) for fp in prints], dtype=np.int64),
             "signatures": _joined_arrays([fp.signature for fp in prints]),
             "signature_counts": np.array([len(fp.signature) for fp in prints],
                                          dtype=np.int64)}
    meta = {"keys": keys, "counts": [len(r[1]) for r in records],
            "warnings": [r[2] for r in records], "levels": [r[3] for r in records],
            "prints": [fp.key for fp in prints]}
    columnar.write_file(folder / SNAPSHOT_FILE, {"documents": documents, "sentences": sentences},
                        meta, extra)


def _joined_arrays(arrays: list[np.ndarray]) -> np.ndarray:
    return (np.concatenate([np.asarray(a, dtype=np.uint64) for a in arrays]) if arrays
            else np.empty(0, dtype=np.uint64))
