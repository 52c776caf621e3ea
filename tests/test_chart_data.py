"""Each chart offers its data as CSV (offline data: links) and a text description."""

from __future__ import annotations

import base64
import io
import re

import altair as alt
import pandas as pd

from trustbrief.brief import chart_data, offline_charts

FRAME = pd.DataFrame({"outlet": ["Wire A", "=cmd|' /C calc'!A0"], "articles": [3, 1]})


def bars(description=None):
    chart = alt.Chart(FRAME).mark_bar().encode(
        x=alt.X("articles:Q", title="articles"), y=alt.Y("outlet:N", title="outlet"))
    return chart.properties(description=description) if description else chart


def decoded_links(markup):
    found = re.findall(r'download="([^"]+)" href="data:text/csv;charset=utf-8;base64,([^"]+)"',
                       markup)
    return [(name, base64.b64decode(payload).decode("utf-8")) for name, payload in found]


def test_a_chart_carries_its_data_as_a_csv_link():
    markup = offline_charts.render_mimebundle(bars().to_dict(), embed_bundle=False,
                                              name="Articles by outlet")["text/html"]
    [(name, text)] = decoded_links(markup)
    assert name == "articles-by-outlet.csv"
    back = pd.read_csv(io.StringIO(text))
    assert list(back["articles"]) == [3, 1]
    assert "Data (CSV)" in markup and "2 rows" in markup


def test_a_layered_chart_offers_the_data_it_is_given_else_its_largest_dataset():
    window = pd.DataFrame({"start": ["2024-09-17"], "end": ["2024-10-09"]})
    layered = alt.layer(bars(), alt.Chart(window).mark_rule().encode(x="start:T"))
    markup = offline_charts.render_mimebundle(layered.to_dict(), embed_bundle=False,
                                              name="x")["text/html"]
    [(name, text)] = decoded_links(markup)
    assert name == "x.csv" and "Wire A" in text
    given = offline_charts.render_mimebundle(layered.to_dict(), embed_bundle=False, name="x",
                                             data=window)["text/html"]
    [(_, text)] = decoded_links(given)
    assert text.splitlines()[0] == "start,end"


def test_the_export_menu_is_on_and_offline():
    markup = offline_charts.render_mimebundle(bars().to_dict(), embed_bundle=False)["text/html"]
    assert "actions: {export: true, source: false, compiled: false, editor: false}" in markup


def test_every_chart_has_a_text_description():
    given = offline_charts.render_mimebundle(bars("Wire A leads with 3 articles.").to_dict(),
                                             embed_bundle=False)
    assert '<svg role="img" aria-label="Wire A leads with 3 articles."' in given["text/html"]
    assert "<title>Wire A leads with 3 articles.</title>" in given["image/svg+xml"]
    made = chart_data.describe(bars().to_dict())
    assert made == "A bar chart of outlet against articles; its data is in the CSV link below it."


def test_slugs_are_safe_file_names():
    assert chart_data.slug('Trust "index", July–Oct <b>') == "trust-index-july-oct-b"


def test_a_figures_csv_stays_bounded_whatever_the_corpus():
    many = pd.DataFrame({"event_id": [f"e{i:04d}" for i in range(1000)], "n": range(1000)})
    markup = chart_data.csv_links(bars().to_dict(), "contacts", many)
    [(_, text)] = decoded_links(markup)
    assert len(pd.read_csv(io.StringIO(text))) == chart_data.CSV_ROWS
    assert f"the first {chart_data.CSV_ROWS} of 1,000 rows" in markup
    assert "data package" in markup


def test_a_figure_with_a_phone_variant_shows_both_and_one_csv_link():
    from trustbrief.brief import html

    narrow = bars().properties(width=300)
    markup = html.figure(bars().properties(width=600), "Articles by outlet", "Wire A leads.",
                         "2 articles", narrow=narrow).markup
    assert markup.count('class="tb-wide"') == 1 and markup.count('class="tb-narrow"') == 1
    assert markup.index("tb-wide") < markup.index("tb-narrow")
    assert len(decoded_links(markup)) == 1  # one CSV for the figure, outside both variants
    assert markup.rindex("tb-csv") > markup.index("tb-narrow")
    assert '"width": 300' in markup and '"width": 600' in markup
