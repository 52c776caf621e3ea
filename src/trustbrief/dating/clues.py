"""Clues: predicates over candidate publication days, from the mentions of an article and
the events pinned elsewhere (see trustbrief.dating)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from trustbrief import timex
from trustbrief.dating import clause, forces, lede, own_days, recurring
from trustbrief.dating.chronology import Pinned, iso_or_none
from trustbrief.tables import frame_records

# bases of a day other articles' events may be dated by ('inferred' ones with a day: pinned
# by this stage in an earlier pass, or by an earlier run)
DATED_BASES = ("stated", "html_meta", "url", "sidecar", "inferred")
EVIDENCE_SEP = " | "
ONE_DAY = dt.timedelta(days=1)
# a weekday read against the wrong week lands a week off: a weekday-pinned event that close
# to a date-pinned one may be that event (see _matched_events)
WEEK = dt.timedelta(days=7)
LEDE_SENTENCES = 2  # the first body sentences, where the day's news is reported
LEDE_WEIGHT = 1.0
BARE_WEEKDAY = "weekday:past:"  # a weekday told alone ('said on Tuesday'): on or before the day


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


governing_times = _governing  # public name for the other dating modules


def is_full_date(spec: str) -> bool:
    return isinstance(spec, str) and spec.startswith("abs:")


def is_dated_period(spec: str) -> bool:
    """A day, month or season printed with its year ('Oct. 1, 2024', 'September 2024', 'the
    autumn of 2024'): what happened in it bounds the report by its first day, what is planned
    for it by its last."""
    return isinstance(spec, str) and spec.startswith(("abs:", "ym:", "ys:"))


def is_explicit_day(spec: str) -> bool:
    return isinstance(spec, str) and spec.startswith(("abs:", "md:"))


# the document fields this stage reads (a record's .get gives None for missing ones)
DOCUMENT_FIELDS = ("doc_id", "file", "published", "published_basis", "published_earliest",
                   "published_latest", "published_printed", "published_evidence")


def present(frame: pd.DataFrame, names: tuple[str, ...]) -> list[str]:
    return [name for name in names if name in frame]


def dated_days(documents: pd.DataFrame) -> dict[str, dt.date | None]:
    """doc_id -> the day of each article dated on a basis of DATED_BASES (None when its
    'published' is not a day): the days other articles' events may be dated by."""
    return {row["doc_id"]: iso_or_none(row.get("published"))
            for row in frame_records(documents, present(documents, ("doc_id", "published",
                                                                    "published_basis")))
            if row.get("published_basis") in DATED_BASES}


# ---------------------------------------------------------------- clues

@dataclass(frozen=True)
class Clue:
    doc_id: str
    sent_id: str
    text: str
    kind: str  # relative | recurring | after | before | lede | ... (see trustbrief.dating)
    holds: Callable[[dt.date], bool]
    events: tuple[tuple[dt.date, dt.date], ...]
    identity: tuple
    weight: float = 1.0


def _relative_holds(spec: str, events: tuple) -> Callable[[dt.date], bool]:
    def holds(anchor: dt.date) -> bool:
        return any(r.date is not None and any(r.earliest <= last and first <= r.latest
                                              for first, last in events)
                   for r in _readings(spec, anchor))
    return holds


def _readings(spec: str, anchor: dt.date) -> list[timex.Resolved]:
    """What the expression can mean in an article of `anchor`: a week ('last week', 'earlier
    this week') runs Monday to Sunday in some countries' usage and Sunday to Saturday in
    others' (an American Sunday paper's 'last week' holds the Wednesday just past), so a
    week is read both ways; anything else has one reading."""
    first = timex.resolve_spec(spec, anchor)
    if not str(spec).startswith("relw:") or first.date is None:
        return [first]
    # the Sunday-to-Saturday week of a day is the Monday-to-Sunday week of the next day,
    # one day earlier
    shifted = timex.resolve_spec(spec, anchor + ONE_DAY)
    if shifted.date is None:
        return [first]
    return [first, dataclasses.replace(shifted, earliest=shifted.earliest - ONE_DAY,
                                       latest=shifted.latest - ONE_DAY)]


relative_holds = _relative_holds  # public name for the other dating modules


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


def pinned_index(pinned: list[Pinned]) -> dict[str, list[Pinned]]:
    """Pinned events by event type: a mention is only compared with events of its type."""
    index: dict[str, list[Pinned]] = {}
    for p in pinned:
        index.setdefault(p.event_type, []).append(p)
    return index


def undergoes(m: dict) -> bool:
    """The mention names one party and no agent, as an event that happens once to its party
    is told ('X was killed'; Pinned.matches)."""
    return len(set(m["actors"])) == 1 and not m.get("agent") and not m.get("sentence_actors")


def _matched_events(m: dict, pinned: list[Pinned]) -> list[Pinned]:
    """The pinned events the mention matches; events pinned by a date win over events
    pinned by a weekday, which win over events known only by their week. Of a contact
    (CONTACT_LANE), a weekday-pinned event on a day no date-pinned one holds is kept
    beside them: not a weaker reading of a dated call but another call of the same two
    leaders, without which a mention of it would be read against the others' days alone.
    An act's weekday that far from its dated day belongs to another verb ('A-land said on
    Sunday it will send troops after missile attacks by Chad')."""
    actors, once = set(m["actors"]), undergoes(m)
    matching = [p for p in pinned if p.matches(m["event_type"], actors, m["text"], once)]
    dated = [p for p in matching if not p.relative]
    daily = [p for p in matching if not p.weekly]
    if dated and m.get("lane") == CONTACT_LANE:
        return dated + [p for p in daily if p.relative and not any(
            d.first <= p.last + WEEK and p.first <= d.last + WEEK for d in dated)]
    return dated or daily or matching


# lanes of acts (data/event_types.yaml): an attack by one party on one day; contacts
# (statements, calls, demands) of one party recur too often to be told apart by it
ACT_LANES = ("operations", "third-party actions")
CONTACT_LANE = "contacts"


def _acts_for_relative_date(m: dict, times: SentenceTimes, pinned: list[Pinned]
                            ) -> list[Pinned]:
    """When no event matches: the acts other articles date by their calendar date and name
    only the mention's agent for (Pinned.acted_alone), when the mention has its own relative
    date ('last week', 'earlier this month') for them to resolve. Never a bare bound: an
    agent acts more than once, and only the mention's own date tells which act it is."""
    if (m.get("lane") or "") not in ACT_LANES or (m.get("polarity") or "asserted") != "asserted":
        return []
    if not any(weight == 1 for _, weight in _governing(m, times, timex.is_anchor_relative)):
        return []
    return [p for p in pinned if p.acted_alone(m["event_type"], m.get("agent") or "")]


def _said(m: dict) -> bool:
    """A mention made from a claim (rule '<type>/claim/...': what an official of one side said
    of the other). Its parties cannot tell one statement from another: a government restates
    its commitment or its warning to the same partner week after week, so another article's
    dated statement of the same parties neither bounds nor dates this one."""
    return (m.get("rule") or "").split("/")[1:2] == ["claim"]


def _days(events: list[Pinned]) -> tuple[tuple[dt.date, dt.date], ...]:
    return tuple(sorted({(p.first, p.last) for p in events}))


def clues_for_mention(m: dict, times: SentenceTimes, pinned: list[Pinned] | dict,
                      weekdays: dict[str, list] | None = None) -> list[Clue]:
    """pinned: a list, or pinned_index of it (same clues, fewer comparisons); weekdays:
    recurring.named_weekdays of the corpus's mentions (a match to one of several events of
    the same parties only chooses among days: kind 'recurring')."""
    pinned = pinned.get(m["event_type"], []) if isinstance(pinned, dict) else pinned
    m = clause.ahead_as_planned(m, [t for t, _ in _governing(m, times, is_dated_period)])
    if _said(m):
        pinned = []  # what one side says of the other is said again and again (see _said)
    events = own_days.fitting(_matched_events(m, pinned) or forces.planned_match(
        m, pinned, _matched_events) or _acts_for_relative_date(m, times, pinned),
        [t["spec"] for t, w in _governing(m, times, is_explicit_day) if w == 1])
    clues = _matched_clues(m, times, events, weekdays) if events else []
    polarity = m.get("polarity") or "asserted"
    if polarity in ("asserted", "planned"):
        # The article's own explicit dates bound it too ('struck on Oct. 1' -> after Oct. 1;
        # 'visited in the autumn of 2024' -> after 1 Sep 2024). A day or month without its
        # year ('Dec. 25', 'in July') bounds nothing: some Dec. 25 is always past
        base = (m["doc_id"], m["sent_id"], m["text"])
        for t, weight in _governing(m, times, is_dated_period):
            year_known = timex.resolve_spec(t["spec"], None)  # None for 'Sept. 28'
            days = ((year_known.earliest, year_known.latest),) if year_known.date else ()
            if polarity == "asserted":
                clues.append(Clue(*base, "after", _explicit_after(t["spec"]), days,
                                  (polarity, t["spec"]), weight))
            else:
                clues.append(Clue(*base, "before", _explicit_before(t["spec"]), days,
                                  (polarity, t["spec"]), weight * PLANNED_WEIGHT))
    return clues


def _matched_clues(m: dict, times: SentenceTimes, events: list[Pinned],
                   weekdays: dict[str, list] | None) -> list[Clue]:
    """Clues from the pinned events the mention matches: its relative date ('last week')
    must cover them; without one, it reports them as past (after) or planned (before)."""
    matched = _days(events)
    polarity = m.get("polarity") or "asserted"
    base = (m["doc_id"], m["sent_id"], m["text"])
    # weekdays named elsewhere tell of a match by a weekday: the mention's own 'on
    # Wednesday', or an event known only by a weekday of its article ('last week' of an
    # event pinned by its date is more than a weekday's match)
    by_weekday = all(p.relative for p in events)
    recurs = recurring.is_recurring(m, matched, weekdays if by_weekday else None)
    relative = _governing(m, times, timex.is_anchor_relative)
    clues = []
    for t, weight in relative:
        weekday_match = recurs or recurring.weekday_of(t["spec"]) is not None and \
            recurring.is_recurring(m, matched, weekdays)
        clues.append(Clue(*base, "recurring" if weekday_match else "relative",
                          _relative_holds(t["spec"], matched), matched,
                          (m["sent_id"], t["spec"], matched), weight))
    if any(weight == 1 for _, weight in relative):
        return clues
    # Reported without its own relative date: happened (after) or planned (before).
    if polarity == "asserted":
        first = min(e[0] for e in matched)
        clues.append(Clue(*base, "recurring" if recurs else "after",
                          lambda d, f=first: d >= f, matched, ("after", first)))
    elif polarity == "planned":
        last = max(e[1] for e in matched)
        clues.append(Clue(*base, "recurring" if recurs else "before",
                          lambda d, f=last: d <= f, matched, ("before", last),
                          PLANNED_WEIGHT))
    return clues


def dedupe(clues: list[Clue]) -> list[Clue]:
    """Two mentions of one event in one sentence are one clue, not two votes (the surer of
    the two readings is kept); so are the sentences of an article that report one dated
    event, or one date, as past (or planned): one event bounds the article once."""
    best: dict[tuple, Clue] = {}
    for clue in clues:
        if clue.identity not in best or clue.weight > best[clue.identity].weight:
            best[clue.identity] = clue
    return sorted(best.values(), key=lambda c: (c.sent_id, c.kind, str(c.identity)))


def lede_clues(times: pd.DataFrame | None, doc_ids: set[str],
               depths: dict[tuple[str, str], int] | None = None) -> dict[str, list[Clue]]:
    """A bare weekday in the first sentences ('said on Tuesday'), or one told as the day of
    writing anywhere in the body ('earlier Saturday', SAME_DAY) -> published that day or the
    next (see the module docstring); `depths`: lede.lede_depths of the sentences (the
    sentence numbers stand in without them)."""
    if times is None or times.empty:
        return {}
    out: dict[str, list[Clue]] = {}
    columns = [c for c in ("doc_id", "sent_id", "spec", "text", "sentence_text", "start",
                           "end") if c in times]
    records = [t for t in frame_records(times, columns) if t["doc_id"] in doc_ids]
    weekdays = [t for t in records if str(t["spec"]).startswith(BARE_WEEKDAY)]
    roundups = lede.roundups(records, depths or {})
    for t in _report_days(weekdays):
        number = lede.depth(t["doc_id"], t["sent_id"], depths or {})
        if number is None or (number > LEDE_SENTENCES and not _told_as_today(t)) or \
                (number > 1 and t["doc_id"] in roundups):
            continue
        out.setdefault(t["doc_id"], []).append(
            lede_day_clue(t["doc_id"], t["sent_id"], sentence_text(t), t["spec"]))
    return out


# 'earlier Saturday', 'later on Wednesday': the writer's own day, which news names only while
# it is that day ('earlier today'); a day told from another one reads 'later that Wednesday'
SAME_DAY = re.compile(r"(?i)\b(?:earlier|later)\s+(?:on\s+)?$")


def _told_as_today(t: dict) -> bool:
    sentence, start = t.get("sentence_text"), t.get("start")
    if not isinstance(sentence, str) or start is None or pd.isna(start):
        return False
    return SAME_DAY.search(sentence[:int(start)]) is not None


def lede_day_clue(doc_id: str, sent_id: str, text: str, spec: str) -> Clue:
    """The lede's news is of the weekday `spec` names: the article is of that day or the next
    (kind 'lede': it only chooses among the days the other clues allow)."""
    def holds(day: dt.date) -> bool:
        reported = timex.resolve_spec(spec, day).date
        return reported is not None and (day - reported).days <= 1

    return Clue(doc_id, sent_id, text, "lede", holds, (), (sent_id, "lede", spec), LEDE_WEIGHT)


# A weekday right after a reporting word ('according to officials speaking on Thursday',
# 'the ministry said Thursday') is the day of the report; another weekday of the same
# sentence is the day of what they reported ('cautioned Y on Tuesday'), earlier in the
# week than the article: not the article's day.
REPORT_DAY = re.compile(r"\b(?:speaking|spoke|said|saying|says|told|telling|briefed|briefing|"
                        r"announced|confirmed|reported)\s+(?:reporters\s+|journalists\s+)?$",
                        re.IGNORECASE)


def _report_days(weekdays: list[dict]) -> list[dict]:
    """The weekday expressions that may name the article's day: in a sentence naming several
    weekdays, only the one that dates the report when exactly one does, else all."""
    by_sentence: dict[tuple, list[dict]] = {}
    for t in weekdays:
        by_sentence.setdefault((t["doc_id"], t["sent_id"]), []).append(t)
    out = []
    for group in by_sentence.values():
        reports = [t for t in group if _after_report_word(t)]
        out.extend(reports if len(group) > 1 and len(reports) == 1 else group)
    return out


POSSESSIVE = re.compile(r"^['’]s\b")  # 'said Monday's strike ...': the strike's day


def _after_report_word(t: dict) -> bool:
    sentence, start, end = t.get("sentence_text"), t.get("start"), t.get("end")
    if not isinstance(sentence, str) or start is None or pd.isna(start):
        return False
    if end is not None and not pd.isna(end) and POSSESSIVE.match(sentence[int(end):]):
        return False
    return REPORT_DAY.search(re.sub(r"\bon\s*$", "", sentence[:int(start)]).rstrip() + " ") \
        is not None


def sentence_text(row: dict) -> str:
    return str(row.get("sentence_text") or row.get("text") or row["sent_id"])


PRINTED_WEIGHT = 3.0  # a day and month printed on the article outweigh every other clue


def printed_clue(row: dict) -> Clue | None:
    """A date printed without its year ('PORTVIEW, July 31. /AGENCY/.'): the day and month hold;
    a numeric date the page does not settle ('10/09/2024' = 'YYYY-MM-DD|YYYY-MM-DD'): either."""
    printed = str(row.get("published_printed") or "")
    days = {dt.date.fromisoformat(d) for d in printed.split("|")} if "|" in printed else ()
    if days:
        return Clue(row["doc_id"], "", str(row.get("published_evidence") or printed), "printed",
                    days.__contains__, (), ("printed", printed), PRINTED_WEIGHT)
    m = re.fullmatch(r"--(\d\d)-(\d\d)", printed)
    if m is None:
        return None
    month, day_of_month = int(m.group(1)), int(m.group(2))
    return Clue(row["doc_id"], "", str(row.get("published_evidence") or printed), "printed",
                lambda d: (d.month, d.day) == (month, day_of_month), (), ("printed", printed),
                PRINTED_WEIGHT)
