"""trustbrief: news coverage of a bilateral relationship -> evidence tables -> briefs.

Stages (one module each): corpus -> extract (timex) -> dating -> events -> metrics,
then charts/findings for the notebooks and render for publishing.
"""

__version__ = "0.1.0"
