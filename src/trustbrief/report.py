"""Brief assembly: the notebook's sections as escaped HTML blocks around the charts.

The notebook stays thin: each section is one call here. Everything that comes
from an article (titles, sentences, names) is HTML-escaped, so markup in a seed
stays inert in the brief.
"""

from __future__ import annotations

import html
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from trustbrief.tables import read_table, split_list

log = logging.getLogger("trustbrief")
esc = html.escape

TABLE_NAMES = ("documents", "sentences", "mentions", "events", "claims", "trust_signals",
               "actor_mentions", "time_expressions", "conflicts", "overrides", "trust_index",
               "notice_ledger", "cadence", "sourcing")


@dataclass
class Tables:
    """The processed tables a brief reads, plus the extraction provenance."""

    frames: dict[str, pd.DataFrame]
    provenance: dict = field(default_factory=dict)
    datapackage: dict = field(default_factory=dict)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.frames.get(name, pd.DataFrame())


def load_tables(processed_dir: Path | str) -> Tables:
    processed_dir = Path(processed_dir)
    if not (processed_dir / "documents.csv").exists():
        raise FileNotFoundError(
            f"no processed tables in {processed_dir}: run `make data` first")
    frames = {}
    for name in TABLE_NAMES:
        path = processed_dir / f"{name}.csv"
        frames[name] = read_table(path) if path.exists() else pd.DataFrame()
    prov, package = {}, {}
    if (processed_dir / "provenance.json").exists():
        prov = json.loads((processed_dir / "provenance.json").read_text(encoding="utf-8"))
    if (processed_dir / "datapackage.json").exists():
        package = json.loads((processed_dir / "datapackage.json").read_text(encoding="utf-8"))
    return Tables(frames, prov, package)


class HTMLBlock:
    """Something a notebook cell displays as HTML (and nothing else)."""

    def __init__(self, markup: str):
        self.markup = markup

    def _repr_html_(self) -> str:
        return self.markup


def in_period(frame: pd.DataFrame, start: str, end: str, column: str = "date") -> pd.DataFrame:
    """Rows whose date (or range) touches [start, end]; undated rows are kept."""
    if frame.empty or column not in frame:
        return frame
    lo = frame.get(f"{column}_earliest", frame[column]).where(lambda s: s != "", frame[column])
    hi = frame.get(f"{column}_latest", frame[column]).where(lambda s: s != "", frame[column])
    undated = frame[column] == ""
    keep = undated | ((hi >= start) & (lo <= end))
    return frame[keep]


# -- document citations ----------------------------------------------------------------

def doc_label(doc: pd.Series) -> str:
    """'The Jerusalem Post, 2024-09-29' or 'unknown outlet (003_x.txt), 2024-10-08 (inferred)'."""
    outlet = doc.get("outlet", "") or "unknown"
    name = outlet if outlet != "unknown" else f"unknown outlet ({doc.get('file', '')})"
    date = doc.get("published", "") or "undated"
    if doc.get("published_basis", "") == "inferred" and date != "undated":
        date += " (inferred)"
    return f"{name}, {date}"


def cite_docs(doc_ids, documents: pd.DataFrame) -> str:
    """Escaped citation links to source documents (their URL when known)."""
    if documents.empty:
        return ""
    by_id = documents.set_index("doc_id")
    parts = []
    for doc_id in doc_ids:
        if doc_id not in by_id.index:
            continue
        doc = by_id.loc[doc_id]
        label = esc(doc_label(doc))
        url = doc.get("url", "")
        if isinstance(url, str) and url.startswith(("https://", "http://")):
            parts.append(f'<a href="{esc(url, quote=True)}" rel="noopener">{label}</a>')
        else:
            parts.append(f'<span title="{esc(doc.get("file", ""), quote=True)}">{label}</span>')
    return "; ".join(parts)


# -- building blocks ---------------------------------------------------------------------

def figure(chart, title: str, takeaway: str, source: str, note: str = "") -> HTMLBlock:
    """A titled figure: title, one-line takeaway, the chart, a source line - one block,
    so it never splits across PDF pages."""
    from trustbrief import offline_charts

    rendered = offline_charts.render_mimebundle(chart.to_dict())["text/html"]
    extra = f'<p class="tb-note">{esc(note)}</p>' if note else ""
    return HTMLBlock(
        f'<figure class="tb-figure"><p class="tb-fig-title">{esc(title)}</p>'
        f'<p class="tb-takeaway">{esc(takeaway)}</p>{rendered}{extra}'
        f'<figcaption class="tb-source">Source: {esc(source)}</figcaption></figure>')


def table(frame: pd.DataFrame, columns: dict[str, str] | None = None, caption: str = "",
          empty: str = "Nothing to show for this period.") -> HTMLBlock:
    """An escaped HTML table with readable column names."""
    if frame is None or frame.empty:
        return HTMLBlock(f'<p class="tb-note">{esc(empty)}</p>')
    shown = frame
    if columns:
        shown = frame[[c for c in columns if c in frame]].rename(columns=columns)
    cap = f'<p class="tb-note">{esc(caption)}</p>' if caption else ""
    return HTMLBlock(cap + shown.to_html(index=False, escape=True, border=0,
                                         classes="tb-table", na_rep=""))


def section(title: str, intro: str = "") -> HTMLBlock:
    text = f'<div class="tb-prose"><p>{esc(intro)}</p></div>' if intro else ""
    return HTMLBlock(f"<h2>{esc(title)}</h2>{text}")


def prose(*paragraphs: str) -> HTMLBlock:
    return HTMLBlock('<div class="tb-prose">' + "".join(f"<p>{esc(p)}</p>" for p in paragraphs)
                     + "</div>")


def header(params: dict, tables: Tables, dek: str = "") -> HTMLBlock:
    docs = tables["documents"]
    n_docs = len(docs)
    outlets = sorted({o for o in docs.get("outlet", pd.Series(dtype=str)) if o and o != "unknown"})
    meta = (f"Period {params['start']} to {params['end']} · focus {params['focus']} · "
            f"{n_docs} article(s) from {len(outlets)} named outlet(s) · built "
            f"{params.get('build_time') or 'interactively'}")
    dek_html = f'<p class="tb-dek">{esc(dek)}</p>' if dek else ""
    return HTMLBlock(f"<h1>{esc(params['title'])}</h1>{dek_html}"
                     f'<p class="tb-meta">{esc(meta)}</p>')


def corpus_table(tables: Tables) -> HTMLBlock:
    docs = tables["documents"].copy()
    if docs.empty:
        return table(docs)
    docs["published"] = [
        f"{p} ({b})" if p else f"unknown ({b})"
        for p, b in zip(docs["published"], docs["published_basis"], strict=True)]
    return table(docs, {"file": "File", "title": "Title", "outlet": "Outlet",
                        "published": "Published (basis)", "n_sentences": "Sentences",
                        "duplicate_of": "Duplicate of"})


def provenance_appendix(params: dict, tables: Tables) -> HTMLBlock:
    """Seeds with sha256, data files, parameters, package versions, git revision, build time."""
    from trustbrief import provenance

    prov = tables.provenance
    seeds = pd.DataFrame(prov.get("seeds", []))
    data_files = pd.DataFrame(prov.get("data_files", []))
    versions = dict(prov.get("packages", {}))
    versions.update(provenance.package_versions())
    shown_params = {k: v for k, v in params.items() if k != "processed_dir"}
    parts = [
        "<h3>Parameters</h3>",
        table(pd.DataFrame({"parameter": list(shown_params),
                            "value": [str(v) for v in shown_params.values()]}))._repr_html_(),
        "<h3>Input articles</h3>",
        table(seeds, {"file": "File", "sha256": "sha256"})._repr_html_(),
        "<h3>Analyst data files</h3>",
        table(data_files, {"file": "File", "sha256": "sha256"})._repr_html_(),
        "<h3>Software</h3>",
        table(pd.DataFrame({"package": list(versions), "version": list(versions.values())})
              )._repr_html_(),
        f'<p class="tb-meta">git revision {esc(provenance.git_revision(Path.cwd()))} · '
        f"built {esc(params.get('build_time') or provenance.build_time())}</p>",
    ]
    return HTMLBlock('<div class="tb-appendix">' + "".join(parts) + "</div>")


def join_list(value: str, sep: str = ", ") -> str:
    return sep.join(split_list(value))


# -- the brief, section by section (the notebook calls one method per cell) --------------

class Brief:
    """A brief's data and parameters; each method renders one section."""

    def __init__(self, tables: Tables, params: dict):
        self.tables = tables
        self.params = params

    @classmethod
    def open(cls, processed_dir: Path | str, params: dict) -> Brief:
        return cls(load_tables(processed_dir), dict(params))

    def header(self) -> HTMLBlock:
        return header(self.params, self.tables)

    def corpus(self) -> HTMLBlock:
        return HTMLBlock(section("The articles").markup + corpus_table(self.tables).markup)

    def methods(self) -> HTMLBlock:
        return HTMLBlock(section("Methods and provenance").markup
                         + provenance_appendix(self.params, self.tables).markup)
