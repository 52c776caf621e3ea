"""Every chart of the brief laid out for a phone (style.NARROW_WIDTH) fits a 390 px screen:
the drawn SVG, axes and labels included, is no wider than the page's 325 px column."""

from __future__ import annotations

import re

import pytest
import vl_convert

from fixtures.brief_tables import brief_tables
from trustbrief.brief.charts.cadence import cadence_chart
from trustbrief.brief.charts.cooperation import cooperation_chart
from trustbrief.brief.charts.corroboration import corroboration_counts
from trustbrief.brief.charts.notice import notice_ledger_chart
from trustbrief.brief.charts.sourcing import sourcing_chart
from trustbrief.brief.charts.timeline import timeline
from trustbrief.brief.sections import NARROW_LABEL_CHARS
from trustbrief.brief.style import NARROW_WIDTH, use_theme
from trustbrief.brief.views.cooperation import cooperation_counts

PHONE_COLUMN_PX = 325  # 390 px less the page's padding at that width (brief.css)
START, END = "2024-07-01", "2024-10-31"


def _charts(width):
    t = brief_tables()
    return {
        "timeline": timeline(t["events"], START, END, notice_to="US", width=width),
        "cooperation": cooperation_chart(cooperation_counts(t["cooperation"], START, END),
                                         width=width),
        "notice": notice_ledger_chart(t["notice_ledger"], t["documents"], width=width,
                                      label_chars=NARROW_LABEL_CHARS),
        "cadence": cadence_chart(t["cadence"], contacts=t["contacts"], since=START,
                                 stated=t["stated_measures"], width=width),
        "sourcing": sourcing_chart(t["claims"], t["documents"], width=width),
        "corroboration": corroboration_counts(t["events"], t["documents"], t["mentions"],
                                              start=START, end=END, width=width),
    }


def _svg_width(chart) -> float:
    use_theme()
    svg = vl_convert.vegalite_to_svg(chart.to_dict())
    return float(re.search(r'<svg[^>]* width="([0-9.]+)"', svg).group(1))


@pytest.mark.parametrize("name", ["timeline", "cooperation", "notice", "cadence", "sourcing",
                                  "corroboration"])
def test_the_phone_variant_fits_a_390_px_screen(name):
    narrow = _svg_width(_charts(NARROW_WIDTH)[name])
    assert narrow <= PHONE_COLUMN_PX, f"{name}: {narrow} px"
