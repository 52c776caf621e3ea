"""Regex building for the extraction data files: validation helpers, gazetteer forms as
regexes, and large alternations ordered and grouped so the regex engine stays fast."""

from __future__ import annotations

import re

from trustbrief import knowledge
from trustbrief.knowledge import DataFileError


def str_list(path, where, value) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(path, where, "expected a list of non-empty strings")
    return [v.strip() for v in value]


def one_of(path, where, value, allowed) -> str:
    if value not in allowed:
        raise DataFileError(path, where, f"{value!r} is not one of: {', '.join(allowed)}")
    return value


def check_regex(path, where, pattern: str) -> str:
    knowledge.compile_pattern(path, where, pattern)
    return pattern


def lookup_key(text: str) -> str:
    """Normalized lookup key of a surface form: quotes unified, spaces collapsed, lowercase."""
    text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split()).lower()


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def literal_regex(text: str) -> str:
    """A gazetteer form as a regex: any space run, either apostrophe or quote style."""
    parts, last_space = [], False
    for ch in text:
        if ch.isspace():
            if not last_space:
                parts.append(r"\s+")
            last_space = True
            continue
        last_space = False
        if ch in "'’":
            parts.append("['’]")
        elif ch in '"“”':
            parts.append('["“”]')
        else:
            parts.append(re.escape(ch))
    body = "".join(parts)
    return f"(?-i:{body})" if _is_acronym(text) else body


def first_char_alternation(literals) -> str:
    """Alternation of literal forms grouped by first character, longest first in each group.

    Grouping lets the regex engine skip whole groups with one cheap look-ahead, which keeps
    a gazetteer of hundreds of forms fast.
    """
    groups: dict[str, list[str]] = {}
    for lit in literals:
        first = lit[0].lower()
        first = '"' if first in '"“”' else first
        groups.setdefault(first, []).append(lit)
    branches = []
    for first in sorted(groups):
        alts = sorted(set(groups[first]), key=lambda s: (-len(s), s))
        if first.isalpha() and not any(_is_acronym(a) for a in alts):
            # a case-exact class in front lets the engine skip the group at C speed
            rests = [_exact_lead(literal_regex(a[1:])) if a[1:2] else "" for a in alts]
            branches.append(f"{_exact_char(first)}(?:{'|'.join(rests)})")
            continue
        head = '["“”]' if first == '"' else re.escape(first)
        branches.append(f"(?={head})(?:{'|'.join(literal_regex(a) for a in alts)})")
    return "|".join(branches)


def _regex_structure(pattern: str, start: int = 0):
    """(index, char, depth) of a pattern's structural characters: escapes and [...] classes
    skipped; depth counts open groups after the character."""
    depth, escaped, in_class = 0, False, False
    for i in range(start, len(pattern)):
        ch = pattern[i]
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        else:
            depth += (ch == "(") - (ch == ")")
            yield i, ch, depth


def _top_level_alternatives(pattern: str, keep_empty: bool = False) -> list[str]:
    """Split 'a|b(c|d)' into ['a', 'b(c|d)'] so each alternative can be ordered on its own."""
    cuts = [i for i, ch, depth in _regex_structure(pattern) if ch == "|" and depth == 0]
    bounds = [-1, *cuts, len(pattern)]
    parts = [pattern[lo + 1:hi] for lo, hi in zip(bounds, bounds[1:], strict=False)]
    return [p for p in parts if p or keep_empty]


def _closing_paren(pattern: str, open_at: int) -> int:
    for i, ch, depth in _regex_structure(pattern, open_at):
        if ch == ")" and depth == 0:
            return i
    return -1


def _first_letters(alt: str) -> str:
    """The letters a match of `alt` can start with (sorted, lowercase), or '' when unknown."""
    if alt[:1].isalpha() and alt[1:2] not in ("?", "*", "{"):
        return alt[0].lower()
    if alt.startswith("(?:"):
        close = _closing_paren(alt, 0)
        if close > 0 and alt[close + 1:close + 2] not in ("?", "*", "{"):
            firsts = [_first_letters(a) for a in _top_level_alternatives(alt[3:close])]
            if all(firsts):
                return "".join(sorted(set("".join(firsts))))
    return ""


QUANTIFIERS = ("?", "*", "+", "{")


def _exact_char(ch: str) -> str:
    """One character as a case-exact class ('[tT]'): the regex engine skips an alternative
    that starts with a plain class at C speed, but tries an IGNORECASE literal in full."""
    if ch.lower() != ch.upper() and len(ch.upper()) == 1:
        return f"(?-i:[{re.escape(ch.lower())}{re.escape(ch.upper())}])"
    return re.escape(ch)


def _split_first_char(alt: str) -> list[tuple[str, str]] | None:
    """'kill(?:s|ed)?' -> [('k', 'ill(?:s|ed)?')]; '(?:fir|launch)ed' -> [('f', 'ired'),
    ('l', 'aunched')] (the same alternatives in the same order); None when the first character
    is not a plain letter."""
    if alt[:1].isalpha() and alt[1:2] not in QUANTIFIERS:
        return [(alt[0].lower(), alt[1:])]
    close = _closing_paren(alt, 0) if alt.startswith("(?") else -1
    if alt.startswith(("(?<!", "(?<=")) and close > 0:
        # a look-behind checked once the first character is consumed covers one more character
        split = _split_first_char(alt[close + 1:])
        behind = f"{alt[:4]}(?:{alt[4:close]}).)"
        return None if split is None else [(c, behind + rest) for c, rest in split]
    if (alt.startswith("(?:") and close > 0 and alt[close + 1:close + 2] == "?"
            and alt[close + 2:close + 3] not in ("?", "+")):
        # '(?:X)?Y' tries 'XY' first, then 'Y'
        with_group = _split_first_char(alt[:close + 1] + alt[close + 2:])
        without = _split_first_char(alt[close + 2:])
        return None if with_group is None or without is None else with_group + without
    if alt.startswith("(?:"):
        if close > 0 and alt[close + 1:close + 2] not in QUANTIFIERS:
            pieces = []
            for inner in _top_level_alternatives(alt[3:close], keep_empty=True):
                split = _split_first_char(inner) if inner else None
                if split is None:
                    return None
                pieces += [(c, rest + alt[close + 1:]) for c, rest in split]
            return pieces
    return None


def _exact_lead(rest: str) -> str:
    return _exact_char(rest[0]) + rest[1:] if (
        rest[:1].isalpha() and rest[1:2] not in QUANTIFIERS) else rest


def named_alternation(patterns) -> tuple[str, dict]:
    """(regex naming each alternative with an empty group at its end, group name -> payload).

    Python's regex takes the first alternative that matches at a position, so alternatives
    are tried longest source first: 'strike back' before 'striking', 'missile strike' before
    'strike'.
    """
    split = [(alt, payload) for pattern, payload in patterns
             for alt in _top_level_alternatives(pattern)]
    ordered = sorted(enumerate(split), key=lambda ip: (-len(ip[1][0]), ip[0]))
    # A trie of depth two with case-exact classes ('[sS](?:[tT]rike...|[hH]ell...)'): the
    # engine then rejects almost every alternative at a word start by one class test, several
    # times faster than trying each. An alternative starting with a group is distributed over
    # the group's alternatives, in order, so each letter keeps the global longest-first order;
    # those starting otherwise ('\d+ missiles') are tried first, as a whole. The empty group
    # at each alternative's end is the last one closed, so `match.lastgroup` names it.
    groups: dict[str, list[str]] = {}
    unsplit: list[str] = []
    rules = {}
    for n, (_, (pattern, payload)) in enumerate(ordered):
        pieces = _split_first_char(pattern)
        if pieces is None:
            unsplit.append(f"(?:{pattern})(?P<g{n}_>)")
            rules[f"g{n}_"] = payload
            continue
        for k, (letter, rest) in enumerate(pieces):
            name = f"g{n}{letter}{k}" if letter.isascii() else f"g{n}u{ord(letter)}k{k}"
            groups.setdefault(letter, []).append(f"{_exact_lead(rest)}(?P<{name}>)")
            rules[name] = payload
    parts = unsplit + [f"{_exact_char(c)}(?:{'|'.join(alts)})"
                       for c, alts in sorted(groups.items())]
    return "|".join(parts), rules


def _first_chars(alt: str) -> str | None:
    """A character class body for the first character of any match of `alt`, or None."""
    if alt.startswith("\\s"):
        return "\\s"
    if alt[:1] and not alt[:1].isalnum() and alt[:1] not in "\\()[]{}.^$|?*+" and alt[
            1:2] not in ("?", "*", "{"):
        return re.escape(alt[0])
    if alt.startswith("(?:"):
        close = _closing_paren(alt, 0)
        if close > 0 and alt[close + 1:close + 2] not in ("?", "*", "{"):
            firsts = [_first_chars(a) for a in _top_level_alternatives(alt[3:close], True)]
            return "".join(firsts) if all(firsts) else None
    return None


def guarded(pattern: str) -> str:
    """'(?=[;,\\s])(?:...)' when every match starts with one of a few punctuation or space
    characters: the engine then leaves every other position after one class test."""
    firsts = [_first_chars(a) for a in _top_level_alternatives(pattern, True)]
    return f"(?=[{''.join(firsts)}])(?:{pattern})" if all(firsts) else pattern


def regex_of(path, where, pattern: str, flags=re.IGNORECASE) -> re.Pattern:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise DataFileError(path, where, f"patterns do not compile together: {exc}") from None


def words_alternation(words) -> str:
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))
