"""Offline Altair rendering for notebooks and published briefs.

Altair's own renderers either load Vega from a CDN (broken offline) or emit a
Vega-Lite v6 mimetype that nbformat rejects. This renderer emits:

- text/html: the chart as an inline SVG (made by vl-convert, so it is readable
  with no JavaScript, in the PDF and in print) plus the spec as inert JSON and a
  tiny script that upgrades the SVG to an interactive vega-embed view when
  `vegaEmbed` exists on the page (the brief template includes the bundle once);
- image/svg+xml: the same SVG, for front ends that do not run HTML.

Every chart offers its data as CSV (links embedded as data: URIs, so they work offline) and,
once interactive, Vega's export menu (SVG, PNG); it carries a text description for screen
readers (brief/chart_data.py).

In JupyterLab the first chart of a kernel session also carries the vega bundle,
so charts are interactive there with no network either.
"""

from __future__ import annotations

import hashlib
import json
import os

import altair as alt

from trustbrief.brief import chart_data

RENDERER_NAME = "trustbrief"
_bundle_sent = False

# The published brief's template carries the bundle once, so executions for a
# brief (render.py sets this) must not repeat it in every output.
BUNDLE_ENV = "TRUSTBRIEF_EMBED_BUNDLE"

_UPGRADE_JS = """<script>(function(){
  var box = document.getElementById(%(id)s);
  if (!box || !window.vegaEmbed) { return; }
  var spec = JSON.parse(document.getElementById(%(spec_id)s).textContent);
  var view = document.createElement('div');
  view.className = 'tb-chart-live';
  window.vegaEmbed(view, spec, {renderer: 'svg', downloadFileName: %(name)s,
      actions: {export: true, source: false, compiled: false, editor: false}}).then(function(){
    var fallback = box.querySelector('.tb-chart-static');
    if (fallback) { fallback.remove(); }
    box.appendChild(view);
    var menu = view.querySelector('details > summary');  /* vega-embed's icon has no text */
    if (menu) { menu.setAttribute('aria-label', 'Export this chart (SVG or PNG)'); }
    box.setAttribute('data-interactive', 'true');
  }).catch(function(err){ box.setAttribute('data-error', String(err)); });
})();</script>"""


def script_safe_json(obj) -> str:
    """JSON that cannot close a <script> element, whatever text the data holds."""
    text = json.dumps(obj, sort_keys=True, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def spec_to_svg(spec: dict) -> str:
    import vl_convert

    return vl_convert.vegalite_to_svg(spec)


def bundle_html() -> str:
    import vl_convert

    return "<script>" + vl_convert.javascript_bundle() + "</script>"


def render_mimebundle(spec: dict, embed_bundle: bool | None = None, name: str = "",
                      description: str = "", data=None, csv_link: bool = True) -> dict:
    """Altair renderer entry point: spec dict -> {mimetype: data}.

    `name` names the chart's downloads (CSV, SVG, PNG); `description` is its text for screen
    readers (default: the spec's own description, else one made from its marks and axes);
    `data` (a DataFrame) is what its CSV link holds (default: the spec's datasets);
    `csv_link=False` leaves the link out (a figure with two variants places one itself)."""
    global _bundle_sent
    if embed_bundle is None:
        embed_bundle = os.environ.get(BUNDLE_ENV, "1") != "0"
    description = description or spec.get("description") or chart_data.describe(spec)
    spec = {**spec, "description": description}  # vega labels the live SVG with it
    svg = chart_data.label_svg(spec_to_svg(spec), description)
    spec_json = script_safe_json(spec)
    chart_id = "tb-chart-" + hashlib.sha256(spec_json.encode()).hexdigest()[:12]
    name = chart_data.slug(name) or chart_id
    parts = []
    if embed_bundle and not _bundle_sent:
        parts.append(bundle_html())
        _bundle_sent = True
    parts.append(f'<div class="tb-chart" id="{chart_id}">')
    parts.append(f'<div class="tb-chart-static">{svg}</div>')
    parts.append(
        f'<script type="application/json" id="{chart_id}-spec">{spec_json}</script>')
    parts.append("</div>")
    if csv_link:
        parts.append(chart_data.csv_links(spec, name, data))
    ids = {"id": json.dumps(chart_id), "spec_id": json.dumps(chart_id + "-spec"),
           "name": json.dumps(name)}
    parts.append(_UPGRADE_JS % ids)
    return {"text/html": "".join(parts), "image/svg+xml": svg}


def enable() -> None:
    """Register and switch on the offline renderer (idempotent)."""
    alt.renderers.register(RENDERER_NAME, render_mimebundle)
    alt.renderers.enable(RENDERER_NAME)
    # Tooltips and selections need no data server; keep data inline in the spec.
    alt.data_transformers.disable_max_rows()
