"""Publication dates as honest intervals, for articles that do not state one.

Clues (each is a predicate over candidate publication days):

- relative: a relative time expression ('late last night', 'last Friday', 'originally set for
  Wednesday') in a sentence that mentions an event whose date is pinned down - by a row of
  data/chronology.csv, or by an explicit date in a dated article - and the match is specific
  (the same event type and the same actors, not one shared name). The clue holds on the days d
  for which timex.resolve_spec(spec, d) covers the event's date.
- after: an event reported as having happened -> d >= its date (the latest such event is the
  article's lower bound).
- before: an event reported as planned -> d <= its date.
- lede: the weekday the first sentences report ('the Pentagon said on Tuesday') is the day of
  publication or the day before: news leads with the day's news, and a wire story filed late
  runs the next morning elsewhere.
- window: what the corpus stage already bounds (a month in the URL, an update stamp) is a hard
  limit on the candidate days.

Candidate days are scored by the weight of the clues they satisfy; the best-scoring days form
the range. A day is given (`published`) only when that range spans at most PIN_DAYS days (the
first of them: news is published promptly after what it reports); otherwise `published` stays
empty and published_earliest / published_latest carry the range, with the evidence. A
confidently wrong date is worse than a range.
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
DATED_BASES = ("stated", "html_meta", "url", "sidecar")
EVIDENCE_SEP = " | "
ONE_DAY = dt.timedelta(days=1)
MIN_SHARED_ACTORS = 2  # a pinned event with two or more actors matches only a mention of two
PIN_DAYS = 2  # a range of at most this many days is given as its first day
LEDE_SENTENCES = 2  # the first body sentences, where the day's news is reported
LEDE_WEIGHT = 1.0


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
        """The same event: same type, and the mention names as many of the event's actors as
        it can (both parties of a call, not one shared name), and the keywords if any."""
        if event_type != self.event_type:
            return False
        if self.actors and len(self.actors & actors) < min(MIN_SHARED_ACTORS, len(self.actors)):
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


def _is_full_date(spec: str) -> bool:
    return isinstance(spec, str) and spec.startswith("abs:")


def _is_explicit_day(spec: str) -> bool:
    return isinstance(spec, str) and spec.startswith(("abs:", "md:"))


# the document fields this stage reads (a record's .get gives None for missing ones)
DOCUMENT_FIELDS = ("doc_id", "file", "published", "published_basis", "published_earliest",
                   "published_latest", "published_printed", "published_evidence")


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
        day = _past_day(explicit[0]["spec"], anchor)
        if day is not None:
            pinned.append(Pinned(f"{m['doc_id']}:{explicit[0]['time_id']}", m["event_type"],
                                 frozenset(_actor_list(m["actors"])), None, day, day))
    return pinned


def _past_day(spec: str, anchor: dt.date) -> dt.date | None:
    """The day an explicit date names, read as reported by an article of `anchor`: a day
    without its year ('December 25') is the latest such day not after the article (the
    nearest one may lie ahead: 'December 25' read in October is last December)."""
    day = timex.resolve_spec(spec, anchor).date
    if day is not None and spec.startswith("md:") and day > anchor + ONE_DAY:
        try:
            day = day.replace(year=day.year - 1)
        except ValueError:  # Feb 29
            return None
    return day


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
        # a day without its year ('Dec. 25') bounds nothing: some Dec. 25 is always past
        for t, weight in _governing(m, times, _is_full_date):
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
    """The range of publication days the clues allow; `published` only when it is pinned."""

    published: dt.date | None
    earliest: dt.date
    latest: dt.date
    used: list[Clue]
    score: float
    total: float


def _window(clues: list[Clue], lookaround_days: int,
            bounds: tuple[dt.date | None, dt.date | None] = (None, None)) -> list[dt.date]:
    """Candidate publication days: from a week before the earliest dated event to
    `lookaround_days` after the latest ('last month' can point that far back), inside the
    bounds the corpus stage found (a month in the URL, an update stamp)."""
    days = [d for c in clues for e in c.events for d in e]
    lower, upper = bounds
    if not days and (lower is None or upper is None):
        return []
    start = min(days) - dt.timedelta(days=7) if days else lower
    # an upper bound (the corpus's last dated article, a URL month, an update stamp) is the
    # window's end, nearer or farther than the lookaround: an article may report only
    # background events months old
    end = upper or max(days) + dt.timedelta(days=lookaround_days)
    start = max(start, lower or start)
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def score(clues: list[Clue], day: dt.date) -> float:
    return sum(c.weight for c in clues if c.holds(day))


def score_days(clues: list[Clue], days: list[dt.date]) -> dict[dt.date, float]:
    return {d: score(clues, d) for d in days}


def decide(clues: list[Clue], max_lag_days: int = 14, lookaround_days: int = 62,
           bounds: tuple[dt.date | None, dt.date | None] = (None, None)) -> Verdict | None:
    """Best-scoring candidate days -> the range, and the day when the range pins one
    (None without clues or bounds)."""
    days = _window(clues, lookaround_days, bounds)
    if not days:
        return None
    scores = score_days(clues, days)
    top = max(scores.values())
    best = [d for d in days if scores[d] == top]
    if top == 0 and None in bounds:
        return None
    lag = dt.timedelta(days=max_lag_days)
    open_below, open_above = best[0] == days[0], best[-1] == days[-1]
    earliest, latest = best[0], best[-1]
    if top > 0 and open_above and not open_below:
        # Only lower bounds: news usually follows what it reports within `lag`, but the
        # latest event may be background; the range stays open up to the corpus's last
        # dated article (the bounds' upper end) when that is later.
        latest = min(latest, max(earliest + lag, bounds[1] or earliest + lag))
    elif top > 0 and open_below and not open_above:
        earliest = max(earliest, latest - lag)  # a plan is reported shortly before its day
    pinned = (latest - earliest).days + 1 <= PIN_DAYS
    published = earliest if pinned else None
    used = [c for c in clues if c.holds(published or earliest)]
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
    """The sentences the clues come from, once each, in reading order."""
    by_sentence: dict[str, str] = {}
    for clue in clues:
        text = " ".join(clue.text.split())
        if len(text) > len(by_sentence.get(clue.sent_id, "")):
            by_sentence[clue.sent_id] = text
    texts: list[str] = []
    for _, text in sorted(by_sentence.items()):
        if text not in texts:
            texts.append(text)
    return EVIDENCE_SEP.join(texts)


def _lede_clues(times: pd.DataFrame | None, doc_ids: set[str]) -> dict[str, list[Clue]]:
    """A bare weekday in the first sentences ('said on Tuesday') -> published that day or
    the next (see the module docstring)."""
    if times is None or times.empty:
        return {}
    out: dict[str, list[Clue]] = {}
    columns = [c for c in ("doc_id", "sent_id", "spec", "text", "sentence_text") if c in times]
    for t in frame_records(times, columns):
        if t["doc_id"] not in doc_ids or not str(t["spec"]).startswith("weekday:past:"):
            continue
        number = re.search(r"-s(\d+)$", t["sent_id"])
        if number is None or int(number.group(1)) > LEDE_SENTENCES:
            continue
        spec = t["spec"]

        def holds(day: dt.date, spec=spec) -> bool:
            reported = timex.resolve_spec(spec, day).date
            return reported is not None and (day - reported).days <= 1

        out.setdefault(t["doc_id"], []).append(Clue(
            t["doc_id"], t["sent_id"], _sentence_text(t), "lede", holds, (),
            (t["sent_id"], "lede", spec), LEDE_WEIGHT))
    return out


def _sentence_text(row: dict) -> str:
    return str(row.get("sentence_text") or row.get("text") or row["sent_id"])


PRINTED_WEIGHT = 3.0  # a day and month printed on the article outweigh every other clue


def _printed_clue(row: dict) -> Clue | None:
    """A date printed without its year ('MOSCOW, July 31. /TASS/.'): the day and month hold."""
    printed = str(row.get("published_printed") or "")
    m = re.fullmatch(r"--(\d\d)-(\d\d)", printed)
    if m is None:
        return None
    month, day_of_month = int(m.group(1)), int(m.group(2))
    return Clue(row["doc_id"], "", str(row.get("published_evidence") or printed), "printed",
                lambda d: (d.month, d.day) == (month, day_of_month), (), ("printed", printed),
                PRINTED_WEIGHT)


def _corpus_span(rows: list[dict], margin_days: int) -> tuple[dt.date | None, dt.date | None]:
    """First and last publication day of the dated documents, widened by margin_days."""
    days = [d for d in (_iso_or_none(r.get("published")) for r in rows) if d]
    if not days:
        return None, None
    margin = dt.timedelta(days=margin_days)
    return min(days) - margin, max(days) + margin


def _bounds(row: dict, span: tuple) -> tuple[dt.date | None, dt.date | None]:
    """Hard limits the corpus stage found (URL month, update stamp); a yearless printed date
    is looked for within the corpus's span. A dated row (sidecar) is checked unbounded."""
    if row.get("published"):
        return None, None
    lower = _iso_or_none(row.get("published_earliest"))
    upper = _iso_or_none(row.get("published_latest"))
    if str(row.get("published_printed") or "").startswith("--"):
        lower = max(lower, span[0]) if lower and span[0] else lower or span[0]
    upper = min(upper, span[1]) if upper and span[1] else upper or span[1]
    return lower, upper


OPEN_BASES = ("unknown", "", None)


def infer_publication_dates(documents: pd.DataFrame, found: dict, chronology: pd.DataFrame,
                            max_lag_days: int = 14, lookaround_days: int = 62,
                            sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Date the documents whose day is not known yet (published empty): the range the clues
    allow, and the day when they pin it (basis 'inferred', or 'stated' when a printed
    day-and-month found its year). Sidecar dates are checked against the clues."""
    docs = documents.copy()
    for column in ("published", "published_earliest", "published_latest", "published_evidence",
                   "published_printed"):
        if column not in docs.columns:
            docs[column] = ""
    rows = frame_records(docs, _present(docs, DOCUMENT_FIELDS))
    open_rows = [(i, row) for i, row in zip(docs.index, rows, strict=True)
                 if not row.get("published") or row.get("published_basis") == "sidecar"]
    wanted = {row["doc_id"] for _, row in open_rows}
    clues = collect_clues(docs, found, chronology, wanted)
    for doc_id, extra in _lede_clues(_lede_times(found, sentences), wanted).items():
        clues[doc_id] = clues.get(doc_id, []) + extra
    span = _corpus_span(rows, lookaround_days)
    updates: dict[tuple, object] = {}
    for i, row in open_rows:
        doc_clues = clues.get(row["doc_id"], [])
        printed = _printed_clue(row)
        if printed is not None:
            doc_clues = [printed, *doc_clues]
        verdict = decide(doc_clues, max_lag_days, lookaround_days, _bounds(row, span))
        if row.get("published_basis") == "sidecar":
            _check_sidecar(row.get("file") or row["doc_id"], _iso_or_none(row.get("published")),
                           verdict, doc_clues)
            continue
        for column, value in _dated(row, verdict, printed).items():
            updates[(i, column)] = value
    for (i, column), value in updates.items():
        docs.at[i, column] = value
    return docs


def _lede_times(found: dict, sentences: pd.DataFrame | None) -> pd.DataFrame | None:
    """The time expressions, with the text of their sentence as evidence when known."""
    times = found.get("time_expressions")
    if times is None or times.empty or sentences is None or "text" not in sentences:
        return times
    texts = sentences[["sent_id", "text"]].rename(columns={"text": "sentence_text"})
    return times.merge(texts, on="sent_id", how="left")


def _dated(row: dict, verdict: Verdict | None, printed: Clue | None) -> dict[str, str]:
    """The published* cells for one document, and the analyst's warning when no day."""
    name = row.get("file") or row["doc_id"]
    if verdict is None:
        log.warning("%s: no publication date found; add the row '%s,,,YYYY-MM-DD,,,' to "
                    "data/sources.csv", name, name)
        return {}
    out = {"published_earliest": verdict.earliest.isoformat(),
           "published_latest": verdict.latest.isoformat()}
    stated = printed is not None and printed in verdict.used and verdict.published is not None
    if row.get("published_basis") in OPEN_BASES or not stated:
        evidence = _evidence([c for c in verdict.used if c.kind != "printed"])
        out["published_basis"] = "stated" if stated else "inferred"
        if not stated:
            previous = str(row.get("published_evidence") or "")
            out["published_evidence"] = EVIDENCE_SEP.join(x for x in (previous, evidence) if x)
    if verdict.published is not None:
        out["published"] = verdict.published.isoformat()
        log.info("%s: publication date %s (range %s..%s)", name, verdict.published,
                 verdict.earliest, verdict.latest)
    else:
        log.warning("%s: publication day not pinned: between %s and %s; if you know the day, "
                    "add the row '%s,,,YYYY-MM-DD,,,' to data/sources.csv", name,
                    verdict.earliest, verdict.latest, name)
    return out


def _check_sidecar(name: str, stated: dt.date | None, verdict: Verdict | None,
                   clues: list[Clue]) -> None:
    if stated is None or verdict is None:
        return
    agree = score(clues, stated)
    if agree < verdict.score:
        log.warning("%s: sidecar date %s scores %g of %g on the text's clues, %s..%s scores %g; "
                    "check published in data/sources.csv", name, stated, agree, verdict.total,
                    verdict.earliest, verdict.latest, verdict.score)
