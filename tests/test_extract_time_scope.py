"""A time expression in the second of two coordinated clauses, each with its own subject,
dates only what that clause tells (extract/time_scope.py): 'X blamed Y for the attack, and
the president skipped the summit on Monday' - Monday is the skip's day, not the blame's.

Short invented sentences about governments the world knowledge knows (no story's actors);
the helpers come from test_extract.
"""

from __future__ import annotations

import pandas as pd
import pytest

from test_extract import one_mention, run
from trustbrief import extract, timex


def test_a_time_in_a_coordinated_clause_dates_only_that_clause(lex):
    found = run(lex, ["Chad blamed France for the attack, and the Chadian president skipped "
                      "the summit in Paris on Monday."])
    assert one_mention(found, "visit_skipped")["time_text"] == "on Monday"
    assert one_mention(found, "accusation")["time_text"] == ""


def test_a_shared_verb_phrase_without_its_own_subject_keeps_the_time(lex):
    """'spoke ... and agreed on Monday': one subject, one clause; the time stays shared."""
    found = run(lex, ["Chad warned France and urged it to withdraw on Monday."])
    assert one_mention(found, "warning")["time_text"] == "on Monday"


def dated_mentions(lex, text: str) -> list[dict]:
    """The mentions extracted from one sentence, with the real time finder's expressions,
    each with `time`: the text of the expression that dates it ('' none)."""
    sents = pd.DataFrame({"doc_id": ["dT"], "sent_id": ["dT-s001"], "start": [0],
                          "end": [len(text)], "text": [text]})
    times = timex.extract_time_expressions(sents)
    mentions = extract.extract(sents, pd.DataFrame({"doc_id": ["dT"]}), lex,
                               time_expressions=times)["mentions"]
    surface = dict(zip(times["time_id"], times["text"], strict=True))
    return [{**m, "time": surface.get(m["time_id"], "")} for m in mentions.to_dict("records")]


def _times_of(lex, text: str) -> dict[str, str]:
    """event type -> the text of the time expression that dates its one mention ('' none)."""
    found = dated_mentions(lex, text)
    assert len({m["event_type"] for m in found}) == len(found), found
    return {m["event_type"]: m["time"] for m in found}


@pytest.mark.parametrize(("text", "dated", "undated"), [
    # a date before a noun dates that noun, not the response to it
    ("France condemned Chad's response to Niger's Oct. 1 attack on the border post.",
     "attack", "retaliation_plan"),
    ("France is weighing its response to Niger's Oct. 1 attack on the border post.",
     "attack", "retaliation_plan"),
])
def test_a_date_before_a_noun_dates_that_noun_alone(lex, text, dated, undated):
    times = _times_of(lex, text)
    assert times[dated] == "Oct. 1"
    assert times[undated] == ""


@pytest.mark.parametrize(("text", "event_type", "time"), [
    # the noun frames the act ('in the letter', 'during the briefing'): its date is the act's
    ("In the Oct. 13 letter, France urged Chad to withdraw its troops.", "demand", "Oct. 13"),
    ("During Tuesday's briefing, France warned Chad against the offensive.", "warning",
     "Tuesday"),
    # the noun is part of the time itself
    ("France and Chad spoke on Thursday evening about the border.", "phone_call",
     "on Thursday evening"),
])
def test_a_date_on_a_framing_or_time_noun_dates_the_clause(lex, text, event_type, time):
    assert _times_of(lex, text)[event_type] == time


@pytest.mark.parametrize(("text", "event_type", "time"), [
    # a fronted participial clause dates itself and the verb it opens, not what that verb
    # reports: the blasts and strikes reported are not of the day the minister spoke
    ("Speaking to reporters on Monday, the French minister said the army of Chad struck "
     "the base in Niger.", "airstrike", ""),
    ("Speaking on Thursday, the Russian president said two missiles exploded near the jet.",
     "sabotage_detonation", ""),
    # the verb it opens keeps the day
    ("Arriving in Paris on Monday, the Chadian president met Emmanuel Macron.",
     "meeting_visit", "on Monday"),
    ("Speaking on Thursday, the Russian president apologized to Azerbaijan for the crash.",
     "apology", "on Thursday"),
])
def test_a_fronted_participial_clause_dates_its_verb_not_what_it_reports(lex, text,
                                                                         event_type, time):
    assert _times_of(lex, text)[event_type] == time


def test_a_date_before_a_noun_dates_what_its_relative_clause_tells(lex):
    """'the Sept. 27 strike that killed X': the killing is the strike's, of its day."""
    times = _times_of(lex, "Chad condemned Niger's Sept. 27 strike that killed the rebel "
                           "commander.")
    assert times["airstrike"] == times["targeted_killing"] == "Sept. 27"
    assert times["criticism"] == ""


@pytest.mark.parametrize(("text", "undated"), [
    # what the act went against came before it: the clause's day is not its day
    ("The army of Chad struck the base in Niger on Saturday despite warnings from Niger that "
     "an attack would face a harsh response.", "warning"),
    ("The army of Chad struck the base in Niger on Saturday in spite of warnings from Niger.",
     "warning"),
])
def test_a_concessive_phrase_is_not_dated_by_its_clause(lex, text, undated):
    times = _times_of(lex, text)
    assert times["airstrike"] == "on Saturday"
    assert times[undated] == ""


def test_what_a_since_phrase_names_is_not_dated_by_its_clause(lex):
    """'soured in recent months since Niger's downing of a plane': the downing opened the
    period the clause tells; the months are not its date."""
    times = _times_of(lex, "Ties between Chad and Niger have continued to sour in recent months "
                           "since Niger's downing of a Chadian plane.")
    assert times["shootdown"] == ""


def test_a_date_inside_a_concessive_phrase_dates_what_it_names(lex):
    """'despite Niger's warning on Friday': that day is the warning's own."""
    times = _times_of(lex, "The army of Chad struck the base in Niger despite a warning from "
                           "Niger on Friday.")
    assert times["warning"] == "on Friday"


def test_a_time_in_one_of_coordinated_noun_phrases_dates_that_phrase_alone(lex):
    """'deaths of X rounded up in June and a series of arrests of Y': June is the day of the
    first phrase's act, not of the second's."""
    text = ("Ties were hurt by deaths of ethnic Chadians rounded up by police in a Nigerien "
            "city in June and a series of arrests of Nigeriens in Chad.")
    dated = {m["trigger"]: m["time"] for m in dated_mentions(lex, text)}
    assert dated["rounded up"] == "in June"
    assert dated["arrests"] == ""


@pytest.mark.parametrize(("text", "event_type", "time"), [
    # 'since' opens the start of a state or a count, never the act's day
    ("France and Chad spoke on Wednesday, their first call since Aug. 21.", "phone_call",
     "on Wednesday"),
    ("France and Chad have not spoken since August, officials said.", "phone_call", ""),
])
def test_the_object_of_since_dates_no_act(lex, text, event_type, time):
    assert _times_of(lex, text)[event_type] == time


@pytest.mark.parametrize("text", [
    "India has told Canada to withdraw about 40 of its diplomats by October 10.",
    "The diplomats have been asked to leave India by 11:59 pm on Saturday.",
])
def test_a_deadline_does_not_date_the_asking(lex, text):
    """'asked to leave India by Saturday': Saturday is when they must be gone, not when they
    were asked (time_scope._deadline)."""
    assert _times_of(lex, text)["demand"] == ""


@pytest.mark.parametrize(("text", "dated", "undated"), [
    # an adverbial of the verb, between its object and its complement, is the verb's day
    # (the complement's trigger nearer the time than the verb)
    ("Chad accused the French coast guard on Monday of seizing two Chadian cargo ships.",
     "accusation", "seizure"),
    ("France blamed the army of Chad on Tuesday for airstrikes on the border post.",
     "accusation", "airstrike"),
    # the parser hangs the time on the verb's object, a person: a person has no day, the
    # summons does (the arrest after 'over' is nearer the time, and of another day)
    ("Chad summoned the French ambassador on Monday over the arrest of its citizens in Lyon.",
     "summons", "arrest"),
])
def test_a_time_hanging_on_the_verb_dates_the_verb_not_its_complement(lex, text, dated,
                                                                        undated):
    times = _times_of(lex, text)
    assert times[dated] in ("on Monday", "on Tuesday")
    assert times[undated] == ""


def test_a_time_hanging_on_an_object_event_dates_that_event(lex):
    # the object tells an event of its own: the time stays the noun's, as the nearest
    # trigger rule gave it before
    times = _times_of(lex, "Niger denounced France's raid on Monday against its army.")
    assert times["raid"] == "on Monday"
    assert times["criticism"] == ""


@pytest.mark.parametrize(("text", "dated", "undated"), [
    # a 'since', 'after' or 'before' clause with its own subject tells an act of another day: its
    # time dates that act alone, never the demand it follows
    ("Chad accused Niger of harassing its fishermen and demanded an apology, in the first "
     "incident since the presidents met in December.", "meeting_visit", "demand"),
    ("Chad accused Niger of harassing its fishermen and demanded an apology, weeks after the "
     "army of Niger struck a border post in May.", "airstrike", "demand"),
    ("Chad accused Niger of harassing its fishermen and demanded an apology, days before the "
     "presidents met in December.", "meeting_visit", "demand"),
])
def test_a_time_in_a_since_after_or_before_clause_dates_only_that_clause(lex, text, dated, undated):
    times = _times_of(lex, text)
    assert times[dated] != ""
    assert times[undated] == ""


@pytest.mark.parametrize(("text", "event_type", "time"), [
    # the day a record bears dates the record's own act, nothing else the sentence tells
    ("They are dated October 15 and 16 and describe drills by Niger's air force in "
     "preparation for retaliation against Chad.", "retaliation_plan", ""),
    ("The documents, dated October 15, describe preparations for a strike on Chad.",
     "airstrike", ""),
    ("A letter dated Oct. 13 warned Chad to withdraw its troops.", "warning", "Oct. 13"),
    ("France warned Chad in a letter dated Oct. 13 to withdraw its troops.", "warning",
     "Oct. 13"),
])
def test_the_date_a_record_bears_dates_only_its_own_act(lex, text, event_type, time):
    assert _times_of(lex, text)[event_type] == time


def test_the_date_a_record_bears_through_on_dates_no_other_act(lex):
    # 'dated on October 15': the date hangs on 'on', which hangs on 'dated'
    assert _times_of(lex, "The documents, dated on October 15, describe preparations for a "
                          "strike on Chad.")["airstrike"] == ""
