"""Claim speakers read from the parse (extract/speakers.py), on invented sentences of an
invented story, and the hand-labelled sample scorer (evaluation/claims.py)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from fixtures.invented_story import invented_story, knowledge_with_story
from trustbrief import extract
from trustbrief.evaluation.claims import (
    load_claims_sample,
    report_claims,
    same_sentence,
    score_claims,
    speaker_right,
)
from trustbrief.knowledge import DataFileError
from trustbrief.knowledge.story import find_story
from trustbrief.pipeline import Knowledge

STORY = invented_story("{name: Ana Ruiz Prieto, side: Mexico, role: head_of_state}",
                       "{name: Marta Diaz Soto, side: Canada, role: foreign_minister}")


@pytest.fixture(scope="module")
def lex(tmp_path_factory):
    data = knowledge_with_story(tmp_path_factory.mktemp("claims") / "data", STORY)
    return Knowledge(data, find_story(data, "mx-ca")).lexicons


def claims_of(lex, *sentences: str) -> pd.DataFrame:
    rows = [{"doc_id": "dtest00000", "sent_id": f"dtest00000-s{n:03d}", "start": 0,
             "end": len(t), "text": t} for n, t in enumerate(sentences, start=1)]
    frame = pd.DataFrame(rows)
    found = extract.extract(frame, pd.DataFrame({"doc_id": ["dtest00000"]}), lex)
    return found["claims"].set_index("sent_id")


def speaker(claims: pd.DataFrame, n: int) -> tuple[str, str]:
    row = claims.loc[f"dtest00000-s{n:03d}"]
    return row["speaker"], row["speaker_rule"]


def test_a_title_printed_before_a_name_gives_the_name(lex):
    claims = claims_of(
        lex, "Deputy Chairman of the Liberation Front Political Bureau Omar Abu Khalil has warned "
             "that the attack will not go unanswered.",
        "The ships fired interceptors, according to Air Force Maj. Gen. Tom Baker, the top "
        "spokesman.")
    assert speaker(claims, 1)[0] == "Omar Abu Khalil"
    assert speaker(claims, 2)[0] == "Tom Baker"


def test_the_leader_named_by_a_nationality_title_is_the_sides_leader(lex):
    claims = claims_of(lex, "Ana Ruiz Prieto met the troops on Monday.",
                       "The Mexican leader said the talks would continue.")
    assert speaker(claims, 2) == ("Ana Ruiz Prieto",
                                  "speech-verb-subject/source-noun+title-coref")


def test_she_said_is_the_recent_speaker_not_the_person_named_in_her_quote(lex):
    claims = claims_of(lex, "Ana Ruiz Prieto told reporters, “We had no advance warning.",
                       "My call with Marta Diaz Soto took place while it was under way.",
                       "She said she had nothing more to share.")
    assert speaker(claims, 3)[0] == "Ana Ruiz Prieto"


def test_a_quote_closed_in_the_next_sentence_takes_its_speaker(lex):
    claims = claims_of(lex, "“This is something we did not know about.",
                       "It is very hard to speculate,” Ana Ruiz Prieto said.")
    assert speaker(claims, 1) == ("Ana Ruiz Prieto", "quote-continuation")


def test_a_statement_speaks_for_its_owner_or_for_the_body_that_spoke_last(lex):
    claims = claims_of(lex, "The Mexican Foreign Ministry said the border would stay open.",
                       "The talks went well, the statement added.",
                       "A Canadian government statement said the deal was close.")
    assert speaker(claims, 2)[1].endswith("document-owner")
    assert speaker(claims, 2)[0] == speaker(claims, 1)[0]
    assert speaker(claims, 3)[0] != speaker(claims, 1)[0]


def test_the_publication_is_the_outlet_that_spoke_last(lex):
    claims = claims_of(lex, "Reuters reported that the talks had failed.",
                       "The ministers left early, the publication explained.")
    assert speaker(claims, 2) == ("Reuters", "speech-verb-subject/outlet-noun+coref")


def test_the_body_framing_a_readout_speaks_not_the_leader_it_quotes(lex):
    claims = claims_of(lex, "Ana Ruiz Prieto “stressed the urgency of the deal” in her call with "
                            "Marta Diaz Soto, the Mexican Foreign Ministry says.")
    assert speaker(claims, 1)[0] != "Ana Ruiz Prieto"
    assert "Ministry" in speaker(claims, 1)[0]


def test_according_to_set_off_at_the_end_frames_the_sentence(lex):
    claims = claims_of(lex, "Ana Ruiz Prieto told Marta Diaz Soto on Wednesday she was planning "
                            "a visit, according to an official familiar with the matter.")
    assert speaker(claims, 1)[0] == "an official familiar with the matter"  # not Ana Ruiz Prieto


def test_a_bare_negated_verb_of_saying_says_nothing(lex):
    claims = claims_of(lex, "Mexican officials have not commented on the raid.",
                       "Ana Ruiz Prieto did not confirm how many troops were sent, stating the "
                       "situation was still being assessed.")
    assert "dtest00000-s001" not in claims.index or speaker(claims, 1)[0] == ""
    assert speaker(claims, 2)[0] == "Ana Ruiz Prieto"


def test_responding_with_fire_is_no_speech(lex):
    claims = claims_of(lex, "The cartel has responded with rocket fire at the border.")
    assert "dtest00000-s001" not in claims.index or speaker(claims, 1)[0] == ""


def test_the_ministry_is_the_ministry_named_before(lex):
    claims = claims_of(lex, "The Interior Ministry press service said there were detainees.",
                       "The ministry said it was investigating the office.",
                       "The envoy was summoned to the Mexican Foreign Ministry, which lodged a "
                       "protest, the ministry's press service reported.")
    assert speaker(claims, 2) == ("The Interior Ministry press service",
                                  "speech-verb-subject/organization-noun+coref")
    assert speaker(claims, 3)[0] == "Mexican Foreign Ministry"


def test_the_ministry_resolved_once_is_that_ministry_when_it_speaks_again(lex):
    claims = claims_of(lex, "The envoy was summoned to the Mexican Foreign Ministry, which "
                            "lodged a protest, the ministry's press service reported.",
                       "The ministry expressed deep concern over the raids.")
    assert speaker(claims, 2)[0] == "Mexican Foreign Ministry"


def test_a_paper_speaks_for_whoever_issued_it_and_an_unknown_paper_for_nobody(lex):
    claims = claims_of(lex, "Ana Ruiz Prieto called Marta Diaz Soto to congratulate her on the "
                            "deal – said a statement by Ruiz Prieto's office.",
                       "“The president praised the negotiators,” said the statement.")
    assert speaker(claims, 1) == ("Ruiz Prieto's office",
                                  "speech-verb-subject/document-by-owner")
    assert speaker(claims, 2)[0] == "Ruiz Prieto's office"
    nobody = claims_of(lex, "“Ana Ruiz Prieto apologized for the accident,” the statement said.")
    assert speaker(nobody, 1) == ("", "speech-verb-subject/document-unknown")


def test_the_report_is_the_outlet_cited_before_or_named_with_it(lex):
    claims = claims_of(lex, "• Mexican officials tell Reuters that the talks have stalled.",
                       "• The report says Canada is also concerned about the raids, despite "
                       "the fact that Ana Ruiz Prieto has told Ottawa they will stop.",
                       "According to a Reuters report, the letter warned that aid would stop.")
    assert speaker(claims, 2) == ("Reuters", "speech-verb-subject/report-noun")
    assert speaker(claims, 3) == ("Reuters", "according-to/report-owner")


def test_she_is_the_woman_named_last_even_when_no_list_names_her(lex):
    claims = claims_of(lex, "When asked why Ana Ruiz Prieto cancelled the trip, deputy press "
                            "secretary Laura Gomez Vidal referred questions to the ministry.",
                       "“I was just told that she postponed her trip,” she said on Tuesday.")
    assert speaker(claims, 2)[0] == "Laura Gomez Vidal"


def test_a_capitalised_title_keeps_its_of_part(lex):
    claims = claims_of(lex, "The Mexican Armed Forces Chief of General Staff said that the "
                            "operation was over.")
    assert speaker(claims, 1)[0].endswith("Chief of General Staff")


def test_a_title_with_no_side_is_the_one_spoken_of_last(lex):
    claims = claims_of(lex, "Ana Ruiz Prieto said the border would stay open.",
                       "The head of state added that flights were suspended.")
    assert speaker(claims, 2) == ("Ana Ruiz Prieto",
                                  "speech-verb-subject/source-noun+title-coref")


def test_a_possessor_that_names_nobody_is_left_out_of_the_body(lex):
    claims = claims_of(lex, "Mexico has cancelled the events, the country's Culture Ministry "
                            "announced on Sunday.")
    assert speaker(claims, 1)[0] == "Culture Ministry"


# ------------------------------------------------------------------ the sample scorer

@pytest.mark.parametrize(("predicted", "gold", "kind", "right"), [
    ("The Pentagon", "Pentagon|United States", "organization", True),
    ("United States", "Pentagon|United States", "organization", True),
    ("Patrick Ryder", "Pat Ryder", "named_official", True),
    ("Joe Ryder", "Pat Ryder", "organization", False),
    ("Senior officials", "senior officials in the US administration", "anonymous_official",
     True),
    ("officials", "senior officials in the US administration", "named_official", False),
    ("", "(none)", "unattributed", True),
    ("Reuters", "(none)", "unattributed", False),
    ("", "Reuters", "outlet", False),
])
def test_speaker_right(predicted, gold, kind, right):
    assert speaker_right(predicted, gold, kind) is right


def _sample(tmp_path, rows) -> Path:
    path = tmp_path / "sample.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


@pytest.mark.parametrize("labelled, extracted, same", [
    ("BUELLTON: Ana Ruiz Prieto spoke by phone, the ministry said.",
     "Ana Ruiz Prieto spoke by phone, the ministry said.", True),  # the dateline cut off
    ("The talks failed, she said.", "the talks failed she said", True),
    ("Ana Ruiz Prieto spoke by phone, the ministry said.", "the ministry said.", False),
    ("The talks failed, she said.", "The talks failed, she said today.", False),
])
def test_a_sentence_whose_dateline_was_cut_off_is_the_same(labelled, extracted, same):
    assert same_sentence(labelled, extracted) is same


def test_a_sample_without_its_columns_is_refused_with_the_file_named(tmp_path):
    path = _sample(tmp_path, [{"corpus": "c", "claim_id": "d1-s001-c1"}])
    with pytest.raises(DataFileError, match="gold_speaker"):
        load_claims_sample(path)


def test_claims_are_found_by_id_or_by_their_sentence_and_scored(tmp_path):
    claims = pd.DataFrame([
        {"claim_id": "d1-s002-c1", "doc_id": "d1", "text": "Kirby said it.",
         "speaker": "John Kirby", "speaker_type": "named_official", "speaker_rule": "r"},
        {"claim_id": "d1-s004-c1", "doc_id": "d1", "text": "The Pentagon said so.",
         "speaker": "Pentagon", "speaker_type": "organization", "speaker_rule": "r"}])
    path = _sample(tmp_path, [
        {"sample": "S", "corpus": "c", "claim_id": "d1-s002-c1", "sentence": "Kirby said it.",
         "gold_speaker": "John Kirby", "gold_type": "named_official"},
        # the document was split differently since: found again by its sentence
        {"sample": "S", "corpus": "c", "claim_id": "d1-s003-c1",
         "sentence": "The Pentagon said so.", "gold_speaker": "White House",
         "gold_type": "organization"},
        {"sample": "S", "corpus": "c", "claim_id": "d1-s009-c1", "sentence": "Gone.",
         "gold_speaker": "Somebody", "gold_type": ""}])
    rows, score = score_claims(load_claims_sample(path), {"c": claims})
    assert list(rows["verdict"]) == ["right", "wrong speaker", "claim not extracted"]
    assert (score.right, score.total, score.type_right, score.typed) == (1, 3, 2, 2)
    line = report_claims(path, {"c": claims}, tmp_path)
    assert line.startswith("claims speaker right: 1/3 (33 %)") and "S 1/3" in line
    assert (tmp_path / "claims_sample.csv").is_file()


def test_a_sentence_that_is_no_claim_is_right_to_give_none(tmp_path):
    path = _sample(tmp_path, [{"sample": "S", "corpus": "c", "claim_id": "d1-s009-c1",
                               "gold_speaker": "(none)", "gold_type": "unattributed"},
                              {"sample": "S", "corpus": "c", "claim_id": "d1-s008-c1",
                               "gold_speaker": "Somebody", "gold_type": "named_official"}])
    rows, score = score_claims(load_claims_sample(path), {"c": pd.DataFrame(
        columns=["claim_id", "doc_id", "text", "speaker", "speaker_type", "speaker_rule"])})
    assert list(rows["verdict"]) == ["right (no claim)", "claim not extracted"]
    assert (score.right, score.type_right) == (1, 1)


def test_a_states_institution_speaks_under_its_own_name(lex):
    """'Global Affairs Canada said' is that ministry, as a reader names it, on Canada's side;
    the capital or the country's name speaks for the state itself."""
    claims = claims_of(lex, "Global Affairs Canada said the talks would resume in May.",
                       "Ottawa said the talks would resume in May.",
                       "A Global Affairs Canada statement said the talks would resume.")
    assert speaker(claims, 1)[0] == "Global Affairs Canada"
    assert claims.loc["dtest00000-s001", "speaker_side"] == "Canada"
    assert speaker(claims, 2)[0] == "Canada"
    assert speaker(claims, 3) == ("Global Affairs Canada", "speech-verb-subject/document-owner")


def test_they_is_the_group_of_sources_that_spoke_last(lex):
    claims = claims_of(lex, "Two senior officials in the Mexican government said the talks had "
                            "stalled.",
                       'They described the delay as "worrying and needless."',
                       "Ana Ruiz Prieto said the talks would resume.",
                       'They described the delay as "short and harmless."')
    assert speaker(claims, 2) == (speaker(claims, 1)[0],
                                  "speech-verb-subject/plural-pronoun+coref")
    assert speaker(claims, 4)[0] != speaker(claims, 1)[0]  # a person spoke since
    # a body is a 'they' too: 'the Office said ... They also stressed ...'
    claims = claims_of(lex, 'Global Affairs Canada said "the trip has no point before a '
                            'decision is made."',
                       'They also stressed that "the minister should first call Mexico."')
    assert speaker(claims, 2) == ("Global Affairs Canada",
                                  "speech-verb-subject/plural-pronoun+coref")


def test_a_service_of_a_named_body_is_that_body(lex):
    claims = claims_of(lex, "The press service of the regional branch of the Canadian Border "
                            "Agency reported that six people were detained.")
    assert speaker(claims, 1) == ("Canadian Border Agency",
                                  "speech-verb-subject/organization-noun+of")


def test_a_reporter_of_an_outlet_is_the_outlet_reporting_not_an_official(lex):
    claims = claims_of(lex, "According to Reuters's Jane Okafor, Canadian officials have "
                            "stressed that the talks would resume.",
                       "Reuters reporter Jane Okafor said the talks would resume in May.",
                       "Jane Okafor of Reuters said the talks would resume in May.")
    assert speaker(claims, 1)[0] == "Canadian officials"  # the outlet relays them
    for n in (2, 3):
        assert claims.loc[f"dtest00000-s00{n}", "speaker_type"] == "outlet"
        assert speaker(claims, n)[0] == "Reuters"


def test_a_speaker_is_cleaned_of_list_bullets(lex):
    claims = claims_of(lex, "• Canadian officials tell Reuters that the talks had stalled.")
    assert speaker(claims, 1)[0] == "Canadian officials"
