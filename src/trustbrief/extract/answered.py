"""Who was asked: the target of a request told by what was done in answer to it.

'The agency shut its office following a demand from the government': the one who acted
'following' (after, upon) the demand is the one it was made of (data/syntax.yaml
roles.answered). A pronoun there ('it', 'they') stands for the nearest preceding organisation
or actor of its sentence. When that one is no actor the event types know (a news outlet, a
company), the target is outside the actors: the rule says so (OUTSIDE suffix) and the
mention keeps no target, so it joins no event of two governments (events.cluster).
"""

from __future__ import annotations

from trustbrief.contract import vocab
from trustbrief.extract.role_paths import hits_in, phrase_tokens

OUTSIDE = vocab.OUTSIDE_TARGET  # the target is someone no actor list names
ANSWERED_RULE = "answered-request"
# from the act done in answer up to the clause that names who did it ('made the decision to
# shut ...': shut -> decision -> made)
CLIMB_DEPS = frozenset({"relcl", "acl", "xcomp", "dobj", "conj", "advcl"})
CLIMB = 4
COMPATIBLE_ENTS = frozenset({"ORG", "GPE"})  # what "it" and "they" may stand for


def answered_target(trigger, spec: dict, hits, accept) -> tuple[list, str]:
    """([actor], rule) of the one the request (the noun `trigger`) was made of, ([],
    'answered-request:outside') when that one is no actor, ([], '') when unread."""
    prep = trigger.head
    if trigger.dep_ != "pobj" or prep.lower_ not in spec.get("prepositions", ()):
        return [], ""
    subject = _doer(prep.head)
    if subject is None:
        return [], ""
    if subject.lower_ in spec.get("pronouns", ()):
        return _antecedent(subject, hits, accept)
    names = [a for h in hits_in(phrase_tokens(subject), hits) for a in h.actors if accept(a)]
    if names:
        return names[:1], ANSWERED_RULE
    return ([], ANSWERED_RULE + OUTSIDE) if subject.pos_ in ("PROPN", "NOUN") else ([], "")


def _doer(act):
    """The subject of the act done in answer, or of the clause it hangs on."""
    for _ in range(CLIMB):
        subjects = [c for c in act.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[0]
        if act.dep_ not in CLIMB_DEPS or act.head is act:
            return None
        act = act.head
    return None


def _antecedent(pronoun, hits, accept) -> tuple[list, str]:
    """The nearest preceding organisation or state of the sentence the pronoun stands for (a
    subject first, as 'The BBC, operating in X, announced that it ...'): its actor, or
    outside when it names none; one naming only the asker (no accepted actor) is skipped."""
    names = [e for e in pronoun.doc.ents if e.end <= pronoun.i and e.label_ in COMPATIBLE_ENTS]
    subjects = [e for e in names if e.root.dep_ in ("nsubj", "nsubjpass")]
    for ent in reversed(subjects or names):
        actors = [a for h in hits_in(list(ent), hits) for a in h.actors]
        chosen = [a for a in actors if accept(a)]
        if chosen:
            return chosen[:1], ANSWERED_RULE + "+coref"
        if not actors:
            return [], ANSWERED_RULE + OUTSIDE
    return [], ""
