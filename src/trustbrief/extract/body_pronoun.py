"""'They' and 'it' speaking: pronouns that stand for a group or a body, not a person.

- 'Senior officials said ... They described it as ...', "X's Office said ... They
  also stressed": 'they' is the group of sources or the body that spoke last, while no one
  else spoke since (rule 'plural-pronoun+coref').
- 'The ministry summoned the envoy, during which it said ...': 'it' is the subject of a
  clause that governs the verb of saying, printed before the pronoun, when that subject is a
  body or an outlet (rule 'it+subject'); else the body that spoke last ('"...," said the
  statement. It added that ...', 'The airline announced ... Later, it said ...'; rule
  'it+coref'). A thing ('the report', 'the deal') is never an 'it' that speaks here: with
  no body before it the sentence names no speaker.
- "the country's Culture Ministry": 'the country' is the state that is a subject before it in
  the sentence ('A-land has cancelled ..., the country's Culture Ministry announced'),
  else the side of the body that spoke last with one; 'the Foreign Ministry' printed with no
  owner is the side of the body of that name that spoke before.
"""

from __future__ import annotations

from trustbrief.extract.role_paths import covering_hit
from trustbrief.extract.speaker_memory import BODIES, LAST_GROUP, last

BODY_TYPES = frozenset({"organization", "outlet"})


def pronoun_body(head, typed_of, names: dict) -> dict | None:
    """Claim fields of 'they' or 'it' heading a speaker's phrase (`typed_of`: a token ->
    its typed speaker, as tree_speaker types one)."""
    if head.lower_ == "they":
        return last(names, LAST_GROUP, "plural-pronoun+coref")
    t = head.head
    while t.head.i != t.i:
        t = t.head
        for c in t.children:
            if c.dep_ == "nsubj" and c.i < head.i:
                found = typed_of(c)
                if found is not None and found["speaker_type"] in BODY_TYPES:
                    return {**found, "how": "it+subject"}
    found = last(names, LAST_GROUP, "it+coref")
    return found if found is not None and found["speaker_type"] in BODY_TYPES else None


# a possessor that stands for a state without naming it ('the country's Culture Ministry')
STATE_NOUNS = frozenset({"country", "nation", "state"})


def vague_owner_side(head, hits, names: dict) -> str:
    """The side of a body printed without its state: "the country's Culture Ministry" is the
    state that is a subject before it in the sentence ('A-land has cancelled ..., the
    country's Culture Ministry announced'), else the side of the body that spoke last with
    one; 'the Foreign Ministry' (no owner) is the side of the body of that name that spoke
    before. '' when nothing fits."""
    poss = next((c for c in head.children if c.dep_ == "poss"), None)
    bodies = [b for b in reversed(names.get(BODIES, []))
              if b["speaker_side"] and b["speaker_side"] != "media"]
    if poss is None:
        words = " ".join(t.lower_ for t in head.subtree if t.i <= head.i and t.dep_ != "det")
        return next((b["speaker_side"] for b in bodies
                     if b["speaker"].lower().endswith(words)), "")
    if poss.lemma_.lower() not in STATE_NOUNS or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in poss.children):
        return ""
    for token in head.doc[:poss.i]:
        hit = covering_hit(hits, token)
        if token.dep_ == "nsubj" and hit is not None and "state" in hit.types \
                and hit.side and hit.side != "media":
            return hit.side
    return bodies[0]["speaker_side"] if bodies else ""
