"""Event labels name their parties: a bare state noun as subject says which side it is."""

from __future__ import annotations

import pandas as pd
import pytest

from trustbrief.brief.views.labels import party_label, with_party_labels

PAIR = ("A-land", "B-land")


@pytest.mark.parametrize("label, agent_side, expected", [
    # the other party of a bilateral act: the label already names one side
    ("Country informed B-land of its plans", "B-land", "A-land informed B-land of its plans"),
    ("The government told B-land's envoy to leave", "", "A-land told B-land's envoy to leave"),
    ("Country's envoy met B-land's minister", "", "A-land's envoy met B-land's minister"),
    # no side named: the agent's side, when it is one of the pair
    ("Nation closed its airspace", "B-land", "B-land closed its airspace"),
    # names and plain subjects are left alone
    ("State Department said A-land will respond", "A-land", "State Department said A-land "
                                                            "will respond"),
    ("Republic of C-land mediates", "", "Republic of C-land mediates"),
    ("Plane was struck by a missile", "B-land", "Plane was struck by a missile"),
])
def test_a_bare_state_subject_is_the_side_it_stands_for(label, agent_side, expected):
    assert party_label(label, PAIR, agent_side) == expected


def test_without_a_side_the_label_names_the_events_parties():
    assert party_label("Country closed its airspace", PAIR, "", "restriction", "",
                       ["Airline X"]) == "Restriction involving Airline X"
    assert party_label("Country closed its airspace", PAIR, "", "restriction") == \
        "Restriction (country closed its airspace)"


def test_every_table_carrying_the_label_gets_the_same_one():
    vague = "Country informed B-land of its plans"
    frames = {
        "events": pd.DataFrame({"event_id": ["e1", "e2"], "label": [vague, "B-land protests"],
                                "agent_side": ["B-land", "B-land"],
                                "event_type": ["notification", "protest"]}),
        "contacts": pd.DataFrame({"event_id": ["e1", "e1"],
                                  "label": [vague, vague + " (planned)"]}),
        "cadence": pd.DataFrame({"channel": ["leaders"], "last_contact_label": [vague]}),
        "documents": pd.DataFrame({"doc_id": ["d1"]}),
    }
    fixed = with_party_labels(frames, PAIR)
    good = "A-land informed B-land of its plans"
    assert list(fixed["events"]["label"]) == [good, "B-land protests"]
    assert list(fixed["contacts"]["label"]) == [good, vague + " (planned)"]
    assert list(fixed["cadence"]["last_contact_label"]) == [good]
    assert list(frames["events"]["label"])[0] == vague  # the input is not changed
