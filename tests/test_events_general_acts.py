"""events.generic_acts: a general word for an act on a day its doer did one specific act."""

import pandas as pd

from trustbrief import events
from trustbrief.events.generic_acts import join_general_acts
from trustbrief.events.label_rules import Group, Join, LabelRules
from trustbrief.events.records import Rec

MISSILE = Group("missile", ("missile_attack",))
STRIKE = Group("lethal_strike", ("airstrike", "targeted_killing"), window_days=2)
RULES = LabelRules(groups={"missile": MISSILE, "lethal_strike": STRIKE},
                   joins=(Join(frozenset({"attack"}),
                               frozenset({"missile_attack", "airstrike"})),))
DAY = pd.Timestamp("2024-10-01").toordinal()


def rec(pos, doc, etype, side, day=DAY, basis="explicit", polarity="asserted", lo=None):
    lo = day if lo is None else lo
    return Rec(pos, f"{doc}-m{pos}", doc, f"{doc}-s{pos:03d}", etype, RULES.group_of(etype),
               side, side, (), (), (side,), (), lo, day, basis, polarity, f"{etype} text",
               None, None)


def test_a_general_attack_dated_on_the_day_of_its_sides_one_specific_act_takes_its_group():
    """'Iran's Oct. 1 attack' in one article, 'Iran fired ballistic missiles at Israel on
    Tuesday, Oct. 1' in another: the attack clusters with the missile attack."""
    general = rec(1, "dB", "attack", "Iran")
    join_general_acts([rec(0, "dA", "missile_attack", "Iran"), general], RULES)
    assert general.group is MISSILE


def test_two_kinds_of_act_a_publication_window_or_another_side_leave_it_alone():
    two_kinds = rec(2, "dB", "attack", "Israel")
    by_lede = rec(3, "dC", "attack", "Iran", basis="reported")
    other_day = rec(4, "dC", "attack", "Iran", day=DAY + 1)
    week = rec(5, "dC", "attack", "Iran", lo=DAY - 6)
    recs = [rec(0, "dA", "missile_attack", "Israel"), rec(1, "dA", "airstrike", "Israel"),
            rec(6, "dA", "missile_attack", "Iran"), two_kinds, by_lede, other_day, week]
    join_general_acts(recs, RULES)
    assert [r.group.name for r in (two_kinds, by_lede, other_day, week)] == ["attack"] * 4


def test_build_events_tells_the_act_once_under_its_specific_label():
    """Through build_events with the shipped rules: one dated event, the missile attack."""
    rules = events.load_labels("data")
    docs = pd.DataFrame([{"doc_id": d, "file": f"{d}.txt", "title": "", "outlet": o, "url": "",
                          "published": "2024-10-02", "published_earliest": "2024-10-02",
                          "published_latest": "2024-10-02", "published_basis": "stated",
                          "duplicate_of": ""} for d, o in (("dA", "A"), ("dB", "B"))])
    base = {"event_id": "", "plover": "", "time_id": "", "time_text": "", "trigger": "",
            "polarity": "asserted", "date": "2024-10-01", "date_earliest": "2024-10-01",
            "date_latest": "2024-10-01", "date_basis": "explicit"}
    mentions = pd.DataFrame([
        dict(base, mention_id="dA-s001-m1", doc_id="dA", sent_id="dA-s001",
             event_type="missile_attack", actors="Iran;Israel", agent="Iran", agent_side="Iran",
             targets="Israel", target_sides="Israel", text="Iran fired missiles at Israel"),
        dict(base, mention_id="dB-s004-m1", doc_id="dB", sent_id="dB-s004",
             event_type="attack", actors="Iran", agent="Iran", agent_side="Iran", targets="",
             target_sides="", text="Israel's response to Iran's Oct. 1 attack"),
    ])
    types = {"missile_attack": {"plover": "ASSAULT", "lane": "operations", "operation": True},
             "attack": {"plover": "ASSAULT", "lane": "operations", "operation": True}}
    gazetteer = pd.DataFrame([("Israel", "Israel", "state", ""), ("Iran", "Iran", "state", "")],
                             columns=["name", "side", "type", "roles"])
    found = {"mentions": mentions, "trust_signals": pd.DataFrame(), "claims": pd.DataFrame(),
             "actor_mentions": pd.DataFrame(columns=["doc_id", "sent_id", "actor"])}
    out = events.build_events(found, docs, None, types, rules=rules, gazetteer=gazetteer,
                              focus="US->Israel")
    dated = out["events"][out["events"]["date"] != ""]
    assert list(dated["event_type"]) == ["missile_attack"]
    assert dated.iloc[0]["n_documents"] == 2
