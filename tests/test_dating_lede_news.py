"""The news of a dated article (its lede's event without a day) happened on its day or the
day before; another article that reports the event with its own relative day is placed by it,
one that reports it without a day is not (trustbrief.dating.news), on invented articles."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from trustbrief import timex
from trustbrief.dating import infer_publication_dates
from trustbrief.dating.chronology import Pinned
from trustbrief.dating.clues import SentenceTimes
from trustbrief.dating.lede import lede_depths
from trustbrief.dating.news import lede_news_pins, news_clues

DATED = {"a-s001": "President Arman Tal and President Boris Vek met in Lakeview."}
LEDE = "President Arman Tal on Thursday admitted the failure of the radar for the first time."
REFERENCE = "Tal made the statement during a meeting with Vek in Lakeview, the capital."
MEETING = {"event_type": "meeting_visit", "actors": ["Arman Tal", "Boris Vek"],
           "polarity": "asserted", "time_id": ""}


def _tables(texts: dict[str, str], mentions: dict[str, dict]):
    sentences = pd.DataFrame([{"doc_id": s.split("-")[0], "sent_id": s, "text": t,
                               "start": i * 100} for i, (s, t) in enumerate(texts.items())])
    times = timex.extract_time_expressions(sentences)
    rows = [{"doc_id": s.split("-")[0], "sent_id": s, "text": texts[s], **m}
            for s, m in mentions.items()]
    return sentences, times, pd.DataFrame(rows)


def _documents(published_a: str = "2025-10-09") -> pd.DataFrame:
    return pd.DataFrame({"doc_id": ["a", "b"], "file": ["a.txt", "b.txt"],
                         "published": [published_a, ""],
                         "published_basis": ["stated", "unknown"]})


def _dated(texts, mentions, documents=None) -> pd.Series:
    sentences, times, frame = _tables(texts, mentions)
    out = infer_publication_dates(documents if documents is not None else _documents(),
                                  {"mentions": frame, "time_expressions": times},
                                  pd.DataFrame(), sentences=sentences)
    return out.set_index("doc_id").loc["b"]


def test_the_statement_made_at_the_dated_meeting_pins_the_article():
    # 9 October 2025 is a Thursday: Thursday's meeting is the one article a reports
    row = _dated({**DATED, "b-s001": LEDE, "b-s002": REFERENCE},
                 {"a-s001": MEETING, "b-s002": {**MEETING, "actors": ["Arman Tal", "Boris Vek"]}})
    assert (row["published"], row["published_latest"]) == ("2025-10-09", "2025-10-10")


def test_a_lede_event_bounds_nothing_without_the_others_own_day():
    row = _dated({**DATED, "b-s001": "Tal and Vek met in Lakeview to discuss the radar."},
                 {"a-s001": MEETING, "b-s001": MEETING})
    assert row["published"] == ""
    assert row["published_earliest"] in ("", None) or row["published_earliest"] < "2025-10-08"


def test_a_lede_telling_older_news_pins_nothing():
    sentences, times, frame = _tables(
        {"a-s001": "Tal and Vek had met in Lakeview before the summit."}, {"a-s001": MEETING})
    assert lede_news_pins(frame, times, _documents(), lede_depths(sentences)) == []


def test_a_lede_event_pins_the_day_and_the_day_before():
    sentences, times, frame = _tables(DATED, {"a-s001": MEETING})
    pins = lede_news_pins(frame, times, _documents(), lede_depths(sentences))
    assert [(p.first.isoformat(), p.last.isoformat()) for p in pins] == \
        [("2025-10-08", "2025-10-09")]
    undated = _documents("")
    undated.loc[0, "published_basis"] = "unknown"
    assert lede_news_pins(frame, times, undated, lede_depths(sentences)) == []


def test_parties_seen_meeting_on_other_weekdays_only_choose_among_days():
    pin = Pinned("a:a-s001:news", "meeting_visit", frozenset({"Arman Tal", "Boris Vek"}), None,
                 dt.date(2025, 10, 8), dt.date(2025, 10, 9), relative=True, from_article=True)
    mention = {"doc_id": "b", "sent_id": "b-s002", "text": REFERENCE, **MEETING,
               "time_id": "b-s002-t1"}
    thursday = {"time_id": "b-s002-t1", "doc_id": "b", "sent_id": "b-s002",
                "spec": "weekday:past:THU"}
    times = SentenceTimes({("b", "b-s002"): [thursday]}, {("b", "b-s002"): {"b-s002-t1"}}, True)
    assert [c.kind for c in news_clues(mention, times, [pin])] == ["relative"]
    parties = frozenset({"Arman Tal", "Boris Vek"})
    seen = {"meeting_visit": [(parties, "MON"), (parties, "THU")]}
    assert [c.kind for c in news_clues(mention, times, [pin], seen)] == ["recurring"]
    assert news_clues({**mention, "doc_id": "a"}, times, [pin]) == []  # its own lede


MEETING_LEDE = "Speaking at a meeting with Vek in Lakeview, Tal pledged to pay compensation."
BACKGROUND = "The radar had failed over the lake, officials of both countries said."
STATEMENT = {"event_type": "statement", "actors": ["Arman Tal"], "polarity": "asserted",
             "time_id": ""}


def _retold(retelling: str) -> pd.Series:
    return _dated({**DATED, "b-s001": MEETING_LEDE, "b-s002": BACKGROUND,
                   "b-s003": BACKGROUND.replace("lake", "hills"), "b-s004": retelling},
                  {"a-s001": MEETING, "b-s001": MEETING, "b-s004": STATEMENT})


def test_a_contact_retold_with_its_weekday_dates_the_ledes_contact():
    # the lede's meeting is article a's (8-9 October 2025); 'Speaking to Vek on Thursday,
    # Tal said' gives it Thursday 9 October, and the lede's news with its day is of the
    # article's day or the day before: 9 October (or the 10th)
    row = _retold("Speaking to Vek on Thursday, Tal said the radar had failed.")
    assert (row["published"], row["published_earliest"], row["published_latest"]) == \
        ("2025-10-09", "2025-10-09", "2025-10-10")


def test_speaking_to_someone_else_dates_no_contact_of_the_lede():
    row = _retold("Speaking to reporters on Thursday, Tal said the radar had failed.")
    assert row["published"] == ""
    assert row["published_earliest"] in ("", None) or row["published_earliest"] < "2025-10-09"


def test_a_call_retold_with_its_weekday_dates_the_ledes_contact_too():
    row = _retold("In a phone call with Vek on Thursday, Tal said the radar had been fixed.")
    assert (row["published"], row["published_earliest"], row["published_latest"]) == \
        ("2025-10-09", "2025-10-09", "2025-10-10")


def test_an_older_contact_retold_dates_nothing():
    for older in ("Speaking to Vek on Thursday, Tal previously said the radar failed.",
                  "In a call with Vek on Thursday, President Tal had said the radar failed."):
        row = _retold(older)
        assert row["published_earliest"] in ("", None) or row["published_earliest"] < "2025-10-09"


def test_lede_depths_given_by_the_caller_date_as_the_ones_computed_here():
    # the pipeline computes lede depths once for dating and events: passing them must not
    # change a date
    from trustbrief.dating.lede import lede_depths
    texts = {**DATED, "b-s001": LEDE, "b-s002": REFERENCE}
    mentions = {"a-s001": MEETING, "b-s002": {**MEETING, "actors": ["Arman Tal", "Boris Vek"]}}
    sentences, times, frame = _tables(texts, mentions)
    found = {"mentions": frame, "time_expressions": times}
    computed = infer_publication_dates(_documents(), found, pd.DataFrame(), sentences=sentences)
    given = infer_publication_dates(_documents(), found, pd.DataFrame(), sentences=sentences,
                                    depths=lede_depths(sentences))
    pd.testing.assert_frame_equal(computed, given)
    assert computed.set_index("doc_id").loc["b", "published"] == "2025-10-09"


KILLED = {"a-s001": "The envoy condemned the killing of commander Dara Holt in Lakeview."}
HOLT = {"actors": ["Dara Holt"], "agent": "", "polarity": "asserted", "time_id": ""}
KILLED_ON = "Officials said the strike that killed Holt in Lakeview came on Wednesday."


def test_an_event_that_happens_once_to_its_one_party_is_the_ledes_news():
    # a person is killed once (data/incidents.yaml once_per_party): the one party named is
    # the event, so a dated lede's killing of Holt is of its day or the day before, and an
    # article telling it 'on Wednesday' is of the week after that Wednesday (8 October 2025)
    texts = {**KILLED, "b-s001": "Mourners gathered in the capital.",
             "b-s002": "Shops were closed across the city.", "b-s003": KILLED_ON}
    killing = {**HOLT, "event_type": "targeted_killing"}
    row = _dated(texts, {"a-s001": killing, "b-s003": {**killing, "time_id": "b-s003-t1"}})
    assert (row["published_earliest"], row["published_latest"]) == ("2025-10-08", "2025-10-14")
    # one party of an event that recurs ('the strike on Holt's convoy') is one shared name
    strike = {**HOLT, "event_type": "airstrike"}
    row = _dated(texts, {"a-s001": strike, "b-s003": {**strike, "time_id": "b-s003-t1"}})
    assert row["published_earliest"] in ("", None)


def test_a_killing_told_as_the_cause_of_the_days_news_is_not_its_news():
    # 'vowed revenge for the killing of X' (data/incidents.yaml once_context): the killing
    # may be days older than the dated article, so it pins nothing
    texts = {"a-s001": "Crowds vowed revenge for the killing of commander Dara Holt.",
             "b-s001": "Mourners gathered in the capital.",
             "b-s002": "Shops were closed across the city.", "b-s003": KILLED_ON}
    killing = {**HOLT, "event_type": "targeted_killing"}
    row = _dated(texts, {"a-s001": killing, "b-s003": {**killing, "time_id": "b-s003-t1"}})
    assert row["published_earliest"] in ("", None)
