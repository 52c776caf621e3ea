"""The dyadic cooperation-conflict series (Altair): per period, cooperative events above the
line and conflictual events below it, as counts.

No new colour: the palette's hues already mean notice and sourcing, so the two tones are told
apart by position (above / below the zero line, labelled directly) and fill (conflictual
filled near-black, cooperative outlined).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from trustbrief.brief.charts.common import no_data_chart
from trustbrief.brief.style import FONT, FONT_PX, INK, MUTED, PLOT_WIDTH

HEIGHT = 150
AXIS_PX = 80  # the y axis' two names and padding


def _long(counts: pd.DataFrame) -> pd.DataFrame:
    """One row per period and tone; conflictual counts negative (drawn below the line)."""
    rows = []
    for r in counts.to_dict("records"):
        for tone, sign in (("cooperative", 1), ("conflictual", -1)):
            rows.append({"period": r["period"], "period_start": r["period_start"],
                         "tone": tone, "count": int(r[tone]), "y": sign * int(r[tone]),
                         "shown": str(int(r[tone])) if r[tone] else ""})
    return pd.DataFrame(rows)


def cooperation_chart(counts: pd.DataFrame, *, width: int = PLOT_WIDTH
                      ) -> alt.LayerChart | alt.Chart:
    """Bars per period: cooperative up (outlined), conflictual down (filled); each bar
    carries its count, and the axis names the two halves."""
    if counts.empty or not (counts["cooperative"].sum() + counts["conflictual"].sum()):
        return no_data_chart("No dated event between the pair is on the Goldstein scale.", width)
    data = _long(counts)
    top = max(1, int(data["count"].max()))
    order = list(counts["period"])
    x = alt.X("period:O", sort=order, title=None,
              axis=alt.Axis(labelAngle=0, labelOverlap="greedy", ticks=False, domain=False,
                            labelPadding=6))
    reach = top * 1.3 + 0.5  # room above and below the tallest bar for its count
    y_scale = alt.Scale(domain=[-reach, reach], nice=False)
    # the two halves are named by the axis, outside the plot, so no label sits on a bar
    y_axis = alt.Axis(values=[top / 2, -top / 2], grid=False, ticks=False, domain=False,
                      title=None, labelExpr="datum.value > 0 ? 'cooperative' : 'conflictual'",
                      labelColor=MUTED)
    base = alt.Chart(data).encode(x=x)
    bars = base.mark_bar(stroke=INK, strokeWidth=1.2).encode(
        y=alt.Y("y:Q", scale=y_scale, axis=y_axis), y2=alt.datum(0),
        fill=alt.Fill("tone:N", scale=alt.Scale(domain=["cooperative", "conflictual"],
                                                range=["white", INK]), legend=None),
        tooltip=[alt.Tooltip("period:O"), alt.Tooltip("tone:N"),
                 alt.Tooltip("count:Q", title="events")])
    labels = base.transform_filter("datum.count > 0").transform_calculate(
        label_y=f"datum.y + (datum.y > 0 ? 1 : -1) * {top * 0.15 + 0.3}").mark_text(
        font=FONT, fontSize=FONT_PX, color=INK).encode(
        y=alt.Y("label_y:Q", scale=y_scale, axis=y_axis), text="shown:N")
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color=MUTED).encode(
        y=alt.Y("y:Q", scale=y_scale, axis=y_axis))
    # the axis names ('conflictual') take AXIS_PX of the width the caller gives
    return alt.layer(bars, labels, zero).properties(width=width - AXIS_PX, height=HEIGHT)
