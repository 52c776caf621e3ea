"""Publication dates for articles that do not state one, inferred from what they report.

Clues (each is a predicate over candidate publication days):

- relative: a relative time expression ('late last night', 'last Friday', 'originally set for
  Wednesday') in a sentence that mentions an event whose date is pinned down - by a row of
  data/chronology.csv, or by an explicit date in a dated article. The clue holds on the days d
  for which timex.resolve_spec(spec, d) covers the event's date (brute force over a window).
- after: an event reported as having happened (no relative expression) -> d >= its date.
- before: an event reported as planned -> d <= its date.

Candidate days are scored by how many clues they satisfy (a clue that pairs a mention with a
time expression extract did not assign to it counts half); the best-scoring days form the
range, and the article is dated to the earliest of them: news is published promptly after the
latest event it reports.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from trustbrief import timex
from trustbrief.knowledge import (
    DataFileError,
    compile_pattern,
    load_csv,
    parse_iso_date,
)
from trustbrief.tables import frame_records, native_list, str_column

log = logging.getLogger("trustbrief")

CHRONOLOGY_FILE = "chronology.csv"
CHRONOLOGY_REQUIRED = ("key", "date", "event_type", "label", "source")
CHRONOLOGY_OPTIONAL = ("date_latest", "actors", "keywords")
CHRONOLOGY_COLUMNS = ("key", "date", "date_latest", "event_type", "actors", "keywords", "label",
                      "source")
KEY_PATTERN = re.compile(r"^[A-Za-z0-9_]+$")
DATED_BASES = ("stated", "sidecar")
EVIDENCE_SEP = " | "
ONE_DAY = dt.timedelta(days=1)


# ---------------------------------------------------------------- chronology

def load_chronology(data_dir: Path | str) -> pd.DataFrame:
    """data/chronology.csv -> key, date, date_latest, event_type, actors (list), keywords,
    label, source; validated (dates, keys, regexes) with file and line in every error."""
    path = Path(data_dir) / CHRONOLOGY_FILE
    rows, seen = [], {}
    for row in load_csv(path, CHRONOLOGY_REQUIRED, CHRONOLOGY_OPTIONAL):
        line = row["_line"]
        key = row["key"]
        if not key:
            raise DataFileError(path, line, "empty key")
        if not KEY_PATTERN.match(key):
            raise DataFileError(path, line, f"key {key!r} may hold only letters, digits and '_'")
        if key in seen:
            raise DataFileError(path, line, f"duplicate key {key!r} (first on line {seen[key]})")
        seen[key] = line
        first = parse_iso_date(path, line, row["date"])
        if first is None:
            raise DataFileError(path, line, "empty date")
        last = parse_iso_date(path, line, row.get("date_latest", "")) or first
        if last < first:
            raise DataFileError(path, line, f"date_latest {last} is before date {first}")
        for column in ("event_type", "label", "source"):
            if not row[column]:
                raise DataFileError(path, line, f"empty {column}")
        keywords = row.get("keywords", "")
        if keywords:
            compile_pattern(path, line, keywords)
        rows.append({
            "key": key, "date": first.isoformat(), "date_latest": last.isoformat(),
            "event_type": row["event_type"], "actors": _actor_list(row.get("actors", "")),
            "keywords": keywords, "label": row["label"], "source": row["source"],
        })
    frame = pd.DataFrame(rows, columns=list(CHRONOLOGY_COLUMNS))
    return frame.sort_values(["date", "key"], kind="stable").reset_index(drop=True)


def _actor_list(value) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    if not isinstance(value, str):
        return []
    return [v.strip() for v in value.split(";") if v.strip()]


# ---------------------------------------------------------------- pinned events

@dataclass(frozen=True)
class Pinned:
    """An event whose date is known independently of the undated article."""

    key: str
    event_type: str
    actors: frozenset[str]
    keywords: re.Pattern | None
    first: dt.date
    last: dt.date

    def matches(self, event_type: str, actors: set[str], text: str) -> bool:
        if event_type != self.event_type:
            return False
        if self.actors and not (self.actors & actors):
            return False
        return self.keywords is None or bool(self.keywords.search(text or ""))


def _pinned_from_chronology(chronology: pd.DataFrame) -> list[Pinned]:
    return [Pinned(row["key"], row["event_type"], frozenset(_actor_list(row["actors"])),
                   re.compile(row["keywords"], re.IGNORECASE) if row.get("keywords") else None,
                   dt.date.fromisoformat(row["date"]),
                   dt.date.fromisoformat(row.get("date_latest") or row["date"]))
            for row in chronology.to_dict("records")]


def _iso_or_none(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class SentenceTimes:
    """Time expressions per sentence, and which of them extract gave to which mention."""

    by_sentence: dict  # (doc_id, sent_id) -> list of {time_id, spec}
    claimed: dict  # (doc_id, sent_id) -> time_ids that govern some mention
    governed: bool  # extract assigns governing time expressions (mentions have time_id)


UNCLAIMED_WEIGHT = 0.5  # a time expression no mention claims: maybe this mention's, maybe not
# 'Planned' is the least reliable reading ('planned retaliation for the missile attack' makes
# the attack look planned), and plans are still reported after their day ('the visit,
# originally set for Wednesday'): a 'not after the planned day' clue counts half.
PLANNED_WEIGHT = 0.5


def _governing(mention: dict, times: SentenceTimes,
               wanted: Callable[[str], bool]) -> list[tuple[dict, float]]:
    """(time expression, weight) pairs that may date the mention: its own expression when
    extract chose one (weight 1); else the sentence's expressions that govern no other mention
    (weight 1 when extract does not choose at all, else UNCLAIMED_WEIGHT)."""
    key = (mention["doc_id"], mention["sent_id"])
    if key not in times.by_sentence:
        return []  # most sentences have no time expression at all
    in_sentence = [t for t in times.by_sentence[key] if wanted(t["spec"])]
    own = mention.get("time_id") or ""
    if own:
        return [(t, 1.0) for t in in_sentence if t["time_id"] == own]
    if not times.governed:
        return [(t, 1.0) for t in in_sentence]
    claimed = times.claimed.get(key, set())
    return [(t, UNCLAIMED_WEIGHT) for t in in_sentence if t["time_id"] not in claimed]


def _is_explicit_day(spec: str) -> bool:
    return isinstance(spec, str) and spec.startswith(("abs:", "md:"))


# the document fields this stage reads (a record's .get gives None for missing ones)
DOCUMENT_FIELDS = ("doc_id", "file", "published", "published_basis")


def _present(frame: pd.DataFrame, names: tuple[str, ...]) -> list[str]:
    return [name for name in names if name in frame]


def _pinned_from_dated_documents(mentions: list[dict], times: SentenceTimes,
                                 documents: pd.DataFrame) -> list[Pinned]:
    """Events that a dated article dates explicitly ('Iran fired missiles on Oct. 1')."""
    anchors = {row["doc_id"]: _iso_or_none(row.get("published"))
               for row in frame_records(documents, _present(documents, DOCUMENT_FIELDS))
               if row.get("published_basis") in DATED_BASES}
    pinned = []
    for m in mentions:
        anchor = anchors.get(m["doc_id"])
        if anchor is None:
            continue
        explicit = [t for t, _ in _governing(m, times, _is_explicit_day)]
        if len(explicit) != 1:
            continue
        day = timex.resolve_spec(explicit[0]["spec"], anchor).date
        if day is not None:
            pinned.append(Pinned(f"{m['doc_id']}:{explicit[0]['time_id']}", m["event_type"],
                                 frozenset(_actor_list(m["actors"])), None, day, day))
    return pinned


# ---------------------------------------------------------------- clues

@dataclass(frozen=True)
class Clue:
    doc_id: str
    sent_id: str
    text: str
    kind: str  # relative | after | before
    holds: Callable[[dt.date], bool]
    events: tuple[tuple[dt.date, dt.date], ...]
    identity: tuple
    weight: float = 1.0


def _relative_holds(spec: str, events: tuple) -> Callable[[dt.date], bool]:
    def holds(anchor: dt.date) -> bool:
        r = timex.resolve_spec(spec, anchor)
        return r.date is not None and any(r.earliest <= last and first <= r.latest
                                          for first, last in events)
    return holds


def _explicit_after(spec: str) -> Callable[[dt.date], bool]:
    def holds(anchor: dt.date) -> bool:
        r = timex.resolve_spec(spec, anchor)
        return r.date is not None and anchor >= r.earliest
    return holds


def _explicit_before(spec: str) -> Callable[[dt.date], bool]:
    def holds(anchor: dt.date) -> bool:
        r = timex.resolve_spec(spec, anchor)
        return r.date is not None and anchor <= r.latest
    return holds


def _pinned_index(pinned: list[Pinned]) -> dict[str, list[Pinned]]:
    """Pinned events by event type: a mention is only compared with events of its type."""
    index: dict[str, list[Pinned]] = {}
    for p in pinned:
        index.setdefault(p.event_type, []).append(p)
    return index


def _clues_for_mention(m: dict, times: SentenceTimes, pinned: list[Pinned] | dict
                       ) -> list[Clue]:
    """pinned: a list, or _pinned_index of it (same clues, fewer comparisons)."""
    if isinstance(pinned, dict):
        pinned = pinned.get(m["event_type"], [])
    actors = set(m["actors"])
    matched = tuple(sorted({(p.first, p.last) for p in pinned
                            if p.matches(m["event_type"], actors, m["text"])}))
    polarity = m.get("polarity") or "asserted"
    base = (m["doc_id"], m["sent_id"], m["text"])
    clues = []
    if matched:
        relative = _governing(m, times, timex.is_anchor_relative)
        for t, weight in relative:
            clues.append(Clue(*base, "relative", _relative_holds(t["spec"], matched), matched,
                              (m["sent_id"], t["spec"], matched), weight))
        if not any(weight == 1 for _, weight in relative):
            # Reported without its own relative date: happened (after) or planned (before).
            if polarity == "asserted":
                first = min(e[0] for e in matched)
                clues.append(Clue(*base, "after", lambda d, f=first: d >= f, matched,
                                  (m["sent_id"], "after", first)))
            elif polarity == "planned":
                last = max(e[1] for e in matched)
                clues.append(Clue(*base, "before", lambda d, f=last: d <= f, matched,
                                  (m["sent_id"], "before", last), PLANNED_WEIGHT))
    if polarity in ("asserted", "planned"):
        # The article's own explicit dates bound it too ('struck on Oct. 1' -> after Oct. 1).
        for t, weight in _governing(m, times, _is_explicit_day):
            year_known = timex.resolve_spec(t["spec"], None)  # None for 'Sept. 28'
            days = ((year_known.earliest, year_known.latest),) if year_known.date else ()
            if polarity == "asserted":
                clues.append(Clue(*base, "after", _explicit_after(t["spec"]), days,
                                  (m["sent_id"], polarity, t["spec"]), weight))
            else:
                clues.append(Clue(*base, "before", _explicit_before(t["spec"]), days,
                                  (m["sent_id"], polarity, t["spec"]), weight * PLANNED_WEIGHT))
    return clues


def _dedupe(clues: list[Clue]) -> list[Clue]:
    """Two mentions of one event in one sentence are one clue, not two votes (the surer of
    the two readings is kept)."""
    best: dict[tuple, Clue] = {}
    for clue in clues:
        if clue.identity not in best or clue.weight > best[clue.identity].weight:
            best[clue.identity] = clue
    return sorted(best.values(), key=lambda c: (c.sent_id, c.kind, str(c.identity)))


# ---------------------------------------------------------------- scoring

@dataclass(frozen=True)
class Verdict:
    published: dt.date
    earliest: dt.date
    latest: dt.date
    used: list[Clue]
    score: float
    total: float


def _window(clues: list[Clue], lookaround_days: int) -> list[dt.date]:
    """Candidate publication days: from a week before the earliest dated event to
    `lookaround_days` after the latest ('last month' can point that far back)."""
    days = [d for c in clues for e in c.events for d in e]
    if not days:
        return []
    start = min(days) - dt.timedelta(days=7)
    end = max(days) + dt.timedelta(days=lookaround_days)
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def score(clues: list[Clue], day: dt.date) -> float:
    return sum(c.weight for c in clues if c.holds(day))


def score_days(clues: list[Clue], days: list[dt.date]) -> dict[dt.date, float]:
    return {d: score(clues, d) for d in days}


def decide(clues: list[Clue], max_lag_days: int = 14,
           lookaround_days: int = 62) -> Verdict | None:
    """Best-scoring candidate days -> a publication date and range (None without clues)."""
    days = _window(clues, lookaround_days)
    if not clues or not days:
        return None
    scores = score_days(clues, days)
    top = max(scores.values())
    if top == 0:
        return None
    best = [d for d in days if scores[d] == top]
    lag = dt.timedelta(days=max_lag_days)
    open_below, open_above = best[0] == days[0], best[-1] == days[-1]
    if open_below and not open_above:
        # Only 'not after' clues: the article came shortly before the planned event.
        published = best[-1]
        earliest, latest = max(best[0], published - lag), best[-1]
    else:
        published = best[0]
        earliest, latest = best[0], min(best[-1], published + lag)
    used = [c for c in clues if c.holds(published)]
    return Verdict(published, earliest, latest, used, top, sum(c.weight for c in clues))


# ---------------------------------------------------------------- the stage

def _sentence_times(found: dict, mentions: list[dict]) -> SentenceTimes:
    times = found.get("time_expressions")
    if times is None or times.empty:
        sentences = pd.DataFrame(mentions)[["doc_id", "sent_id", "text"]].drop_duplicates()
        times = timex.extract_time_expressions(sentences)
    by_sentence: dict = {}
    for t in frame_records(times, ["time_id", "doc_id", "sent_id", "spec"]):
        by_sentence.setdefault((t["doc_id"], t["sent_id"]), []).append(t)
    claimed: dict = {}
    for m in mentions:
        if m["time_id"]:
            claimed.setdefault((m["doc_id"], m["sent_id"]), set()).add(m["time_id"])
    governed = "time_id" in found["mentions"].columns
    return SentenceTimes(by_sentence, claimed, governed)


def _sentence_actors(found: dict, keys: set) -> dict:
    """(doc_id, sent_id) -> canonical actors named anywhere in the sentence, for `keys`."""
    actor_mentions = found.get("actor_mentions")
    if actor_mentions is None or actor_mentions.empty or "actor" not in actor_mentions \
            or not keys:
        return {}
    # a vectorized filter to (a superset of) the wanted sentences before walking the rows
    near = actor_mentions[actor_mentions["sent_id"].isin(list({s for _, s in keys}))]
    out: dict = {}
    for doc_id, sent_id, actor in zip(near["doc_id"].tolist(), near["sent_id"].tolist(),
                                      near["actor"].tolist(), strict=True):
        if isinstance(actor, str) and actor and (doc_id, sent_id) in keys:
            out.setdefault((doc_id, sent_id), set()).add(actor)
    return out


MENTION_FIELDS = ("doc_id", "sent_id", "event_type", "actors", "text", "time_id", "polarity")
TEXT_FIELDS = ("event_type", "text", "time_id", "polarity")  # '' when not a string


def _mention_rows(found: dict, doc_ids: set[str] | None = None) -> list[dict]:
    """Mention records (sorted by sentence) of the mentions that can matter: see
    _useful_mentions."""
    mentions = found.get("mentions")
    if mentions is None or mentions.empty:
        return []
    mentions = _useful_mentions(mentions, found, doc_ids)
    columns = {"doc_id": native_list(mentions["doc_id"]),
               "sent_id": native_list(mentions["sent_id"]),
               "actors": _actor_lists(mentions),
               **{name: str_column(mentions, name) for name in TEXT_FIELDS}}
    rows = [dict(zip(MENTION_FIELDS, row, strict=True))
            for row in zip(*(columns[name] for name in MENTION_FIELDS), strict=True)]
    # extract found no agent/target: the sentence's actors stand in
    actorless = {(row["doc_id"], row["sent_id"]) for row in rows if not row["actors"]}
    in_sentence = _sentence_actors(found, actorless)
    for row in rows:
        if not row["actors"]:
            row["actors"] = sorted(in_sentence.get((row["doc_id"], row["sent_id"]), ()))
    return sorted(rows, key=lambda r: (r["doc_id"], r["sent_id"]))


def _useful_mentions(mentions: pd.DataFrame, found: dict, doc_ids: set[str] | None
                     ) -> pd.DataFrame:
    """The mentions of the documents to date (`doc_ids`; all when None) give clues; any other
    mention only counts when an explicit date in its sentence pins its event, so a mention
    in a sentence without a time expression is dropped before any record is built. Whole
    sentences are kept or dropped, so which expressions other mentions claim is unchanged."""
    times = found.get("time_expressions")
    if doc_ids is None or times is None or times.empty:
        return mentions  # without expressions, they are extracted from these sentences
    timed = mentions["sent_id"].isin(times["sent_id"].unique()) & \
        mentions["doc_id"].isin(times["doc_id"].unique())
    return mentions[timed | mentions["doc_id"].isin(list(doc_ids))]


def _actor_lists(frame: pd.DataFrame) -> list[list[str]]:
    """_actor_list of each cell; each distinct list of names is cleaned once (they repeat),
    and every row gets its own list."""
    if "actors" not in frame:
        return [[] for _ in range(len(frame))]
    cache: dict[tuple, list[str]] = {}
    out = []
    for value in native_list(frame["actors"]):
        if type(value) is list and all(type(v) is str for v in value):
            key = tuple(value)
            if key not in cache:
                cache[key] = _actor_list(value)
            out.append(list(cache[key]))
        else:
            out.append(_actor_list(value))
    return out


def collect_clues(documents: pd.DataFrame, found: dict, chronology: pd.DataFrame,
                  doc_ids: set[str] | None = None) -> dict[str, list[Clue]]:
    """Clues per doc_id, for every document (dated ones too, to check sidecar dates), or
    only for `doc_ids` when given (every document still pins events)."""
    mentions = _mention_rows(found, doc_ids)
    if not mentions:
        return {}
    times = _sentence_times(found, mentions)
    pinned = _pinned_index(_pinned_from_chronology(chronology)
                           + _pinned_from_dated_documents(mentions, times, documents))
    per_doc: dict[str, list[Clue]] = {}
    for m in mentions:
        if doc_ids is None or m["doc_id"] in doc_ids:
            per_doc.setdefault(m["doc_id"], []).extend(_clues_for_mention(m, times, pinned))
    return {doc: _dedupe(clues) for doc, clues in per_doc.items()}


def _evidence(clues: list[Clue]) -> str:
    texts = []
    for clue in sorted(clues, key=lambda c: c.sent_id):
        text = " ".join(clue.text.split())
        if text not in texts:
            texts.append(text)
    return EVIDENCE_SEP.join(texts)


def infer_publication_dates(documents: pd.DataFrame, found: dict, chronology: pd.DataFrame,
                            max_lag_days: int = 14, lookaround_days: int = 62) -> pd.DataFrame:
    """Fill published* for documents whose published_basis is 'unknown' (basis 'inferred')."""
    docs = documents.copy()
    for column in ("published", "published_earliest", "published_latest", "published_evidence"):
        if column not in docs.columns:
            docs[column] = ""
    rows = frame_records(docs, _present(docs, DOCUMENT_FIELDS))
    # stated in the text: nothing to infer or to check
    open_rows = [(i, row) for i, row in zip(docs.index, rows, strict=True)
                 if row.get("published_basis", "unknown") in ("unknown", "", None, "sidecar")]
    clues = collect_clues(docs, found, chronology, {row["doc_id"] for _, row in open_rows})
    filled: dict[str, list] = {}
    at: list = []
    for i, row in open_rows:
        name = row.get("file") or row["doc_id"]
        basis = row.get("published_basis", "unknown")
        verdict = decide(clues.get(row["doc_id"], []), max_lag_days, lookaround_days)
        if basis == "sidecar":
            _check_sidecar(name, _iso_or_none(row.get("published")), verdict,
                           clues.get(row["doc_id"], []))
        if basis not in ("unknown", "", None):
            continue
        if verdict is None:
            log.warning("%s: no publication date found; add a row with file,published to "
                        "data/sources.csv", name)
            continue
        at.append(i)
        for column, value in (("published", verdict.published.isoformat()),
                              ("published_earliest", verdict.earliest.isoformat()),
                              ("published_latest", verdict.latest.isoformat()),
                              ("published_basis", "inferred"),
                              ("published_evidence", _evidence(verdict.used))):
            filled.setdefault(column, []).append(value)
        log.info("%s: publication date inferred as %s (range %s..%s), clue score %g of %g",
                 name, verdict.published, verdict.earliest, verdict.latest, verdict.score,
                 verdict.total)
    for column, values in filled.items():  # one assignment per column, not per cell
        docs.loc[at, column] = values
    return docs


def _check_sidecar(name: str, stated: dt.date | None, verdict: Verdict | None,
                   clues: list[Clue]) -> None:
    if stated is None or verdict is None:
        return
    agree = score(clues, stated)
    if agree < verdict.score:
        log.warning("%s: sidecar date %s scores %g of %g on the text's clues, %s..%s scores %g; "
                    "check published in data/sources.csv", name, stated, agree, verdict.total,
                    verdict.earliest, verdict.latest, verdict.score)
