"""events/facts.best_date: of two publication windows ('reported' ledes) that disagree, the
one ending first dates the act - it had happened by its first report, and a later article's lede
retells it (invented frames; helpers from test_events)."""

from __future__ import annotations

from test_events import EVENT_TYPES, FOCUS, GAZETTEER, docs_frame, found_frames, mention, rules
from trustbrief import events

__all__ = ["rules"]  # the labels fixture of test_events


def _event(rules, first_window: tuple[str, str], later: str):
    docs = docs_frame([("dA", "Wire One", first_window[0], ""), ("dB", "Gulf Daily", later, "")])
    docs.loc[0, "published"] = ""  # the first article is dated only to a two-day window
    docs.loc[0, "published_earliest"], docs.loc[0, "published_latest"] = first_window
    found = found_frames([
        mention("dA", 1, "visit_blocked", "Israel", ["US"], text="Israel blocked the US visit"),
        mention("dB", 1, "visit_blocked", "Israel", ["US"], text="Israel blocked the US visit")])
    out = events.build_events(found, docs, None, EVENT_TYPES, rules=rules, gazetteer=GAZETTEER,
                              focus=FOCUS)
    return out["events"]


def test_the_first_report_dates_the_act_though_a_later_one_is_narrower(rules):
    told = _event(rules, ("2024-10-02", "2024-10-03"), "2024-10-06")
    assert len(told) == 1
    assert (told.iloc[0]["date_earliest"], told.iloc[0]["date_latest"]) == (
        "2024-10-01", "2024-10-03")
    assert told.iloc[0]["date_basis"] == "reported"
