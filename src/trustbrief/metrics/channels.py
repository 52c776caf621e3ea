"""data/channels.yaml: communication channels, cue patterns and the metrics' parameters."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from trustbrief.knowledge import DataFileError, compile_pattern, load_yaml, require_keys

NOTICE_DEFAULTS = {"none": -1.0, "unknown": -0.5, "minutes": -0.75, "hours": -0.5, "days": 0.0}


CONFLICT_TOLERANCE_DAYS = 3  # stated gaps closer than this many days agree


SPECIFICITY = ("any", "dated_or_target", "dated")  # notice_ledger.min_specificity levels


@dataclass(frozen=True)
class Channel:
    id: str
    name: str
    actors: tuple[str, ...]
    contact_types: tuple[str, ...]


@dataclass(frozen=True)
class Channels:
    """data/channels.yaml: channels, contact cue words, trust-index weights."""

    channels: tuple[Channel, ...] = ()
    contact_cue: re.Pattern | None = None
    silence_cue: re.Pattern | None = None
    notice_impact: dict = field(default_factory=lambda: dict(NOTICE_DEFAULTS))
    negated_factor: float = 0.5
    sd: float = 1.0
    z: float = 1.96
    blocking_types: tuple[str, ...] = ()
    min_specificity: str = "any"


def load_channels(data_dir: Path | str) -> Channels:
    """Read and validate data/channels.yaml."""
    path = Path(data_dir) / "channels.yaml"
    doc = load_yaml(path) or {}
    require_keys(path, "top level", doc, ["channels"], ["contact_cues", "silence_cues", "index",
                                                        "blocking_types", "notice_ledger"])
    channels, seen = [], set()
    for n, item in enumerate(doc["channels"] or [], start=1):
        where = f"channels[{n}]"
        require_keys(path, where, item, ["id", "name", "actors", "contact_types"])
        cid = str(item["id"])
        if not re.fullmatch(r"[A-Za-z0-9_-]+", cid) or cid in seen:
            raise DataFileError(path, where, f"id {cid!r} must be unique letters, digits, _ -")
        seen.add(cid)
        for key in ("actors", "contact_types"):
            value = item[key]
            if not isinstance(value, list) or not value or not all(
                    isinstance(v, str) and v for v in value):
                raise DataFileError(path, f"channel {cid!r}", f"{key} must be a list of names")
        if len(item["actors"]) < 2:
            raise DataFileError(path, f"channel {cid!r}", "a channel needs two actors or more")
        channels.append(Channel(cid, str(item["name"]), tuple(item["actors"]),
                                tuple(item["contact_types"])))
    contact = _cue_pattern(path, doc, "contact_cues")
    silence = _cue_pattern(path, doc, "silence_cues")
    index = doc.get("index") or {}
    require_keys(path, "index", index, [], ["notice_impact", "negated_factor", "sd", "z"])
    impact = dict(NOTICE_DEFAULTS)
    for level, value in (index.get("notice_impact") or {}).items():
        if level not in NOTICE_DEFAULTS or not isinstance(value, (int, float)):
            raise DataFileError(path, f"index.notice_impact.{level}",
                                f"levels are {', '.join(NOTICE_DEFAULTS)} with numbers")
        impact[level] = float(value)
    numbers = {}
    for key, default in (("negated_factor", 0.5), ("sd", 1.0), ("z", 1.96)):
        value = index.get(key, default)
        if not isinstance(value, (int, float)) or value < 0:
            raise DataFileError(path, f"index.{key}", f"expected a number >= 0, got {value!r}")
        numbers[key] = float(value)
    if numbers["sd"] == 0:
        raise DataFileError(path, "index.sd", "must be above 0")
    blocking = doc.get("blocking_types") or []
    if not isinstance(blocking, list) or not all(isinstance(b, str) and b for b in blocking):
        raise DataFileError(path, "blocking_types", "expected a list of event types")
    ledger = doc.get("notice_ledger") or {}
    require_keys(path, "notice_ledger", ledger, [], ["min_specificity"])
    level = str(ledger.get("min_specificity", "any"))
    if level not in SPECIFICITY:
        raise DataFileError(path, "notice_ledger.min_specificity",
                            f"{level!r} is not one of {', '.join(SPECIFICITY)}")
    return Channels(tuple(channels), contact, silence, impact, **numbers,
                    blocking_types=tuple(blocking), min_specificity=level)


def _cue_pattern(path: Path, doc: dict, key: str) -> re.Pattern | None:
    cues = doc.get(key) or []
    if not isinstance(cues, list) or not all(isinstance(c, str) and c for c in cues):
        raise DataFileError(path, key, "expected a list of regular expressions")
    for i, c in enumerate(cues, start=1):
        compile_pattern(path, f"{key}[{i}]", c)
    return compile_pattern(path, key, r"\b(?:" + "|".join(cues) + r")\b") if cues else None
