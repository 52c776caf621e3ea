"""Write the project's notebooks from their cell sources.

Run: python -m trustbrief.notebook_sources

Notebooks are stored without outputs; this script is the readable source of their cells,
so a change to a notebook is a reviewable diff here.
"""

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

ROOT = Path(__file__).resolve().parents[2]
KERNEL = {"display_name": "Python 3 (trustbrief)", "language": "python", "name": "python3"}


def code(source, *tags):
    cell = new_code_cell(source.strip("\n"))
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


def save(name, cells):
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


if __name__ == "__main__":
    brief_notebook()
