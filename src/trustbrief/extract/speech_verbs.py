"""Does a verb of saying say something? The parse tells a verb that speaks from one that
only looks like speech: a bare negation ('A-land officials have not commented') or a 'with'
object that is no utterance ('the Front has responded with rocket fire')."""

from __future__ import annotations

# nouns for what is said ('responded with a statement' is speech, 'with rocket fire' is not)
UTTERANCES = frozenset({"comment", "remark", "word", "message", "reply", "answer", "question",
                        "warning", "threat", "denial", "claim", "accusation", "criticism",
                        "response", "post", "tweet", "video", "speech", "address"})


def says(verb, syntax) -> bool:
    """A verb of saying that says something: not a bare negated one ('A-land officials have
    not commented'), not 'responded with rocket fire' (a 'with' object that is no utterance)."""
    return not _bare_negated(verb) and not _with_deeds(verb, syntax) and not _thing_object(
        verb, syntax)


def speech_verb(token, syntax) -> bool:
    """A verb of saying, or a verb that speaks by defending a stance ('has defended Chad's
    right to ...'; syntax speech.stance)."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if token.lemma_ in syntax.speech_verbs:
        return True
    return token.lemma_.lower() in syntax.stance_verbs and any(
        c.dep_ == "dobj" and c.lemma_.lower() in syntax.stance_objects for c in token.children)


def says_nothing(doc, syntax) -> bool:
    """The parsed sentence has verbs of saying and each is surely no speech: a bare negation,
    or a verb of answering with deeds ('the Front has responded with rocket fire'; a 'with'
    elsewhere may be the parser's misreading: 'apologized for the crash with the jet'), and
    it cites nobody ('according to'): the words that look like speech make no claim."""
    verbs = [t for t in doc if t.lemma_ in syntax.speech_verbs and t.pos_ in ("VERB", "AUX")]
    if not verbs or any(t.lower_ in syntax.according for t in doc):
        return False
    return all(_bare_negated(t) or (t.lemma_.lower() in syntax.answering_verbs
                                    and _with_deeds(t, syntax)) for t in verbs)


def _bare_negated(verb) -> bool:
    """'have not commented'; 'did not confirm how many ...' still speaks."""
    return any(c.dep_ == "neg" for c in verb.children) and not any(
        c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children)


def _thing_object(verb, syntax) -> bool:
    """'adding armoured vehicles', 'a referendum claiming the region': a verb of
    data/syntax.yaml speech.things whose direct object is a thing, not an utterance, and that
    has no clause of what is said; 'added a warning', 'claimed responsibility' still speak."""
    if verb.lemma_.lower() not in syntax.thing_verbs or any(
            c.dep_ in ("ccomp", "xcomp", "parataxis") for c in verb.children):
        return False
    spoken = syntax.document_nouns | syntax.spoken_objects | UTTERANCES
    return any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")
               and c.lemma_.lower() not in spoken for c in verb.children)


def _with_deeds(verb, syntax) -> bool:
    """A 'with' object of the verb that is no utterance ('with rocket fire')."""
    return any(c.dep_ == "prep" and c.lower_ == "with" and any(
        g.dep_ == "pobj" and g.lemma_.lower() not in syntax.document_nouns | UTTERANCES
        for g in c.children) for c in verb.children)
