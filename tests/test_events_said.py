"""events/facts.py: what was said about an act (folded into it as its announcement) does not
date the act (invented frames; helpers from test_events)."""

from __future__ import annotations

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
