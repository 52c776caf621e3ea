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
# # Evidence explorer
#
# Every canonical event with the sentences that report it and the trust signals around it. Run
# `make data` first; set `event_id` to inspect one event.

# %% tags=["parameters"]
processed_dir = "../data/processed"  # folder of processed tables (make data writes it)
event_id = ""  # event to show in detail; '' picks the event reported by most articles

# %%
import altair as alt
import pandas as pd

from trustbrief.brief import offline_charts
from trustbrief.brief.html import table
from trustbrief.brief.style import use_theme
from trustbrief.brief.tables import load_tables

offline_charts.enable()
use_theme()
tables = load_tables(processed_dir)
events, mentions = tables["events"], tables["mentions"]
print(f"{len(events)} events from {len(mentions)} mentions")

# %% [markdown]
# Click an event: the sentences that report it are listed on the right.

# %%
pick = alt.selection_point(fields=["event_id"], empty=False)
dated = events[events["date"] != ""].assign(n_origins=lambda f: pd.to_numeric(f["n_origins"]))
points = alt.Chart(dated).mark_circle(size=120).encode(
    x=alt.X("date:T", title=None), y=alt.Y("lane:N", title=None),
    color=alt.condition(pick, alt.value("#D55E00"), alt.value("#0072B2")),
    tooltip=["label", "date", "date_basis", "n_documents", "n_origins", "notice"],
).add_params(pick).properties(width=360, height=220)
evidence = mentions[mentions["event_id"].isin(dated["event_id"])][["event_id", "doc_id", "text"]]
evidence = evidence.assign(text=evidence["text"].str.slice(0, 90))
listing = alt.Chart(evidence).transform_filter(pick).transform_window(
    row="row_number()").mark_text(align="left", fontSize=10).encode(
    y=alt.Y("row:O", axis=None), text="text:N").properties(width=480, height=220)
points | listing

# %% [markdown]
# Every canonical event with its corroboration.

# %%
table(events, {"event_id": "Id", "date": "Date", "date_basis": "Basis", "label": "Event",
                      "n_documents": "Articles", "n_outlets": "Outlets", "n_origins": "Origins",
                      "origins": "Origin names", "notice": "Notice"})

# %% [markdown]
# One event in detail: every sentence behind it, with its article.

# %%
chosen = event_id or events.sort_values("n_documents", key=lambda s: -pd.to_numeric(s)
                                        )["event_id"].iloc[0]
detail = mentions[mentions["event_id"] == chosen].merge(
    tables["documents"][["doc_id", "file", "outlet", "published"]], on="doc_id")
print(events.set_index("event_id").loc[chosen, "label"])
table(detail, {"file": "File", "outlet": "Outlet", "published": "Published",
                      "date": "Date", "date_basis": "Basis", "time_text": "Time words",
                      "text": "Sentence"})

# %% [markdown]
# Trust signals in the sentences of that event.

# %%
signals = tables["trust_signals"].merge(detail[["doc_id", "sent_id"]], on=["doc_id", "sent_id"])
table(signals, {"cue": "Cue", "category": "Category", "polarity": "Polarity",
                       "direction": "Direction", "notice": "Notice", "text": "Sentence"},
             empty="No trust signal in these sentences.")
