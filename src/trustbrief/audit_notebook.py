"""The published notebook (reports/NAME.ipynb, the audit copy of a brief) readable wherever it
is opened: JupyterLab, trusted or not, nbviewer, a code host's preview.

A chart's output holds an inline SVG (for the HTML brief and its PDF) and a script that makes
it interactive. JupyterLab does not run scripts of a notebook it has not been told to trust,
and its HTML sanitizer drops <svg> elements but keeps their text, so charts showed as
run-together labels. Here each static chart becomes an <img> of the same SVG, with its text
description as alt text (kept by the sanitizer), and the first chart carries the vega bundle,
so a trusted notebook turns every chart interactive, offline.
"""

from __future__ import annotations

import base64
import html
import json
import re
from pathlib import Path

STATIC_SVG_RE = re.compile(r'<div class="tb-chart-static">(<svg\b.*?</svg>)</div>', re.S)
LABEL_RE = re.compile(r'^<svg[^>]*\baria-label="([^"]*)"')


def svg_as_image(svg: str) -> str:
    label = LABEL_RE.search(svg)
    alt = label.group(1) if label else "Chart (static image)"  # already escaped
    payload = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (f'<img class="tb-chart-image" alt="{alt}" '
            f'src="data:image/svg+xml;base64,{payload}" style="max-width:100%;height:auto">')


def chart_outputs(nb: dict):
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []):
            markup = output.get("data", {}).get("text/html")
            if markup and "tb-chart-static" in "".join(markup):
                yield output


def make_readable_everywhere(path: Path) -> int:
    """Rewrite a published notebook's charts in place; returns how many were rewritten."""
    from trustbrief.brief import offline_charts

    nb = json.loads(path.read_text(encoding="utf-8"))
    count = 0
    for output in chart_outputs(nb):
        markup = STATIC_SVG_RE.sub(
            lambda m: f'<div class="tb-chart-static">{svg_as_image(m.group(1))}</div>',
            "".join(output["data"]["text/html"]))
        if count == 0:  # once: later charts find window.vegaEmbed
            markup = offline_charts.bundle_html() + markup
        output["data"]["text/html"] = markup
        count += 1
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return count


def image_alt_texts(markup: str) -> list[str]:
    return [html.unescape(a) for a in re.findall(r'<img class="tb-chart-image" alt="([^"]*)"',
                                                 markup)]
