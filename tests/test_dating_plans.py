"""dating: an act an article reports only as planned, dated by another article that reports it
done, bounds the planning article from above (written before the act), never from below."""

from __future__ import annotations

import datetime as dt

import pytest

from test_dating import article, dated_without_chronology, found_for, mention, ungoverned
from trustbrief.dating.chronology import Pinned
from trustbrief.dating.forces import armed_forces, fold, planned_match

DONE = "Germany launched a ground operation in Chad on Monday, the ministry said."
PLANNED = "Germany informed France of its intention to launch a ground operation in Chad."


@pytest.mark.parametrize(("polarity", "earliest", "latest"), [
    ("planned", "", "2024-09-30"),  # written before the act: the act's day is the latest
    ("asserted", "2024-09-30", ""),  # the same words told as done: the earliest
])
def test_an_act_reported_as_planned_is_an_upper_bound(tmp_path, polarity, earliest, latest):
    docs = [article("dD", "dated.txt", "url", "2024-10-01"), article("dU", "undated.txt")]
    mentions = [mention("dD", 1, "ground_operation", "Germany;Chad", DONE),
                mention("dU", 1, "ground_operation", "Germany;Chad", PLANNED, polarity)]
    out = dated_without_chronology(tmp_path, docs, ungoverned(mentions)).loc["dU"]
    assert out["published"] == ""
    if earliest:
        assert out["published_earliest"] == earliest
    else:
        assert out["published_earliest"] < "2024-09-30"
    if latest:
        assert out["published_latest"] == latest
    else:
        assert out["published_latest"] > "2024-09-30"


@pytest.mark.parametrize(("body", "kind"), [
    # the record's date is past, though the date's mention is a plan
    ("They are dated October 15, 2024 and describe drills in preparation for a strike on "
     "Southia.", "after"),
    ("A letter dated Oct. 13, 2024 asks Norland to act within 30 days.", "after"),
    # a plan's own date stays an upper bound
    ("Norland is expected to strike Southia on October 15, 2024.", "before"),
])
def test_a_records_date_is_past_whatever_the_sentence_plans(body, kind):
    import datetime as dt

    import pandas as pd

    from trustbrief import timex
    from trustbrief.dating.explicit import explicit_date_clues

    frame = pd.DataFrame([{"doc_id": "b", "sent_id": "b-s004", "text": body}])
    times = timex.extract_time_expressions(frame)
    planned = {str(t): "planned" for t in times["time_id"]}  # every date governs a plan
    clues = explicit_date_clues(times, {("b", "b-s004"): body}, {"b"},
                                (dt.date(2024, 1, 1), dt.date(2025, 12, 31)),
                                polarity=planned)["b"]
    assert [c.kind for c in clues] == [kind]


ARMY_DONE = "The IRGC launched a ground operation in Chad on Monday, the ministry said."
STATE_PLANNED = "Iran informed France of its intention to launch a ground operation in Chad."


@pytest.mark.parametrize(("polarity", "bounded"), [
    ("planned", True),    # the state's plan came before its army's act
    ("asserted", False),  # a past act is not folded: one army strikes one enemy again and again
])
def test_a_state_plans_what_its_army_does(tmp_path, polarity, bounded):
    docs = [article("dD", "dated.txt", "url", "2024-10-01"), article("dU", "undated.txt")]
    mentions = [mention("dD", 1, "ground_operation", "IRGC;Chad", ARMY_DONE),
                mention("dU", 1, "ground_operation", "Iran;Chad;France", STATE_PLANNED,
                        polarity)]
    out = dated_without_chronology(tmp_path, docs, ungoverned(mentions)).loc["dU"]
    assert (out["published_latest"] == "2024-09-30") is bounded
    assert out["published_earliest"] != "2024-09-30"


def test_armies_fold_into_the_state_of_their_side(tmp_path):
    (tmp_path / "gazetteer.yaml").write_text(
        "sides: {Norland: {}, Suderia: {}}\nactors:\n"
        "  - {name: Norland, type: state, side: Norland}\n"
        "  - {name: Norland Army, type: organization, side: Norland, level: military}\n"
        "  - {name: Norland Ministry, type: organization, side: Norland}\n"
        "  - {name: Suderia Guard, type: organization, side: Suderia, level: military}\n")
    forces = armed_forces(tmp_path)
    assert forces == {"Norland Army": "Norland"}  # Suderia has no state actor: left as is
    assert fold(["Norland Army", "Norland", "Norland Ministry"], forces) == [
        "Norland", "Norland Ministry"]
    done = Pinned("k", "ground_operation", frozenset({"Norland Army", "Suderia"}), None,
                  dt.date(2024, 9, 30), dt.date(2024, 9, 30), from_article=True)
    plan = {"event_type": "ground_operation", "actors": ["Norland", "Suderia"], "text": "",
            "polarity": "planned", "agent": ""}

    def match(m, pinned):
        return [p for p in pinned if p.matches(m["event_type"], set(m["actors"]), m["text"])]

    assert [p.first for p in planned_match(plan, [done], match, forces)] == [dt.date(2024, 9, 30)]
    assert planned_match({**plan, "polarity": "asserted"}, [done], match, forces) == []


@pytest.mark.parametrize(("sentence", "latest", "earliest"), [
    # the date stands in a clause 'will' governs: ahead of the report, whatever verb it is
    # given to ('said', reported as done)
    ("Norland's foreign minister will not attend the Vienna conference on March 25, 2025, "
     "the ministry said.", "2025-03-25", ""),
    ("The ministry said the minister is expected to travel to Vienna on March 25, 2025.",
     "2025-03-25", ""),
    # 'will' in another clause: the date is the statement's past day
    ("On March 25, 2025, the ministry said the minister will not travel.", "", "2025-03-25"),
])
def test_a_date_in_a_clause_that_looks_ahead_bounds_from_above(tmp_path, sentence, latest,
                                                               earliest):
    docs = [article("dU", "undated.txt")]
    # extract gives the date to the statement (reported as done), as it does in such copy
    said = {**mention("dU", 1, "statement", "Norland;Suderia", sentence), "time_id": "dU-s001-t1"}
    out = dated_without_chronology(tmp_path, docs, found_for([said])).loc["dU"]
    if latest:
        assert out["published_latest"] == latest and out["published_earliest"] < latest
    else:
        assert out["published_earliest"] == earliest


def test_a_folded_plan_and_the_acts_it_is_matched_to_name_the_state_as_doer():
    """The doer is folded too, on both sides: the plan's agent 'Norland Army' and the dated
    act's are Norland when they are compared."""
    forces = {"Norland Army": "Norland"}
    done = Pinned("k", "ground_operation", frozenset({"Norland Army", "Suderia"}), None,
                  dt.date(2024, 9, 30), dt.date(2024, 9, 30), from_article=True,
                  agent="Norland Army")
    plan = {"event_type": "ground_operation", "actors": ["Norland Army", "Suderia"],
            "text": "", "polarity": "planned", "agent": "Norland Army"}
    compared = []

    def match(m, pinned):
        compared.append((m["agent"], [p.agent for p in pinned]))
        return []

    planned_match(plan, [done], match, forces)
    assert compared == [("Norland", ["Norland"])]
