"""dating: an act another article dates by its calendar date and names only its agent for
('a missile attack by Ostland on Tuesday, Oct. 1, 2024') resolves a mention's own relative
date ('Ostland fired missiles at Westland last week'), when the mention's agent is that party
and the event an act; never a bare bound, never for a contact, never with the roles swapped."""

from __future__ import annotations

import pytest

from test_dating import article, dated_without_chronology, mention, ungoverned

PINNING = "Two destroyers helped defend Westland during a missile attack by Ostland on " \
          "Tuesday, Oct. 1, 2024."


def act(doc_id: str, n: int, event_type: str, actors: str, agent: str, text: str,
        lane: str = "third-party actions") -> dict:
    return {**mention(doc_id, n, event_type, actors, text), "agent": agent, "lane": lane}


def dated(tmp_path, undated: dict, pinning: dict | None = None):
    docs = [article("dP", "pinning.txt"), article("dU", "undated.txt")]
    pinning = pinning or act("dP", 1, "missile_attack", "Ostland", "Ostland", PINNING)
    found = ungoverned([pinning, undated])
    return dated_without_chronology(tmp_path, docs, found).loc["dU"]


def test_the_agents_act_resolves_last_week(tmp_path):
    out = dated(tmp_path, act("dU", 1, "missile_attack", "Ostland;Westland", "Ostland",
                              "Ostland fired some 200 missiles at Westland last week."))
    # 'last week' of an attack on Tuesday Oct 1: the week after it, read Monday-to-Sunday
    # or Sunday-to-Saturday
    assert (out["published_earliest"], out["published_latest"]) == ("2024-10-06", "2024-10-13")
    assert out["published"] == ""


@pytest.mark.parametrize("undated", [
    # the pinned act's party is the target here: another act
    act("dU", 1, "missile_attack", "Westland;Ostland", "Westland",
        "Westland fired some 200 missiles at Ostland last week."),
    # no relative date of its own: which of the agent's acts is it?
    act("dU", 1, "missile_attack", "Ostland;Westland", "Ostland",
        "Ostland fired some 200 missiles at Westland."),
])
def test_nothing_without_the_same_agent_and_a_relative_date(tmp_path, undated):
    assert dated(tmp_path, undated)["published_earliest"] == ""


def test_a_contact_of_one_party_is_no_act(tmp_path):
    pinning = act("dP", 1, "statement", "Ostland", "Ostland",
                  "Ostland said on Tuesday, Oct. 1, 2024 that it would respond.", "contacts")
    undated = act("dU", 1, "statement", "Ostland;Westland", "Ostland",
                  "Ostland told Westland last week that it would respond.", "contacts")
    assert dated(tmp_path, undated, pinning)["published_earliest"] == ""
