"""build_metrics: every metrics table from the events and extraction tables."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from trustbrief.metrics.cadence import cadence
from trustbrief.metrics.channels import Channels
from trustbrief.metrics.cooperation import Goldstein, cooperation
from trustbrief.metrics.notice import notice_ledger
from trustbrief.metrics.sourcing import sourcing
from trustbrief.metrics.trust import trust_index
from trustbrief.origins import Origins


def build_metrics(events_tables: Mapping[str, pd.DataFrame], found: Mapping[str, pd.DataFrame],
                  documents: pd.DataFrame, focus,
                  channels: Channels | None = None, weights: Goldstein | None = None,
                  origins: Origins | None = None) -> dict[str, pd.DataFrame]:
    """trust_index, notice_ledger, cadence, stated_measures, count_conflicts, contacts,
    sourcing, cooperation (SCHEMA). origins: Origins.from_tables(documents,
    found["claims"]) when the caller has it."""
    channels = channels or Channels()
    return {
        "trust_index": trust_index(events_tables, found, documents, focus, channels,
                                   origins),
        "notice_ledger": notice_ledger(events_tables, documents, channels.min_specificity),
        **cadence(events_tables, found, documents, channels),
        "sourcing": sourcing(found, documents),
        "cooperation": cooperation(events_tables, found, focus, weights),
    }
