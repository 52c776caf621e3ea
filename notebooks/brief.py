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

# %% tags=["parameters", "remove_cell"]
title = ""  # headline of the brief; empty: the first brief of the story behind processed_dir
start = ""  # first day of the period, YYYY-MM-DD; empty: that of the brief
end = ""  # last day of the period, YYYY-MM-DD; empty: that of the brief
focus = ""  # pair OBSERVER->SUBJECT (how far the observer trusts the subject); empty: the story's
min_origins = 1  # draw only events with at least this many independent origins
crisis_start = ""  # shaded crisis window, first day; empty: none, or the brief's if no title
crisis_end = ""  # shaded crisis window, last day; empty: none, or the brief's if no title
processed_dir = "../data/processed"  # folder of processed tables (make data writes it)
build_time = ""  # set by the renderer; empty when run interactively
brief_name = ""  # file name of the brief, set by the renderer

# %% tags=["remove_cell"]
from trustbrief.brief import offline_charts, sections

offline_charts.enable()
params = dict(title=title, start=start, end=end, focus=focus, min_origins=min_origins,
              crisis_start=crisis_start, crisis_end=crisis_end, build_time=build_time)
brief = sections.Brief.open(processed_dir, params)

# %%
brief.front_page()

# %%
brief.timeline()

# %%
brief.relations()

# %%
brief.notice()

# %%
brief.cadence()

# %%
brief.statements()

# %%
brief.conflicts_section()

# %%
brief.corroboration()

# %%
brief.sources_section()

# %%
brief.annex()
