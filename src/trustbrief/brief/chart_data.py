"""What a reader can take from a chart besides the picture: its data as CSV, and a text
description for screen readers. Pure functions over a Vega-Lite spec (Altair's to_dict()).

The CSV links are data: URIs inside the page, so they work in an offline HTML file; the data
is the chart's own inline datasets, written by the project's CSV writer.
"""

from __future__ import annotations

import base64
import html
import re

import pandas as pd

from trustbrief.tables import to_csv_text

MARK_NAMES = {"bar": "bar", "rect": "bar", "circle": "point", "point": "point",
              "square": "point", "tick": "tick", "line": "line", "area": "area",
              "rule": "rule", "text": "label", "trail": "line", "arc": "pie"}


def slug(text: str) -> str:
    """'Trust index, July–October' -> 'trust-index-july-october' (a safe file name)."""
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")[:60]


def datasets(spec: dict) -> list[pd.DataFrame]:
    """The chart's inline datasets (Altair gathers them in spec['datasets']), largest first,
    without empty ones."""
    frames = [pd.DataFrame(rows) for rows in (spec.get("datasets") or {}).values()
              if isinstance(rows, list) and rows]
    if not frames and isinstance(spec.get("data"), dict):
        values = spec["data"].get("values")
        frames = [pd.DataFrame(values)] if isinstance(values, list) and values else []
    return sorted(frames, key=len, reverse=True)


def csv_data_uri(frame: pd.DataFrame) -> str:
    payload = base64.b64encode(to_csv_text(frame).encode("utf-8")).decode("ascii")
    return f"data:text/csv;charset=utf-8;base64,{payload}"


CSV_ROWS = 250  # rows a figure's embedded CSV holds at most


def csv_links(spec: dict, name: str, data: pd.DataFrame | None = None) -> str:
    """'Data (CSV): 35 rows' as a download link beside a chart: the `data` the figure gives
    (one row per event, contact or count), else the chart's largest inline dataset (what
    its marks draw; the others are labels and guides)."""
    frames = [data] if data is not None else datasets(spec)[:1]
    if not frames:
        return ""
    frame = frames[0]
    rows = f"{len(frame):,} row{'s' if len(frame) != 1 else ''}"
    rest = ""
    if len(frame) > CSV_ROWS:  # the page's size must not grow with the corpus
        rows = f"the first {CSV_ROWS:,} of {len(frame):,} rows"
        rest = "; every row is in the data package (data/processed/)"
        frame = frame.head(CSV_ROWS)
    return (f'<p class="tb-chart-data">Data (CSV): <a class="tb-csv" '
            f'download="{html.escape(name)}.csv" href="{csv_data_uri(frame)}">{rows}</a>'
            f'{rest}</p>')


def _marks(spec: dict) -> list[str]:
    found = []
    mark = spec.get("mark")
    if mark is not None:
        kind = mark.get("type") if isinstance(mark, dict) else mark
        found.append(MARK_NAMES.get(str(kind), str(kind)))
    for key in ("layer", "hconcat", "vconcat", "concat"):
        for part in spec.get(key) or []:
            found += _marks(part)
    if isinstance(spec.get("spec"), dict):
        found += _marks(spec["spec"])
    return found


def _axis_title(spec: dict, channel: str) -> str:
    for part in [spec] + list(spec.get("layer") or []):
        encoding = (part.get("encoding") or {}).get(channel) or {}
        title = encoding.get("title", encoding.get("field"))
        if isinstance(title, str) and title:
            return title
    return ""


def describe(spec: dict) -> str:
    """A plain description when the chart has none: its kinds of marks and its axes."""
    marks = list(dict.fromkeys(m for m in _marks(spec) if m != "rule")) or ["chart"]
    title = spec.get("title")
    title = title.get("text", "") if isinstance(title, dict) else title or ""
    x, y = _axis_title(spec, "x"), _axis_title(spec, "y")
    axes = " against ".join(a for a in (y, x) if a)
    kind = " and ".join(marks[:3]) + " chart"
    text = f"{title}: a {kind}" if title else f"A {kind}"
    return f"{text}{' of ' + axes if axes else ''}; its data is in the CSV link below it."


def label_svg(svg: str, description: str) -> str:
    """The static SVG as an image with a text alternative (role, aria-label and <title>)."""
    label = html.escape(description, quote=True)
    return re.sub(r"<svg\b", f'<svg role="img" aria-label="{label}"', svg, count=1).replace(
        ">", f"><title>{html.escape(description)}</title>", 1) if svg.startswith("<svg") else svg
