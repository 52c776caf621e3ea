"""Kinds of writing met in an invented Kosovo-Serbia pair, on short invented sentences about
governments the world knowledge knows: a day named as a verb's object is no time of the act
('to declare 27 September a day of mourning'); 'a decade ago' is a vague range, no day; an
infinitive whose object is a pronoun ('urged X to pull them back') leaves the label; whom a
condemned killing was done to is not the one condemned; what a group described by a relative
clause came to do is no act ('units who came to threaten X')."""

from __future__ import annotations

import datetime as dt

import pytest

from test_extract import one_mention, run
from test_extract_time_scope import _times_of
from trustbrief import timex
from trustbrief.extract.nlp import load_pipeline
from trustbrief.extract.phrases import event_phrase


def test_a_day_a_decision_declares_does_not_date_the_condemnation(lex):
    times = _times_of(lex, "The ministry condemns the decision of Chad to declare 27 September "
                           "a day of national mourning.")
    assert times["criticism"] == ""


def test_a_decade_ago_is_a_range_of_years_not_a_day():
    expr = [e for e in timex.find_time_expressions("Chad promised the reform a decade ago.")
            if e.text == "a decade ago"]
    assert len(expr) == 1
    r = timex.resolve_spec(expr[0].spec, dt.date(2023, 10, 17))
    assert r.precision == "range" and (r.latest - r.earliest).days > 365


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def test_an_infinitive_with_a_pronoun_object_leaves_the_label(nlp):
    text = "The United States urged Belgrade to pull them back."
    start = text.index("urged")
    assert event_phrase(nlp(text), start, start + 5, "", []) == "United States urged Belgrade"


def test_whom_a_condemned_killing_was_done_to_is_not_the_one_condemned(lex):
    found = run(lex, ["Chad condemns the killing of the Egyptian police officer."])
    m = one_mention(found, "criticism")
    assert (m["agent"], list(m["targets"])) == ("Chad", [])


def test_a_condemned_decision_of_a_government_is_that_government_s(lex):
    found = run(lex, ["Chad condemns the decision of the Government of Egypt."])
    assert list(one_mention(found, "criticism")["targets"]) == ["Egypt"]


def test_what_a_described_group_came_to_do_is_no_act(lex):
    found = run(lex, ["“These are members of Chadian units who came to threaten Egyptians,” "
                      "the director told the portal."])
    assert one_mention(found, "warning")["factuality"] == "generic"
