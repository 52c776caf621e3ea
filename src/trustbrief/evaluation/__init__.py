"""Measuring trustbrief on labelled corpora (`python -m trustbrief evaluate`, `make evaluate`).

gold.py reads a labelled corpus and its syntax, scoring.py compares predicted tables with it
(pure functions), run.py extracts, scores and writes reports/evaluation/.
"""

from trustbrief.evaluation.gold import GoldCorpus, load_gold, parse_gold_outlet
from trustbrief.evaluation.run import evaluate, markdown_table
from trustbrief.evaluation.scoring import Score, match_events, score_documents, score_events

__all__ = ["GoldCorpus", "Score", "evaluate", "load_gold", "markdown_table", "match_events",
           "parse_gold_outlet", "score_documents", "score_events"]
