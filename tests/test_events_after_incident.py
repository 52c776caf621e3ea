"""events/after_incident.py: a side's undated account of an incident the corpus dates lies
between the incident and its article's publication (invented frames; helpers from
test_events), and 'bird strike' is no airstrike (data/event_types.yaml)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from test_events import EVENT_TYPES, FOCUS, GAZETTEER, docs_frame, found_frames, mention, rules
from test_extract import run
from trustbrief import events
from trustbrief.knowledge import DataFileError

__all__ = ["rules"]  # the labels fixture of test_events

TYPES = dict(EVENT_TYPES, account={"plover": "OTHER", "lane": "contacts", "operation": False,
                                   "verb": "gives its account of", "has_targets": False})
CRASH = {"air_crash": (re.compile(r"\bcrash\b"), dt.date(2024, 12, 25), dt.date(2024, 12, 25))}
ACCOUNT = "Iran's aviation agency initially referred to the crash as a bird strike"


def _account(rules, published: str, text: str = ACCOUNT, incidents=CRASH, **mention_args):
    docs = docs_frame([("d1", "A", published, "")])
    out = events.build_events(
        found_frames([mention("d1", 5, "account", "Iran", [], text=text, **mention_args)]),
        docs, None, TYPES, rules=rules, gazetteer=GAZETTEER, focus=FOCUS, incidents=incidents)
    return out["events"].iloc[0]


def test_an_account_of_a_dated_crash_lies_between_crash_and_publication(rules):
    assert "account" in rules.after_incident.types
    told = _account(rules, "2024-12-26")
    assert (told["date_earliest"], told["date_latest"]) == ("2024-12-25", "2024-12-26")
    assert told["date_basis"] == "reported"


def test_an_account_told_long_after_the_crash_or_of_no_dated_incident_stays_open(rules):
    assert _account(rules, "2025-02-10")["date_earliest"] == ""
    assert _account(rules, "2024-12-26", text="the agency referred to the fire as arson"
                    )["date_earliest"] == ""
    assert _account(rules, "2024-12-26", incidents={})["date_earliest"] == ""


def test_an_account_with_its_own_date_keeps_it(rules):
    told = _account(rules, "2024-12-27", date="2024-12-26")
    assert (told["date_earliest"], told["date_latest"]) == ("2024-12-26", "2024-12-26")
    assert told["date_basis"] == "explicit"


def test_without_the_rule_the_account_stays_open(rules):
    assert _account(dataclasses.replace(rules, after_incident=None), "2024-12-26"
                    )["date_earliest"] == ""


def test_after_incident_needs_its_days_as_a_whole_number(tmp_path):
    (tmp_path / "labels.yaml").write_text(
        "groups: {}\ntemplates: {default: ['{type_name}']}\n"
        "after_incident: {types: [account], max_days: two}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="after_incident.max_days"):
        events.load_labels(tmp_path)


def test_a_bird_strike_is_no_airstrike_but_the_version_is_an_account(lex):
    found = run(lex, ["Iran's aviation agency initially referred to the crash as an "
                      "emergency caused by a bird strike."])
    types = set(found["mentions"]["event_type"])
    assert "airstrike" not in types
    account = found["mentions"][found["mentions"]["event_type"] == "account"].iloc[0]
    assert account["agent"] == "Iran" and account["polarity"] == "asserted"
    struck = run(lex, ["A strike by Israel hit the depot on Friday."])
    assert "airstrike" in set(struck["mentions"]["event_type"])


def test_a_passive_attributed_to_gives_no_account(lex):
    mentions = run(lex, ["The blast was widely attributed to Israel."])["mentions"]
    assert "account" not in set(mentions["event_type"])
    active = run(lex, ["Iran attributed the blast to a gas leak."])["mentions"]
    assert "account" in set(active["event_type"])
