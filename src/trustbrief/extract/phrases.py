"""What a mention says happened, in the sentence's own words, read from the parse.

An event label a reader would sign is a short clause ('Moldovan police raided the offices of a
broadcaster') or a noun phrase ('the arrest of two journalists'), never a window of words cut
around the trigger ('died during a raid carried out by'). The phrase keeps the trigger's
subject, its verb with auxiliaries and negation, and its object (or, without one, its first
prepositional complement); each noun phrase keeps its modifiers and one prepositional
complement, never a relative clause, apposition or parenthesis. A verb of saying keeps what was
said, as its own clause ('X told Y he was planning to strike military sites'; its
'he' stays as written). Too long, it is shortened step by step (complements compacted, names to
their last word: 'Jane Doe and John Roe met in Portview'). What is no label gives '': a subject or
object that is a pronoun ('he', 'them'; 'he'/'she' and an 'it' opening the sentence's main
clause become the mention's agent when it has one), a verb of saying without what was said ('the
minister said'; 'the minister told reporters' when the clause it reports does not fit or says
nothing), an infinitive or participle without its subject ('to meet with ...', 'being struck
...'), a noun with nothing to say what it is about ('the strike').
"""

from __future__ import annotations

from trustbrief.extract.phrase_levels import (
    ACT_HEAD_NOUNS,
    INTENT_NOUNS,
    LADDER,
    Level,
)
from trustbrief.extract.phrase_nouns import (
    WH_TAGS,
    nominal,
    noun_words,
    owner_named,
)
from trustbrief.extract.phrase_tokens import (
    ATTRIBUTION_LEMMAS,
    OBJECTS,
    asks_without_content,
    attribution_tail,
    doer_left_out,
    gerund_object,
    kept_adverb,
    left_out,
    noun_pobj,
    noun_preps,
    opening_it,
    pobj,
    predicate_words,
    present,
    tidy,
    verb_objects,
)
from trustbrief.extract.role_paths import token_at

PHRASE_MAX = 70  # characters (events.label_rules.LABEL_MAX)
VERB_AUX = frozenset({"aux", "auxpass", "neg"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
TOLD_ABOUT = frozenset({"of", "about", "on"})  # after the object: what it was told or asked
# a verb with a clause as its content ('said that ...', a quote): a verb of saying
CLAUSE_DEPS = frozenset({"ccomp", "parataxis"})
# pronouns that stand for the mention's agent when it has one (a person)
PERSON_PRONOUNS = frozenset({"he", "she"})
# subjects a reported clause keeps as written ('told Y he was planning ...')
REPORTED_PRONOUNS = frozenset({"he", "she", "it", "they", "we"})


def event_phrase(doc, start: int, end: int, agent: str = "", skip=()) -> str:
    """The clause or noun phrase of the trigger at start:end of the parsed sentence `doc`,
    at most PHRASE_MAX characters, or '' when the parse gives no phrase a reader could sign.
    `agent` (the mention's agent) stands in for a 'he'/'she' subject; `skip` holds (start,
    end) character spans left out of the phrase (the sentence's time expressions: a label
    is dated by the timeline, not by 'on Tuesday')."""
    trigger = token_at(doc, start, end) if doc is not None else None
    if trigger is None:
        return ""
    return _phrase(trigger, agent, left_out(doc, skip))


def _phrase(trigger, agent: str, skipped: set, speaker_acts: bool = False) -> str:
    """event_phrase of a trigger token, the tokens of `skipped` (left_out) left out;
    `speaker_acts`: the agent is the reporter, not the subject the parse gives the verb."""
    if trigger.dep_ == "compound" and trigger.head.lower_ in ACT_HEAD_NOUNS:
        trigger = trigger.head  # 'an assassination spree targeting X': the phrase of its head
    for level in LADDER:  # full, compacted, names to their head word, ... no complements
        if _noun_infinitive(trigger):  # 'the decision to shut down the cultural centre'
            words = noun_words(trigger.head, level, skipped, top=True) + \
                _infinitive(trigger, level, skipped)
            swap = owner_named(words, agent)
        elif trigger.pos_ in ("VERB", "AUX"):
            words, swap = _with_agent(trigger, agent, level, skipped) if speaker_acts and \
                agent else _clause(trigger, agent, level, skipped)
        elif trigger.pos_ in ("NOUN", "PROPN", "NUM"):
            words = nominal(trigger, level, skipped)
            swap = owner_named(words, agent)
        else:
            return ""
        if not words:
            return ""
        text = tidy(words, swap, nominal=trigger.pos_ != "VERB" and trigger.pos_ != "AUX")
        if len(text) <= PHRASE_MAX:
            return text
    return ""


def _noun_infinitive(verb) -> bool:
    """A 'to'-infinitive with its own object that completes a noun ('the decision to close
    the office', 'a plan to expel diplomats'): the noun phrase tells the act."""
    return verb.pos_ == "VERB" and verb.dep_ == "acl" and verb.head.lower_ in INTENT_NOUNS \
        and verb.head.i < verb.i and not any(c.lower_ == "no" for c in verb.head.children) \
        and any(c.tag_ == "TO" for c in verb.children) \
        and any(c.dep_ in OBJECTS for c in verb.children)


def _clause(trigger, agent: str, level: int, skipped: set, reported: bool = False
            ) -> tuple[list, dict]:
    """([subject] [aux/neg] verb [to verb ...] [object | first complement], pronoun swaps),
    or ([], {}) when no label. A `reported` clause (what a verb of saying reports) keeps a
    personal pronoun subject: the sentence's speaker stands before it."""
    chain = _verb_chain(trigger)
    top = chain[0]
    subject = _subject(top)
    if subject is None and not reported and doer_left_out(trigger, agent):
        return _with_agent(trigger, agent, level, skipped)
    if subject is None or subject.i > top.i or subject.i in skipped:
        return [], {}  # 'says the minister', 'being struck ...', a subject inside an aside
    if sum(c.dep_ in SUBJECTS for c in top.children) > 1:
        return [], {}  # two subjects: a garbled parse ('X coincide in many areas, says Y')
    if any(c.tag_ == "WP$" for c in subject.children):
        return [], {}  # 'people whose car exploded': whose it was is outside the clause
    swap = {}
    if reported and subject.pos_ == "PRON" and subject.lower_ in REPORTED_PRONOUNS:
        words = [subject]
    elif subject.pos_ == "PRON" and subject.tag_ not in WH_TAGS:
        if subject.lower_ not in PERSON_PRONOUNS and not opening_it(subject, top) or not agent:
            return [], {}
        words, swap = [subject], {subject.i: agent}
    else:
        words = noun_words(subject, level, skipped, top=True)
    for verb in chain:  # an adverb before the verb is kept: 'barely', 'no longer', 'never'
        words += [t for c in verb.children if c.text[:1] not in "'’" and (
            c.dep_ == "neg" or c.i < verb.i and (
                c.dep_ in VERB_AUX or kept_adverb(c, level) and c.i > subject.i))
            for t in c.subtree if t.i not in skipped] + [verb]
        words += [c for c in verb.children if c.dep_ == "prt"]
    said, said_swap = _what_was_said(trigger, agent, level, skipped)
    if not said and any(c.dep_ == "ccomp" and not attribution_tail(c) for c in trigger.children):
        return [], {}  # 'the minister told reporters (that ...)': the telling without its news
    # with what was said, the verb's own objects stay as written ('told them ...')
    complement = _complement(trigger, level, skipped) if not said else \
        [o for c in trigger.children if c.dep_ in OBJECTS for o in noun_words(c, level, skipped)]
    if complement is None or not (complement or said) and trigger.lemma_ in ATTRIBUTION_LEMMAS:
        return [], {}  # ('the minister said', '..., X said, days after ...'): nothing said
    return words + complement + said, {**swap, **said_swap}


def _with_agent(verb, agent: str, level: int, skipped: set) -> tuple[list, dict]:
    """'A-land shoots down inbound Chadian missiles', 'B-land says some progress has
    been made': the mention's agent (who the extraction found did it) as the subject of the
    verb in the present, then its object or what was said; ([], {}) when neither is left."""
    said, said_swap = _what_was_said(verb, agent, level, skipped)
    if not said and any(c.dep_ == "ccomp" for c in verb.children):
        return [], {}  # 'stressing the US was not involved': what was said is no clause here
    complement = said or _complement(verb, level, skipped)
    if not complement:
        return [], {}
    words = [verb] + [c for c in verb.children if c.dep_ in ("neg", "prt")]
    colon = ":" if said_swap.get(verb.i, "").endswith(":") else ""  # before a direct quote
    return words + complement, {**said_swap, verb.i: f"{agent} {present(verb.lemma_)}{colon}"}


def _what_was_said(verb, agent: str, level: int, skipped: set) -> tuple[list, dict]:
    """The clause a verb of saying reports ('told Y he was planning to target military
    sites'), its own subject, verb and object, so a statement's label says what was said;
    ([], {}) when there is none or it is no label (at the shortest level, nothing)."""
    content = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and c.pos_
                    in ("VERB", "AUX") and c.i not in skipped and not attribution_tail(c)), None)
    if content is None or level >= 3:
        return [], {}
    words, swap = _clause(content, agent, level, skipped, reported=True)
    if words and words[-1] is content and content.lemma_ == "be":
        return [], {}  # 'A-land is (willing to ...)': a bare copula says nothing
    if words and _own_voice(verb, words[0]):
        return words, {**swap, **_quote_marks(verb, words, swap)}
    return words, swap


# subjects by which a speaker speaks of themself: a reported clause opening on one after a
# quotation mark is a direct quote ('said, "We will not accept this provocation"')
OWN_VOICE = frozenset({"i", "we"})


def _own_voice(verb, subject) -> bool:
    """The reported clause is the speaker's own words: a first-person subject with a
    quotation mark between the verb of saying and it."""
    return subject.lower_ in OWN_VOICE and subject.i > verb.i and any(
        t.is_quote for t in subject.doc[verb.i + 1:subject.i])


def _quote_marks(verb, words: list, swap: dict) -> dict:
    """Swaps that print a direct quote as one, after a colon: 'The minister said: ‘We will
    not accept this provocation’' (single marks: the brief sets labels in double ones)."""
    first, last = words[0], max(words, key=lambda t: t.i)
    return {verb.i: swap.get(verb.i, verb.text) + ":",
            first.i: "‘" + swap.get(first.i, first.text),
            last.i: swap.get(last.i, last.text) + "’"}


def _verb_chain(trigger) -> list:
    """The trigger and the verbs whose infinitive it is, outermost first ('decided to
    cancel'); a participle ('spent the day being briefed') governs nothing."""
    chain = [trigger]
    while chain[0].dep_ == "xcomp" and chain[0].head.pos_ in ("VERB", "AUX") and \
            any(c.tag_ == "TO" for c in chain[0].children) and len(chain) < 3:
        chain.insert(0, chain[0].head)
    return chain


def _complement(verb, level: int, skipped: set) -> list | None:
    """The verb's objects, else its first prepositional complement, else nothing; None when
    that is no label (a pronoun or relative object, a verb of saying with only its clause)."""
    adjective = next((c for c in verb.children if c.dep_ == "acomp" and c.i > verb.i), None)
    if adjective is not None:  # 'is very low': the predicate with its degree, nothing after
        return predicate_words(adjective, level, skipped, noun_words)
    objects = verb_objects(verb, OBJECTS)
    if any(o.pos_ == "PRON" and o.tag_ != "PRP$" for o in objects):
        return None  # 'informed him', 'which the Front blamed': the label would not say who
    if objects:
        words = [w for o in objects for w in _object_words(o, level, skipped)]
        infinitive = _infinitive_of(verb)
        if infinitive is not None and level < 3 and not _pronoun_object(infinitive):
            return words + _infinitive(infinitive, level, skipped)  # 'asked X to reopen talks'
        if infinitive is not None:  # 'urged X to pull them back': no label says what 'them' is
            return words
        if asks_without_content(verb):
            return None  # 'asked X (to stop ...)': who asked whom, not what
        for prep in [p for p in noun_preps(verb, skipped)[:1] if level == 0 or level < 3
                     and p.lower_ in TOLD_ABOUT | {"as"}]:  # 'informed X of Y', 'called X as Y'
            if prep.i > max(o.i for o in objects) and prep.lower_ != "with":
                # an adverb between the object and the preposition carries the meaning and
                # goes with it: 'informed the US very late in the game', never '... the US
                # in the game' (late notice read as notice)
                words += [t for c in verb.children if c.dep_ == "advmod"
                          and max(o.i for o in objects) < c.i < prep.i
                          for t in c.subtree if t.i not in skipped]
                return words + [prep, *noun_words(pobj(prep), level or Level(1), skipped)]
        # 'accused X of orchestrating a provocation', 'blamed X for carrying out the strike'
        charge = gerund_object(verb, skipped, max(o.i for o in objects),
                               TOLD_ABOUT | {"for"}) if level < 3 else None
        if charge is not None:
            words += [*charge[0], *noun_words(charge[1], level or Level(1), skipped)]
        return words
    # 'pledged to punish those responsible', 'discussed expanding military cooperation'
    infinitive = _infinitive_of(verb) or _gerund_of(verb)
    if infinitive is not None:
        return _infinitive(infinitive, level, skipped)
    if any(c.dep_ in CLAUSE_DEPS for c in verb.children):
        return None  # 'the minister said (that ...)': the label cannot hold what was said
    preps = noun_preps(verb, skipped)
    if preps:
        if pobj(preps[0]).pos_ == "PRON":
            return None
        # 'referred to the crash as an emergency': what it was called goes with it
        called = [p for p in preps[1:2] if p.lower_ == "as" and level < 3]
        return [w for p in preps[:1] + called for w in (p, *noun_words(pobj(p), level, skipped))]
    # 'summoned and reprimanded the ambassador'; a passive needs no object ('was not
    # involved and had no knowledge of it' is two things said)
    shared = [] if any(c.dep_ == "auxpass" for c in verb.children) else \
        _shared_object(verb, level, skipped)
    if shared:
        return shared
    # 'skipped out on attending the parade': a preposition, its gerund and the gerund's object
    found = gerund_object(verb, skipped)
    if found is not None:
        return [*found[0], *noun_words(found[1], level, skipped)]
    return []  # 'two missiles exploded'


def _object_words(obj, level: int, skipped: set) -> list:
    """An object's words; the parser's dative may be a preposition ('sent a letter to
    B-land'), which keeps its noun (or goes, when that is a pronoun or left out)."""
    if obj.pos_ != "ADP":
        return noun_words(obj, level, skipped)
    noun = noun_pobj(obj)
    if noun is None or noun.i in skipped or noun.pos_ == "PRON":
        return []
    return [obj, *noun_words(noun, level, skipped)]


def _subject(verb):
    """The verb's own subject, a conjoined verb's shared one ('struck and killed'), the noun
    a relative clause or participle describes ('men who were detained by police')."""
    for token in (verb, verb.head if verb.dep_ == "conj" else None):
        if token is None:
            continue
        found = next((c for c in token.children if c.dep_ in SUBJECTS), None)
        if found is not None:
            if found.tag_ in WH_TAGS and token.dep_ == "relcl":
                return token.head
            return found
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN" and \
            verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # 'men detained by police' ('envoys urging' is no clause)
    if verb.dep_ == "ccomp":  # 'stressing [the US] [was not involved]': the parse's object
        return next((c for c in verb.head.children if c.dep_ == "dobj" and c.pos_ != "PRON"
                     and c.right_edge.i + 1 == verb.left_edge.i), None)  # is its subject
    return None


def _infinitive_of(verb):
    """The verb's 'to'-infinitive complement with an object of its own ('to punish those
    responsible'); 'urged further actions to increase' ends on nothing."""
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i
                 and any(a.tag_ == "TO" for a in c.children)
                 and any(o.dep_ in OBJECTS for o in c.children)), None)


def _gerund_of(verb):
    """The verb's gerund complement with an object of its own ('considered imposing
    sanctions'); without one the verb's object is the gerund's, which the label needs."""
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i
                 and c.tag_ == "VBG" and any(o.dep_ in OBJECTS for o in c.children)), None)


def _shared_object(verb, level: int, skipped: set) -> list:
    """A verb with no object of its own before a conjoined verb of the same subject that has
    one shares it: 'summoned and reprimanded the ambassador' (never 'Ministry summoned')."""
    conj = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                 and c.i > verb.i and c.i not in skipped
                 and not any(g.dep_ in SUBJECTS for g in c.children)
                 and any(o.dep_ in OBJECTS for o in c.children)), None)
    rest = _complement(conj, level, skipped) if conj is not None else None
    if not rest:
        return []
    cc = [c for c in verb.children if c.dep_ == "cc" and verb.i < c.i < conj.i]
    return [*cc, conj, *(c for c in conj.children if c.dep_ == "prt"), *rest]


def _pronoun_object(verb) -> bool:
    return any(c.dep_ in OBJECTS and c.pos_ == "PRON" and c.tag_ != "PRP$" for c in verb.children)


def _infinitive(verb, level: int, skipped: set) -> list:
    """'to punish those responsible': the infinitive with its object, nothing further."""
    words = [c for c in verb.children if c.dep_ in ("aux", "neg") and c.i < verb.i] + [verb]
    words += [c for c in verb.children if c.dep_ == "prt"]
    for obj in (c for c in verb.children if c.dep_ in OBJECTS):
        words += noun_words(obj, level, skipped)
    return words


def with_phrases(rows: list[dict], doc, times: list[dict]) -> list[dict]:
    """The mention rows of one sentence, each with its `phrase` ('' without a parse); the
    sentence's time expressions (`times`: rows with start and end) are left out of it."""
    skipped = None  # the same for every row: computed once, when a row needs it
    for row in rows:
        start = row.get("trigger_start", -1)
        trigger = token_at(doc, start, start + len(row.get("trigger", ""))) \
            if doc is not None and start >= 0 else None
        if trigger is None:
            row["phrase"] = ""
            continue
        if skipped is None:
            skipped = left_out(doc, [(t["start"], t["end"]) for t in times])
        # 'X said A had moved troops, and accused B of ...': X accuses (extract/roles.py)
        row["phrase"] = _phrase(trigger, row.get("agent", ""), skipped, str(row.get(
            "agent_rule", "")).startswith("speaker-of-reported-clause"))
    return rows
