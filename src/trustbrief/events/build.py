"""build_events: the events stage from mentions to events, conflicts and overrides."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

import pandas as pd

from trustbrief import contract
from trustbrief.events import partial, reuse
from trustbrief.events.after_incident import Incidents, date_after_incidents
from trustbrief.events.annotations import apply_fields, apply_structural
from trustbrief.events.announcements import fold_statements_into_acts
from trustbrief.events.answers import date_answers, date_contacts_during_acts
from trustbrief.events.chronology import chronology_match, chronology_rows, fill_from_chronology
from trustbrief.events.cluster import (
    apply_joins,
    cluster_keys,
    cluster_mentions,
    date_main_clause,
)
from trustbrief.events.contacts import fold_said_into_contacts
from trustbrief.events.context import Context, signals_by_sentence
from trustbrief.events.facts import notice_of_signal, summarize
from trustbrief.events.generic_acts import join_general_acts
from trustbrief.events.label_rules import LabelRules
from trustbrief.events.labels import choose_type
from trustbrief.events.notice_links import linked_notice_sentences, unreal_sentences
from trustbrief.events.records import Rec, event_type_table, gazetteer_table, mention_records
from trustbrief.origins import Origins
from trustbrief.tables import actors_by_sentence

# Column descriptions of the stage's tables: the contract is their one definition.
SCHEMA = contract.descriptions("events", "conflicts", "notice_accounts", "overrides")


MENTION_COLUMNS = [
    "mention_id", "event_id", "doc_id", "sent_id", "event_type", "plover", "actors", "agent",
    "agent_side", "targets", "target_sides", "time_id", "date", "date_earliest", "date_latest",
    "date_basis", "time_text", "trigger", "polarity", "text",
]


# The mention column this stage sets: the mentions it returns are its input's, sorted by
# mention_id, with event_id filled (so the pipeline checks only that column's cells again).
SETS_IN_MENTIONS = ("event_id",)

# the input mentions (extract.SCHEMA) with event_id filled; these columns at least
SCHEMA["mentions"] = {c: f"mention column {c} (event_id filled by the events stage)"
                      for c in MENTION_COLUMNS}


def _context(found, documents, event_types, gazetteer, rules, focus,
             origins: Origins | None = None) -> Context:
    origins = origins or Origins.from_tables(documents, found.get("claims"))
    gazetteer = _gazetteer_of(event_types, gazetteer)
    return Context(event_type_table(event_types), gazetteer_table(gazetteer), rules,
                   tuple(contract.Focus.parse(focus)), origins,
                   signals_by_sentence(found),
                   actors_by_sentence(found), unreal_sents=unreal_sentences(found))


def _gazetteer_of(event_types, gazetteer):
    """The gazetteer given, else the one extract.Lexicons (as event_types) carries."""
    if gazetteer is None and event_types is not None and not isinstance(
            event_types, (Mapping, pd.DataFrame)):
        return getattr(event_types, "gazetteer", None) or getattr(event_types, "actors", None)
    return gazetteer


def build_events(found: Mapping[str, pd.DataFrame], documents: pd.DataFrame,
                 annotations: pd.DataFrame | None = None, event_types=None,
                 chronology: pd.DataFrame | None = None, *,
                 rules: LabelRules | None = None, gazetteer=None,
                 focus, lede_depths: Mapping[tuple[str, str], int] | None = None,
                 incidents: Incidents | None = None, origins: Origins | None = None,
                 memo: reuse.Memo | None = None) -> dict[str, pd.DataFrame]:
    """Mentions -> events, mentions (event_id filled), conflicts, notice_accounts, overrides.

    event_types: event-type metadata (mapping, frame, or extract.Lexicons, which also gives
    the gazetteer). chronology: optional analyst chronology (dating.load_chronology), used only
    to fill the dates of events no article dates (date_basis 'chronology', date_source) and to
    break ties between article dates; it never adds events. rules: grouping and label
    templates (load_labels; default: none). gazetteer: actor
    types and roles (frame/mapping/Lexicons). focus: the pair whose advance notice is tracked.
    lede_depths: (doc_id, sent_id) -> depth in the body's lede (dating.lede.lede_depths), which
    says what a lede's undated news is; without it sentence numbers stand in. incidents: the
    incidents the corpus dates (dating.dated_incidents), after which an undated account of one
    is dated (events/after_incident.py; rule after_incident of data/labels.yaml). origins:
    Origins.from_tables(documents, found["claims"]), built once by the pipeline. memo: where
    the last run's tables are kept, reused when nothing they were built from changed
    (events/reuse.py; the pipeline's: reuse.memo_for).
    """
    rules = rules or LabelRules()
    mentions = found["mentions"]
    if memo is None:
        return _built(found, documents, annotations, event_types, chronology, rules,
                      gazetteer, focus, lede_depths, incidents, origins).tables
    origins = origins or Origins.from_tables(documents, found.get("claims"))
    key = reuse.fingerprint(memo, {
        "event_types": event_types, "gazetteer": _gazetteer_of(event_types, gazetteer),
        "annotations": annotations, "chronology": chronology, "rules": rules,
        "focus": tuple(contract.Focus.parse(focus)), "incidents": incidents})
    earlier = reuse.earlier(memo, mentions, documents, origins, lede_depths, key)
    last = reuse.reused(earlier, mentions, documents, rules, lede_depths)
    if last is not None:
        event_of = last.pop("event_of")
        return {**last, "mentions": _mentions_with_event_ids(mentions, event_of)}
    run = _built(found, documents, annotations, event_types, chronology, rules, gazetteer,
                 focus, lede_depths, incidents, origins, earlier)
    reuse.store(memo, key, mentions, run.event_of, documents, origins, lede_depths,
                run.tables, partial.cluster_reads(len(mentions), run.clusters),
                {partial.LINKS: partial.links_frame(run.ids, run.links),
                 partial.UNFILLED: partial.unfilled_frame(run.ids, run.unfilled)})
    return run.tables


class Run(NamedTuple):
    """A run's tables, each input mention's event_id (in order), and for the memo: the
    clusters, their event ids, linked sentences of notice and rows before the chronology
    filled them."""

    tables: dict[str, pd.DataFrame]
    event_of: list[str]
    clusters: list[list[Rec]]
    ids: dict[int, str]
    links: dict[int, list[tuple[str, str]]]
    unfilled: dict[int, dict]


def _built(found, documents, annotations, event_types, chronology, rules, gazetteer, focus,
           lede_depths, incidents, origins, earlier: reuse.Earlier | None = None) -> Run:
    """build_events' tables, each event summarized again unless `earlier` (the last run's
    memo, usable for the old documents) keeps its summary (events/partial.py)."""
    mentions = found["mentions"]
    ctx = _context(found, documents, event_types, gazetteer, rules, focus, origins)
    ctx.chronology = chronology_rows(chronology, rules)
    recs = apply_joins(mention_records(mentions, documents, rules, lede_depths), rules, ctx.kinds)
    recs = join_general_acts(recs, rules)
    recs = date_answers(date_main_clause(recs), rules.answers)
    recs = date_after_incidents(recs, incidents, rules.after_incident)
    recs = date_contacts_during_acts(recs, rules.during_acts, ctx.kinds)
    _set_nearby(recs, ctx)
    clusters, participants = fold_said_into_contacts(
        *cluster_mentions(recs, ctx.kinds), rules.said_in_contacts, ctx.kinds)
    said = rules.said_in_contacts.source if rules.said_in_contacts else frozenset()
    clusters, participants = fold_statements_into_acts(
        clusters, participants, rules.announcements, said, ctx.kinds)
    keys = cluster_keys(clusters, participants)
    anns = [] if annotations is None else annotations.to_dict("records")
    clusters, keys, override_rows = apply_structural(clusters, keys, anns)

    rows, conflicts, accounts, links, unfilled = _summaries(clusters, keys, ctx,
                                                            None if anns else earlier)
    events = pd.DataFrame(rows, columns=list(SCHEMA["events"]))
    order = sorted(range(len(rows)), key=lambda i: (
        rows[i]["date"] == "", rows[i]["date"], rows[i]["event_type"], rows[i]["label"],
        rows[i]["key"]))
    ids = {i: f"e{rank:03d}" for rank, i in enumerate(order, start=1)}
    events["event_id"] = [ids[i] for i in range(len(rows))]
    events, field_rows = apply_fields(events, anns)
    events = events.iloc[order].reset_index(drop=True)

    overrides = pd.DataFrame(override_rows + field_rows, columns=list(SCHEMA["overrides"]))
    overrides = overrides.sort_values("annotation", kind="stable").reset_index(drop=True)
    event_of = _event_ids(len(mentions), clusters, ids)
    return Run({"events": events,
                "mentions": _mentions_with_event_ids(mentions, event_of),
                "conflicts": _child_frame(conflicts, ids, "conflicts",
                                          ["event_id", "fact", "account", "value"]),
                "notice_accounts": _child_frame(accounts, ids, "notice_accounts",
                                                ["event_id", "notice", "doc_id"]),
                "overrides": overrides}, event_of, clusters, ids, links, unfilled)


def _set_nearby(recs: list[Rec], ctx: Context) -> None:
    """Each mention's nearby actors: every actor its sentence names (one set a sentence)."""
    nearby: dict[tuple[str, str], frozenset] = {}
    for r in recs:
        key = (r.doc_id, r.sent_id)
        if key not in nearby:
            nearby[key] = frozenset(ctx.actors_by_sent.get(key, ()))
        r.nearby = nearby[key]


def _summaries(clusters: list[list[Rec]], keys: list[str], ctx: Context,
               earlier: reuse.Earlier | None = None
               ) -> tuple[list[dict], list[list[dict]], list[list[dict]], dict[int, list],
                          dict[int, dict]]:
    """Each cluster's event row (dates filled from the chronology where no article dates
    it), its conflicts and its notice accounts (kept from `earlier` where the cluster is a
    last event read alike: events/partial.py), the linked sentences of notice, and what
    summarize gave in the rows the chronology filled (row index -> partial.FILLED)."""
    rows, conflicts, accounts = [], [], []
    types = [choose_type(cluster) for cluster in clusters]  # read once, not by each step
    matches = [chronology_match(cluster, ctx, etype)
               for cluster, etype in zip(clusters, types, strict=True)]
    links = linked_notice_sentences(clusters, ctx, notice_of_signal, types)
    kept = {} if earlier is None else partial.kept_summaries(
        clusters, keys, links, earlier.frames, earlier.old)
    for i, (cluster, key, (_, found_rows)) in enumerate(zip(clusters, keys, matches,
                                                            strict=True)):
        row, rows_conflicts, rows_accounts = kept.get(i) or summarize(
            cluster, key, ctx, [(c["lo"], c["hi"]) for c in found_rows], links.get(i, ()),
            types[i])
        rows.append(row)
        conflicts.append(rows_conflicts)
        accounts.append(rows_accounts)
    before = [{f: row[f] for f in partial.FILLED} for row in rows]
    fill_from_chronology(rows, clusters, matches)
    unfilled = {i: was for i, (was, row) in enumerate(zip(before, rows, strict=True))
                if any(row[f] != v for f, v in was.items())}
    return rows, conflicts, accounts, links, unfilled


def _child_frame(rows_by_event: list[list[dict]], ids: dict[int, str], table: str,
                 order: list[str]) -> pd.DataFrame:
    """A child table of events: each event's rows with its id, sorted by `order`."""
    rows = [dict(r, event_id=ids[i]) for i, rs in enumerate(rows_by_event) for r in rs]
    frame = pd.DataFrame(rows, columns=list(SCHEMA[table]))
    return frame.sort_values(order, kind="stable").reset_index(drop=True)


def _event_ids(n: int, clusters: list[list[Rec]], ids: dict[int, str]) -> list[str]:
    """Each of the n input mentions' event id ('' for a mention of no event)."""
    event_of = [""] * n
    for i, cluster in enumerate(clusters):
        for r in cluster:
            event_of[r.pos] = ids[i]
    return event_of


def _mentions_with_event_ids(mentions: pd.DataFrame, event_of: list[str]) -> pd.DataFrame:
    out = mentions.copy()
    out["event_id"] = event_of
    for col in MENTION_COLUMNS:  # the extract contract; extra input columns are kept as they are
        if col not in out:
            out[col] = ""
    return out.sort_values("mention_id", kind="stable").reset_index(drop=True)
