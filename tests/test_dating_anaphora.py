"""'That same day': a sentence dated by the day the sentence before names (dating.mentions).

Invented countries and events; the dated article pins the blasts to Tuesday 17 September."""

from __future__ import annotations

import pytest

from test_dating import article, dated_without_chronology, mention, ungoverned

BLASTS = "sabotage_detonation"
PARTIES = "Norland;Southia"


def _undated(first: str, second: str) -> list[dict]:
    return [
        mention("dA", 1, BLASTS, PARTIES,
                "Blasts struck Southia's pagers in Norland on Tuesday, officials said."),
        mention("dU", 1, "warning", "Norland;Eastia", first),
        mention("dU", 2, BLASTS, PARTIES, second),
    ]


@pytest.mark.parametrize("second", [
    "That same day, blasts struck Southia's pagers in Norland.",
    "On the same day, blasts struck Southia's pagers in Norland.",
])
def test_that_same_day_takes_the_day_of_the_sentence_before(tmp_path, second):
    docs = [article("dA", "a.txt", "url", "2024-09-18"), article("dU", "undated.txt")]
    mentions = _undated("Norland warned Eastia on Tuesday about an imminent operation.", second)
    out = dated_without_chronology(tmp_path, docs, ungoverned(mentions))
    # the blasts of Tuesday 17 September, reported with the lede's Tuesday: that day or the next
    assert out.loc["dU", ["published", "published_earliest", "published_latest"]].tolist() == [
        "2024-09-17", "2024-09-17", "2024-09-18"]


@pytest.mark.parametrize("first, second", [
    # two days before and no choice between them: 'that same day' is either
    ("Norland warned Eastia on Monday, and again on Tuesday, officials said.",
     "That same day, blasts struck Southia's pagers in Norland."),
    # no anaphora: the blasts are only known to be past
    ("Norland warned Eastia on Tuesday about an imminent operation.",
     "Blasts struck Southia's pagers in Norland, officials said."),
])
def test_without_one_day_to_inherit_the_blasts_only_bound_from_below(tmp_path, first, second):
    docs = [article("dA", "a.txt", "url", "2024-09-18"), article("dU", "undated.txt")]
    out = dated_without_chronology(tmp_path, docs, ungoverned(_undated(first, second)))
    assert out.loc["dU", "published"] == ""
    assert out.loc["dU", "published_earliest"] >= "2024-09-16"
