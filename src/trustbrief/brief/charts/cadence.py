"""The communication cadence chart (Altair) from its CadenceLayout.
"""

from __future__ import annotations

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
from trustbrief.brief.layout.cadence import CadenceLayout, cadence_layout
from trustbrief.brief.style import (
    BOX_PX,
    CONTACT_COLORS,
    CONTACT_KEY,
    CONTACT_SHAPES,
    DOT_R,
    GAP_KEY,
    GREY,
    GRID,
    LIGHT_GREY,
    MUTED,
    PLOT_WIDTH,
    ROW_PX,
)
from trustbrief.brief.views.cadence import CONTACT_STATUSES, contact_when
from trustbrief.brief.views.cells import as_list, day_label, epoch_ms, short


def cadence_chart(cadence: pd.DataFrame | None, events: pd.DataFrame | None = None,
                  as_of=None, *, contacts: pd.DataFrame | None = None, width: int = PLOT_WIDTH,
                  blocked_types: Sequence[str] = ("visit_blocked",), since=None,
                  stated: pd.DataFrame | None = None) -> alt.LayerChart | alt.Chart:
    """One lane per channel: contacts as dots (filled asserted, hollow planned, x blocked),
    the time without contact as a labelled bar, stated counts beside the name.

    The table's own as_of date (when the gaps were measured) wins over `as_of`, which
    serves tables without one. A contacts table passed in place of `events` is read as
    `contacts` (both shapes of call are in use)."""
    if contacts is None and events is not None and "status" in events.columns \
            and "channel" in events.columns:
        events, contacts = None, events
    layout = cadence_layout(cadence, contacts, events, as_of, width, blocked_types, since,
                            stated)
    if layout.lanes.empty:
        return no_data_chart("No contact channel found in the articles.", width)
    ys = pixel_scale(layout.height)
    xs = pixel_x(layout)
    layers = _as_of_layers(layout, ys)
    headers = dict(layout.headers)
    names = pd.DataFrame({"x": [0.0] * len(layout.lanes),
                          "y": [headers[f"lane:{c}"].y0 + BOX_PX / 2 for c in
                                layout.lanes["channel"]],
                          "t": layout.lanes["header"]})
    layers.append(pixel_text(names, ys, x_scale=xs, fontWeight="bold"))
    if len(layout.lanes) > 1:
        seps = pd.DataFrame({"y": list(layout.lanes["bottom"].iloc[:-1])})
        layers.append(alt.Chart(seps).mark_rule(color=GRID).encode(
            y=alt.Y("y:Q", scale=ys, axis=None)))
    if not layout.gaps.empty:
        gaps = layout.gaps.drop(columns=["first", "last"]).assign(
            when=[f"{day_label(f)} – {day_label(la)}" for f, la in
                  zip(layout.gaps["first"], layout.gaps["last"], strict=True)])
        layers.append(alt.Chart(gaps).mark_rule(strokeWidth=8, color=LIGHT_GREY).encode(
            x=alt.X("x0:Q", scale=xs, axis=None), x2="x1:Q", y=alt.Y("y:Q", scale=ys, axis=None),
            tooltip=[alt.Tooltip("text:N", title="gap"), alt.Tooltip("when:N"),
                     alt.Tooltip("stated:N", title="as stated"), alt.Tooltip("evidence:N")]))
    layers += _cadence_label_layers(layout, ys, xs)
    layers += _contact_layers(layout, ys, xs)
    layers += _cadence_key_layers(layout, ys, xs)
    return alt.layer(*layers).resolve_scale(x="independent").properties(
        width=layout.width, height=layout.height)


def _as_of_layers(layout: CadenceLayout, ys) -> list[alt.Chart]:
    """The as-of rule; it also carries the time axis."""
    xs = time_scale(layout.start, layout.end, layout.width)
    spans = layout.as_of_spans(2 * ROW_PX - 4) or [(layout.height, layout.height)]
    frame = pd.DataFrame({"x": [epoch_ms(layout.as_of)] * len(spans),
                          "y0": [y0 for y0, _ in spans], "y1": [y1 for _, y1 in spans],
                          "t": [f"as of {day_label(layout.as_of)}"] * len(spans)})
    return [alt.Chart(frame).mark_rule(color=MUTED, strokeDash=[2, 2]).encode(
        x=alt.X("x:T", scale=xs, axis=time_axis(layout.start, layout.end, layout.width)),
        y=alt.Y("y0:Q", scale=ys, axis=None),
        y2="y1:Q", tooltip=[alt.Tooltip("t:N", title="date")])]


def _cadence_label_layers(layout: CadenceLayout, ys, xs) -> list[alt.Chart]:
    if not layout.labels:
        return []
    rows = pd.DataFrame([{"x": b.text_x, "y": (b.y0 + b.y1) / 2, "t": b.text, "align": b.align,
                          "lx": b.anchor_x,
                          # above the dot: from the label's foot down; below: from its top up
                          "ly0": b.y0 if b.below else b.y1,
                          "ly1": b.anchor_y + (DOT_R + 1 if b.below else DOT_R - 3),
                          "leader": not b.below or b.row > 0} for b in layout.labels])
    # a day right under its dot needs no leader; one a row lower does
    leaders = alt.Chart(rows[rows["leader"]]).mark_rule(color=GREY, strokeWidth=0.8).encode(
        x=alt.X("lx:Q", scale=xs, axis=None), y=alt.Y("ly0:Q", scale=ys, axis=None), y2="ly1:Q")
    return [leaders] + [pixel_text(rows[rows["align"] == a], ys, align=a, x_scale=xs,
                                    color=MUTED)
                        for a in ("left", "right") if (rows["align"] == a).any()]


def _contact_layers(layout: CadenceLayout, ys, xs) -> list[alt.Chart]:
    pts = layout.points
    if pts.empty:
        return []
    data = pd.DataFrame({
        "x": pts["x"], "y": pts["y"], "status": pts["status"],
        "label": pts["label"].where(pts["label"] != "", pts["event_id"]),
        "when": [contact_when(r) for r in pts.itertuples()],
        "basis": pts["date_basis"],
        "outlets": pts["outlets"].map(lambda v: ", ".join(as_list(v)) or "-"),
        "evidence": pts["evidence"].map(lambda t: short(t, 240))})
    tooltip = [alt.Tooltip("label:N", title="contact"), alt.Tooltip("status:N"),
               alt.Tooltip("when:N", title="date"), alt.Tooltip("basis:N", title="date basis"),
               alt.Tooltip("outlets:N"), alt.Tooltip("evidence:N")]
    spans = pts[pts["x1"] > pts["x0"]]
    layers = [alt.Chart(spans[["x0", "x1", "y"]]).mark_rule(strokeWidth=2, color=GREY).encode(
        x=alt.X("x0:Q", scale=xs, axis=None), x2="x1:Q", y=alt.Y("y:Q", scale=ys, axis=None))
    ] if len(spans) else []
    for status in CONTACT_STATUSES:
        part = data[data["status"] == status]
        if part.empty:
            continue
        layers.append(alt.Chart(part).mark_point(**_contact_mark(status)).encode(
            x=alt.X("x:Q", scale=xs, axis=None), y=alt.Y("y:Q", scale=ys, axis=None),
            tooltip=tooltip))
    return layers


def _contact_mark(status: str) -> dict:
    mark = {"shape": CONTACT_SHAPES[status], "color": CONTACT_COLORS[status], "opacity": 1,
            "size": (2 * DOT_R) ** 2, "strokeWidth": 2, "filled": status != "planned"}
    if status == "planned":
        mark["fill"] = "white"
    if status == "blocked":
        mark["angle"] = 45  # a cross turned into an x
    return mark


def _cadence_key_layers(layout: CadenceLayout, ys, xs) -> list[alt.Chart]:
    """The key's marks and words where the layout placed them (one row, or two when narrow)."""
    boxes = dict(layout.headers)
    layers = []
    for status in CONTACT_STATUSES:
        box = boxes[f"key:{status}"]
        layers.append(alt.Chart(pd.DataFrame({"x": [box.x0 + 6], "y": [box.y0 + BOX_PX / 2]}))
                      .mark_point(**_contact_mark(status)).encode(
            x=alt.X("x:Q", scale=xs, axis=None), y=alt.Y("y:Q", scale=ys, axis=None)))
    gap = boxes["key:gap"]
    gap_y = gap.y0 + BOX_PX / 2
    layers.append(alt.Chart(pd.DataFrame({"x0": [gap.x0], "x1": [gap.x0 + 20], "y": [gap_y]}))
                  .mark_rule(strokeWidth=8, color=LIGHT_GREY).encode(
        x=alt.X("x0:Q", scale=xs, axis=None), x2="x1:Q", y=alt.Y("y:Q", scale=ys, axis=None)))
    keys = [boxes[f"key:{s}"] for s in CONTACT_STATUSES]
    texts = pd.DataFrame({"x": [b.x0 + 16 for b in keys] + [gap.x0 + 26],
                          "y": [b.y0 + BOX_PX / 2 for b in keys] + [gap_y],
                          "t": [CONTACT_KEY[s] for s in CONTACT_STATUSES] + [GAP_KEY]})
    layers.append(pixel_text(texts, ys, color=MUTED, x_scale=xs))
    return layers
