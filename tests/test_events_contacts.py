"""events/contacts.py: what one participant of a call says to another that day is the call's
content, not an event of its own (invented frames; helpers from test_events)."""

from __future__ import annotations

import dataclasses

import pytest

from test_events import (
    EVENT_TYPES,
    FOCUS,
    GAZETTEER,
    docs_frame,
    found_frames,
    mention,
    rules,
    same_sentence,
)
from trustbrief import events

__all__ = ["rules"]  # the labels fixture of test_events

TYPES = dict(EVENT_TYPES,
             demand={"plover": "DEMAND", "lane": "contacts", "operation": False},
             statement={"plover": "OTHER", "lane": "contacts", "operation": False})
CALL = "Biden and Netanyahu spoke on Wednesday"
TOLD = "Netanyahu told Biden on Wednesday he was planning to strike military targets"
URGED = "Biden urged Netanyahu to minimize harm to civilians"


def _rows():
    return [
        mention("d1", 1, "phone_call", "Joe Biden", ["Benjamin Netanyahu"], "2024-10-09",
                basis="relative", text=CALL),
        mention("d2", 5, "statement", "Benjamin Netanyahu", ["Joe Biden"], "2024-10-09",
                basis="relative", text=TOLD),
        # a state and a participant of the other side, dated by its lede: the same call
        mention("d3", 1, "demand", "US", ["Benjamin Netanyahu"], basis="reported",
                lo="2024-10-09", hi="2024-10-10", text=URGED),
        # no participant named: a statement of one government on the other stays its own
        mention("d3", 4, "statement", "Israel", ["US"], "2024-10-09", basis="relative",
                text="Israel said on Wednesday it would decide alone"),
        # another day: another event
        mention("d2", 7, "demand", "Joe Biden", ["Benjamin Netanyahu"], "2024-10-20",
                basis="relative", text="Biden urged Netanyahu on Sunday to open crossings"),
    ]


def _built(rules):
    docs = docs_frame([("d1", "A", "2024-10-09", ""), ("d2", "B", "2024-10-21", ""),
                       ("d3", "C", "2024-10-10", "")])
    return events.build_events(found_frames(_rows()), docs, None, TYPES, rules=rules,
                               gazetteer=GAZETTEER, focus=FOCUS)


def test_what_a_participant_says_that_day_joins_the_call(rules):
    out = _built(rules)
    built = out["events"].set_index("event_type", drop=False)
    call = out["events"][out["events"]["event_type"] == "phone_call"].iloc[0]
    assert call["n_mentions"] == 3 and call["date_earliest"] == "2024-10-09"
    assert call["evidence"] == CALL  # the call shows itself, not what was said in it
    said = set(out["mentions"].loc[out["mentions"]["event_id"] == call["event_id"], "text"])
    assert said == {CALL, TOLD, URGED}
    assert sorted(built.loc[["statement", "demand"], "date_earliest"]) == [
        "2024-10-09", "2024-10-20"]


def test_without_the_rule_what_was_said_stays_apart(rules):
    out = _built(dataclasses.replace(rules, said_in_contacts=None))
    assert (out["events"]["event_type"] == "phone_call").sum() == 1
    assert len(out["events"]) == 5


def test_a_meetings_agent_side_is_its_agents_own_side(rules):
    """Two leaders meeting, each named first by half the mentions: the event's agent (ties go
    by name) and its agent side (ties went by the side's name) named two different people's
    sides; the agent side is now the agent's own, the other participant its target."""
    docs = docs_frame([("d1", "A", "2024-10-09", ""), ("d2", "B", "2024-10-09", "")])
    ms = [mention(doc, n, "meeting_visit", *pair, "2024-10-09", text=f"they met {doc} {n}")
          for doc in ("d1", "d2")
          for n, pair in ((1, ("Joe Biden", ["Yoav Gallant"])),
                          (2, ("Yoav Gallant", ["Joe Biden"])))]
    types = dict(TYPES, meeting_visit={"plover": "CONSULT", "lane": "contacts"})
    out = events.build_events(found_frames(ms), docs, None, types, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)["events"]
    meeting = out.iloc[0]
    assert len(out) == 1 and meeting["agent"] == "Joe Biden"
    assert (meeting["agent_side"], meeting["targets"]) == ("US", ["Yoav Gallant"])



@pytest.mark.parametrize("doc, in_call", [("d4", False), ("d1", True)])
def test_a_leader_s_demand_of_the_other_state_is_in_the_call_its_article_tells(rules, doc,
                                                                                 in_call):
    """Said that day, but maybe to the press: a participant's demand of the other STATE is the
    call's content when its article tells the call (d1), not when it tells no call (d4);
    said to the other participant, it is the call's content either way (URGED above)."""
    demand = "Netanyahu demanded the United States lift its arms hold"
    rows = [mention("d1", 1, "phone_call", "Joe Biden", ["Benjamin Netanyahu"], "2024-10-09",
                    basis="relative", text=CALL),
            mention(doc, 3, "demand", "Benjamin Netanyahu", ["US"], basis="reported",
                    lo="2024-10-09", hi="2024-10-10", text=demand)]
    docs = docs_frame([("d1", "A", "2024-10-10", ""), ("d4", "D", "2024-10-10", "")])
    out = events.build_events(found_frames(rows), docs, None, TYPES, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)
    assert sorted(out["events"]["event_type"]) == ["demand"] * (not in_call) + ["phone_call"]


MET = ("Speaking at a meeting with Netanyahu in Washington, Biden pledged to punish those "
       "responsible, while Netanyahu demanded Gallant stay until the talks end")


@pytest.mark.parametrize("with_rule", [True, False])
def test_what_a_participant_says_in_the_sentence_telling_the_contact_is_its(rules, with_rule):
    """A pledge told in the sentence of the meeting it was made at is the meeting's, though
    the sentence's one time dates only the meeting; what one participant demands of a third
    man in that sentence was not said in the meeting and stays its own event."""
    docs = docs_frame([("d1", "A", "2024-10-09", "")])
    meeting = mention("d1", 1, "meeting_visit", "Joe Biden", ["Benjamin Netanyahu"],
                      basis="reported", lo="2024-10-08", hi="2024-10-09", text=MET)
    pledge = mention("d1", 1, "statement", "Joe Biden", [], text=MET)
    demand = mention("d1", 1, "demand", "Benjamin Netanyahu", ["Yoav Gallant"], text=MET)
    rows = same_sentence(MET, (meeting, "meeting"), (pledge, "pledged"), (demand, "demanded"))
    types = dict(TYPES, meeting_visit={"plover": "CONSULT", "lane": "contacts"})
    used = rules if with_rule else dataclasses.replace(rules, said_in_contacts=None)
    out = events.build_events(found_frames(rows), docs, None, types, rules=used,
                              gazetteer=GAZETTEER, focus=FOCUS)
    kinds = sorted(out["events"]["event_type"])
    assert kinds == (["demand", "meeting_visit"] if with_rule
                     else ["demand", "meeting_visit", "statement"])
    met = out["events"][out["events"]["event_type"] == "meeting_visit"].iloc[0]
    assert met["agent"] == "Joe Biden" and met["date_earliest"] == "2024-10-08"
