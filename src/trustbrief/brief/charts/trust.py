"""The trust index chart (Altair) from its TrustLayout.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from trustbrief.brief.charts.common import no_data_chart, time_axis, time_scale
from trustbrief.brief.layout.trust import trust_layout
from trustbrief.brief.style import FONT, FONT_PX, GREY, MUTED, OKABE_ITO, PLOT_WIDTH, TEXT_COLOR
from trustbrief.brief.views.cells import as_list, day_label, epoch_ms
from trustbrief.brief.views.events import event_labels


def trust_chart(trust_index: pd.DataFrame | None, events: pd.DataFrame | None = None,
                turning_points: pd.DataFrame | Sequence[str] | None = None, *, start=None,
                end=None, width: int = PLOT_WIDTH - 40, height: int = 260,
                index_title: str = "trust index") -> alt.LayerChart | alt.Chart:
    """The index over time with its uncertainty band (both drawn only between the index's
    own dates, linearly), a zero rule, and its largest drops labelled above the data."""
    layout = trust_layout(trust_index, events, turning_points, start=start, end=end,
                          width=width, height=height)
    frame = layout.frame
    if frame.empty:
        return no_data_chart("No trust index: no trust signals were found for this pair.",
                             width)
    labels = event_labels(events)
    data = frame.assign(x_ms=frame["day"].map(epoch_ms),
                        event_names=frame["events"].map(
                            lambda v: "; ".join(labels.get(e, e) for e in as_list(v))),
                        when=frame["day"].map(day_label))
    data = data.drop(columns=["day"])
    xs = time_scale(layout.start, layout.end, width)
    ys = alt.Scale(domain=[layout.lo, layout.top], nice=False, zero=False)
    x = alt.X("x_ms:T", scale=xs, axis=None)
    y_axis = alt.Axis(values=layout.ticks, title=index_title, format=layout.tick_format,
                      domain=False)
    base = alt.Chart(data)
    tooltip = [alt.Tooltip("when:N", title="date"), alt.Tooltip("index:Q", format=".2f"),
               alt.Tooltip("low:Q", format=".2f"), alt.Tooltip("high:Q", format=".2f"),
               alt.Tooltip("n_signals:Q", title="signals"),
               alt.Tooltip("n_origins:Q", title="independent origins"),
               alt.Tooltip("event_names:N", title="events")]
    layers = [
        base.mark_area(color=OKABE_ITO["blue"], opacity=0.15, interpolate="linear").encode(
            x=x, y=alt.Y("low:Q", scale=ys, axis=y_axis), y2="high:Q"),
        alt.Chart(pd.DataFrame({"zero": [0.0]})).mark_rule(color=MUTED, strokeDash=[2, 2]).encode(
            y=alt.Y("zero:Q", scale=ys, axis=y_axis)),
        base.mark_line(color=OKABE_ITO["blue"], strokeWidth=2, interpolate="linear").encode(
            x=alt.X("x_ms:T", scale=xs,
                    axis=time_axis(layout.start, layout.end, layout.width)),
            y=alt.Y("index:Q", scale=ys, axis=y_axis)),
        base.mark_point(filled=True, color=OKABE_ITO["blue"], size=36, opacity=1).encode(
            x=x, y=alt.Y("index:Q", scale=ys, axis=y_axis), tooltip=tooltip),
    ]
    layers += _drop_layers(layout.labels, frame, layout.y_of, ys, y_axis, width)
    return alt.layer(*layers).resolve_scale(x="independent").properties(width=width,
                                                                        height=height)


def _drop_layers(boxes, frame, y_of, ys, y_axis, width) -> list[alt.Chart]:
    if not boxes:
        return []
    value = dict(zip(frame["date"], frame["index"], strict=True))
    rows = pd.DataFrame([{
        "x": b.text_x, "align": b.align, "t": b.text, "y": y_of((b.y0 + b.y1) / 2),
        "lx": b.anchor_x, "ly0": y_of(b.y1), "ly1": value.get(b.key, 0.0),
    } for b in boxes])
    px = alt.Scale(domain=[0, width], range=[0, width], nice=False, zero=False)
    leaders = alt.Chart(rows).mark_rule(color=GREY, strokeWidth=0.8).encode(
        x=alt.X("lx:Q", scale=px, axis=None), y=alt.Y("ly0:Q", scale=ys, axis=y_axis),
        y2="ly1:Q")
    texts = [alt.Chart(rows[rows["align"] == a]).mark_text(
        align=a, baseline="middle", font=FONT, fontSize=FONT_PX, color=TEXT_COLOR).encode(
        x=alt.X("x:Q", scale=px, axis=None), y=alt.Y("y:Q", scale=ys, axis=y_axis), text="t:N")
        for a in ("left", "right") if (rows["align"] == a).any()]
    return [leaders, *texts]
