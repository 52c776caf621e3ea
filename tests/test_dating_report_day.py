"""The day of the report vs the day of what it reports, in one lede sentence (dating.clues).

Invented countries and events; the dated article pins the blasts to Tuesday 17 September."""

from __future__ import annotations

import pytest

from test_dating import article, dated_without_chronology, found_for, mention

BLASTS = "sabotage_detonation"
PARTIES = "Norland;Southia"


def _dates(tmp_path, lede: str) -> list[str]:
    docs = [article("dA", "a.txt", "url", "2024-09-18"), article("dU", "undated.txt")]
    mentions = [
        mention("dA", 1, BLASTS, PARTIES,
                "Blasts struck Southia's pagers in Norland on Tuesday, officials said."),
        mention("dU", 1, "warning", "Norland;Eastia", lede),
        mention("dU", 2, BLASTS, PARTIES,
                "That same day, blasts struck Southia's pagers in Norland."),
    ]
    mentions[0]["time_id"] = "dA-s001-t1"
    mentions[1]["time_id"] = "dU-s001-t1"  # the warning's own day: the first weekday
    out = dated_without_chronology(tmp_path, docs, found_for(mentions))
    return out.loc["dU", ["published", "published_earliest", "published_latest"]].tolist()


@pytest.mark.parametrize("lede", [
    "Norland warned Eastia on Tuesday about an operation, according to officials speaking "
    "on Thursday.",
    "Norland warned Eastia on Tuesday about an operation, its ministry said Thursday.",
])
def test_the_weekday_of_the_report_is_the_news_day_not_the_reported_one(tmp_path, lede):
    # Tuesday 17 (the warning, the blasts) was reported on Thursday 19: that day or the next
    assert _dates(tmp_path, lede) == ["2024-09-19", "2024-09-19", "2024-09-20"]


@pytest.mark.parametrize("lede", [
    # nothing says which weekday is the report's: Tuesday 17 to Friday 20
    "Norland warned Eastia on Tuesday and struck Westia on Thursday.",
    # 'said Thursday's ...': Thursday is the day of what was said, not of the saying
    "Norland warned Eastia on Tuesday, and its ministry said Thursday's strike was a reply.",
])
def test_two_weekdays_of_events_only_give_a_range(tmp_path, lede):
    assert _dates(tmp_path, lede) == ["", "2024-09-17", "2024-09-20"]
