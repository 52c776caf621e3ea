"""Event labels: the first template of data/labels.yaml that its fields fill - the event's
agent, targets and place, or {phrase}: what the evidence sentence says happened, in its own
words (read from the parse by extract.phrases), its parties named: a phrase opening on a bare
state noun ('Country informed B-land ...', said by one side's president) names the focus side
it stands for, or is no label."""

from __future__ import annotations

import functools
import re
import string

from trustbrief.events.context import Context
from trustbrief.events.label_rules import LABEL_MAX, OBJECT_FIELDS
from trustbrief.events.records import CREATING, Rec, evidence_of, ranked_records


def choose_type(recs: list[Rec]) -> str:
    creating = [r for r in recs if r.polarity in CREATING] or recs
    types = recs[0].group.types
    present = {r.event_type for r in creating}
    ranked = [t for t in types if t in present]
    return ranked[0] if ranked else ranked_records(r.event_type for r in creating)[0]


# a name ending in s takes the apostrophe alone, in news style ('the Philippines' warnings',
# 'the United States' envoy'); names are filled into templates and phrases as "X's"
S_POSSESSIVE = re.compile(r"\b((?-i:[A-Z])[\w.-]*s)(['’])s\b")


@functools.lru_cache(maxsize=8)
def _the_pattern(names: frozenset) -> re.Pattern | None:
    if not names:
        return None
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![Tt]he )(?<!\w)({alternation})(?!\w)")


def with_the(label: str, names: frozenset) -> str:
    """The label with 'the' before each country name that takes it ('the Philippines')."""
    pattern = _the_pattern(names)
    return pattern.sub(r"the \1", label) if pattern is not None else label


@functools.lru_cache(maxsize=1024)
def _placeholders(template: str) -> tuple[str, ...]:
    return tuple(f for _, f, _, _ in string.Formatter().parse(template) if f)


def make_label(fields: dict, event_type: str, ctx: Context, status: str) -> tuple[str, str]:
    """(label, label source): the first template whose placeholders are all known and which
    fits in 70 characters - source 'phrase' when it is the sentence's own words ({phrase}),
    else 'template'; if none fits, the first usable one cut at a word boundary with an
    ellipsis (rather than a later template that names no target or object); with no usable
    template, the event type's name."""
    filled = []
    for template in ctx.rules.templates_for(event_type):
        names = _placeholders(template)
        if not all(fields.get(n) for n in names):
            continue
        if filled and not OBJECT_FIELDS & set(names):
            break  # a longer label that names the target, cut, says more than 'Killing by X'
        label = re.sub(r"\s+", " ", template.format(**{n: fields[n] for n in names})).strip()
        label = with_the(S_POSSESSIVE.sub(r"\1\2", label), ctx.rules.names_with_the)
        label = label[:1].upper() + label[1:]
        source = "phrase" if "phrase" in names else "template"
        told = _status_label(label, status, fields.get("agent", ""), ctx.rules)
        if len(told) <= LABEL_MAX:
            return told, source
        filled.append((label, source))
    if not filled:
        fallback = fields.get("type_name") or event_type
        return fallback[:1].upper() + fallback[1:], "template"
    best, source = filled[0]
    return _cut_with_status(best, status, fields.get("agent", ""), ctx.rules), source


def _cut_with_status(label: str, status: str, agent: str, rules) -> str:
    """The label cut to fit LABEL_MAX with its status: the words are cut, never what the status
    says of them ('(attributed to B-land)'). A cut that drops the accused's name from the words
    makes the status name them: then it is cut for that longer status."""
    for words in (label, ""):  # the status of the whole words, else its longest form
        suffix = len(_status_label(words, status, agent, rules)) - len(words)
        told = _status_label(cut_label(label, LABEL_MAX - suffix), status, agent, rules)
        if len(told) <= LABEL_MAX:
            break
    return told


def _status_label(label: str, status: str, agent: str, rules) -> str:
    """A planned or alleged label says so; an alleged one whose words do not name the accused
    names them ('Pipeline blast (attributed to B-land)'), else the reader may take the
    act's target or place for its doer. Other labels are returned as they are."""
    if status not in ("planned", "alleged"):  # told as done by its agent
        return label
    if status == "planned":
        return rules.planned_format.format(label=label)
    if agent and agent.lower() not in label.lower():
        return rules.alleged_agent_format.format(label=label,
                                                 agent=with_the(agent, rules.names_with_the))
    return rules.alleged_format.format(label=label)


# words a cut label must not end on: they announce what the cut left out ('of a dossier for a…')
DANGLING = frozenset({"a", "an", "the", "of", "for", "to", "in", "on", "at", "by", "with",
                      "from", "and", "or", "its", "his", "her", "their", "that"})


def cut_label(label: str, limit: int = LABEL_MAX) -> str:
    """The label cut at a word boundary to `limit` characters with an ellipsis, never
    ending on an article, preposition or conjunction."""
    words = label[:limit - 1].rsplit(" ", 1)[0].split()
    while len(words) > 1 and words[-1].lower().strip(",;:-") in DANGLING:
        words.pop()
    return " ".join(words).rstrip(" ,;:-") + "…"


# a determiner the parse may leave before a bare state noun ('The country's envoy ...')
DETERMINERS = frozenset({"the", "this", "that", "its", "his", "her", "their"})


def _vague_rest(phrase: str, state_nouns: frozenset) -> str | None:
    """What follows a bare state noun opening the phrase (" informed B-land ...", "'s envoy
    met ..."), or the possessive 'its' (never a person's), else None: 'State Department ...'
    and 'Republic of X' open on names."""
    words = phrase.split()
    if len(words) >= 2 and words[0].lower() == "its" and re.sub(
            r"['’]s$", "", words[1].lower()) not in state_nouns:
        return "'s " + " ".join(words[1:])  # 'Its response to C-land': only a state or body
    if words and words[0].lower() in DETERMINERS:
        words = words[1:]
    if len(words) < 2:
        return None
    head = words[0].lower()
    possessive = head.endswith(("'s", "’s"))
    noun = head[:-2] if possessive else head
    if noun not in state_nouns or (not possessive and (words[1][:1].isupper()
                                                       or words[1] == "of")):
        return None
    return ("'s " if possessive else " ") + " ".join(words[1:])


def party_phrase(phrase: str, focus: tuple[str, str], agent_side: str,
                 state_nouns: frozenset) -> str:
    """The phrase with a bare state subject replaced by the focus side it stands for: the
    pair's other party when the phrase names one side (a bilateral act), else the agent's
    side when it is one of the pair; '' when neither is known (the next template labels it)."""
    rest = _vague_rest(phrase, state_nouns)
    if rest is None:
        return phrase
    pair = [s for s in focus if s]
    named = [s for s in pair if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", rest)]
    if len(pair) == 2 and len(named) == 1:
        return next(s for s in pair if s not in named) + rest
    return agent_side + rest if agent_side in pair and agent_side not in named else ""


def own_mentions(recs: list[Rec]) -> list[Rec]:
    """The mentions that tell the event itself, not what was said of it or in it (a
    statement folded into the act it announced, a readout folded into its call:
    contacts.py, announcements.py); callers that need some mention fall back on all."""
    return [r for r in recs if not r.said_in_contact]


def event_phrase(recs: list[Rec], evidence: Rec | None = None) -> str:
    """The evidence mention's phrase (what its sentence says happened, in its own words),
    else the first other mention's that has one (not what was said of it), the most reliable
    first; a phrase that
    names no one ('Subsequent attacks', 'A spokesperson pledged cooperation') is none."""
    if evidence is not None and evidence.phrase:
        return evidence.phrase if _names_someone(evidence) else _with_doer(evidence)
    # what was said of the event (a statement folded into the act it announced, a readout
    # folded into its call) is not what happened: 'Ministry said it had no faith' is no label
    # for an expulsion, whose template then says what is known
    own = own_mentions(recs)
    # a mention told as generic or hypothetical ('as X has said') is in the event, not its news
    ranked = sorted((r for r in own if r.polarity in CREATING),
                    key=lambda r: (r.doc_id, r.sent_id, r.pos))
    return next((r.phrase for r in ranked if r.phrase and _names_someone(r)), "")


def _with_doer(rec: Rec) -> str:
    """A phrase that names only the act ('Subsequent attacks targeting radio masts')
    as its agent's ("A-land's subsequent attacks targeting ..."): the act's doer is the party
    it must name; '' without an agent (the next template says what is known)."""
    words = [w.lower() for w in WORD.findall(rec.phrase)]
    last = (rec.trigger or "").lower().split()[-1:] or [""]
    # the act's noun leads the phrase (one modifier at most: 'Subsequent attacks ...'); in
    # 'Two detainees accused of ...' the trigger only describes another noun
    if not rec.agent or not words or words[0] in OWNED_ALREADY or last[0] not in words[:2]:
        return ""
    return f"{rec.agent}'s {rec.phrase[:1].lower()}{rec.phrase[1:]}"


# first words that already say whose the act is, or name a thing: no doer goes before them
OWNED_ALREADY = frozenset({"his", "her", "its", "their", "our", "my", "your", "this", "that",
                           "these", "those", "a", "an", "the"})


def _names_someone(rec: Rec) -> bool:
    """A phrase that tells a clause ('The strike killed 38 people') says what happened; one
    that only names the act ('Subsequent attacks', 'Visit to troops') must name a party; one
    in a quoted speaker's own voice ('My call with Minister X', 'Our talks') names no one
    once out of its quote."""
    if next(iter(WORD.findall(rec.phrase)), "") in FIRST_PERSON:
        return False
    if not _names_only_the_act(rec.phrase, rec.trigger):
        return True
    names = {w for n in (*rec.nearby, *rec.actors, rec.agent, *rec.targets) if n
             for w in n.split()}
    return names_someone(rec.phrase, rec.text, names)


# words by which a speaker names themself: a phrase opening on one is in a quote's voice
# (as written: 'US' is a state)
FIRST_PERSON = frozenset({"I", "My", "my", "We", "we", "Our", "our"})


# words after an act's noun that attach to it ('visit to troops', 'incursions into territory')
NOUN_ATTACHMENTS = frozenset({"of", "to", "into", "on", "against", "in", "at", "for", "by",
                              "from", "with", "targeting"})


def _names_only_the_act(phrase: str, trigger: str) -> bool:
    """The phrase is headed by the trigger (its last word, or one a preposition follows)."""
    words = [w.lower() for w in WORD.findall(phrase)]
    last = (trigger or "").lower().split()[-1:] or [""]
    if last[0] not in words:
        return False
    k = words.index(last[0])
    return k == len(words) - 1 or words[k + 1] in NOUN_ATTACHMENTS


WORD = re.compile(r"[\w’'-]+")


def names_someone(phrase: str, text: str, names: set[str] = frozenset()) -> bool:
    """The phrase holds a proper word (a name, a nationality): a capital past its first word,
    a first word that begins with a word of the actors' `names` ('Chad’s attack', 'Chadian
    strikes'), or one its sentence writes with a capital where no sentence starts; not 'no
    prior warning of subsequent attacks', 'A spokesperson pledged cooperation'."""
    words = WORD.findall(phrase)
    if not words:
        return False
    if any(w[:1].isupper() for w in words[1:]) or any(
            len(n) > 2 and words[0].startswith(n) for n in names):
        return True
    first = re.search(rf"(?<![\w’']){re.escape(words[0])}(?![\w’'])", text, re.I)
    if first is None:
        return words[0][:1].isupper()
    return first.start() > 0 and text[first.start()].isupper()


def label_fields(recs: list[Rec], event_type: str, agent: str, agent_side: str,
                  targets: list[str], ctx: Context, evidence: Rec | None = None) -> dict:
    target = next((t for t in targets if ctx.kinds.get(t, {}).get("type") == "person"),
                  next((t for t in targets if ctx.kinds.get(t, {}).get("type") != "place"), ""))
    places = [a for a in ranked_records(p for r in recs for p in r.locations) if a != target] or \
        [a for a in ranked_records(p for r in recs for p in [*r.actors, *r.targets])
         if ctx.kinds.get(a, {}).get("type") == "place" and a != target]
    # who took part, told by the event's own mentions (not by what was said in it)
    own = own_mentions(recs) or recs
    people = ranked_records(p for r in own for p in [r.agent, *r.targets]
                            if p and ctx.kinds.get(p, {}).get("type") != "place")
    participants = " and ".join(sorted(people[:2])) if len(people) >= 2 else ""
    # a person meets a state only by visiting it: no '{meeting_parties} meet' for them
    person_and_state = sorted(ctx.kinds.get(p, {}).get("type") or ""
                              for p in people[:2]) == ["person", "state"]
    return {
        "agent": agent, "agent_side": agent_side, "target": target,
        # a person, group or thing, never a whole state: 'kills A-land' says nothing
        "target_nonstate": "" if ctx.kinds.get(target, {}).get("type") == "state" else target,
        # one who can be killed: no state, body, outlet or place ('A-land kills the Front')
        "target_person": target if ctx.kinds.get(target, {}).get("type") in ("person", None)
        else "",
        "target_role": ctx.kinds.get(target, {}).get("role", ""),
        "target_short_role": ctx.kinds.get(target, {}).get("short_role", "")
        or ctx.kinds.get(target, {}).get("role", ""),
        "phrase": party_phrase(event_phrase(recs, evidence or evidence_of(recs)), ctx.focus,
                               agent_side, ctx.rules.state_nouns),
        "place": places[0] if places else "",
        "participants": participants,
        "meeting_parties": "" if person_and_state else participants,
        "verb": ctx.types.get(event_type, {}).get("verb", ""),
        "type_name": event_type.replace("_", " "),
    }
