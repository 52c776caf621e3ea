"""extract/news_nouns.py: an act noun that a present-perfect verb of making public tells is the
day's news (rule suffix /perfect, dated by the publication in events), on invented sentences."""

from __future__ import annotations

from test_extract import run

NEWS = "/perfect"


def _rule(lex, text: str, event_type: str) -> str:
    mentions = run(lex, [text])["mentions"]
    return mentions[mentions["event_type"] == event_type].iloc[0]["rule"]


def test_an_act_noun_carried_by_published_information_is_news(lex):
    assert _rule(lex, "The information about the Israeli prime minister's refusal to attend the "
                      "summit in Washington has been published by the Iranian agency.",
                 "visit_skipped").endswith(NEWS)


def test_an_act_noun_a_ministry_has_announced_is_news(lex):
    assert _rule(lex, "Iran's Foreign Ministry has announced the closure of the Israeli office "
                      "in the country.", "restriction").endswith(NEWS)


def test_past_tense_or_background_makes_no_news(lex):
    for text in ("Iran's Foreign Ministry announced the closure of the Israeli office.",
                 "Iran's Foreign Ministry has previously announced the closure of the Israeli "
                 "office."):
        assert not _rule(lex, text, "restriction").endswith(NEWS), text
