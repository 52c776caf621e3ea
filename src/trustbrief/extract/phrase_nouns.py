"""Noun phrases of extract.phrases: a noun with the modifiers and complements a label keeps,
shorter at each step of the ladder (phrase_levels), and the act a noun phrase tells."""

from __future__ import annotations

from trustbrief.extract.phrase_levels import (
    MODIFIERS,
    content_complement,
    keeps_modifier,
    nested_kept,
)
from trustbrief.extract.phrase_tokens import (
    cut_to_head,
    garbled_by_cut,
    gerund_object,
    name_after_title,
    noun_pobj,
)

# dependents kept inside a noun phrase (spaCy's English dependency labels); `prep` only for
# the prepositions below, after the noun
NOUN_KEEP = frozenset({"det", "amod", "compound", "poss", "nummod", "nmod", "case", "quantmod",
                       "flat", "predet", "npadvmod", "cc", "conj", "prep"})
NOUN_PREPS = frozenset({"of", "on", "against", "in", "over", "to", "for", "from", "with",
                        "by", "into", "at"})
COMPACT_KEEP = frozenset({"det", "poss", "compound", "flat", "case", "cc", "conj", "prep",
                          "nummod"})
WH_TAGS = frozenset({"WP", "WDT", "WP$"})


def nominal(noun, level: int, skipped: set) -> list:
    """The trigger noun's phrase: "the rebels' 1 May attack", 'the arrest of two
    citizens'; [] when nothing but the noun, an article or a pronoun is left ('the strike',
    'his opposition')."""
    words = noun_words(noun, level, skipped, top=True, depth=2)
    if level < 3:  # 'a raid carried out by Chadian authorities' says who raided
        words += described_by(noun, level, skipped)
    content = [w for w in words if w is not noun and w.pos_ not in ("DET", "PRON", "PART",
                                                                     "CCONJ", "ADP", "PUNCT")]
    return words if content else []


def owner_named(words: list, agent: str) -> dict:
    """'suspension of its activities' names no owner: the agent stands for 'its', 'their'."""
    first = min((w.i for w in words), default=0)
    return {w.i: f"{agent}'s" for w in words if agent and w.i > first and w.tag_ == "PRP$"
            and w.lower_ in ("its", "their")}


def described_by(noun, level: int, skipped: set) -> list:
    """A past participle after the noun with its particle and its agent ('carried out by
    Chadian authorities'), or a present one with its object ('attacks targeting radio
    masts'); [] when it names neither ('the strike reported yesterday')."""
    for acl in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBG"
                and c.i > noun.i and c.i not in skipped):
        obj = next((c for c in acl.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.i not in skipped and obj.pos_ in ("NOUN", "PROPN"):
            return [acl, *noun_words(obj, level, skipped)]
    for acl in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                and c.i > noun.i and c.i not in skipped):
        agent = next((c for c in acl.children if c.dep_ == "agent"), None)
        obj = noun_pobj(agent) if agent is not None else None
        if obj is not None and obj.i not in skipped and obj.pos_ != "PRON":
            return [acl, *(c for c in acl.children if c.dep_ == "prt"), agent,
                    *noun_words(obj, level, skipped)]
    return []


def noun_words(noun, level: int, skipped: set, top: bool = False, depth: int = 1) -> list:
    """The noun with its modifiers, shorter at higher levels: 1 compacts nested phrases to
    names and compounds, 2 cuts names to their head word ('Roe'), 3 drops complements."""
    if cut_to_head(noun, level):
        head = name_after_title(noun, skipped) or noun
        return sorted([head, *coordinated(noun, level, skipped)], key=lambda t: t.i)
    keep = NOUN_KEEP if top or level == 0 else COMPACT_KEEP | MODIFIERS
    out, cut = [noun], False
    for child in noun.children:
        if child.dep_ not in keep or child.i in skipped:
            continue
        if child.dep_ == "prep":
            obj, counted = noun_pobj(child), content_complement(noun, child, level)
            doing = gerund_object(noun, skipped, preps={child.lower_}) \
                if counted and obj is None else None
            if doing is not None:  # 'the importance of ending the war'
                out += [*doing[0], *noun_words(doing[1], level, skipped, depth=depth)]
                continue
            # complements go from the end: after a dropped one, a later one would name
            # another thing ('Ministry of [Foreign Affairs] of the Republic')
            cut = cut or child.i > noun.i and (
                not counted and (depth <= 0 or level >= 3 or child.lower_ not in NOUN_PREPS
                                 or not (top or nested_kept(level)))
                or obj is None or obj.i in skipped or garbled_by_cut(obj, level))
            if cut or child.i < noun.i:
                continue
            out += [child, *noun_words(obj, level, skipped, depth=depth - (not counted))]
        elif child.dep_ in ("conj", "cc"):
            if noun.pos_ == "PROPN":  # coordinated names stay: 'Jane Doe and John Roe'
                out += [child] if child.dep_ == "cc" else noun_words(child, level, skipped,
                                                                      top=top, depth=depth)
        elif child.tag_ not in WH_TAGS and (child.dep_ not in MODIFIERS or top and child.dep_
                                            == "amod" or keeps_modifier(child, noun, level,
                                                                        NOUN_PREPS)):
            out += [t for t in child.subtree if t.i not in skipped and t.tag_ not in WH_TAGS]
    return sorted(set(out), key=lambda t: t.i)


def coordinated(noun, level: int, skipped: set) -> list:
    out = []
    for child in noun.children:
        if child.dep_ == "cc":
            out.append(child)
        elif child.dep_ == "conj":
            out += noun_words(child, level, skipped)
    return out
