"""The lede's news retold with its day further down (dating.explicit.retold_lede_times).

Invented countries and events."""

from __future__ import annotations

import pytest

from test_dating import article, dated_without_chronology, found_for, mention

CALL = "On Saturday, December 28, the two presidents called each other about the crash."


def _dates(tmp_path, lede_actors: str) -> list[str]:
    docs = [article("dA", "a.txt", "url", "2024-12-30"), article("dU", "undated.txt")]
    mentions = [
        mention("dA", 1, "criticism", "Norland;Southia", "Norland criticised Southia."),
        mention("dU", 1, "apology", lede_actors,
                "Norland's president apologised to his counterpart for the crash."),
        mention("dU", 2, "statement", "Norland", "The statement said the crash was tragic."),
        mention("dU", 4, "phone_call", "Norland;Southia", CALL),
    ]
    mentions[-1]["time_id"] = "dU-s004-t1"
    out = dated_without_chronology(tmp_path, docs, found_for(mentions))
    return out.loc["dU", ["published", "published_earliest", "published_latest"]].tolist()


def test_the_lede_pair_dated_further_down_is_the_news_day(tmp_path):
    # the apology of the lede and the call of 28 December are one news: that day or the next
    assert _dates(tmp_path, "Norland;Southia") == ["2024-12-28", "2024-12-28", "2024-12-29"]


@pytest.mark.parametrize("lede_actors", ["Norland;Eastia", "Norland"])
def test_a_dated_event_of_other_parties_only_bounds(tmp_path, lede_actors):
    # the call may be background to another lede event: within the week after it
    assert _dates(tmp_path, lede_actors) == ["", "2024-12-28", "2025-01-03"]
