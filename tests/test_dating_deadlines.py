"""A deadline counted from a dated act places the article (trustbrief.dating.deadlines)."""

from __future__ import annotations

import pandas as pd
import pytest

from trustbrief import dating, timex
from trustbrief.dating.deadlines import (
    first_words,
    load_deadline_words,
    lowered,
    may_match,
    phrase_pattern,
)
from trustbrief.knowledge import DataFileError


def _date(texts: list[str], dated: str = "2025-03-20") -> pd.Series:
    sentences = pd.DataFrame([{"doc_id": "dA", "sent_id": f"dA-s{n:03d}", "start": 100 * n,
                               "text": text} for n, text in enumerate(texts, start=1)])
    blank = {"published_earliest": "", "published_latest": "", "published_evidence": "",
             "published_printed": ""}
    docs = pd.DataFrame([
        {"doc_id": "dA", "file": "a.txt", "published": "", "published_basis": "unknown",
         **blank},
        {"doc_id": "dB", "file": "b.txt", "published": dated, "published_basis": "url",
         **blank}])
    found = {"mentions": pd.DataFrame(columns=["doc_id", "sent_id", "event_type", "actors",
                                               "text", "time_id", "polarity"]),
             "time_expressions": timex.extract_time_expressions(sentences)}
    empty = pd.DataFrame(columns=list(dating.CHRONOLOGY_COLUMNS))
    out = dating.infer_publication_dates(docs, found, empty, sentences=sentences)
    return out.set_index("doc_id").loc["dA"]


# 4 March 2025 + 30 days = 3 April 2025, a Thursday
LETTER = "The ministry's letter dated March 4 gave the port authority 30 days to reply."


def test_a_deadline_reported_as_passed_in_the_lede_is_the_day_of_the_news():
    out = _date(["The ministry sidestepped its own 30-day deadline for the port deal.",
                 "Progress had been made, a spokesman said in a briefing Thursday.",
                 "Unions criticised the decision in a statement later that evening.",
                 LETTER])
    assert (out["published"], out["published_basis"]) == ("2025-04-03", "inferred")
    assert "sidestepped" in out["published_evidence"]


def test_a_deadline_that_approaches_bounds_from_above():
    out = _date(["The minister on Monday pressed the port authority to reply, as the "
                 "30-day deadline approaches.",
                 "Officials said talks continued in the capital, without giving details.",
                 "Unions said they would strike if no deal was reached soon.",
                 LETTER])
    # not after the deadline; a deadline that approaches is in the second half of its 30
    # days (from 19 March): its Mondays (or the day after) in between
    assert (out["published"], out["published_earliest"]) == ("", "2025-03-24")
    assert out["published_latest"] == "2025-04-01"


def test_a_deadline_ahead_is_not_yet_near():
    # 'ahead of' is said at any time before the deadline: after the letter, not the deadline
    out = _date(["The minister on Monday pressed the port authority to reply ahead of the "
                 "30-day deadline.",
                 "Officials said talks continued in the capital, without giving details.",
                 "Unions said they would strike if no deal was reached soon.",
                 LETTER])
    assert (out["published"], out["published_earliest"]) == ("", "2025-03-04")
    assert out["published_latest"] == "2025-04-01"


def test_two_deadlines_in_one_article_place_nothing():
    out = _date(["The ministry sidestepped its own 30-day deadline for the port deal.",
                 "Progress had been made, a spokesman said in a briefing Thursday.",
                 "Unions criticised the decision in a statement later that evening.",
                 LETTER,
                 "A second letter dated March 10 gave the unions 14 days to respond."])
    assert out["published"] == ""


def test_a_deadline_section_must_list_words(tmp_path):
    (tmp_path / "deadlines.yaml").write_text(
        "nouns: [deadline]\nset_cues: []\npassed: [expired]\napproaching: [nears]\n")
    with pytest.raises(DataFileError, match="set_cues"):
        load_deadline_words(tmp_path)


def test_a_nearing_word_is_one_of_the_approaching_words(tmp_path):
    (tmp_path / "deadlines.yaml").write_text(
        "nouns: [deadline]\nset_cues: [gave]\npassed: [expired]\napproaching: [nears]\n"
        "nearing: [nears, looms]\n")
    with pytest.raises(DataFileError, match="'looms' is not in approaching"):
        load_deadline_words(tmp_path)


@pytest.mark.parametrize("text", [
    "The plane CRASHED near the coast.", "A ſhot down drone was found.",
    "The BLAST İtself was heard far away.", "a qu\u0130ck test", "No such word here.",
    "Kelvin: \u212aRASH was printed.", "crash-landed at dawn", "They shot   down a drone.",
])
def test_may_match_never_misses_a_phrase_the_pattern_finds(text):
    phrases = ["crash", "crash-landed", "shot down", "blast", "ſhot", "quick", "KRASH"]
    pattern = phrase_pattern([p for p in phrases if p.isascii()], hyphens=True)
    words = first_words([p for p in phrases if p.isascii()])
    if pattern.search(text):
        assert may_match(lowered(text), words)
    assert may_match(lowered(text), first_words(phrases))  # a non-ASCII phrase: every text


def test_may_match_rules_out_a_text_without_the_words():
    words = first_words(["shot down", "explosion"])
    assert words.pattern == "explosion|shot"
    assert not may_match(lowered("The talks went on for hours."), words)
    assert may_match(lowered("Shots were fired."), words)  # a superset: the pattern decides
