"""A vow is a statement of its own: a speaker's quoted words announcing an act of their own
side against another ('"Our attack on X will be deadly, precise and above all surprising"',
'"We will strike X"'). The act is planned and names no doer but the speaker's first person,
so it is no act of a side the article tells; what happened is that the speaker threatened
(CAMEO 13). statements.py makes the statement (rule suffix /threat) aimed at the act's target.
"""

from __future__ import annotations

from trustbrief.extract.role_paths import token_at

# the speaker's own side in their quoted words
FIRST_PERSON = frozenset({"we", "our", "us", "i", "my"})
DOER_DEPS = ("poss", "nsubj", "nsubjpass")


def vowed_act(found: list[dict], quote: str, text: str, parsed) -> dict | None:
    """The planned act, with a target and no doer named, inside the speaker's quote `quote`
    of sentence `text`, whose doer is the speaker's first person ('our attack', 'we will
    strike'); None."""
    if parsed is None or not quote or quote not in text:
        return None
    lo = text.find(quote)
    for f in found:
        if f["polarity"] != "planned" or f["agent"] or not f["targets"] or \
                not lo <= f["trigger_start"] < lo + len(quote):
            continue
        token = token_at(parsed, f["trigger_start"], f["trigger_start"] + len(f["trigger"]))
        if token is not None and any(d.lower_ in FIRST_PERSON for d in _doers(token)):
            return f
    return None


def _doers(token) -> list:
    """The words that may name who does the act: its possessor or subject, or the subject of
    the verb it completes ('we are going to strike')."""
    found = [c for c in token.children if c.dep_ in DOER_DEPS]
    if not found and token.dep_ in ("xcomp", "pobj", "dobj", "attr"):
        found = [c for c in token.head.children if c.dep_ in DOER_DEPS]
    return found
