"""The annotated timeline (Altair): a TimelineLayout drawn as Vega-Lite layers.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence

import altair as alt
import pandas as pd

from trustbrief.brief.charts.common import (
    no_data_chart,
    pixel_scale,
    pixel_text,
    pixel_x,
    time_axis,
    time_scale,
)
from trustbrief.brief.layout.geometry import LabelBox
from trustbrief.brief.layout.timeline import TimelineLayout, timeline_layout
from trustbrief.brief.style import (
    BOX_PX,
    CHAR_PX,
    DARK_GREY,
    FONT,
    FONT_PX,
    GREY,
    GRID,
    INFERRED_BASES,
    MUTED,
    NOT_AN_OPERATION_EXPR,
    NOTICE_COLORS,
    PLOT_WIDTH,
    RANGE_DASH,
    ROW_PX,
    STATED_MARK,
    TEXT_COLOR,
    UNCERTAIN_MARK,
    color_scale,
    lane_title,
)
from trustbrief.brief.views.cells import as_list, epoch_ms, short, side_noun, to_date
from trustbrief.brief.views.events import date_text
from trustbrief.brief.views.outlets import is_unknown_outlet


def _tooltip_frame(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    out["when"] = [date_text(r) for _, r in frame.iterrows()]
    out["sources"] = [", ".join(o for o in as_list(v) if not is_unknown_outlet(o))
                      or "unknown outlet" for v in frame["outlets"]]
    out["origin_list"] = [", ".join(as_list(o)) for o in frame["origins"]]
    out["evidence_short"] = frame["evidence"].map(lambda t: short(t, 240))
    return out


def timeline(events: pd.DataFrame | None, start=None, end=None, crisis=None,
             min_origins: int = 1, key_event_ids: Sequence[str] | None = None, *,
             width: int = PLOT_WIDTH, crisis_label: str = "crisis window",
             notice_to: str = ""
             ) -> alt.LayerChart | alt.Chart:
    """Events on lanes over time, notice-coloured, with date uncertainty and key labels.

    `notice_to` names whose advance notice the colours show (the brief's observer)."""
    layout = timeline_layout(events, start, end, crisis, min_origins, key_event_ids, width,
                             crisis_label)
    if layout.points.empty:
        return no_data_chart("No dated events in this period (see the list of undated events).",
                             width)
    pts = _tooltip_frame(layout.points)
    pts["x_ms"] = pts["day"].map(lambda d: epoch_ms(min(max(d, layout.start), layout.end)))
    pts["x0_ms"] = pts["first"].map(lambda d: epoch_ms(max(d, layout.start)))
    pts["x1_ms"] = pts["last"].map(lambda d: epoch_ms(min(d, layout.end)))
    pts["fill"] = [NOTICE_COLORS[n] if c == STATED_MARK else "white"
                   for n, c in zip(pts["notice"], pts["certainty"], strict=True)]
    pts["size"] = (pts["radius"] * 2) ** 2
    pts["dashed"] = pts["date_basis"].isin(INFERRED_BASES)
    xs = time_scale(layout.start, layout.end, layout.width)
    ys = pixel_scale(layout.height)
    x = alt.X("x_ms:T", scale=xs, axis=time_axis(layout.start, layout.end, layout.width))
    y = alt.Y("y:Q", scale=ys, axis=None)
    layers = _crisis_layers(crisis, layout, xs, ys, crisis_label)
    layers += _lane_layers(layout, ys)
    layers += _range_layers(pts, xs, y)
    layers += _label_layers(layout, pts, ys)
    layers += _key_layers(layout, ys)
    layers.append(_event_points(pts, x, y, notice_title(notice_to)))
    # Pixel-positioned text and the time axis use different x scales over the same range.
    chart = alt.layer(*layers).resolve_scale(x="independent").properties(
        width=layout.width, height=layout.height)
    if layout.footnotes:  # the key to the numbered tags, under the x axis
        chart = chart.properties(title=alt.TitleParams(
            wrapped_lines(layout.footnotes, layout.width), orient="bottom", anchor="start",
            fontSize=FONT_PX, fontWeight="normal", color=TEXT_COLOR, font=FONT, offset=6))
    return chart


def wrapped_lines(lines: Sequence[str], width: float) -> list[str]:
    """Key lines wrapped to the chart's width (a phone's 300 px cuts '1 = ... (20 A'), each
    continuation indented under its text."""
    chars = max(int(width / CHAR_PX), 20)
    return [part for line in lines for part in
            textwrap.wrap(_whole_day(line), chars, subsequent_indent="    ",
                          break_long_words=False)]


def _whole_day(line: str) -> str:
    """A day or a month in the key ('(1 Oct 2024' ..., '(May 2025') is never split across
    lines: no-break spaces."""
    return re.sub(r"\((\d{1,2} )?([A-Z][a-z]+) (\d{4})",
                  lambda m: "(" + "\u00a0".join(g.strip() for g in m.groups() if g), line)


def notice_title(notice_to: str) -> str:
    """'Notice to OBSERVER' for legends and tooltips; plain 'advance notice' without one."""
    return f"notice to {side_noun(notice_to)}" if notice_to else "advance notice"


def _event_points(pts: pd.DataFrame, x, y, notice: str) -> alt.Chart:
    pick = alt.selection_point(name="event_pick", fields=["event_id"], on="click", empty=True)
    tooltip = [alt.Tooltip("label:N", title="event"), alt.Tooltip("when:N", title="date"),
               alt.Tooltip("sources:N", title="outlets"),
               alt.Tooltip("origin_list:N", title="independent origins"),
               alt.Tooltip("n_documents:Q", title="documents"),
               alt.Tooltip("n_origins:Q", title="origins"),
               alt.Tooltip("notice:N", title=notice),
               alt.Tooltip("evidence_short:N", title="evidence")]
    legend = alt.Legend(title=notice, orient="bottom", direction="horizontal",
                        symbolType="circle", symbolOpacity=1,
                        labelExpr=NOT_AN_OPERATION_EXPR)
    drawn = [n for n in NOTICE_COLORS if n in set(pts["notice"])]
    scale = color_scale(NOTICE_COLORS, drawn)
    if set(drawn) <= {"n/a"}:  # no operation drawn: a notice legend would explain nothing
        legend = None
    cols = ["event_id", "label", "when", "sources", "origin_list", "n_documents", "n_origins",
            "notice", "evidence_short", "x_ms", "y", "size", "fill", "certainty"]
    return alt.Chart(pts[cols]).mark_point(filled=False, strokeWidth=2, fillOpacity=1).encode(
        x=x, y=y,
        size=alt.Size("size:Q", scale=None, legend=None),
        stroke=alt.Stroke("notice:N", scale=scale, legend=legend),
        fill=alt.when(alt.datum.certainty == STATED_MARK).then(
            alt.Fill("notice:N", scale=scale, legend=legend)
        ).otherwise(alt.value("white")),
        opacity=alt.when(pick).then(alt.value(1.0)).otherwise(alt.value(0.3)),
        tooltip=tooltip,
    ).add_params(pick)


def _range_layers(pts: pd.DataFrame, xs, y) -> list[alt.Chart]:
    ranged = pts[pts["range_drawn"]]
    if ranged.empty:
        return []
    base = alt.Chart(ranged[["x0_ms", "x1_ms", "y", "dashed", "label"]])
    return [base.mark_rule(strokeWidth=2, color=GREY).encode(
        x=alt.X("x0_ms:T", scale=xs, axis=None), x2="x1_ms:T", y=y,
        strokeDash=alt.StrokeDash("dashed:N", scale=alt.Scale(domain=[False, True],
                                                               range=[[1, 0], list(RANGE_DASH)]),
                                  legend=None),
    )]


def _crisis_layers(crisis, layout: TimelineLayout, xs, ys, crisis_label) -> list[alt.Chart]:
    if not crisis:
        return []
    c0, c1 = to_date(crisis[0]), to_date(crisis[1] if len(crisis) > 1 else None)
    if c0 is None:
        return []
    c1 = c1 or c0
    c0, c1 = max(c0, layout.start), min(c1, layout.end)
    if c1 < c0:
        return []
    band = pd.DataFrame({"x0": [epoch_ms(c0)], "x1": [epoch_ms(c1)], "y0": [ROW_PX],
                         "y1": [layout.height]})
    box = dict(layout.headers)["crisis"]
    text = pd.DataFrame({"x": [box.x0 + 2], "y": [(box.y0 + box.y1) / 2], "t": [crisis_label]})
    return [
        alt.Chart(band).mark_rect(color="#F2F2F2").encode(
            x=alt.X("x0:T", scale=xs, axis=None), x2="x1:T",
            y=alt.Y("y0:Q", scale=ys, axis=None), y2="y1:Q"),
        pixel_text(text, ys, color=MUTED, style="italic"),
    ]


def _lane_layers(layout: TimelineLayout, ys) -> list[alt.Chart]:
    lanes = layout.lanes.copy()
    names = pd.DataFrame({"x": [0.0] * len(lanes), "y": lanes["top"] + BOX_PX / 2,
                          "t": lanes["lane"].map(lane_title)})
    seps = pd.DataFrame({"y": lanes["bottom"].iloc[:-1]}) if len(lanes) > 1 else None
    layers = [pixel_text(names, ys, color=MUTED, x_scale=pixel_x(layout), fontWeight="bold")]
    if seps is not None:
        layers.append(alt.Chart(seps).mark_rule(color=GRID).encode(
            y=alt.Y("y:Q", scale=ys, axis=None)))
    return layers


def _label_layers(layout: TimelineLayout, pts: pd.DataFrame, ys) -> list[alt.Chart]:
    layers = _number_layers(layout, ys)
    if not layout.labels:
        return layers
    radius = dict(zip(pts["event_id"], pts["radius"], strict=True))
    point_y = dict(zip(pts["event_id"], pts["y"], strict=True))

    def leader_end(b: LabelBox) -> float:
        r = radius.get(b.key, 4) + 1
        if b.below:
            return point_y.get(b.key, b.anchor_y - 12) + r
        return point_y.get(b.key, b.anchor_y + 12) - r

    boxes = pd.DataFrame([{
        "x": b.text_x, "y": (b.y0 + b.y1) / 2, "t": b.text, "align": b.align,
        "lx": b.anchor_x, "ly0": b.y0 if b.below else b.y1, "ly1": leader_end(b),
    } for b in layout.labels])
    xs = pixel_x(layout)
    leaders = alt.Chart(boxes).mark_rule(color=GREY, strokeWidth=0.8).encode(
        x=alt.X("lx:Q", scale=xs, axis=None), y=alt.Y("ly0:Q", scale=ys, axis=None), y2="ly1:Q")
    return [leaders] + [pixel_text(boxes[boxes["align"] == a], ys, align=a, x_scale=xs)
                        for a in ("left", "right") if (boxes["align"] == a).any()] + layers


def _number_layers(layout: TimelineLayout, ys) -> list[alt.Chart]:
    """Circled numbers beside key events no label fits; the key under the axis explains them."""
    if not layout.numbers:
        return []
    # The ring fills the tag's box (layout.tags sizes it: one digit, or wider for two).
    tags = pd.DataFrame([{"x": (b.x0 + b.x1) / 2, "y": (b.y0 + b.y1) / 2, "t": b.text,
                          "size": (b.x1 - b.x0 - 1) ** 2} for b in layout.numbers])
    xs = pixel_x(layout)
    layers = []
    if layout.tag_leaders:  # tags set away from their point, for want of room beside it
        lines = pd.DataFrame([vars(s) for s in layout.tag_leaders])
        layers.append(alt.Chart(lines).mark_rule(color=GREY, strokeWidth=0.8).encode(
            x=alt.X("x0:Q", scale=xs, axis=None), x2="x1:Q",
            y=alt.Y("y0:Q", scale=ys, axis=None), y2="y1:Q"))
    ring = alt.Chart(tags).mark_point(shape="circle", color=DARK_GREY, filled=False,
                                      strokeWidth=1).encode(
        x=alt.X("x:Q", scale=xs, axis=None), y=alt.Y("y:Q", scale=ys, axis=None),
        size=alt.Size("size:Q", scale=None, legend=None))
    return layers + [ring, pixel_text(tags, ys, align="center", x_scale=xs)]


def _key_layers(layout: TimelineLayout, ys) -> list[alt.Chart]:
    """The key to the kinds of date drawn: filled (stated), hollow (inferred), bar (range)."""
    boxes = dict(layout.headers)
    y = BOX_PX / 2
    xs = pixel_x(layout)
    points = [(boxes[k].x0, fill, text) for k, fill, text in (
        ("key:stated", DARK_GREY, STATED_MARK), ("key:uncertain", "white", UNCERTAIN_MARK))
        if k in boxes]
    texts = [(x + 16, text) for x, _, text in points]
    layers = []
    if points:
        marks = pd.DataFrame({"x": [x + 6 for x, _, _ in points], "y": y,
                              "fill": [f for _, f, _ in points]})
        layers.append(alt.Chart(marks).mark_point(
            filled=False, strokeWidth=2, size=50, color=DARK_GREY).encode(
            x=alt.X("x:Q", scale=xs, axis=None), y=alt.Y("y:Q", scale=ys, axis=None),
            fill=alt.Fill("fill:N", scale=None)))
    if "key:range" in boxes:
        rng = boxes["key:range"]
        rule = pd.DataFrame({"x0": [rng.x0], "x1": [rng.x0 + 12], "y": [y]})
        layers.append(alt.Chart(rule).mark_rule(strokeWidth=2, color=GREY).encode(
            x=alt.X("x0:Q", scale=xs, axis=None), x2="x1:Q",
            y=alt.Y("y:Q", scale=ys, axis=None)))
        texts.append((rng.x0 + 16, "date range"))
    if texts:
        frame = pd.DataFrame({"x": [x for x, _ in texts], "y": y, "t": [t for _, t in texts]})
        layers.append(pixel_text(frame, ys, color=MUTED, x_scale=xs))
    return layers
