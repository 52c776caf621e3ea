"""The extraction snapshot: the assembled extraction tables of a run, kept beside the
extraction cache's per-document files so that the next run reads one file instead of one per
document (at 10,000 articles: ~0.4 CPU s instead of ~5 s of JSON and frame building).

FOLDER/<fingerprint>/snapshot.npz (trustbrief.columnar): the five tables as extraction
builds them from rows (before time expressions are sorted or claims' counts typed), the keys
of the documents they hold (extract.rowcache.document_key), in order, and each document's
number of rows in each table. Being in the fingerprint's folder, it holds rows of the same
knowledge and code as the per-document files; a document key is its text, so a document in
the snapshot has exactly the rows its file has.

A run takes each document's rows from the snapshot when it is there, else from its file or
by extracting it, and splices them in document order: the same frames as built from all the
rows at once. Where a spliced column's parts differ in type in a way pandas' inference from
rows would settle otherwise (NotSpliceable), the run builds the frames from the documents'
files instead. The snapshot is rewritten when more than 1/REWRITE_SHARE of the run's
documents are not in it or it holds documents the run no longer has, so adding an article
to a large corpus reads the snapshot and one file, and writes nothing but that file.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from trustbrief import columnar
from trustbrief.columnar import NotSpliceable, raw_frame, spliced  # noqa: F401 (raised here)

SNAPSHOT_FILE = "snapshot.npz"
# a document's rows in the extraction cache, in this order (rowcache.TABLES of them)
TABLES = ("actor_mentions", "mentions", "claims", "trust_signals", "time_expressions")
REWRITE_SHARE = 50
COVERED = "in the snapshot"  # stands for the rows of a document the snapshot holds


@dataclass(frozen=True)
class Snapshot:
    keys: tuple[str, ...]  # the documents, in order
    counts: np.ndarray  # rows of each document (row) in each table (column)
    frames: dict[str, pd.DataFrame]  # each table's rows, document after document

    @functools.cached_property
    def positions(self) -> dict[str, int]:
        return {key: n for n, key in enumerate(self.keys)}

    @functools.cached_property
    def offsets(self) -> np.ndarray:
        """First row of each document (and one past the last) in each table."""
        return np.vstack([np.zeros((1, len(TABLES)), dtype=np.int64),
                          np.cumsum(self.counts, axis=0, dtype=np.int64)])


def read(folder: Path) -> Snapshot | None:
    """The snapshot in `folder`, or None when absent, damaged or inconsistent."""
    try:
        frames, meta, _ = columnar.read_file(folder / SNAPSHOT_FILE)
        snapshot = Snapshot(tuple(meta["keys"]), np.asarray(meta["counts"], dtype=np.int64)
                            .reshape(len(meta["keys"]), len(TABLES)), frames)
        totals = snapshot.offsets[-1].tolist()
    except (OSError, KeyError, TypeError, ValueError):  # absent or damaged: a miss
        return None
    if set(frames) != set(TABLES) or totals != [len(frames[t]) for t in TABLES]:
        return None
    return snapshot


def write(folder: Path, keys: list[str], counts: np.ndarray,
          frames: dict[str, pd.DataFrame]) -> None:
    """Atomically; nothing when a column is of a kind columnar does not keep."""
    columnar.write_file(folder / SNAPSHOT_FILE, frames,
                        {"keys": keys, "counts": counts.ravel().tolist()})


def stale(snapshot: Snapshot | None, keys: list[str]) -> bool:
    """Whether the snapshot is worth rewriting for a run of these documents."""
    return snapshot is None or columnar.drifted(snapshot.keys, keys, REWRITE_SHARE)


def assembled(found: list, snapshot: Snapshot | None, keys: list[str],
              columns: dict[str, list[str]]) -> tuple[dict[str, pd.DataFrame], list, np.ndarray]:
    """Each table's frame of every document's rows, in document order: `found` holds per
    document its rows (five lists), COVERED (its rows are the snapshot's) or None (none).
    Also the keys of the documents with rows and their row counts (for a new snapshot)."""
    present = [(key, rows) for key, rows in zip(keys, found, strict=True) if rows is not None]
    kept = [key for key, _ in present]
    counts = [snapshot.counts[snapshot.positions[key]] if rows is COVERED
              else [len(table) for table in rows] for key, rows in present]
    segments = columnar.runs(present, lambda item: snapshot.positions[item[0]]
                             if item[1] is COVERED else None)
    frames = {name: _table(t, name, segments, snapshot, columns[name])
              for t, name in enumerate(TABLES)}
    return frames, kept, np.asarray(counts, dtype=np.int64).reshape(len(kept), len(TABLES))


def _table(t: int, name: str, segments: list, snapshot: Snapshot | None,
           columns: list[str]) -> pd.DataFrame:
    parts = []
    for segment in segments:
        if isinstance(segment, list):
            part = raw_frame([row for _, rows in segment for row in rows[t]], columns)
        else:
            first, last = snapshot.offsets[segment[0], t], snapshot.offsets[segment[1], t]
            part = snapshot.frames[name].iloc[first:last]
        parts.append(part)
    return spliced(parts, columns)
