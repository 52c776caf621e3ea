"""Walking the dependency parse from a trigger to its roles' phrases (the paths of
data/syntax.yaml, section roles, as syntax.load_syntax reads them).

A spaCy Doc here is one parsed sentence; positions are character offsets in its text, the
same the actor hits use.
"""

from __future__ import annotations

from dataclasses import dataclass

# a role's phrase stops at clauses and modifiers that are not part of the name
PHRASE_STOP = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "punct",
                         "cc", "appos", "prep"})
CLIMB = 3  # governing words climbed at most, from a trigger to its subject
HEAD_ROLE = "head"  # a role path's `dep` naming the governing word itself (data/syntax.yaml)
PRONOUNS = frozenset({"he", "she", "him", "her", "his"})


@dataclass(frozen=True)
class RolePath:
    """One way to reach a role from the trigger (see data/syntax.yaml, section roles)."""

    id: str
    deps: frozenset
    through: frozenset = frozenset()
    from_head: frozenset = frozenset()
    types: frozenset = frozenset()
    # first step down through a child with one of these labels ('a raid carried out by X':
    # the participle (acl) that modifies the trigger holds the 'by' agent)
    via: frozenset = frozenset()
    # lemmas of governing words `from_head` never climbs to: verbs that judge, report or
    # witness an act rather than do it ('B-land condemned the killing': B-land did not kill)
    not_from: frozenset = frozenset()
    # lemmas `from_head` must climb to, when given: verbs whose subject is not the act's doer
    # but its recipient ('the US received a briefing', 'got no advance warning')
    only_from: frozenset = frozenset()
    # only from a trigger with no subject of its own ('..., killing X'; not 'when he was told')
    bare: bool = False
    # never a seat of government named as a modifier ('the Portview strike': where it was)
    not_seats: bool = False
    # only from a trigger with one of these lemmas ('summoned to the X ministry': the body the
    # envoy is summoned to summons him)
    lemmas: frozenset = frozenset()
    # the verb of saying a participle's clause is reported by, when given: 'X said Y was to
    # blame, accusing Z of ...' - the speech act after the reported clause is X's, not Y's
    reported_by: frozenset = frozenset()
    # nouns of an act done to the 'of' phrase that follows them: reached along this path, the
    # act is the role, not whom it was done to ('condemns the killing of the police officer':
    # the officer is not the one condemned)
    acts_of: frozenset = frozenset()


def token_at(doc, start: int, end: int):
    """The syntactic head of the words at start:end (a multi-word trigger's main word)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.root


def phrase_tokens(token) -> list:
    """The noun phrase a role token heads, without relative clauses and the like; coordinated
    names ('X and Y') stay in."""
    out, stack = [], [token]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ not in PHRASE_STOP or (c.dep_ == "prep" and c.lower_ == "of"
                                             and t is token and t.pos_ in ("NOUN", "PROPN")):
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def without_portfolio(tokens, body_nouns: frozenset) -> list:
    """The phrase without the place a body deals with: 'Director of the Office for B-land',
    'the Ministry for Europe' - the country after 'for' under a body noun is its portfolio,
    not whose body it is ('a spokesperson for the Pentagon', a post, keeps its 'for')."""
    kept = {t.i for t in tokens}
    for t in tokens:
        if (t.dep_ == "prep" and t.lower_ == "for" and t.head.i in kept
                and t.head.lemma_.lower() in body_nouns and t.head.pos_ in ("NOUN", "PROPN")):
            kept -= {d.i for d in t.subtree}
    return [t for t in tokens if t.i in kept]


def hits_in(tokens, hits) -> list:
    """The actor hits overlapping any of the tokens, in reading order."""
    spans = [(t.idx, t.idx + len(t)) for t in tokens]
    return [h for h in hits if h.actors and any(h.start < e and s < h.end for s, e in spans)]


def covering_hit(hits, token):
    """The actor hit whose words hold the token, None when no hit does."""
    return next((h for h in hits if h.start <= token.idx < h.end and h.actors), None)


def role_tokens(trigger, path: RolePath) -> list:
    """The tokens heading the role's phrases, reached from the trigger along `path`."""
    anchor = trigger
    if path.lemmas and trigger.lemma_ not in path.lemmas:
        return []
    if path.bare and any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in trigger.children):
        return []
    if path.reported_by:
        reported = trigger.head
        if trigger.dep_ != "advcl" or reported.dep_ != "ccomp" or \
                reported.head.lemma_ not in path.reported_by:
            return []
        return _children_on_path(reported.head, trigger, path)
    if path.from_head:
        # climb through complements ('was about to kill', 'attempting to arrange a call')
        # to the nearest governing word that has the dependent the path looks for
        for _ in range(CLIMB):
            if anchor.dep_ not in path.from_head or anchor.head is anchor:
                return []
            anchor = anchor.head
            if anchor.lemma_ in path.not_from or \
                    (path.only_from and anchor.lemma_ not in path.only_from):
                return []
            if HEAD_ROLE in path.deps or any(c.dep_ in path.deps for c in anchor.children):
                break
    if HEAD_ROLE in path.deps:
        # 'people rounded up by police': a past participle was done to the noun it modifies
        return [anchor] if anchor is not trigger and trigger.tag_ == "VBN" else []
    anchors = [c for c in anchor.children if c.dep_ in path.via] if path.via else [anchor]
    return [t for a in anchors for t in _children_on_path(a, trigger, path)]


def _children_on_path(anchor, trigger, path: RolePath) -> list:
    out = []
    for child in anchor.children:
        if _read_dep(child, anchor) not in path.deps or child is trigger or \
                _possessor_read_as_object(child):
            continue
        if path.through:
            if child.lower_ not in path.through and child.lemma_ not in path.through:
                continue
            out += [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
        else:
            out.append(child)
    return out


def _read_dep(child, anchor) -> str:
    """The child's label, a second subject after the verb read as its object: 'X, Vice-Minister
    for Foreign Affairs, summoned H.E. Mr. Y, Ambassador of B-land' parsed with two subjects
    (the titles before a name make the parser start a new clause): the one after the verb is
    the one summoned."""
    if child.dep_ == "nsubj" and child.i > anchor.i and any(
            c.dep_ == "nsubj" and c.i < anchor.i for c in anchor.children):
        return "dobj"
    return child.dep_


def _possessor_read_as_object(token) -> bool:
    """'outlined Chad’s demands' parsed as two objects, 'Chad' with its ’s: an
    object that carries a possessive ending owns the noun after it, it is no object."""
    return token.dep_ in ("dobj", "dative") and any(c.dep_ == "case" for c in token.children)
