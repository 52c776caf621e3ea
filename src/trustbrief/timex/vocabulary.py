"""data/time_expressions.yaml loaded, validated and compiled into one pattern per kind."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from trustbrief.knowledge import DataFileError, load_yaml, require_keys
from trustbrief.timex.resolve import (
    APPROX_CLASSES,
    KINDS,
    MONTH_PARTS,
    WEEKDAY_CODES,
    WEEKDAY_MODES,
    is_valid_spec,
)

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[3] / "data"


VOCABULARY_FILE = "time_expressions.yaml"


@dataclass(frozen=True)
class Vocabulary:
    """Compiled patterns (one per kind) and the lookup tables needed to build specs."""

    patterns: dict[str, re.Pattern]
    months: dict[str, int]
    weekdays: dict[str, str]
    modifiers: dict[str, str]
    month_cues: dict[str, str]
    seasons: dict[str, int]  # season name -> its first month (3, 6, 9, 12)
    season_cues: dict[str, str]
    numbers: dict[str, float]
    vague_numbers: dict[str, tuple[float, float]]
    units: dict[str, float]
    count_words: dict[str, int]
    approximators: dict[str, str]
    relative: dict[str, str]
    future_clause: re.Pattern
    future_lead: re.Pattern  # a future cue ending right before an expression ('set for ')
    trigger_pattern: re.Pattern  # finds trigger words: every match of a kind contains one
    trigger_kinds: dict[str, tuple[str, ...]]  # trigger word -> kinds it may start


WORD = re.compile(r"[^\W\d_]+")


DIGIT = re.compile(r"\d")


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def _minimal_substrings(words: Iterable[str]) -> frozenset[str]:
    """Drop words that contain another word of the set ('yesterday' contains 'day')."""
    words = {w for w in words if w}
    return frozenset(w for w in words if not any(o != w and o in w for o in words))


def phrase_key(phrase: str) -> str:
    return " ".join(phrase.lower().replace(".", "").split())


def _alternation(phrases: Iterable[str]) -> str:
    """One regex for a set of phrases, as a character trie: matching costs the length of the
    phrase, not the number of phrases. Longer phrases win ('late last night' over 'last
    night'); a space matches any run of whitespace."""
    trie: dict = {}
    for phrase in {" ".join(p.split()) for p in phrases if p and p.strip()}:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _render_trie(trie)


def _render_trie(node: dict) -> str:
    ends_here = "" in node
    branches = [(r"\s+" if char == " " else re.escape(char)) + _render_trie(child)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return f"(?:{body})?"
    return body


def _capitalized_forms(names: Iterable[str]) -> list[str]:
    forms = []
    for name in names:
        base = name.rstrip(".")
        forms += [base[:1].upper() + base[1:], base.upper()]
    return forms


def number_value(text: str, vocab_numbers: dict[str, float]) -> float | None:
    """'125', '1,200', 'fifty', 'twenty-five', 'a dozen' -> number."""
    key = phrase_key(text)
    if key in vocab_numbers:
        return vocab_numbers[key]
    digits = key.replace(",", "")
    try:
        return float(digits)
    except ValueError:
        pass
    parts = re.split(r"[-\s]+", key)
    if parts and all(p in vocab_numbers for p in parts):
        return float(sum(vocab_numbers[p] for p in parts))
    return None


def _validated_spec(path: Path, where: str, spec: str) -> str:
    if not is_valid_spec(spec):
        raise DataFileError(path, where, f"bad spec {spec!r} (see the grammar in timex.py)")
    return spec


def _str_list(path: Path, where: str, value) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(path, where, "expected a list of non-empty strings")
    return [v.strip() for v in value]


def _str_map(path: Path, where: str, value, allowed: Iterable[str] | None = None) -> dict:
    if not isinstance(value, dict):
        raise DataFileError(path, where, "expected a mapping")
    out = {}
    for k, v in value.items():
        if not isinstance(k, str) or not k.strip():
            raise DataFileError(path, f"{where}: {k!r}", "keys must be non-empty strings")
        v = "" if v is None else v
        if allowed is not None and v not in allowed:
            raise DataFileError(path, f"{where}: {k}",
                                f"{v!r} is not one of {', '.join(map(repr, allowed))}")
        out[k.strip()] = v
    return out


def _phrase_map(path: Path, where: str, value, allowed: Iterable[str]) -> dict[str, str]:
    """_str_map keyed by phrase_key ('This  past' -> 'this past')."""
    return {phrase_key(k): v for k, v in _str_map(path, where, value, allowed).items()}


def _num_map(path: Path, where: str, value, positive: bool = True) -> dict[str, float]:
    if not isinstance(value, dict):
        raise DataFileError(path, where, "expected a mapping")
    out = {}
    for k, v in value.items():
        if isinstance(v, bool) or not isinstance(v, (int, float)) or (positive and v <= 0):
            raise DataFileError(path, f"{where}: {k}", f"expected a positive number, got {v!r}")
        out[phrase_key(str(k))] = float(v)
    return out


SECTIONS = ("months", "weekdays", "weekday_modifiers", "future_cues", "future_clause_cues",
            "day_parts", "month_cues", "number_words", "article_numbers", "duration_leads",
            "ago_words", "lookahead_words", "vague_numbers", "units", "count_words",
            "count_nouns", "approximators", "relative")


def _months(path: Path, value) -> tuple[dict[str, int], list[str], list[str]]:
    """(name -> month number, every written form, the longest name of each month: the
    others are abbreviations)."""
    months: dict[str, int] = {}
    month_forms: list[str] = []
    full_months: list[str] = []
    if not isinstance(value, dict):
        raise DataFileError(path, "months", "expected a mapping month number -> names")
    for number, names in value.items():
        if not isinstance(number, int) or not 1 <= number <= 12:
            raise DataFileError(path, f"months: {number!r}", "month number must be 1..12")
        names = _str_list(path, f"months: {number}", names)
        for name in names:
            months[phrase_key(name)] = number
            month_forms.append(name)
        full_months.append(max(names, key=len))
    return months, month_forms, full_months


SEASON_STARTS = (3, 6, 9, 12)


def _seasons(path: Path, value) -> dict[str, int]:
    """season name -> the number of its first month (meteorological seasons)."""
    seasons: dict[str, int] = {}
    if not isinstance(value, dict):
        raise DataFileError(path, "seasons", "expected a mapping first month -> names")
    for number, names in value.items():
        if number not in SEASON_STARTS:
            raise DataFileError(path, f"seasons: {number!r}",
                                f"a season's first month is one of {SEASON_STARTS}")
        for name in _str_list(path, f"seasons: {number}", names):
            seasons[phrase_key(name)] = number
    return seasons


def _weekdays(path: Path, value) -> tuple[dict[str, str], list[str]]:
    weekdays: dict[str, str] = {}
    weekday_forms: list[str] = []
    for code, names in _str_map(path, "weekdays", value).items():
        if code not in WEEKDAY_CODES:
            raise DataFileError(path, f"weekdays: {code}", f"code must be one of {WEEKDAY_CODES}")
        for name in _str_list(path, f"weekdays: {code}", names):
            weekdays[phrase_key(name)] = code
            weekday_forms.append(name)
    return weekdays, weekday_forms


def _vague_numbers(path: Path, value) -> dict[str, tuple[float, float]]:
    vague: dict[str, tuple[float, float]] = {}
    for phrase, bounds in (value or {}).items():
        ok = (isinstance(bounds, list) and len(bounds) == 2
              and all(isinstance(b, (int, float)) and b > 0 for b in bounds)
              and bounds[0] <= bounds[1])
        if not ok:
            raise DataFileError(path, f"vague_numbers: {phrase}", "expected [low, high]")
        vague[phrase_key(str(phrase))] = (float(bounds[0]), float(bounds[1]))
    return vague


def _trigger_kinds(words_by_kind: dict[str, set[str]]) -> dict[str, tuple[str, ...]]:
    """word -> the kinds it may start: one search for all of them tells which kinds' patterns
    a sentence needs."""
    triggers = {kind: _minimal_substrings(words) for kind, words in words_by_kind.items()}
    return {word: tuple(k for k in KINDS if word in triggers[k])
            for word in set().union(*triggers.values())}


def load_vocabulary(data_dir: Path | str = DEFAULT_DATA_DIR) -> Vocabulary:
    """Read and validate data/time_expressions.yaml, compile one pattern per kind."""
    path = Path(data_dir) / VOCABULARY_FILE
    raw = require_keys(path, "top level", load_yaml(path), SECTIONS,
                       ["month_modifier_leads", "month_names_also_words", "seasons",
                        "season_cues"])

    months, month_forms, full_months = _months(path, raw["months"])
    weekdays, weekday_forms = _weekdays(path, raw["weekdays"])
    modifiers = _phrase_map(path, "weekday_modifiers", raw["weekday_modifiers"], WEEKDAY_MODES)
    month_cues = _phrase_map(path, "month_cues", raw["month_cues"], MONTH_PARTS)
    seasons = _seasons(path, raw.get("seasons") or {})
    season_cues = _phrase_map(path, "season_cues", raw.get("season_cues") or {}, MONTH_PARTS)
    numbers = _num_map(path, "number_words", raw["number_words"])
    articles = _num_map(path, "article_numbers", raw["article_numbers"])
    units = _num_map(path, "units", raw["units"])
    count_words = {k: int(v) for k, v in _num_map(path, "count_words",
                                                   raw["count_words"]).items()}
    approximators = _phrase_map(path, "approximators", raw["approximators"], APPROX_CLASSES)
    vague = _vague_numbers(path, raw["vague_numbers"])
    relative = {phrase_key(k): _validated_spec(path, f"relative: {k}", str(v).strip())
                for k, v in _str_map(path, "relative", raw["relative"]).items()}
    lists = {name: _str_list(path, name, raw[name])
             for name in ("future_cues", "future_clause_cues", "day_parts", "duration_leads",
                          "ago_words", "lookahead_words", "count_nouns")}
    for name in ("month_modifier_leads", "month_names_also_words"):
        lists[name] = _str_list(path, name, raw.get(name) or [])

    all_numbers = {**numbers, **articles}
    patterns = _compile_patterns(
        full_month_forms=full_months,
        abbreviations=[m for m in month_forms if m not in full_months],
        weekday_forms=weekday_forms, modifiers=modifiers, month_cues=month_cues,
        numbers=numbers, articles=articles, vague=vague, units=units,
        count_words=count_words, approximators=approximators, relative=relative,
        more_dates=[_month_modifier(full_months, lists.pop("month_modifier_leads"),
                                    lists.pop("month_names_also_words")),
                    _season_pattern(seasons, season_cues)],
        **{k: v for k, v in lists.items() if k != "future_clause_cues"})
    future_clause = re.compile(rf"(?i)(?<![\w'])(?:{_alternation(lists['future_clause_cues'])})"
                               r"(?!\w)")
    future_lead = re.compile(rf"(?i)(?<![\w'])(?:{_alternation(lists['future_cues'])})\s*$")
    unit_words = set(units) | {f"{u}s" for u in units}
    trigger_kinds = _trigger_kinds({
        "date": set(months) | set(seasons),
        "weekday": set(weekdays),
        "relative": {_words(p)[-1] for p in relative} | unit_words
                    | {phrase_key(w) for w in lists["ago_words"]},
        "duration": unit_words,
        "count": set(count_words) | {phrase_key(n) for n in lists["count_nouns"]},
    })
    return Vocabulary(patterns=patterns, months=months, weekdays=weekdays, modifiers=modifiers,
                      month_cues=month_cues, seasons=seasons, season_cues=season_cues,
                      numbers=all_numbers, vague_numbers=vague,
                      units=units, count_words=count_words, approximators=approximators,
                      relative=relative, future_clause=future_clause,
                      future_lead=future_lead,
                      trigger_pattern=re.compile(_alternation(trigger_kinds)),
                      trigger_kinds=trigger_kinds)


def _month_modifier(full_month_forms, leads, also_words) -> str:
    """The form of a month naming what a noun tells ('blamed X for February cyberattack',
    'the April letter'): after one of `leads`, before a lower-case word; never a month name
    that is also a word ('May'). One look-behind per lead: each is of fixed width."""
    months = _alternation(_capitalized_forms([m for m in full_month_forms
                                              if m not in set(also_words)]))
    if not leads or not months:
        return "(?P<mn>(?!)(?P<m5>))"
    after = "|".join(rf"(?<=\b(?i:{re.escape(w)}) )" for w in leads)
    return rf"(?P<mn>(?:{after})(?P<m5>{months})(?= [a-z]))"


def _cue_alternation(cues) -> str:
    """Words before a month or season name, longest first, each with the whitespace after it
    ('in late ', 'mid-' runs on)."""
    return "|".join(re.escape(c).replace(r"\ ", r"\s+") + ("" if c.endswith("-") else r"\s+")
                    for c in sorted(cues, key=lambda c: (-len(c), c)))


def _season_pattern(seasons: dict[str, int], cues: dict[str, str]) -> str:
    """A season with its year ('the autumn of 2024', 'winter 2024-25') or after a cue ('this
    spring', 'in early autumn'); never one before 'of' and no year ('the fall of Kabul')."""
    if not seasons:
        return "(?P<season>(?!)(?P<scue>)(?P<sn>)(?P<sy>)(?P<sy2>))"
    cue = rf"(?P<scue>(?i:{_cue_alternation(cues)}))" if cues else "(?P<scue>(?!))"
    return (rf"(?P<season>(?<!\w)(?<!(?i:the) )(?:{cue}|(?i:the)\s+)?"
            rf"(?P<sn>(?i:{_alternation(seasons)}))(?!\w)"
            r"(?:(?:\s+(?i:of))?,?\s+(?P<sy>(?:19|20)\d\d)(?:[-–/](?P<sy2>\d\d(?:\d\d)?))?"
            r"(?![\d-])|(?!\s+(?i:of)\b)))")


def _compile_patterns(*, full_month_forms, abbreviations, weekday_forms, modifiers, month_cues,
                      numbers, articles, vague, units, count_words, approximators, relative,
                      future_cues, day_parts, duration_leads, ago_words,
                      lookahead_words, count_nouns, more_dates) -> dict[str, re.Pattern]:
    mon = "|".join([_alternation(_capitalized_forms(full_month_forms)),
                    rf"(?:{_alternation(_capitalized_forms(abbreviations))})\.?"])
    mon_full = _alternation(_capitalized_forms(full_month_forms))
    wd = _alternation(_capitalized_forms(weekday_forms))
    year = r"(?:19|20)\d\d(?!\d)"
    day = r"[0-3]?\d(?:st|nd|rd|th)?(?![\w:])"
    # the last day of a span of days ('August 18-19, 2024', '18-19 August'): the date is
    # the first day, and the year after the span is still the date's
    span_end = rf"(?:\s?[-–]\s?{day})?"
    cues = _cue_alternation(month_cues)
    date = "|".join([
        r"(?P<iso>(?<![\d-])(?P<iy>\d{4})-(?P<im>\d\d)-(?P<id>\d\d)(?![\d-]))",
        rf"(?P<mdy>(?<!\w)(?:(?:{wd}),?\s+)?(?P<m1>{mon})\s+(?P<d1>{day}){span_end}"
        rf"(?:,?\s+(?P<y1>{year}))?)",
        rf"(?P<dmy>(?<![\w,.])(?:(?:{wd}),?\s+)?(?:(?i:the)\s+)?(?P<d2>{day}){span_end}\s+"
        rf"(?:(?i:of)\s+)?"
        rf"(?P<m2>{mon})(?!\w)(?:,?\s+(?P<y2>{year}))?)",
        rf"(?P<my>(?<!\w)(?P<m3>{mon}),?\s+(?P<y3>{year}))",
        rf"(?P<cm>(?<!\w)(?P<cue>(?i:{cues}))(?P<m4>{mon_full})(?!\w)(?:,?\s+(?P<y4>{year}))?)",
        *more_dates,
    ])
    mods = _alternation(modifiers)
    weekday = (rf"(?P<fut>(?<!\w)(?i:{_alternation(future_cues)})\s+)?"
               rf"(?P<expr>(?<!\w)(?:(?i:on)\s+)?(?:(?P<mod>(?i:{mods}))\s+)?(?P<wd>{wd})(?!\w)"
               rf"(?:\s+(?P<part>(?i:{_alternation(day_parts)}))(?!\w))?)")
    num = (r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|"
           rf"(?:{_alternation(numbers)})(?:[-\s]+(?:{_alternation(numbers)}))?)")
    art = _alternation(articles)
    unit = rf"(?:{_alternation(units)})s?"
    apx = rf"(?:(?P<apx>{_alternation(approximators)})\s+)?"
    lead = _alternation(duration_leads)
    vag = _alternation(vague)
    ago = _alternation(ago_words)
    rel = "|".join([
        rf"(?P<phrase>{_alternation(relative)})",
        rf"(?P<ago>(?P<agon>{num}|{art}|{vag})\s+(?P<agou>{unit})\s+(?:{ago}))",
        rf"(?P<ahead>(?:the\s+)?(?:{_alternation(lookahead_words)})\s+(?P<ahn>{num})\s+"
        rf"(?P<ahu>{unit}))",
    ])
    duration = "|".join([
        rf"{apx}(?P<n>{num})\s+(?P<u>{unit})",
        rf"(?P<lead>{lead})\s+(?P<an>{art})\s+(?P<u2>{unit})",
    ])
    count = (rf"{apx}(?:(?P<cn>{num})\s+(?:{_alternation(count_nouns)})|"
             rf"(?P<cw>{_alternation(count_words)}))")
    flags = re.IGNORECASE
    start = r"(?<!\w)(?=\w)"  # every expression starts a word: skip mid-word positions fast
    return {
        "date": re.compile(rf"{start}(?:{date})"),
        "weekday": re.compile(rf"{start}(?:{weekday})"),
        "relative": re.compile(rf"{start}(?:{rel})(?!\w)", flags),
        "duration": re.compile(rf"{start}(?:{duration})(?!\w)", flags),
        "count": re.compile(rf"{start}(?:{count})(?!\w)", flags),
    }


@functools.lru_cache(maxsize=4)
def default_vocabulary(data_dir: str = str(DEFAULT_DATA_DIR)) -> Vocabulary:
    return load_vocabulary(Path(data_dir))
