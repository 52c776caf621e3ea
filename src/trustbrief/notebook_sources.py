"""Write the project's notebooks from their cell sources.

Run: python -m trustbrief.notebook_sources

Notebooks are stored without outputs; this script is the readable source of their cells,
so a change to a notebook is a reviewable diff here.
"""

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

ROOT = Path(__file__).resolve().parents[2]
KERNEL = {"display_name": "Python (trustbrief)", "language": "python", "name": "trustbrief"}


def code(source, *tags):
    cell = new_code_cell(source.strip("\n"))
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def save(name, cells):
    for index, cell in enumerate(cells):  # stable ids: regenerating gives no diff
        cell["id"] = f"{name.split('.')[0].replace('_', '-')}-{index:02d}"
    nb = new_notebook(cells=cells, metadata={"kernelspec": KERNEL,
                                             "language_info": {"name": "python"}})
    nbformat.validate(nb)
    path = ROOT / "notebooks" / name
    nbformat.write(nb, str(path))
    print(f"wrote {path}")


BRIEF_PARAMETERS = '''
title = "US–Israel coordination, July–October 2024"  # the brief's headline
start = "2024-07-01"  # first day of the period (YYYY-MM-DD)
end = "2024-10-31"  # last day of the period (YYYY-MM-DD)
focus = "US->Israel"  # focus pair OBSERVER->SUBJECT: how far the observer trusts the subject
min_origins = 1  # draw only events with at least this many independent origins
crisis_start = "2024-09-17"  # shaded crisis window on the timeline: first day ('' for none)
crisis_end = "2024-10-09"  # shaded crisis window: last day ('' for none)
processed_dir = "../data/processed"  # folder of processed tables (make data writes it)
build_time = ""  # set by the renderer; '' when run interactively
brief_name = ""  # file name of the brief, set by the renderer
'''

BRIEF_SETUP = '''
from trustbrief import offline_charts, report

offline_charts.enable()
params = dict(title=title, start=start, end=end, focus=focus, min_origins=min_origins,
              crisis_start=crisis_start, crisis_end=crisis_end, build_time=build_time)
brief = report.Brief.open(processed_dir, params)
'''


def brief_notebook():
    cells = [
        code(BRIEF_PARAMETERS, "parameters", "remove_cell"),
        code(BRIEF_SETUP, "remove_cell"),
        code("brief.header()"),
        code("brief.key_findings()"),
        code("brief.timeline()"),
        code("brief.trust()"),
        code("brief.cadence()"),
        code("brief.corroboration()"),
        code("brief.conflicts_and_framing()"),
        code("brief.claims()"),
        code("brief.methods()"),
    ]
    save("brief.ipynb", cells)


EXPLORER_PARAMETERS = '''
processed_dir = "../data/processed"  # folder of processed tables (make data writes it)
query = "trust"  # show the sentences that contain this word (case-insensitive)
'''

# Both explorers start alike: offline charts, the project theme, the processed tables.
EXPLORER_SETUP = """
import altair as alt
import pandas as pd
from IPython.display import display

from trustbrief import charts, offline_charts, report

offline_charts.enable()
charts.use_theme()
tables = report.load_tables(processed_dir)"""

CORPUS_CELLS = [
    EXPLORER_SETUP + """
documents, sentences = tables["documents"], tables["sentences"]
print(f"{len(documents)} documents, {len(sentences)} sentences")
""",
    """
# Every article: outlet, title, publication date and how we know it.
report.corpus_table(tables)
""",
    """
# Sentences per article, coloured by how its publication date is known.
per_doc = documents.assign(n_sentences=pd.to_numeric(documents["n_sentences"]),
                           article=documents["file"])
alt.Chart(per_doc).mark_bar().encode(
    x=alt.X("n_sentences:Q", title="sentences"),
    y=alt.Y("article:N", sort="-x", title=None),
    color=alt.Color("published_basis:N", title="date basis"),
    tooltip=["file", "title", "outlet", "published", "published_basis", "published_evidence"],
).properties(width=420)
""",
    """
# Sentences that mention the query, with their article.
hits = sentences[sentences["text"].str.contains(query, case=False, regex=False)]
report.table(hits.merge(documents[["doc_id", "file", "outlet"]], on="doc_id"),
             {"file": "File", "outlet": "Outlet", "sent_id": "Sentence", "text": "Text"})
""",
    """
# Time expressions found, and what each was normalized to.
report.table(tables["time_expressions"],
             {"sent_id": "Sentence", "text": "Expression", "kind": "Kind", "date": "Date",
              "date_earliest": "Earliest", "date_latest": "Latest", "basis": "Basis"})
""",
]

EVIDENCE_PARAMETERS = '''
processed_dir = "../data/processed"  # folder of processed tables (make data writes it)
event_id = ""  # event to show in detail; '' picks the event reported by most articles
'''

EVIDENCE_CELLS = [
    EXPLORER_SETUP + """
events, mentions = tables["events"], tables["mentions"]
print(f"{len(events)} events from {len(mentions)} mentions")
""",
    """
# Click an event: the sentences that report it are listed on the right.
pick = alt.selection_point(fields=["event_id"], empty=False)
dated = events[events["date"] != ""].assign(n_origins=lambda f: pd.to_numeric(f["n_origins"]))
points = alt.Chart(dated).mark_circle(size=120).encode(
    x=alt.X("date:T", title=None), y=alt.Y("lane:N", title=None),
    color=alt.condition(pick, alt.value("#D55E00"), alt.value("#0072B2")),
    tooltip=["label", "date", "date_basis", "n_documents", "n_origins", "us_notice"],
).add_params(pick).properties(width=360, height=220)
evidence = mentions[mentions["event_id"].isin(dated["event_id"])][["event_id", "doc_id", "text"]]
evidence = evidence.assign(text=evidence["text"].str.slice(0, 90))
listing = alt.Chart(evidence).transform_filter(pick).transform_window(
    row="row_number()").mark_text(align="left", fontSize=10).encode(
    y=alt.Y("row:O", axis=None), text="text:N").properties(width=480, height=220)
points | listing
""",
    """
# Every canonical event with its corroboration.
report.table(events, {"event_id": "Id", "date": "Date", "date_basis": "Basis", "label": "Event",
                      "n_documents": "Articles", "n_outlets": "Outlets", "n_origins": "Origins",
                      "origins": "Origin names", "us_notice": "Notice"})
""",
    """
# One event in detail: every sentence behind it, with its article.
chosen = event_id or events.sort_values("n_documents", key=lambda s: -pd.to_numeric(s)
                                        )["event_id"].iloc[0]
detail = mentions[mentions["event_id"] == chosen].merge(
    tables["documents"][["doc_id", "file", "outlet", "published"]], on="doc_id")
print(events.set_index("event_id").loc[chosen, "label"])
report.table(detail, {"file": "File", "outlet": "Outlet", "published": "Published",
                      "date": "Date", "date_basis": "Basis", "time_text": "Time words",
                      "text": "Sentence"})
""",
    """
# Trust signals in the sentences of that event.
signals = tables["trust_signals"].merge(detail[["doc_id", "sent_id"]], on=["doc_id", "sent_id"])
report.table(signals, {"cue": "Cue", "category": "Category", "polarity": "Polarity",
                       "direction": "Direction", "notice": "Notice", "text": "Sentence"},
             empty="No trust signal in these sentences.")
""",
]


def explorer_notebooks():
    save("corpus_explorer.ipynb",
         [code(EXPLORER_PARAMETERS, "parameters")] + [code(c) for c in CORPUS_CELLS])
    save("evidence_explorer.ipynb",
         [code(EVIDENCE_PARAMETERS, "parameters")] + [code(c) for c in EVIDENCE_CELLS])


if __name__ == "__main__":
    brief_notebook()
    explorer_notebooks()
