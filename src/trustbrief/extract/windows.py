"""DOC windows"""

from __future__ import annotations

import re

from trustbrief.extract.actors import Hit
from trustbrief.extract.lexicons import MEASURE_KINDS, PASSIVE_AUX, EventType, Lexicons
from trustbrief.extract.roles import tree_roles
from trustbrief.extract.syntax import factuality_of, token_at


def _clauses(text: str, lex: Lexicons) -> list[tuple[int, int]]:
    cuts = {0, len(text)}
    intro = lex.intro_clause.match(text)
    if intro:
        cuts.add(intro.end())
    for m in lex.clause_break.finditer(text):
        cuts.add(m.start())
    bounds = sorted(cuts)
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def _clause_of(pos: int, clauses) -> tuple[int, int]:
    for a, b in clauses:
        if a <= pos < b:
            return a, b
    return clauses[-1] if clauses else (0, 0)


# -------------------------------------------------------------------------- events

PASSIVE_BEFORE = re.compile(rf"\b{PASSIVE_AUX}$", re.I)
BY_GAP = re.compile(r"\b(?P<prep>by|from)\s+(?:(?:the|an?|its|their)\s+)?$", re.I)
PARTICIPLE = re.compile(r"\b\w+(?:ed|en)\b", re.I)
# between an agent and a nominal trigger: a possessive or up to two modifiers, no preposition
NOUN_AGENT_GAP = re.compile(
    r"(?:['’]s?)?(?:\s+|\s*-\s*)(?:(?!(?:of|to|for|with|from|on|in|at|about|by|the|a|an)\b)"
    r"[\w-]+\s+){0,2}", re.I)
PHRASE_GAP = re.compile(
    r"(?:['’]s)?[\s,]+(?:(?!(?:to|and|or|of|with|from|by|in|on|at|for)\b)[\w-]+\s+)?", re.I)
TARGET_REACH = 60  # characters after the trigger where its target may start


def _polarity(text, start, end, clause, spans, lex) -> str:
    """The nearest polarity cue before (or after) the trigger in its clause; a cue separated
    from the trigger by another trigger belongs to that one ('planned retaliation after a
    missile attack': the attack is not planned)."""
    reach = max(lex.polarity_windows.values())
    best, best_dist = "asserted", None
    for m in lex.polarity_before.finditer(text, max(clause[0], start - reach), start):
        name = lex.polarity_rules[f"before_{m.lastgroup}"]
        if start - m.start() > lex.polarity_windows[name] or any(
                m.end() <= s and e <= start for s, e, _ in spans):
            continue
        dist = start - m.end()
        if best_dist is None or dist <= best_dist:
            best, best_dist = name, dist
    if lex.polarity_after is not None:
        m = lex.polarity_after.search(text, end, min(clause[1], end + 40))
        if m and (best_dist is None or m.start() - end < best_dist) and not any(
                end <= s and e <= m.start() for s, e, _ in spans):
            best = lex.polarity_rules[f"after_{m.lastgroup}"]
    return best


def _factuality(parsed, facts: dict, start, end, text, clause, spans, lex) -> dict:
    """The trigger's factuality from the parse (data/syntax.yaml); without a parse (no
    pipeline) the lexical polarity cues of data/event_types.yaml."""
    if parsed is None:
        value = _polarity(text, start, end, clause, spans, lex)
        return {"polarity": value, "factuality_rule": "lexical"}
    trigger = token_at(parsed, start, end)
    value, rule = factuality_of(facts, trigger, start, end) if trigger is not None else (
        "asserted", "")
    return {"polarity": value, "factuality_rule": rule}


def _agent_ok(hit: Hit, etype: EventType) -> bool:
    return bool(hit.actors) and not etype.agent_types.isdisjoint(hit.types)


BY_WORD = re.compile(r"\b(?:by|from)\s", re.I)  # where a BY_GAP match can start at the earliest


def _by_agent(text, end, after, form, etype):
    """'killed by Israel', 'the killing of X by Y', 'assurances from X' -> (phrase, direct)."""
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
    """The first candidate and the hits chained to it ('Hamas leader Ismail Haniyeh')."""
    chain = cands[:1]
    for h in cands[1:]:
        if not PHRASE_GAP.fullmatch(text, chain[-1].end, h.start):
            break
        chain.append(h)
    return chain


def _head(phrase: list[Hit]) -> list[Hit]:
    """A person in the phrase wins over the group it leads ('Hamas leader Ismail Haniyeh')."""
    people = [h for h in phrase if "person" in h.types]
    return people[:1] if people else phrase[:1]


def _owned_meeting(text, start, end, form, etype, others: list[Hit]) -> list[str]:
    """Participants of 'their meeting' (the people 'their' stands for) or of "Gallant's visit
    to Washington" (the owner and the partner after 'with'/'to'), not everyone named in the
    clause ('... his desire to speak with Biden first': Biden did not take part)."""
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
    'with', 'between', 'and' or 'to' after the trigger ('a visit to Washington')."""
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


def _roles(text, start, end, form, etype: EventType, hits, lex):
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
        agent, targets = by_agent, before[-1:]
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
                targets = [adjacent]  # 'the Nasrallah killing'
            elif adjacent.kind == "alias" and not possessive and etype.operation:
                locations = locations + [adjacent]  # 'the Beirut strike'
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
    """'Israel is also considering strikes on Iran': the subject of a verb of planning whose
    object is the nominal trigger acts."""
    if lex.planner_gap is None or not before or not _agent_ok(before[-1], etype):
        return None
    return before[-1] if lex.planner_gap.fullmatch(text, before[-1].end, start) else None


def _pronoun_subject(text, before: list[Hit], pronoun: re.Match, lex: Lexicons) -> list[Hit]:
    """The clause's subject if the pronoun can stand for it ('US Defense Secretary Lloyd
    Austin was furious with Gallant when he was informed' -> Austin); none rather than a guess
    (never the actor named just before the pronoun)."""
    fits = lex.passive_pronouns[pronoun.group("pron").lower()]
    subject = _head(_chain([h for h in before if h.end <= pronoun.start()
                            and h.kind != "pronoun-phrase"], text))
    return subject if subject and set(subject[0].types) & fits else []


DIRECT_OBJECT_GAP = re.compile(r"\s+(?:the\s+)?")
CLAUSE_PUNCTUATION = re.compile(r"[,.;:]")
LIST_PUNCTUATION = re.compile(r"[,;:]")


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



def _nearest_lanes(text, times, spans, clauses) -> dict[str, str]:
    """time_id -> lane of the trigger nearest to it in its clause.

    A time expression belongs to the nearest event and to events of the same lane ('killed
    in an Israeli strike on Friday' dates the killing too), never to events of another lane
    ('met on Monday to discuss the missile attack': Monday is not the attack's day).
    """
    lanes = {}
    for t in times:
        clause = _clause_of(t["start"], clauses)
        near = []
        for s, e, lane in spans:
            if not clause[0] <= s < clause[1]:
                continue
            if e <= t["start"]:
                near.append((t["start"] - e, lane))
            else:  # adverbials mostly follow their verb: a later trigger counts less
                comma = bool(LIST_PUNCTUATION.search(text, t["end"], s))
                near.append((2 * max(0, s - t["end"]) + 1000 * comma, lane))
        if near:
            lanes[t["time_id"]] = min(near)[1]
    return lanes


def _governing(times, clause, span, lanes, measures: bool):
    """The clause's time expression (or measure) nearest the trigger, among those whose
    nearest trigger is of the same lane."""
    start, end, lane = span
    best, best_dist = None, None
    for t in times:
        if (t["kind"] in MEASURE_KINDS) != measures or not clause[0] <= t["start"] < clause[1]:
            continue
        if lanes.get(t["time_id"]) != lane:
            continue
        dist = start - t["end"] if t["end"] <= start else max(0, t["start"] - end)
        if best_dist is None or dist < best_dist:
            best, best_dist = t, dist
    return best


def _trigger_matches(text: str, hits: list[Hit], lex: Lexicons) -> list[re.Match]:
    """Trigger matches that are not part of an actor's name (a word of the name, not an
    event)."""
    matches = []
    for m in lex.trigger_pattern.finditer(text):
        start, end = m.span()
        for h in hits:
            if h.start <= start and end <= h.end:
                break
        else:
            matches.append(m)
    return matches


def _sentence_mentions(sent: dict, hits: list[Hit], times: list[dict], lex: Lexicons,
                       clauses: list[tuple[int, int]] | None = None, parsed=None,
                       people: list[str] | None = None):
    """Event mentions of one sentence: lexical triggers, roles and factuality from `parsed`
    (the sentence's spaCy Doc)."""
    text = sent["text"]
    matches = _trigger_matches(text, hits, lex)
    if not matches:
        return []
    clauses = _clauses(text, lex) if clauses is None else clauses
    rules, event_types = lex.trigger_rules, lex.event_types
    spans = [(*m.span(), event_types[rules[m.lastgroup][0]].lane) for m in matches]
    lanes = _nearest_lanes(text, times, spans, clauses) if times else {}
    facts = lex.reader.factualities(parsed) if parsed is not None else {}
    sent_types = None  # actor types in the sentence, for event types that require one
    by_clause: dict[tuple, list[Hit]] = {}  # clause -> its hits
    found = []
    for m in matches:
        type_id, form, rule = rules[m.lastgroup]
        etype = event_types[type_id]
        if etype.requires_types:
            if sent_types is None:
                sent_types = {t for h in hits for t in h.types}
            if not etype.requires_types & sent_types:
                continue
        start, end = m.span()
        clause = _clause_of(start, clauses)
        in_clause = by_clause.get(clause)
        if in_clause is None:
            in_clause = by_clause[clause] = [h for h in hits if clause[0] <= h.start < clause[1]]
        agent, targets, locations = _roles(text, start, end, form, etype, in_clause, lex)
        agent_rule = target_rule = "window"
        if parsed is not None:
            tree = tree_roles(parsed, start, end, etype, hits, lex.syntax, lex, people or [])
            # the tree's reading of each role wins; the window reading stays where the tree
            # reaches no actor (a parse that attached the phrase elsewhere)
            if tree["agent"]:
                agent, agent_rule = tree["agent"], tree["agent_rule"]
                targets = [t for t in targets if t not in agent]
            if tree["targets"]:
                targets, target_rule = tree["targets"], tree["target_rule"]
                agent = [a for a in agent if a not in targets]
        if rule.agent:
            agent, targets = [rule.agent], [t for t in targets if t != rule.agent]
            agent_rule = "codename"
        if rule.needs_party and not (agent or targets or (
                rule.object_after is not None and rule.object_after.match(text, end))):
            continue  # 'what the response will entail': no one responds to anything
        span = (start, end, etype.lane)
        found.append({
            "event_type": type_id, "clause": clause, "agent": agent[0] if agent else "",
            "targets": targets, "locations": [a for h in locations for a in h.actors],
            "time": _governing(times, clause, span, lanes, False) if times else None,
            "measure": _governing(times, clause, span, lanes, True) if times else None,
            "trigger": m.group(), "trigger_start": start, "form": form,
            "rule": f"{type_id}/{form}/{m.lastgroup}", "agent_rule": agent_rule,
            "target_rule": target_rule,
            **_factuality(parsed, facts, start, end, text, clause, spans, lex)})
    return _merge_same_type(_unabsorbed(found, event_types))


def _unabsorbed(found: list[dict], event_types: dict) -> list[dict]:
    """Drop mentions absorbed by another type's mention in the same clause."""
    absorbed = {(f["event_type"], f["clause"]) for f in found
                if event_types[f["event_type"]].absorbs}
    if not absorbed:
        return found
    return [f for f in found if not any(
        f["event_type"] in event_types[t].absorbs and c == f["clause"] for t, c in absorbed)]


def _merge_same_type(found: list[dict]) -> list[dict]:
    """One mention per event type and sentence unless they name different targets."""
    if len(found) < 2:
        return found
    merged: list[dict] = []
    for f in found:
        twin = next((g for g in merged if g["event_type"] == f["event_type"]
                     and (not g["targets"] or not f["targets"]
                          or set(g["targets"]) & set(f["targets"]))), None)
        if twin is None:
            merged.append(dict(f))
            continue
        twin["agent"] = twin["agent"] or f["agent"]
        twin["targets"] = list(dict.fromkeys(twin["targets"] + f["targets"]))
        twin["locations"] = list(dict.fromkeys(twin["locations"] + f["locations"]))
        twin["time"] = twin["time"] or f["time"]
        twin["measure"] = twin["measure"] or f["measure"]
        # the verb is the predicate ('scheduled to meet ... during a visit': planned); between
        # equals, an asserted mention beats a hypothetical one ('possible operations similar to
        # the recent killing') but not a planned one ('scheduled to meet ... visit')
        if (f["form"], twin["form"]) == ("verb", "noun") or (
                f["form"] == twin["form"] and twin["polarity"] == "hypothetical"):
            twin["polarity"], twin["form"] = f["polarity"], f["form"]
            twin["factuality_rule"] = f["factuality_rule"]
    return merged


def _mention_rows(sent, found, lex) -> list[dict]:
    rows = []
    for n, f in enumerate(found, start=1):
        etype = lex.event_types[f["event_type"]]
        agent, targets = f["agent"], [t for t in f["targets"] if t != f["agent"]]
        actors = list(dict.fromkeys(([agent] if agent else []) + targets + f["locations"]))
        time, measure = f["time"], f["measure"]
        rows.append({
            "mention_id": f"{sent['sent_id']}-m{n}", "event_id": "", "doc_id": sent["doc_id"],
            "sent_id": sent["sent_id"], "event_type": etype.id, "actors": actors,
            "date": "", "date_earliest": "", "date_latest": "",
            "date_basis": "unresolved" if time else "open",
            "time_text": time["text"] if time else "", "trigger": f["trigger"],
            "text": sent["text"], "plover": etype.plover, "lane": etype.lane,
            "operation": etype.operation, "agent": agent,
            "agent_side": lex.actors[agent].side if agent else "", "targets": targets,
            "target_sides": [lex.actors[t].side for t in targets],
            "locations": f["locations"], "time_id": time["time_id"] if time else "",
            "measure_id": measure["time_id"] if measure else "",
            "measure_text": measure["text"] if measure else "", "polarity": f["polarity"],
            "factuality": f["polarity"], "factuality_rule": f["factuality_rule"],
            "rule": f["rule"], "agent_rule": f["agent_rule"] if agent else "",
            "target_rule": f["target_rule"] if targets else "",
            "trigger_start": f["trigger_start"]})
    return rows


# -------------------------------------------------------------------------- claims
