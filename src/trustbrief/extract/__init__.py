"""Extraction: sentences -> actor mentions, event mentions, claims and trust signals."""

from trustbrief.extract.dated_mentions import DATES_IN_MENTIONS, date_mentions
from trustbrief.extract.lexicons import (
    SCHEMA,
    Lexicons,
    load_lexicons,
    named_alternation,  # noqa: F401  (tested directly)
)
from trustbrief.extract.nlp import preload_pipeline
from trustbrief.extract.stage import extract

__all__ = ["DATES_IN_MENTIONS", "SCHEMA", "Lexicons", "date_mentions", "extract",
           "load_lexicons", "preload_pipeline"]
