"""HTML building blocks of the brief: escaped tables, figures, prose, citations, sources.

Everything that comes from an article (titles, sentences, names) is HTML-escaped, so
markup in an article stays inert in the brief.
"""

from __future__ import annotations

import html
import re

import pandas as pd

from trustbrief.brief import offline_charts
from trustbrief.tables import split_list

esc = html.escape


class HTMLBlock:
    """Something a notebook cell displays as HTML (and nothing else)."""

    def __init__(self, markup: str):
        self.markup = markup

    def _repr_html_(self) -> str:
        return self.markup


def doc_label(doc: pd.Series) -> str:
    """'The Jerusalem Post, 2024-09-29' or 'unknown outlet (003_x.txt), 2024-10-08 (inferred)'."""
    outlet = doc.get("outlet", "") or "unknown"
    name = outlet if outlet != "unknown" else f"unknown outlet ({doc.get('file', '')})"
    date = doc.get("published", "") or "undated"
    if doc.get("published_basis", "") == "inferred" and date != "undated":
        date += " (inferred)"
    return f"{name}, {date}"


def doc_anchor(doc_id: str) -> str:
    return "src-" + "".join(ch for ch in str(doc_id) if ch.isalnum() or ch in "-_")


def cite_docs(doc_ids, documents: pd.DataFrame) -> str:
    """Escaped citations, each linking to its entry in the brief's list of sources."""
    if documents.empty:
        return ""
    known = set(documents["doc_id"])
    by_id = documents.set_index("doc_id")
    parts = [f'<a href="#{doc_anchor(d)}">{esc(doc_label(by_id.loc[d]))}</a>'
             for d in dict.fromkeys(doc_ids) if d in known]
    return "; ".join(parts)


def sources_list(documents: pd.DataFrame) -> HTMLBlock:
    """Every article, with an anchor the citations link to, and its URL when known."""
    if documents.empty:
        return HTMLBlock('<p class="tb-note">No articles.</p>')
    items = []
    for _, doc in documents.iterrows():
        url = str(doc.get("url", "") or "")
        link = (f' <a href="{esc(url, quote=True)}" rel="noopener">{esc(url)}</a>'
                if url.startswith(("https://", "http://")) else "")
        dup = (f" (duplicate of {esc(doc['duplicate_of'])}, not counted)"
               if doc.get("duplicate_of", "") else "")
        items.append(
            f'<li id="{doc_anchor(doc["doc_id"])}"><b>{esc(doc_label(doc))}</b>: '
            f'“{esc(str(doc.get("title", "")))}”. File <code>{esc(str(doc.get("file", "")))}'
            f"</code>, date basis {esc(str(doc.get('published_basis', '')))}{dup}.{link}</li>")
    return HTMLBlock(f'<ol class="tb-sources">{"".join(items)}</ol>')


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


DOC_ID_RE = re.compile(r"\bd[0-9a-f]{10}(?:-\d+)?\b")


DATE_CELL_RE = re.compile(r"<td>(\d{4}-\d{2}-\d{2})</td>")


def section(title: str, intro: str = "") -> HTMLBlock:
    text = f'<div class="tb-prose"><p>{esc(intro)}</p></div>' if intro else ""
    return HTMLBlock(f"<h2>{esc(title)}</h2>{text}")


def prose(*paragraphs: str) -> HTMLBlock:
    return HTMLBlock('<div class="tb-prose">' + "".join(f"<p>{esc(p)}</p>" for p in paragraphs)
                     + "</div>")


def join_list(value: str, sep: str = ", ") -> str:
    return sep.join(split_list(value))
