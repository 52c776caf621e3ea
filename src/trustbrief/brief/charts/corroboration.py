"""The corroboration matrix (Altair): events x outlets, origin or rewrite.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from trustbrief.brief.charts.common import no_data_chart
from trustbrief.brief.style import (
    CHAR_PX,
    FONT,
    FONT_PX,
    INK,
    MUTED,
    ORIGIN_KINDS,
    PLOT_WIDTH,
)
from trustbrief.brief.views.cells import (
    dates_by_event,
    event_span,
    short_day,
    unique_row_labels,
)
from trustbrief.brief.views.outlets import TITLE_MIN_CHARS
from trustbrief.brief.views.sourcing import (
    column_order,
    corroboration_cells,
    keep_date,
    origins_text,
)

ORIGINS_TEXT_PX = 175  # room for '2 origins: Outlet A, Outlet B…' right of the matrix


def corroboration_matrix(events: pd.DataFrame | None, documents: pd.DataFrame | None,
                         mentions: pd.DataFrame | None = None, *, start=None, end=None,
                         include_undated: bool = True, width: int = PLOT_WIDTH,
                         label_chars: int = 40) -> alt.LayerChart | alt.Chart:
    """Events (rows, by date) x outlets (columns): who reported what, origin or rewrite.

    The text at the end of each row names the event's independent origins, which are
    often outlets outside the corpus (every document in the row is then a rewrite).
    """
    # Document ids are for the audit annex, not for a chart's data.
    cells = corroboration_cells(events, documents, mentions).drop(columns=["doc_id"])
    cells = cells[[keep_date(d, start, end, include_undated) for d in cells["date"]]]
    if cells.empty:
        return no_data_chart("No event is linked to a document yet.", width)
    cells = bounded_columns(cells)
    cells, counts = _rows(cells, label_chars, dates_by_event(events))
    order = list(counts["row"])
    columns = sorted(set(cells["column"]), key=column_order)
    label_px = min(max(len(t) for t in order) * CHAR_PX + 8, width * 0.45)
    text_px = min(max(len(t) for t in counts["t"]) * CHAR_PX + 14, ORIGINS_TEXT_PX)
    col_px = max(min((width - label_px - text_px - 10) / len(columns), 64), 22)
    y = alt.Y("row:N", sort=order, title=None,
              axis=alt.Axis(labelLimit=label_px, domain=False, ticks=False, labelPadding=6))
    # Short names at 45 degrees: each fits in TITLE_MIN_CHARS (a title), so none is cut.
    x = alt.X("column:N", sort=columns, title=None, scale=alt.Scale(domain=columns),
              axis=alt.Axis(orient="top", labelAngle=-45, labelLimit=COLUMN_LABEL_PX,
                            domain=False, ticks=False, labelAlign="left", labelPadding=4))
    tooltip = [alt.Tooltip("label:N", title="event"), alt.Tooltip("outlet:N", title="outlet"),
               alt.Tooltip("kind:N"), alt.Tooltip("origins:N", title="origins of the event")]
    matrix = alt.Chart(cells).mark_point(size=110, strokeWidth=2, shape="circle",
                                         stroke=INK, opacity=1).encode(
        x=x, y=y,
        fill=alt.Fill("kind:N", scale=alt.Scale(domain=list(ORIGIN_KINDS),
                                                range=[INK, "white"]),
                      legend=alt.Legend(title=None, orient="bottom", direction="horizontal",
                                        symbolStrokeColor=INK,
                                        symbolStrokeWidth=2, symbolType="circle")),
        tooltip=tooltip,
    )
    # Row totals sit right of the last column (text past the plot, inside the chart width).
    totals = alt.Chart(counts.assign(column=columns[-1])).mark_text(
        align="left", baseline="middle", font=FONT, fontSize=FONT_PX, color=MUTED,
        dx=col_px / 2 + 8).encode(x=x, y=y, text="t:N",
                                  tooltip=[alt.Tooltip("origins:N", title="origins")])
    return alt.layer(matrix, totals).properties(width=col_px * len(columns),
                                                height=22 * len(order))


def corroboration_counts(events: pd.DataFrame | None, documents: pd.DataFrame | None,
                         mentions: pd.DataFrame | None = None, *, start=None, end=None,
                         include_undated: bool = True, width: int = PLOT_WIDTH,
                         label_chars: int = 30) -> alt.LayerChart | alt.Chart:
    """The matrix for a phone: a matrix of outlets cannot fit 300 px, so each event's row
    counts its outlets instead - filled for those that are an independent origin, hollow
    for rewrites - with the same rows and origins text (the outlets' names are in the
    tooltip and in the wide chart's CSV)."""
    cells = corroboration_cells(events, documents, mentions).drop(columns=["doc_id"])
    cells = cells[[keep_date(d, start, end, include_undated) for d in cells["date"]]]
    if cells.empty:
        return no_data_chart("No event is linked to a document yet.", width)
    cells = cells.sort_values("kind", kind="stable").drop_duplicates(["event_id", "outlet"])
    cells, counts = _rows(cells, label_chars, dates_by_event(events))
    order = list(counts["row"])
    per = (cells.groupby(["row", "kind"], sort=False)
           .agg(outlets=("outlet", "nunique"), names=("outlet", lambda s: ", ".join(sorted(s))))
           .reset_index())
    y = alt.Y("row:N", sort=order, title=None,
              axis=alt.Axis(labelLimit=width * 0.5, domain=False, ticks=False,
                            labelPadding=6))
    bars = alt.Chart(per).mark_bar(stroke=INK, strokeWidth=1.5, height=12).encode(
        y=y, x=alt.X("outlets:Q", title="outlets reporting the event", stack="zero",
                     axis=alt.Axis(tickMinStep=1, format="d")),
        fill=alt.Fill("kind:N", scale=alt.Scale(domain=list(ORIGIN_KINDS),
                                                range=[INK, "white"]),
                      # under the row labels, left-aligned with them: the chart stays narrow
                      legend=alt.Legend(title=None, orient="none", direction="vertical",
                                        legendX=-width * 0.5, legendY=22 * len(order) + 40,
                                        symbolStrokeColor=INK, symbolStrokeWidth=1.5)),
        order=alt.Order("kind:N"),
        tooltip=[alt.Tooltip("kind:N"), alt.Tooltip("outlets:Q"),
                 alt.Tooltip("names:N", title="outlets")])
    return bars.properties(width=max(width * 0.3, 80), height=22 * len(order))


COLUMN_LABEL_PX = TITLE_MIN_CHARS * CHAR_PX + 8
MAX_COLUMNS = 16  # outlets drawn as columns; the rest share one (size does not grow)
OTHERS = "other outlets"


def bounded_columns(cells: pd.DataFrame, limit: int = MAX_COLUMNS) -> pd.DataFrame:
    """One cell per event and column, and at most `limit` columns: the outlets reporting
    the most events, then one column for the others (an origin among them drawn as an
    origin)."""
    # one mark per (event, column): an outlet's many articles are one cell, an origin if
    # any of them is ('independent origin' sorts first)
    cells = cells.sort_values("kind", kind="stable").drop_duplicates(["event_id", "column"])
    per_column = cells.groupby("column")["event_id"].nunique().sort_values(ascending=False)
    if len(per_column) <= limit:
        return cells
    keep = set(sorted(per_column.index, key=lambda c: (-per_column[c], c))[:limit - 1])
    rest = cells[~cells["column"].isin(keep)]
    label = f"{OTHERS} ({rest['column'].nunique()})"
    merged = rest.sort_values("kind").drop_duplicates("event_id").assign(
        column=label, outlet=label)  # ORIGIN_KINDS sort 'independent origin' first
    return pd.concat([cells[cells["column"].isin(keep)], merged], ignore_index=True)


def _rows(cells: pd.DataFrame, label_chars: int, dates: dict[str, dict]
          ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One row per event, by date: the cells with their row label (its day, month or span of
    days: `dates`, event_id -> the events table's date columns), and per row the text naming
    the event's independent origins."""
    firsts = cells.drop_duplicates("event_id")
    firsts = firsts.assign(sort=firsts["date"].replace("", "9999")).sort_values(
        ["sort", "event_id"])
    precision = firsts["date_precision"] if "date_precision" in firsts else [""] * len(firsts)
    rows = unique_row_labels([f"{short_day(d, p, event_span(dates.get(eid, {})))} · "
                              f"{lab or eid}" for d, p, lab, eid in
                              zip(firsts["date"], precision, firsts["label"],
                                  firsts["event_id"], strict=True)], label_chars)
    row_of = dict(zip(firsts["event_id"], rows, strict=True))
    counts = firsts.assign(row=rows, t=[
        origins_text(n, o) for n, o in zip(firsts["n_origins"], firsts["origins"],
                                            strict=True)])
    return cells.assign(row=cells["event_id"].map(row_of)), counts
