"""The brief's annex: header line, corpus table, methods text and provenance.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from trustbrief import provenance
from trustbrief.brief.html import HTMLBlock, esc, table
from trustbrief.brief.tables import Tables
from trustbrief.brief.views.cells import text_column


def header(params: dict, tables: Tables, dek: str = "") -> HTMLBlock:
    docs = tables["documents"]
    n_docs = len(docs)
    outlets = sorted({o for o in text_column(docs, "outlet") if o and o != "unknown"})
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


METHODS = (
    "Articles. Each file in seeds/ is read as received; bylines, datelines and site furniture "
    "are separated from the body by the rules in data/boilerplate.yaml, and what they tell "
    "(outlet, author, URL, date) is kept. A publication date is stated in the text, given in "
    "data/sources.csv, or inferred from the article's relative references ('last Friday', "
    "'today') to events whose dates other articles or the analyst chronology pin down; "
    "inferred dates are marked wherever they are cited.",
    "Events. Every sentence is matched against the event vocabulary (data/event_types.yaml) "
    "and the gazetteer of actors; mentions of the same type, compatible dates and shared "
    "participants are merged into one event across articles. An event's date comes from the "
    "time expression governing its sentence (explicit beats relative beats inferred); an "
    "event no article dates may take its date from the analyst chronology, never its "
    "existence. Dates that disagree are kept as conflicting accounts.",
    "Corroboration. An event's documents exclude duplicates; its independent origins count "
    "the original reports behind it: articles that cite the same outlet as their source are "
    "one origin. The notice ledger lists, for each operation by one side of the focus pair "
    "against a third party, the advance notice the other side reported (none, minutes, "
    "hours, days), the most specific account first and every other account kept.",
    "Cadence. Contacts are calls and meetings between the actors of each channel in "
    "data/channels.yaml; planned or blocked contacts are shown apart from those that took "
    "place; gaps stated in the articles ('nearly 50 days') are kept as stated, with their "
    "sources.",
)
