"""Token helpers of phrases.py: the asides no label holds (left_out), the whole words it
prints (tidy), the names a shortened phrase cuts to their head word, and the parts of a
verb's complement it reads (verb_objects, noun_preps, gerund_object, doer_left_out)."""

from __future__ import annotations

# a verb's (or a gerund's) objects
OBJECTS = frozenset({"dobj", "dative", "attr", "oprd"})


def _between_dashes(doc) -> set:
    dashes = [t.i for t in doc if t.text in ("—", "–", "--")]
    return {i for a, b in zip(dashes[::2], dashes[1::2], strict=False) for i in range(a, b + 1)}


def bracketed(doc) -> set:
    """Token indexes inside parentheses, brackets or a pair of dashes: an aside is never part
    of a label."""
    inside, depth = _between_dashes(doc), 0
    for token in doc:
        if token.text in ")]":
            depth = max(depth - 1, 0)
        if depth or token.text in "([":
            inside.add(token.i)
        if token.text in "([":
            depth += 1
        if token.text in ")]":
            inside.add(token.i)
    return inside


def whole_words(words: list) -> list:
    """The words with the parts of a hyphenated word the parse split ('Min-jae', 'Dae-sung':
    'Min', '-', 'jae'): a label never prints half a name."""
    out = list(words)
    for word in words:
        doc, i = word.doc, word.i
        while i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_ \
                and not doc[i + 1].whitespace_:
            out += [doc[i + 1], doc[i + 2]]
            i += 2
        i = word.i
        while i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ \
                and not doc[i - 1].whitespace_:
            out += [doc[i - 2], doc[i - 1]]
            i -= 2
    return out


# words that open a place's name, never a person's ('New Delhi', 'South Korea', 'North
# Macedonia', 'East Timor'): cut to its head word, the place would read 'Delhi', 'Korea'
PLACE_OPENERS = frozenset({"new", "north", "south", "east", "west", "upper", "lower"})


def cut_to_head(noun, level: int) -> bool:
    """Level 2 cuts a person's name to its head word ('Roe'); a name with a determiner is a
    named body ('the Chadian Foreign Ministry', 'the United States') and keeps its words:
    cut, it would read 'to Ministry'; so does a place's name ('New Delhi', 'South Korea'),
    and a word in lower case the tagger took for a name ("China's foreign ministry")."""
    return level >= 2 and noun.pos_ == "PROPN" and noun.text[:1].isupper() and not any(
        child.dep_ == "det" or child.dep_ == "compound" and child.lower_ in PLACE_OPENERS
        for child in noun.children)


def name_after_title(noun, skipped: set):
    """The person a capitalised title introduces when the parser folds the name into the
    title's complement ('Minister for Strategic Affairs Jane Doe', 'Secretary of State
    John Roe': the name heads the complement, with two or more capitalised words
    before it): cut, the phrase names the person ('Doe'), not the title ('Minister').
    None for a body's name ('Ministry of Foreign Affairs': one word before its head)."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("for", "of")):
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.pos_ == "PROPN" and obj.i not in skipped and sum(
                c.dep_ == "compound" and c.pos_ == "PROPN" for c in obj.children) >= 2:
            return obj
    return None


def garbled_by_cut(obj, level: int) -> bool:
    """A complement whose object is a multi-word name is left out rather than cut: the small
    parser folds the complement's own noun into the name ('ambassador to Chad John
    Roe' parses as one name), and its head word alone would misstate the complement
    ('ambassador to Roe')."""
    return cut_to_head(obj, level) and any(child.dep_ == "compound" for child in obj.children)


# adverbs that link a clause to the text around it or place it in time say nothing of the
# act (a label is dated by the timeline): a label drops them ('X also sent', 'X instead is
# urging', 'X recently took'); any other adverb before the verb may carry the meaning
# ('never', 'no longer', 'barely', 'reportedly', 'initially') and stays
LEFT_OUT_ADVERBS = frozenset({"also", "instead", "then", "meanwhile", "however", "therefore",
                              "thus", "too", "further", "furthermore", "additionally",
                              "moreover", "subsequently", "later", "now", "recently",
                              "earlier", "previously", "currently", "today", "yesterday"})


# adverbs that deny or all but deny the act: a label without them says the opposite
NEGATING_ADVERBS = frozenset({"never", "hardly", "barely", "scarcely", "seldom", "rarely"})


def kept_adverb(child, level: int) -> bool:
    """An adverb before the verb that a label keeps (not LEFT_OUT_ADVERBS), while the phrase
    keeps its names whole (levels 0 and 1): a phrase too long for it gives up the adverb
    before what the act was ('has been urging A-land to calibrate its response', not 'has
    been privately urging A-land'); a negation ('not', 'never') is no adverb and stays, and so
    does an adverb that negates at any level ('no longer', 'barely'): 'X is no longer
    sending weapons' shortened to 'X is sending weapons' would say the opposite."""
    if child.dep_ != "advmod":
        return False
    if child.lower_ in NEGATING_ADVERBS or any(c.dep_ == "neg" for c in child.children):
        return True
    return level < 2 and child.lower_ not in LEFT_OUT_ADVERBS


def predicate_words(adjective, level: int, skipped: set, noun_words) -> list | None:
    """A predicate adjective with the words that carry its meaning: its degree and negation
    ('very low', 'not willing', 'increasingly distrustful') always, and below level 3 its
    prepositional complement ('distrustful of the government'; `noun_words` gives the
    object's words). A label that keeps 'is' and drops 'very low' says the opposite. None
    when the adjective's content is a clause ('willing to talk'): no label."""
    if any(c.dep_ in ("xcomp", "ccomp") for c in adjective.children):
        return None  # 'is willing (to talk)': what it is about is a clause of its own
    words = [adjective]
    for child in adjective.children:
        if child.i in skipped:
            continue
        if child.dep_ in ("advmod", "neg", "npadvmod") and child.i < adjective.i:
            words += [t for t in child.subtree if t.i not in skipped]
        elif child.dep_ == "prep" and child.i > adjective.i and level < 3:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.i not in skipped and obj.pos_ != "PRON":
                words += [child, *noun_words(obj, 1, skipped)]
    return words


IRREGULAR_PRESENT = {"be": "is", "have": "has", "do": "does", "go": "goes"}


def present(lemma: str) -> str:
    """The third person singular present of an English verb ('shoot' -> 'shoots', 'say' ->
    'says', 'push' -> 'pushes', 'deny' -> 'denies')."""
    if lemma in IRREGULAR_PRESENT:
        return IRREGULAR_PRESENT[lemma]
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if len(lemma) > 1 and lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def asks_without_content(verb) -> bool:
    """The verb asks, urges or tells its object to do something ('asked X to stop
    ...'): a 'to'-infinitive after it. A phrase that keeps the object and not the infinitive
    says only who asked whom: no label (the event's next template says what is known)."""
    return any(c.dep_ == "xcomp" and c.i > verb.i and any(a.tag_ == "TO" for a in c.children)
               for c in verb.children)


def pobj(prep):
    """The object of a preposition (a noun, or a clause: 'on attending the parade')."""
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def noun_pobj(prep):
    obj = pobj(prep)
    return obj if obj is not None and obj.pos_ not in ("VERB", "AUX") else None


def noun_preps(verb, skipped: set) -> list:
    """Prepositional complements after the verb, with a noun object ('criticized the
    ministry for trying ...' has none a label can end on)."""
    return [c for c in verb.children if c.dep_ in ("prep", "agent", "dative") and c.i > verb.i
            and noun_pobj(c) is not None and noun_pobj(c).i not in skipped]


def gerund_object(verb, skipped: set, after: int = -1, preps=None):
    """([preposition, gerund, its particle], the gerund's object) of the verb's first
    preposition after the token `after` (one of `preps` when given) whose object is a gerund
    with an object of its own: 'skipped out on attending the parade', 'blamed
    X for carrying out the strike'; None when there is none."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i <= max(verb.i, after) or \
                (preps is not None and prep.lower_ not in preps):
            continue
        gerund = pobj(prep)
        objects = [o for o in gerund.children if o.dep_ in OBJECTS and o.i not in skipped] \
            if gerund is not None and gerund.tag_ == "VBG" else []
        if objects:
            return [prep, gerund, *(c for c in gerund.children if c.dep_ == "prt")], objects[0]
    return None


def verb_objects(verb, deps: frozenset) -> list:
    """The verb's objects (children with one of `deps`); what a comma sets after the first
    is an aside ('accused X of ..., a charge Y rejects'), no object."""
    objects = [c for c in verb.children if c.dep_ in deps]
    return [o for o in objects if not any(objects[0].i < c.i < o.i and c.text == ","
                                          for c in verb.children if c.dep_ == "punct")]


def article_before(word, following) -> str:
    """The indefinite article `word` as printed before `following` (the next printed word):
    'a'/'an' agree with it when the phrase dropped the words between them ('a possible
    embargo' shortened reads 'an embargo', never 'a embargo')."""
    if word.lower_ not in ("a", "an") or following.i == word.i + 1:
        return word.text
    article = "an" if following.text[:1].lower() in "aeiou" else "a"
    return article.capitalize() if word.text[:1].isupper() else article


# verbs of a source that a comma hangs after the news ('..., the newspaper reported on
# Tuesday'): the parser may read them as what the news verb says
ATTRIBUTION_LEMMAS = frozenset({"say", "report", "add", "tell", "write", "note", "state"})


def attribution_tail(clause) -> bool:
    """A clause after a comma that only says who told the news ('A-land has told B-land to
    withdraw 40 diplomats, the Portview Times reported'): a source verb with its own subject
    and nothing said of its own, never what the verb before it says."""
    return clause.lemma_ in ATTRIBUTION_LEMMAS and clause.i > clause.head.i and \
        clause.left_edge.text == "," and any(c.dep_ == "nsubj" for c in clause.children) and \
        not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in clause.children)


def opening_it(subject, verb) -> bool:
    """'It' as the subject of the sentence's main verb, opening it ('It also expelled six
    diplomats'): the state or body acting, which the mention's agent names. An 'it' inside a
    clause ('said it would deploy'), shared by a conjoined verb or inside a quote stays no
    label."""
    return subject.lower_ == "it" and subject.i <= 2 and subject.head.i == verb.i and \
        verb.dep_ == "ROOT" and not any(t.is_quote for t in subject.doc[:subject.i])


# every token text that bracketed or _between_dashes acts on (`text in ")]"` holds for
# each part of ")]")
ASIDE_TOKENS = ("", "(", "[", "([", ")", "]", ")]", "—", "–", "--")


def left_out(doc, skip=()) -> set:
    """Indexes of the tokens no label holds: those starting inside a `skip` span and those
    inside an aside (bracketed). The same for every trigger of the sentence."""
    skipped = set()
    if skip:
        starts = doc.to_array("IDX").tolist()
        skipped = {i for i, idx in enumerate(starts) if any(s <= idx < e for s, e in skip)}
    strings = doc.vocab.strings
    if not {strings[text] for text in ASIDE_TOKENS}.isdisjoint(doc.to_array("ORTH").tolist()):
        skipped |= bracketed(doc)  # else no token opens or closes an aside: nothing inside
    return skipped


def tidy(words: list, swap: dict, nominal: bool) -> str:
    """The words as printed (spacing from the text), outer punctuation and a leading 'the'
    (any article, or 'another', before a noun phrase) dropped, the first letter upper case."""
    words = sorted({w.i: w for w in whole_words(words)}.values(), key=lambda t: t.i)
    articles = ("the", "a", "an", "another") if nominal else ("the",)  # 'another': order
    while words and (words[0].is_punct or words[0].lower_ in articles):
        words = words[1:]
    while words and (words[-1].is_punct or words[-1].dep_ in ("prep", "cc", "det")):
        words = words[:-1]
    if not words:
        return ""
    parts = []
    for n, word in enumerate(words):
        text = swap.get(word.i) or article_before(word, words[min(n + 1, len(words) - 1)])
        joined = n + 1 < len(words) and words[n + 1].i == word.i + 1
        parts.append(text + (word.whitespace_ if joined else " "))
    text = "".join(parts).strip()
    return text[:1].upper() + text[1:]


# an active infinitive or participle that leaves its doer to the clause it hangs on ('joined
# ... in firing interceptors to shoot down missiles', '..., saying only that ...')
SUBJECTLESS_DEPS = frozenset({"xcomp", "advcl", "pcomp"})


def doer_left_out(verb, agent: str) -> bool:
    """An active infinitive or participle after the clause it hangs on (before it, the parse
    is unsure: 'while stressing X was not involved' read as a clause of 'involved')."""
    return bool(agent) and verb.dep_ in SUBJECTLESS_DEPS and verb.head.i < verb.i and \
        verb.head.pos_ in ("VERB", "AUX") and (
        verb.tag_ == "VBG" or (verb.tag_ == "VB" and any(c.tag_ == "TO" for c in verb.children)))
