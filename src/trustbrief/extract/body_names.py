"""The name a body speaks under in a claim: a state's institution by its own name, a
nameless service by the named body it belongs to, a counted set of bodies by its count
(used by extract/speakers.py)."""

from __future__ import annotations

import re

from trustbrief.extract.patterns import lookup_key
from trustbrief.extract.role_paths import phrase_tokens


def body_name(hit, lex) -> str:
    """The name a body speaks under: a state's institution by its own name ('the White House
    said': the White House, whose side is the United States'), anything else by its actor's
    name ('Washington said', 'the US said': the United States)."""
    if "state" in hit.types:
        bare = re.sub(r"^the\s+", "", hit.surface, flags=re.IGNORECASE)
        if lookup_key(bare) in lex.institutions:
            return bare
    return hit.actor


def named_owner(head) -> str:
    """The first proper name down a chain of 'of' ('the press service of the regional branch
    of the X Committee' -> 'X Committee'), without its article; '' when none."""
    token = head
    while True:
        prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        token = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        if token is None:
            return ""
        if token.pos_ == "PROPN":
            words = [t for t in phrase_tokens(token) if t.i <= token.i and t.dep_ != "det"]
            return " ".join(t.text for t in words)


def counted_members(head, count_words: dict) -> tuple[str, int] | None:
    """'eight groups including Oxfam and Save the Children said': a counted plural whose
    members it names after 'including' speaks as that set, ('eight groups', 8); else None."""
    if head.tag_ not in ("NNS", "NNPS"):
        return None
    number = next((c for c in head.children if c.dep_ == "nummod"), None)
    including = any(c.dep_ == "prep" and c.lower_ == "including" for c in head.children)
    if number is None or not including:
        return None
    count = int(number.lower_) if number.lower_.isdigit() else count_words.get(number.lower_)
    return head.doc[number.i:head.i + 1].text, count or None
