"""What an analyst reading a brief tripped over (session 4), each kept fixed by a test:
dates without a year, raw ISO ranges and same-article 'conflicts', labels used as nouns,
labels cut while room was left, and a trust section that does not say why it is empty."""

from __future__ import annotations

import pandas as pd
import pytest

from trustbrief.brief.charts.common import time_axis
from trustbrief.brief.conflicts import real_conflicts, value_text
from trustbrief.brief.findings.statements import statements_finding
from trustbrief.brief.layout.geometry import CHAR_PX, pack_labels
from trustbrief.brief.views.cells import quoted


def conflict_rows(*accounts):
    return pd.DataFrame([{"fact": "date", "event_id": "e1", "account": a, "value": v,
                          "doc_ids": d, "outlets": "", "evidence": ""}
                         for a, v, d in accounts])


@pytest.mark.parametrize("accepted, disagrees, conflict", [
    # 'met in the capital on Thursday' and 'had met in September' in one article are two
    # meetings, not sources that disagree; the same dates from two articles are a conflict
    (("2025-10-08..2025-10-09", "d1"), ("2025-09-01..2025-09-30", "d1"), False),
    (("2025-10-08..2025-10-09", "d1"), ("2025-09-01..2025-09-30", "d2"), True),
    # the disagreeing article also gives the accepted day ('spoke on Wednesday' ... 'the
    # first time they had spoken since August'): it tells of two calls, not of a dispute
    (("2024-10-09", "d1;d2;d3"), ("2024-08-01..2024-08-31", "d2"), False),
    # an article of its own on each side still disagrees, whatever the others say
    (("2024-10-09", "d1;d2"), ("2024-08-01..2024-08-31", "d2;d3"), True),
])
def test_one_article_giving_two_dates_is_not_a_conflict_between_sources(accepted, disagrees,
                                                                         conflict):
    rows = conflict_rows(("accepted", *accepted), ("disagrees", *disagrees))
    assert len(real_conflicts(rows)) == (2 if conflict else 0)


def test_an_account_shows_its_date_as_a_reader_reads_it():
    assert value_text("date", "2025-10-08..2025-10-09") == "8–9 Oct 2025"
    assert value_text("date", "2025-09-01..2025-10-02") == "1 Sep – 2 Oct 2025"
    assert value_text("date", "2024-06-29") == "29 Jun 2024"
    assert value_text("notice", "no_notice") == "no notice"


def test_a_label_inside_a_sentence_is_quoted():
    assert quoted("Police raided the offices of a broadcaster") == \
        "“Police raided the offices of a broadcaster”"
    assert quoted("") == ""


def test_a_time_axis_across_years_names_the_year():
    """'1 Jan' on an axis from December to October says no year: the first tick and each
    January tick carry it; an axis within one year keeps the short labels."""
    across = time_axis(pd.Timestamp("2024-12-25"), pd.Timestamp("2025-10-31"), 600).to_dict()
    assert "%Y" in across["labelExpr"] and "utcmonth(datum.value) == 0" in across["labelExpr"]
    within = time_axis(pd.Timestamp("2024-07-01"), pd.Timestamp("2024-10-31"), 600).to_dict()
    assert "labelExpr" not in within


def test_a_label_is_cut_only_when_no_row_has_room_for_all_of_it():
    """A long label near the right edge whose first rows are taken on its own side used to
    be cut on the other side ('... news agen…'); a higher row that holds it whole wins."""
    text = "Police raided the offices of a broadcaster in the capital"
    width, anchor = 600.0, 500.0
    taken = [("near", 478.0, "y" * 18), ("far", 367.0, "z" * 28)]
    boxes = {b.key: b for b in pack_labels([*taken, ("long", anchor, text)], width, 200)}
    assert boxes["long"].text == text
    assert boxes["long"].x1 - boxes["long"].x0 >= len(text) * CHAR_PX * 0.9


def test_an_empty_trust_section_says_what_the_articles_hold_instead():
    """No statement of the observer's distrust: the finding says why it cannot say more
    (cues of mutual strain do not say who distrusts whom, or there is no cue at all)."""
    signals = pd.DataFrame([{"doc_id": "d1", "sent_id": "d1-s001", "cue": "tensions",
                             "category": "distrust", "polarity": -1,
                             "direction": "Chile<->Peru", "negated": False, "text": "t"}])
    docs = pd.DataFrame([{"doc_id": "d1", "published": "2025-01-05",
                          "published_latest": "2025-01-05", "outlet": "Wire"}])
    tables = {"trust_signals": signals, "claims": pd.DataFrame(
        columns=["doc_id", "sent_id", "speaker", "speaker_type"]), "documents": docs}
    finding = statements_finding(tables, "2025-01-01", "2025-01-31", "Chile->Peru")
    assert not finding.available
    assert "1 cue of mutual strain ('tensions')" in finding.text
    tables["trust_signals"] = signals.iloc[0:0]
    assert "no trust cue" in statements_finding(tables, "2025-01-01", "2025-01-31",
                                                "Chile->Peru").text


def test_the_last_contact_is_given_with_its_certainty():
    """A contact dated by a lede's publication window (8-9 Oct) is not 'on 8 Oct'."""
    from trustbrief.brief.findings.cadence import _gap_clause, _last_contact_days

    ch = pd.Series({"channel": "leaders", "channel_label": "Leaders (A – B)",
                    "last_contact": "2025-10-08", "last_contact_label": "A and B meet",
                    "gap": 0, "since": 1})
    contacts = pd.DataFrame([{"channel": "leaders", "event_id": "e1", "date": "2025-10-08"}])
    events = pd.DataFrame([{"event_id": "e1", "date_earliest": "2025-10-08",
                            "date_latest": "2025-10-09"}])
    days = _last_contact_days(ch, contacts, events)
    assert days == "8–9 Oct 2025"
    assert _gap_clause(ch, days) == \
        "Leaders (A – B) were last reported in contact on 8–9 Oct 2025 (“A and B meet”)"
    assert _last_contact_days(ch, contacts, events.assign(date_latest="2025-10-08")) == \
        "8 Oct 2025"


def test_the_timeline_key_wraps_to_a_phone_width():
    """'1 = Antony Blinken and ... speak by phone (20 A' ran off a 300 px chart."""
    from trustbrief.brief.charts.timeline import wrapped_lines
    from trustbrief.brief.style import CHAR_PX, NARROW_WIDTH

    line = "1 = Two named ministers of the two governments speak by phone (20 Aug 2024)"
    lines = wrapped_lines([line, "2 = short (1 Oct 2024)"], NARROW_WIDTH)
    assert len(lines) == 3 and lines[1].startswith("    ")
    assert all(len(x) * CHAR_PX <= NARROW_WIDTH for x in lines)
    assert " ".join(x.strip() for x in lines[:2]).replace("\u00a0", " ") == line
    # a day is never split: '(1 Oct' at a line's end and '2024)' on the next
    cut = wrapped_lines(["9 = A missile attack by one country on it (1 Oct 2024)"],
                        NARROW_WIDTH)
    assert len(cut) == 2 and cut[1].strip() == "(1\u00a0Oct\u00a02024)"
    month = wrapped_lines(["9 = A missile attack by one country on its neighbour (May 2025)"],
                          NARROW_WIDTH)
    assert month[-1].strip().endswith("(May\u00a02025)")


def test_the_timeline_key_gives_a_month_dated_event_its_month_not_a_made_up_day():
    """An event the articles date only to a month is drawn mid-month; its key line says the
    month ('May 2025'), never the mark's day ('16 May 2025')."""
    from fixtures.brief_tables import brief_tables
    from trustbrief.brief.layout.timeline import timeline_layout
    from trustbrief.brief.style import NARROW_WIDTH

    events = brief_tables()["events"].copy()
    events["label"] = [f"Police of the capital raided the offices of broadcaster number {i}"
                       for i in range(len(events))]
    month = events["event_id"] == "e009"
    events.loc[month, ["date", "date_earliest", "date_latest", "date_precision"]] = [
        "2024-09-01", "2024-09-01", "2024-09-30", "month"]
    layout = timeline_layout(events, "2024-07-01", "2024-10-31", width=NARROW_WIDTH)
    line = next(f for f in layout.footnotes if "number 8 " in f)
    assert line.endswith("(September 2024)") and "16 Sep" not in line


def test_a_timeline_label_is_whole_or_its_point_is_numbered_with_the_whole_label():
    """At phone width long labels do not fit: each point then gets a number whose key line
    holds the whole label, never a label cut to '... news agen…'."""
    from fixtures.brief_tables import brief_tables
    from trustbrief.brief.layout.timeline import timeline_layout
    from trustbrief.brief.style import NARROW_WIDTH

    events = brief_tables()["events"].copy()
    events["label"] = [f"Police of the capital raided the offices of broadcaster number {i}"
                       for i in range(len(events))]
    layout = timeline_layout(events, "2024-07-01", "2024-10-31", width=NARROW_WIDTH)
    full = set(events["label"])
    assert layout.labels or layout.numbers
    assert all(box.text in full for box in layout.labels), [b.text for b in layout.labels]
    assert all(any(label in note for label in full) for note in layout.footnotes)


def test_a_timeline_whose_events_stop_early_says_so():
    """A month brief whose articles date nothing after its first week: the empty rest of
    the chart is explained in the takeaway, not left to read as a drawing gap."""
    from trustbrief.brief.views.events import quiet_end

    events = pd.DataFrame({"date": ["2024-10-01", "2024-10-04", "2024-10-08"]})
    assert quiet_end(events, "2024-10-01", "2024-10-31") == ", none dated after 8 Oct 2024"
    assert quiet_end(events, "2024-10-01", "2024-10-12") == ""  # the events fill the period
    assert quiet_end(events.iloc[:0], "2024-10-01", "2024-10-31") == ""
