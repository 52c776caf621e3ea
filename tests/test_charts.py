"""Charts: valid specs on realistic and empty tables, fixed colours, labels that never overlap."""

from __future__ import annotations

import itertools
import re

import altair as alt
import pandas as pd
import pytest
import vl_convert
from hypothesis import given, settings
from hypothesis import strategies as st

from fixtures.brief_tables import brief_tables
from trustbrief.brief import style
from trustbrief.brief.charts import cadence as charts_cadence
from trustbrief.brief.charts import corroboration as charts_corroboration
from trustbrief.brief.charts import notice as charts_notice
from trustbrief.brief.charts import sourcing as charts_sourcing
from trustbrief.brief.charts import statements as charts_statements
from trustbrief.brief.charts import timeline as charts_timeline
from trustbrief.brief.layout import geometry as layout_geometry
from trustbrief.brief.layout import timeline as layout_timeline
from trustbrief.brief.views import events as views_events
from trustbrief.brief.views import outlets as views_outlets
from trustbrief.brief.views import sourcing as views_sourcing
from trustbrief.brief.views import statements as views_statements

START, END = "2024-07-15", "2024-10-15"
CRISIS = ("2024-09-17", "2024-10-09")


@pytest.fixture(scope="module")
def tables():
    return brief_tables()


def statements_of(t: dict) -> pd.DataFrame:
    return views_statements.trust_statements(t.get("trust_signals"), t.get("claims"),
                                             t.get("documents"), "US->Israel")


def build_all(t: dict) -> dict[str, alt.TopLevelMixin]:
    return {
        "timeline": charts_timeline.timeline(t.get("events"), START, END, crisis=CRISIS),
        "statements": charts_statements.statements_chart(statements_of(t)),
        "notice": charts_notice.notice_ledger_chart(t.get("notice_ledger"), t.get("documents")),
        "cadence": charts_cadence.cadence_chart(t.get("cadence"), t.get("events"), "2024-10-09",
                                        contacts=t.get("contacts")),
        "matrix": charts_corroboration.corroboration_matrix(t.get("events"), t.get("documents"),
                                              t.get("mentions")),
        "sourcing": charts_sourcing.sourcing_chart(t.get("sourcing")),
        "sourcing_claims": charts_sourcing.sourcing_chart(t.get("claims"), t.get("documents")),
        "framing": charts_sourcing.framing_chart(t.get("actor_mentions"), t.get("documents")),
    }


def svg_width(svg: str) -> float:
    return float(re.search(r'<svg[^>]*\swidth="([\d.]+)"', svg).group(1))


def find_scales(spec, channel: str) -> list[dict]:
    """Every scale given for an encoding channel, anywhere in a spec."""
    found = []
    if isinstance(spec, dict):
        enc = spec.get("encoding", {})
        if channel in enc:
            entry = enc[channel]
            for part in [entry, entry.get("condition", {})] if isinstance(entry, dict) else []:
                if isinstance(part, dict) and isinstance(part.get("scale"), dict):
                    found.append(part["scale"])
        for value in spec.values():
            found += find_scales(value, channel)
    elif isinstance(spec, list):
        for value in spec:
            found += find_scales(value, channel)
    return found


# --- every chart renders ------------------------------------------------------------------------

def test_every_chart_renders_on_the_fixture_within_a4_width(tables):
    style.use_theme()
    for name, chart in build_all(tables).items():
        spec = chart.to_dict()
        svg = vl_convert.vegalite_to_svg(spec)
        assert "no data" not in svg.lower(), name
        assert svg_width(svg) <= style.MAX_WIDTH, (name, svg_width(svg))


@pytest.mark.parametrize("empty", [None, pd.DataFrame()])
def test_every_chart_renders_a_note_on_empty_tables(empty):
    names = ("events", "trust_signals", "notice_ledger", "cadence", "documents", "mentions",
             "sourcing", "claims", "actor_mentions")
    for name, chart in build_all(dict.fromkeys(names, empty)).items():
        svg = vl_convert.vegalite_to_svg(chart.to_dict())
        assert re.search(r"No |no contact|the same way", svg), name


def test_charts_cope_with_missing_optional_columns(tables):
    events = tables["events"].drop(columns=["lane", "origins", "outlets", "date_basis",
                                            "date_precision", "evidence"])
    ledger = tables["notice_ledger"].drop(columns=["accounts", "evidence"])
    for chart in (charts_timeline.timeline(events, START, END),
                  charts_notice.notice_ledger_chart(ledger),
                  charts_corroboration.corroboration_matrix(events, tables["documents"])):
        vl_convert.vegalite_to_svg(chart.to_dict())


def test_theme_is_registered_and_sets_system_fonts(tables):
    style.use_theme()
    assert alt.theme.active == style.THEME_NAME
    config = charts_notice.notice_ledger_chart(tables["notice_ledger"]).to_dict()["config"]
    assert config["font"] == style.FONT
    assert config["view"]["stroke"] is None


# --- fixed colours ------------------------------------------------------------------------------

def test_notice_colours_are_the_same_in_every_chart(tables):
    expected = {"domain": list(style.NOTICE_COLORS), "range": list(style.NOTICE_COLORS.values())}
    timeline = charts_timeline.timeline(tables["events"], START, END).to_dict()
    ledger = charts_notice.notice_ledger_chart(tables["notice_ledger"]).to_dict()
    scales = (find_scales(timeline, "stroke") + find_scales(timeline, "fill")
              + find_scales(ledger, "color"))
    notice_scales = [s for s in scales if "none" in s.get("domain", [])]
    assert len(notice_scales) >= 3
    for scale in notice_scales:  # legends list the classes drawn, each in its fixed colour
        assert set(scale["domain"]) <= set(expected["domain"])
        assert scale["range"] == [style.NOTICE_COLORS[n] for n in scale["domain"]]


def test_notice_colours_do_not_depend_on_which_classes_occur(tables):
    only_minutes = tables["notice_ledger"].assign(notice="minutes")
    spec = charts_notice.notice_ledger_chart(only_minutes).to_dict()
    (scale,) = find_scales(spec, "color")
    assert scale["range"][scale["domain"].index("minutes")] == style.NOTICE_COLORS["minutes"]
    assert scale["domain"] == list(style.NOTICE_ORDER)


def test_speaker_colours_are_fixed_for_both_sourcing_inputs(tables):
    for chart in (charts_sourcing.sourcing_chart(tables["sourcing"]),
                  charts_sourcing.sourcing_chart(tables["claims"], tables["documents"])):
        (scale,) = find_scales(chart.to_dict(), "color")
        kinds = {v: k for k, v in style.SPEAKER_LABELS.items()}
        assert scale["range"] == [style.SPEAKER_COLORS[kinds[d]] for d in scale["domain"]]


def test_palette_is_okabe_ito_and_side_colours_follow_the_order_given():
    colors = style.side_colors(["Observer", "Subject", "Third", "Observer"])
    assert list(colors) == ["Observer", "Subject", "Third"]
    assert set(colors.values()) <= set(style.OKABE_ITO.values()) | {style.GREY}
    assert colors["Observer"] == style.side_colors(["Observer", "Other"])["Observer"]
    assert len(set(colors.values())) == 3
    assert len(set(style.NOTICE_COLORS.values())) == len(style.NOTICE_COLORS)


# --- timeline -----------------------------------------------------------------------------------

def assert_no_overlaps(layout: layout_timeline.TimelineLayout):
    for a, b in itertools.combinations(layout.labels, 2):
        assert not layout_geometry.boxes_overlap(a, b), (a, b)
    for label in layout.labels:
        assert 0 <= label.x0 and label.x1 <= layout.width + 0.01, label
        assert 0 <= label.y0 and label.y1 <= layout.height, label
        assert label.x0 - 0.01 <= label.anchor_x <= label.x1 + 0.01, label
        for box in layout.occupied():
            assert not layout_geometry.boxes_overlap(label, box), (label, box)
        # A leader runs from the label down to its point: it crosses no other label.
        for other in layout.labels:
            if other is not label and other.y0 > label.y1 - 0.01 and other.y1 < label.anchor_y:
                assert not other.x0 <= label.anchor_x <= other.x1, (label, other)
    for (_, a), (_, b) in itertools.combinations(layout.headers, 2):
        assert not layout_geometry.boxes_overlap(a, b), (a, b)


def test_timeline_labels_never_overlap_each_other_or_the_marks(tables):
    layout = layout_timeline.timeline_layout(tables["events"], START, END, crisis=CRISIS)
    assert len(layout.labels) >= 5
    assert_no_overlaps(layout)


def test_timeline_labels_all_operations_by_default(tables):
    layout = layout_timeline.timeline_layout(tables["events"], START, END)
    ops = set(layout.points.loc[layout.points["lane"] == "operations", "event_id"])
    assert ops and ops <= {b.key for b in layout.labels}
    assert len(layout.labels) <= 9


def test_crowded_timeline_still_has_no_overlaps(tables):
    base = tables["events"].iloc[3]  # a dated operation
    crowd = pd.DataFrame([base] * 12).reset_index(drop=True)
    crowd["event_id"] = [f"e{i:03d}" for i in range(12)]
    crowd["label"] = [f"Long invented event label number {i} for crowding" for i in range(12)]
    layout = layout_timeline.timeline_layout(crowd, START, END,
                                             key_event_ids=list(crowd["event_id"]))
    assert 1 <= len(layout.labels) <= 12
    assert_no_overlaps(layout)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 600), st.text("abcdefgh ", min_size=1, max_size=70)),
                min_size=1, max_size=12))
def test_pack_labels_never_overlaps(items):
    boxes = layout_geometry.pack_labels([(f"k{i}", x, t) for i, (x, t) in enumerate(items)],
                                        600, 100.0)
    for a, b in itertools.combinations(boxes, 2):
        assert not layout_geometry.boxes_overlap(a, b)
        lower, upper = (a, b) if a.row < b.row else (b, a)
        if lower.row != upper.row:
            assert not lower.x0 <= upper.anchor_x <= lower.x1  # leader crosses no lower label
    for box in boxes:
        assert 0 <= box.x0 and box.x1 <= 600.01 and box.y1 <= 100.0


def test_timeline_separates_undated_events_and_marks_uncertain_dates(tables):
    undated = views_events.undated_events(tables["events"])
    assert list(undated["event_id"]) == ["e010"]
    layout = layout_timeline.timeline_layout(tables["events"], START, END)
    assert "e010" not in set(layout.points["event_id"])
    certainty = dict(zip(layout.points["event_id"], layout.points["certainty"], strict=True))
    assert certainty["e004"] == style.STATED_MARK  # explicit, one day
    assert certainty["e005"] == style.UNCERTAIN_MARK  # relative to an inferred date
    assert certainty["e009"] == style.UNCERTAIN_MARK  # a month-long range


def test_a_date_range_is_drawn_only_when_it_shows_past_its_point(tables):
    """A month-long range runs past its point and is drawn; a two-day range on a
    five-month axis would end under the point or show as a speck beside it: not drawn
    (its tooltip still gives the range in words)."""
    events = tables["events"].copy()
    row = events["event_id"] == "e004"
    events.loc[row, "date_latest"] = (pd.Timestamp(events.loc[row, "date"].iloc[0])
                                      + pd.Timedelta(days=1)).strftime("%Y-%m-%d")
    layout = layout_timeline.timeline_layout(events, START, END)
    drawn = dict(zip(layout.points["event_id"], layout.points["range_drawn"], strict=True))
    ranged = dict(zip(layout.points["event_id"], layout.points["ranged"], strict=True))
    assert ranged["e004"] and not drawn["e004"]
    assert ranged["e009"] and drawn["e009"]
    assert "–" in views_events.date_text(layout.points.set_index("event_id").loc["e004"])


def test_an_estimated_date_range_is_drawn_only_when_a_whole_dash_shows(tables):
    """A dashed (estimated) range running a few px past its point shows as a stray tick:
    drawn only when a dash, its gap and another dash show; a stated range of the same
    length is a solid bar and is drawn."""
    events = tables["events"].copy()
    row = events["event_id"] == "e004"
    day = pd.Timestamp(events.loc[row, "date"].iloc[0])
    events.loc[row, "date_earliest"] = day.strftime("%Y-%m-%d")
    events.loc[row, "date_latest"] = (day + pd.Timedelta(days=2)).strftime("%Y-%m-%d")
    points = {}
    for basis in ("explicit", "reported"):
        events.loc[row, "date_basis"] = basis
        layout = layout_timeline.timeline_layout(events, START, END)
        points[basis] = layout.points.set_index("event_id").loc["e004"]
    past = points["explicit"]["x_last"] - points["explicit"]["x"] - points["explicit"]["radius"]
    assert layout_timeline.RANGE_SHOWS_PX < past < layout_timeline.DASHED_RANGE_SHOWS_PX
    assert points["explicit"]["range_drawn"] and not points["reported"]["range_drawn"]


def test_timeline_filters_by_origins_and_window(tables):
    layout = layout_timeline.timeline_layout(tables["events"], START, END, min_origins=2)
    assert set(layout.points["event_id"]) == {"e004", "e005"}
    narrow = layout_timeline.timeline_layout(tables["events"], "2024-10-01", "2024-10-31")
    assert "e001" not in set(narrow.points["event_id"])


def test_timeline_spec_has_tooltips_selection_and_crisis_band(tables):
    spec = charts_timeline.timeline(tables["events"], START, END, crisis=CRISIS).to_dict()
    text = str(spec)
    assert "event_pick" in text and "'tooltip'" in text and "evidence_short" in text
    assert "crisis window" in text


# --- other charts -------------------------------------------------------------------------------



def test_corroboration_cells_tell_origins_from_rewrites(tables):
    cells = views_sourcing.corroboration_cells(tables["events"], tables["documents"],
                                               tables["mentions"])
    nasrallah = cells[cells["event_id"] == "e004"].set_index("outlet")["kind"]
    assert nasrallah["The Jerusalem Post"] == style.ORIGIN_KINDS[0]
    assert nasrallah["Caliber.Az"] == style.ORIGIN_KINDS[1]
    assert "“PM vetoes minister's visit to Washington”" in set(cells["outlet"])


def test_sourcing_counts_read_the_table_and_the_claims(tables):
    table = views_sourcing.sourcing_counts(tables["sourcing"])
    claims = views_sourcing.sourcing_counts(tables["claims"], tables["documents"])
    for counts in (table, claims):
        jp = counts[counts["outlet"] == "The Jerusalem Post"]
        assert dict(zip(jp["speaker_type"], jp["count"], strict=True)) == {"outlet": 1}


def test_framing_table_shows_each_outlets_words(tables):
    frame = views_sourcing.framing_table(tables["actor_mentions"], tables["documents"])
    gallant = frame.set_index("actor").loc["Yoav Gallant"]
    assert gallant["Al Mayadeen English"] == "Security Minister (1)"
    assert "Defense Minister (1)" in gallant["The Jerusalem Post"]
    same = tables["actor_mentions"].assign(surface="Gallant")
    assert views_sourcing.framing_table(same, tables["documents"]).empty
    assert not views_sourcing.framing_table(same, tables["documents"], only_divergent=False).empty


def test_a_possessive_is_the_same_term_and_scare_quotes_stay_a_term_of_their_own(tables):
    """'Israel's' is the name in a possessive, not a framing of it; '"Israel's"' (scare
    quotes) is the quoted name, which is one."""
    mentions = tables["actor_mentions"]
    row = mentions.iloc[0]
    extra = pd.DataFrame([{**row.to_dict(), "actor": "Israel", "side": "Israel", "kind": k,
                           "surface": t} for k, t in (("alias", "Israeli government"),
                                                      ("alias", "Israeli government’s"),
                                                      ("epithet", '"Israel\'s"'),
                                                      ("epithet", '"Israel"'),
                                                      ("alias", "the Israeli government"))])
    counts = views_sourcing.framing_counts(pd.concat([mentions, extra]), tables["documents"])
    israel = dict(zip(*(counts.loc[counts["actor"] == "Israel", c] for c in ("surface", "count")),
                      strict=True))
    assert israel["Israeli government"] == 3 and israel['"Israel"'] == 2  # 'the' is no term
    assert not any(term.rstrip('"').endswith(("'s", "’s")) for term in israel)


def test_the_framing_summary_leaves_out_words_of_the_actors_own_name(tables):
    """A surname ('Gallant', from the story's aliases) or the name in a possessive is a
    plain name, no framing: the summary lists titles and epithets, and keeps scare quotes."""
    mentions = tables["actor_mentions"]
    row = mentions.iloc[0]
    extra = pd.DataFrame([{**row.to_dict(), "doc_id": d, "actor": a, "kind": "alias",
                           "surface": t} for d, a, t in (
        (row["doc_id"], "Yoav Gallant", "Gallant"), (mentions.iloc[2]["doc_id"], "Yoav Gallant",
                                                     "Gallant’s"),
        (row["doc_id"], "Israel", "Israel's"))])
    summary = views_sourcing.framing_summary(pd.concat([mentions, extra]), tables["documents"])
    terms = " ".join(summary["terms"])
    assert "Security Minister" in terms
    assert "Gallant:" not in terms and "Gallant’s" not in terms and "Israel:" not in terms


def test_charts_do_not_mutate_the_tables(tables):
    before = {name: frame.copy() for name, frame in tables.items()}
    build_all(tables)
    views_sourcing.framing_table(tables["actor_mentions"], tables["documents"])
    views_events.undated_events(tables["events"])
    for name, frame in tables.items():
        pd.testing.assert_frame_equal(frame, before[name])


def test_points_of_one_lane_never_overlap(tables):
    base = tables["events"].iloc[5]  # a dated contact
    crowd = pd.DataFrame([base] * 6).reset_index(drop=True)
    crowd["event_id"] = [f"e{i:03d}" for i in range(6)]
    layout = layout_timeline.timeline_layout(crowd, START, END)
    marks = layout.occupied()[: len(layout.points)]
    for a, b in itertools.combinations(marks, 2):
        assert not layout_geometry.boxes_overlap(a, b, gap=-1.0)


def test_unknown_outlets_are_named_by_their_file(tables):
    docs = tables["documents"].assign(outlet=tables["documents"]["outlet"].replace("", "unknown"))
    names = views_outlets.document_names(docs)
    assert names["d4d5e6f7081"] == "“Administration grows distrustful”"
    cells = views_sourcing.corroboration_cells(tables["events"], docs)
    assert "unknown" not in set(cells["column"])

