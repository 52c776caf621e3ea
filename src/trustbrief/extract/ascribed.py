"""Acts told without their doer, then ascribed to one: 'an attack, blamed on X', 'an
operation widely attributed to X', 'X is believed to be behind the blasts', 'which X claimed
responsibility for'.

The ascription patterns (data/syntax.yaml roles.ascribed) are DependencyMatcher patterns whose
first node `cue` is the ascribing word and whose node `agent` heads the phrase naming the doer.
News writing puts the ascription in the sentence of the act, but a small parser often hangs it
on a neighbouring noun ('people ... after an attack, blamed on X'), so it is read for the whole
sentence: every operation of the sentence that the tree gave no doer takes the ascribed one.
An ascribing word with no named accuser ('an attack, blamed on X') is no accusation of its own.
An act that names no victim, ascribed by an accuser of another side ('lawmakers of A blamed B
for the cyberattack'), is an act on the accuser: one names the victim when it is someone else
('blamed B for the attack on C').
An act given its doer by a charge (every pattern but an admission: 'claimed responsibility')
is alleged: its factuality says so, while its polarity stays as told (asserted: it is dated
and clustered as an act that took place).
"""

from __future__ import annotations

from trustbrief.extract import depmatch
from trustbrief.extract.role_paths import hits_in, phrase_tokens

TREE_LESS = ("", "window")  # agent rules that no tree path gave


def ascriptions(compiled: tuple, parsed, hits) -> list[tuple[str, str, int, int | None, str]]:
    """(actor name, pattern id, index of the cue token, character offset of the node `act` or
    None, the factuality it gives the act) of each ascription in the sentence. A pattern with
    a node `act` ascribes only that act ('blamed X for the cyberattack'); one without, every
    operation of the sentence."""
    # (the accuser, when named, is the cue's subject: accuser() reads it)
    if not compiled or parsed is None:
        return []
    table, starts, found = depmatch.table_of(parsed), depmatch.first_nodes(compiled, 3), []
    for i in range(len(table.tokens)):
        for n in starts.fitting(table, i):
            rule_id, agent_at, act_at, pattern, factuality = compiled[n]
            for bound in depmatch.grow(pattern, table, i):
                agent = parsed[bound[agent_at]]
                act = parsed[bound[act_at]].idx if act_at is not None else None
                named = [h for h in hits_in(phrase_tokens(agent), hits)
                         if h.kind != "pronoun-phrase"]
                found += [(h.actors[0], rule_id, i, act, factuality) for h in named[:1]]
    return found


ACCUSER_DEPS = ("nsubj",)  # the one who blames or attributes: the cue verb's subject


def accuser(parsed, cue: int, hits) -> str:
    """The actor named as the cue verb's subject ('Chadian lawmakers blamed ...'), or ''."""
    for child in parsed[cue].children:
        if child.dep_ in ACCUSER_DEPS:
            named = [h for h in hits_in(phrase_tokens(child), hits)
                     if h.kind != "pronoun-phrase"]
            return named[0].actors[0] if named else ""
    return ""


def apply_ascriptions(found: list[dict], parsed, hits, lex) -> list[dict]:
    """The mentions with the sentence's ascribed doer as the agent of each operation whose
    agent no tree path gave; a doer misread by the word window becomes a target when it is
    of another side; a cue word's own mention without a tree agent is dropped."""
    def charged(etype) -> bool:  # an operation, or an act of data/event_types.yaml ascribable
        return etype.operation or etype.ascribable
    if parsed is None or not any(charged(lex.event_types[f["event_type"]]) for f in found):
        return found
    ascribed = ascriptions(lex.syntax.ascribed, parsed, hits)
    if not ascribed:
        return found
    cue_starts = {parsed[i].idx for _, _, i, _, _ in ascribed}
    out = []
    for f in found:
        if f["trigger_start"] in cue_starts and f["agent_rule"] in TREE_LESS:
            continue  # 'blamed on X' with nobody blaming: the ascription itself
        etype = lex.event_types[f["event_type"]]
        if charged(etype) and (not f["agent"] or f["agent_rule"] in TREE_LESS):
            start, end = f["trigger_start"], f["trigger_start"] + len(f.get("trigger") or "x")
            f = _with_doer(f, [a for a in ascribed if a[3] is None or start <= a[3] < end],
                           etype, lex, lambda cue: accuser(parsed, cue, hits))
        out.append(f)
    return out


def _with_doer(f: dict, ascribed, etype, lex, accuser_of) -> dict:
    for name, rule_id, cue, _, factuality in ascribed:
        actor = lex.actors.get(name)
        if actor is None or actor.type not in etype.agent_types:
            continue
        misread = f["agent"] if f["agent"] and f["agent"] != name else ""
        targets = [t for t in f["targets"] if t != name]
        if misread and lex.actors[misread].side != actor.side and misread not in targets:
            targets.append(misread)  # 'mines linked to X militants detonated'
        victim = accuser_of(cue) if not targets else ""
        if victim in lex.actors and lex.actors[victim].side not in ("", actor.side):
            targets = [victim]  # 'A blamed B for the cyberattack': an act on A
        rule = f"ascribed:{rule_id}"
        target_rule = f["target_rule"] if targets == f["targets"] else rule
        # a doer only charged ('blamed B for the attack'): the act is told as done, its doer
        # as alleged (an act not told as done stays as it was told)
        alleged = factuality == "alleged" and f["polarity"] == "asserted"
        return {**f, "agent": name, "agent_rule": rule, "targets": targets,
                "target_rule": target_rule, **({"factuality": "alleged"} if alleged else {})}
    return f
