"""events.facts._event_agent: who an event's agent is when its mentions name several."""

from trustbrief.events.facts import _event_agent, stand_ins
from trustbrief.events.label_rules import Group
from trustbrief.events.records import Rec, evidence_of

STATEMENT = Group("statement", ("statement",))


class _Ctx:
    kinds = {"Chad": {"type": "state", "side": "Chad"},
             "Ada Obi": {"type": "person", "side": "Chad"}}


def rec(pos: int, agent: str, inferred: bool = False) -> Rec:
    return Rec(pos, f"d1-m{pos}", "d1", f"d1-s{pos:03d}", "statement", STATEMENT, agent, "Chad",
               ("France",), ("France",), (agent, "France"), (), None, None, "open",
               "asserted", "text", None, None, inferred_target=inferred)


def test_a_target_inferred_from_an_earlier_act_does_not_make_a_full_clause():
    """'Chad said it was not warned' (target named) and 'Obi said ...' (named), then 'Obi
    added, "war must be avoided"' (target only inferred): one each, the state wins."""
    recs = [rec(1, "Chad"), rec(2, "Ada Obi"), rec(3, "Ada Obi", inferred=True)]
    assert _event_agent(recs, _Ctx()) == "Chad"


def test_named_targets_still_count_every_clause():
    recs = [rec(1, "Chad"), rec(2, "Ada Obi"), rec(3, "Ada Obi")]
    assert _event_agent(recs, _Ctx()) == "Ada Obi"


class _Leaders:
    kinds = {"Chad": {"type": "state", "side": "Chad"},
             "Ada Obi": {"type": "person", "side": "Chad", "level": "leader"},
             "Ben Udo": {"type": "person", "side": "Chad", "level": "minister"},
             "Cy Ray": {"type": "person", "side": "France", "level": "leader"}}


def test_who_holds_the_sides_top_office_stands_in_for_the_side():
    """A leader of the event's side (head of state or government) is the side for the
    evidence: 'Obi demanded France apologize' shows Chad's demand as well as 'Chad said'; a
    minister or another side's leader does not."""
    assert stand_ins("Chad", _Leaders()) == {"Chad", "Ada Obi"}
    assert stand_ins("Ben Udo", _Leaders()) == {"Ben Udo"}
    assert stand_ins("", _Leaders()) == set()
    leader, state, minister = rec(1, "Ada Obi"), rec(2, "Chad"), rec(0, "Ben Udo")
    assert evidence_of([state, leader, minister], agent=["Chad"]) is state
    assert evidence_of([state, leader, minister], agent=stand_ins("Chad", _Leaders())) is leader
