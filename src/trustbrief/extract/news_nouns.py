"""An act named by a noun that a present-perfect verb of making public tells is the news.

News writing tells the day's news in the present perfect: 'the information about the
president's refusal to attend the parade has been published by the agency', 'the ministry has
announced the closure of the office'. The act the noun names is what was just made public, as a
statement in the present perfect is (statements.py): its mention carries the rule suffix
/perfect, and events/records.py dates it by its article's publication wherever the sentence
stands, when no time expression dates it. The noun (or a carrier noun 'about'/'of'/'on' it,
'the information about ...') must be the subject of the passive or the object of a verb of
data/syntax.yaml speech.news_perfect.publishing_verbs; a background adverb ('has previously
announced') makes it background, as for statements.
"""

from __future__ import annotations

from trustbrief.extract.statements import present_perfect, told_as_background

CARRIER_PREPOSITIONS = frozenset({"about", "of", "on", "regarding"})
TOLD_DEPS = frozenset({"nsubjpass", "dobj"})  # 'X has been published', 'has announced X'


def told_as_news(noun, syntax) -> bool:
    """The act noun `noun` (a parsed token) is what a present-perfect verb of making public
    tells (module docstring)."""
    if noun is None or not syntax.perfect_publishing_verbs:
        return False
    told = noun
    if noun.dep_ == "pobj" and noun.head.lower_ in CARRIER_PREPOSITIONS and \
            noun.head.head.lemma_.lower() in syntax.perfect_carrier_nouns:
        told = noun.head.head
    verb = told.head
    if told.dep_ not in TOLD_DEPS or verb.lemma_.lower() not in syntax.perfect_publishing_verbs:
        return False
    return present_perfect(verb) and not told_as_background(verb, syntax)
