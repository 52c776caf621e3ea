"""Who was asked: the target of a request told by what was done in answer to it, and the
one a pronoun object of a directed act stands for.

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
PRONOUN_RULE = "pronoun-object"  # 'ordered it to close': 'it' is the one it was done to
# from the act done in answer up to the clause that names who did it ('made the decision to
# shut ...': shut -> decision -> made)
CLIMB_DEPS = frozenset({"relcl", "acl", "xcomp", "dobj", "conj", "advcl"})
CLIMB = 4
COMPATIBLE_ENTS = frozenset({"ORG", "GPE"})  # what "it" and "they" may stand for


def answered_target(trigger, form: str, event_type: str, spec: dict, hits, accept
                    ) -> tuple[list, str]:
    """([actor], rule) of the one a directed act was done to when its paths reached none: a
    pronoun object of the verb ('ordered it to close'), or the doer of what was done in
    answer to a request noun; ([], rule + OUTSIDE) when that one is no actor, ([], '')
    when unread."""
    if form == "verb":
        objects = [c for c in trigger.children if c.dep_ in ("dobj", "dative")
                   and c.lower_ in spec.get("pronouns", ())]
        return _antecedent(objects[0], hits, accept, PRONOUN_RULE) if objects else ([], "")
    if event_type not in spec.get("event_types", ()):
        return [], ""
    prep = trigger.head
    if trigger.dep_ != "pobj" or prep.lower_ not in spec.get("prepositions", ()):
        return [], ""
    subject = _doer(prep.head)
    if subject is None:
        return [], ""
    if subject.lower_ in spec.get("pronouns", ()):
        return _antecedent(subject, hits, accept, ANSWERED_RULE)
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


def _antecedent(pronoun, hits, accept, rule: str) -> tuple[list, str]:
    """The nearest preceding organisation or state of the sentence the pronoun stands for (a
    subject first, as 'The Courier, operating in X, announced that it ...'): an actor the parser
    names as such or any actor named who is no person; its actor, or outside when it names
    none. One naming only the asker (no accepted actor) is skipped."""
    doc = pronoun.doc
    spans = [e for e in doc.ents if e.end <= pronoun.i and e.label_ in COMPATIBLE_ENTS]
    spans += [span for h in hits if h.end <= pronoun.idx and "person" not in h.types
              for span in [doc.char_span(h.start, h.end, alignment_mode="expand")] if span]
    spans.sort(key=lambda span: span.end)
    subjects = [e for e in spans if e.root.dep_ in ("nsubj", "nsubjpass")]
    for span in reversed(subjects or spans):
        actors = [a for h in hits_in(list(span), hits) for a in h.actors]
        chosen = [a for a in actors if accept(a)]
        if chosen:
            return chosen[:1], rule + "+coref"
        if not actors:
            return [], rule + OUTSIDE
    return [], ""
