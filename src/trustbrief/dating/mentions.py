"""The extract tables read as mention records, and the clues they give per document."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pandas as pd

from trustbrief import timex
from trustbrief.contract.ids import sentence_id, sentence_number
from trustbrief.dating import lede
from trustbrief.dating.chronology import actor_list, pinned_from_chronology
from trustbrief.dating.clues import (
    BARE_WEEKDAY,
    LEDE_SENTENCES,
    Clue,
    SentenceTimes,
    clues_for_mention,
    dedupe,
    governing_times,
    lede_day_clue,
    pinned_index,
)
from trustbrief.dating.explicit import uncounted_days
from trustbrief.dating.incidents import IncidentWords, default_incident_words
from trustbrief.dating.news import lede_news_pins, news_clues
from trustbrief.dating.pinned import pinned_from_dated_documents
from trustbrief.dating.recurring import named_weekdays
from trustbrief.tables import frame_records, native_list, str_column

TIME_FIELDS = ("time_id", "doc_id", "sent_id", "spec", "text")  # text: clause.future_dated


def _sentence_times(found: dict, mentions: list[dict], depths: dict | None = None
                    ) -> SentenceTimes:
    times = found.get("time_expressions")
    if times is None or times.empty:
        sentences = pd.DataFrame(mentions)[["doc_id", "sent_id", "text"]].drop_duplicates()
        times = timex.extract_time_expressions(sentences)
    by_sentence: dict = {}
    for t in frame_records(times, [c for c in TIME_FIELDS if c in times.columns]):
        by_sentence.setdefault((t["doc_id"], t["sent_id"]), []).append(t)
    claimed: dict = {}
    for m in mentions:
        if m["time_id"]:
            claimed.setdefault((m["doc_id"], m["sent_id"]), set()).add(m["time_id"])
    governed = "time_id" in found["mentions"].columns
    _same_day_anaphora(mentions, by_sentence, claimed)
    _news_reference(mentions, by_sentence, claimed, depths or {})
    _retold_contact(mentions, by_sentence, claimed, depths or {})
    return SentenceTimes(by_sentence, claimed, governed)


# 'That same day, ...', 'On the same day', 'That day': the day of the sentence before
SAME_DAY = re.compile(r"^\W*(?:on\s+)?(?:that|the)\s+(?:very\s+)?same\s+day\b"
                      r"|^\W*(?:on\s+)?that\s+day\b", re.IGNORECASE)
DAY_SPECS = ("weekday:", "abs:", "md:", "reld:")  # expressions that name one day


def _same_day_anaphora(mentions: list[dict], by_sentence: dict, claimed: dict) -> None:
    """A sentence without a time expression that opens with 'That same day' is dated by the
    one day the sentence before names ('X warned Y on Tuesday ... That same day, blasts hit
    Z'): that day's expression is added to the sentence's (as one extract did not give to
    any of its mentions). Two days before and no choice between them: nothing."""
    for m in mentions:
        key = (m["doc_id"], m["sent_id"])
        if key in by_sentence:  # the sentence names its own time (most that are read)
            continue
        number = sentence_number(m["sent_id"])
        if not number or number < 2 or not SAME_DAY.match(m["text"] or ""):
            continue
        previous = (m["doc_id"], sentence_id(m["doc_id"], number - 1))
        days = [t for t in by_sentence.get(previous, []) if str(t["spec"]).startswith(DAY_SPECS)]
        # the day of the sentence's own event ('X warned Y on Tuesday, according to officials
        # speaking on Thursday': Tuesday), when extract gave it one
        owned = [t for t in days if t["time_id"] in claimed.get(previous, set())]
        days = owned or days
        if len({t["spec"] for t in days}) == 1:
            by_sentence[key] = [days[0]]


# 'The call ...', 'This conversation ...', 'The meeting ...' opening one of the first body
# sentences: the contact the lede reported, named again by a definite noun; or the lede's
# words named again with where they were said ('X made the statement during a meeting')
NEWS_REFERENCE = re.compile(r"^\W*(?:the|this|that)\s+(?:(?:tele)?phone\s+|video\s+)?"
                            r"(?:call|conversation|meeting|talks)\b"
                            r"|\b(?:made|gave|delivered|issued)\s+(?:the|these|those|his|her|"
                            r"their)\s+(?:statement|remarks|comments|announcement)\b",
                            re.IGNORECASE)
NEWS_REFERENCE_DEPTH = 4  # how far below the lede a sentence may refer back to its news


def _news_reference(mentions: list[dict], by_sentence: dict, claimed: dict,
                    depths: dict) -> None:
    """A sentence near the top (the lede's second one or the two below) that names the lede's
    news again ('The conversation was the first time X and Y had spoken since August'; 'X
    made the statement during a meeting with Y') and names no day
    itself is dated by the one day the lede names (the day extract gave the lede's own
    event, when it names two): its mentions take that day as theirs."""
    for m in mentions:
        key = (m["doc_id"], m["sent_id"])
        depth = lede.depth(m["doc_id"], m["sent_id"], depths)
        if depth is None or not 1 < depth <= NEWS_REFERENCE_DEPTH \
                or any(str(t["spec"]).startswith(DAY_SPECS) for t in by_sentence.get(key, [])) \
                or not NEWS_REFERENCE.search(m["text"] or ""):
            continue
        day = _lede_day(m["doc_id"], by_sentence, claimed, depths)
        if day is not None:
            by_sentence[key] = [*by_sentence.get(key, []), day]
            m["time_id"] = day["time_id"]


# 'Speaking to X on Thursday, Y said ...', 'In a phone call with X on Thursday, Y ...': a body
# sentence that opens by retelling the speaker's contact with another party and its day (an
# agency's way of giving, far below the lede, the day of the meeting or call the lede reports
# without one); 'had', 'earlier' or 'previously' in the opening or the few words after it
# ('..., X had said') tell an older contact (a 'had' inside what was said is its own tense)
RETOLD_CONTACT = re.compile(
    r"^\W*(?:(?:Speaking|Talking)\s+(?:(?:at|during|in)\s+(?:a|the|their)\s+"
    r"(?:meeting|call|talks|conversation)\s+)?(?:to|with)"
    r"|(?:In|During)\s+(?:a|the|their)\s+(?:(?:tele)?phone\s+|video\s+)?"
    r"(?:call|meeting|conversation|talks)\s+with)"
    r"\s+(?P<opening>[^,]{1,80}?)"
    r"\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*,")
OLDER_CONTACT = re.compile(r"(?i)^[^,]*\b(?:had|earlier|previously)\b"
                           r"|^[^,]*,\s*(?:[\w'’.-]+\s+){0,3}?(?:had|earlier|previously)\b")
RETOLD_PARTIES = 2  # the lede's contact and the retelling name the same two parties


def _retold_contact(mentions: list[dict], by_sentence: dict, claimed: dict,
                    depths: dict) -> None:
    """The lede's undated event of two parties takes the day of a later sentence that opens
    'Speaking to X on <weekday>, Y ...' or 'In a call with X on <weekday>, Y ...' (not an
    older contact: RETOLD_CONTACT, OLDER_CONTACT) when X and Y are two of its parties (each
    named by the last word of its name): the same contact retold with its day. A sentence
    naming more than one day, or two such lede events, or none: nothing."""
    retold: dict[str, list[tuple[dict, str]]] = {}
    for m in mentions:
        key = (m["doc_id"], m["sent_id"])
        if not RETOLD_CONTACT.match(m["text"] or "") or OLDER_CONTACT.match(m["text"] or ""):
            continue
        days = [t for t in by_sentence.get(key, []) if str(t["spec"]).startswith("weekday:")]
        if len(days) == 1 and (lede.depth(*key, depths) or 0) > LEDE_SENTENCES:
            retold.setdefault(m["doc_id"], []).append((days[0], m["text"]))
    for doc_id, found in retold.items():
        undated = [m for m in mentions if m["doc_id"] == doc_id and not m["time_id"]
                   and (lede.depth(doc_id, m["sent_id"], depths) or LEDE_SENTENCES + 1)
                   <= LEDE_SENTENCES and len(m["actors"]) >= RETOLD_PARTIES
                   and not m.get("sentence_actors")]
        pairs = [(m, day) for m in undated for day, text in found
                 if _names_parties(text, m["actors"]) >= RETOLD_PARTIES]
        if len(pairs) != 1 or len({t["spec"] for t, _ in found}) != 1:
            continue
        m, day = pairs[0]
        key = (m["doc_id"], m["sent_id"])
        by_sentence[key] = [*by_sentence.get(key, []), day]
        claimed.setdefault(key, set()).add(day["time_id"])
        m["time_id"] = day["time_id"]
        # the lede's news with its day: the article is of that day or the next, as if the
        # weekday stood in the lede (collect_clues)
        m["retold"] = (day["spec"], next(text for t, text in found if t is day))


def _retold_lede_day(m: dict) -> list[Clue]:
    """A lede event that _retold_contact dated: the lede's weekday clue, from the retelling."""
    if not m.get("retold"):
        return []
    spec, text = m["retold"]
    return [lede_day_clue(m["doc_id"], m["sent_id"], text, spec)] \
        if str(spec).startswith(BARE_WEEKDAY) else []


def _names_parties(text: str, actors: list[str]) -> int:
    """How many of `actors` the text names by the last word of their name."""
    words = set(re.findall(r"[\w'’-]+", text))
    return sum(1 for actor in actors if actor.split() and actor.split()[-1] in words)


def _lede_day(doc_id: str, by_sentence: dict, claimed: dict, depths: dict) -> dict | None:
    """The one day expression of the article's lede sentences (the claimed one of two)."""
    days, owned = [], []
    for (doc, sent_id), expressions in by_sentence.items():
        depth = lede.depth(doc, sent_id, depths)
        if doc != doc_id or depth is None or depth > LEDE_SENTENCES:
            continue
        for t in expressions:
            if str(t["spec"]).startswith(DAY_SPECS):
                days.append(t)
                if t["time_id"] in claimed.get((doc, sent_id), set()):
                    owned.append(t)
    days = owned or days
    return days[0] if len({t["spec"] for t in days}) == 1 else None


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


MENTION_FIELDS = ("doc_id", "sent_id", "event_type", "actors", "text", "time_id", "polarity",
                  "agent", "lane", "rule", "trigger_start")
TEXT_FIELDS = ("event_type", "text", "time_id", "polarity", "agent", "lane", "rule")  # '' if none


def _trigger_starts(mentions: pd.DataFrame) -> list[int]:
    """Where each mention's trigger starts in its sentence (-1 when unknown)."""
    if "trigger_start" not in mentions:
        return [-1] * len(mentions)
    starts = pd.to_numeric(mentions["trigger_start"], errors="coerce").fillna(-1)
    return [int(x) for x in starts.tolist()]


def _counted_on(m: dict, clues: list[Clue]) -> list[Clue]:
    """The clues of a mention reported as past, and, when an uncounted plural unit leads to
    its trigger ('weeks after Norland's missile attack'), its 'after' clues moved on by those
    units: what the sentence tells came that long after the event (dating.explicit)."""
    start = m.get("trigger_start", -1)
    if start is None or start < 0:
        return clues
    days = uncounted_days(m["text"], start, timex.default_vocabulary())
    if days is None:
        return clues
    moved = []
    for clue in clues:
        if clue.kind == "after" and clue.events:
            low = min(e[0] for e in clue.events) + dt.timedelta(days=round(days))
            moved.append(dataclasses.replace(
                clue, holds=lambda d, lo=low: d >= lo, events=((low, low),),
                identity=("uncounted", low)))
    return clues + moved


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
               **{name: str_column(mentions, name) for name in TEXT_FIELDS},
               "trigger_start": _trigger_starts(mentions)}
    rows = [dict(zip(MENTION_FIELDS, row, strict=True))
            for row in zip(*(columns[name] for name in MENTION_FIELDS), strict=True)]
    # extract found no agent/target: the sentence's actors stand in
    actorless = {(row["doc_id"], row["sent_id"]) for row in rows if not row["actors"]}
    in_sentence = _sentence_actors(found, actorless)
    for row in rows:
        # only the parties extract found for the event tell another article which event it
        # is: a whole sentence's names ('Jane Doe, John Roe, X, the Foreign Ministry')
        # share two with too many events
        row["sentence_actors"] = not row["actors"]
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
    """actor_list of each cell; each distinct list of names is cleaned once (they repeat),
    and every row gets its own list."""
    if "actors" not in frame:
        return [[] for _ in range(len(frame))]
    cache: dict[tuple, list[str]] = {}
    out = []
    for value in native_list(frame["actors"]):
        if type(value) is list and all(type(v) is str for v in value):
            key = tuple(value)
            if key not in cache:
                cache[key] = actor_list(value)
            out.append(list(cache[key]))
        else:
            out.append(actor_list(value))
    return out


def _any_spec(spec: str) -> bool:
    return isinstance(spec, str)


def collect_clues(documents: pd.DataFrame, found: dict, chronology: pd.DataFrame,
                  doc_ids: set[str] | None = None, depths: dict | None = None,
                  incidents: IncidentWords | None = None) -> dict[str, list[Clue]]:
    """Clues per doc_id, for every document (dated ones too, to check sidecar dates), or
    only for `doc_ids` when given (every document still pins events); `depths`:
    lede.lede_depths of the sentences (their numbers stand in without them); `incidents`:
    data/incidents.yaml as loaded (the shared data's by default): the event types that
    happen once to a party, the words that tell a lede's event as older news (dating.news)."""
    incidents = incidents or default_incident_words()
    mentions = _mention_rows(found, doc_ids)
    if not mentions:
        return {}
    times = _sentence_times(found, mentions, depths)
    kinds = None if doc_ids is None else {m["event_type"] for m in mentions
                                          if m["doc_id"] in doc_ids}
    dating = _of_kinds(mentions, kinds)  # the mentions whose events can date them
    pinned = pinned_index(pinned_from_chronology(chronology)
                           + pinned_from_dated_documents(dating, times, documents,
                                                         incidents.once_per_party))
    news = lede_news_pins(_of_kinds(found.get("mentions"), kinds),
                          found.get("time_expressions"), documents, depths or {}, incidents)
    weekdays = named_weekdays(dating, lambda m: [
        t["spec"] for t, weight in governing_times(m, times, _any_spec) if weight == 1])
    per_doc: dict[str, list[Clue]] = {}
    for m in mentions:
        if doc_ids is None or m["doc_id"] in doc_ids:
            per_doc.setdefault(m["doc_id"], []).extend(
                _counted_on(m, clues_for_mention(m, times, pinned, weekdays))
                + news_clues(m, times, news, weekdays) + _retold_lede_day(m))
    return {doc: dedupe(clues) for doc, clues in per_doc.items()}


def _of_kinds(mentions, kinds: set[str] | None):
    """The mentions (records or a frame) of the event types `kinds` (all when None). The
    events other articles pin, their lede news and the weekdays named for their parties are
    each read by a mention's own type only (clues_for_mention, news_clues, is_recurring):
    one new article of a large corpus compares its few types, not every mention's."""
    if kinds is None or mentions is None:
        return mentions
    if isinstance(mentions, pd.DataFrame):
        return mentions[mentions["event_type"].isin(list(kinds))] \
            if "event_type" in mentions else mentions
    return [m for m in mentions if m["event_type"] in kinds]
