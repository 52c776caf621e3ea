"""The metrics stage's tables."""

from __future__ import annotations

from trustbrief.contract.schema import Table, date, enum, fk, integer, listing, number, text
from trustbrief.contract.vocab import (
    Account,
    ContactStatus,
    CountFact,
    DateBasis,
    GapBasis,
    Notice,
    StatedMeasure,
    Tone,
)

TRUST_INDEX = Table(
    "trust_index",
    "metrics",
    "The trust index of the focus pair, one row per day with readings.",
    (
        date("date", "day with at least one reading (YYYY-MM-DD)", required=True),
        number("index", "running sum of daily changes (0 = where the record starts)"),
        number("low", "lower edge of the uncertainty band"),
        number("high", "upper edge of the uncertainty band"),
        integer("n_signals", "readings that day (trust signals and event impacts)"),
        integer("n_origins", "independent origins behind the day's readings"),
        listing("events", "labels of the events whose impact or signals fall on that day"),
        number("change", "the day's change (mean of the origins' votes)"),
        integer("n_dated_by_sentence", "readings dated by a time expression in their sentence"),
        integer("n_dated_by_event", "readings dated by the operation their sentence is about "
                "(and event impacts)"),
        integer("n_dated_by_publication", "readings dated by their article's publication day"),
    ),
    primary_key=("date",),
    foreign_keys=(),
)


NOTICE_LEDGER = Table(
    "notice_ledger",
    "metrics",
    "Operations by one focus side and the advance notice the other got.",
    (
        text("event_id", "event", required=True),
        text("label", "event label", required=True),
        date("date", "event date ('' if unknown)"),
        text("actor", "who carried out the operation (agent, else its side)"),
        enum("notice", Notice, "advance notice the other focus side got"),
        text("accounts", "the accounts as the brief shows them: 'level: Outlet (published), "
             "...; level: ...' (the rows are in the events stage's notice_accounts table)"),
        integer("n_accounts", "accounts of the notice (one per document and level)"),
        text("evidence", "the sentence the event rests on"),
        listing("doc_ids", "documents mentioning the event"),
        listing("outlets", "outlets mentioning the event"),
        text("notice_to", "side whose advance notice is recorded"),
        integer("n_origins", "independent origins of the event"),
    ),
    primary_key=("event_id",),
    foreign_keys=(fk("event_id", "events", "event_id"),),
)


CADENCE = Table(
    "cadence",
    "metrics",
    "Each communication channel of the focus pair: last contact, silences, next contact.",
    (
        text(
            "channel", "channel id (data/channels.yaml)", required=True, source="data/channels.yaml"
        ),
        text("channel_label", "how the brief names the channel ('Leaders (A – B)')", required=True),
        listing("actors", "the channel's actors"),
        date("as_of", "latest publication date in the corpus"),
        date(
            "last_contact",
            "date of the last asserted contact event on or before as_of ('' if none)",
        ),
        text("last_contact_label", "label of that event"),
        enum(
            "last_contact_status",
            ContactStatus,
            "planned only when no asserted contact is dated",
            required=False,
        ),
        integer("days_since", "as_of - last_contact in days ('' if unknown)", required=False),
        integer(
            "previous_gap_days",
            "days without contact before the last contact ('' if unknown)",
            required=False,
        ),
        enum("previous_gap_basis", GapBasis, "how the previous gap was found", required=False),
        text("next_planned_label", "the first planned or blocked contact after last_contact "
             "('' if none; the stated silences and counts are in stated_measures)"),
        date("next_planned_date", "its date ('' if none or open)"),
        enum("next_planned_status", ContactStatus, "planned or blocked ('' if none)",
             required=False),
        text("evidence", "the sentences behind the row, ' | '-joined"),
        listing("doc_ids", "documents behind the row"),
    ),
    primary_key=("channel",),
    foreign_keys=(),
)


STATED_MEASURES = Table(
    "stated_measures",
    "metrics",
    "Silences and contact counts of a channel as the articles state them, one row per "
    "statement ('have not spoken in nearly 50 days', 'spoken over 125 times').",
    (
        text("channel", "channel id", required=True, source="data/channels.yaml"),
        enum("measure", StatedMeasure, "what the statement measures"),
        text("value", "the measure as written", required=True),
        number("days", "the days a silence lasts ('' for counts and vague silences)",
               required=False),
        text("doc_id", "the document stating it", required=True),
        text("evidence", "the sentence stating it", required=True),
    ),
    primary_key=(),
    foreign_keys=(fk("channel", "cadence", "channel"), fk("doc_id", "documents", "doc_id")),
)


COUNT_CONFLICTS = Table(
    "count_conflicts",
    "metrics",
    "Stated silences of a channel that disagree with each other.",
    (
        enum("fact", CountFact, "what the accounts disagree on (days_since_contact)"),
        text("channel", "channel id", required=True, source="data/channels.yaml"),
        enum("account", Account, "accepted (latest implied contact) or disagrees"),
        text("value", "the measure as written", required=True),
        date("last_contact", "date of the last contact the account implies"),
        listing("doc_ids", "documents giving this account"),
        listing("outlets", "outlets giving this account"),
        text("evidence", "the sentence giving this account"),
    ),
    primary_key=(),
    foreign_keys=(),
)


CONTACTS = Table(
    "contacts",
    "metrics",
    "Contact events of each channel (calls, meetings), asserted, planned or blocked.",
    (
        text("channel", "channel id", required=True, source="data/channels.yaml"),
        text("event_id", "contact event", required=True),
        date("date", "event date ('' if open)"),
        enum("date_basis", DateBasis, "how the date was found (events.date_basis)"),
        text("label", "event label", required=True),
        text("event_type", "event type", required=True, source="data/event_types.yaml"),
        enum("status", ContactStatus, "what the articles say of the contact"),
        text("evidence", "the sentence the event rests on"),
        listing("doc_ids", "documents mentioning the event"),
        listing("outlets", "outlets mentioning the event"),
    ),
    primary_key=(),
    foreign_keys=(fk("event_id", "events", "event_id"),),
)


SOURCING = Table(
    "sourcing",
    "metrics",
    "How each outlet attributes its claims (counts by speaker type).",
    (
        text(
            "outlet",
            "publishing outlet; each document of unknown outlet is 'unknown outlet (FILE)'",
            required=True,
        ),
        integer("named_official", "claims attributed to a named official"),
        integer("anonymous_official", "claims attributed to anonymous officials"),
        integer("cited_outlet", "claims attributed to another outlet"),
        integer("organization", "claims attributed to an organization"),
        integer("unattributed", "claims without attribution"),
        integer("total", "all claims"),
    ),
    primary_key=("outlet",),
    foreign_keys=(),
)

COOPERATION = Table(
    "cooperation",
    "metrics",
    "Asserted events between the two sides of the pair, with the Goldstein weight of their "
    "PLOVER category (the brief counts them per period by tone; weights are never summed).",
    (
        text("event_id", "event", required=True),
        date("date", "event date ('' if unknown)"),
        date("date_earliest", "earliest possible date"),
        date("date_latest", "latest possible date"),
        text("direction", "AGENT_SIDE->TARGET_SIDE, the two sides of the pair", required=True),
        text("plover", "PLOVER category", required=True, source="data/event_types.yaml"),
        text("cameo", "CAMEO root code of the category", required=True,
             source="data/goldstein.yaml"),
        number("goldstein", "Goldstein weight of the category (-10 conflict .. +10 "
               "cooperation)"),
        enum("tone", Tone, "sign of the weight"),
        text("label", "event label", required=True),
        integer("n_origins", "independent origins of the event"),
        listing("doc_ids", "documents mentioning the event"),
    ),
    primary_key=("event_id",),
    foreign_keys=(fk("event_id", "events", "event_id"),),
)

TABLES = (
    TRUST_INDEX,
    NOTICE_LEDGER,
    CADENCE,
    STATED_MEASURES,
    COUNT_CONFLICTS,
    CONTACTS,
    SOURCING,
    COOPERATION,
)
