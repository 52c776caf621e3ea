"""Statements that are the report's news though no day is named: told in the present
perfect ('the ministry has declined to comment', 'officials have announced'), wherever they
stand in the article, they are dated by its publication as a lede is; background, habit and
stances held ('has previously said', 'has repeatedly urged', 'has said') are not."""

from __future__ import annotations

import pytest

from test_events import EVENT_TYPES, FOCUS, GAZETTEER, docs_frame, found_frames, mention
from test_extract import one_mention, only, run
from trustbrief import events


@pytest.fixture(scope="module")
def rules():
    from test_events import DATA
    return events.load_labels(DATA)


@pytest.mark.parametrize("text", [
    "Brazil's foreign ministry has announced that Argentina bears full responsibility for the "
    "crisis.",
    # the perfect on the verb that governs the verb of saying
    "The Brazilian government has declined to comment on Argentina's position, saying it will "
    "await the inquiry's findings.",
])
def test_a_statement_in_the_present_perfect_is_the_reports_news(lex, text):
    m = one_mention(run(lex, [text]), "statement")
    assert (m["agent"], m["targets"]) == ("Brazil", ["Argentina"])
    assert m["rule"].endswith("/perfect") and m["date_basis"] in ("", "open")


@pytest.mark.parametrize("text", [
    # a day of its own dates it
    "Brazil's foreign ministry said on Monday that Argentina bears full responsibility.",
    # background or habit
    "Brazil's foreign ministry has previously announced that Argentina bears full "
    "responsibility.",
    "Brazil's foreign ministry has repeatedly stressed that Argentina bears full "
    "responsibility.",
    "Brazil has since acknowledged that Argentina bears full responsibility.",
    # a stance held or shown, not a new statement
    "Brazil's president has said Argentina bears full responsibility for the crisis.",
    "Brazil's president has indicated that Argentina bears full responsibility.",
])
def test_no_news_perfect_for_a_dated_background_or_held_statement(lex, text):
    m = one_mention(run(lex, [text]), "statement")
    assert "/perfect" not in m["rule"]


def _statement(n: int, rule: str) -> dict:
    row = mention("dA", n, "statement", "US", ["Israel"],
                  text="US officials have announced the US was not involved")
    row["rule"] = rule
    return row


def test_a_news_perfect_statement_deep_in_the_article_is_dated_by_its_publication(rules):
    """Sentence 7 is far below the lede: only the perfect dates it, [publication - 1,
    publication] with the lede's weak basis."""
    docs = docs_frame([("dA", "Wire One", "2024-10-27", "")])
    types = {**EVENT_TYPES, "statement": {"plover": "OTHER", "lane": "contacts",
                                          "operation": False}}
    for rule, expected in (("statement/claim/x/denial/perfect", ("2024-10-26", "2024-10-27",
                                                                "reported")),
                           ("statement/claim/x/denial", ("", "", "open"))):
        built = events.build_events(found_frames([_statement(7, rule)]), docs,
                                    event_types=types, gazetteer=GAZETTEER, rules=rules,
                                    focus=FOCUS)["events"]
        row = built.iloc[0]
        assert (row["date_earliest"], row["date_latest"], row["date_basis"]) == expected


# ------------------------------------------------ a statement answering an act told before

def test_a_statement_naming_no_other_party_answers_the_act_told_before_it(lex):
    """'declined to comment on the allegations': the allegations are the act the article told
    just before, between the speaker's side and another; that other side is the target."""
    found = run(lex, ["A Brazilian airliner was shot down by an Argentine missile on Friday.",
                      "The Argentine government has declined to comment on the allegations, "
                      "saying it will await the inquiry's findings."])
    m = one_mention(found, "statement", sent=2)
    assert (m["agent"], m["targets"], m["target_rule"]) == ("Argentina", ["Brazil"],
                                                            "answers-earlier-act")


@pytest.mark.parametrize("first", [
    # no act told before
    "The inquiry into the crash of the airliner goes on.",
    # an act of another pair: the speaker's side is neither its doer nor its victim
    "A Chilean airliner was shot down by a Peruvian missile on Friday.",
])
def test_no_statement_when_no_earlier_act_involves_the_speakers_side(lex, first):
    found = run(lex, [first, "The Argentine government has declined to comment on the "
                             "allegations, saying it will await the inquiry's findings."])
    assert found["mentions"][(found["mentions"]["event_type"] == "statement")].empty


def test_a_statement_told_before_is_no_act_to_answer(lex):
    found = run(lex, ["Brazil's foreign ministry said on Monday that Argentina bears full "
                      "responsibility for the crisis.",
                      "The Brazilian government said on Tuesday that it will await the "
                      "inquiry's findings."])
    assert only(found["mentions"], event_type="statement",
                sent_id="dtest00000-s002").empty


# ------------------------------------------------------------------------------ vows

VOW = ["Gallant gave a stern message on Monday in a speech to army recruits.",
       "“Hezbollah's rockets did little harm,” Gallant said.",
       "“Our strike on Hezbollah will be swift and painful."]


def test_a_vow_in_a_quote_the_next_sentence_continues_is_a_threat_on_the_telling_day(lex):
    """The vow's sentence names no speaker (the quote runs on from the one before) and no
    verb of saying; its first person is the speaker's side: a threat against the act's
    target, on the day the sentence with no verb of saying tells ('gave a stern message on
    Monday in a speech', parsed because a quote follows it)."""
    found = run(lex, VOW)
    m = one_mention(found, "statement", sent=3)
    assert (m["agent"], m["targets"], m["target_rule"]) == ("Yoav Gallant", ["Hezbollah"],
                                                            "vowed-act")
    assert "/threat" in m["rule"] and m["rule"].endswith("/told-day")
    assert m["time_text"] == "on Monday" and m["phrase"] == ""
    act = one_mention(found, "airstrike", sent=3)
    assert (act["agent"], act["polarity"]) == ("", "planned")


def test_a_planned_act_of_a_named_doer_in_a_quote_is_no_vow(lex):
    """'Their strike' is not the speaker's: the planned act stands for the sentence."""
    found = run(lex, [*VOW[:2], "“Their strike on Hezbollah will be swift and painful."])
    assert only(found["mentions"], event_type="statement",
                sent_id="dtest00000-s003").empty
