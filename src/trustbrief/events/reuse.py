"""The events stage's last tables, reused when nothing they were built from has changed.

At 10,000 articles the stage costs ~3.5 CPU s, and a run that adds one article often adds
nothing it reads: a copy of an article already there (a duplicate's mentions are no event's),
an article without a usable mention. So the stage keeps its last full run in FOLDER/memo.npz
(trustbrief.columnar, no pickle): its tables, what it read of each document, and a
fingerprint of everything it reads corpus-wide. A later run reuses those tables when

1. the fingerprint is the same: this stage's code, its knowledge (label rules, event types,
   gazetteer, focus, annotations, chronology), the incidents the corpus dates, and `source`,
   the extraction cache's fingerprint folders (its knowledge and code: the same key, the same
   rows);
2. every document of the last run is still here and none was extracted again this run
   (`extracted`), so each one's extracted rows (mentions, claims, signals, actors) are the
   same by construction; their mentions are the last run's rows in the same order (a
   digest of their ids and documents: the memo keeps each row's event_id by position);
3. what is set after extraction, corpus-wide, is the same for those documents: their rows of
   the documents table (dating, dedupe), their mentions' dates (extract.date_mentions), the
   lede depths of their mentions' sentences (their origins, trustbrief.origins, are read
   from their rows), and the first spelling of every origin name the last run had (a new
   name is no old document's);
4. the new documents' mentions make no usable record (records.mention_records): they join no
   event and change no other event's evidence.

The new documents' mentions then get event_id '' and every other table is the last run's:
the tables a full run would give (tests/test_events_reuse.py). When points 1-3 hold and not
4, the stage runs, and keeps the summaries of the events the new mentions leave as they
were (events/partial.py); anything else is a full run. Each run writes the memo again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from trustbrief import columnar
from trustbrief.events.records import event_type_table, gazetteer_table, mention_records
from trustbrief.fingerprints import canonical, code_digest, digest, is_fingerprint
from trustbrief.tables import str_column

MEMO_FILE = "memo.npz"
TABLES = ("events", "conflicts", "notice_accounts", "overrides")
# the mention columns set after extraction (extract.DATES_IN_MENTIONS; a test keeps them one)
DATED = ("date", "date_earliest", "date_latest", "date_basis", "time_text")
NO_DEPTH = -1


@dataclass(frozen=True)
class Memo:
    """Where the stage's last run is kept, and what the pipeline knows of this run."""

    folder: Path
    extracted: frozenset[str]  # the documents extracted this run (the others: cached rows)
    source: str = ""  # the extraction cache's fingerprint (folder names)


def memo_for(record_cache, row_cache, extracted: Collection[str] | None) -> Memo | None:
    """The pipeline's memo: beside the corpus cache, only with an extraction cache (without
    one every document is extracted again, and there is nothing to reuse)."""
    if not record_cache or not row_cache or extracted is None:
        return None
    rows = Path(row_cache)
    names = sorted(p.name for p in rows.iterdir() if is_fingerprint(p.name)) \
        if rows.is_dir() else []
    return Memo(Path(record_cache) / "events", frozenset(extracted), ",".join(names))


def fingerprint(memo: Memo, inputs: Mapping) -> str:
    """Digest of what the stage reads corpus-wide (see the module, point 1)."""
    types = event_type_table(inputs["event_types"])
    kinds = gazetteer_table(inputs["gazetteer"])
    frames = [[] if f is None else f.to_dict("records")
              for f in (inputs["annotations"], inputs["chronology"])]
    incidents = sorted([family, pattern.pattern, pattern.flags, first.isoformat(),
                        last.isoformat()]
                       for family, (pattern, first, last) in (inputs["incidents"] or {}).items())
    return digest(code_digest("trustbrief.events.build"), memo.source, canonical(types),
                  canonical(kinds), canonical(inputs["rules"]), list(inputs["focus"]),
                  canonical(frames), incidents)


@dataclass(frozen=True)
class Earlier:
    """The last run's memo, when points 1-3 hold: its frames, and which of this run's
    mentions are its (old) rows, in its order."""

    frames: dict[str, pd.DataFrame]
    old: np.ndarray  # bool, one per mention of this run
    added: frozenset[str]  # the documents new to the corpus


def earlier(memo: Memo, mentions: pd.DataFrame, documents: pd.DataFrame, origins,
            depths: Mapping | None, key: str) -> Earlier | None:
    """The last run's memo when points 1-3 of the module hold, else None."""
    try:
        frames, meta, _ = columnar.read_file(memo.folder / MEMO_FILE)
    except (OSError, columnar.Unreadable):
        return None
    if meta.get("fingerprint") != key:
        return None
    kept = frames["documents"]
    before = set(str_column(kept, "doc_id"))
    if before & memo.extracted:
        return None
    doc_ids = str_column(documents, "doc_id")
    added = set(doc_ids) - before
    old_docs = documents.iloc[[n for n, d in enumerate(doc_ids) if d not in added]]
    if not old_docs.reset_index(drop=True).equals(kept):  # also: no document gone
        return None
    old = ~_rows_of(mentions, added)
    spelling = _spelling(origins)  # a new name may come: the old ones spelt alike
    if not _same_mentions(mentions[old], depths, frames["mentions"], meta["ids"]) or \
            any(spelling.get(name) != spelt for name, spelt in meta["spelling"].items()):
        return None
    return Earlier(frames, old, frozenset(added))


def reused(last: Earlier | None, mentions: pd.DataFrame, documents: pd.DataFrame, rules,
           depths: Mapping | None) -> dict[str, pd.DataFrame | list] | None:
    """The last run's tables and, under 'event_of', each mention's event_id in order ('' for
    the new documents' mentions: see the module), or None when the stage must run (point 4
    fails, or `last` is None: points 1-3 do)."""
    if last is None or _usable(last.added, mentions, documents, rules, depths):
        return None
    event_of = np.full(len(mentions), "", dtype=object)  # the old rows are the kept ones
    event_of[last.old] = last.frames["mentions"]["event_id"].to_numpy(dtype=object)
    tables = {name: last.frames[name] for name in TABLES}
    tables["event_of"] = event_of.tolist()
    return tables


def store(memo: Memo, key: str, mentions: pd.DataFrame, event_of: list[str],
          documents: pd.DataFrame, origins, depths: Mapping | None,
          built: Mapping[str, pd.DataFrame], reads: Mapping[str, np.ndarray],
          more: Mapping[str, pd.DataFrame]) -> None:
    """Keep a run's tables and what it read (nothing when a column is of a kind the file
    does not keep: the next run is a full run); reads: of each mention, what its event's
    summary read, more: tables of events/partial.py."""
    read = pd.DataFrame({name: values if values.dtype != object else
                         pd.array(values, dtype=columnar.TEXT)
                         for name, values in {**_mention_reads(mentions, depths),
                                              **reads}.items()})
    read["event_id"] = pd.array(event_of, dtype=columnar.TEXT)
    ids = _ids(mentions)
    try:
        memo.folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # a cache is only a shortcut
        return
    columnar.write_file(memo.folder / MEMO_FILE,
                        {"documents": documents.reset_index(drop=True), "mentions": read,
                         **{name: built[name] for name in TABLES}, **more},
                        {"fingerprint": key, "spelling": _spelling(origins), "ids": ids})


def _rows_of(mentions: pd.DataFrame, docs: Collection[str]) -> np.ndarray:
    """Which mentions are of these documents."""
    return np.isin(np.array(str_column(mentions, "doc_id"), dtype=object), list(docs))


def _usable(docs: Collection[str], mentions: pd.DataFrame, documents: pd.DataFrame, rules,
            depths: Mapping | None) -> bool:
    """Whether a mention of these documents makes a usable record: it may join (or start)
    an event."""
    if not docs:
        return False
    return bool(mention_records(mentions[_rows_of(mentions, docs)],
                                documents[documents["doc_id"].isin(list(docs))], rules, depths))


def _ids(mentions: pd.DataFrame) -> str:
    """Digest of the mentions' ids and documents, in order (the rows the memo's reads are
    of: 159k distinct ids kept as text cost more to write than all the rest)."""
    found = hashlib.sha256()
    for name in ("mention_id", "doc_id"):
        found.update("\x1f".join(str_column(mentions, name)).encode() + b"\x1e")
    return found.hexdigest()


def _mention_reads(mentions: pd.DataFrame, depths: Mapping | None) -> dict[str, np.ndarray]:
    """Of each mention: what is set after extraction (dates, the lede depth of its
    sentence), as it is (object arrays: NaN stays NaN)."""
    reads = {name: mentions[name].to_numpy(dtype=object) if name in mentions else
             np.full(len(mentions), np.nan, dtype=object) for name in DATED}
    found = depths or {}
    keys = zip(mentions["doc_id"].tolist(), mentions["sent_id"].tolist(), strict=True)
    reads["depth"] = np.fromiter((found.get(key, NO_DEPTH) for key in keys), dtype=np.int64,
                                 count=len(mentions))
    return reads


def _same_mentions(mentions: pd.DataFrame, depths: Mapping | None, kept: pd.DataFrame,
                   ids: str) -> bool:
    """Whether the mentions are the kept ones and read what they did (missing values
    alike)."""
    if len(mentions) != len(kept) or _ids(mentions) != ids:
        return False
    for name, values in _mention_reads(mentions, depths).items():
        old = kept[name].to_numpy(dtype=object if values.dtype == object else values.dtype)
        same = values == old
        if values.dtype == object:
            same |= pd.isna(values) & pd.isna(old)
        if not same.all():
            return False
    return True


def _spelling(origins) -> dict[str, str]:
    """The first spelling of every origin and outlet name: a new document's may come first.
    (Each document's origin key and outlet are read from its row of the documents table.)"""
    return dict(origins._spelling)  # noqa: SLF001
