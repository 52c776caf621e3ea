"""Publication dates as honest intervals, for articles that do not state one.

Clues (each is a predicate over candidate publication days):

- relative: a relative time expression ('late last night', 'last Friday', 'originally set for
  Wednesday') in a sentence that mentions an event whose date is pinned down - by a row of
  data/chronology.csv, by a full date in any article, by a day-and-month in a dated article,
  or, more weakly, by a weekday or 'yesterday' in a dated article (used only when no event
  pinned by a date matches) - and the match is specific (the same event type and the same
  actors, not one shared name; an act dated by its calendar date elsewhere and named there
  with its agent alone counts for a mention with that agent and its own relative date:
  'an attack by Chad on Oct. 1, 2024' for 'N'Djamena fired missiles at Portview last week',
  dating.pinned / clues); an undated article that a pass leaves a few days pins its
  events as a dated one does where every day of its range reads the expression alike
  ('Thursday' in an article of Aug 1-4 is Aug 1; dating.pinned RANGE_PIN_DAYS). The clue
  holds on the days d for which timex.resolve_spec(spec, d) covers the event's date. A
  sentence that opens with 'That same day' is dated by the one day the sentence before
  names (dating.mentions).
- recurring: the same clues when the event is one of several of its parties (leaders who
  speak every few weeks; dating.recurring): they choose among the days the other clues
  allow and never bound the range themselves.
- after: an event reported as having happened -> d >= its date (the latest such event is the
  article's lower bound); a month or season printed with its year ('in the autumn of 2024')
  bounds it by its first day, as a plan for one does from above by its last.
- before: an event reported as planned -> d <= its date. A state's plan also matches its
  army's act another article dates (armies folded into their state, plans only:
  dating.forces); a mention told as done whose date stands in a clause a future auxiliary
  governs ('will not attend the conference on March 25, 2025, the ministry said') is a plan
  (dating.clause).
- lede: the weekday the first body sentences report ('the Pentagon said on Tuesday'; headline
  lines, captions and credits do not count, dating.lede), or one any body sentence tells as
  the writer's own day ('earlier Saturday', 'later on Wednesday') is the day of publication or the
  day before: news leads with the day's news, and a wire story filed late
  runs the next morning elsewhere. A weekday holds every week: it chooses among the days
  the other clues allow and never bounds the range on its own (a weak clue never beats
  stronger ones).
- week frame: a first body sentence framing the news by this week ('tensions escalated
  further this week') makes a bare weekday below it a day of the article's week, so the
  article is of that day or later in its week (dating.week_frame; like a lede weekday it
  only chooses among the days the other clues allow).
- printed: a day and month printed without a year ('30 Dec. 13:30') hold on that day of the
  year that ends with the corpus's last dated article.
- explicit: the calendar dates the article prints (dating.explicit): a past date bounds it
  from below, a date that looks ahead from above; a yearless date counts when its year is
  certain; a date printed with its weekday is of the past week ('recent'); a date of the
  lede that falls on the lede's weekday is the lede's day ('news': published that day or
  the next).
- deadline: a deadline counted from a dated act ('a letter dated Oct. 13 gave A-land 30
  days'), placed by the lede ('as the deadline approaches' -> not after it, and in the
  second half of the time limit; 'sidestepped its deadline' -> its day or the next),
  data/deadlines.yaml (dating.deadlines).
- named day: 'coinciding with Election Day in the U.S.': a day a country's calendar names,
  placed like a printed date (data/named_days.yaml, dating.named_days).
- news: the event a dated article's lede reports without a day (of two parties, or one that
  happens once to its one party: 'the assassination of X') happened on its day or the day
  before; another article's mention of it with its own relative day ('met on Thursday')
  is placed by it, never one without a day (dating.news); a lede's contact without a day
  takes the day of a later sentence that retells it with both parties ('Speaking to X on
  Thursday, Y said', dating.mentions), and the article is of that day or the next, as for a
  weekday in the lede.
- incident: an incident named by a word ('Wednesday's crash', 'two days after the plane
  crashed', 'the downing ... last week'), placed against the one day the corpus's dated
  sentences give that kind of incident (data/incidents.yaml, dating.incidents).
- elapsed: a headline that counts the time since such an incident ('... over the crash after
  seven months', 'Six weeks after the downing') places the article that long after it, give
  or take half the unit (weeks, months, years only: never a day; dating.elapsed).
- tenure: a person named by his office ('Defense Minister X') in an article that does not
  tell of his leaving it, dismissed on a day a dated article reports: the article is not
  later than that day and two more (data/incidents.yaml ends_tenure, dating.tenure).
- window: what the corpus stage already bounds (a month in the URL, an update stamp) is a hard
  limit on the candidate days.
- period: an article with no clue at all was collected for the story: the story's period,
  widened to the corpus's dated articles, is its range (nothing without a period); an article
  whose clues leave its range open past that span ('after the Oct. 1 attack') is re-scored
  within it, unless its clues place it wholly outside; a range the clues bound only from
  above (a plan, an office held) starts at the period; the period never pins a day
  (dating.period).

Candidate days are scored by the weight of the clues they satisfy; the best-scoring days form
the range. A clue that holds on no candidate day contradicts the others (a 'Tuesday' matched
to an event of a Friday: not the same event) and is left out. A day is given (`published`)
only when that range spans at most PIN_DAYS days (the first of them: news is published
promptly after what it reports); otherwise `published` stays empty and published_earliest /
published_latest carry the range, with the evidence. A confidently wrong date is worse than a
range.
"""

from trustbrief.dating.chronology import CHRONOLOGY_COLUMNS, Pinned, load_chronology
from trustbrief.dating.clues import Clue
from trustbrief.dating.deadlines import DeadlineWords, load_deadline_words
from trustbrief.dating.decide import Verdict, decide, score, score_days
from trustbrief.dating.incidents import (
    IncidentWords,
    dated_incidents,
    incident_words,
    load_incident_words,
)
from trustbrief.dating.mentions import collect_clues
from trustbrief.dating.named_days import NamedDays, load_named_days
from trustbrief.dating.stage import infer_publication_dates

__all__ = ["CHRONOLOGY_COLUMNS", "Clue", "DeadlineWords", "IncidentWords", "NamedDays", "Pinned",
           "Verdict", "collect_clues", "dated_incidents", "decide", "incident_words",
           "infer_publication_dates",
           "load_chronology",
           "load_deadline_words", "load_incident_words", "load_named_days", "score",
           "score_days"]
