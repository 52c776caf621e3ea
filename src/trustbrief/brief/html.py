"""HTML building blocks of the brief: escaped tables, figures, prose and section headings.

Everything that comes from an article (titles, sentences, names) is HTML-escaped, so
markup in an article stays inert in the brief.
"""

from __future__ import annotations

import html
import re

import pandas as pd

from trustbrief.brief import chart_data, offline_charts

# A date the brief prints ('31 Oct 2023', '8–9 Oct 2025') is one word to a
# reader: a line break inside it (a PDF page's narrow column) reads as two facts.
_DATE_WORDS_RE = re.compile(
    r"\b(\d{1,2}) ((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)"
    r"(?: (\d{4}))?\b")


def _bind_date(match: re.Match) -> str:
    day, month, year = match.groups()
    return f"{day}\u00a0{month}" + (f"\u00a0{year}" if year else "")


def esc(text, quote: bool = True) -> str:
    """HTML-escaped text whose printed dates do not break across lines (no-break spaces)."""
    return _DATE_WORDS_RE.sub(_bind_date, html.escape(str(text), quote=quote))


class HTMLBlock:
    """Something a notebook cell displays as HTML (and nothing else)."""

    def __init__(self, markup: str):
        self.markup = markup

    def _repr_html_(self) -> str:
        return self.markup


def figure(chart, title: str, takeaway: str, source: str, note: str = "",
           data: pd.DataFrame | None = None, narrow=None, cites: str = "") -> HTMLBlock:
    """A titled figure: title, one-line takeaway, the chart, a source line - one block,
    so it never splits across PDF pages. `data` is what its CSV link offers (one table a
    reader can use; default: the chart's own datasets). `narrow`: the same chart laid out
    for a phone (style.NARROW_WIDTH); the page shows it below 600 px instead of shrinking
    the wide one to unreadable text (print always uses the wide one). `cites`: the note's
    numbered citations as markup (Sources.cite), links to the sources list."""
    # The figure's title names its downloads; title and takeaway describe it to screen readers.
    spec = chart.to_dict()
    description = f"{title}. {takeaway}"
    rendered = offline_charts.render_mimebundle(
        spec, name=title, description=description, data=data,
        csv_link=narrow is None)["text/html"]
    if narrow is not None:
        small = offline_charts.render_mimebundle(
            narrow.to_dict(), name=title, description=description,
            csv_link=False)["text/html"]
        rendered = (f'<div class="tb-wide">{rendered}</div><div class="tb-narrow">{small}'
                    f'</div>{chart_data.csv_links(spec, chart_data.slug(title), data)}')
    extra = f'<p class="tb-note">{esc(note)} {cites}</p>' if note or cites else ""
    return HTMLBlock(
        f'<figure class="tb-figure"><p class="tb-fig-title">{esc(title)}</p>'
        f'<p class="tb-takeaway">{esc(takeaway)}</p>{rendered}{extra}'
        f'<figcaption class="tb-source">Source: {esc(source)}</figcaption></figure>')


def columns_of(frame: pd.DataFrame | None, columns) -> pd.DataFrame:
    """The columns of `frame` a figure's CSV offers, those it has, in the order given."""
    if frame is None or frame.empty:
        return pd.DataFrame(columns=list(columns))
    return frame[[c for c in columns if c in frame.columns]].reset_index(drop=True)


def clip(text: str, limit: int = 240) -> str:
    """Shorten long evidence for a table cell; the full text stays in the CSV tables."""
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


ROWS_SHOWN = 20  # rows a table shows at first (and all the PDF's main body shows)
ROWS_MORE = 200  # further rows behind "show more" in the page; the rest only in the CSV


def table(frame: pd.DataFrame, columns: dict[str, str] | None = None, caption: str = "",
          empty: str = "Nothing to show for this period.", clip_at: int | None = 240,
          rows_shown: int = ROWS_SHOWN) -> HTMLBlock:
    """An escaped HTML table with readable column names, a caption and header scopes; long
    cells are clipped. A long table shows its first `rows_shown` rows, the next ROWS_MORE
    collapsed (screen only), and says where the whole table is: its size does not grow with
    the corpus."""
    if frame is None or frame.empty:
        return HTMLBlock(f'<p class="tb-note">{esc(empty)}</p>')
    shown = frame
    if columns:
        shown = frame[[c for c in columns if c in frame]].rename(columns=columns)
    # list cells (typed tables) read as the CSV writes them
    shown = shown.apply(lambda col: col.map(
        lambda v: "; ".join(map(str, v)) if isinstance(v, (list, tuple)) else v))
    if clip_at:
        shown = shown.apply(lambda col: col.map(
            lambda v: clip(v, clip_at) if isinstance(v, str) else v))
    markup = _table_markup(shown.head(rows_shown), caption)
    rest = shown.iloc[rows_shown:rows_shown + ROWS_MORE]
    if not rest.empty:
        markup += (f'<details class="tb-more"><summary>Show {len(rest):,} more rows</summary>'
                   f"{_table_markup(rest, caption + ' (continued)' if caption else '')}"
                   "</details>")
    if len(shown) > rows_shown:
        markup += _bound_note(len(shown), rows_shown, len(rest))
    return HTMLBlock(markup)


def _bound_note(total: int, first: int, more: int) -> str:
    page = f" (and {more:,} more behind 'Show more' on screen)" if more else ""
    return (f'<p class="tb-note tb-table-bound">The first {first:,} of {total:,} rows{page}; '
            "every row is in the processed tables (data/processed/, CSV).</p>")


def _table_markup(shown: pd.DataFrame, caption: str) -> str:
    markup = shown.to_html(index=False, escape=True, border=0, classes="tb-table", na_rep="")
    markup = markup.replace("<th>", '<th scope="col">')  # index=False: headers are columns
    # Focusable, so a keyboard can scroll it where it scrolls sideways (phones).
    markup = markup.replace('<table class="dataframe tb-table">',
                            '<table class="dataframe tb-table" tabindex="0">', 1)
    if caption:
        markup = re.sub(r"(<table[^>]*>)", lambda m: f"{m.group(1)}<caption>{esc(caption)}"
                        "</caption>", markup, count=1)
    # A date is one word: keep YYYY-MM-DD cells from wrapping in narrow columns.
    return DATE_CELL_RE.sub(r'<td class="tb-date">\1</td>', markup)


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

