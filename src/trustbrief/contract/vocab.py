"""Every closed vocabulary two stages share, as enums.

Values are the strings (or, for Polarity, the integers) the tables hold, so a member compares
equal to its cell: `Notice.NONE == "none"`. Vocabularies that analysts extend in data files
(event types, lanes, sides, cue families) are not enums: their tables say which file
defines them.

To add a value: add the member here (with a comment if its meaning is not obvious), then
emit it. `contract.validate` rejects any value not listed, and docs/PIPELINE.md lists the
values from here.
"""

from __future__ import annotations

from enum import Enum, IntEnum, StrEnum


class Notice(StrEnum):
    """Advance notice one focus side got of the other's operation."""

    NONE = "none"  # none at all: 'caught off guard', 'not informed'
    MINUTES = "minutes"
    HOURS = "hours"
    DAYS = "days"
    UNKNOWN = "unknown"  # an operation by a focus side, but no account of notice
    NOT_APPLICABLE = "n/a"  # not an operation by one focus side against a third party

    @classmethod
    def levels(cls) -> tuple[Notice, ...]:
        """The specific accounts, shortest notice first (they beat a vague 'none')."""
        return (cls.MINUTES, cls.HOURS, cls.DAYS)


class Polarity(IntEnum):
    """What a trust cue does to trust, before negation."""

    ERODES = -1
    BUILDS = 1


class Factuality(StrEnum):
    """Whether a mention says the event happened (the `polarity` column of mentions)."""

    ASSERTED = "asserted"
    NEGATED = "negated"
    PLANNED = "planned"
    HYPOTHETICAL = "hypothetical"
    WISH = "wish"  # a reported wish or request ('wants to meet'): it has not happened
    GENERIC = "generic"
    # the act is told as done, but its doer only as someone's charge ('A blamed B for the
    # cyberattack', 'attributed to B', 'the alleged kidnapping'): the mention's polarity stays
    # asserted (the act took place, dated as told); its factuality says the doer is alleged
    ALLEGED = "alleged"


class SpeakerType(StrEnum):
    NAMED_OFFICIAL = "named_official"
    ANONYMOUS_OFFICIAL = "anonymous_official"
    OUTLET = "outlet"
    ORGANIZATION = "organization"
    UNATTRIBUTED = "unattributed"


class TrustCategory(StrEnum):
    """What a trust cue expresses (each cue family in data/trust_cues.yaml has one)."""

    DISTRUST = "distrust"
    SURPRISE = "surprise"
    ANGER = "anger"
    TRANSPARENCY_DEMAND = "transparency_demand"
    WITHHOLDING = "withholding"
    POSITIVE = "positive"


class DateBasis(StrEnum):
    """How a date was found, most direct first."""

    EXPLICIT = "explicit"  # the sentence states the date
    RELATIVE = "relative"  # 'last Friday', anchored on a stated publication date
    RELATIVE_INFERRED = "relative-inferred"  # anchored on an inferred publication date
    UNRESOLVED = "unresolved"  # a time expression that could not be placed
    CHRONOLOGY = "chronology"  # the story's reference chronology anchors it
    REPORTED = "reported"  # no time expression: a lede's news, dated to its publication
    ANNOTATION = "annotation"  # an analyst's correction (the story's annotations.yaml)
    OPEN = "open"  # no time expression governs it


class PublishedBasis(StrEnum):
    """Where a document's publication date comes from."""

    STATED = "stated"  # a dateline or timestamp in the text
    HTML_META = "html_meta"  # the page's <meta> tags
    URL = "url"  # a date in the article's address
    SIDECAR = "sidecar"  # the story's sources.csv (data/stories/NAME/)
    INFERRED = "inferred"  # from the dates the text mentions
    UNKNOWN = "unknown"


class Precision(StrEnum):
    DAY = "day"
    RANGE = "range"
    WEEK = "week"
    MONTH = "month"
    UNKNOWN = "unknown"


# An event the articles date only to a span this many days wide or wider ('met in September')
# happened on no day a silence can be counted from: the cadence metrics and the brief's
# cadence view both read it so.
UNDAYED_SPAN_DAYS = 7

# Target rules of mentions whose target their own words do not name: a statement naming no
# other party answers the act told before it (extract/statements.py); choosing an event's
# agent, events/facts.py counts no such clause as a full one.
INFERRED_TARGET_RULES = frozenset({"answers-earlier-act"})
# the end of the target_rule of a mention done to someone no actor list names (a news outlet
# asked to close): it has no target and joins no event between two actors (extract/answered.py)
OUTSIDE_TARGET = ":outside"


class TimeKind(StrEnum):
    DATE = "date"
    WEEKDAY = "weekday"
    RELATIVE = "relative"
    DURATION = "duration"
    COUNT = "count"


class Approx(StrEnum):
    """Approximator class of a stated measure ('nearly 50 days' is under)."""

    ABOUT = "about"
    UNDER = "under"
    OVER = "over"


class TitleBasis(StrEnum):
    HEADLINE = "headline"
    SIDECAR = "sidecar"
    FIRST_SENTENCE = "first-sentence"


class OutletBasis(StrEnum):
    """Where a document's own outlet comes from (most trusted first)."""

    SIDECAR = "sidecar"  # the story's sources.csv (data/stories/NAME/)
    URL = "url"  # the address's domain, known to data/outlets.yaml
    DOMAIN = "domain"  # an unknown domain: the name the text prints, else its label as a name
    TEXT = "text"  # the text about itself, a credit or last line, a byline outlet
    HTML_META = "html_meta"  # the page's site name
    DATELINE = "dateline"  # a wire dateline's agency, nothing else naming the outlet
    UNKNOWN = "unknown"


class OriginBasis(StrEnum):
    """Where a document's origin (the copy or reporting it relays) comes from."""

    CREDIT = "credit"  # dateline agency, credit or copyright line, the outlet the text speaks as
    LEDE = "lede"  # the outlet the first sentences attribute the news to ('told Agency')
    SELF = "self"  # original reporting: the outlet itself
    UNKNOWN = "unknown"


class Encoding(StrEnum):
    UTF8 = "utf-8"
    UTF8_SIG = "utf-8-sig"
    UTF16 = "utf-16"
    CP1252 = "cp1252"


class ActorKind(StrEnum):
    """How an actor is written: its name, an alias, a title ('the defense minister'), an
    epithet, a pronoun phrase ('his government'), or a side's adjective ('Israeli')."""

    NAME = "name"
    ALIAS = "alias"
    TITLE = "title"
    EPITHET = "epithet"
    PRONOUN_PHRASE = "pronoun-phrase"
    ADJECTIVE = "adjective"


class EventStatus(StrEnum):
    ASSERTED = "asserted"  # reported as happened
    PLANNED = "planned"  # every mention is about the future
    # told as done by its agent only in someone's charge: no mention asserts it
    ALLEGED = "alleged"


class ContactStatus(StrEnum):
    ASSERTED = "asserted"
    PLANNED = "planned"
    BLOCKED = "blocked"  # planned, then blocked


class LabelSource(StrEnum):
    TEMPLATE = "template"  # data/labels.yaml filled from the event's roles
    PHRASE = "phrase"  # the evidence sentence's own words (data/labels.yaml {phrase})
    ANNOTATION = "annotation"  # an analyst's label


class Account(StrEnum):
    """One account of a disputed fact."""

    ACCEPTED = "accepted"  # the value the event (or channel) carries
    DISAGREES = "disagrees"


class ConflictFact(StrEnum):
    DATE = "date"
    NOTICE = "notice"
    NATURE = "nature"  # what act it was: told as different acts (an arrest, an abduction)


class CountFact(StrEnum):
    PREVIOUS_GAP_DAYS = "previous_gap_days"


class GapBasis(StrEnum):
    EVENTS = "events"  # two dated contact events
    STATED = "stated"  # a stated silence ('have not spoken in nearly 50 days')


class StatedMeasure(StrEnum):
    """What a measure stated in an article counts (metrics.stated_measures)."""

    SILENCE = "silence"  # days without contact ('have not spoken in nearly 50 days')
    CONTACTS = "contacts"  # contacts made ('have spoken over 125 times')


class AnnotationAction(StrEnum):
    LABEL = "label"
    DATE = "date"
    MERGE = "merge"
    SPLIT = "split"


class Tone(StrEnum):
    """cooperation.tone: the sign of an event category's Goldstein weight."""

    COOPERATIVE = "cooperative"  # weight > 0
    NEUTRAL = "neutral"  # weight 0 (a statement)
    CONFLICTUAL = "conflictual"  # weight < 0


class YesNo(StrEnum):
    """overrides.applied (the one yes/no column; every other flag is True/False)."""

    YES = "yes"
    NO = "no"


class SideRole(StrEnum):
    """The two roles of a focus pair 'OBSERVER->SUBJECT': how far the observer trusts the
    subject."""

    OBSERVER = "observer"
    SUBJECT = "subject"


def values(vocabulary: type[Enum]) -> tuple:
    """The cell values of a vocabulary, in declaration order."""
    return tuple(member.value for member in vocabulary)
