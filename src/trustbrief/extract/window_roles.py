"""Roles of an event trigger read from the words around it (the fallback when the parse tree
gives none): the agent before the trigger or after 'by'/'from' in a passive, partners of a
meeting, and targets in the phrase after the trigger. Character windows, not the tree: they
keep recall on sentences the small parser gets wrong, at some cost in precision (measured in
`make evaluate`)."""

from __future__ import annotations

import re

from trustbrief.extract.actors import Hit
from trustbrief.extract.lexicons import PASSIVE_AUX, EventType, Lexicons

PASSIVE_BEFORE = re.compile(rf"\b{PASSIVE_AUX}$", re.I)
BY_GAP = re.compile(r"\b(?P<prep>by|from)\s+(?:(?:the|an?|its|their)\s+)?$", re.I)
PARTICIPLE = re.compile(r"\b\w+(?:ed|en)\b", re.I)
# between an agent and a nominal trigger: a possessive or up to two modifiers, no preposition
# (never across 'that' or a possessive pronoun: 'told reporters in A-city that his detention
# was arbitrary' - the detention is not A-city's)
NOUN_AGENT_GAP = re.compile(
    r"(?:['’]s?)?(?:\s+|\s*-\s*)(?:(?!(?:of|to|for|with|from|on|in|at|about|by|the|a|an|that"
    r"|his|her|its|their|our|my|your)\b)[\w-]+\s+){0,2}", re.I)
PHRASE_GAP = re.compile(
    r"(?:['’]s)?[\s,]+(?:(?!(?:to|and|or|of|with|from|by|in|on|at|for)\b)[\w-]+\s+)?", re.I)
TARGET_REACH = 60  # characters after the trigger where its target may start


def _agent_ok(hit: Hit, etype: EventType) -> bool:
    return bool(hit.actors) and not etype.agent_types.isdisjoint(hit.types)


BY_WORD = re.compile(r"\b(?:by|from)\s", re.I)  # where a BY_GAP match can start at the earliest


def _by_agent(text, end, after, form, etype):
    """'killed by A-land', 'the killing of X by Y', 'assurances from X' -> (phrase, direct)."""
    first = BY_WORD.search(text, end, max(h.start for h in after)) if after else None
    if first is None:
        return [], False
    for i, h in enumerate(after):
        if h.start <= first.start():
            continue  # no 'by'/'from' between the trigger and this hit
        m = BY_GAP.search(text, end, h.start)
        if not m or (m.group("prep").lower() == "from" and form != "noun"):
            continue
        gap = text[end:m.start()]
        if len(gap) <= TARGET_REACH and not PARTICIPLE.search(gap) and _agent_ok(h, etype):
            return _chain(after[i:], text), not gap.strip()
    return [], False


def _chain(cands: list[Hit], text: str) -> list[Hit]:
    """The first candidate and the hits chained to it ('Front leader Jane Doe')."""
    chain = cands[:1]
    for h in cands[1:]:
        if not PHRASE_GAP.fullmatch(text, chain[-1].end, h.start):
            break
        chain.append(h)
    return chain


def _head(phrase: list[Hit]) -> list[Hit]:
    """A person in the phrase wins over the group it leads ('Front leader Jane Doe')."""
    people = [h for h in phrase if "person" in h.types]
    return people[:1] if people else phrase[:1]


def _owned_meeting(text, start, end, form, etype, others: list[Hit]) -> list[str]:
    """Participants of 'their meeting' (the people 'their' stands for) or of "X's visit
    to Paris" (the owner and the partner after 'with'/'to'), not everyone named in the
    clause ('... his desire to speak with Z first': Z did not take part)."""
    owner = next((h for h in reversed(others) if h.end <= start), None)
    if owner is None or owner.kind == "adjective" or not (
            NOUN_AGENT_GAP.fullmatch(text, owner.end, start)):
        return []
    if owner.kind == "pronoun-phrase":
        return list(owner.actors) if len(owner.actors) > 1 else []
    # only a possessive owns the trigger, which is then a noun even if spelt like a verb
    if text[owner.end:owner.end + 1] not in ("'", "’") or not _agent_ok(owner, etype):
        return []
    partners = [h for h in others if _agent_ok(h, etype) and h.side != "media"
                and h.kind != "adjective" and end <= h.start <= end + TARGET_REACH
                and PARTNER_BEFORE.search(text, max(0, h.start - 12), h.start)]
    return list(dict.fromkeys([owner.actors[0]] + [a for h in partners[:1] for a in h.actors]))


PARTNER_BEFORE = re.compile(r"\b(?:with|between|and|to)\s+(?:the\s+)?$", re.I)


def _symmetric(text, others: list[Hit], end: int, etype: EventType) -> list[str]:
    """Participants: the people of the clause; with fewer than two, the party named with
    'with', 'between', 'and' or 'to' after the trigger ('a visit to Paris')."""
    people = list(dict.fromkeys(a for h in others if "person" in h.types for a in h.actors))
    if len(people) >= 2:
        return people
    partners = [h for h in others if "person" not in h.types and _agent_ok(h, etype)
                and h.side != "media" and h.kind != "adjective"
                and end <= h.start <= end + TARGET_REACH
                and PARTNER_BEFORE.search(text, max(0, h.start - 12), h.start)]
    names = people + [a for h in partners[:2 - len(people)] for a in h.actors]
    return list(dict.fromkeys(names))


PLACE_TYPES = frozenset({"place", "state"})


def window_roles_of(text, start, end, form, etype: EventType, hits, lex):
    """(agent names, target names, location hits) for one trigger."""
    locations = [h for h in hits if end <= h.start <= end + TARGET_REACH
                 and h.kind != "pronoun-phrase" and not PLACE_TYPES.isdisjoint(h.types)
                 and lex.location_before.search(text, max(0, h.start - 12), h.start)]
    others = [h for h in hits if h.actors and h not in locations]
    if etype.symmetric:
        names = _owned_meeting(text, start, end, form, etype, others) or _symmetric(
            text, others, end, etype)
        return names[:1], names[1:], locations
    before = [h for h in others if h.end <= start]
    after = [h for h in others if h.start >= end
             and (not etype.has_targets or h.side != "media")]
    by_phrase, direct_by = _by_agent(text, end, after, form, etype)
    by_agent = _head(by_phrase)[0] if by_phrase else None
    if by_phrase:
        after = [h for h in after if h not in by_phrase]
    agent, targets = None, []
    if form == "verb" and (direct_by or PASSIVE_BEFORE.search(text, max(0, start - 30), start)):
        # 'X said the two men were seized': who speaks before the passive clause is no one
        # it was done to
        agent, targets = by_agent, [h for h in before[-1:]
                                    if not lex.attribution.speech.search(text, h.end, start)]
        pronoun = lex.passive_subject.search(text, max(0, start - 40), start) if (
            lex.passive_subject is not None) else None
        if pronoun:  # 'when he was informed': he, not the actor named just before
            targets = _pronoun_subject(text, before, pronoun, lex) or [NO_ONE]
    elif form == "verb":
        agent = next((h for h in reversed(before) if _agent_ok(h, etype)), None)
    else:
        adjacent = before[-1] if before else None
        if adjacent and NOUN_AGENT_GAP.fullmatch(text, adjacent.end, start):
            possessive = text[adjacent.end:adjacent.end + 1] in ("'", "’")
            if "person" in adjacent.types and not possessive:
                targets = [adjacent]  # 'the Doe killing'
            elif adjacent.kind == "alias" and not possessive and etype.operation:
                locations = locations + [adjacent]  # 'the Portview strike'
            elif _agent_ok(adjacent, etype):
                agent = adjacent
        agent = agent or by_agent or _planner(text, start, before, etype, lex)
    if not etype.has_targets:
        targets = []
    elif not targets:
        targets = _targets_after(text, end, form, etype, after, agent, lex)
    agent_names = list(agent.actors[:1]) if agent else []
    target_names = [a for h in targets for a in h.actors if a not in agent_names]
    if not target_names and etype.operation:
        target_names = [a for h in locations for a in h.actors]
    return agent_names, list(dict.fromkeys(target_names)), locations


NO_ONE = Hit(0, 0, "", "none")  # a target slot known to be empty: do not look further


def _planner(text, start, before: list[Hit], etype: EventType, lex: Lexicons) -> Hit | None:
    """'A-land is also considering strikes on Chad': the subject of a verb of planning whose
    object is the nominal trigger acts."""
    if lex.planner_gap is None or not before or not _agent_ok(before[-1], etype):
        return None
    return before[-1] if lex.planner_gap.fullmatch(text, before[-1].end, start) else None


def _pronoun_subject(text, before: list[Hit], pronoun: re.Match, lex: Lexicons) -> list[Hit]:
    """The clause's subject if the pronoun can stand for it ('A-land Defense Secretary John
    Roe was furious with Y when he was informed' -> Roe); none rather than a guess
    (never the actor named just before the pronoun)."""
    fits = lex.passive_pronouns[pronoun.group("pron").lower()]
    subject = _head(_chain([h for h in before if h.end <= pronoun.start()
                            and h.kind != "pronoun-phrase"], text))
    return subject if subject and set(subject[0].types) & fits else []


DIRECT_OBJECT_GAP = re.compile(r"\s+(?:the\s+)?")
CLAUSE_PUNCTUATION = re.compile(r"[,.;:]")


def _targets_after(text, end, form, etype, after, agent, lex) -> list[Hit]:
    """The object of a verb, the 'of/on/against X' of a noun, or the type's marked target."""
    if not after:
        return []
    cands = [h for h in after if agent is None or h.actors != agent.actors]
    marker = etype.target_marker
    marked = [i for i, h in enumerate(cands) if marker is not None
              and h.start - end <= 2 * TARGET_REACH
              and marker.search(text, max(end, h.start - 15), h.start)]
    if marked:
        return _head(_chain(cands[marked[0]:], text))
    cands = [h for h in cands if h.start - end <= TARGET_REACH]
    if form == "noun":
        first = next((i for i, h in enumerate(cands)
                      if lex.target_before.search(text, max(end, h.start - 40), h.start)
                      # a direct object: gerunds, and nouns that double as verbs ('strikes')
                      or DIRECT_OBJECT_GAP.fullmatch(text, end, h.start)), None)
        cands = cands[first:] if first is not None else []
    elif cands and CLAUSE_PUNCTUATION.search(text, end, cands[0].start):
        cands = []  # a verb's object follows it within the clause, before any comma
    return _head(_chain(cands, text))
