"""Claim speakers of papers, quotes and sources (extract/papers.py, quote_statements.py,
speech_verbs.py, speaker_titles.py), on invented sentences of the invented story of
test_claims_speakers: who issued a paper speaks through it, a quote inside a sentence is the
sentence's own, a source keeps how it knows, and answering with deeds is no claim."""

from __future__ import annotations

import pytest

from test_claims_speakers import claims_of, lex, speaker  # noqa: F401 (lex: the fixture)

# (sentences, which sentence, its speaker, its speaker_rule)
SPEAKERS = [
    pytest.param(("“The border stays open.", "We will not close it,” Marta Diaz Soto said."),
                 1, "Marta Diaz Soto", "quote-continuation", id="quote-opening-continues"),
    pytest.param(("Mexico gave “a few minutes notice” to Canada about the raid, Canadian media "
                  "reported.",), 1, "Canadian media", "speech-verb-subject/outlet-noun",
                 id="media-of-a-side"),
    pytest.param(("During the meeting, Marta Diaz Soto handed over a verbal note expressing "
                  "Ottawa’s strong disapproval of what it described as Mexico’s “unfriendly "
                  "actions.”",), 1, "Marta Diaz Soto", "speech-verb-paper/document-by-owner",
                 id="handed-over-a-note"),
    pytest.param(("A spokesperson confirmed a letter signed by Marta Diaz Soto and addressed to "
                  "the Mexican government.",
                  "The letter states that the aid must reach the border within 30 days."),
                 2, "Marta Diaz Soto", "speech-verb-subject/document-issuer",
                 id="the-letter-signed-before"),
    pytest.param(("Ana Ruiz Prieto reaffirmed her support for the talks, according to a readout "
                  "of the call released by Press Secretary Laura Gomez Vidal.",),
                 1, "Laura Gomez Vidal", "according-to/document-by-owner",
                 id="readout-released-by"),
    pytest.param(("International leaders, including those from Canada, have called for "
                  "restraint, urging Mexico to avoid further raids.",),
                 1, "International leaders", "speech-verb-subject/source-noun",
                 id="urging-clause"),
    pytest.param(("Mexican media, quoting “sources familiar with the situation,” said Ana Ruiz "
                  "Prieto had cancelled the trip.",), 1, "sources familiar with the situation",
                 "citing-object/source-noun", id="source-familiar-with"),
    pytest.param(("The talks stalled, according to an official familiar with the matter, who "
                  "added that the border would stay open.",), 1,
                 "an official familiar with the matter", "according-to/source-noun",
                 id="source-familiar-ends-at-comma"),
    pytest.param(("Ana Ruiz Prieto “stressed the urgency of the deal” in her call, the Mexican "
                  "Foreign Ministry says.",
                  "The two leaders also “discussed the border at length,” the brief Mexican "
                  "readout adds."), 2, "Mexican Foreign Ministry",
                 "speech-verb-subject/document-owner+body", id="readout-of-a-state"),
    pytest.param(("On Tuesday, eight groups including Oxfam and the Red Cross said Mexico has "
                  "“failed to meet” the criteria.",), 1, "eight groups",
                 "speech-verb-subject/counted-bodies", id="counted-bodies-including"),
]


@pytest.mark.parametrize("sentences, n, who, rule", SPEAKERS)
def test_speaker_and_rule(lex, sentences, n, who, rule):  # noqa: F811 (the fixture)
    assert speaker(claims_of(lex, *sentences), n) == (who, rule)


def test_a_quote_inside_a_sentence_takes_no_neighbours_speaker(lex):  # noqa: F811
    claims = claims_of(lex, "The mediators have pinned their hopes on a “bridging proposal for "
                            "the border” aimed at narrowing the gaps.",
                       "“The talks will resume in May,” Marta Diaz Soto said.")
    assert "dtest00000-s001" not in claims.index or speaker(claims, 1)[0] == ""
    assert speaker(claims, 2)[0] == "Marta Diaz Soto"


def test_an_issuer_speaks_through_the_paper_until_a_body_speaks(lex):  # noqa: F811
    claims = claims_of(lex, "On Tuesday, the Mexican Foreign Ministry issued a statement in "
                            "which it claimed that Canada bore “full responsibility for the "
                            "raids.”",
                       "A spokesperson confirmed a letter signed by Marta Diaz Soto.",
                       "Canada's Foreign Ministry said the border would stay open.",
                       "The letter said that talks would resume.")
    assert speaker(claims, 1)[1] == "speech-verb-paper/document-by-owner"
    assert "Foreign Ministry" in speaker(claims, 1)[0]
    # a body spoke since the letter was named: 'the letter' is no longer surely hers
    assert speaker(claims, 4)[0] != "Marta Diaz Soto"


def test_answering_with_deeds_is_no_claim_but_another_verb_keeps_its_with(lex):  # noqa: F811
    claims = claims_of(lex, "Canada has responded with rocket fire at the border.",
                       "Ana Ruiz Prieto apologized to her Canadian counterpart for the accident "
                       "with the airliner.")
    assert "dtest00000-s001" not in claims.index or speaker(claims, 1)[0] == ""
    assert speaker(claims, 2)[0] == "Ana Ruiz Prieto"


def test_defending_a_stance_speaks_but_defending_oneself_does_not(lex):  # noqa: F811
    claims = claims_of(lex, "Mexico’s Foreign Ministry has defended Mexico’s right “to protect "
                            "its own border against all incursions”.",
                       "Canada defended itself “against the raids of last week”.")
    assert "Foreign Ministry" in speaker(claims, 1)[0]
    assert speaker(claims, 1)[1].startswith("speech-verb-subject/")
    assert "dtest00000-s002" not in claims.index or \
        not speaker(claims, 2)[1].startswith("speech-verb")
