"""Segmenting: a document's text -> paragraphs with roles -> sentence spans.

Roles: boilerplate (a rule of data/boilerplate.yaml matched), title, standfirst,
heading, body. Sentence spans index the text exactly (text == original[start:end]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from trustbrief.corpus.rules import CorpusRules, Rule

TERMINAL = ".!?…:;,"
CLOSERS = "\"'”’)]»"
WORD_RE = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")



@dataclass
class Segment:
    """A stretch of the text with its role: boilerplate, title, standfirst, heading, body."""

    role: str
    start: int
    end: int
    paragraph: int
    rule: str = ""
    captures: dict = field(default_factory=dict)


def _line_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, blank lines before) of each non-blank line, whitespace trimmed."""
    spans = []
    last_end = 0
    for m in re.finditer(r"[^\r\n]+", text):
        s, e = m.span()
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        s += len(line) - len(line.lstrip())
        e -= len(line) - len(line.rstrip())
        gap = text[last_end:s]
        blanks = max(0, gap.count("\n") - 1) if spans else 0
        spans.append((s, e, blanks))
        last_end = e
    return spans


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: one per line, except hard-wrapped text (joined within blocks)."""
    lines = _line_spans(text)
    if not lines:
        return []
    lengths = sorted(e - s for s, e, _ in lines)
    has_blocks = any(b for _, _, b in lines)
    wrapped = (has_blocks and lengths[-1] <= 120 and len(lines) >= 4
               and lengths[int(0.9 * (len(lengths) - 1))] >= 50)
    if not wrapped:
        return [(s, e) for s, e, _ in lines]
    join_at = 0.65 * lengths[int(0.9 * (len(lengths) - 1))]
    paras: list[list[int]] = []
    for s, e, blanks in lines:
        prev = paras[-1] if paras else None
        if prev and not blanks and prev[3] >= join_at:
            prev[1], prev[3] = e, e - s
        else:
            paras.append([s, e, 0, e - s])
    return [(p[0], p[1]) for p in paras]


def _words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip().rstrip(CLOSERS).rstrip()
    return bool(stripped) and stripped[-1] in TERMINAL


def strip_markdown(text: str) -> str:
    """'## **Title**' -> 'Title'; emphasis marks sit at a word's edge, so a mark inside a
    word is the text's own ('Bullsh*t', 'snake_case') and stays."""
    return re.sub(r"^#{1,6}\s+|(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)", "", text).strip()


def _headline_like(text: str, max_words: int) -> bool:
    if len(text) > 20 * max_words:
        return False
    text = strip_markdown(text)
    words = _words(text)
    if not words or len(words) > max_words:
        return False
    stripped = text.rstrip().rstrip(CLOSERS)
    return not (stripped and stripped[-1] in ".:;,") and not text[:1].islower()


def _heading_like(text: str, max_words: int) -> bool:
    if text.startswith("#"):
        return True
    if len(text) > 20 * max_words or _ends_sentence(text):
        return False
    words = _words(text)
    if not words or len(words) > max_words:
        return False
    first = next((c for c in text if c.isalnum()), "")
    return not first.islower()


def _page_furniture(text: str, rules: CorpusRules) -> bool:
    """A short line above the headline that no headline would be: too few words with letters
    ('Subscribe', '09 Oct', 'Edit post', '5 min read'), a label cut before its object ('Live
    update from the liveblog of'), a time stamp, or a menu of capitalised words with no
    function word ('World Society Opinion Science Sport Business')."""
    if _ends_sentence(text) or len(text) > 20 * rules.limits["title_max_words"]:
        return False
    tokens = _words(strip_markdown(text))
    words = [w for w in tokens if any(c.isalpha() for c in w)]
    if len(words) < rules.limits["title_min_words"] or len(words) * 2 <= len(tokens):
        return True  # too few words, or mostly numbers: a time stamp ('30 Dec. 13:30 (MSK)')
    lowered = [w.lower() for w in words]
    if lowered[-1] in rules.title_stopwords:
        return True
    return (len(words) >= rules.limits["menu_min_words"] and text.replace(" ", "").isalpha()
            and all(w[0].isupper() for w in words)
            and not rules.title_stopwords.intersection(lowered))


def _match_rule(rules: CorpusRules, text: str, position: set[str],
                next_text: str | None) -> tuple[Rule, re.Match] | None:
    if rules.any_rule is not None and rules.any_rule.match(text) is None:
        return None
    long = len(text) > rules.limits["boilerplate_max_chars"]
    for rule in rules.rules:
        if rule.where not in position or (long and rule.kind == "line"):
            continue
        m = rule.regex.match(text) if rule.kind == "prefix" else rule.regex.fullmatch(text)
        if m is None or (rule.kind == "prefix" and m.end() >= len(text)):
            continue
        if rule.followed_by and not _next_matches(rules, rule.followed_by, next_text):
            continue
        return rule, m
    return None


def _next_matches(rules: CorpusRules, names: tuple[str, ...], text: str | None) -> bool:
    if text is None:
        return False
    return any(r.regex.fullmatch(text) for r in rules.rules if r.name in names)


def _bigrams(text: str) -> set[tuple[str, str]]:
    words = _words(text.lower())
    return set(zip(words, words[1:], strict=False))


def _is_standfirst(candidate: str, later: list[str], min_overlap: float) -> bool:
    pairs = _bigrams(candidate)
    if len(pairs) < 4:
        return False
    return any(len(pairs & _bigrams(t)) >= min_overlap * len(pairs) for t in later)


def _position(i: int, n: int, limits: dict, title_seen: bool) -> set[str]:
    """Where paragraph i of n sits, in the `where:` words of data/boilerplate.yaml."""
    position = {"anywhere"}
    if i < limits["head_paragraphs"]:
        position.add("head")
    if i >= n - limits["tail_paragraphs"]:
        position.add("tail")
    if not title_seen:
        position.add("before_title")
    return position


def segment(text: str, rules: CorpusRules) -> list[Segment]:
    """Give every paragraph (or paragraph prefix) a role, in reading order."""
    spans = paragraphs(text)
    limits = rules.limits
    n = len(spans)
    out: list[Segment] = []
    title_seen = False
    stopped = ""
    standfirst_pending = False
    for i, (s, e) in enumerate(spans):
        para = text[s:e]
        if stopped:
            out.append(Segment("boilerplate", s, e, i + 1, f"after:{stopped}"))
            continue
        position = _position(i, n, limits, title_seen)
        next_text = text[spans[i + 1][0]:spans[i + 1][1]] if i + 1 < n else None
        found = _match_rule(rules, para, position, next_text)
        if found and found[0].kind == "line":
            rule, m = found
            caps = {k: v for k, v in m.groupdict().items() if v}
            out.append(Segment("boilerplate", s, e, i + 1, rule.name, caps))
            # a 'Trending' list ends the story; above the story it is the site's navigation
            story_begun = title_seen or any(seg.role == "body" for seg in out)
            stopped = rule.name if rule.stop and story_begun else ""
            continue
        if found:  # a prefix: the label is boilerplate, the rest is still text
            rule, m = found
            cut = s + m.end()
            caps = {k: v for k, v in m.groupdict().items() if v}
            out.append(Segment("boilerplate", s, cut, i + 1, rule.name, caps))
            s = cut
            para = text[s:e]
        if not title_seen and "head" in position and _page_furniture(para, rules):
            out.append(Segment("boilerplate", s, e, i + 1, "page_furniture"))
            continue
        if not title_seen:
            title_seen = True
            above_header = next_text is not None and _is_header(rules, next_text, position)
            if (_headline_like(para, limits["title_max_words"]) or (
                    above_header and len(_words(para)) <= limits["title_max_words_above_header"])):
                out.append(Segment("title", s, e, i + 1))
                standfirst_pending = True
                continue
        if standfirst_pending:
            # A deck between the headline and the byline, or one the body repeats.
            standfirst_pending = False
            later = spans[i + 1:i + 1 + limits["head_paragraphs"]]
            above_header = next_text is not None and _is_header(rules, next_text, position)
            if above_header or _is_standfirst(para, [text[a:b] for a, b in later],
                                              limits["standfirst_min_overlap"]):
                out.append(Segment("standfirst", s, e, i + 1))
                continue
        if _heading_like(para, limits["heading_max_words"]):
            out.append(Segment("heading", s, e, i + 1))
            continue
        out.append(Segment("body", s, e, i + 1))
    return out


def _is_header(rules: CorpusRules, text: str, position: set[str]) -> bool:
    position = (position - {"before_title"}) | {"anywhere"}
    return any(r.header and r.where in position and r.regex.fullmatch(text)
               for r in rules.rules if r.kind == "line")


# ---------------------------------------------------------------------------- sentences

_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]»]*(?=\s)")
_INITIALISM = re.compile(r"(?:[^\W\d_]\.){2,}$")
_NEXT_WORD = re.compile(r"\s+[\"'“‘(\[«]*([^\W_]?)([\w'’]{0,40})")


def _previous_token(text: str, end: int, longest: int = 40) -> str:
    """The word before a '.', at most `longest` characters (keeps splitting linear)."""
    start = end
    while start > 0 and end - start < longest and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _next_word(text: str, pos: int, end: int) -> tuple[str, str]:
    """First character and word after whitespace at pos (skipping opening quotes)."""
    m = _NEXT_WORD.match(text, pos, end)
    if not m:
        return "", ""
    return m.group(1), m.group(1) + m.group(2)


def _is_boundary(text: str, m: re.Match, end: int, rules: CorpusRules) -> bool:
    first, word = _next_word(text, m.end(), end)
    if not first or not (first.isupper() or first.isdigit()):
        return False
    punct = m.group()
    if punct[0] != ".":
        return True  # ! ? … end sentences before a capital
    token = _previous_token(text, m.start()).lstrip("\"'“‘([«")
    if not token:
        return True
    bare = token.rstrip(".").lower()
    if punct.rstrip(CLOSERS) == "." and len(punct) > 1:
        return True  # ." or .) closes a quote or aside
    if _INITIALISM.search(token + "."):
        return word.lower() in rules.sentence_starters
    if len(token) == 1 and token.isalpha() and token.isupper():
        return False  # an initial: 'John F. Kennedy'
    return bare not in rules.abbreviations


def split_sentences(text: str, start: int, end: int, rules: CorpusRules) -> list[tuple[int, int]]:
    """Sentence spans within text[start:end], whitespace trimmed; linear in the length."""
    spans = []
    cursor = start
    for m in _BOUNDARY.finditer(text, start, end):
        if _is_boundary(text, m, end, rules):
            spans.append((cursor, m.end()))
            cursor = m.end()
    spans.append((cursor, end))
    out = []
    for s, e in spans:
        piece = text[s:e]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        s, e = s + lead, e - trail
        if e > s and any(c.isalnum() for c in text[s:e]):
            out.append((s, e))
    return out
