"""The events stage's tables."""

from __future__ import annotations

from trustbrief.contract.schema import Table, boolean, date, enum, fk, integer, listing, text
from trustbrief.contract.vocab import (
    Account,
    AnnotationAction,
    ConflictFact,
    DateBasis,
    EventStatus,
    LabelSource,
    Notice,
    Precision,
    YesNo,
)

EVENTS = Table(
    "events",
    "events",
    "Events: mentions clustered across documents, with date, notice and corroboration.",
    (
        text(
            "event_id",
            "e + 3-digit rank by (date, event_type, label); undated events last",
            required=True,
        ),
        date(
            "date",
            "best date YYYY-MM-DD (first day of the range when not a single day), '' if open",
        ),
        date("date_earliest", "earliest possible date of the event"),
        date("date_latest", "latest possible date of the event"),
        enum("date_precision", Precision, "how precise the date is"),
        text(
            "event_type",
            "event type (data/event_types.yaml)",
            required=True,
            source="data/event_types.yaml",
        ),
        text(
            "plover",
            "PLOVER category of the event type",
            required=True,
            source="data/event_types.yaml",
        ),
        listing("actors", "canonical actor names taking part, most mentioned first"),
        text("label", "short headline, at most 70 characters", required=True),
        integer("n_documents", "documents mentioning the event (duplicates excluded)"),
        integer("n_outlets", "distinct outlets (documents of unknown outlet count one each)"),
        integer("n_origins", "independent origins (trustbrief.origins: copies and rewrites of one "
                "report count once)"),
        listing("doc_ids", "documents mentioning the event"),
        enum("notice", Notice, "advance notice the other focus side got"),
        text("evidence", "the sentence that best supports the event"),
        text(
            "lane", "timeline lane of the event type", required=True, source="data/event_types.yaml"
        ),
        boolean(
            "operation", "true when the event type is an operation (gets a notice ledger entry)"
        ),
        listing("origins", "the independent origins: the outlet the sentences cite, else the "
                "document's origin (a copy's original), else its outlet, else its doc_id"),
        listing("outlets", "outlets mentioning the event"),
        enum("date_basis", DateBasis, "how the date was found"),
        text(
            "key",
            "stable, date-independent key (group:participants) used by annotations",
            required=True,
        ),
        enum("label_source", LabelSource, "where the label comes from"),
        enum(
            "status",
            EventStatus,
            "asserted (happened), planned (every mention is about the future) or alleged "
            "(told as done by its agent only in someone's charge: no mention asserts it; "
            "its label says so)",
        ),
        text("agent", "most mentioned agent"),
        text("agent_side", "side of the agent"),
        listing("targets", "targets, most mentioned first"),
        listing("named_targets", "targets that are not places (a person, organization or state)"),
        text("notice_to", "focus side whose advance notice `notice` describes ('' if n/a)"),
        text(
            "chronology_key",
            "key of the chronology row matching the event ('' if none)",
            source="data/chronology.csv",
        ),
        text("date_source", "where a date not from the articles comes from (chronology source)"),
        integer("n_mentions", "mentions in the event (all polarities)"),
        listing("mention_ids", "mentions in the event"),
        text("evidence_sent_id", "sentence id of the evidence"),
    ),
    primary_key=("event_id",),
    foreign_keys=(fk("evidence_sent_id", "sentences", "sent_id"),),
)


CONFLICTS = Table(
    "conflicts",
    "events",
    "Accounts of one event's date, notice or nature (what act it was) that disagree.",
    (
        enum("fact", ConflictFact, "what the accounts disagree on"),
        text("event_id", "event concerned", required=True),
        enum("account", Account, "accepted (the value the event carries) or disagrees"),
        text("value", "the account's value (a date range, a notice level, an article's "
                      "words for the act)"),
        listing("doc_ids", "documents giving this account"),
        listing("outlets", "outlets giving this account"),
        text("evidence", "a sentence giving this account"),
    ),
    primary_key=(),
    foreign_keys=(fk("event_id", "events", "event_id"),),
)


OVERRIDES = Table(
    "overrides",
    "events",
    "Analyst annotations (data/annotations.yaml) and what each did.",
    (
        text(
            "annotation",
            "annotation id in data/annotations.yaml",
            required=True,
            source="data/annotations.yaml",
        ),
        text("event_id", "event corrected ('' if not found)"),
        enum("field", AnnotationAction, "what the annotation corrects"),
        text("old", "value before the correction"),
        text("new", "value after the correction"),
        text("note", "the analyst's note"),
        enum("applied", YesNo, "whether the annotation was applied"),
        text("why", "why it was not applied, or what it did"),
    ),
    primary_key=(),
    foreign_keys=(),
)

NOTICE_ACCOUNTS = Table(
    "notice_accounts",
    "events",
    "Every account of an operation's advance notice: one row per event, level and document "
    "(the event's `notice` is the level most documents give).",
    (
        text("event_id", "the operation", required=True),
        enum("notice", Notice, "the advance notice this document reports"),
        text("doc_id", "the document giving the account", required=True),
        text("evidence", "the first sentence of the document giving it"),
        text("rule", "the trust cue that gave it ('<family>/<cue id>' of data/trust_cues.yaml), "
             "'+notice-after-operation' when its sentence names no operation and the account "
             "went to the operation the document told last before it"),
    ),
    primary_key=("event_id", "notice", "doc_id"),
    foreign_keys=(fk("event_id", "events", "event_id"), fk("doc_id", "documents", "doc_id")),
)


TABLES = (
    EVENTS,
    CONFLICTS,
    NOTICE_ACCOUNTS,
    OVERRIDES,
)
