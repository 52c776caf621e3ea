"""'It' opening a sentence as the doer of an act: 'A-land on Monday expelled six diplomats. ...
It also withdrew its envoy.' News writing so continues the state or body that did the last act
told; the act's own words name no one else. Only a mention whose words and tree gave no doer
takes one, only from an earlier mention of the document whose doer is a state or an
organization, and never a doer the act is done to."""

from __future__ import annotations

from trustbrief.extract.role_paths import token_at

BODY_TYPES = frozenset({"state", "organization"})
OPENING = 2  # 'It', 'Later, it': the pronoun stands among the sentence's first tokens


def it_doers(found: list[dict], parsed, told: list[dict], lex) -> list[dict]:
    """The sentence's mentions, each agentless one whose subject is an opening 'it' given the
    doer of the document's last mention (`told`, in order) that a state or body did."""
    if parsed is None or not told or not any(not f["agent"] for f in found):
        return found
    doer = next((m["agent"] for m in reversed(told) if m["agent"] in lex.actors
                 and lex.actors[m["agent"]].type in BODY_TYPES), "")
    if not doer:
        return found
    return [{**f, "agent": doer, "agent_rule": "it+previous-doer"}
            if not f["agent"] and doer not in f["targets"] and _opening_it(parsed, f) else f
            for f in found]


def _opening_it(parsed, mention: dict) -> bool:
    start = mention["trigger_start"]
    token = token_at(parsed, start, start + len(mention["trigger"]))
    for verb in (token, token.head if token is not None and token.dep_ == "conj" else None):
        if verb is None:
            continue
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject.lower_ == "it" and subject.i <= OPENING
    return False
