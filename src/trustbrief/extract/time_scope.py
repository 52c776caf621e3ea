"""The clause a time expression belongs to, read from the dependency parse: in 'A blamed X,
and B skipped the parade in May', 'in May' sits in the second of two coordinated clauses,
each with its own subject; it dates what that clause tells, never the first clause's act
(the nearest-trigger rule of windows.py decides within the clause)."""

from __future__ import annotations

from trustbrief.extract.syntax import token_at

SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")


def _conjunct_clause(token):
    """The nearest clause above the token that is coordinated to another and has a subject of
    its own ('and the president skipped ...'), or None."""
    for node in (token, *token.ancestors):
        if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and \
                any(c.dep_ in SUBJECTS for c in node.children):
            return node
    return None


def scoped_times(parsed, times: list[dict]) -> list[dict]:
    """The time expressions, each inside a coordinated clause with its own subject given the
    character span of that clause as 'within' (triggers outside it are not its to date)."""
    if parsed is None:
        return times
    out = []
    for t in times:
        token = token_at(parsed, t["start"], t["end"])
        clause = _conjunct_clause(token) if token is not None else None
        if clause is None:
            out.append(t)
            continue
        first, last = clause.left_edge, clause.right_edge
        out.append({**t, "within": (first.idx, last.idx + len(last.text))})
    return out


def in_scope(time: dict, start: int) -> bool:
    """The trigger starting at `start` may take the time expression."""
    within = time.get("within")
    return within is None or within[0] <= start < within[1]
