"""Event mentions of a sentence: its clauses, the triggers in them, each trigger's
factuality (from the parse tree, else the lexical cues), its roles (mention_roles.py: tree
first, then the word windows of window_roles.py) and the time expression that governs it."""

from __future__ import annotations

import re

from trustbrief.extract.actors import Hit
from trustbrief.extract.answered import OUTSIDE
from trustbrief.extract.ascribed import apply_ascriptions
from trustbrief.extract.lexicons import MEASURE_KINDS, Lexicons
from trustbrief.extract.mention_roles import mention_roles
from trustbrief.extract.news_nouns import told_as_news
from trustbrief.extract.role_paths import token_at
from trustbrief.extract.statements import NEWS_PERFECT_RULE
from trustbrief.extract.syntax import factuality_of
from trustbrief.extract.time_scope import (
    adverbial_hosts,
    in_prior_phrase,
    in_scope,
    scoped_times,
)
from trustbrief.extract.vocabulary import DEPENDENCY_TRIGGER

PRIOR_RULE = "/prior"  # events/records.py reads it: no lede news of the publication day


def sentence_clauses(text: str, lex: Lexicons) -> list[tuple[int, int]]:
    cuts = {0, len(text)}
    intro = lex.intro_clause.match(text)
    if intro:
        cuts.add(intro.end())
    for m in lex.clause_break.finditer(text):
        cuts.add(m.start())
    bounds = sorted(cuts)
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def clause_of(pos: int, clauses) -> tuple[int, int]:
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
    if value == "alleged":  # told as done ('the alleged kidnapping'), its doer only charged
        return {"polarity": "asserted", "factuality": value, "factuality_rule": rule}
    return {"polarity": value, "factuality_rule": rule}


LIST_PUNCTUATION = re.compile(r"[,;:]")


def _nearest_lanes(text, times, spans, clauses, parsed=None) -> dict[str, str]:
    """time_id -> lane of the trigger the expression hangs on in the parse, else of the
    trigger nearest to it in its clause.

    A time expression belongs to the nearest event and to events of the same lane ('killed
    in an A-land strike on Friday' dates the killing too), never to events of another lane
    ('met on Monday to discuss the missile attack': Monday is not the attack's day). An
    adverbial of the verb between its object and its complement is the verb's, however near
    the complement's trigger ('accused X on Monday of boarding its boats': the accusation's
    day, not the boarding's).
    """
    lanes = {}
    for t in times:
        attached = _attached_lane(t, spans, parsed)
        if attached:
            lanes[t["time_id"]] = attached
            continue
        clause = clause_of(t["start"], clauses)
        near = []
        for s, e, lane in spans:
            if not clause[0] <= s < clause[1] or not in_scope(t, s):
                continue
            if e <= t["start"]:
                near.append((t["start"] - e, lane))
            else:  # adverbials mostly follow their verb: a later trigger counts less
                comma = bool(LIST_PUNCTUATION.search(text, t["end"], s))
                near.append((2 * max(0, s - t["end"]) + 1000 * comma, lane))
        if near:
            lanes[t["time_id"]] = min(near)[1]
    return lanes


# how a time adverbial hangs on its verb: 'accused X on Monday' (prep), 'said Monday'
# (npadvmod), 'said yesterday' (advmod)
def _attached_lane(time: dict, spans: list[tuple], parsed) -> str:
    """The lane of the trigger the time expression is an adverbial of, or ''."""
    hosts = adverbial_hosts(parsed, time) if parsed is not None else []
    for host in hosts:
        for start, end, lane in spans:
            trigger = token_at(parsed, start, end)
            if trigger is not None and trigger.i == host.i:
                return lane
    return ""


def _told_as_done(spans: list[tuple], parsed, facts: dict) -> list[tuple]:
    """The trigger spans a time expression may belong to: those told as done or planned when
    there are any ('said Wednesday that he would not support a strike and is urging A-land':
    Wednesday is the urging's day, not the day of a strike that is denied)."""
    if parsed is None:
        return spans
    def creating(start: int, end: int) -> bool:
        trigger = token_at(parsed, start, end)
        return trigger is None or factuality_of(facts, trigger, start, end)[0] in (
            "asserted", "planned")
    told = [span for span in spans if creating(span[0], span[1])]
    return told or spans


def _governing(times, clause, span, lanes, measures: bool, parsed=None):
    """The clause's time expression (or measure) nearest the trigger, among those whose
    nearest trigger is of the same lane; first the one that hangs on the trigger itself in
    the parse ('X, architect of the March 3, 2023 attack, was killed by troops in A-city on
    Wednesday': Wednesday is the killing's day, however near the other date stands)."""
    start, end, lane = span
    trigger = token_at(parsed, start, end) if parsed is not None else None
    best, best_dist = None, None
    for t in times:
        if (t["kind"] in MEASURE_KINDS) != measures or not clause[0] <= t["start"] < clause[1]:
            continue
        if lanes.get(t["time_id"]) != lane or not in_scope(t, start):
            continue
        dist = start - t["end"] if t["end"] <= start else max(0, t["start"] - end)
        if trigger is not None and trigger in adverbial_hosts(parsed, t)[:1]:
            dist = -1
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
    retypes = dict(lex.syntax.retypes)
    for token, rule_id, type_id in lex.reader.dependency_triggers(parsed):
        start, end = token.idx, token.idx + len(token)
        if in_name(start, end):
            continue
        if any(s < end and start < e for s, e in taken):
            # the vocabulary word stays the trigger; a pattern that `retypes` its type says
            # what the syntax makes of it ('cautioned X about an imminent action': a notice)
            found = [(s, e, words, (type_id, form, rule), f"dep:{rule_id}")
                     if s < end and start < e and kind in retypes.get(rule_id, ())
                     else (s, e, words, (kind, form, rule), name)
                     for s, e, words, (kind, form, rule), name in found]
            continue
        form = "verb" if token.pos_ in ("VERB", "AUX") else "noun"
        found.append((start, end, token.text, (type_id, form, DEPENDENCY_TRIGGER),
                      f"dep:{rule_id}"))
    return sorted(found, key=lambda f: f[0])


def sentence_mentions(sent: dict, hits: list[Hit], times: list[dict], lex: Lexicons,
                       clauses: list[tuple[int, int]] | None = None, parsed=None,
                       people: list[str] | None = None):
    """Event mentions of one sentence: lexical triggers, roles and factuality from `parsed`
    (the sentence's spaCy Doc)."""
    text = sent["text"]
    matches = _trigger_matches(text, hits, lex, parsed)
    if not matches:
        return []
    clauses = sentence_clauses(text, lex) if clauses is None else clauses
    event_types = lex.event_types
    spans = [(start, end, event_types[kind[0]].lane) for start, end, _, kind, _ in matches]
    facts = lex.reader.factualities(parsed) if parsed is not None else {}
    times = scoped_times(parsed, times)
    lanes = _nearest_lanes(text, times, _told_as_done(spans, parsed, facts), clauses, parsed) \
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
        clause = clause_of(start, clauses)
        in_clause = by_clause.get(clause)
        if in_clause is None:
            in_clause = by_clause[clause] = [h for h in hits if clause[0] <= h.start < clause[1]]
        form = _parsed_form(parsed, start, end, form)
        if _attributive(parsed, start, end):
            continue
        roles = mention_roles(sent, (start, end, form), etype, rule, in_clause, hits, lex,
                              parsed, people)
        if roles is None:
            continue
        agent, targets, locations, agent_rule, target_rule = roles
        span = (start, end, etype.lane)
        time = _governing(times, clause, span, lanes, False, parsed) if times else None
        found.append({
            "event_type": _armed_type(etype, agent, lex), "clause": clause,
            "agent": agent[0] if agent else "",
            "targets": targets, "locations": [a for h in locations for a in h.actors],
            "time": time,
            "measure": _governing(times, clause, span, lanes, True) if times else None,
            "trigger": words, "trigger_start": start, "form": form,
            "rule": f"{type_id}/{form}/{rule_name}" + _news_suffix(parsed, start, end, form,
                                                                  time, lex),
            "agent_rule": agent_rule,
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


def _news_suffix(parsed, start: int, end: int, form: str, time, lex: Lexicons) -> str:
    """'/perfect' for an undated act noun a present-perfect verb of making public tells (the
    day's news: news_nouns.py); '/prior' for an undated act a phrase naming an earlier act
    tells ('bolster its defences after B-land's missile attacks': no news of the day); else ''."""
    if parsed is None or time is not None:
        return ""
    if form == "noun" and told_as_news(token_at(parsed, start, end), lex.syntax):
        return NEWS_PERFECT_RULE
    return PRIOR_RULE if in_prior_phrase(parsed, start) else ""


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


def _attributive(parsed, start: int, end: int) -> bool:
    """A past participle before the noun it describes ('the expelled diplomat was the head of
    X', 'the detained journalists'): an act already told, named to say who someone is; never
    an event of its own."""
    token = token_at(parsed, start, end) if parsed is not None else None
    return token is not None and token.tag_ == "VBN" and token.dep_ == "amod" and \
        token.head.i > token.i and token.head.pos_ in ("NOUN", "PROPN")


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
    definite noun with no agent after a trigger of its type ('A-land's assassination of X
    ... to link the killing to B-land') is that event told again (anaphora),
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
            twin["factuality"] = f.get("factuality", "")
    return merged


def sentence_mention_rows(sent, found, lex) -> list[dict]:
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
            "factuality": f.get("factuality") or f["polarity"],
            "factuality_rule": f["factuality_rule"],
            "rule": f["rule"], "agent_rule": f["agent_rule"] if agent else "",
            "target_rule": f["target_rule"] if targets or f["target_rule"].endswith(OUTSIDE)
            else "",
            "trigger_start": f["trigger_start"]})
    return rows


# -------------------------------------------------------------------------- claims
