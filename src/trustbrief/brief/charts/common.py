"""Altair building blocks shared by the charts: time and pixel scales, pixel text, no-data.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from trustbrief.brief.layout.ticks import time_ticks
from trustbrief.brief.style import FONT, FONT_PX, MUTED, PLOT_WIDTH, TEXT_COLOR
from trustbrief.brief.views.cells import epoch_ms


def no_data_chart(message: str, width: int = PLOT_WIDTH, height: int = 60) -> alt.Chart:
    """A chart that says plainly what is missing instead of an empty panel."""
    frame = pd.DataFrame({"message": [message]})
    return alt.Chart(frame).mark_text(
        align="left", baseline="middle", fontSize=FONT_PX + 1, color=MUTED, font=FONT,
    ).encode(
        x=alt.value(4), y=alt.value(height / 2), text="message:N",
    ).properties(width=width, height=height)


LABEL_FLUSH_PX = 24  # tick labels this close to an end of the time axis align inside it


def time_axis(start: pd.Timestamp, end: pd.Timestamp, width: float,
               title: str | None = None, **kw) -> alt.Axis:
    # The scale is UTC, so Vega formats these labels in UTC (no formatType needed).
    ticks = time_ticks(start, end, width)
    # a label at either end of the axis is set flush inside it ('1 Oct' at the right edge of
    # a phone's chart was cut to '1 Oc')
    kw.setdefault("labelFlush", LABEL_FLUSH_PX)
    return alt.Axis(format="%-d %b", title=title, values=ticks, labelOverlap=True, grid=True,
                    **({"labelExpr": year_label_expr(ticks[0])}
                       if ticks and start.year != end.year else {}), **kw)


def year_label_expr(first_tick: int) -> str:
    """'1 Jan' says no year: on an axis across years the first tick and each January tick
    carry the year ('25 Dec 2024', '1 Jan 2025', '1 Mar', ...)."""
    return (f"datum.value == {first_tick} || utcmonth(datum.value) == 0 ? "
            "utcFormat(datum.value, '%-d %b %Y') : utcFormat(datum.value, '%-d %b')")


def time_scale(start: pd.Timestamp, end: pd.Timestamp, width: float) -> alt.Scale:
    return alt.Scale(type="utc", domain=[epoch_ms(start), epoch_ms(end)], range=[0, width],
                     nice=False)


def pixel_scale(extent: float) -> alt.Scale:
    """Identity scale: data value == pixel from the top (or the left)."""
    return alt.Scale(domain=[0, extent], range=[0, extent], nice=False, zero=False)


def pixel_text(frame: pd.DataFrame, ys, color: str = TEXT_COLOR, align: str = "left",
                x_scale=None, **mark) -> alt.Chart:
    """Text at pixel positions (x px from the left, y px from the top)."""
    xs = x_scale or alt.Scale(domain=[0, PLOT_WIDTH], range=[0, PLOT_WIDTH], nice=False,
                              zero=False)
    style = mark.pop("style", "normal")
    return alt.Chart(frame).mark_text(align=align, baseline="middle", color=color,
                                      fontStyle=style, font=FONT, fontSize=FONT_PX,
                                      **mark).encode(
        x=alt.X("x:Q", scale=xs, axis=None), y=alt.Y("y:Q", scale=ys, axis=None), text="t:N")


def pixel_x(layout) -> alt.Scale:
    return alt.Scale(domain=[0, layout.width], range=[0, layout.width], nice=False, zero=False)
