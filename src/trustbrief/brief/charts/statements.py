"""Attributed trust statements (Altair): for each independent origin, how many statements
of distrust it carries, and who made them (named officials on the record, anonymous
officials, another outlet, nobody named)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from trustbrief.brief.charts.common import no_data_chart
from trustbrief.brief.charts.sourcing import speaker_bars
from trustbrief.brief.style import PLOT_WIDTH
from trustbrief.brief.views.statements import made_text


def statement_counts(statements: pd.DataFrame) -> pd.DataFrame:
    """(outlet = the origin and when its statements were made, outlet_full, speaker_type,
    count) for the eroding statements, the shape speaker_bars draws."""
    eroding = statements[statements["polarity"] < 0]
    rows = []
    for origin, group in eroding.groupby("origin", sort=True):
        label = f"{origin} ({made_text(group)})"
        for kind, n in group["speaker_type"].value_counts().items():
            rows.append({"outlet": label, "outlet_full": origin, "speaker_type": kind,
                         "count": int(n)})
    return pd.DataFrame(rows, columns=["outlet", "outlet_full", "speaker_type", "count"])


def statements_chart(statements: pd.DataFrame | None, *, width: int = PLOT_WIDTH
                     ) -> alt.LayerChart | alt.Chart:
    """One bar per independent origin, stacked by who made the statements."""
    counts = statement_counts(statements) if statements is not None and len(
        statements) else pd.DataFrame()
    if counts.empty:
        return no_data_chart("No attributed statement of distrust in this period.", width)
    return speaker_bars(counts, width=width, x_title="statements of distrust",
                        unit="statements")
