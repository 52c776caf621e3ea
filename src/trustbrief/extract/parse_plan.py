"""Which sentences are parsed, and with which components (the parse is most of extraction's
time: about 4,000 words/s per core with NER, 7,000 without).

- No parse: a sentence with no event trigger, no verb of saying and no quote (nothing in it
  is read from the tree), unless the next sentence quotes (it may tell the quote's day).
- Tagger, parser and lemmatizer: a sentence with an event trigger (roles and factuality):
  a word of the event vocabulary (data/event_types.yaml), or a word the dependency trigger
  patterns of data/syntax.yaml (`triggers`) may bind as their trigger - any inflection of
  their LEMMA values (inverted from the pipeline's own lemmatizer tables), their ORTH,
  LOWER or TEXT values; a trigger node with no such word makes every sentence parsed.
- Also NER: a sentence where someone may speak (a verb of saying or a quote) AND that holds
  a capitalised word no gazetteer form covers (a name no list holds, which only NER can
  type). NER's labels are read for speakers only (speakers.py: PERSON, ORG, NORP, GPE), and
  a sentence whose every capitalised word is a gazetteer form, a function word ('The',
  'He') or a month or weekday has no name for NER to find that the gazetteer has not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from trustbrief.extract.lexicons import Lexicons

WORD = re.compile(r"[^\W\d_][\w'’-]*")
POSSESSIVE = re.compile(r"['’]s$")  # "Tuesday's" is the weekday


def common_words(time_words: Iterable[str]) -> frozenset[str]:
    """Lowercase words that are not names when capitalised: English function words (spaCy's
    stop words) and the time vocabulary's month and weekday names."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | frozenset(w.lower() for w in time_words)


def needs_parse(text: str, lex: Lexicons, common: frozenset[str]) -> tuple[bool, bool]:
    """(parse it, with NER) for one sentence (see the module)."""
    att = lex.attribution
    speech = '"' in text or "“" in text or bool(att.speech.search(text))
    parse = speech or bool(lex.trigger_pattern.search(text)) or bool(
        syntax_trigger_words(lex.syntax).search(text))
    return parse, speech and unlisted_name(text, lex, common)


NOTHING = re.compile(r"(?!)")
EVERYTHING = re.compile(r"")
_TRIGGER_WORDS: dict[int, tuple] = {}  # id(Syntax) -> (that Syntax, its pattern)


def syntax_trigger_words(syntax) -> re.Pattern:
    """The words (any case) a dependency trigger pattern of `syntax` may bind as its trigger
    (see the module); computed once per loaded Syntax."""
    known = _TRIGGER_WORDS.get(id(syntax))
    if known is not None and known[0] is syntax:
        return known[1]
    words: set[str] = set()
    for _, _, pattern in getattr(syntax, "triggers", ()) if syntax is not None else ():
        found = _node_words(pattern[0].get("RIGHT_ATTRS") or {}, syntax)
        if found is None:
            compiled = EVERYTHING
            break
        words |= found
    else:
        compiled = (re.compile(r"(?<![\w-])(?:" + "|".join(
            re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + r")(?![\w-])",
            re.IGNORECASE) if words else NOTHING)
    _TRIGGER_WORDS[id(syntax)] = (syntax, compiled)
    return compiled


def _node_words(attrs: dict, syntax) -> set[str] | None:
    """Surface words (lowercase) the trigger node may have; None when any word may do."""
    for key in ("ORTH", "LOWER", "TEXT", "LEMMA"):
        if key not in attrs:
            continue
        value = attrs[key]
        values = value.get("IN") if isinstance(value, dict) else [value]
        if not isinstance(values, list):  # NOT_IN, REGEX and the like: any word may do
            return None
        values = [str(v).lower() for v in values]
        return set(values) if key != "LEMMA" else inflections(values, syntax.pipeline)
    return None


def inflections(lemmas: Iterable[str], pipeline: str | None) -> set[str] | None:
    """Every word the pipeline's rule lemmatizer may reduce to one of `lemmas` (its suffix
    rules run backwards, its exceptions inverted), the lemmas themselves included; None (any
    word) when it has no rule tables (a lookup table keeps only hashes: nothing to invert)."""
    from trustbrief.extract.nlp import load_pipeline

    lemmas = set(lemmas)
    tables = _lemmatizer_tables(load_pipeline(pipeline or None))
    if tables is None:
        return None
    rules, exceptions = tables
    words = set(lemmas)
    for lemma in lemmas:
        for old, new in rules:
            if lemma.endswith(new):
                words.add(lemma[:len(lemma) - len(new)] + old)
    words |= {word for word, its in exceptions if its & lemmas}
    return words


def _lemmatizer_tables(nlp) -> tuple[list, list] | None:
    """((suffix, replacement) rules, (word, its lemmas) exceptions) of nlp's rule
    lemmatizers; None when it has none."""
    rules, exceptions, found = [], [], False
    for _, pipe in nlp.pipeline:
        lookups = getattr(pipe, "lookups", None)
        if lookups is None:
            continue
        if lookups.has_table("lemma_rules"):
            found = True
            table = lookups.get_table("lemma_rules")
            rules += [(old, new) for key in table for old, new in table[key]]
        if lookups.has_table("lemma_exc"):
            found = True
            table = lookups.get_table("lemma_exc")
            exceptions += [(word, frozenset(its)) for key in table
                           for word, its in table[key].items()]
    return (rules, exceptions) if found else None


def unlisted_name(text: str, lex: Lexicons, common: frozenset[str]) -> bool:
    """Does the sentence hold a word that may be a name (_may_be_name) outside every
    gazetteer form?"""
    covered = None
    for m in WORD.finditer(text):
        if not _may_be_name(m.group(), common):
            continue
        if covered is None:
            covered = [h.span() for h in lex.form_pattern.finditer(text)]
        if not any(start <= m.start() < end for start, end in covered):
            return True
    return False


def _may_be_name(word: str, common: frozenset[str]) -> bool:
    """Capitalised, and not a common word in title case ('The', 'He', 'October', 'I'); an
    acronym ('AM', 'US') may always be a name."""
    if not word[0].isupper():
        return False
    if len(word) > 1 and word[1:].isupper():
        return True
    return POSSESSIVE.sub("", word).lower() not in common


QUOTE_MARKS = ('"', "“")


def _tells_next_quote(records: list[dict], n: int) -> bool:
    """The sentence right before one that quotes may tell that quote's day without a verb of
    saying ('X delivered a tough message Wednesday in remarks to ...' then '"...," X said'):
    the tree says which verb its day belongs to (extract/quote_days.py)."""
    return n + 1 < len(records) and any(q in records[n + 1]["text"] for q in QUOTE_MARKS)


def parse_request(records: list[dict], lex: Lexicons, doc_sha: str,
                  common: frozenset[str]) -> tuple:
    """(doc_sha, texts to parse or None, with NER) of one document, for nlp.Parser."""
    needs = [needs_parse(r["text"], lex, common) for r in records]
    needs = [(parse or _tells_next_quote(records, n), ner) for n, (parse, ner) in enumerate(needs)]
    texts = [r["text"] if parse else None for r, (parse, _) in zip(records, needs, strict=True)]
    return doc_sha, texts, [ner for _, ner in needs]
