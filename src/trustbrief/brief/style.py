"""The brief's look: system fonts, sizes, the Okabe-Ito palette and what each colour means.

One meaning per colour across every chart; `use_theme` registers the Vega-Lite config.
"""

from __future__ import annotations

from collections.abc import Iterable

import altair as alt

from trustbrief.contract.vocab import Notice, SpeakerType

FONT = "system-ui, -apple-system, Segoe UI, Roboto, DejaVu Sans, Arial, sans-serif"
MAX_WIDTH = 640
PLOT_WIDTH = 600  # plot area; axis labels and padding fit in the rest of MAX_WIDTH
NARROW_WIDTH = 300  # a chart's phone variant: a 390 px screen less the page's padding and
#                    the chart's own axes and padding
FONT_PX = 11
CHAR_PX = 6.2  # estimated width of one character at FONT_PX (mixed case, system sans)
ROW_PX = 16  # one line of annotation text, with its spacing
BOX_PX = 14  # the height of one text box
TEXT_COLOR = "#333333"
MUTED = "#666666"
GRID = "#e8e8e8"

# Okabe & Ito (2008): distinguishable with the common colour-vision deficiencies.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
GREY = "#999999"
DARK_GREY = "#5A5A5A"
LIGHT_GREY = "#B8B8B8"
INK = "#222222"  # marks that need no colour (contacts, origins): near-black

# One meaning per colour across every chart of a brief:
#   vermillion / orange / sky blue / blue  advance notice: none / minutes / hours / days
#   bluish green                           said on the record (a named official)
#   reddish purple                         said anonymously (an anonymous official)
#   yellow                                 attributed to another outlet
#   greys                                  unknown, not applicable, unattributed
#   near-black                             everything else (contacts, origins, lines)
NOTICE_ORDER = tuple(n.value for n in Notice)  # the contract's order: least notice first
NOTICE_COLORS = {
    "none": OKABE_ITO["vermillion"],
    "minutes": OKABE_ITO["orange"],
    "hours": OKABE_ITO["sky_blue"],
    "days": OKABE_ITO["blue"],
    "unknown": DARK_GREY,
    "n/a": LIGHT_GREY,
}
LANE_ORDER = ("operations", "third-party actions", "contacts", "reporting")
# What a lane heading says: the contacts lane also holds protests, summons, criticism and
# restrictions between the two (data/event_types.yaml), which are diplomacy, not contact; the
# third-party lane holds acts of its types by the pair's own sides too (a raid, a deployment).
LANE_TITLES = {"contacts": "contacts and diplomacy", "third-party actions": "other actions"}


def lane_title(lane: str) -> str:
    return LANE_TITLES.get(lane, lane)
SPEAKER_ORDER = tuple(s.value for s in SpeakerType)  # on the record first
SPEAKER_LABELS = {
    "named_official": "named official",
    "anonymous_official": "anonymous official",
    "outlet": "cited outlet",
    "organization": "organization",
    "unattributed": "unattributed",
}
SPEAKER_COLORS = {
    "named_official": OKABE_ITO["bluish_green"],
    "anonymous_official": OKABE_ITO["reddish_purple"],
    "outlet": OKABE_ITO["yellow"],
    "organization": GREY,
    "unattributed": LIGHT_GREY,
}
ORIGIN_KINDS = ("independent origin", "rewrite citing another outlet")
# Date bases that are estimates (drawn hollow / dashed): anchored on an inferred publication
# date, a lede's undated news dated by its publication ('reported'), or not placed at all. A
# date stated in an article, given by the story's reference chronology (a dated report of the
# event) or by an analyst's annotation is drawn filled.
INFERRED_BASES = ("relative-inferred", "unresolved", "inferred", "reported")
RANGE_DASH = (4, 3)  # an estimated date range's bar: dash and gap, px
STATED_MARK = "stated date"
# 'n/a': no notice was the observer's due (a contact, a third party's act), whatever the lane
NOT_AN_OPERATION_EXPR = "datum.label == 'n/a' ? 'not applicable' : datum.label"
UNCERTAIN_MARK = "inferred date"
THEME_NAME = "trustbrief"
CONTACT_SHAPES = {"asserted": "circle", "planned": "circle", "blocked": "cross"}
CONTACT_COLORS = {"asserted": INK, "planned": INK, "blocked": INK}
GAP_KEY = "time without contact"
CONTACT_KEY = {"asserted": "contact", "planned": "planned contact", "blocked": "blocked contact"}
DOT_R = 5.0


def theme_config() -> dict:
    """The brief's Vega-Lite config: system fonts, light grid, no border."""
    return {
        "config": {
            "font": FONT,
            "background": "white",
            "padding": 5,
            "view": {"stroke": None, "continuousWidth": PLOT_WIDTH},
            "axis": {
                "labelFont": FONT, "titleFont": FONT, "labelFontSize": FONT_PX,
                "titleFontSize": FONT_PX, "titleFontWeight": "normal", "labelColor": TEXT_COLOR,
                "titleColor": TEXT_COLOR, "gridColor": GRID, "domainColor": "#999999",
                "tickColor": "#999999",
            },
            "legend": {
                "labelFont": FONT, "titleFont": FONT, "labelFontSize": FONT_PX,
                "titleFontSize": FONT_PX, "titleFontWeight": "normal", "labelColor": TEXT_COLOR,
                "titleColor": TEXT_COLOR,
            },
            "text": {"font": FONT, "fontSize": FONT_PX, "color": TEXT_COLOR},
            "title": {"font": FONT},
        }
    }


def use_theme() -> None:
    """Register the brief's theme and make it the active Altair theme (idempotent)."""
    alt.theme.register(THEME_NAME, enable=True)(lambda: alt.theme.ThemeConfig(theme_config()))


# Sides (countries, groups) take colours in the order the caller lists them: the brief's focus
# pair first, so the observer and the subject keep the same two colours in every chart of a
# brief. No side is named here: sides come from the data.
# (Sides appear only in the explorers' framing chart, never beside notice colours.)
SIDE_PALETTE = (OKABE_ITO["blue"], OKABE_ITO["sky_blue"], OKABE_ITO["bluish_green"],
                OKABE_ITO["yellow"], OKABE_ITO["reddish_purple"], OKABE_ITO["orange"],
                OKABE_ITO["black"], GREY)


def side_colors(sides: Iterable[str]) -> dict[str, str]:
    """side -> colour, by position in `sides` (deduplicated); beyond the palette, grey."""
    ordered = list(dict.fromkeys(s for s in sides if s))
    return {side: SIDE_PALETTE[i] if i < len(SIDE_PALETTE) else GREY
            for i, side in enumerate(ordered)}


def color_scale(mapping: dict[str, str], domain: Iterable[str] | None = None) -> alt.Scale:
    """A categorical scale pinned to a fixed mapping (all classes, so colours never shift)."""
    keys = list(mapping) if domain is None else list(domain)
    return alt.Scale(domain=keys, range=[mapping[k] for k in keys])
