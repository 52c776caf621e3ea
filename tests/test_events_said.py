"""events/facts.py: what was said about an act (folded into it as its announcement) does not
date the act (invented frames; helpers from test_events)."""

from __future__ import annotations

import pandas as pd
import pytest

from test_events import FOCUS, GAZETTEER, docs_frame, found_frames, mention, rules
from test_events_answers import TYPES
from trustbrief import events

__all__ = ["rules"]  # the labels fixture of test_events


def test_what_was_said_about_an_act_does_not_date_it(rules):
    """A statement folded into an act as its announcement (announcements.py) is told on the
    day it was said: 'Biden said Wednesday he would not support a strike' dates no strike."""
    types = dict(TYPES, statement={"plover": "OTHER", "lane": "contacts", "operation": False})
    rows = [
        mention("d1", 1, "airstrike", "Israel", ["Iran"], "2024-10-02", basis="relative",
                polarity="planned", text="a possible Israeli strike on Iran"),
        mention("d1", 3, "statement", "Israel", ["Iran"], "2024-10-02", basis="relative",
                text="Israel said Wednesday it would respond to Iran"),
        mention("d2", 5, "airstrike", "Israel", ["Iran"], text="Israel struck Iran")]
    docs = docs_frame([("d1", "A", "2024-10-02", ""), ("d2", "B", "2024-10-27", "")])
    out = events.build_events(found_frames(rows), docs, None, types, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)
    strikes = out["events"][out["events"]["event_type"] == "airstrike"]
    assert "2024-10-02" not in set(strikes["date_earliest"])


def _statement_events(rows, rules, published="2024-10-02"):
    types = dict(TYPES, statement={"plover": "OTHER", "lane": "contacts", "operation": False})
    docs = docs_frame([("d1", "A", published, "")])
    out = events.build_events(found_frames(rows), docs, None, types, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)
    return out["events"][out["events"]["event_type"] == "statement"]


def test_a_quote_dated_by_its_telling_sentence_is_not_the_events_evidence(rules):
    """'Biden says he would not support a strike' (this week) and a later quote dated by the
    sentence telling it ('"...," Biden said' after 'Biden told reporters Wednesday'): one
    statement, shown by the sentence that says it, not by the quote whose day is borrowed."""
    quote = mention("d1", 9, "statement", "Joe Biden", ["Israel"], "2024-10-02",
                    basis="relative", text='"We will be discussing it," Biden said.')
    quote["rule"] = "statement/claim/speech-verb-subject/gazetteer-person/told-day"
    rows = [mention("d1", 1, "statement", "Joe Biden", ["Israel"], basis="relative",
                    lo="2024-09-30", hi="2024-10-06",
                    text="Biden says he would not support a strike this week."), quote]
    shown = _statement_events(rows, rules)
    assert list(shown["evidence_sent_id"]) == ["d1-s001"]
    assert list(shown["date"]) == ["2024-10-02"]
    quote["rule"] = "statement/claim/speech-verb-subject/gazetteer-person"  # its own day
    assert list(_statement_events(rows, rules)["evidence_sent_id"]) == ["d1-s009"]


def test_a_government_and_one_of_its_people_named_as_often_the_government_speaks(rules):
    """'Netanyahu has told the US ...' and 'Netanyahu's office said ...' the same day: one
    Israeli statement whose agent is the state, whichever name sorts first."""
    rows = [mention("d1", 1, "statement", "Benjamin Netanyahu", ["US"], "2024-10-02",
                    basis="explicit", text="Netanyahu has told the US on Wednesday ..."),
            mention("d1", 2, "statement", "Israel", ["US"], "2024-10-02", basis="explicit",
                    text="Netanyahu's office said on Wednesday that Israel ...")]
    shown = _statement_events(rows, rules)
    assert list(shown["agent"]) == ["Israel"]
    assert list(shown["evidence_sent_id"]) == ["d1-s002"]


@pytest.mark.parametrize("level, folded", [("spokesperson", True), ("minister", False)])
def test_a_spokesperson_of_the_acting_side_announces_its_act(rules, level, folded):
    """'Austin has ordered the deployment of jets' ... '"The Secretary has ordered posture
    adjustments," Deputy Press Secretary X said' (same article, same day): a spokesperson of
    the acting side speaks for it, so the quote is how the act was announced, not an event of
    its own; another person of that side (a minister) speaks for himself."""
    people = pd.DataFrame([("Yoav Gallant", "Israel", "person", "Defense Minister", "minister"),
                           ("Dana Levi", "Israel", "person", "", level)],
                          columns=["name", "side", "type", "roles", "level"])
    gazetteer = pd.concat([GAZETTEER.assign(level=""), people], ignore_index=True)
    types = dict(TYPES, statement={"plover": "OTHER", "lane": "contacts", "operation": False})
    rows = [mention("d1", 1, "airstrike", "Yoav Gallant", ["Iran"], "2024-10-02",
                    basis="reported", text="Gallant has ordered strikes on Iran"),
            dict(mention("d1", 2, "statement", "Dana Levi", ["Iran"], "2024-10-02",
                         basis="reported", text='"The minister has ordered strikes," Levi said'),
                 agent_side="Israel")]
    docs = docs_frame([("d1", "A", "2024-10-02", "")])
    out = events.build_events(found_frames(rows), docs, None, types, rules=rules,
                              gazetteer=gazetteer, focus=FOCUS)
    assert sorted(out["events"]["event_type"]) == ["airstrike"] + ["statement"] * (not folded)
