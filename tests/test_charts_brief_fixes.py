"""Charts: the fixes seen on the real brief (axis format, band, lanes, short names)."""

from __future__ import annotations

import dataclasses
import itertools
import json

import pandas as pd
import pytest
import vl_convert

from fixtures.brief_tables import brief_tables, cadence_statements, sourcing_publisher
from trustbrief.brief import style
from trustbrief.brief.charts import cadence as charts_cadence
from trustbrief.brief.charts import corroboration as charts_corroboration
from trustbrief.brief.charts import notice as charts_notice
from trustbrief.brief.charts import sourcing as charts_sourcing
from trustbrief.brief.charts import statements as charts_statements
from trustbrief.brief.charts import timeline as charts_timeline
from trustbrief.brief.layout import cadence as layout_cadence
from trustbrief.brief.layout import geometry as layout_geometry
from trustbrief.brief.layout import tags as layout_tags
from trustbrief.brief.layout import ticks as layout_ticks
from trustbrief.brief.layout import timeline as layout_timeline
from trustbrief.brief.views import cadence as views_cadence
from trustbrief.brief.views import cells as views_cells
from trustbrief.brief.views import notice as views_notice
from trustbrief.brief.views import outlets as views_outlets
from trustbrief.brief.views import sourcing as views_sourcing
from trustbrief.brief.views import statements as views_statements
from trustbrief.contract.vocab import ContactStatus


@pytest.fixture(scope="module")
def tables():
    return brief_tables()


def svg(chart) -> str:
    return vl_convert.vegalite_to_svg(chart.to_dict())


def marks(spec: dict, kind: str) -> list[dict]:
    """Every layer of a spec whose mark is `kind`."""
    found = []
    if isinstance(spec, dict):
        mark = spec.get("mark")
        if (mark == kind) or (isinstance(mark, dict) and mark.get("type") == kind):
            found.append(spec)
        for value in spec.values():
            found += marks(value, kind)
    elif isinstance(spec, list):
        for value in spec:
            found += marks(value, kind)
    return found


# --- 1. trust statements ----------------------------------------------------------------------

def test_statements_are_dated_when_made_and_coloured_by_who_said_them(tables):
    signals = tables["trust_signals"].assign(stated_on=["2024-09-27", "", "", "", "", ""])
    frame = views_statements.trust_statements(signals, tables["claims"], tables["documents"],
                                              "US->Israel")
    first = frame.iloc[0]
    assert first["dated_by"] == "stated" and first["day"] == pd.Timestamp("2024-09-27")
    assert set(frame["dated_by"]) == {"stated", "published"}
    assert frame["speaker_type"].isin(style.SPEAKER_ORDER).all()
    spec = json.dumps(charts_statements.statements_chart(frame).to_dict())
    assert style.SPEAKER_COLORS["anonymous_official"] in spec
    other_way = views_statements.trust_statements(signals, tables["claims"],
                                                  tables["documents"], "Israel->US")
    assert other_way.empty


def test_a_sentence_is_one_statement_and_the_subjects_officials_voice_no_observer_distrust(
        tables):
    signals = tables["trust_signals"]
    first = signals.iloc[[0]].assign(signal_id="second cue", cue="furious", text="furious")
    doubled = pd.concat([signals, first], ignore_index=True)
    frame = views_statements.trust_statements(doubled, tables["claims"], tables["documents"],
                                              "US->Israel")
    assert len(frame) == len(signals)  # two cues of one sentence: one statement
    assert "furious" in frame.loc[frame["sent_id"] == signals.iloc[0]["sent_id"], "cue"].iloc[0]
    # the speaker of one sentence is an Israeli official: not a voice of US distrust
    claims = tables["claims"].assign(speaker_side="US")
    claims.loc[claims["sent_id"] == signals.iloc[0]["sent_id"], "speaker_side"] = "Israel"
    voiced = views_statements.trust_statements(signals, claims, tables["documents"],
                                               "US->Israel")
    assert len(voiced) == len(signals) - 1
    assert signals.iloc[0]["sent_id"] not in set(voiced["sent_id"])


def test_tick_format_has_just_the_decimals_needed():
    assert layout_ticks.tick_format([-10, -5, 0]) == ",.0f"
    assert layout_ticks.tick_format([-2.5, 0, 2.5]) == ",.1f"


def test_long_labels_are_shortened_instead_of_covering_a_neighbours_anchor():
    items = [("a", 350.0, "−1.00 on 17 Sep: " + "a very long event label " * 3),
             ("b", 380.0, "−1.50 on 24 Sep"), ("c", 430.0, "−1.00 on 4 Oct")]
    boxes = layout_geometry.pack_labels(items, 560, base_y=0.0, max_rows=3)
    assert {b.key for b in boxes} == {"a", "b", "c"}
    for box in boxes:
        others = [o for o in boxes if o is not box and o.row < box.row]
        assert all(not (o.x0 - 2 <= box.anchor_x <= o.x1 + 2) for o in others)


# --- 2. sourcing --------------------------------------------------------------------------------

def test_sourcing_y_is_the_outlet_name_in_both_table_shapes(tables):
    for table in (tables["sourcing"], sourcing_publisher()):
        counts = views_sourcing.sourcing_counts(table, tables["documents"])
        assert "Caliber.Az" in set(counts["outlet"])
        assert not any(o.isdigit() for o in counts["outlet"])
        cited = counts[(counts["outlet"] == "The Jerusalem Post")]
        assert dict(zip(cited["speaker_type"], cited["count"], strict=True)) == {"outlet": 1}


def test_sourcing_and_matrix_name_an_unknown_outlet_by_its_articles_title(tables):
    counts = views_sourcing.sourcing_counts(tables["claims"], tables["documents"])
    unknown = counts[counts["outlet"].str.startswith("“")]
    assert set(unknown["outlet"]) == {"“PM vetoes minister's visit…”",
                                      "“Administration grows…”"}
    assert not counts["outlet"].str.contains("unknown").any()
    cells = views_sourcing.corroboration_cells(tables["events"], tables["documents"],
                                               tables["mentions"])
    assert not cells["column"].str.contains("unknown").any()
    assert ("“PM vetoes…”", "“PM vetoes minister's visit to Washington”") in set(
        zip(cells["column"], cells["outlet"], strict=True))


def test_sourcing_segments_stack_in_the_fixed_order_and_label_only_wide_ones(tables):
    counts = views_sourcing.sourcing_counts(tables["sourcing"], tables["documents"])
    seg = charts_sourcing.sourcing_segments(counts, width=400)
    caliber = seg[seg["outlet"] == "Caliber.Az"]
    assert list(caliber["speaker_type"]) == ["anonymous_official", "unattributed"]
    assert list(caliber["x0"]) == [0.0, 1.0] and list(caliber["x1"]) == [1.0, 2.0]
    assert seg["show"].all()
    assert not charts_sourcing.sourcing_segments(counts, width=10)["show"].any()
    spec = json.dumps(charts_sourcing.sourcing_chart(tables["sourcing"],
                                                     tables["documents"]).to_dict())
    for kind in set(counts["speaker_type"]):  # the legend shows only the kinds drawn
        assert style.SPEAKER_COLORS[kind] in spec, kind


# --- 3. cadence ---------------------------------------------------------------------------------

def test_cadence_has_one_lane_per_channel_by_label_in_both_shapes(tables):
    new = layout_cadence.cadence_layout(tables["cadence"], tables["contacts"], tables["events"])
    assert list(new.lanes["channel"]) == ["leaders", "defense", "security_advisers"]
    assert new.lanes["header"].str.startswith("Leaders (Biden - Netanyahu)").any()
    doubled = pd.concat([tables["cadence"]] * 2, ignore_index=True)
    assert len(layout_cadence.cadence_layout(doubled, tables["contacts"]).lanes) == 3
    old = views_cadence.cadence_channels(cadence_statements())
    assert list(old["channel"]) == ["defense", "leaders"]
    leaders = old.set_index("channel").loc["leaders"]
    assert leaders["previous_gap_days"] == "49" and leaders["stated_gaps"] == "nearly 50 days"
    assert old.set_index("channel").loc["defense", "stated_counts"] == "over 125 times"


def test_cadence_marks_contacts_by_status_and_labels_the_gap(tables):
    layout = layout_cadence.cadence_layout(tables["cadence"], tables["contacts"], tables["events"])
    status = dict(zip(layout.points["event_id"], layout.points["status"], strict=True))
    assert status["e007"] == "blocked" and status["e011"] == "planned"
    assert status["e002"] == "asserted"
    gap = layout.gaps.set_index("channel").loc["leaders"]
    assert gap["text"] == "~49 days without contact (stated)"
    assert gap["last"] == pd.Timestamp("2024-10-09") and gap["first"] == pd.Timestamp("2024-08-21")
    spec = charts_cadence.cadence_chart(tables["cadence"], tables["events"],
                                        contacts=tables["contacts"],
                                        stated=tables["stated_measures"]).to_dict()
    shapes = {json.dumps(m["mark"], sort_keys=True) for m in marks(spec, "point")}
    assert any('"shape": "cross"' in s and '"angle": 45' in s for s in shapes)
    assert any('"fill": "white"' in s and '"filled": false' in s for s in shapes)
    text = svg(charts_cadence.cadence_chart(tables["cadence"], tables["events"],
                                            contacts=tables["contacts"],
                                            stated=tables["stated_measures"]))
    assert "over 125 times during the war" in text and "~49 days without contact" in text


def test_cadence_labels_never_overlap_labels_marks_or_headers(tables):
    crowded = pd.concat([tables["contacts"]] + [
        tables["contacts"].assign(event_id=lambda f, i=i: f["event_id"] + f"x{i}",
                                  status="planned", label="a planned contact with a long name")
        for i in range(3)], ignore_index=True)
    for contacts in (tables["contacts"], crowded):
        layout = layout_cadence.cadence_layout(tables["cadence"], contacts, tables["events"])
        occupied = layout.occupied()
        for a, b in itertools.combinations(layout.labels, 2):
            assert not a.overlaps(b)
        for label in layout.labels:
            assert not any(layout_geometry.boxes_overlap(label, box) for box in occupied)


def test_a_contact_day_close_to_the_one_before_goes_a_row_lower_not_unlabelled():
    """Two held contacts 30 px apart: the second's day cannot sit beside the first's, so it
    hangs a row lower with a leader up to its dot; a third with no free row is left to the
    tooltip; no two days overlap."""
    days = pd.to_datetime(["2025-09-15", "2025-10-08", "2025-10-09"])
    dots = pd.DataFrame({"event_id": ["a", "b", "c"], "status": ["asserted"] * 3,
                         "day": days, "day_end": days, "x": [600.0, 630.0, 634.0],
                         "y": [100.0] * 3})
    labels = layout_cadence.held_day_labels(dots, width=700)
    rows = {b.key: b.row for b in labels}
    assert rows == {"day:a": 0, "day:b": 1}
    assert labels[1].y0 > labels[0].y1 and not labels[0].overlaps(labels[1])


def test_the_as_of_rule_breaks_around_a_label_that_crosses_it(tables):
    """A label whose box spans the as-of day cuts the dotted rule: the rule's stretches
    never enter the label's box, and together they still reach the chart's foot."""
    layout = layout_cadence.cadence_layout(tables["cadence"], tables["contacts"],
                                           tables["events"])
    x = layout_geometry.x_pixels(layout.as_of, layout.start, layout.end, layout.width)
    label = layout_geometry.LabelBox("gap:test", "a label ending at the as-of day", x - 120,
                                     x + 2, 60.0, 72.0, x, 80.0, 0)
    crossed = dataclasses.replace(layout, labels=[*layout.labels, label])
    spans = crossed.as_of_spans(20.0)
    assert len(spans) >= 2 and spans[-1][1] == layout.height
    assert all(y1 <= label.y0 or y0 >= label.y1 for y0, y1 in spans)
    assert layout.as_of_spans(20.0)[0][0] == 20.0


def test_cadence_reads_the_next_planned_columns_and_the_stated_measures():
    assert views_cadence.split_cited("nearly 50 days (d39974e08cc)") == ("nearly 50 days",
                                                                  ["d39974e08cc"])
    assert views_cadence.next_planned({"next_planned_date": "2024-10-12"}) == (
        "", "2024-10-12", "planned")
    tables = brief_tables()
    cad = tables["cadence"].assign(next_planned_label=["", "A and B meet", ""],
                                   next_planned_date=["", "2024-10-09", ""],
                                   next_planned_status=["", ContactStatus.BLOCKED, ""])
    layout = layout_cadence.cadence_layout(cad, None, None, stated=tables["stated_measures"])
    blocked = layout.points[layout.points["status"] == "blocked"]
    assert list(blocked["channel"]) == ["defense"] and list(blocked["label"]) == ["A and B meet"]
    headers = " ".join(layout.lanes["header"])
    assert "over 125 times" in headers and "(d1a2b3c4d5e)" not in headers


def test_a_stated_silence_up_to_now_runs_after_the_last_contact(tables):
    cad = tables["cadence"].assign(last_contact=["2024-08-21", "2024-10-06", "2024-10-04"],
                                   days_since=["49", "3", "5"], previous_gap_days=["50", "", ""])
    gaps = layout_cadence.cadence_layout(cad, tables["contacts"]).gaps
    gap = gaps.set_index("channel").loc["leaders"]
    assert gap["first"] == pd.Timestamp("2024-08-21")
    assert gap["last"] == pd.Timestamp("2024-10-09")  # clamped to the as-of date


# --- 5. corroboration matrix --------------------------------------------------------------------

def test_matrix_columns_are_short_names_with_the_full_name_in_the_tooltip(tables):
    docs = tables["documents"].assign(
        outlet=tables["documents"]["outlet"].replace("Al Mayadeen English",
                                                     "The Very Long Outlet Name Daily"))
    cells = views_sourcing.corroboration_cells(tables["events"], docs, tables["mentions"])
    named = [c for c in cells["column"] if not c.startswith("“")]
    assert max(len(c) for c in named) <= views_outlets.SHORT_OUTLET_CHARS
    assert max(len(c) for c in cells["column"]) <= views_outlets.TITLE_MIN_CHARS
    assert "“PM vetoes…”" in set(cells["column"])
    spec = charts_corroboration.corroboration_matrix(tables["events"], docs,
                                                     tables["mentions"]).to_dict()
    text = json.dumps(spec)
    assert '"labelAngle": -45' in text and "The Very Long Outlet Name Daily" in text


def test_short_outlet_names_are_unique_and_name_unknown_outlets_by_title(tables):
    names = views_outlets.short_outlet_names(["The Jerusalem Post", "unknown outlet (b.txt)",
                                       "unknown outlet (a.txt)", "Ahram Online Weekly X",
                                       "Ahram Online Weekly Y"])
    assert names["The Jerusalem Post"] == "Jerusalem Post"
    assert names["unknown outlet (a.txt)"] == "unknown #1"  # no documents: no title known
    assert names["unknown outlet (b.txt)"] == "unknown #2"
    assert names["Ahram Online Weekly X"] != names["Ahram Online Weekly Y"]
    titled = views_outlets.short_outlet_names(["unknown outlet (003_digest.txt)"],
                                              tables["documents"], limit=40)
    assert titled["unknown outlet (003_digest.txt)"] == "“Administration grows distrustful”"


def test_matrix_row_labels_keep_about_forty_characters(tables):
    events = tables["events"].assign(label="An event label that is long enough to be cut off")
    spec = json.dumps(charts_corroboration.corroboration_matrix(events,
                                                                tables["documents"]).to_dict())
    assert "An event label that is long enough" in spec


# --- 6. notice ledger ---------------------------------------------------------------------------

def test_notice_ledger_is_sorted_by_date_and_shows_accounts_by_outlet(tables):
    ledger = tables["notice_ledger"].iloc[::-1].reset_index(drop=True)
    ledger["accounts"] = ["", "none: d1a2b3c4d5e, d4d5e6f7081", "", "", ""]
    spec = charts_notice.notice_ledger_chart(ledger, tables["documents"]).to_dict()
    rows = [r["row"] for r in next(iter(spec["datasets"].values()))]
    assert rows[0].startswith("31 Jul") and rows[-1].startswith("undated")
    assert "none: The Jerusalem Post, “Administration grows distrustful”" in json.dumps(
        spec, ensure_ascii=False)
    readable = "minutes: The Jerusalem Post (2024-09-29); none: Caliber.Az (2024-10-08)"
    assert views_notice.accounts_text(readable, tables["documents"]) == readable


def _ledger_rows(tables, label: str, width: int) -> tuple[list[str], dict]:
    ledger = tables["notice_ledger"].assign(label=label)
    spec = charts_notice.notice_ledger_chart(ledger, tables["documents"], width=width).to_dict()
    vl_convert.vegalite_to_svg(spec)
    return [r["row"] for r in next(iter(spec["datasets"].values()))], spec


def test_notice_ledger_labels_wrap_whole_instead_of_being_cut(tables):
    long = "Israeli Defence Forces airstrikes on the central headquarters of an armed group"
    rows, spec = _ledger_rows(tables, long, style.PLOT_WIDTH)
    assert all("…" not in row and row.endswith("armed group") for row in rows)
    assert all("\n" in row for row in rows)  # drawn on several lines: the axis splits them
    assert "split(datum.value" in json.dumps(spec)


def test_notice_ledger_label_lines_fit_a_phone(tables):
    rows, spec = _ledger_rows(tables, "Israeli Defence Forces airstrikes on the central "
                              "headquarters of an armed group", style.NARROW_WIDTH)
    limit = next(a["labelLimit"] for a in _axes(spec) if "labelLimit" in a)
    assert all(len(line) * style.CHAR_PX + 8 <= limit + style.CHAR_PX
               for row in rows for line in row.split("\n"))
    assert all(row.count("\n") < charts_notice.LABEL_LINES for row in rows)


def _axes(spec) -> list[dict]:
    found = []
    if isinstance(spec, dict):
        found += [spec["axis"]] if isinstance(spec.get("axis"), dict) else []
        for value in spec.values():
            found += _axes(value)
    elif isinstance(spec, list):
        for value in spec:
            found += _axes(value)
    return found


def test_cadence_chart_accepts_contacts_in_the_events_position(tables):
    by_keyword = charts_cadence.cadence_chart(tables["cadence"],
                                              contacts=tables["contacts"]).to_dict()
    by_position = charts_cadence.cadence_chart(tables["cadence"], tables["contacts"]).to_dict()
    assert json.dumps(by_keyword, sort_keys=True) == json.dumps(by_position, sort_keys=True)


# --- timeline: every key event labelled or numbered, lanes hold their stacks --------------------

def lane_case() -> pd.DataFrame:
    """A point near the left edge and two close points on the right with long labels."""
    rows = [("e1", "2024-07-31", "A leader of a group is killed abroad in a night raid"),
            ("e2", "2024-09-17", "Devices used by a militia explode across a country"),
            ("e3", "2024-09-27", "The militia's long-time leader is killed in his capital")]
    return pd.DataFrame([{"event_id": i, "date": d, "date_earliest": d, "date_latest": d,
                          "date_precision": "day", "date_basis": "stated", "label": t,
                          "lane": "operations", "operation": "True", "notice": "none",
                          "n_origins": "1", "n_documents": "1"} for i, d, t in rows])


def assert_clear(layout):
    boxes = layout.labels + layout.numbers
    marks = layout.occupied()
    for a, b in itertools.combinations(boxes, 2):
        assert not layout_geometry.boxes_overlap(a, b), (a, b)
    for box in boxes:
        assert not any(layout_geometry.boxes_overlap(box, m) for m in marks), box
        assert 0 <= box.x0 and box.x1 <= layout.width + 0.01
    y = dict(zip(layout.points["event_id"], layout.points["y"], strict=True))
    for label in layout.labels:  # a leader crosses no other label and no other point
        lo, hi = sorted((label.y0 if label.below else label.y1, y[label.key]))
        for other in boxes:
            if other is not label and other.y0 < hi and lo < other.y1:
                assert not other.x0 <= label.anchor_x <= other.x1, (label, other)
        for r in layout.points.itertuples():
            if r.event_id != label.key and abs(r.x - label.anchor_x) < r.radius:
                assert not (r.y - r.radius < hi and lo < r.y + r.radius), (label, r.event_id)


def test_left_point_and_two_close_right_points_are_all_labelled():
    layout = layout_timeline.timeline_layout(lane_case(), "2024-07-01", "2024-10-31")
    assert {b.key for b in layout.labels} == {"e1", "e2", "e3"}
    assert not layout.numbers and not layout.footnotes
    assert_clear(layout)


def test_real_like_timeline_labels_every_operation(tables):
    layout = layout_timeline.timeline_layout(tables["events"], "2024-07-01", "2024-10-31",
                                    crisis=("2024-09-17", "2024-10-09"))
    ops = set(layout.points.loc[layout.points["lane"] == "operations", "event_id"])
    assert ops <= {b.key for b in layout.labels} | {b.key for b in layout.numbers}
    assert_clear(layout)


def test_events_no_label_fits_get_a_number_and_a_key_line():
    crowd = pd.concat([lane_case()] * 4, ignore_index=True)
    crowd["event_id"] = [f"e{i:02d}" for i in range(len(crowd))]
    crowd["date"] = crowd["date_earliest"] = crowd["date_latest"] = "2024-09-27"
    layout = layout_timeline.timeline_layout(crowd, "2024-07-01", "2024-10-31",
                                    key_event_ids=list(crowd["event_id"]))
    labelled = {b.key for b in layout.labels}
    assert len(labelled) + len(layout.footnotes) == len(crowd)
    assert layout.footnotes and all(" = " in f and "2024" in f for f in layout.footnotes)
    assert_clear(layout)
    spec = charts_timeline.timeline(crowd, "2024-07-01", "2024-10-31",
                           key_event_ids=list(crowd["event_id"])).to_dict()
    assert [t.replace("\u00a0", " ") for t in spec["title"]["text"]] == layout.footnotes


def test_stacked_points_stay_inside_their_lane_and_empty_lanes_are_left_out(tables):
    base = tables["events"].iloc[5]
    crowd = pd.DataFrame([base] * 8).reset_index(drop=True)
    crowd["event_id"] = [f"e{i:03d}" for i in range(8)]
    crowd["lane"] = "contacts"
    crowd = pd.concat([crowd, lane_case()], ignore_index=True)
    layout = layout_timeline.timeline_layout(crowd, START_WIDE, END_WIDE)
    assert list(layout.lanes["lane"]) == ["operations", "contacts"]
    for lane in layout.lanes.itertuples():
        pts = layout.points[layout.points["lane"] == lane.lane]
        assert (pts["y"] + pts["radius"] <= lane.bottom).all()
        assert (pts["y"] - pts["radius"] >= lane.top + style.BOX_PX).all()
    assert_clear(layout)


START_WIDE, END_WIDE = "2024-07-01", "2024-10-31"




def test_time_axis_ticks_leave_room_for_their_labels():
    import pandas as pd

    for start, end in (("2024-10-01", "2024-10-31"), ("2024-07-01", "2024-10-31"),
                       ("2024-10-01", "2024-10-03"), ("2023-01-01", "2024-12-31")):
        lo, hi = pd.Timestamp(start), pd.Timestamp(end)
        ticks = layout_ticks.time_ticks(lo, hi, 600)
        assert 2 <= len(ticks) <= 600 // 64
        span = (hi - lo).total_seconds() * 1000
        gaps = [(b - a) / span * 600 for a, b in zip(ticks, ticks[1:], strict=False)]
        assert min(gaps) >= 64 - 1e-6, (start, end, gaps)
        assert all(views_cells.epoch_ms(lo) <= t <= views_cells.epoch_ms(hi) for t in ticks)


def test_a_stated_silence_without_a_dated_contact_ends_at_the_time_of_writing(tables):
    """'have not spoken in nearly 50 days' and no dated call: the bar still shows the gap."""
    cad = tables["cadence"].assign(last_contact=["", "2024-10-06", "2024-10-04"],
                                   days_since=["", "3", "5"], previous_gap_days=["50", "", ""])
    gaps = layout_cadence.cadence_layout(cad, tables["contacts"]).gaps
    gap = gaps.set_index("channel").loc["leaders"]
    as_of = pd.Timestamp(cad.set_index("channel").loc["leaders", "as_of"])
    assert gap["last"] == as_of and gap["first"] == as_of - pd.Timedelta(days=50)
    no_date = cad.assign(as_of="")
    no_gaps = layout_cadence.cadence_layout(no_date, tables["contacts"]).gaps
    assert "leaders" not in set(no_gaps["channel"])


def test_sourcing_rows_do_not_grow_with_the_corpus():
    counts = pd.DataFrame({"outlet": [f"Outlet {i:02d}" for i in range(30)],
                           "outlet_full": [f"Outlet {i:02d}" for i in range(30)],
                           "speaker_type": "anonymous_official", "count": range(1, 31)})
    rows = charts_sourcing.top_rows(counts)
    assert rows["outlet"].nunique() == charts_sourcing.MAX_ROWS
    assert rows["count"].sum() == counts["count"].sum()
    assert "other sources (19)" in set(rows["outlet"]) and "Outlet 29" in set(rows["outlet"])


def test_matrix_columns_are_bounded_whatever_the_number_of_outlets():
    from trustbrief.brief.charts.corroboration import MAX_COLUMNS, bounded_columns

    cells = pd.DataFrame({"event_id": [f"e{i % 3}" for i in range(40)],
                          "column": [f"Outlet {i:02d}" for i in range(40)],
                          "outlet": [f"Outlet {i:02d}" for i in range(40)],
                          "kind": ["rewrite citing another outlet"] * 39 + ["independent origin"]})
    bounded = bounded_columns(cells)
    assert bounded["column"].nunique() == MAX_COLUMNS
    others = bounded[bounded["column"].str.startswith("other outlets")]
    assert set(others["column"]) == {f"other outlets ({40 - MAX_COLUMNS + 1})"}
    assert "independent origin" in set(others["kind"])  # an origin among them stays one


def test_other_sources_row_never_sets_the_scale():
    """Summed over many sources, 'other sources' would dwarf every real bar: it leaves the
    chart (told in a line under it) and the scale is the longest real row's."""
    counts = pd.DataFrame({"outlet": [f"Outlet {i:02d}" for i in range(30)],
                           "outlet_full": [f"Outlet {i:02d}" for i in range(30)],
                           "speaker_type": "anonymous_official", "count": range(1, 31)})
    spec = charts_sourcing.speaker_bars(counts, x_title="claims", unit="claims").to_dict()
    rows = [r for d in spec["datasets"].values() for r in d]
    assert not any(r["outlet"].startswith("other sources") for r in rows)
    assert max(r["x1"] for r in rows) == 30
    assert "other sources (19), 190 claims (190 anonymous official)" in " ".join(
        spec["title"]["text"])
    few = counts.iloc[:13]  # others: 1 + 2 = 3 claims, shorter than the longest row
    spec = charts_sourcing.speaker_bars(few, x_title="claims", unit="claims").to_dict()
    assert any(r["outlet"].startswith("other sources") for d in spec["datasets"].values()
               for r in d) and "title" not in spec


def test_cadence_draws_silences_between_dated_contacts_and_no_empty_lanes():
    tables = brief_tables()
    contacts = tables["contacts"].copy()
    contacts.loc[contacts["event_id"] == "e006", "date"] = "2024-09-01"  # advisers: 1 Sep ...
    extra = contacts[contacts["event_id"] == "e006"].assign(event_id="e020", date="2024-10-04")
    contacts = pd.concat([contacts, extra], ignore_index=True)  # ... and 4 Oct: 33 days apart
    cadence = pd.concat([tables["cadence"], tables["cadence"].iloc[[1]].assign(
        channel="foreign", channel_label="Foreign ministers (A - B)", last_contact="",
        days_since="")], ignore_index=True)  # a channel without any contact
    layout = layout_cadence.cadence_layout(cadence, contacts, since="2024-07-01",
                                           stated=tables["stated_measures"])
    assert "foreign" not in set(layout.lanes["channel"])
    assert layout.start == pd.Timestamp("2024-07-01")  # the axis is the brief's period
    measured = layout.gaps[layout.gaps["channel"] == "security_advisers"]
    assert list(measured["days"]) == [33]
    assert measured["text"].iloc[0] == "33 days without a dated contact"
    # a measured silence that began before the period says since when
    early = layout_cadence.cadence_layout(cadence, contacts, since="2024-09-15",
                                          stated=tables["stated_measures"])
    clipped = early.gaps[early.gaps["channel"] == "security_advisers"]
    assert clipped["text"].iloc[0] == "no dated contact since 1 Sep 2024 (33 days)"
    label = next(b for b in early.labels if b.key == "gap:security_advisers")
    assert label.text == clipped["text"].iloc[0]  # whole, never cut
    # the leaders' stated silence covers 21 Aug - 9 Oct: no second bar over the same stretch
    assert len(layout.gaps[layout.gaps["channel"] == "leaders"]) == 1


def test_repeated_stated_counts_read_once_and_a_one_day_gap_is_no_silence():
    assert views_cadence.stated_items("over 125 times (d1a2b3c4d5e);over 125 times "
                                      "(d2b3c4d5e6f);two months") == ["over 125 times",
                                                                       "two months"]
    assert views_cadence.gap_text(1, "stated") == "~1 day without contact (stated)"
    channels = views_cadence.cadence_channels(brief_tables()["cadence"]).assign(
        previous_gap_days=["49", "1", ""], previous_gap_basis=["stated", "events", ""])
    gaps = views_cadence.gap_rows(channels)
    assert list(gaps["channel"]) == ["leaders"]  # the defense chiefs' 1-day gap is not drawn


def test_notice_tally_reads_as_words_not_level_names():
    notices = pd.Series(["none", "minutes", "none", "unknown"])
    assert views_notice.notice_tally(notices) == (
        "2 with no notice, 1 with minutes of notice, 1 with no account of notice")


def test_timeline_lanes_are_headed_by_what_they_hold_and_an_actorless_operation_is_unknown():
    """The contacts lane holds protests and restrictions too, the third-party lane acts of
    the pair's own sides: headed 'contacts and diplomacy' and 'other actions'. An operation
    no article gives an actor is drawn as notice unknown (as the notice finding counts it),
    never as 'not applicable'."""
    events = brief_tables()["events"]
    op = events[events["lane"] == "operations"].iloc[[0]]
    actorless = op.assign(event_id="e090", agent="", agent_side="", notice="n/a")
    others = events.assign(lane=events["lane"].where(events["lane"] != "operations",
                                                     "third-party actions"))
    frame = pd.concat([others, actorless], ignore_index=True)
    spec = json.dumps(charts_timeline.timeline(frame, "2024-07-01", "2024-10-31").to_dict())
    assert "contacts and diplomacy" in spec and "other actions" in spec
    assert "third-party actions" not in spec.replace('"lane": "third-party actions"', "")
    drawn = charts_timeline.timeline_layout(frame, "2024-07-01", "2024-10-31").points
    assert drawn.set_index("event_id").loc["e090", "notice"] == "unknown"


def test_an_event_dated_to_a_month_is_shown_as_the_month_never_a_day():
    """'sent a letter in April': the timeline's date text names the month, not 1 April."""
    from trustbrief.brief.views.events import date_text, event_frame

    events = pd.DataFrame([{"event_id": "e1", "label": "Letter", "date": "2024-04-01",
                            "date_earliest": "2024-04-01", "date_latest": "2024-04-30",
                            "date_precision": "month", "date_basis": "explicit",
                            "event_type": "demand", "lane": "contacts", "operation": False}])
    row = event_frame(events).iloc[0]
    assert date_text(row) == "April 2024; explicit, month"
    assert (row["first"].day, row["day"].day, row["last"].day) == (1, 15, 30)  # mark mid-month


def test_an_event_dated_only_to_a_month_is_shown_by_its_month_never_its_first_day(tables):
    """'the February cyberattack': the notice ledger's and the corroboration chart's row
    says 'Feb', the cadence chart draws a month-dated contact mid-month over the month, and
    the silence before it is a minimum ('at least')."""
    from trustbrief.brief.views.notice import with_precision

    events = tables["events"].copy()
    first = events["event_id"] == events["event_id"].iloc[0]
    events.loc[first, ["date", "date_earliest", "date_latest", "date_precision"]] = [
        "2024-09-01", "2024-09-01", "2024-09-30", "month"]
    event_id = events.loc[first, "event_id"].iloc[0]
    ledger = tables["notice_ledger"].assign(event_id=event_id, date="2024-09-01")
    rows = charts_notice.ledger_rows(with_precision(ledger, events), tables["documents"], 60)
    assert all(row.startswith("Sep · ") for row in rows["row"])
    assert views_cells.short_day("2024-09-01", "month") == "Sep"
    assert views_cells.short_day("2024-09-01") == "1 Sep"
    spec = charts_corroboration.corroboration_matrix(events, tables["documents"],
                                                     tables["mentions"]).to_dict()
    labels = {r.get("row") for data in spec["datasets"].values() for r in data}
    assert any(str(r).startswith("Sep · ") for r in labels) and not any(
        str(r).startswith("1 Sep · ") for r in labels)
    points = pd.DataFrame([
        {"channel": "c", "event_id": "a", "status": "asserted",
         "day": pd.Timestamp("2024-05-20"), "day_end": pd.Timestamp("2024-05-20")},
        {"channel": "c", "event_id": "b", "status": "asserted",
         "day": pd.Timestamp("2024-09-01"), "day_end": pd.Timestamp("2024-09-30")},
        {"channel": "c", "event_id": "d", "status": "asserted",
         "day": pd.Timestamp("2024-10-20"), "day_end": pd.Timestamp("2024-10-20")}])
    silences = views_cadence.contact_silences(points)
    assert list(silences["days"]) == [104, 20] and list(silences["at_least"]) == [True, True]
    gaps = layout_cadence.measured_gaps(points, pd.DataFrame(
        columns=["channel", "first", "last", "days", "basis", "text", "stated", "evidence"]))
    assert list(gaps["text"]) == ["at least 104 days without a dated contact",
                                  "at least 20 days without a dated contact"]


# --- timeline: a dense day still numbers every point -------------------------------------------

def dense_days() -> pd.DataFrame:
    """Three events on one day, neighbours two and seven days either side, long labels:
    labels fill the rows above and below, and no spot right beside the stack is free."""
    days = ["2024-09-29", "2024-10-02", "2024-10-02", "2024-10-02", "2024-10-04",
            "2024-10-04", "2024-10-09", "2024-10-13", "2024-10-13", "2024-09-26",
            "2024-10-01", "2024-10-06"]
    rows = [(f"d{i:02d}", day, f"An official of one side says a long thing, item {i}")
            for i, day in enumerate(days)]
    frame = pd.DataFrame([{"event_id": i, "date": d, "date_earliest": d, "date_latest": d,
                           "date_precision": "day", "date_basis": "stated", "label": t,
                           "lane": "contacts", "operation": "False", "notice": "n/a",
                           "n_origins": "1", "n_documents": "1"} for i, d, t in rows])
    frame.loc[4, "n_origins"] = "6"  # one big point beside the stack
    return frame


def test_every_point_of_a_dense_day_gets_a_tag_clear_of_everything():
    layout = layout_timeline.timeline_layout(dense_days(), START_WIDE, END_WIDE)
    assert layout.numbers and not layout.unmarked
    assert not any("not marked" in line for line in layout.footnotes)
    assert {b.key for b in layout.labels + layout.numbers} == set(dense_days()["event_id"])
    assert_clear(layout)
    y = dict(zip(layout.points["event_id"], layout.points["y"], strict=True))
    leaders = layout_tags.label_leaders(layout.labels, y)
    marks = [(r.event_id, layout_geometry.Box(r.x - r.radius, r.x + r.radius, r.y - r.radius,
                                              r.y + r.radius)) for r in layout.points.itertuples()]
    for tag in layout.numbers:  # no tag on a label's leader; a tag's leader crosses no point
        assert not any(layout_tags.crosses(line, tag) for line in leaders), tag
    for line in layout.tag_leaders:
        own = [k for k, m in marks if layout_tags.crosses(line, m, pad=0.5)]
        assert len(own) == 1, (line, own)  # it touches its own point only
        assert sum(layout_tags.crosses(line, b, pad=0.5) for b in layout.labels) == 0
        assert sum(layout_tags.crosses(line, b, pad=0.5) for b in layout.numbers) == 1


def test_a_held_contact_shows_its_day_under_its_dot_clear_of_the_other_labels(tables):
    layout = layout_cadence.cadence_layout(tables["cadence"], tables["contacts"], tables["events"])
    held = layout.points[layout.points["status"] == "asserted"]
    days = {b.key: b for b in layout.labels if b.below}
    box = days["day:e002"]
    dot = held.set_index("event_id").loc["e002"]
    # the day, or the short span its event is dated to, as the findings tell it ('19–23 Aug';
    # the lane says who, the axis the year)
    assert box.text == "19–23 Aug"
    assert views_cells.range_text(dot["span_start"], dot["span_end"]) == "19–23 Aug 2024"
    assert box.x0 <= dot["x"] <= box.x1 and box.y0 > dot["y"]  # centred under it
    for a, b in itertools.combinations(layout.labels, 2):
        assert not layout_geometry.boxes_overlap(a, b), (a, b)
    lane = layout.lanes.set_index("channel")
    for b in days.values():  # inside its own lane
        own = held.loc[held["event_id"] == b.key[4:], "channel"].iloc[0]
        assert lane.loc[own, "top"] < b.y0 and b.y1 < lane.loc[own, "bottom"]


def test_a_lane_label_starts_or_ends_at_its_point_never_pushed_past_it():
    """A label near the chart's right edge with no room on its right is not pushed back
    over its point (the reader takes it for a neighbour's): every place offered to it
    ends at its point; one with room on neither side is offered none (it is numbered)."""
    from trustbrief.brief.layout.geometry import Box
    from trustbrief.brief.layout.lanes import ANCHOR_SLACK_PX, _lane_candidates
    text = "Two leaders meet in a capital"
    marks = [("b", Box(555.0, 565.0, 7.0, 17.0))]
    offered = [box for _, box in _lane_candidates("b", text, 560.0, 600.0, [560.0], 2, marks, 2)]
    assert offered and all(b.align == "right" for b in offered)
    assert all(b.anchor_x <= b.x1 <= b.anchor_x + ANCHOR_SLACK_PX for b in offered)
    # a label longer than the room on either side of a point in the middle: none offered
    long = "w" * 70
    assert _lane_candidates("m", long, 300.0, 600.0, [300.0], 2,
                            [("m", Box(295.0, 305.0, 7.0, 17.0))], 2) == []


def test_a_wide_silence_label_leaves_the_contact_at_its_bar_end_room_for_its_own_label():
    """A silence too wide to centre hangs near its bar's end, not on it: the planned contact
    drawn there keeps its label ('planned 9 Oct: ...' above '~50 days without contact')."""
    gap = "~50 days without contact (stated)"
    anchor = layout_cadence._gap_anchor(265.0, 587.0, gap, 600.0)
    text, x0, _ = layout_geometry.side_box(gap, anchor, 600.0, "right")
    assert x0 + layout_geometry.text_width(text) < 587.0 - 2
    planned = ("leaders:e1:planned", 587.0, "planned 9 Oct: A and B speak by phone")
    boxes = layout_geometry.pack_labels([("gap:leaders", anchor, gap), planned], 600.0,
                                        base_y=0.0, max_rows=2)
    assert {b.key for b in boxes} == {"gap:leaders", "leaders:e1:planned"}


def test_two_points_with_one_label_are_told_apart_by_their_day(tables):
    """A label two drawn events share (a leaders' meeting at a summit and another in
    October) gets each one's day, so a reader can tell which label is which point."""
    events = tables["events"].copy()
    calls = events[events["event_id"].isin(["e002", "e008"])]
    events.loc[calls.index, "label"] = "Joe Biden and Benjamin Netanyahu speak by phone"
    layout = layout_timeline.timeline_layout(events, "2024-07-01", "2024-10-31")
    texts = {b.key: b.text for b in layout.labels}
    shown = [texts[e] for e in ("e002", "e008") if e in texts]
    assert shown and all(t.endswith(")") and "(" in t for t in shown)
    assert len(set(shown)) == len(shown)
    # a label no other point carries is left as it is
    assert all("(" not in t for k, t in texts.items() if k not in ("e002", "e008"))


def test_cadence_with_every_contact_before_the_period_draws_no_dot_and_builds():
    tables = brief_tables()
    contacts = tables["contacts"].assign(date="2023-01-05")  # all a year and more before
    layout = layout_cadence.cadence_layout(tables["cadence"], contacts, since="2024-07-01",
                                           stated=tables["stated_measures"])
    assert layout.points.empty and layout.start == pd.Timestamp("2024-07-01")
