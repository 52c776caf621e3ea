"""The dyadic cooperation-conflict record: each asserted event between the two sides of the
pair, with the Goldstein weight of its PLOVER category (data/goldstein.yaml) and its sign.

The brief counts these rows per period, cooperative against conflictual; nothing here adds
weights up, so one assault never 'cancels' two consultations.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from trustbrief.contract.codecs import parse_list
from trustbrief.knowledge import DataFileError, load_yaml, require_keys
from trustbrief.metrics.frames import SCHEMA, focus_pair, typed_frame
from trustbrief.tables import cell_text, frame_records, str_column


@dataclass(frozen=True)
class Weight:
    cameo: str  # the CAMEO root code the category descends from
    goldstein: float | None  # None: the category is not on the scale


@dataclass(frozen=True)
class Goldstein:
    """data/goldstein.yaml: PLOVER category -> CAMEO root code and Goldstein weight."""

    categories: dict[str, Weight] = field(default_factory=dict)

    def tone(self, plover: str) -> str:
        """cooperative | conflictual | neutral | '' (not on the scale or unknown)."""
        weight = self.categories.get(plover)
        if weight is None or weight.goldstein is None:
            return ""
        if weight.goldstein > 0:
            return "cooperative"
        return "conflictual" if weight.goldstein < 0 else "neutral"


def load_goldstein(data_dir: Path | str) -> Goldstein:
    """Read data/goldstein.yaml; a weight off the -10..10 scale is an error naming the key."""
    path = Path(data_dir) / "goldstein.yaml"
    if not path.is_file():
        return Goldstein()
    doc = require_keys(path, "top level", load_yaml(path) or {}, ["categories"])
    categories = {}
    for name, spec in (doc["categories"] or {}).items():
        where = f"categories.{name}"
        require_keys(path, where, spec, ["cameo", "goldstein"])
        value = spec["goldstein"]
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)
                                  or not -10 <= value <= 10):
            raise DataFileError(path, where, f"goldstein must be a number from -10 to 10 or "
                                f"null, got {value!r}")
        categories[str(name)] = Weight(str(spec["cameo"]),
                                       None if value is None else float(value))
    return Goldstein(categories)


def _sides(found: Mapping) -> dict[str, str]:
    """Actor -> side as extraction resolved it (the most frequent side of its mentions)."""
    mentions = typed_frame(found, "actor_mentions")
    if mentions.empty or not {"actor", "side"} <= set(mentions.columns):
        return {}
    by_actor: dict[str, list[str]] = {}
    for actor, side in zip(str_column(mentions, "actor"), str_column(mentions, "side"),
                           strict=True):
        if actor and side:
            by_actor.setdefault(actor, []).append(side)
    return {actor: _most_frequent(by_actor[actor]) for actor in sorted(by_actor)}


def _most_frequent(values: list[str]) -> str:
    """The commonest value; a tie is broken as pandas' value_counts orders it (counted in a
    plain dict first: one value_counts per actor was most of the metrics' time at 10,000
    articles)."""
    top = Counter(values).most_common(2)
    if len(top) == 1 or top[0][1] > top[1][1]:
        return top[0][0]
    return pd.Series(values).value_counts().index[0]


def _direction(event: dict, sides: dict[str, str], pair: tuple[str, str]) -> str:
    """'A->B' when the agent is of one side of the pair and a target of the other, else ''."""
    agent = cell_text(event.get("agent_side")) or sides.get(cell_text(event.get("agent")), "")
    if agent not in pair:
        return ""
    other = pair[1] if agent == pair[0] else pair[0]
    targets = {sides.get(t, t) for t in parse_list(event.get("targets"))}
    return f"{agent}->{other}" if other in targets else ""


def cooperation(events_tables: Mapping[str, pd.DataFrame], found: Mapping[str, pd.DataFrame],
                focus, weights: Goldstein | None = None) -> pd.DataFrame:
    """One row per asserted event between the pair whose category is on the Goldstein scale."""
    weights = weights or Goldstein()
    pair = focus_pair(focus)
    sides = _sides(found)
    rows = []
    for event in frame_records(typed_frame(events_tables, "events")):
        if cell_text(event.get("status")) not in ("", "asserted"):
            continue
        plover = cell_text(event.get("plover"))
        tone = weights.tone(plover)
        direction = _direction(event, sides, pair)
        if not tone or not direction:
            continue
        weight = weights.categories[plover]
        rows.append({
            "event_id": event["event_id"], "date": cell_text(event.get("date")),
            "date_earliest": cell_text(event.get("date_earliest")),
            "date_latest": cell_text(event.get("date_latest")), "direction": direction,
            "plover": plover, "cameo": weight.cameo, "goldstein": weight.goldstein,
            "tone": tone, "label": cell_text(event.get("label")),
            "n_origins": int(event.get("n_origins") or 0),
            "doc_ids": list(parse_list(event.get("doc_ids"))),
        })
    return pd.DataFrame(rows, columns=list(SCHEMA["cooperation"]))
