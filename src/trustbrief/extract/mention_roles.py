"""Roles of one event trigger: the word windows' reading (window_roles.py) overruled by the
parse tree's (roles.py) wherever the tree reaches an actor, and the checks that keep a role
the tree rules out ('an incident that killed 38 people' has no agent named elsewhere)."""

from __future__ import annotations

from trustbrief.extract.actors import Hit
from trustbrief.extract.answered import OUTSIDE
from trustbrief.extract.lexicons import Lexicons
from trustbrief.extract.role_paths import PRONOUNS, hits_in, phrase_tokens, token_at
from trustbrief.extract.roles import tree_roles
from trustbrief.extract.window_roles import window_roles_of


def mention_roles(sent: dict, trigger: tuple[int, int, str], etype, rule, in_clause: list[Hit],
                   hits: list[Hit], lex: Lexicons, parsed, people: list[str] | None):
    """(agent, targets, locations, agent_rule, target_rule) of one trigger: the window's roles,
    overruled by the tree's; None when the trigger's rule needs parties the sentence lacks."""
    text, (start, end, form) = sent["text"], trigger
    if rule.between_sides:
        agent, targets, locations = [], [], []
    else:
        agent, targets, locations = window_roles_of(text, start, end, form, etype, in_clause, lex)
    agent_rule = target_rule = "window"
    if parsed is not None:
        agent, targets, agent_rule, target_rule = _tree_over_window(
            parsed, (start, end, form), etype, hits, lex, people, agent, targets)
    if target_rule.startswith("undergoer-subject") and _person_subject(
            parsed, start, end, targets, lex):
        return None  # 'X blew up when ...': a person who explodes loses their temper
    if rule.between_sides and not _between_sides(agent, targets, lex):
        return None  # 'X and Y spoke' of one side, or a party the tree could not name
    if rule.agent:
        agent, targets = [rule.agent], [t for t in targets if t != rule.agent]
        agent_rule = "codename"
    if rule.needs_party and not (agent or targets or (
            rule.object_after is not None and rule.object_after.match(text, end))):
        return None  # 'what the response will entail': no one responds to anything
    return agent, targets, locations, agent_rule, target_rule


def _person_subject(parsed, start: int, end: int, targets: list[str], lex: Lexicons) -> bool:
    """The trigger's subject is a person: a person actor, a name the parser tags as a
    person, 'he' or 'she', or a post ('the president', 'Chad's defence minister')."""
    if any(lex.actors[t].type == "person" for t in targets if t in lex.actors):
        return True
    token = token_at(parsed, start, end) if parsed is not None else None
    subjects = [c for c in token.children if c.dep_ == "nsubj"] if token is not None else []
    return any(s.ent_type_ == "PERSON" or s.lower_ in PRONOUNS or s.lemma_ in lex.syntax.posts
               for s in subjects)


def _between_sides(agent: list[str], targets: list[str], lex: Lexicons) -> bool:
    """Two named parties of two different sides (media aside) take part."""
    sides = {lex.actors[n].side for n in [*agent, *targets] if n in lex.actors}
    return len(sides - {"", "media"}) >= 2


def _tree_over_window(parsed, trigger: tuple, etype, hits, lex, people, agent, targets):
    """(agent, targets, agent rule, target rule): the tree's reading of each role wins; the
    window reading stays where the tree reaches no actor (a parse that attached the phrase
    elsewhere)."""
    start, end, form = trigger
    agent_rule = target_rule = "window"
    tree = tree_roles(parsed, start, end, etype, hits, lex.syntax, lex, people or [])
    if tree["agent"]:
        agent, agent_rule = tree["agent"], tree["agent_rule"]
        targets = [t for t in targets if t not in agent]
    if tree["target_rule"].endswith(OUTSIDE):
        # the one the act was done to is no actor ('X shut its office following a demand
        # from Y'): whoever the window names around it is not the target
        targets, target_rule = [], tree["target_rule"]
    if tree["targets"]:
        targets, target_rule = tree["targets"], tree["target_rule"]
        agent = [a for a in agent if a not in targets]
        if target_rule.startswith("possessive-undergoer") and agent_rule == "window":
            agent = []  # "B-land condemned her killing": who condemns did not kill
    if agent_rule == "window" and form == "verb" and _subject_names_nobody(
            parsed, start, end, hits):
        # 'an incident that killed 38 people', 'mines ... detonated': the verb's own subject
        # is no actor, so no actor named elsewhere in the clause is its agent
        agent = []
    if agent_rule == "window" and form == "verb" and _infinitive_of_noun(parsed, start, end):
        # 'whether he would support a plan to strike Chad': the plan's owner would strike
        # (the tree reads "A-land's plan to strike"), not an actor named around it
        agent = []
    if agent_rule == "window" and form == "verb" and _named_only_after_preposition(
            parsed, agent, hits):
        # 'expressed his desire to speak with X and opposed the visit': X, the object of
        # 'with', is no subject, whatever verb follows the phrase
        agent = []
    if agent_rule == "window" and form == "verb" and _passive_without_doer(parsed, start, end):
        # 'the US claimed it was not warned in advance', 'his trip would not be approved': a
        # passive naming no 'by' doer names none; the actor around it is the one it was done
        # to (the one not warned, the one whose trip), not the doer
        targets = [*targets, *(a for a in agent if a not in targets)]
        agent = []
    told_to = _addressees_of_topic(parsed, start, end, hits)
    if told_to:
        # 'assured X of steps towards negotiating with Y', 'assurances to X about
        # a ceasefire with Y': the one told about the act is no party of it
        agent = agent if agent_rule != "window" else [a for a in agent if a not in told_to]
        targets = targets if target_rule != "window" else [
            t for t in targets if t not in told_to]
    if form == "noun" and _passive_subject(parsed, start, end):
        # 'the barrage of strikes was shot down by A-land': the 'by' agent and the words
        # after it belong to the verb the noun undergoes, not to the strikes
        agent = agent if agent_rule != "window" else []
        targets = targets if target_rule != "window" else []
    return agent, targets, agent_rule, target_rule


RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})
TOPIC_PREPOSITIONS = frozenset({"about", "towards", "toward", "regarding", "concerning"})
ADDRESSEE_DEPS = frozenset({"dobj", "dative"})


def _addressees_of_topic(parsed, start: int, end: int, hits) -> set[str]:
    """The actors told about the trigger's act: when the trigger stands in a topic phrase
    ('about ...', 'towards ...'), the actors named as the addressee (object, or 'to X') of a
    word governing that phrase."""
    token = token_at(parsed, start, end)
    topic = None
    while token is not None and token.head.i != token.i:
        if token.dep_ == "prep" and token.lower_ in TOPIC_PREPOSITIONS:
            topic = token
        token = token.head
    if topic is None:
        return set()
    above, inside = {a.i for a in topic.ancestors}, {t.i for t in topic.subtree}
    told = set()
    for hit in hits:
        head = _name_head(token_at(parsed, hit.start, hit.end))
        if head is None or head.i in inside:
            continue
        if head.dep_ in ADDRESSEE_DEPS and head.head.i in above or (
                head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.i in above):
            told.update(hit.actors)
    return told


def _passive_without_doer(parsed, start: int, end: int) -> bool:
    """The verb trigger is passive (a passive subject) and names no 'by' agent."""
    token = token_at(parsed, start, end)
    deps = {c.dep_ for c in token.children} if token is not None else set()
    return "nsubjpass" in deps and "agent" not in deps


def _subject_names_nobody(parsed, start: int, end: int, hits) -> bool:
    """The verb trigger has a subject that is a noun phrase (not a pronoun; a relative
    pronoun stands for the noun it modifies) in which no actor is named."""
    token = token_at(parsed, start, end)
    subjects = [c for c in token.children if c.dep_ == "nsubj"] if token is not None else []
    if not subjects and token is not None and token.dep_ == "advcl" and token.tag_ == "VBG":
        # 'a note was sent to X, informing them of ...': a participle without a subject of
        # its own after a passive naming no doer tells what the passive's subject did
        subjects = [c for c in token.head.children if c.dep_ == "nsubjpass"
                    and not any(a.dep_ == "agent" for a in token.head.children)]
    if not subjects:
        return False
    subject = subjects[0]
    if subject.lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":
        subject = token.head
    elif subject.pos_ == "PRON":
        return False
    return not hits_in(phrase_tokens(subject), hits)


AGENT_PREPOSITIONS = frozenset({"by", "from"})  # a passive's doer, a source that acts


def _named_only_after_preposition(parsed, agent: list[str], hits: list[Hit]) -> bool:
    """Every mention of the window's agent in the sentence is the object of a preposition
    that does not introduce a doer ('with X', 'to X', 'according to X')."""
    heads = [_name_head(token_at(parsed, h.start, h.end))
             for h in hits if agent and agent[0] in h.actors]
    heads = [t for t in heads if t is not None]
    return bool(heads) and all(t.dep_ == "pobj" and t.head.lower_ not in AGENT_PREPOSITIONS
                               for t in heads)


def _name_head(token):
    """The head of the noun phrase a name is part of: in 'German Chancellor Olaf Scholz',
    'German' and 'Chancellor' hang on 'Scholz', whose place in the sentence is the phrase's."""
    while token is not None and token.dep_ in ("compound", "amod") and token.head is not token:
        token = token.head
    return token


def _infinitive_of_noun(parsed, start: int, end: int) -> bool:
    """The verb trigger is an infinitive that modifies a noun ('a plan to strike', 'the
    decision to cancel')."""
    token = token_at(parsed, start, end)
    return token is not None and token.dep_ == "acl" and token.head.pos_ == "NOUN" and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _passive_subject(parsed, start: int, end: int) -> bool:
    """The noun trigger (or the noun it quantifies: 'the barrage of strikes') is the subject
    of a passive verb with its own 'by' agent."""
    token = token_at(parsed, start, end)
    if token is not None and token.dep_ == "pobj" and token.head.lower_ == "of" and \
            token.head.head.pos_ == "NOUN":
        token = token.head.head
    return token is not None and token.dep_ == "nsubjpass" and any(
        c.dep_ == "agent" for c in token.head.children)
