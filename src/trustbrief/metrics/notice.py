"""The notice ledger: operations by one focus side and the notice the other got."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from trustbrief import events as ev
from trustbrief.metrics.frames import SCHEMA, present_values
from trustbrief.origins import known_outlet
from trustbrief.tables import cell_text, frame_records


def specific_enough(event: Mapping, level: str) -> bool:
    """channels.yaml notice_ledger.min_specificity: 'dated_or_target' keeps an operation with a
    date or a named target other than a place ('A-land airstrikes in the region' goes)."""
    dated = bool(cell_text(event.get("date")))
    if level == "dated":
        return dated
    if level == "dated_or_target":
        return dated or bool(ev.as_list(event.get("named_targets")))
    return True


def accounts_by_event(notice_accounts: pd.DataFrame | None) -> dict[str, dict[str, list]]:
    """The events stage's notice_accounts table -> {event_id: {level: [doc ids]}}, levels
    and documents in table order."""
    out: dict[str, dict[str, list]] = {}
    if notice_accounts is None or notice_accounts.empty:
        return out
    for r in frame_records(notice_accounts, ["event_id", "notice", "doc_id"]):
        out.setdefault(r["event_id"], {}).setdefault(cell_text(r["notice"]), []).append(
            r["doc_id"])
    return out


def readable_accounts(accounts: Mapping[str, list], documents: pd.DataFrame | None,
                      names: Mapping[str, str] | None = None) -> str:
    """{'minutes': ['d1', 'd2']} -> 'minutes: The Portview Post (2024-09-29), unknown
    outlet (F.txt)'. names: _doc_names(documents), when the caller already has it."""
    names = _doc_names(documents) if names is None else names
    return "; ".join(f"{level}: {', '.join(names.get(d, d) for d in docs)}"
                     for level, docs in accounts.items())


DOCUMENT_NAME_FIELDS = ("doc_id", "outlet", "published", "file")


def _doc_names(documents: pd.DataFrame | None) -> dict[str, str]:
    """doc_id -> 'Outlet (published)', or 'unknown outlet (FILE)'."""
    if documents is None or documents.empty:
        return {}
    out = {}
    for d in frame_records(documents, present_values(documents, DOCUMENT_NAME_FIELDS)):
        outlet = known_outlet(d.get("outlet"))
        pub = cell_text(d.get("published"))[:10]
        if outlet:
            out[d["doc_id"]] = f"{outlet} ({pub})" if pub else outlet
        else:
            out[d["doc_id"]] = f"unknown outlet ({cell_text(d.get('file')) or d['doc_id']})"
    return out


def notice_ledger(events_tables, documents: pd.DataFrame | None = None,
                  min_specificity: str = "any") -> pd.DataFrame:
    events = events_tables.get("events", pd.DataFrame())
    rows = []
    names = _doc_names(documents)
    accepted = _accepted_notice_evidence(events_tables.get("conflicts", pd.DataFrame()))
    accounts = accounts_by_event(events_tables.get("notice_accounts"))
    for e in ([] if events.empty else frame_records(events)):
        if not e.get("operation") or e.get("notice") in ("", "n/a"):
            continue
        if not specific_enough(e, min_specificity):
            continue
        rows.append({
            "event_id": e["event_id"], "label": e["label"], "date": e["date"],
            "actor": e.get("agent") or e.get("agent_side", ""), "notice": e["notice"],
            "accounts": readable_accounts(accounts.get(e["event_id"], {}), documents, names),
            "n_accounts": sum(len(docs) for docs in accounts.get(e["event_id"], {}).values()),
            # Where accounts disagree, the sentence behind the account the ledger shows.
            "evidence": accepted.get(e["event_id"], e["evidence"]),
            "doc_ids": list(e["doc_ids"]), "outlets": list(e.get("outlets") or []),
            "notice_to": e.get("notice_to", ""), "n_origins": e.get("n_origins", 0),
        })
    frame = pd.DataFrame(rows, columns=list(SCHEMA["notice_ledger"]))
    return frame.sort_values(["date", "event_id"], kind="stable").reset_index(drop=True)


def _accepted_notice_evidence(conflicts: pd.DataFrame) -> dict[str, str]:
    """event_id -> evidence of the notice account chosen where sources disagree."""
    if conflicts is None or conflicts.empty or "fact" not in conflicts:
        return {}
    chosen = conflicts[(conflicts["fact"] == "notice") & (conflicts["account"] == "accepted")]
    return dict(zip(chosen["event_id"], chosen["evidence"], strict=True))
