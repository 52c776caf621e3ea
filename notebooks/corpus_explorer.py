# ---
# jupyter:
#   jupytext:
#     notebook_metadata_filter: kernelspec,-jupytext.text_representation.jupytext_version
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python (trustbrief)
#     language: python
#     name: trustbrief
# ---

# %% [markdown]
# # Corpus explorer
#
# The articles behind the briefs: where each comes from, how its publication date is known, and
# the sentences and time expressions the pipeline read. Run `make data` first; change `query`
# to search the sentences.

# %% tags=["parameters"]
processed_dir = "../data/processed"  # folder of processed tables (make data writes it)
query = "trust"  # show the sentences that contain this word (case-insensitive)

# %%
import altair as alt
import pandas as pd

from trustbrief.brief import offline_charts
from trustbrief.brief.annex import corpus_table
from trustbrief.brief.html import table
from trustbrief.brief.style import use_theme
from trustbrief.brief.tables import load_tables

offline_charts.enable()
use_theme()
tables = load_tables(processed_dir)
documents, sentences = tables["documents"], tables["sentences"]
print(f"{len(documents)} documents, {len(sentences)} sentences")

# %% [markdown]
# Every article: outlet, title, publication date and how we know it.

# %%
corpus_table(tables)

# %% [markdown]
# Sentences per article, coloured by how its publication date is known.

# %%
per_doc = documents.assign(n_sentences=pd.to_numeric(documents["n_sentences"]),
                           article=documents["file"])
alt.Chart(per_doc).mark_bar().encode(
    x=alt.X("n_sentences:Q", title="sentences"),
    y=alt.Y("article:N", sort="-x", title=None),
    color=alt.Color("published_basis:N", title="date basis"),
    tooltip=["file", "title", "outlet", "published", "published_basis", "published_evidence"],
).properties(width=420)

# %% [markdown]
# Sentences that mention the query, with their article.

# %%
hits = sentences[sentences["text"].str.contains(query, case=False, regex=False)]
table(hits.merge(documents[["doc_id", "file", "outlet"]], on="doc_id"),
             {"file": "File", "outlet": "Outlet", "sent_id": "Sentence", "text": "Text"})

# %% [markdown]
# Time expressions found, and what each was normalized to.

# %%
table(tables["time_expressions"],
             {"sent_id": "Sentence", "text": "Expression", "kind": "Kind", "date": "Date",
              "date_earliest": "Earliest", "date_latest": "Latest", "basis": "Basis"})
