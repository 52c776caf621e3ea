"""Analyst annotations: data/annotations.yaml loaded, and applied to clusters and events."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd

from trustbrief.contract.vocab import AnnotationAction, values
from trustbrief.events.facts import precision_of, range_text
from trustbrief.events.label_rules import LABEL_MAX
from trustbrief.events.records import Rec, day_number
from trustbrief.knowledge import DataFileError, load_yaml, parse_iso_date, require_keys
from trustbrief.tables import cell_text

ANNOTATION_ACTIONS = values(AnnotationAction)


ANNOTATION_COLUMNS = ["id", "event", "action", "value", "note"]


ANNOTATION_ID = re.compile(r"^[A-Za-z0-9_-]+$")


def load_annotations(data_dir: Path | str) -> pd.DataFrame:
    """Read data/annotations.yaml -> DataFrame[id, event, action, value, note].

    A missing file means no annotations. Values are checked per action (dates parse, labels
    fit, split lists are lists) so a typo fails here with the annotation id and the reason.
    """
    return _read_annotations(Path(data_dir) / "annotations.yaml")


def _read_annotations(path: Path) -> pd.DataFrame:
    if not path.exists():
        return pd.DataFrame(columns=ANNOTATION_COLUMNS)
    doc = _load_yaml_checked(path) or {}
    require_keys(path, "top level", doc, ["annotations"])
    items = doc["annotations"] or []
    if not isinstance(items, list):
        raise DataFileError(path, "annotations", "expected a list of corrections")
    rows, seen = [], set()
    for n, item in enumerate(items, start=1):
        where = f"annotations[{n}]"
        require_keys(path, where, item, ["id", "event", "action", "value"], ["note"])
        ann_id = str(item["id"])
        where = f"annotation {ann_id!r}"
        if not ANNOTATION_ID.match(ann_id):
            raise DataFileError(path, where, "id may hold only letters, digits, '-' and '_'")
        if ann_id in seen:
            raise DataFileError(path, where, "id is used twice")
        seen.add(ann_id)
        action = str(item["action"])
        if action not in ANNOTATION_ACTIONS:
            raise DataFileError(path, where, f"action {action!r} is not one of "
                                f"{', '.join(ANNOTATION_ACTIONS)}")
        value = _check_annotation_value(path, where, action, item["value"])
        rows.append({"id": ann_id, "event": str(item["event"]).strip(), "action": action,
                     "value": value, "note": str(item.get("note") or "")})
    return pd.DataFrame(rows, columns=ANNOTATION_COLUMNS)


def _load_yaml_checked(path: Path):
    """load_yaml, plus values YAML itself rejects (an impossible unquoted date)."""
    try:
        return load_yaml(path)
    except DataFileError:
        raise
    except ValueError as exc:
        raise DataFileError(path, None, f"invalid value: {exc}") from None


def _check_annotation_value(path: Path, where: str, action: str, value):
    if action == "label":
        text = str(value or "").strip()
        if not text or len(text) > LABEL_MAX:
            raise DataFileError(path, where, f"label must be 1-{LABEL_MAX} characters")
        return text
    if action == "date":
        text = value.isoformat() if isinstance(value, dt.date) else str(value or "").strip()
        first, _, last = text.partition("..")
        lo = parse_iso_date(path, where, first)
        hi = parse_iso_date(path, where, last) if last else lo
        if lo is None or hi is None or hi < lo:
            raise DataFileError(path, where, f"date {text!r} must be YYYY-MM-DD or an ordered "
                                "YYYY-MM-DD..YYYY-MM-DD range")
        return f"{lo.isoformat()}..{hi.isoformat()}"
    if action == "merge":
        text = str(value or "").strip()
        if not text:
            raise DataFileError(path, where, "merge needs the key of the event to merge in")
        return text
    if not isinstance(value, list) or not value:
        raise DataFileError(path, where, "split needs a list of doc ids or mention ids")
    return [str(v) for v in value]


def _override(ann: dict, event_id: str, old, new, applied: bool, why: str) -> dict:
    return {"annotation": ann["id"], "event_id": event_id, "field": ann["action"],
            "old": cell_text(old), "new": cell_text(new), "note": ann.get("note", ""),
            "applied": "yes" if applied else "no", "why": why}


def apply_structural(clusters: list[list[Rec]], keys: list[str], annotations: list[dict]
                     ) -> tuple[list[list[Rec]], list[str], list[dict]]:
    """merge and split annotations, by key, before events are summarized."""
    clusters, keys = [list(c) for c in clusters], list(keys)
    log_rows = []
    for ann in annotations:
        if ann["action"] not in ("merge", "split"):
            continue
        if ann["event"] not in keys:
            log_rows.append(_override(ann, "", ann["event"], ann["value"], False,
                                      f"no event has key {ann['event']!r}"))
            continue
        i = keys.index(ann["event"])
        if ann["action"] == "merge":
            if ann["value"] not in keys or ann["value"] == ann["event"]:
                log_rows.append(_override(ann, "", ann["value"], ann["event"], False,
                                          f"no other event has key {ann['value']!r}"))
                continue
            j = keys.index(ann["value"])
            clusters[i].extend(clusters[j])
            log_rows.append(_override(ann, ann["event"], ann["value"], ann["event"], True,
                                      f"{len(clusters[j])} mentions merged"))
            del clusters[j], keys[j]
            continue
        wanted = set(ann["value"])
        moved = [r for r in clusters[i] if r.doc_id in wanted or r.mention_id in wanted]
        kept = [r for r in clusters[i] if r not in moved]
        if not moved or not kept:
            log_rows.append(_override(ann, ann["event"], ann["event"], ";".join(ann["value"]),
                                      False, "the split would leave an event empty"))
            continue
        clusters[i] = kept
        clusters.append(moved)
        keys.append(f"{ann['event']}/{ann['id']}")
        log_rows.append(_override(ann, ann["event"], ann["event"], keys[-1], True,
                                  f"{len(moved)} mentions moved"))
    return clusters, keys, log_rows


def apply_fields(events: pd.DataFrame, annotations: list[dict]) -> tuple[pd.DataFrame,
                                                                         list[dict]]:
    """label and date annotations, by key or event id, after ids are assigned."""
    events = events.copy()
    rows = []
    for ann in annotations:
        if ann["action"] not in ("label", "date"):
            continue
        hit = events.index[(events["key"] == ann["event"]) | (events["event_id"] == ann["event"])]
        if len(hit) == 0:
            rows.append(_override(ann, "", "", ann["value"], False,
                                  f"no event has key or id {ann['event']!r}"))
            continue
        i = hit[0]
        event_id = events.at[i, "event_id"]
        if ann["action"] == "label":
            rows.append(_override(ann, event_id, events.at[i, "label"], ann["value"], True,
                                  "label replaced"))
            events.at[i, "label"] = ann["value"]
            events.at[i, "label_source"] = "annotation"
            continue
        lo, _, hi = ann["value"].partition("..")
        old = range_text(day_number(events.at[i, "date_earliest"]),
                          day_number(events.at[i, "date_latest"]))
        rows.append(_override(ann, event_id, old, range_text(day_number(lo), day_number(hi)),
                              True, "date replaced"))
        events.at[i, "date"], events.at[i, "date_earliest"] = lo, lo
        events.at[i, "date_latest"] = hi
        events.at[i, "date_precision"] = precision_of(day_number(lo), day_number(hi))
        events.at[i, "date_basis"] = "annotation"
    return events, rows
