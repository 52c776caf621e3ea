"""Sourcing bars and the framing dot matrix (Altair).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import altair as alt
import pandas as pd

from trustbrief.brief.charts.common import no_data_chart
from trustbrief.brief.layout.geometry import text_width
from trustbrief.brief.layout.ticks import count_ticks
from trustbrief.brief.style import (
    CHAR_PX,
    FONT,
    FONT_PX,
    MUTED,
    PLOT_WIDTH,
    SPEAKER_COLORS,
    SPEAKER_LABELS,
    SPEAKER_ORDER,
    side_colors,
)
from trustbrief.brief.views.outlets import outlet_order
from trustbrief.brief.views.sourcing import framing_counts, framing_table, sourcing_counts


def sourcing_segments(counts: pd.DataFrame, width: float) -> pd.DataFrame:
    """Stacked bar segments (x0, x1 in claims) in the fixed speaker order, with `show`:
    whether the segment is wide enough (in px, at `width` for the longest bar) for its label."""
    order = {k: i for i, k in enumerate(SPEAKER_ORDER)}
    frame = counts.assign(order=counts["speaker_type"].map(order)).sort_values(
        ["outlet", "order"]).reset_index(drop=True)
    frame["x1"] = frame.groupby("outlet")["count"].cumsum().astype(float)
    frame["x0"] = frame["x1"] - frame["count"]
    frame["mid"] = (frame["x0"] + frame["x1"]) / 2
    top = max(float(frame["x1"].max()) if len(frame) else 1.0, 1.0)
    frame["show"] = [c / top * width >= text_width(str(c)) + 4 for c in frame["count"]]
    frame["kind"] = frame["speaker_type"].map(SPEAKER_LABELS)
    return frame


def sourcing_chart(table: pd.DataFrame | None, documents: pd.DataFrame | None = None, *,
                   width: int = PLOT_WIDTH) -> alt.LayerChart | alt.Chart:
    """Per outlet (y, by name), who its claims are attributed to: bars stacked by speaker type
    in the fixed colours, with the count inside each segment wide enough to hold it."""
    counts = sourcing_counts(table, documents)
    if counts.empty:
        return no_data_chart("No attributed claims found.", width)
    return speaker_bars(counts, width=width, x_title="attributed claims", unit="claims")


MAX_ROWS = 12  # the chart's size does not grow with the corpus
OTHERS = "other sources"


def top_rows(counts: pd.DataFrame, limit: int = MAX_ROWS) -> pd.DataFrame:
    """The rows with the most counts; the rest summed into one 'other sources (N)' row."""
    totals = counts.groupby("outlet")["count"].sum().sort_values(ascending=False, kind="stable")
    if len(totals) <= limit:
        return counts
    keep = set(totals.index[:limit - 1])
    rest = counts[~counts["outlet"].isin(keep)]
    label = f"{OTHERS} ({rest['outlet'].nunique()})"
    merged = rest.groupby("speaker_type", as_index=False)["count"].sum().assign(
        outlet=label, outlet_full=label)
    return pd.concat([counts[counts["outlet"].isin(keep)], merged], ignore_index=True)


def set_aside_others(counts: pd.DataFrame, unit: str) -> tuple[pd.DataFrame, str]:
    """The 'other sources (N)' row sums many sources, so it can outgrow every real row and
    shrink them all: when it is longer than the longest real row it leaves the chart and is
    told in a line under it instead ('' when it stays)."""
    others = counts["outlet"].str.startswith(OTHERS)
    if not others.any():
        return counts, ""
    rest = counts[~others]
    longest = rest.groupby("outlet")["count"].sum().max() if len(rest) else 0
    mine = counts[others]
    if int(mine["count"].sum()) <= longest:
        return counts, ""
    parts = [f"{int(n):,} {SPEAKER_LABELS[k]}" for k in SPEAKER_ORDER
             for n in [mine.loc[mine["speaker_type"] == k, "count"].sum()] if n]
    return rest, (f"Not drawn, so the bars keep their scale: {mine['outlet'].iloc[0]}, "
                  f"{int(mine['count'].sum()):,} {unit} ({', '.join(parts)}).")


def speaker_bars(counts: pd.DataFrame, *, width: int = PLOT_WIDTH, x_title: str,
                 unit: str) -> alt.LayerChart:
    """Rows (`outlet`, with `outlet_full` for the tooltip) of bars stacked by speaker type,
    counts inside the segments wide enough to hold them."""
    counts, aside = set_aside_others(top_rows(counts), unit)
    totals = counts.groupby("outlet")["count"].sum()
    outlets = sorted(totals.index, key=lambda o: (o.startswith(OTHERS), -totals[o], o))
    label_px = min(max(len(o) for o in outlets) * CHAR_PX + 20, width * 0.4)
    plot_w = width - label_px - 30
    top = float(totals.max())
    segments = sourcing_segments(counts, plot_w)
    xs = alt.Scale(domain=[0, top], nice=False, zero=True)
    y = alt.Y("outlet:N", sort=outlets, title=None, scale=alt.Scale(domain=outlets),
              axis=alt.Axis(labelLimit=label_px, domain=False, ticks=False))
    present = [k for k in SPEAKER_ORDER if k in set(counts["speaker_type"])]
    color = alt.Color("kind:N", title=None,
                      scale=alt.Scale(domain=[SPEAKER_LABELS[k] for k in present],
                                      range=[SPEAKER_COLORS[k] for k in present]),
                      legend=alt.Legend(orient="top", direction="horizontal",
                                        columns=3 if width > 420 else 1))
    tooltip = [alt.Tooltip("outlet_full:N", title="source"),
               alt.Tooltip("kind:N", title="attributed to"), alt.Tooltip("count:Q", title=unit)]
    base = alt.Chart(segments)
    bars = base.mark_bar(height=16, stroke="white", strokeWidth=1).encode(
        x=alt.X("x0:Q", scale=xs, title=x_title,
                axis=alt.Axis(format="d", values=count_ticks(top))),
        x2="x1:Q", y=y, color=color, tooltip=tooltip)
    labels = base.mark_text(align="center", baseline="middle", font=FONT, fontSize=10).encode(
        x=alt.X("mid:Q", scale=xs), y=y, text=alt.Text("count:Q"),
        color=alt.condition(alt.datum.speaker_type == "named_official", alt.value("white"),
                            alt.value("black")),
    ).transform_filter(alt.datum.show)
    chart = alt.layer(bars, labels).properties(width=plot_w, height=26 * len(outlets))
    if aside:
        lines = textwrap.wrap(aside, max(int(width / CHAR_PX), 30))  # wrapped, never cut
        chart = chart.properties(title=alt.TitleParams(
            lines, orient="bottom", anchor="start", font=FONT, fontSize=FONT_PX,
            fontWeight="normal", color=MUTED))
    return chart


def framing_chart(actor_mentions: pd.DataFrame | None, documents: pd.DataFrame | None, *,
                  width: int = PLOT_WIDTH, max_actors: int = 6, focus_sides: Sequence[str] = ()
                  ) -> alt.LayerChart | alt.Chart:
    """Dot matrix: for each actor, which outlet uses which term (dot size = uses).

    Sides are coloured in the order `focus_sides` (the brief's pair) then by name."""
    counts = framing_counts(actor_mentions, documents)
    table = framing_table(actor_mentions, documents)
    counts = counts[counts["actor"].isin(list(table["actor"].head(max_actors)))]
    if counts.empty:
        return no_data_chart("All outlets name the actors the same way.", width)
    counts = counts.assign(term=[f"{a}: {s}" for a, s in zip(counts["actor"], counts["surface"],
                                                             strict=True)])
    terms = list(dict.fromkeys(counts.sort_values(["actor", "surface"])["term"]))
    outlets = sorted(set(counts["outlet"]), key=outlet_order)
    label_px = min(max(len(t) for t in terms) * CHAR_PX + 8, width * 0.5)
    col_px = max(min((width - label_px - 110) / max(len(outlets), 1), 64), 18)
    present = set(counts["side"])
    sides = [s for s in focus_sides if s in present] + sorted(present - set(focus_sides))
    colors = side_colors(sides)
    return alt.Chart(counts).mark_circle(opacity=1).encode(
        x=alt.X("outlet:N", sort=outlets, title=None,
                axis=alt.Axis(orient="top", labelAngle=-30, labelAlign="left", labelLimit=200,
                              domain=False, ticks=False)),
        y=alt.Y("term:N", sort=terms, title=None,
                axis=alt.Axis(labelLimit=label_px, domain=False, ticks=False)),
        size=alt.Size("count:Q", scale=alt.Scale(range=[40, 260]), legend=None),
        color=alt.Color("side:N", scale=alt.Scale(domain=sides,
                                                  range=[colors[s] for s in sides]),
                        legend=alt.Legend(title=None, orient="bottom", direction="horizontal")),
        tooltip=[alt.Tooltip("actor:N"), alt.Tooltip("outlet:N"), alt.Tooltip("surface:N"),
                 alt.Tooltip("count:Q", title="uses")],
    ).properties(width=col_px * len(outlets), height=22 * len(terms))
