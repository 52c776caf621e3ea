"""Token helpers of phrases.py: the asides no label holds and the whole words it prints."""

from __future__ import annotations


def _between_dashes(doc) -> set:
    dashes = [t.i for t in doc if t.text in ("—", "–", "--")]
    return {i for a, b in zip(dashes[::2], dashes[1::2], strict=False) for i in range(a, b + 1)}


def _bracketed(doc) -> set:
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


def _whole_words(words: list) -> list:
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
