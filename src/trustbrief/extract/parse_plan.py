"""Which sentences are parsed, and with which components (the parse is most of extraction's
time: about 4,000 words/s per core with NER, 7,000 without).

- No parse: a sentence with no event trigger, no verb of saying and no quote (nothing in it
  is read from the tree).
- Tagger, parser and lemmatizer: a sentence with an event trigger (roles and factuality).
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
    parse = speech or bool(lex.trigger_pattern.search(text))
    return parse, speech and unlisted_name(text, lex, common)


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


def parse_request(records: list[dict], lex: Lexicons, doc_sha: str,
                  common: frozenset[str]) -> tuple:
    """(doc_sha, texts to parse or None, with NER) of one document, for nlp.Parser."""
    needs = [needs_parse(r["text"], lex, common) for r in records]
    texts = [r["text"] if parse else None for r, (parse, _) in zip(records, needs, strict=True)]
    return doc_sha, texts, [ner for _, ner in needs]
