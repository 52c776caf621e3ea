"""Tenure: a person named by an office he loses on a day the corpus dates.

An article that names someone by his office right before his name ('Defense Minister X', the
title extract resolves to that person) and does not itself tell of his leaving the office
(data/incidents.yaml ends_tenure: the event types that end a tenure, a dismissal) was
written while he held it: it is not later than the first dated article that reports him
dismissed, give or take TENURE_LAG (an outgoing holder keeps his title until his successor
takes over, and a story filed before the news may run a day or two later). A title marked
as past ('former', 'then-', 'outgoing') bounds nothing; nor does a dismissal told as older
news ('had fired', 'earlier', 'in March 2023') or undone ('reinstated'): the person may hold
the office again. The words are data (data/incidents.yaml older_news and tenure).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection

import pandas as pd

from trustbrief.dating.chronology import actor_list
from trustbrief.dating.clues import Clue, dated_days
from trustbrief.dating.incidents import TenureWords, default_incident_words
from trustbrief.dating.lede import is_body_sentence
from trustbrief.tables import cell_text, frame_records

TENURE_LAG = dt.timedelta(days=2)
TITLE_LOOKBACK = 30  # characters before a title searched for a past marker ('former')
NAMED_KINDS = ("name", "alias")  # actor mention kinds that name the person after a title
# a year in the sentence dates its office-holder to then ('In 2023, Defense Minister X ...',
# a photo caption's 'Portview, Oct. 28, 2023'), not to the article's day
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
THE_DAYS_NEWS = ("weekday:", "reld:")  # 'on Monday', 'today', 'overnight': the news's days
MENTION_COLUMNS = ("doc_id", "sent_id", "event_type", "actors", "agent", "polarity", "text",
                   "time_id")


def tenure_ends(mentions: pd.DataFrame | None, documents: pd.DataFrame,
                ends_tenure: Collection[str], older: re.Pattern) -> dict[str, dt.date]:
    """person -> the first day of a dated article that reports, as past news without a date
    of its own, an event of `ends_tenure` the person undergoes (his dismissal); `older`:
    the words that tell it as older news or undone (TenureWords.older)."""
    if mentions is None or mentions.empty or not ends_tenure \
            or not set(MENTION_COLUMNS) <= set(mentions.columns):
        return {}
    days = dated_days(documents)
    ends = mentions[mentions["event_type"].isin(list(ends_tenure))
                    & mentions["doc_id"].isin([d for d, day in days.items() if day])]
    out: dict[str, dt.date] = {}
    for m in frame_records(ends, list(MENTION_COLUMNS)):
        if cell_text(m["polarity"]) != "asserted" or cell_text(m["time_id"]) \
                or older.search(cell_text(m["text"])):
            continue
        for person in actor_list(m["actors"]):
            if person != cell_text(m["agent"]):
                day = days[m["doc_id"]]
                out[person] = min(out.get(person, day), day)
    return out


def _dated_otherwise(times: pd.DataFrame | None, doc_ids: Collection[str]) -> set[tuple]:
    """(doc_id, sent_id) of the sentences that name a time other than a day of the article's
    week ('an Oct. 13 letter to Defense Minister X', 'last month', 'in 2023'): what they tell
    of the office may be of then."""
    if times is None or times.empty or "spec" not in times:
        return set()
    rows = times[times["doc_id"].isin(list(doc_ids))]
    return {(t["doc_id"], t["sent_id"]) for t in frame_records(rows, ["doc_id", "sent_id",
                                                                      "spec"])
            if not str(t["spec"]).startswith(THE_DAYS_NEWS)}


def _titled(actor_mentions: pd.DataFrame, sentences: dict, doc_ids: Collection[str],
            dated_otherwise: set[tuple], past_title: re.Pattern
            ) -> dict[str, dict[str, tuple[str, str]]]:
    """doc_id -> person -> (sent_id, sentence) of a title right before the person's name
    ('Defense Minister Jane Doe') with no past marker before it, in a body sentence that
    names no other time than the day's (`dated_otherwise`, YEAR)."""
    rows = actor_mentions[actor_mentions["doc_id"].isin(list(doc_ids))]
    spans: dict[tuple[str, str], list[dict]] = {}
    for a in frame_records(rows, ["doc_id", "sent_id", "start", "end", "actor", "kind"]):
        spans.setdefault((a["doc_id"], a["sent_id"]), []).append(a)
    out: dict[str, dict[str, tuple[str, str]]] = {}
    for key, found in spans.items():
        sentence = str(sentences.get(key) or "")
        if not is_body_sentence(sentence) or YEAR.search(sentence) \
                or key in dated_otherwise:
            continue  # a caption or a credit line, or a dated retrospect: see YEAR
        names = {(a["actor"], int(a["start"])) for a in found if a["kind"] in NAMED_KINDS}
        for a in found:
            start, end = int(a["start"]), int(a["end"])
            if a["kind"] != "title" or not isinstance(a["actor"], str) \
                    or (a["actor"], end + 1) not in names \
                    or past_title.search(sentence[max(0, start - TITLE_LOOKBACK):start]):
                continue
            out.setdefault(key[0], {}).setdefault(a["actor"], (key[1], sentence))
    return out


def tenure_clues(documents: pd.DataFrame, found: dict, doc_ids: Collection[str],
                 ends_tenure: Collection[str], sentences: dict,
                 words: TenureWords | None = None) -> dict[str, list[Clue]]:
    """'before' clues of the documents in `doc_ids` that name a person by the office he
    leaves on a day the corpus dates (see the module docstring); `sentences` maps (doc_id,
    sent_id) to the sentence text; `words`: data/incidents.yaml `tenure` as loaded (the
    shared data's by default)."""
    words = words or default_incident_words().tenure
    mentions, actor_mentions = found.get("mentions"), found.get("actor_mentions")
    ends = tenure_ends(mentions, documents, ends_tenure, words.older)
    if not ends or actor_mentions is None or actor_mentions.empty \
            or not {"kind", "start", "end", "actor"} <= set(actor_mentions.columns):
        return {}
    told = _told_ends(mentions, ends_tenure, doc_ids)
    for (doc_id, _), text in sentences.items():
        if doc_id in doc_ids and words.left_office.search(str(text or "")):
            told.setdefault(doc_id, set()).update(
                person for person in ends if person.split()[-1] in str(text))
    out: dict[str, list[Clue]] = {}
    titled = _titled(actor_mentions, sentences, doc_ids,
                     _dated_otherwise(found.get("time_expressions"), doc_ids),
                     words.past_title)
    for doc_id, people in titled.items():
        for person, (sent_id, sentence) in people.items():
            last = ends.get(person)
            if last is None or person in told.get(doc_id, set()):
                continue
            out.setdefault(doc_id, []).append(Clue(
                doc_id, sent_id, sentence, "before",
                lambda d, latest=last + TENURE_LAG: d <= latest, ((last, last),),
                ("tenure", person)))
    return out


def _told_ends(mentions: pd.DataFrame, ends_tenure: Collection[str],
               doc_ids: Collection[str]) -> dict[str, set[str]]:
    """doc_id -> the people whose leaving office (any polarity) the document tells itself."""
    rows = mentions[mentions["event_type"].isin(list(ends_tenure))
                    & mentions["doc_id"].isin(list(doc_ids))]
    out: dict[str, set[str]] = {}
    for m in frame_records(rows, ["doc_id", "actors"]):
        out.setdefault(m["doc_id"], set()).update(actor_list(m["actors"]))
    return out
