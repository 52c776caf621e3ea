"""extract.parse_plan: which sentences are parsed. The words that make a parse come from the
data files, so a trigger added to data/event_types.yaml or data/syntax.yaml reaches the
parser without touching code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from trustbrief.extract import load_lexicons, parse_plan

DATA = Path(__file__).resolve().parents[1] / "data"
NEW_WORD = "The two envoys waltzed through the afternoon."  # no event word, no speech


@pytest.fixture(scope="module")
def lexicons():
    return load_lexicons(DATA)


@pytest.fixture(scope="module")
def common(lexicons):
    return parse_plan.common_words(["Tuesday", "October"])


def _edited_data(tmp_path: Path, filename: str, edit) -> Path:
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("processed"))
    path = data / filename
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(content)
    path.write_text("# edited by a test\n" + yaml.safe_dump(content, sort_keys=False),
                    encoding="utf-8")
    return data


def test_a_sentence_with_nothing_the_rules_read_is_not_parsed(lexicons, common):
    assert parse_plan.needs_parse(NEW_WORD, lexicons, common) == (False, False)
    assert parse_plan.needs_parse("The weather was mild that week.", lexicons, common)[0] is False


def test_trigger_speech_and_quotes_are_parsed_ner_only_for_unlisted_names(lexicons, common):
    assert parse_plan.needs_parse("Israel killed the commander in Beirut.", lexicons,
                                  common) == (True, False)
    # speech, and a name no gazetteer form covers: NER may type it
    assert parse_plan.needs_parse("Zorblatt Quenvik said the talks would resume.", lexicons,
                                  common) == (True, True)
    assert parse_plan.needs_parse('"We are ready," he said on Tuesday.', lexicons,
                                  common) == (True, False)


def test_a_new_event_word_in_event_types_reaches_the_parser(tmp_path, common):
    def add_verb(content):
        content["event_types"]["phone_call"]["verbs"].append("waltz(?:ed|es|ing)?")

    edited = load_lexicons(_edited_data(tmp_path, "event_types.yaml", add_verb))
    assert parse_plan.needs_parse(NEW_WORD, edited, common)[0] is True


def test_a_new_dependency_trigger_in_syntax_reaches_the_parser_in_any_inflection(tmp_path,
                                                                                 common):
    def add_trigger(content):
        content["triggers"].append({"id": "envoys-waltz", "event_type": "meeting_visit",
                                    "pattern": [{"RIGHT_ID": "trigger",
                                                 "RIGHT_ATTRS": {"LEMMA": "waltz"}}]})

    edited = load_lexicons(_edited_data(tmp_path, "syntax.yaml", add_trigger))
    for sentence in (NEW_WORD, "They waltz on.", "She waltzes.", "Waltzing, they left."):
        assert parse_plan.needs_parse(sentence, edited, common)[0] is True, sentence
    assert parse_plan.needs_parse("They walked on.", edited, common)[0] is False


def test_irregular_forms_come_from_the_lemmatizers_exceptions():
    words = parse_plan.inflections(["tell", "ring"], None)
    assert {"told", "tells", "telling", "rang", "rung", "rings"} <= words


def test_a_trigger_node_with_no_word_makes_every_sentence_parsed(tmp_path, common):
    def add_trigger(content):
        content["triggers"].append({"id": "any-verb", "event_type": "meeting_visit",
                                    "pattern": [{"RIGHT_ID": "trigger",
                                                 "RIGHT_ATTRS": {"POS": "VERB"}}]})

    edited = load_lexicons(_edited_data(tmp_path, "syntax.yaml", add_trigger))
    assert parse_plan.needs_parse("The weather was mild that week.", edited, common)[0]


def test_a_sentence_before_a_quote_is_parsed_without_ner(lexicons, common):
    """It may tell the quote's day with no verb of saying ('gave a message on Tuesday')."""
    records = [{"text": NEW_WORD}, {"text": NEW_WORD}, {"text": "“We are ready.”"}]
    _, texts, ner = parse_plan.parse_request(records, lexicons, "sha", common)
    assert texts == [None, NEW_WORD, "“We are ready.”"] and ner[1] is False
