"""One operation told as two event rows (same day, category and acting side; one's target
among the other's actors) is one row of the notice ledger, with both rows' accounts."""

from __future__ import annotations

import pandas as pd

from trustbrief.brief.charts.notice import ledger_rows
from trustbrief.brief.findings.notice import operations_in_period, operations_with_notice
from trustbrief.brief.views.events import drawn_lanes
from trustbrief.brief.views.notice import merge_accounts, merge_same_operations, operation_heads

# As the events stage writes them for one strike that articles name by two targets.
EVENTS = pd.DataFrame([
    {"event_id": "e011", "date": "2024-09-27", "plover": "ASSAULT", "agent": "Israel",
     "agent_side": "Israel", "targets": "Lebanon", "actors": "Lebanon;Israel;IDF",
     "label": "Israeli military strikes on the capital of Lebanon", "n_documents": 3,
     "doc_ids": "d0d0abd8ebd;d7d077bf264;df35fe96314", "notice": "minutes", "lane": "operations",
     "operation": "True", "status": "asserted"},
    {"event_id": "e012", "date": "2024-09-27", "plover": "ASSAULT", "agent": "Israel",
     "agent_side": "Israel", "targets": "Hezbollah", "actors": "Hezbollah;Israel;IDF;Lebanon",
     "label": "Israeli Defence Forces airstrikes on Hezbollah's central headquarters",
     "n_documents": 6, "doc_ids": "d0d0abd8ebd;d5b79465cbd;d6d5e3e23e9", "notice": "none",
     "lane": "operations", "operation": "True", "status": "asserted"},
    {"event_id": "e003", "date": "2024-07-30", "plover": "ASSAULT", "agent": "Israel",
     "agent_side": "Israel", "targets": "Ismail Haniyeh", "actors": "Ismail Haniyeh;Iran;Israel",
     "label": "Israel kills Hamas official Ismail Haniyeh in Iran", "n_documents": 3,
     "doc_ids": "d4a08b838db", "notice": "none", "lane": "operations", "operation": "True",
     "status": "asserted"},
])
LEDGER = pd.DataFrame([
    {"event_id": "e003", "label": "Israel kills Hamas official Ismail Haniyeh in Iran",
     "date": "2024-07-30", "actor": "Israel", "notice": "none", "accounts": "none: TASS",
     "n_accounts": 1, "evidence": "The US was not aware of or involved in it.",
     "doc_ids": "d4a08b838db", "outlets": "TASS"},
    {"event_id": "e011", "label": "Israeli military strikes on the capital of Lebanon",
     "date": "2024-09-27", "actor": "Israel", "notice": "minutes",
     "accounts": "minutes: Sputnik; none: unknown outlet (11_jang.txt), unknown outlet "
                 "(10_naharnet.txt)", "n_accounts": 3,
     "evidence": 'Israel gave a "few minutes notice" to the United States.',
     "doc_ids": "d0d0abd8ebd;d7d077bf264;df35fe96314", "outlets": "Sputnik"},
    {"event_id": "e012", "label": "Israeli Defence Forces airstrikes on Hezbollah's central "
     "headquarters", "date": "2024-09-27", "actor": "Israel", "notice": "none",
     "accounts": "none: unknown outlet (11_jang.txt)", "n_accounts": 1,
     "evidence": "Austin said he did not have any warning.", "doc_ids": "d0d0abd8ebd",
     "outlets": ""},
])


def test_rows_of_one_operation_share_the_most_reported_rows_id():
    heads = operation_heads(EVENTS, ["e003", "e011", "e012"])
    assert heads == {"e003": "e003", "e011": "e012", "e012": "e012"}


def test_another_day_category_or_side_is_another_operation():
    other_day = EVENTS.assign(date=["2024-09-27", "2024-09-28", "2024-07-30"])
    assert operation_heads(other_day, ["e011", "e012"])["e011"] == "e011"
    other_side = EVENTS.assign(agent_side=["Israel", "Hezbollah", "Israel"],
                               agent=["Israel", "Hezbollah", "Israel"])
    assert operation_heads(other_side, ["e011", "e012"])["e011"] == "e011"


def test_the_ledger_shows_the_operation_once_with_every_account():
    merged = merge_same_operations(LEDGER, EVENTS)
    assert list(merged["event_id"]) == ["e003", "e012"]
    row = merged.set_index("event_id").loc["e012"]
    # each outlet counted once per notice level: 2 say none, 1 says minutes
    assert row["n_accounts"] == 3 and row["notice"] == "none"
    assert "minutes: Sputnik" in row["accounts"] and row["accounts"].count("11_jang") == 1
    assert set(row["doc_ids"].split(";")) == {"d0d0abd8ebd", "d7d077bf264", "df35fe96314"}
    chart = ledger_rows(merged, None, 40).set_index("event_id")
    assert chart.loc["e012", "accounts_text"] == "3 (1 says minutes)"


def test_a_tie_between_accounts_keeps_the_most_reported_rows_notice():
    assert merge_accounts(["minutes: A", "none: B"])[2] == ""
    assert merge_accounts(["minutes: A", "none: B, C"]) == ("minutes: A; none: B, C", 3, "none")


def test_the_notice_finding_counts_the_operation_once():
    tables = {"events": EVENTS, "notice_ledger": LEDGER}
    ops = operations_with_notice(tables, "2024-07-01", "2024-10-31")
    assert list(ops["event_id"]) == ["e003", "e012"]
    assert list(ops["notice"]) == ["none", "none"]


def test_the_timeline_draws_the_operation_once_and_the_annex_says_why():
    from trustbrief.brief.views.events import OFF_TIMELINE, confident_events, unplaced_events

    events = EVENTS.assign(date_basis="reported", n_origins=[3, 6, 3])
    shown = confident_events(events, "2024-07-01", "2024-10-31")
    assert list(shown["event_id"]) == ["e012", "e003"]
    left = unplaced_events(events, "2024-07-01", "2024-10-31").set_index("event_id")
    assert left.loc["e011", "why"] == OFF_TIMELINE["retold"]


def test_the_operations_lane_holds_what_the_heading_counts():
    """A shoot-down (an operations type, but defensive: no operation) and a third party's
    strike are drawn with the other actions; the pair's flagged operation alone stays in
    the operations lane, and operations_in_period counts it alone."""
    events = pd.DataFrame([
        {"event_id": "e1", "date": "2025-01-10", "lane": "operations", "operation": "True",
         "agent_side": "A-land"},
        {"event_id": "e2", "date": "2025-01-11", "lane": "operations", "operation": "False",
         "agent_side": "B-land"},
        {"event_id": "e3", "date": "2025-01-12", "lane": "operations", "operation": "True",
         "agent_side": "C-land"},
        {"event_id": "e4", "date": "2025-01-13", "lane": "contacts", "operation": "False",
         "agent_side": "A-land"}], index=[5, 6, 7, 8])
    lanes = drawn_lanes(events, ("A-land", "B-land"))
    assert list(lanes) == ["operations", "third-party actions", "third-party actions",
                           "contacts"]
    assert list(lanes.index) == [5, 6, 7, 8]
    pair = events[events["agent_side"] != "C-land"]
    assert list(operations_in_period(pair, None, None)["event_id"]) == ["e1"]
