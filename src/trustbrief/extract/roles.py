"""Who did what to whom, read from the dependency tree of the trigger.

The role paths (data/syntax.yaml, section roles) are tried in order: the first that reaches
an actor of a type the event type accepts gives the agent, the next that reaches another
actor the targets. 'he'/'she' in a role stand for the last person named before them in the
document (`people`), marked '+coref' in the rule.
"""

from __future__ import annotations

from trustbrief.extract.answered import OUTSIDE, answered_target
from trustbrief.extract.patterns import lookup_key
from trustbrief.extract.role_paths import (
    CLIMB,
    PRONOUNS,
    RolePath,
    hits_in,
    phrase_tokens,
    role_tokens,
    token_at,
)
from trustbrief.extract.syntax import Syntax


def _person_first(found: list) -> list:
    """A person in the phrase wins over the group it leads ('Front leader Jane Doe')."""
    people = [h for h in found if "person" in h.types]
    return people[:1] if people else found[:1]


SPEAKER_PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i"})
REPORT_CLIMB = frozenset({"ccomp", "xcomp", "conj", "advcl"})


def _verb_of_saying(clause, speech_verbs):
    """The verb of saying that reports a clause ('officials said [the government had
    cancelled ...]', '... said it would [deploy ...] and [send ...]'): climbing from the
    clause's verb through complement, coordinated and adverbial clauses (REPORT_CLIMB), at
    most CLIMB steps, to the first verb of saying (syntax speech verbs); None if none."""
    for _ in range(CLIMB):
        if clause.dep_ not in REPORT_CLIMB or clause.head is clause:
            return None
        clause = clause.head
        if clause.lemma_ in speech_verbs:
            return clause
    return None


def _reported_speaker(token, hits, speech_verbs) -> list | None:
    """'The Pentagon said it would deploy ...': a pronoun subject of a clause reported by a
    verb of saying stands for that verb's subject (the speaker), when the speaker is an
    actor. A speaker named by a name no actor holds ('Vice President Jane Doe said she
    had urged ...') is someone else than any actor: [] (no one), never the last person the
    document named. None: no verb of saying reports the clause, or its subject names no one."""
    verb = _verb_of_saying(token.head, speech_verbs)
    if verb is None:
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    found = [h for s in subjects for h in hits_in(phrase_tokens(s), hits)
             if h.kind != "pronoun-phrase"]
    if found:
        return _person_first(found)
    named = any(t.pos_ == "PROPN" for s in subjects for t in phrase_tokens(s))
    return [] if named else None


def _phrase_actors(token, hits, people, path: RolePath, everyone: bool,
                   speech_verbs=frozenset(), seats=frozenset()):
    """(actor names, coref used) of the phrase the token heads, with a name in apposition
    ('the chief negotiator, Jane Doe': the person wins over the side that qualifies
    the title)."""
    relative = _relative_clause(token)
    if relative is not None and token.lower_ in PERSON_RELATIVES and token.dep_ in (
            "dobj", "dative", "nsubj", "nsubjpass"):
        # 'Doe, whom he tried to dismiss': 'whom' is Doe; 'reporters of an X agency
        # who were detained by Y': 'who' is the noun the clause hangs on (X's agency)
        token = relative.head
    tokens = phrase_tokens(token) + [t for a in token.children
                                     if a.dep_ == "appos" and a.pos_ == "PROPN"
                                     for t in phrase_tokens(a)]
    if token.lemma_.lower() in path.acts_of:  # 'the killing of X': X underwent it
        tokens = [t for t in tokens if not any(
            t in c.subtree for c in token.children if c.dep_ == "prep" and c.lower_ == "of")]
    found = [h for h in hits_in(tokens, hits) if h.kind != "pronoun-phrase"
             or len(h.actors) > 1]
    if path.types:
        found = [h for h in found if path.types & set(h.types)]
    if path.not_seats:
        found = [h for h in found if lookup_key(h.surface) not in seats]
    if found:
        people_found = [h for h in found if "person" in h.types]
        chosen = (people_found or _first_per_conjunct(token, found)) if everyone \
            else _person_first(found)
        return [a for h in chosen for a in h.actors], False
    if token.lower_ in SPEAKER_PRONOUNS and token.dep_ in ("nsubj", "nsubjpass"):
        speaker = _reported_speaker(token, hits, speech_verbs)
        if speaker is not None:
            return [a for h in speaker for a in h.actors][:1], bool(speaker)
    if token.lower_ in PRONOUNS:
        # 'X was furious with Y when he was informed': the subject, not the
        # person named last
        before = [h for h in hits if h.end <= token.idx and "person" in h.types]
        if relative is not None:
            # 'X, whom he has tried to dismiss': the one the clause tells of is not
            # the pronoun inside it
            named = hits_in(phrase_tokens(relative.head), hits)
            before = [h for h in before if h not in named]
        if token.dep_ in ("dobj", "dative"):
            # 'X informed him': an object pronoun is never its own verb's subject
            own = {a for h in _subject_hits(token.head, hits) for a in h.actors}
            before = [h for h in before if not own & set(h.actors)]
        subjects = [h for h in before if any(
            t.dep_ in ("nsubj", "nsubjpass") for t in hits_tokens(token.doc, h))]
        if subjects or before:
            return [(subjects or before)[-1].actor], True
        if people:
            return [people[-1]], True
    return [], False


# a person the clause tells of ('which'/'that' stand for things: 'the killing, which X
# blamed on Y' - the thing blamed is no target)
PERSON_RELATIVES = frozenset({"whom", "who"})
RELATIVE_CLIMB = frozenset({"dobj", "nsubj", "nsubjpass", "dative", "xcomp", "conj"})


def _relative_clause(token):
    """The relative clause (its verb) the token is an argument of, climbing through the
    verb's complements ('whom he has attempted to dismiss'); None outside one."""
    for _ in range(CLIMB):
        if token.dep_ == "relcl":
            return token
        if token.dep_ not in RELATIVE_CLIMB or token.head.i == token.i:
            return None
        token = token.head
    return token if token.dep_ == "relcl" else None


def _first_per_conjunct(token, found) -> list:
    """The first hit of each coordinated phrase ('Japanese Prime Minister X and South Korean
    President Y met': both sides take part, when the people are named by no list)."""
    chosen = []
    for conjunct in [token, *token.conjuncts]:
        inner = [c for c in conjunct.children if c.dep_ == "conj"]
        own = [t for t in conjunct.subtree if not any(t in c.subtree for c in inner)]
        chosen += [h for h in hits_in(own, found) if h not in chosen][:1]
    return chosen or found[:1]


def _subject_hits(verb, hits) -> list:
    return [h for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
            for h in hits_in(phrase_tokens(c), hits)]


def hits_tokens(doc, hit) -> list:
    span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
    return [span.root] if span is not None and len(span) else []


def _first_path(trigger, paths, hits, people, accept, everyone=False, speech=frozenset(),
                seats=frozenset()):
    for path in paths:
        for token in role_tokens(trigger, path):
            names, coref = _phrase_actors(token, hits, people, path, everyone, speech, seats)
            names = [n for n in names if accept(n)]
            if names:
                return names, path.id + ("+coref" if coref else "")
    return [], ""


def _participants(trigger, syntax: Syntax, hits, people, accept):
    names, rules = [], []
    for path in syntax.roles["participants"]:
        for token in role_tokens(trigger, path):
            found, coref = _phrase_actors(token, hits, people, path, True,
                                          syntax.speech_verbs)
            # a title and the name it belongs to ('President John Roe') are one person
            new = [n for n in dict.fromkeys(found) if accept(n) and n not in names]
            if new:
                names += new
                rules.append(path.id + ("+coref" if coref else ""))
    return names, "+".join(dict.fromkeys(rules))


def tree_roles(doc, start: int, end: int, etype, hits, syntax: Syntax, lex, people) -> dict:
    """{'agent': [name], 'targets': [names], 'agent_rule', 'target_rule'} for the trigger at
    start:end; empty lists (and rules) where the tree reaches no actor."""
    trigger = token_at(doc, start, end)
    empty = {"agent": [], "targets": [], "agent_rule": "", "target_rule": ""}
    if trigger is None:
        return empty

    def can_act(name: str) -> bool:
        actor = lex.actors.get(name)
        return actor is not None and actor.type in etype.agent_types

    if etype.symmetric:
        names, rule = _participants(trigger, syntax, hits, people, can_act)
        return {"agent": names[:1], "targets": names[1:], "agent_rule": rule,
                "target_rule": rule if len(names) > 1 else ""}
    form = "verb" if trigger.pos_ in ("VERB", "AUX") else "noun"
    paths = syntax.roles["undergoer"] if _undergoes(trigger, syntax) else syntax.roles[form]
    agent, agent_rule = _first_path(trigger, paths["agent"], hits, people, can_act,
                                    speech=syntax.speech_verbs, seats=lex.seats)
    agent = agent[:1]
    if not agent:
        agent = _reporters_body(trigger, hits, syntax)
        agent_rule = "reporters-body" if agent else agent_rule
    if not agent and etype.host_acts:
        agent = _host_state(trigger, hits)
        agent_rule = "host-place" if agent else ""
    speaker = _speaker_not_accusing_itself(trigger, agent, hits, syntax, lex)
    if speaker and can_act(speaker[0]):
        agent, agent_rule = speaker, "speaker-of-reported-clause/conj"
    targets, target_rule = [], ""
    if agent_rule.startswith("subject-of-governing-verb") and any(
            c.dep_ == "auxpass" for c in trigger.children):
        # 'he spent time being briefed by X': the governing subject underwent the act
        targets, target_rule, agent, agent_rule = agent, "undergoing-subject", [], ""
    def can_undergo(name: str) -> bool:
        return name not in agent and lex.actors.get(name) is not None \
            and lex.actors[name].side != "media"

    if etype.has_targets and not targets:
        targets, target_rule = _first_path(trigger, paths["target"], hits, people, can_undergo,
                                           everyone=False)
    if etype.has_targets and not targets:
        targets, target_rule = answered_target(trigger, form, etype.id,
                                               syntax.roles["answered"], hits, can_undergo)
    if etype.has_targets and not targets and _object_is_act(trigger, paths["target"]):
        target_rule = "act-object" + OUTSIDE  # the act is what is judged: no one named around
    if form == "noun" and (etype.operation or etype.possessor_undergoes) and agent and \
            not targets and not _has_of_object(trigger) and \
            agent_rule.startswith("possessive") and _is_person(agent[0], lex):
        # "his killing", "X's assassination", "Y's dismissal": with no 'of'
        # object, a person owning the noun of an operation (or of a type whose possessor
        # undergoes it) is the one it was done to ("A-land's strikes": a state acts)
        return {"agent": [], "targets": agent, "agent_rule": "",
                "target_rule": agent_rule.replace("possessive", "possessive-undergoer", 1)}
    return {"agent": agent, "targets": targets, "agent_rule": agent_rule,
            "target_rule": target_rule}


def _speaker_not_accusing_itself(trigger, agent, hits, syntax: Syntax, lex) -> list:
    """'X said that A had moved troops, and accused A's capital of ...': the parse joins the
    speech act to the reported clause, whose subject it inherits, and A accuses itself. The
    rule roles.verb speaker-of-reported-clause gives a participle after such a clause to its
    reporter; a coordinated speech act of its lemmas, under one of its verbs of saying, whose
    doer is of its object's side, is the reporter's too: [the reporter], else []. Only a doer
    accusing itself is re-read: 'X said A had massed troops and threatened B' stays A's."""
    rule = next((p for p in syntax.roles["verb"]["agent"]
                 if p.id == "speaker-of-reported-clause"), None)
    if rule is None or not agent or trigger.dep_ != "conj" or trigger.head.dep_ != "ccomp" \
            or trigger.lemma_ not in rule.lemmas \
            or trigger.head.head.lemma_ not in rule.reported_by:
        return []
    # the object's actors as written: the mention's targets already leave out the doer's side
    objects = [h.actor for c in trigger.children if c.dep_ == "dobj"
               for h in hits_in(phrase_tokens(c), hits)]
    sides = {getattr(lex.actors.get(name), "side", None) for name in (agent[0], *objects[:1])}
    if not objects or len(sides) != 1 or None in sides:
        return []
    reporters = [h.actor for h in _subject_hits(trigger.head.head, hits)]
    return reporters[:1] if reporters and reporters[0] not in agent else []


def _reporters_body(trigger, hits, syntax: Syntax) -> list:
    """The state whose own body did what its media or officials report, when the clause
    names the doer only as a definite bare body ('A-land state media reported that the
    government had cancelled ...'; 'B-land officials said the ministry would ...').

    The general rule, as _reported_speaker's for pronouns: a reported clause speaks from the
    reporter's side, so 'the government' (a definite organization noun of data/syntax.yaml
    speech.organization_nouns, naming no actor itself) is the government of the state the
    reporter's phrase names (a state's name or adjective: 'A-land state media'). The
    clause may be reported at any depth _verb_of_saying reaches ('... said the government
    had cancelled X and suspended Y': both acts, the second sharing the first's subject).
    [the state], else []: a reporter of no state, or an indefinite or named body, leaves the
    agent to the other rules."""
    subject = _shared_subject(trigger)
    if subject is None or subject.lemma_ not in syntax.organization_nouns or \
            not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children) or \
            hits_in(phrase_tokens(subject), hits):
        return []
    verb = _verb_of_saying(trigger, syntax.speech_verbs)
    if verb is None:
        return []
    states = [h for r in verb.children if r.dep_ == "nsubj"
              for h in hits_in(phrase_tokens(r), hits) if "state" in h.types]
    return [states[0].actor] if states else []


def _shared_subject(verb):
    """The verb's subject, or that of the verb it is coordinated with, which the two share
    ('the government had cancelled the visit and had arrested two journalists')."""
    for clause in (verb, verb.head) if verb.dep_ == "conj" else (verb,):
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
    return None


# preposition of a place -> the kinds of hit that may name the host state there: 'at' names
# a spot ('arrested at the capital's airport') by a place's own name only, never an adjective
# ('at the French embassy' is on the host state's soil)
HOST_PREPS = {"in": ("name", "alias", "adjective"), "at": ("name", "alias"),
              "on": ("name", "alias", "adjective")}
# 'on' names a place only with these nouns ('detained on Chadian territory', 'on French soil')
GROUND_NOUNS = frozenset({"territory", "soil"})


def _host_state(trigger, hits) -> list:
    """The state named as the place of the act, of its unnamed doer or of those it was done
    to ('police arrested two men in Portview', 'rounded up by police in a Chadian city', 'the
    arrest of journalists in Portview', 'a series of arrests of Chadians in France'): [its
    name], else [].

    Not a fix for one sentence but the rule of a kind of act: only for event types whose
    data says host_acts (data/event_types.yaml: arrests and detentions, which only the
    police and courts of the state where they happen carry out), and only when neither the
    words nor the tree named a doer (tree_roles tries it last). The place is read where the
    tree puts it: an 'in' phrase of the trigger, of its 'by' doer or 'of' object, of its
    object or passive subject, or of the noun it counts ('a series of arrests'); a place
    named by a state's name, alias or adjective ('Chadian city'), never a person's side; an
    'at' phrase by a name or alias only ('at the capital's airport', never 'at the Chadian
    embassy', which stands on the host's soil); an 'on' phrase only of territory or soil
    ('detained on Chadian territory')."""
    around = [trigger]
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of":
        around.append(trigger.head.head)  # 'a series of arrests', 'a wave of detentions'
    for word in list(around):
        for c in word.children:
            if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "of"):
                around += [g for g in c.children if g.dep_ == "pobj"]
            elif c.dep_ in ("dobj", "nsubjpass"):
                around.append(c)
    places = [(g, HOST_PREPS[c.lower_]) for t in around for c in t.children
              if c.dep_ == "prep" and c.lower_ in HOST_PREPS
              for g in c.children if g.dep_ == "pobj"
              and (c.lower_ != "on" or g.lemma_.lower() in GROUND_NOUNS)]
    for place, name_kinds in places:
        states = [h for h in hits_in(phrase_tokens(place), hits)
                  if "state" in h.types and h.kind in name_kinds]
        if states:
            return [states[0].actor]
    return []


def _object_is_act(trigger, paths) -> bool:
    """The trigger's object is the noun of an act whose 'of' phrase a path leaves out ('condemns
    the killing of the officer'): the one it was done to is not the trigger's target."""
    return any(c.dep_ in p.deps and c.lemma_.lower() in p.acts_of
               for p in paths if p.acts_of and not p.from_head for c in trigger.children)


def _has_of_object(trigger) -> bool:
    """'X's firing of his minister': an object is told, named or not."""
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in trigger.children)


def _undergoes(trigger, syntax: Syntax) -> bool:
    """'mines detonated', 'the Front mine explosions': with no object, the subject or
    modifier of such a trigger (data/syntax.yaml roles.undergoer) is what it happened to."""
    return trigger.lemma_ in syntax.roles.get("undergoer_lemmas", ()) and not any(
        c.dep_ in ("dobj", "nsubjpass") for c in trigger.children)


def _is_person(name: str, lex) -> bool:
    actor = lex.actors.get(name)
    return actor is not None and actor.type == "person"
