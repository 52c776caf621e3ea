"""The extraction stage's tables."""

from __future__ import annotations

from trustbrief.contract.schema import (
    Table,
    boolean,
    date,
    enum,
    fk,
    integer,
    listing,
    number,
    text,
)
from trustbrief.contract.vocab import (
    ActorKind,
    DateBasis,
    Factuality,
    Notice,
    Polarity,
    SpeakerType,
    TrustCategory,
)

MENTIONS = Table(
    "mentions",
    "extract",
    "Event mentions: one trigger in one sentence, with its roles and date.",
    (
        text("mention_id", "<sent_id>-m<N>", required=True),
        text("event_id", "canonical event id ('' until the events stage)"),
        text("doc_id", "document id", required=True),
        text("sent_id", "sentence id", required=True),
        text(
            "event_type",
            "event type id from data/event_types.yaml",
            required=True,
            source="data/event_types.yaml",
        ),
        listing("actors", "canonical actors taking part (agent, targets, places)"),
        date("date", "best date from the governing time expression, or ''"),
        date("date_earliest", "earliest date, or ''"),
        date("date_latest", "latest date, or ''"),
        enum(
            "date_basis",
            DateBasis,
            "how the date was found (open: no time expression governs the mention)",
        ),
        text("time_text", "text of the governing time expression, or ''"),
        text("trigger", "the words that triggered the mention", required=True),
        text("text", "the sentence", required=True),
        text(
            "plover",
            "PLOVER category of the event type",
            required=True,
            source="data/event_types.yaml",
        ),
        text(
            "lane", "timeline lane of the event type", required=True, source="data/event_types.yaml"
        ),
        boolean("operation", "true for military operations (notice ledger)"),
        text("agent", "actor who acts ('' when the sentence does not say)"),
        text("agent_side", "side of the agent", source="data/gazetteer.yaml"),
        listing("targets", "actors acted upon or met"),
        listing("target_sides", "sides of the targets, in order"),
        listing("locations", "places named with 'in', 'near'... around the trigger"),
        text("time_id", "time expression governing the trigger's clause, or ''"),
        text(
            "measure_id", "duration or count in the clause ('nearly 50 days', '125 times'), or ''"
        ),
        text("measure_text", "text of that duration or count, or ''"),
        enum("polarity", Factuality, "factuality: does the sentence say the event happened "
             "(an alleged act is told as done: asserted, and dated as one)"),
        enum(
            "factuality",
            Factuality,
            "the same factuality under its own name, except 'alleged' where the polarity is "
            "asserted but the doer is only someone's charge ('A blamed B for the attack', "
            "'attributed to B', 'the alleged kidnapping'); only asserted, alleged and planned "
            "mentions create events",
        ),
        text(
            "factuality_rule",
            "id of the data/syntax.yaml factuality pattern that matched ('' = none: asserted; "
            "'+conjunct' after it when a conjoined verb took the reading of the verb it joins)",
        ),
        text("rule", "<event type>/<verb|noun>/<trigger pattern id> that found the trigger"),
        text(
            "agent_rule",
            "role path of data/syntax.yaml that found the agent ('+coref' when a pronoun "
            "stood for them); 'window' = the lexical fallback, 'codename' = a named operation",
        ),
        text("target_rule", "role path that found the targets (as agent_rule)"),
        integer("trigger_start", "offset of the trigger in the sentence"),
        text(
            "phrase",
            "what the sentence says happened, in its own words, read from the parse "
            "(subject, verb, object: 'Moldovan police raided the offices of a broadcaster'; "
            "or the trigger's noun phrase: 'the arrest of two journalists'); '' when the parse "
            "gives no phrase a reader could sign (extract/phrases.py)",
        ),
    ),
    primary_key=("mention_id",),
    foreign_keys=(fk("sent_id", "sentences", "sent_id"), fk("event_id", "events", "event_id")),
)


ACTOR_MENTIONS = Table(
    "actor_mentions",
    "extract",
    "Every actor found in a sentence, as printed.",
    (
        text("doc_id", "document id", required=True),
        text("sent_id", "sentence id", required=True),
        integer("start", "character offset of the surface form in the sentence text"),
        integer("end", "end offset (exclusive) in the sentence text"),
        text(
            "surface",
            "the text exactly as printed ('Security Minister', 'the Foreign Ministry')",
            required=True,
        ),
        text(
            "actor",
            "canonical actor name from data/gazetteer.yaml",
            required=True,
            source="data/gazetteer.yaml",
        ),
        text(
            "side",
            "the actor's side (data/gazetteer.yaml; 'media', 'other')",
            required=True,
            source="data/gazetteer.yaml",
        ),
        enum("kind", ActorKind, "how the actor is written"),
    ),
    primary_key=(),
    foreign_keys=(fk("sent_id", "sentences", "sent_id"),),
)


CLAIMS = Table(
    "claims",
    "extract",
    "Attributed statements: who says it, how they are identified.",
    (
        text("claim_id", "<sent_id>-c1 (one claim per attributed sentence)", required=True),
        text("doc_id", "document id", required=True),
        text("sent_id", "sentence id", required=True),
        text("speaker", "canonical name, or the phrase for anonymous sources ('four officials')"),
        enum("speaker_type", SpeakerType, "how the speaker is identified"),
        integer(
            "speaker_count",
            "number of speakers when stated (4 for 'four officials'), else empty",
            required=False,
        ),
        text("cited_outlet", "outlet named as the origin of the claim, or ''"),
        text("quote", "directly quoted words (several joined with ' … '), or ''"),
        text("text", "the sentence", required=True),
        text("speaker_side", "side of the speaker, or ''"),
        text("speaker_role", "role or title ('deputy press secretary', 'official'), or ''"),
        text(
            "speaker_rule",
            "how the speaker was found: <speech-verb-subject | speech-verb-relative | "
            "speech-verb-paper | citing-object | according-to>/<gazetteer-person | "
            "ner-person | proper-name | pronoun+coref | source-noun | outlet | outlet-noun | "
            "organization-noun | gazetteer-body | ner-org | document-by-owner | "
            "document-issuer | document-owner+body | counted-bodies | ...> from the parse "
            "('speech-verb-paper': 'a note "
            "expressing'; 'document-by-owner': who issued the paper, 'a letter signed by X', "
            "'X issued a statement'; 'document-issuer': 'the letter' whose issuer an earlier "
            "sentence named); 'quote-continuation' (the speaker of the next or previous "
            "sentence's quote, for a quote that opens its sentence or is left open at its "
            "end); 'window/<kind>' from the lexical cues",
        ),
    ),
    primary_key=("claim_id",),
    foreign_keys=(fk("sent_id", "sentences", "sent_id"),),
)


TRUST_SIGNALS = Table(
    "trust_signals",
    "extract",
    "Trust cues: what one side says or feels about the other's trustworthiness.",
    (
        text("signal_id", "<sent_id>-g<N>", required=True),
        text("doc_id", "document id", required=True),
        text("sent_id", "sentence id", required=True),
        text("cue", "the cue text as printed", required=True),
        enum("category", TrustCategory, "what the cue expresses"),
        integer(
            "polarity",
            "-1 (erodes trust) or 1 (builds trust), before negation",
            vocabulary=Polarity,
        ),
        text(
            "direction",
            "'A->B' (A distrusts / is surprised by B), 'A<->B' mutual, '?' unknown side",
            required=True,
            codec="direction",
        ),
        boolean("negated", "true when the cue is negated in its clause ('not opposed')"),
        enum("notice", Notice, "advance notice the cue implies ('' if none)", required=False),
        number("weight", "cue weight times any intensifier ('increasingly', 'very')"),
        text("text", "the sentence", required=True),
        text(
            "family",
            "cue family id from data/trust_cues.yaml",
            required=True,
            source="data/trust_cues.yaml",
        ),
        text(
            "rule",
            "the cue that produced the signal: '<family>/<cue id>' of data/trust_cues.yaml, "
            "'+conditional' when an 'if' clause turned a notice account into a demand for notice",
            required=False,
            source="data/trust_cues.yaml",
        ),
    ),
    primary_key=("signal_id",),
    foreign_keys=(fk("sent_id", "sentences", "sent_id"),),
)

TABLES = (
    MENTIONS,
    ACTOR_MENTIONS,
    CLAIMS,
    TRUST_SIGNALS,
)
