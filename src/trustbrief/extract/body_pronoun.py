"""'They' and 'it' speaking: pronouns that stand for a group or a body, not a person.

- 'Senior officials said ... They described it as ...', "Netanyahu's Office said ... They
  also stressed": 'they' is the group of sources or the body that spoke last, while no one
  else spoke since (rule 'plural-pronoun+coref').
- 'The ministry summoned the envoy, during which it said ...': 'it' is the subject of a
  clause that governs the verb of saying, printed before the pronoun, when that subject is a
  body or an outlet (rule 'it+subject'); else the body that spoke last ('"...," said the
  statement. It added that ...', 'The airline announced ... Later, it said ...'; rule
  'it+coref'). A thing ('the report', 'the deal') is never an 'it' that speaks here: with
  no body before it the sentence names no speaker.
"""

from __future__ import annotations

from trustbrief.extract.speaker_memory import LAST_GROUP, last

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
