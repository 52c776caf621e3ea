"""Event mentions of a sentence: its clauses, the triggers in them, each trigger's
factuality (from the parse tree, else the lexical cues), its roles (tree first, then the
word windows of window_roles.py) and the time expression that governs it."""

from __future__ import annotations

import re

from trustbrief.extract.actors import Hit
from trustbrief.extract.ascribed import apply_ascriptions
from trustbrief.extract.lexicons import MEASURE_KINDS, Lexicons
from trustbrief.extract.roles import tree_roles
from trustbrief.extract.syntax import (
    dependency_triggers,
    factuality_of,
    hits_in,
    phrase_tokens,
    token_at,
)
from trustbrief.extract.vocabulary import DEPENDENCY_TRIGGER
from trustbrief.extract.window_roles import _roles


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


LIST_PUNCTUATION = re.compile(r"[,;:]")


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


def _told_as_done(spans: list[tuple], parsed, facts: dict) -> list[tuple]:
    """The trigger spans a time expression may belong to: those told as done or planned when
    there are any ('said Wednesday that he would not support a strike and is urging Israel':
    Wednesday is the urging's day, not the day of a strike that is denied)."""
    if parsed is None:
        return spans
    def creating(start: int, end: int) -> bool:
        trigger = token_at(parsed, start, end)
        return trigger is None or factuality_of(facts, trigger, start, end)[0] in (
            "asserted", "planned")
    told = [span for span in spans if creating(span[0], span[1])]
    return told or spans


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


def _trigger_matches(text: str, hits: list[Hit], lex: Lexicons, parsed=None) -> list[tuple]:
    """(start, end, words, (type id, form, TriggerRule), rule name) of the sentence's
    triggers that are not part of an actor's name (a word of the name, not an event): the
    event vocabulary's words, then the words the dependency trigger patterns of
    data/syntax.yaml find where no vocabulary word is ('X and Y spoke on Thursday')."""
    def in_name(start: int, end: int) -> bool:
        return any(h.start <= start and end <= h.end for h in hits)
    found = [(*m.span(), m.group(), lex.trigger_rules[m.lastgroup], m.lastgroup)
             for m in lex.trigger_pattern.finditer(text) if not in_name(*m.span())]
    if parsed is None or not lex.syntax.triggers:
        return found
    taken = [(s, e) for s, e, *_ in found]
    for token, rule_id, type_id in dependency_triggers(lex.syntax, parsed):
        start, end = token.idx, token.idx + len(token)
        if in_name(start, end) or any(s < end and start < e for s, e in taken):
            continue
        form = "verb" if token.pos_ in ("VERB", "AUX") else "noun"
        found.append((start, end, token.text, (type_id, form, DEPENDENCY_TRIGGER),
                      f"dep:{rule_id}"))
    return sorted(found, key=lambda f: f[0])


def _sentence_mentions(sent: dict, hits: list[Hit], times: list[dict], lex: Lexicons,
                       clauses: list[tuple[int, int]] | None = None, parsed=None,
                       people: list[str] | None = None):
    """Event mentions of one sentence: lexical triggers, roles and factuality from `parsed`
    (the sentence's spaCy Doc)."""
    text = sent["text"]
    matches = _trigger_matches(text, hits, lex, parsed)
    if not matches:
        return []
    clauses = _clauses(text, lex) if clauses is None else clauses
    event_types = lex.event_types
    spans = [(start, end, event_types[kind[0]].lane) for start, end, _, kind, _ in matches]
    facts = lex.reader.factualities(parsed) if parsed is not None else {}
    lanes = _nearest_lanes(text, times, _told_as_done(spans, parsed, facts), clauses) \
        if times else {}
    sent_types = None  # actor types in the sentence, for event types that require one
    by_clause: dict[tuple, list[Hit]] = {}  # clause -> its hits
    found = []
    for start, end, words, (type_id, form, rule), rule_name in matches:
        etype = event_types[type_id]
        if etype.requires_types:
            if sent_types is None:
                sent_types = {t for h in hits for t in h.types}
            if not etype.requires_types & sent_types:
                continue
        clause = _clause_of(start, clauses)
        in_clause = by_clause.get(clause)
        if in_clause is None:
            in_clause = by_clause[clause] = [h for h in hits if clause[0] <= h.start < clause[1]]
        form = _parsed_form(parsed, start, end, form)
        if rule.between_sides:
            agent, targets, locations = [], [], []
        else:
            agent, targets, locations = _roles(text, start, end, form, etype, in_clause, lex)
        agent_rule = target_rule = "window"
        if parsed is not None:
            agent, targets, agent_rule, target_rule = _tree_over_window(
                parsed, (start, end, form), etype, hits, lex, people, agent, targets)
        if rule.between_sides and not _between_sides(agent, targets, lex):
            continue  # 'X and Y spoke' of one side, or a party the tree could not name
        if rule.agent:
            agent, targets = [rule.agent], [t for t in targets if t != rule.agent]
            agent_rule = "codename"
        if rule.needs_party and not (agent or targets or (
                rule.object_after is not None and rule.object_after.match(text, end))):
            continue  # 'what the response will entail': no one responds to anything
        span = (start, end, etype.lane)
        found.append({
            "event_type": _armed_type(etype, agent, lex), "clause": clause,
            "agent": agent[0] if agent else "",
            "targets": targets, "locations": [a for h in locations for a in h.actors],
            "time": _governing(times, clause, span, lanes, False) if times else None,
            "measure": _governing(times, clause, span, lanes, True) if times else None,
            "trigger": words, "trigger_start": start, "form": form,
            "rule": f"{type_id}/{form}/{rule_name}", "agent_rule": agent_rule,
            "anaphoric": form == "noun" and not agent and bool(DEFINITE_BEFORE.search(
                text, max(0, start - 5), start)),
            "target_rule": target_rule,
            **_factuality(parsed, facts, start, end, text, clause, spans, lex)})
    found = apply_ascriptions(found, parsed, hits, lex)
    return _merge_same_type(_unabsorbed(found, event_types))


def _armed_type(etype, agent: list[str], lex: Lexicons) -> str:
    """The mention's type: the type's `by_armed_forces` type when its agent is armed forces
    (gazetteer level military: 'raids launched by the army' are a ground operation)."""
    actor = lex.actors.get(agent[0]) if agent and etype.by_armed_forces else None
    return etype.by_armed_forces if actor is not None and actor.level == "military" \
        else etype.id


def _parsed_form(parsed, start: int, end: int, form: str) -> str:
    """'verb' or 'noun' as the tagger reads the trigger's head word ('during police raids' is
    a noun though the vocabulary lists 'raids' among verbs); the vocabulary's form without
    a parse."""
    if parsed is None:
        return form
    token = token_at(parsed, start, end)
    if token is None:
        return form
    if token.pos_ in ("NOUN", "PROPN"):
        return "noun"
    return "verb" if token.pos_ in ("VERB", "AUX") else form


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
    if tree["targets"]:
        targets, target_rule = tree["targets"], tree["target_rule"]
        agent = [a for a in agent if a not in targets]
        if target_rule.startswith("possessive-undergoer") and agent_rule == "window":
            agent = []  # "Canada condemned her killing": who condemns did not kill
    if agent_rule == "window" and form == "verb" and _subject_names_nobody(
            parsed, start, end, hits):
        # 'an incident that killed 38 people', 'pagers ... detonated': the verb's own subject
        # is no actor, so no actor named elsewhere in the clause is its agent
        agent = []
    if agent_rule == "window" and form == "verb" and _infinitive_of_noun(parsed, start, end):
        # 'whether he would support a plan to strike Iran': the plan's owner would strike
        # (the tree reads "Israel's plan to strike"), not an actor named around it
        agent = []
    if form == "noun" and _passive_subject(parsed, start, end):
        # 'the barrage of strikes was shot down by Israel': the 'by' agent and the words
        # after it belong to the verb the noun undergoes, not to the strikes
        agent = agent if agent_rule != "window" else []
        targets = targets if target_rule != "window" else []
    return agent, targets, agent_rule, target_rule


RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})


def _subject_names_nobody(parsed, start: int, end: int, hits) -> bool:
    """The verb trigger has a subject that is a noun phrase (not a pronoun; a relative
    pronoun stands for the noun it modifies) in which no actor is named."""
    token = token_at(parsed, start, end)
    subjects = [c for c in token.children if c.dep_ == "nsubj"] if token is not None else []
    if not subjects:
        return False
    subject = subjects[0]
    if subject.lower_ in RELATIVE_PRONOUNS and token.dep_ == "relcl":
        subject = token.head
    elif subject.pos_ == "PRON":
        return False
    return not hits_in(phrase_tokens(subject), hits)


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


def _unabsorbed(found: list[dict], event_types: dict) -> list[dict]:
    """Drop mentions absorbed by another type's mention in the same clause."""
    absorbed = {(f["event_type"], f["clause"]) for f in found
                if event_types[f["event_type"]].absorbs}
    if not absorbed:
        return found
    return [f for f in found if not any(
        f["event_type"] in event_types[t].absorbs and c == f["clause"] for t, c in absorbed)]


DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that)\s+$", re.I)


def _merge_same_type(found: list[dict]) -> list[dict]:
    """One mention per event type and sentence unless they name different targets; a
    definite noun with no agent after a trigger of its type ('Israel's assassination of X
    ... to link the killing to the United States') is that event told again (anaphora),
    whatever its target."""
    if len(found) < 2:
        return found
    merged: list[dict] = []
    for f in found:
        if f["anaphoric"] and any(g["event_type"] == f["event_type"] for g in merged):
            continue
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
