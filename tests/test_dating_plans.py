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
