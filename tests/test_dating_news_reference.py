"""'The conversation was ...': a sentence near the top naming the lede's contact again takes
the lede's day (dating.mentions._news_reference). Invented countries and events."""

from __future__ import annotations

import pytest

from test_dating import article, dated_without_chronology, found_for, mention

CALL = "phone_call"
PAIR = "Norland;Southia"


def _dates(tmp_path, third: str) -> list[str]:
    docs = [article("dA", "a.txt", "url", "2024-08-22"), article("dB", "b.txt", "url",
                                                                     "2024-10-10"),
            article("dU", "undated.txt")]
    mentions = [  # the pair speaks often: Wednesday 21 August and Wednesday 9 October
        mention("dA", 1, CALL, PAIR, "The Norland and Southia leaders spoke on Wednesday."),
        mention("dB", 1, CALL, PAIR, "The Norland and Southia leaders spoke on Wednesday."),
        mention("dU", 1, "agreement", PAIR,
                "The Norland and Southia leaders agreed Wednesday to stay in close contact."),
        mention("dU", 2, "missile_attack", "Eastia;Norland",
                "Eastia fired missiles at Norland on October 1, 2024."),
        mention("dU", 3, CALL, PAIR, third),
    ]
    for m in mentions[:3]:
        m["time_id"] = f"{m['sent_id']}-t1"
    out = dated_without_chronology(tmp_path, docs, found_for(mentions))
    return out.loc["dU", ["published", "published_earliest", "published_latest"]].tolist()


@pytest.mark.parametrize("third", [
    "The conversation was the first time the leaders had spoken since August.",
    "The call was their first in weeks.",
])
def test_the_lede_contact_named_again_takes_the_lede_weekday(tmp_path, third):
    # the lede's Wednesday is the call's: the known call of Wednesday 9 October
    assert _dates(tmp_path, third) == ["2024-10-09", "2024-10-09", "2024-10-10"]


def test_a_contact_not_named_as_the_lede_news_only_chooses_a_wednesday(tmp_path):
    out = _dates(tmp_path, "Their aides talked about the leaders' calls since August.")
    assert out[0] == "" and out[1] == "2024-10-02"
