"""The steps by which extract.phrases shortens a phrase too long for a label, and which
modifiers of a noun each step keeps.

A phrase gives up words in the order that loses least of its meaning. The adjectives and
possessive owners of a noun it keeps (amod, poss) say which thing it is: 'a strike on sites'
and 'a response to missile attack' say something else than the sentence's 'a strike on
Chad's nuclear sites' and 'a more tempered response to this week's missile attack'. So names
are cut to their head word first, then a noun that keeps a complement (which says what it is)
gives up a bare adjective ('a strike on Chad's nuclear sites', 'possible A-land' dropped),
then a noun inside a complement gives up its own complement whole ('to take a more tempered
response'), and only then do nested nouns lose their modifiers (the old compact step).
"""

from __future__ import annotations


class Level(int):
    """A shortening step. The int is the step of the base ladder that the rest of
    extract.phrases compares against: 0 full, 1 nested phrases compacted, 2 names cut to
    their head word, 3 no complements. `modifiers` says which nested nouns keep their
    adjectives and possessive owners: 'all', 'leaf' (a noun with a prepositional complement
    keeps only an adjective with a degree of its own: 'more tempered'), 'none'. `nested`:
    a noun inside the verb's object or complement keeps its own complement."""

    modifiers: str
    nested: bool

    def __new__(cls, step: int, modifiers: str = "all", nested: bool = True) -> Level:
        level = super().__new__(cls, step)
        level.modifiers = modifiers
        level.nested = nested
        return level


LADDER = (Level(0), Level(1), Level(2), Level(2, "leaf"), Level(2, "all", nested=False),
          Level(2, "none"), Level(3, "none"))

MODIFIERS = frozenset({"amod", "poss"})
# nouns of quantity that head what they count ('a total of 10 cities', 'a number of
# diplomats'): their 'of' complement is the phrase's content, kept at every level
QUANTITY_NOUNS = frozenset({"total", "number", "series", "couple", "dozen", "dozens",
                            "handful", "majority", "group", "pair", "range", "host", "lot",
                            "lots", "set", "hundreds", "thousands", "batch", "wave"})
# nouns that say nothing without what their complement names ('emphasized the importance of
# a diplomatic solution', 'stressed the need for restraint'): that complement is kept at every
# level but the last, as a quantity's is
CONTENT_NOUNS = frozenset({"importance", "need", "necessity", "significance", "urgency",
                           "issue", "question", "matter", "prospect", "possibility"})


def content_complement(noun, prep, level: int) -> bool:
    """The preposition's object is what the noun is about: 'a number of diplomats', 'the
    importance of a solution', 'the need for restraint' (below the last level, which keeps
    'the importance' when nothing longer fits)."""
    return (noun.lower_ in QUANTITY_NOUNS and prep.lower_ == "of") or (
        level < 3 and noun.lemma_.lower() in CONTENT_NOUNS and prep.lower_ in ("of", "for"))


# nouns that name an act by the act noun before them ('an assassination spree', 'a bombing
# campaign', 'a coup attempt'): the phrase is the head's; before any other noun ('attack
# infrastructure', 'missile launchers') the act noun names a thing, and gives no phrase
ACT_HEAD_NOUNS = frozenset({"spree", "campaign", "attempt", "plot", "wave", "barrage", "spate",
                            "series", "string", "round", "flurry", "blitz", "operation"})

# nouns a 'to'-infinitive completes as the act decided or set out ('the decision to close the
# office', 'a move to expel diplomats'): the noun phrase tells the act; after another noun
# ('the right to close', 'the time to act') it tells no act
INTENT_NOUNS = frozenset({"decision", "plan", "plans", "order", "move", "bid", "attempt",
                          "threat", "demand", "request", "proposal", "offer", "intention",
                          "pledge", "promise", "agreement", "refusal", "vote", "effort",
                          "efforts", "push", "call", "calls", "ultimatum", "readiness"})


def modifiers_kept(level) -> str:
    """'all', 'leaf' or 'none' for a Level; a plain int (a step asked for directly) keeps
    modifiers only at 0, as the base ladder does."""
    return getattr(level, "modifiers", "none" if level else "all")


def nested_kept(level) -> bool:
    return getattr(level, "nested", True)


def keeps_modifier(child, noun, level, preps: frozenset) -> bool:
    """Whether `noun` at `level` keeps `child`, one of its adjectives or possessive owners
    (MODIFIERS; a pronoun owner, 'its', always stays). `preps` are the prepositions a noun
    keeps a complement with."""
    if child.dep_ == "poss" and child.pos_ == "PRON":
        return True
    kept = modifiers_kept(level)
    if kept == "all":
        return True
    if kept == "none":
        return False
    has_complement = nested_kept(level) and any(
        c.dep_ == "prep" and c.i > noun.i and c.lower_ in preps for c in noun.children)
    return not has_complement or any(c.dep_ == "advmod" for c in child.children)
