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
