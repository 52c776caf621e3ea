"""Lookups shared by every event of a run (types, actors, signals per sentence), built once."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from trustbrief.events.label_rules import LabelRules
from trustbrief.origins import Origins
from trustbrief.tables import frame_records


@dataclass
class Context:
    """Lookups shared by all events, built once."""

    types: dict[str, dict]
    kinds: dict[str, dict]
    rules: LabelRules
    focus: tuple[str, str]
    origins: Origins  # THE origin rule (trustbrief.origins)
    signals_by_sent: dict[tuple[str, str], list[dict]]
    actors_by_sent: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    # sentences whose every mention is unreal (planned, hypothetical, generic, negated): they
    # tell what may be or is believed, not what was done (events/notice_links.py)
    unreal_sents: frozenset = frozenset()
    chronology: list[dict] = field(default_factory=list)


# the trust-signal fields the events stage reads (notice, direction of the surprise)
SIGNAL_FIELDS = ("doc_id", "sent_id", "direction", "negated", "notice", "category", "text",
                 "rule")


def signals_by_sentence(found) -> dict[tuple[str, str], list[dict]]:
    signals: dict[tuple[str, str], list[dict]] = defaultdict(list)
    ts = found.get("trust_signals")
    if ts is not None and len(ts):
        for s in frame_records(ts, [c for c in SIGNAL_FIELDS if c in ts]):
            signals[(s["doc_id"], s["sent_id"])].append(s)
    return signals
