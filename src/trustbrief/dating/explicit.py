"""Clues from the calendar dates an article prints in its own sentences, with or without a
mention extract recognised around them (see trustbrief.dating).

- A date reported as past bounds the article from below ('On Saturday, December 28, the two
  presidents spoke'; 'a letter dated Oct. 13'); a date in a clause that looks ahead ('will
  meet on Dec. 30', 'scheduled for Oct. 9') bounds it from above, at half weight (plans are
  still reported after their day); so does a date in a clause a future auxiliary of
  data/time_expressions.yaml future_clause_cues governs, whatever verb extract gave it to
  (dating.clause). A record's date ('documents dated October 15') is past even where the
  sentence tells a plan.
- A day and month without a year ('December 28') counts only when its year is certain: the
  weekday printed with it ('Saturday, December 28') names one year among those the corpus
  covers, or the corpus's span holds that day of only one year. News names the weekday with
  a yearless date only for a day of the past week, so such a date bounds the article from
  above too (with its year, 'On Saturday, October 7, 2023', it is a retrospective's date).
  A yearless date deep in the article may be a well-known anniversary of another year
  ('since October 7'), so it counts only when the weekday is printed with it or it stands in
  the first sentences (the news), or when it opens a past act's clause as a day of the
  narrative ('Note that, on February 11, the office announced ...') in an article that
  prints full dates of that one year, one of them within a month of it: news writing gives
  the year once and leaves it out of the other dates of the same year (only a lower bound);
  not when the corpus prints that day and month with another year ('October 7, 2023'): a
  day the story remembers, maybe the one meant.
- The lede's day: when the first sentences name a weekday ('police raided the office on
  Monday') and print a date that falls on that weekday ('On June 30, ...'), or print the
  date with its weekday, the lede's event is that date; news is published the day of its
  lede's event or the next, so the article is of that day or the next.
- The lede's event retold with its day: a lede often reports the news without its day
  ('X apologised to Y') and gives the day further down ('On Saturday, December 28, X and Y
  called each other'); a date printed with its weekday that dates an event of the same two
  parties as an undated lede event is the lede's day, as if it stood in the lede.
- A plural unit with no count before a past date ('weeks after Chad's Oct. 1, 2024 attack',
  'in the days since December 28'): what the sentence tells came at least two of those units
  after the date, less half a unit, and the article after that (as for an incident word,
  dating.elapsed; 'weeks' may be ten: no upper bound).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import pandas as pd

from trustbrief import timex
from trustbrief.dating import lede
from trustbrief.dating.chronology import actor_list
from trustbrief.dating.clause import CLAUSE_BREAK, CLAUSE_LOOKBACK, future_clause
from trustbrief.dating.clues import BARE_WEEKDAY, PLANNED_WEIGHT, Clue
from trustbrief.tables import frame_records
from trustbrief.timex.frames import FULL_DATE_SPEC  # the spec of a day printed with its year

# Sentences numbered up to this are the lede: the news of the day (headline lines and
# datelines come first in many copies, hence one more than the lede weekday's two).
LEDE_DATE_SENTENCES = 3
NEWS_LAG = dt.timedelta(days=1)  # the lede's event is reported that day or the next
# A weekday printed with a date ('On Saturday, December 28') is news style for a day of the
# past week: older days get the date alone.
RECENT_LAG = dt.timedelta(days=6)
# 'on February 11, the X announced': a yearless date that opens its clause, the day of an
# act the narrative tells (an anniversary is named instead: 'since October 7', 'the October 7
# attack'); 'since', 'began' or 'until' before it in the clause tell a span's start or end
NARRATIVE_ON = re.compile(r"(?i)\bon\s*$")
NARRATIVE_AFTER = re.compile(r"^\s*,")
SPAN_WORDS = re.compile(r"(?i)\b(?:since|began|begun|started|until|till|through)\b")
NARRATIVE_DAYS = 31  # how near a printed full date of the same year the narrative's day is
# a plural unit with no count right before 'after'/'since' and up to four words before what
# it counts from ('weeks after N'Djamena launched', 'days since the Oct. 1 attack'; not 'two
# weeks after', not 'a week after')
UNCOUNTED = re.compile(r"(?:^|(?<=[\s(]))(?:(?P<lead>[\w'’-]+)\s+)?"
                       r"(?P<unit>days|weeks|months|years)\s+(?:after|since)\s+"
                       r"(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)
# 'a letter dated Oct. 13', 'the documents are dated October 15': a record's own date, past
# whatever the sentence plans around it ('exercises in preparation for a strike')
RECORD_DATE = re.compile(r"(?i)\bdated\s+(?:on\s+)?$")
# days in a calendar unit
UNCOUNTED_UNITS = {"days": 1.0, "weeks": 7.0, "months": 30.44, "years": 365.25}


def years_of(spec: str, weekday: str | None, window: tuple[dt.date, dt.date] | None
             ) -> list[dt.date]:
    """The days an explicit date can be: itself when it has its year; for a day and month
    alone, its occurrences in the window, on the printed weekday when there is one."""
    if spec.startswith("abs:"):
        day = timex.resolve_spec(spec, None).date
        return [day] if day is not None else []
    if not spec.startswith("md:") or window is None:
        return []
    month, day_of_month = map(int, spec[3:8].split("-"))
    days = []
    for year in range(window[0].year, window[1].year + 1):
        try:
            day = dt.date(year, month, day_of_month)
        except ValueError:  # 29 February
            continue
        if window[0] <= day <= window[1] and (
                weekday is None or timex.WEEKDAY_CODES[day.weekday()] == weekday):
            days.append(day)
    return days


def looks_ahead(sentence: str, start: int, vocab: timex.Vocabulary) -> bool:
    """A present/future auxiliary earlier in the date's clause ('will meet on Dec. 30', 'is
    scheduled to visit on 9 October'), or a future cue right before it ('set for', 'until'):
    the date is planned, not past."""
    before = sentence[max(0, start - CLAUSE_LOOKBACK):start]
    lead = before.removesuffix("on ").rstrip()
    return bool(vocab.future_clause.search(CLAUSE_BREAK.split(before)[-1])
                or vocab.future_lead.search(lead + " "))


def _lede_weekdays(rows: Iterable[dict], depths: dict) -> dict[str, set[str]]:
    """doc_id -> the weekdays its first sentences report as past ('on Monday'); below a
    first sentence that looks back over a period only its own (lede.roundups)."""
    out: dict[str, set[str]] = {}
    rows = list(rows)
    roundups = lede.roundups(rows, depths)
    for t in rows:
        spec, number = str(t["spec"]), lede.depth(t["doc_id"], t["sent_id"], depths)
        if spec.startswith(BARE_WEEKDAY) and number is not None \
                and number <= (1 if t["doc_id"] in roundups else LEDE_DATE_SENTENCES):
            out.setdefault(t["doc_id"], set()).add(spec.split(":")[2])
    return out


def governing_polarity(mentions: pd.DataFrame | None) -> dict[str, str]:
    """time_id -> how the mentions it dates are reported (extract's reading of the verb):
    'planned' when every one is planned, 'asserted' when one is asserted or negated (a
    meeting that did not happen on Oct. 9 is still a past day), else 'other'."""
    if mentions is None or mentions.empty or "time_id" not in mentions \
            or "polarity" not in mentions:
        return {}
    out: dict[str, str] = {}
    for time_id, polarity in zip(mentions["time_id"].tolist(), mentions["polarity"].tolist(),
                                 strict=True):
        if not isinstance(time_id, str) or not time_id:
            continue
        reading = {"asserted": "asserted", "negated": "asserted",
                   "planned": "planned"}.get(str(polarity), "other")
        known = out.get(time_id)
        if known is None or reading == "asserted" or (reading == "planned" and known == "other"):
            out[time_id] = reading
    return out


LEDE_EVENT_SENTENCES = 2  # the first body sentences, whose undated event is the news
RETELLING_PARTIES = 2  # parties a later mention shares with the lede's event to retell it


def retold_lede_times(mentions: pd.DataFrame | None,
                      depths: dict[tuple[str, str], int] | None = None) -> set[str]:
    """time_ids that date, below the lede, an event of the same two parties as an event the
    lede reports without its day (asserted both): the lede's news retold with its day."""
    if mentions is None or mentions.empty or not {"time_id", "polarity", "actors"} \
            <= set(mentions.columns):
        return set()
    lede_parties: dict[str, list[set[str]]] = {}
    later: list[tuple[str, str, set[str]]] = []
    for doc_id, sent_id, actors, time_id, polarity in zip(
            *(mentions[c].tolist() for c in ("doc_id", "sent_id", "actors", "time_id",
                                             "polarity")), strict=True):
        parties = set(actor_list(actors))
        if polarity != "asserted" or len(parties) < RETELLING_PARTIES:
            continue
        depth = lede.depth(doc_id, sent_id, depths or {}) or LEDE_DATE_SENTENCES + 1
        timed = isinstance(time_id, str) and bool(time_id)
        if depth <= LEDE_EVENT_SENTENCES and not timed:
            lede_parties.setdefault(doc_id, []).append(parties)
        elif depth > LEDE_DATE_SENTENCES and timed:
            later.append((doc_id, time_id, parties))
    return {time_id for doc_id, time_id, parties in later
            if any(len(parties & lede_event) >= RETELLING_PARTIES
                   for lede_event in lede_parties.get(doc_id, []))}


def explicit_date_clues(times: pd.DataFrame | None, sentences: dict, doc_ids: set[str],
                        window: tuple[dt.date, dt.date] | None,
                        vocab: timex.Vocabulary | None = None,
                        polarity: dict[str, str] | None = None,
                        depths: dict[tuple[str, str], int] | None = None,
                        retold: set[str] | None = None,
                        years_printed: dict[str, frozenset[int]] | None = None
                        ) -> dict[str, list[Clue]]:
    """Clues from the explicit dates of the documents in `doc_ids`; `sentences` maps
    (doc_id, sent_id) to the sentence's text, `window` is where a yearless date may fall,
    `polarity` is governing_polarity of the mentions (extract's reading of the verbs a date
    governs outranks the clause's words), `depths` is lede.lede_depths of the sentences,
    `retold` is retold_lede_times of the mentions, `years_printed` corpus_years of every
    article's time expressions (of `times` when not given: `times` may then hold the rows of
    `doc_ids` alone only if no other article prints a full date)."""
    if times is None or times.empty or not doc_ids:
        return {}
    vocab = vocab or timex.default_vocabulary()
    columns = [c for c in ("time_id", "doc_id", "sent_id", "text", "spec") if c in times]
    polarity = polarity or {}
    rows = [t for t in frame_records(times, columns) if t["doc_id"] in doc_ids]
    depths = depths or {}
    printed = _printed_full_dates(rows)
    printed_years = corpus_years(times) if years_printed is None else years_printed
    lede_weekdays = _lede_weekdays(rows, depths)
    out: dict[str, list[Clue]] = {}
    for t in rows:
        spec = str(t["spec"])
        if not spec.startswith(("abs:", "md:")):
            continue
        reading = polarity.get(str(t.get("time_id") or ""), "")
        if reading == "other":
            continue  # a hypothetical or generic event's date bounds nothing
        sentence = sentences.get((t["doc_id"], t["sent_id"]), "")
        start = _start_in(sentence, t)
        ahead = not RECORD_DATE.search(sentence[:start]) and (
            reading == "planned" or (not reading and looks_ahead(sentence, start, vocab))
            or (reading == "asserted" and future_clause(sentence, start, vocab)))
        in_lede = (lede.depth(t["doc_id"], t["sent_id"], depths) or LEDE_DATE_SENTENCES + 1) \
            <= LEDE_DATE_SENTENCES
        narrative = None if ahead or in_lede else _narrative_day(
            t, sentence, printed.get(t["doc_id"], []), window, vocab,
            printed_years.get(spec[3:8], frozenset()))
        clue_list = [_after_clue(t, sentence, narrative)] if narrative else _date_clues(
            t, sentence, ahead, in_lede, lede_weekdays.get(t["doc_id"], set()), window, vocab,
            str(t.get("time_id") or "") in (retold or set()))
        out.setdefault(t["doc_id"], []).extend(
            clue_list + _uncounted_clue(t, sentence, clue_list, vocab))
    return {doc: clues for doc, clues in out.items() if clues}


def _date_clues(t: dict, sentence: str, ahead: bool, in_lede: bool, lede_weekdays: set[str],
                window: tuple[dt.date, dt.date] | None, vocab: timex.Vocabulary,
                retold: bool = False) -> list[Clue]:
    spec, text = str(t["spec"]), str(t.get("text") or "")
    weekday = timex.printed_weekday(text, vocab)
    if spec.startswith("md:") and weekday is None and not in_lede:
        return []  # maybe an anniversary of another year: see the module docstring
    days = years_of(spec, weekday, window)
    if len(days) != 1:
        return []
    day = days[0]
    base = (t["doc_id"], t["sent_id"], sentence or text)
    if ahead:
        return [Clue(*base, "before", lambda d, last=day: d <= last, ((day, day),),
                     _identity("planned", spec, day), PLANNED_WEIGHT)]
    clues = [Clue(*base, "after", lambda d, first=day: d >= first, ((day, day),),
                  _identity("asserted", spec, day))]
    if weekday is not None and spec.startswith("md:"):
        # only without its year: 'On Saturday, October 7, 2023' is how a retrospective
        # dates a day of long ago
        clues.append(Clue(*base, "recent", lambda d, first=day: d <= first + RECENT_LAG,
                          ((day, day),), ("recent", day)))
    if (in_lede and (weekday is not None or timex.WEEKDAY_CODES[day.weekday()] in lede_weekdays)
            or retold and weekday is not None):
        clues.append(Clue(*base, "news", lambda d, first=day: first <= d <= first + NEWS_LAG,
                          ((day, day),), ("news", day)))
    return clues


def uncounted_days(text: str, end: int, vocab: timex.Vocabulary) -> float | None:
    """Days at least between what text[end:] starts with (an incident word, a date) and what
    the sentence tells, when an uncounted plural unit leads to it ('weeks after ...') and the
    clause does not look ahead: two units less half a unit; None otherwise."""
    found = UNCOUNTED.search(text[:end])
    if found is None or looks_ahead(text, found.start("unit"), vocab):
        return None
    lead = (found.group("lead") or "").lower()
    if lead.isdigit() or lead in vocab.numbers:
        return None  # 'two weeks after', 'a hundred days after': counted
    unit = UNCOUNTED_UNITS[found.group("unit").lower()]
    return 2 * unit - unit / 2


def _uncounted_clue(t: dict, sentence: str, clues: list[Clue], vocab: timex.Vocabulary
                    ) -> list[Clue]:
    """The 'after' clue of a past date moved on by the uncounted units before it ('weeks
    after the Oct. 1 attack'), as a clue of its own (the date's own clue stays)."""
    after = [c for c in clues if c.kind == "after" and c.events]
    days = uncounted_days(sentence, _start_in(sentence, t), vocab) if after and sentence \
        else None
    if days is None:
        return []
    low = after[0].events[0][0] + dt.timedelta(days=round(days))
    return [Clue(t["doc_id"], t["sent_id"], sentence, "after", lambda d, lo=low: d >= lo,
                 ((low, low),), ("uncounted", low))]


def _printed_full_dates(rows: list[dict]) -> dict[str, list[dt.date]]:
    """doc_id -> the full dates (day, month and year) the article prints."""
    out: dict[str, list[dt.date]] = {}
    for t in rows:
        full = FULL_DATE_SPEC.match(str(t["spec"]))
        if full:
            out.setdefault(t["doc_id"], []).append(dt.date.fromisoformat(full.group(0)[4:]))
    return out


def corpus_years(times: pd.DataFrame | None) -> dict[str, frozenset[int]]:
    """'MM-DD' -> the years any article of the corpus prints that day and month with."""
    if times is None or times.empty or "spec" not in times:
        return {}
    specs = pd.Series(times["spec"].dropna().astype(str).unique())
    out: dict[str, set[int]] = {}
    for spec in specs[specs.str.match(FULL_DATE_SPEC.pattern)]:
        out.setdefault(spec[9:14], set()).add(int(spec[4:8]))
    return {day: frozenset(years) for day, years in out.items()}


def _narrative_day(t: dict, sentence: str, printed: list[dt.date],
                   window: tuple[dt.date, dt.date] | None, vocab: timex.Vocabulary,
                   corpus_years: frozenset[int] = frozenset()) -> dt.date | None:
    """The day a yearless date deep in the article names when it opens a clause of the
    narrative ('on February 11, the X announced') and the article's full dates are of one
    year, one of them within NARRATIVE_DAYS of it (see the module docstring); else None.
    `corpus_years`: the years the corpus prints that day and month with; one other than the
    article's is a day the story remembers ('October 7, 2023'), maybe the one meant."""
    spec, text = str(t["spec"]), str(t.get("text") or "")
    years = {day.year for day in printed}
    if not spec.startswith("md:") or len(years) != 1 or timex.printed_weekday(text, vocab):
        return None
    start = _start_in(sentence, t)
    clause = CLAUSE_BREAK.split(sentence[max(0, start - CLAUSE_LOOKBACK):start])[-1]
    if not NARRATIVE_ON.search(clause) or SPAN_WORDS.search(clause) \
            or not NARRATIVE_AFTER.match(sentence[start + len(text):]):
        return None
    year = years.pop()
    if corpus_years - {year}:
        return None  # an anniversary the corpus knows: see the docstring
    days = years_of(spec, None, (dt.date(year, 1, 1), dt.date(year, 12, 31)))
    if len(days) != 1 or (window and not window[0] <= days[0] <= window[1]) \
            or all(abs((days[0] - day).days) > NARRATIVE_DAYS for day in printed):
        return None
    return days[0]


def _after_clue(t: dict, sentence: str, day: dt.date) -> Clue:
    """The article is not older than a past day it tells."""
    return Clue(t["doc_id"], t["sent_id"], sentence or str(t.get("text") or ""), "after",
                lambda d, first=day: d >= first, ((day, day),),
                _identity("asserted", str(t["spec"]), day))


def _identity(polarity: str, spec: str, day: dt.date) -> tuple:
    """The identity the mention clues give the same bound (one date bounds an article once):
    a full date's spec, or the day of a matched event."""
    if spec.startswith("abs:"):
        return polarity, spec
    return ("after" if polarity == "asserted" else "before"), day


def _start_in(sentence: str, t: dict) -> int:
    """Where the expression's text starts in its sentence (the end when not found)."""
    text = str(t.get("text") or "")
    found = sentence.find(text) if text else -1
    return found if found >= 0 else len(sentence)
