"""The news of a dated article: the event its lede reports without a day happened on the
article's day or the day before.

News leads with the day's news; when the first body sentence reports an event of two
parties without naming its day ('X and Y met in Portview', 'X apologised to Y'), or an event
that happens once to its one party, named with no agent ('the assassination of X': a person
is killed once, data/incidents.yaml once_per_party), the event is of the article's day, or
of the day before for a story filed late or published the next morning. Another article
that reports the same event with its own relative day ('met on Thursday') is placed by it
like by any pinned event. It never bounds an article that reports the event without a day:
the parties may have had such an event before (a statement, a call), and one pinned by a
lede is no proof the other article reports this one. A lede naming any time (a day, a week,
'had' of an older event) is left to the rules that read it; two ledes that pin one event to
different days pin it to none.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from trustbrief import timex
from trustbrief.dating import lede, recurring
from trustbrief.dating.chronology import Pinned, actor_list
from trustbrief.dating.clues import (
    Clue,
    SentenceTimes,
    dated_days,
    governing_times,
    relative_holds,
    undergoes,
)
from trustbrief.dating.incidents import IncidentWords, default_incident_words
from trustbrief.tables import frame_records, native_list

NEWS_DEPTH = 1  # the first body sentence
MIN_PARTIES = 2  # one party is one shared name, not one event (as dating.chronology)
NEWS_LAG = dt.timedelta(days=1)
COLUMNS = ("doc_id", "sent_id", "event_type", "actors", "time_id", "polarity", "text")


def lede_news_pins(mentions: pd.DataFrame | None, times: pd.DataFrame | None,
                   documents: pd.DataFrame, depths: dict, words: IncidentWords | None = None
                   ) -> list[Pinned]:
    """Pinned events from the undated lede events of the dated documents; `words`:
    data/incidents.yaml as loaded (the shared data's by default): the words that tell a
    lede's event as older than the day's news (older_news, lede_older), the event types
    that happen once to their one party (once_per_party) and the words that tell such an
    event as the cause of the day's news (once_context)."""
    words = words or default_incident_words()
    if mentions is None or mentions.empty or not set(COLUMNS) <= set(mentions.columns):
        return []
    days = dated_days(documents)
    timed = set() if times is None or times.empty else \
        set(zip(times["doc_id"].tolist(), times["sent_id"].tolist(), strict=True))
    pins = []
    agent = ["agent"] if "agent" in mentions.columns else []
    for m in frame_records(_undated_lede_rows(mentions, days, timed, depths),
                           [*COLUMNS, *agent]):
        day = days[m["doc_id"]]
        parties = frozenset(actor_list(m["actors"]))
        # one party is the event when it happens once to that party and none acted in it
        once = m["event_type"] in words.once_per_party and len(parties) == 1 \
            and not m.get("agent") and not words.once_context.search(str(m["text"] or ""))
        if (len(parties) < MIN_PARTIES and not once) \
                or words.lede_older.search(str(m["text"] or "")):
            continue
        pins.append(Pinned(f"{m['doc_id']}:{m['sent_id']}:news", m["event_type"], parties,
                           None, day - NEWS_LAG, day, relative=True, from_article=True,
                           once=once))
    return pins


def _undated_lede_rows(mentions: pd.DataFrame, days: dict, timed: set, depths: dict
                       ) -> pd.DataFrame:
    """The mentions that may be a lede's undated news: asserted, of a dated article, with no
    time expression in their sentence, in its first body sentence. Tested on three columns
    before any record is built: at 10,000 articles a few thousand of 150,000 mentions pass."""
    doc_ids, sent_ids = native_list(mentions["doc_id"]), native_list(mentions["sent_id"])
    keep = [n for n, (doc_id, sent_id, polarity, time_id) in enumerate(zip(
                doc_ids, sent_ids, native_list(mentions["polarity"]),
                native_list(mentions["time_id"]), strict=True))
            if days.get(doc_id) is not None and polarity == "asserted" and not time_id
            and (doc_id, sent_id) not in timed
            and (lede.depth(doc_id, sent_id, depths) or NEWS_DEPTH + 1) <= NEWS_DEPTH]
    return mentions.iloc[keep]


def news_clues(m: dict, times: SentenceTimes, pins: list[Pinned],
               weekdays: dict[str, list] | None = None) -> list[Clue]:
    """Relative clues of mention `m` (a record of dating.mentions) against the lede events
    of other articles it matches: only its own relative day places it (see above); when the
    corpus shows its parties had such events on other days too (recurring.is_recurring of
    `weekdays`, the corpus's named weekdays), the clue only chooses among days."""
    matched = sorted({(p.first, p.last) for p in pins
                      if not p.key.startswith(f"{m['doc_id']}:")
                      and p.matches(m["event_type"], set(m["actors"]), m["text"],
                                    undergoes(m))})
    if len(matched) != 1:
        return []  # none, or several events of the kind: no anchor
    events = tuple(matched)
    kind = "recurring" if recurring.is_recurring(m, events, weekdays) else "relative"
    return [Clue(m["doc_id"], m["sent_id"], m["text"], kind,
                 relative_holds(t["spec"], events), events, (m["sent_id"], t["spec"], events))
            for t, weight in governing_times(m, times, timex.is_anchor_relative)
            if weight == 1]
