"""HTML building blocks of the brief: escaped tables, figures, prose and section headings.

Everything that comes from an article (titles, sentences, names) is HTML-escaped, so
markup in an article stays inert in the brief.
"""

from __future__ import annotations

import html
import re

import pandas as pd

from trustbrief.brief import offline_charts

esc = html.escape


class HTMLBlock:
    """Something a notebook cell displays as HTML (and nothing else)."""

    def __init__(self, markup: str):
        self.markup = markup

    def _repr_html_(self) -> str:
        return self.markup










def figure(chart, title: str, takeaway: str, source: str, note: str = "") -> HTMLBlock:
    """A titled figure: title, one-line takeaway, the chart, a source line - one block,
    so it never splits across PDF pages."""
    rendered = offline_charts.render_mimebundle(chart.to_dict())["text/html"]
    extra = f'<p class="tb-note">{esc(note)}</p>' if note else ""
    return HTMLBlock(
        f'<figure class="tb-figure"><p class="tb-fig-title">{esc(title)}</p>'
        f'<p class="tb-takeaway">{esc(takeaway)}</p>{rendered}{extra}'
        f'<figcaption class="tb-source">Source: {esc(source)}</figcaption></figure>')


def clip(text: str, limit: int = 240) -> str:
    """Shorten long evidence for a table cell; the full text stays in the CSV tables."""
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def table(frame: pd.DataFrame, columns: dict[str, str] | None = None, caption: str = "",
          empty: str = "Nothing to show for this period.", clip_at: int | None = 240
          ) -> HTMLBlock:
    """An escaped HTML table with readable column names; long cells are clipped."""
    if frame is None or frame.empty:
        return HTMLBlock(f'<p class="tb-note">{esc(empty)}</p>')
    shown = frame
    if columns:
        shown = frame[[c for c in columns if c in frame]].rename(columns=columns)
    if clip_at:
        shown = shown.apply(lambda col: col.map(
            lambda v: clip(v, clip_at) if isinstance(v, str) else v))
    cap = f'<p class="tb-note">{esc(caption)}</p>' if caption else ""
    markup = shown.to_html(index=False, escape=True, border=0, classes="tb-table", na_rep="")
    # A date is one word: keep YYYY-MM-DD cells from wrapping in narrow columns.
    markup = DATE_CELL_RE.sub(r'<td class="tb-date">\1</td>', markup)
    return HTMLBlock(cap + markup)




DATE_CELL_RE = re.compile(r"<td>(\d{4}-\d{2}-\d{2})</td>")


def anchor(title: str) -> str:
    """'Key judgements' -> 'key-judgements': a stable id for links and a table of contents."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def section(title: str, intro: str = "") -> HTMLBlock:
    text = f'<div class="tb-prose"><p>{esc(intro)}</p></div>' if intro else ""
    return HTMLBlock(f'<h2 id="{anchor(title)}">{esc(title)}</h2>{text}')


def prose(*paragraphs: str) -> HTMLBlock:
    return HTMLBlock('<div class="tb-prose">' + "".join(f"<p>{esc(p)}</p>" for p in paragraphs)
                     + "</div>")

