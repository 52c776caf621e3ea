"""Metrics stage: events + extracted signals -> trust index, notice ledger, cadence, sourcing,
cooperation-conflict record.

Pure functions over the frames of the earlier stages; the only files read are
data/channels.yaml (load_channels) and data/goldstein.yaml (load_goldstein). METHOD describes
the trust index for the briefs.

Modules: channels (data/channels.yaml), frames (shared readers, SCHEMA), trust (the trust
index), notice (the notice ledger), cadence (channels' contacts and silences), sourcing,
cooperation (Goldstein-weighted events between the pair), build (build_metrics).
"""

from trustbrief.metrics.build import build_metrics
from trustbrief.metrics.cadence import cadence, contacts
from trustbrief.metrics.channels import Channel, Channels, load_channels
from trustbrief.metrics.cooperation import Goldstein, cooperation, load_goldstein
from trustbrief.metrics.frames import SCHEMA
from trustbrief.metrics.notice import notice_ledger, readable_accounts, specific_enough
from trustbrief.metrics.sourcing import SPEAKER_TYPES, sourcing
from trustbrief.metrics.trust import METHOD, trust_index

__all__ = [
    "METHOD", "SCHEMA", "SPEAKER_TYPES", "Channel", "Channels", "Goldstein", "build_metrics",
    "cadence", "contacts", "cooperation", "load_channels", "load_goldstein", "notice_ledger",
    "readable_accounts", "sourcing", "specific_enough", "trust_index",
]
