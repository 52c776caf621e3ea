"""dating: an act an article reports only as planned, dated by another article that reports it
done, bounds the planning article from above (written before the act), never from below."""

from __future__ import annotations

import pytest

from test_dating import article, dated_without_chronology, mention, ungoverned

DONE = "Germany launched a ground operation in Chad on Monday, the ministry said."
PLANNED = "Germany informed France of its intention to launch a ground operation in Chad."


@pytest.mark.parametrize(("polarity", "earliest", "latest"), [
    ("planned", "", "2024-09-30"),  # written before the act: the act's day is the latest
    ("asserted", "2024-09-30", ""),  # the same words told as done: the earliest
])
def test_an_act_reported_as_planned_is_an_upper_bound(tmp_path, polarity, earliest, latest):
    docs = [article("dD", "dated.txt", "url", "2024-10-01"), article("dU", "undated.txt")]
    mentions = [mention("dD", 1, "ground_operation", "Germany;Chad", DONE),
                mention("dU", 1, "ground_operation", "Germany;Chad", PLANNED, polarity)]
    out = dated_without_chronology(tmp_path, docs, ungoverned(mentions)).loc["dU"]
    assert out["published"] == ""
    if earliest:
        assert out["published_earliest"] == earliest
    else:
        assert out["published_earliest"] < "2024-09-30"
    if latest:
        assert out["published_latest"] == latest
    else:
        assert out["published_latest"] > "2024-09-30"


@pytest.mark.parametrize(("body", "kind"), [
    # the record's date is past, though the date's mention is a plan
    ("They are dated October 15, 2024 and describe drills in preparation for a strike on "
     "Southia.", "after"),
    ("A letter dated Oct. 13, 2024 asks Norland to act within 30 days.", "after"),
    # a plan's own date stays an upper bound
    ("Norland is expected to strike Southia on October 15, 2024.", "before"),
])
def test_a_records_date_is_past_whatever_the_sentence_plans(body, kind):
    import datetime as dt

    import pandas as pd

    from trustbrief import timex
    from trustbrief.dating.explicit import explicit_date_clues

    frame = pd.DataFrame([{"doc_id": "b", "sent_id": "b-s004", "text": body}])
    times = timex.extract_time_expressions(frame)
    planned = {str(t): "planned" for t in times["time_id"]}  # every date governs a plan
    clues = explicit_date_clues(times, {("b", "b-s004"): body}, {"b"},
                                (dt.date(2024, 1, 1), dt.date(2025, 12, 31)),
                                polarity=planned)["b"]
    assert [c.kind for c in clues] == [kind]
