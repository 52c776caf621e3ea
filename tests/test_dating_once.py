"""dating.pinned: which events another article's relative day pins.

- An event that happens once to its one party (data/incidents.yaml once_per_party: a person
  is killed once), dated by a weekday of a dated article, is the event an undated article
  names with that party alone ('the killing of X'), though one shared party is otherwise too
  weak a match for an event known only by a weekday.
- A day AFTER the dated article's own, read for an act it tells as done, is another clause's
  day ('X, who will on Thursday open the summit, also joined the call'): it pins nothing.

Invented sentences and names; no chronology (only the articles anchor each other).
"""

from __future__ import annotations

import pytest

from test_dating import article, dated_without_chronology, mention, ungoverned

KILLED = "Kofi Mensah was killed on Wednesday, the ministry said."


@pytest.mark.parametrize(("event_type", "earliest"), [
    ("targeted_killing", "2024-07-31"),  # once per party: the killing of Wednesday 31 July
    ("airstrike", ""),  # a party is struck again and again: one shared name matches nothing
])
def test_a_once_only_event_of_one_party_dated_by_a_weekday_is_matched(tmp_path, event_type,
                                                                      earliest):
    docs = [article("dD", "dated.txt", "url", "2024-08-03"), article("dU", "undated.txt")]
    mentions = [mention("dD", 1, event_type, "Kofi Mensah", KILLED),
                mention("dU", 1, event_type, "Kofi Mensah",
                        "The talks follow the killing of Kofi Mensah.")]
    out = dated_without_chronology(tmp_path, docs, ungoverned(mentions)).loc["dU"]
    assert out["published_earliest"] == earliest


def test_a_once_only_event_needs_the_party_named_alone(tmp_path):
    """'Kofi Mensah killed two soldiers' names the party as its agent: not his killing."""
    docs = [article("dD", "dated.txt", "url", "2024-08-03"), article("dU", "undated.txt")]
    undated = mention("dU", 1, "targeted_killing", "Kofi Mensah",
                      "Kofi Mensah killed two soldiers.")
    undated["agent"] = "Kofi Mensah"
    mentions = [mention("dD", 1, "targeted_killing", "Kofi Mensah", KILLED), undated]
    out = dated_without_chronology(tmp_path, docs, ungoverned(mentions)).loc["dU"]
    assert out["published_earliest"] == ""


def test_a_day_after_the_article_pins_no_act_it_tells_as_done(tmp_path):
    docs = [article("dD", "dated.txt", "url", "2024-08-21"), article("dU", "undated.txt")]
    ahead = ("The Chadian president, who will on Thursday open the summit, also joined the "
             "call with Niger.")
    mentions = [mention("dD", 1, "phone_call", "Chad;Niger", ahead),
                mention("dU", 1, "phone_call", "Chad;Niger",
                        "Chad and Niger spoke by phone on Thursday.")]
    out = dated_without_chronology(tmp_path, docs, ungoverned(mentions)).loc["dU"]
    assert "2024-08-22" not in (out["published"], out["published_earliest"])
