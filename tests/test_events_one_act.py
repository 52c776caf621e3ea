"""One act told from its two ends, or in two words (events/one_act.py, labels.yaml joins and
groups): invented frames; helpers from test_events."""

from __future__ import annotations

import pandas as pd

from test_events import EVENT_TYPES, FOCUS, GAZETTEER, docs_frame, found_frames, mention, rules
from trustbrief import events

__all__ = ["rules"]  # the labels fixture of test_events

TYPES = dict(EVENT_TYPES,
             dismissal={"plover": "OTHER", "lane": "contacts", "operation": False},
             notification={"plover": "CONSULT", "lane": "contacts", "operation": False},
             demand={"plover": "DEMAND", "lane": "contacts", "operation": False},
             warning={"plover": "THREATEN", "lane": "contacts", "operation": False})


def _built(rows, rules, docs=(("d1", "A", "2024-11-06", ""), ("d2", "B", "2024-11-06", ""))):
    return events.build_events(found_frames(rows), docs_frame(list(docs)), None, TYPES,
                               rules=rules, gazetteer=GAZETTEER, focus=FOCUS)["events"]


def test_an_act_told_by_its_doer_and_by_whom_it_hit_in_one_article_is_one(rules):
    """'Netanyahu's firing of his defence minister' + 'the dismissal of Yoav Gallant'."""
    rows = [mention("d1", 1, "dismissal", "Benjamin Netanyahu", [],
                    text="Netanyahu's firing of his defence minister"),
            mention("d1", 2, "dismissal", "", ["Yoav Gallant"],
                    text="the dismissal of Yoav Gallant")]
    out = _built(rows, rules)
    assert len(out) == 1
    assert (out.iloc[0]["agent"], out.iloc[0]["targets"]) == ("Benjamin Netanyahu",
                                                             ["Yoav Gallant"])


def test_the_doer_of_another_article_stays_apart(rules):
    rows = [mention("d1", 1, "dismissal", "Benjamin Netanyahu", [],
                    text="Netanyahu's firing of his defence minister"),
            mention("d2", 2, "dismissal", "", ["Yoav Gallant"],
                    text="the dismissal of Yoav Gallant")]
    assert len(_built(rows, rules)) == 2


def test_a_killing_of_an_official_keyed_by_his_group_joins_his_killing_that_day(rules):
    """'the assassination of a senior Hamas official' on the day Haniyeh was killed; a
    killing of the group a week later, and a strike on it that day, stay apart."""
    rows = [mention("d1", 1, "targeted_killing", "Israel", ["Ismail Haniyeh"], "2024-07-31"),
            mention("d2", 1, "targeted_killing", "Israel", ["Hamas"], "2024-07-31"),
            mention("d2", 2, "targeted_killing", "Israel", ["Hamas"], "2024-08-09"),
            mention("d2", 3, "airstrike", "Israel", ["Hamas"], "2024-07-31")]
    gaz = pd.concat([GAZETTEER, pd.DataFrame([("Hamas", "Hamas", "organization", "")],
                                             columns=GAZETTEER.columns)], ignore_index=True)
    out = events.build_events(found_frames(rows), docs_frame([
        ("d1", "A", "2024-08-01", ""), ("d2", "B", "2024-08-10", "")]), None, TYPES,
        rules=rules, gazetteer=gaz, focus=FOCUS)["events"]
    killing = out[out["key"] == "lethal_strike:ismail-haniyeh"].iloc[0]
    assert killing["n_mentions"] == 2
    assert sorted(out["key"]) == ["lethal_strike:hamas", "lethal_strike:hamas#2",
                                  "lethal_strike:ismail-haniyeh"]  # the strike, the later one


def test_being_told_of_a_planned_postponement_is_the_postponement(rules):
    """'We were just informed that Minister Gallant will be postponing his trip': the
    notification (asserted) joins the planned act of its sentence (joins, telling: true)."""
    text = "We were just informed that Minister Gallant will be postponing his trip"
    told = mention("d1", 1, "notification", "", ["Yoav Gallant"], text=text)
    act = dict(mention("d1", 1, "visit_blocked", "Yoav Gallant", [], polarity="planned",
                       text=text), mention_id="d1-s001-m2")
    told.update(trigger="informed", trigger_start=text.index("informed"))
    act.update(trigger="postponing", trigger_start=text.index("postponing"))
    out = _built([told, act, mention("d2", 1, "visit_blocked", "Yoav Gallant", ["US"],
                                     "2024-10-08", text="Gallant postponed his trip")], rules,
                 docs=(("d1", "A", "2024-10-08", ""), ("d2", "B", "2024-10-09", "")))
    assert list(out["event_type"]) == ["visit_blocked"]


def test_a_demand_and_a_warning_of_one_side_that_day_are_one_message(rules):
    """A letter told as a demand by one article and as a warning by another."""
    rows = [mention("d1", 1, "demand", "US", ["Israel"], "2024-10-13",
                    text="a letter urging Israel to improve aid within 30 days"),
            mention("d2", 1, "warning", "Joe Biden", [], "2024-10-13",
                    text="a warning from Biden in a letter dated Oct. 13"),
            mention("d2", 5, "demand", "Joe Biden", ["Israel"],
                    text="Biden pressed Israel to expand aid")]
    out = _built(rows, rules, docs=(("d1", "A", "2024-10-15", ""), ("d2", "B", "2024-11-05", "")))
    assert len(out) == 1 and out.iloc[0]["n_mentions"] == 3
