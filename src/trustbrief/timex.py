"""Time expressions: find them in sentences, describe them anchor-free, resolve them to dates.

Finding is plain `re`: the vocabulary in data/time_expressions.yaml is compiled into one big
alternation per kind (date, weekday, relative, duration, count); overlapping matches are
settled leftmost-longest. Each match gets a compact *spec* that does not depend on the
publication date, so the same expression can be resolved against any anchor (dating.py tries
many candidate anchors). Spec grammar:

    abs:YYYY-MM-DD            calendar day                       ('September 29, 2024')
    md:MM-DD                  day without year -> year nearest the anchor ('Sept. 28')
    ym:YYYY-MM[:part]         month (part: early|mid|late)       ('late September 2024')
    m:MM[:part]               month without year                 ('in July')
    weekday:MODE:DDD[:dpart]  MODE past (on/before anchor) | last (strictly before) |
                              next (strictly after) | fut (on/after) | this (anchor's week)
    reld:N                    anchor + N days                    ('yesterday' = reld:-1)
    relw:N[:part]             Mon-Sun week N weeks from the anchor's (part: before|after|
                              early|late|weekend)
    relm:N[:part]             month N months from the anchor's (part: before|after|early|mid|
                              late)
    rely:N[:part]             year N years from the anchor's
    rng:A:B                   days anchor+A .. anchor+B          ('in the coming days')
    dur:DAYS[:approx]         a duration, never a date           ('nearly 50 days')
    count:N[:approx]          a count, never a date              ('over 125 times')
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from trustbrief import contract
from trustbrief.knowledge import DataFileError, load_yaml, require_keys
from trustbrief.tables import frame_records

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"
VOCABULARY_FILE = "time_expressions.yaml"

WEEKDAY_CODES = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")
WEEKDAY_MODES = ("past", "last", "next", "fut", "this")
APPROX_CLASSES = ("about", "under", "over")
MEASURE_KINDS = ("duration", "count")
KINDS = ("date", "weekday", "relative", "duration", "count")

# Column descriptions from the contract: the columns found in the text, then the resolved ones.
SCHEMA = contract.descriptions("time_expressions")
_COLUMNS = SCHEMA["time_expressions"]
_FIRST_RESOLVED = list(_COLUMNS).index("date")
BASE_COLUMNS = dict(list(_COLUMNS.items())[:_FIRST_RESOLVED])
RESOLVED_COLUMNS = dict(list(_COLUMNS.items())[_FIRST_RESOLVED:])


@dataclass(frozen=True)
class TimeExpr:
    start: int
    end: int
    text: str
    kind: str
    spec: str
    measure_days: float | None = None
    measure_approx: str = ""


@dataclass(frozen=True)
class Resolved:
    date: dt.date | None
    earliest: dt.date | None
    latest: dt.date | None
    precision: str
    basis: str


UNRESOLVED = Resolved(None, None, None, "unknown", "unresolved")


# ---------------------------------------------------------------- vocabulary -> patterns

@dataclass(frozen=True)
class Vocabulary:
    """Compiled patterns (one per kind) and the lookup tables needed to build specs."""

    patterns: dict[str, re.Pattern]
    months: dict[str, int]
    weekdays: dict[str, str]
    modifiers: dict[str, str]
    month_cues: dict[str, str]
    numbers: dict[str, float]
    vague_numbers: dict[str, tuple[float, float]]
    units: dict[str, float]
    count_words: dict[str, int]
    approximators: dict[str, str]
    relative: dict[str, str]
    future_clause: re.Pattern
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


def _key(phrase: str) -> str:
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


def _number_value(text: str, vocab_numbers: dict[str, float]) -> float | None:
    """'125', '1,200', 'fifty', 'twenty-five', 'a dozen' -> number."""
    key = _key(text)
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


def _num_map(path: Path, where: str, value, positive: bool = True) -> dict[str, float]:
    if not isinstance(value, dict):
        raise DataFileError(path, where, "expected a mapping")
    out = {}
    for k, v in value.items():
        if isinstance(v, bool) or not isinstance(v, (int, float)) or (positive and v <= 0):
            raise DataFileError(path, f"{where}: {k}", f"expected a positive number, got {v!r}")
        out[_key(str(k))] = float(v)
    return out


SECTIONS = ("months", "weekdays", "weekday_modifiers", "future_cues", "future_clause_cues",
            "day_parts", "month_cues", "number_words", "article_numbers", "duration_leads",
            "ago_words", "lookahead_words", "vague_numbers", "units", "count_words",
            "count_nouns", "approximators", "relative")


def load_vocabulary(data_dir: Path | str = DEFAULT_DATA_DIR) -> Vocabulary:
    """Read and validate data/time_expressions.yaml, compile one pattern per kind."""
    path = Path(data_dir) / VOCABULARY_FILE
    raw = require_keys(path, "top level", load_yaml(path), SECTIONS)

    months: dict[str, int] = {}
    month_forms: list[str] = []
    full_months: list[str] = []  # the longest name of each month; the others are abbreviations
    if not isinstance(raw["months"], dict):
        raise DataFileError(path, "months", "expected a mapping month number -> names")
    for number, names in raw["months"].items():
        if not isinstance(number, int) or not 1 <= number <= 12:
            raise DataFileError(path, f"months: {number!r}", "month number must be 1..12")
        names = _str_list(path, f"months: {number}", names)
        for name in names:
            months[_key(name)] = number
            month_forms.append(name)
        full_months.append(max(names, key=len))
    weekdays: dict[str, str] = {}
    weekday_forms: list[str] = []
    for code, names in _str_map(path, "weekdays", raw["weekdays"]).items():
        if code not in WEEKDAY_CODES:
            raise DataFileError(path, f"weekdays: {code}", f"code must be one of {WEEKDAY_CODES}")
        for name in _str_list(path, f"weekdays: {code}", names):
            weekdays[_key(name)] = code
            weekday_forms.append(name)
    modifiers = {_key(k): v for k, v in _str_map(path, "weekday_modifiers",
                                                  raw["weekday_modifiers"],
                                                  WEEKDAY_MODES).items()}
    month_cues = {_key(k): v for k, v in _str_map(path, "month_cues", raw["month_cues"],
                                                   ("", "early", "mid", "late")).items()}
    numbers = _num_map(path, "number_words", raw["number_words"])
    articles = _num_map(path, "article_numbers", raw["article_numbers"])
    units = _num_map(path, "units", raw["units"])
    count_words = {k: int(v) for k, v in _num_map(path, "count_words",
                                                   raw["count_words"]).items()}
    approximators = {_key(k): v for k, v in _str_map(path, "approximators",
                                                      raw["approximators"],
                                                      APPROX_CLASSES).items()}
    vague: dict[str, tuple[float, float]] = {}
    for phrase, bounds in (raw["vague_numbers"] or {}).items():
        ok = (isinstance(bounds, list) and len(bounds) == 2
              and all(isinstance(b, (int, float)) and b > 0 for b in bounds)
              and bounds[0] <= bounds[1])
        if not ok:
            raise DataFileError(path, f"vague_numbers: {phrase}", "expected [low, high]")
        vague[_key(str(phrase))] = (float(bounds[0]), float(bounds[1]))
    relative = {_key(k): _validated_spec(path, f"relative: {k}", str(v).strip())
                for k, v in _str_map(path, "relative", raw["relative"]).items()}
    lists = {name: _str_list(path, name, raw[name])
             for name in ("future_cues", "future_clause_cues", "day_parts", "duration_leads",
                          "ago_words", "lookahead_words", "count_nouns")}

    all_numbers = {**numbers, **articles}
    patterns = _compile_patterns(
        full_month_forms=full_months,
        abbreviations=[m for m in month_forms if m not in full_months],
        weekday_forms=weekday_forms, modifiers=modifiers, month_cues=month_cues,
        numbers=numbers, articles=articles, vague=vague, units=units,
        count_words=count_words, approximators=approximators, relative=relative, **lists)
    future_clause = re.compile(rf"(?i)(?<![\w'])(?:{_alternation(lists['future_clause_cues'])})"
                               r"(?!\w)")
    unit_words = set(units) | {f"{u}s" for u in units}
    triggers = {kind: _minimal_substrings(words) for kind, words in {
        "date": set(months),
        "weekday": set(weekdays),
        "relative": {_words(p)[-1] for p in relative} | unit_words
                    | {_key(w) for w in lists["ago_words"]},
        "duration": unit_words,
        "count": set(count_words) | {_key(n) for n in lists["count_nouns"]},
    }.items()}
    trigger_kinds = {word: tuple(k for k in KINDS if word in triggers[k])
                     for word in set().union(*triggers.values())}
    return Vocabulary(patterns=patterns, months=months, weekdays=weekdays, modifiers=modifiers,
                      month_cues=month_cues, numbers=all_numbers, vague_numbers=vague,
                      units=units, count_words=count_words, approximators=approximators,
                      relative=relative, future_clause=future_clause,
                      trigger_pattern=re.compile(_alternation(trigger_kinds)),
                      trigger_kinds=trigger_kinds)


def _compile_patterns(*, full_month_forms, abbreviations, weekday_forms, modifiers, month_cues,
                      numbers, articles, vague, units, count_words, approximators, relative,
                      future_cues, future_clause_cues, day_parts, duration_leads, ago_words,
                      lookahead_words, count_nouns) -> dict[str, re.Pattern]:
    del future_clause_cues  # used by the clause check, not by the patterns
    mon = "|".join([_alternation(_capitalized_forms(full_month_forms)),
                    rf"(?:{_alternation(_capitalized_forms(abbreviations))})\.?"])
    mon_full = _alternation(_capitalized_forms(full_month_forms))
    wd = _alternation(_capitalized_forms(weekday_forms))
    year = r"(?:19|20)\d\d(?!\d)"
    day = r"[0-3]?\d(?:st|nd|rd|th)?(?![\w:])"
    cues = "|".join(
        re.escape(c).replace(r"\ ", r"\s+") + ("" if c.endswith("-") else r"\s+")
        for c in sorted(month_cues, key=lambda c: (-len(c), c)))
    date = "|".join([
        r"(?P<iso>(?<![\d-])(?P<iy>\d{4})-(?P<im>\d\d)-(?P<id>\d\d)(?![\d-]))",
        rf"(?P<mdy>(?<!\w)(?:(?:{wd}),?\s+)?(?P<m1>{mon})\s+(?P<d1>{day})"
        rf"(?:,?\s+(?P<y1>{year}))?)",
        rf"(?P<dmy>(?<![\w,.])(?:(?:{wd}),?\s+)?(?:(?i:the)\s+)?(?P<d2>{day})\s+(?:(?i:of)\s+)?"
        rf"(?P<m2>{mon})(?!\w)(?:,?\s+(?P<y2>{year}))?)",
        rf"(?P<my>(?<!\w)(?P<m3>{mon}),?\s+(?P<y3>{year}))",
        rf"(?P<cm>(?<!\w)(?P<cue>(?i:{cues}))(?P<m4>{mon_full})(?!\w)(?:,?\s+(?P<y4>{year}))?)",
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


# ---------------------------------------------------------------- finding

def _fmt(value: float) -> str:
    return f"{value:g}"


def _unit_days(word: str, vocab: Vocabulary) -> float:
    key = _key(word)
    return vocab.units.get(key, vocab.units.get(key[:-1], 1.0))


def _month_part(cue: str, vocab: Vocabulary) -> str:
    return vocab.month_cues.get(_key(cue), "")


def _with_part(spec: str, part: str) -> str:
    return f"{spec}:{part}" if part else spec


def _date_spec(m: re.Match, vocab: Vocabulary) -> str | None:
    g = m.groupdict()
    if g["iso"]:
        spec = f"abs:{g['iy']}-{g['im']}-{g['id']}"
        return spec if is_valid_spec(spec) else None
    for kind, mk, dk, yk in (("mdy", "m1", "d1", "y1"), ("dmy", "m2", "d2", "y2")):
        if g[kind]:
            month = vocab.months[_key(g[mk])]
            day = int(re.match(r"\d+", g[dk]).group())
            spec = (f"abs:{g[yk]}-{month:02d}-{day:02d}" if g[yk]
                    else f"md:{month:02d}-{day:02d}")
            return spec if is_valid_spec(spec) else None
    if g["my"]:
        return f"ym:{g['y3']}-{vocab.months[_key(g['m3'])]:02d}"
    month = vocab.months[_key(g["m4"])]
    part = _month_part(g["cue"], vocab)
    spec = f"ym:{g['y4']}-{month:02d}" if g["y4"] else f"m:{month:02d}"
    return _with_part(spec, part)


def _weekday_mode(text: str, m: re.Match, vocab: Vocabulary) -> str:
    if m.group("mod"):
        return vocab.modifiers[_key(m.group("mod"))]
    if m.group("fut"):
        return "fut"
    # A present/future auxiliary earlier in the same clause ('will meet on Friday').
    start = m.start("expr")
    clause = re.split(r"[,;:()\"“”]", text[max(0, start - 80):start])[-1]
    return "fut" if vocab.future_clause.search(clause) else "past"


def _weekday_spec(text: str, m: re.Match, vocab: Vocabulary) -> str:
    spec = f"weekday:{_weekday_mode(text, m, vocab)}:{vocab.weekdays[_key(m.group('wd'))]}"
    return _with_part(spec, _key(m.group("part") or ""))


def _number(text: str, vocab: Vocabulary) -> float | None:
    key = _key(text)
    if key in vocab.vague_numbers:
        low, high = vocab.vague_numbers[key]
        return (low + high) / 2
    return _number_value(text, vocab.numbers)


def _relative_spec(m: re.Match, vocab: Vocabulary) -> str | None:
    g = m.groupdict()
    if g["phrase"]:
        return vocab.relative.get(_key(g["phrase"]))
    if g["ago"]:
        unit = _unit_days(g["agou"], vocab)
        key = _key(g["agon"])
        if key in vocab.vague_numbers:
            low, high = vocab.vague_numbers[key]
            return f"rng:{-round(high * unit)}:{-round(low * unit)}"
        n = _number(g["agon"], vocab)
        if n is None:
            return None
        days = round(n * unit)
        if unit < 7:  # hours/days ago: a day
            return f"reld:{-days}"
        half = int(unit // 2)  # 'three weeks ago' is roughly, not exactly, 21 days
        return f"rng:{-(days + half)}:{-(days - half)}"
    n = _number(g["ahn"], vocab)
    if n is None:
        return None
    return f"rng:1:{max(1, round(n * _unit_days(g['ahu'], vocab)))}"


def _approx(word: str | None, vocab: Vocabulary) -> str:
    return vocab.approximators.get(_key(word or ""), "")


def _duration(m: re.Match, vocab: Vocabulary) -> tuple[str, float, str] | None:
    g = m.groupdict()
    if g["n"]:
        n, unit, approx = _number(g["n"], vocab), g["u"], _approx(g["apx"], vocab)
    else:
        n, unit, approx = vocab.numbers.get(_key(g["an"])), g["u2"], _approx(g["lead"], vocab)
    if n is None:
        return None
    days = round(n * _unit_days(unit, vocab), 4)
    return _with_part(f"dur:{_fmt(days)}", approx), days, approx


def _count(m: re.Match, vocab: Vocabulary) -> tuple[str, str] | None:
    g = m.groupdict()
    n = _number(g["cn"], vocab) if g["cn"] else vocab.count_words.get(_key(g["cw"]))
    if n is None:
        return None
    approx = _approx(g["apx"], vocab)
    return _with_part(f"count:{_fmt(n)}", approx), approx


def _kinds_present(text: str, vocab: Vocabulary) -> list[str]:
    """Kinds whose trigger words occur in the text: one cheap scan that spares most sentences
    most of the regex scans (every match of a kind contains one of its trigger words)."""
    present = {kind for word in set(vocab.trigger_pattern.findall(text.lower()))
               for kind in vocab.trigger_kinds[word]}
    if DIGIT.search(text):
        present.add("date")
    return [kind for kind in KINDS if kind in present]


def _candidates(text: str, vocab: Vocabulary) -> list[TimeExpr]:
    found: list[TimeExpr] = []
    for kind in _kinds_present(text, vocab):
        pattern = vocab.patterns[kind]
        for m in pattern.finditer(text):
            start, end = m.span("expr") if kind == "weekday" else m.span()
            measure, approx = None, ""
            if kind == "date":
                spec = _date_spec(m, vocab)
            elif kind == "weekday":
                spec = _weekday_spec(text, m, vocab)
            elif kind == "relative":
                spec = _relative_spec(m, vocab)
            elif kind == "duration":
                got = _duration(m, vocab)
                spec, measure, approx = got if got else (None, None, "")
            else:
                got = _count(m, vocab)
                spec, approx = got if got else (None, "")
            if spec:
                found.append(TimeExpr(start, end, text[start:end], kind, spec, measure, approx))
    return found


def find_time_expressions(text: str, vocab: Vocabulary | None = None) -> list[TimeExpr]:
    """All time expressions in `text`, left to right, without overlaps (longest wins)."""
    if not isinstance(text, str) or not text:
        return []
    vocab = vocab or default_vocabulary()
    ranked = sorted(_candidates(text, vocab),
                    key=lambda t: (t.start, t.start - t.end, KINDS.index(t.kind)))
    chosen: list[TimeExpr] = []
    for expr in ranked:
        if not chosen or expr.start >= chosen[-1].end:
            chosen.append(expr)
        elif expr.end - expr.start > chosen[-1].end - chosen[-1].start and \
                (len(chosen) < 2 or expr.start >= chosen[-2].end):
            chosen[-1] = expr  # a longer expression starting inside the previous one
    return chosen


# ---------------------------------------------------------------- resolving

SPEC_PATTERN = re.compile(
    r"^(?:abs:\d{4}-\d\d-\d\d|md:\d\d-\d\d|ym:\d{4}-\d\d(?::(?:early|mid|late))?"
    r"|m:\d\d(?::(?:early|mid|late))?"
    r"|weekday:(?:past|last|next|fut|this):(?:MON|TUE|WED|THU|FRI|SAT|SUN)(?::[a-z]+)?"
    r"|reld:-?\d+|relw:-?\d+(?::(?:before|after|early|late|weekend))?"
    r"|relm:-?\d+(?::(?:before|after|early|mid|late))?"
    r"|rely:-?\d+(?::(?:before|after|early|mid|late))?"
    r"|rng:-?\d+:-?\d+|dur:\d+(?:\.\d+)?(?::(?:about|under|over))?"
    r"|count:\d+(?:\.\d+)?(?::(?:about|under|over))?)$")


def is_valid_spec(spec: str) -> bool:
    if not isinstance(spec, str) or not SPEC_PATTERN.match(spec):
        return False
    if spec.startswith("rng:"):
        a, b = map(int, spec.split(":")[1:3])
        return a <= b
    return True


def _ranged(earliest: dt.date, latest: dt.date, precision: str, basis: str) -> Resolved:
    mid = earliest + (latest - earliest) // 2
    if earliest == latest:
        precision = "day"
    return Resolved(mid, earliest, latest, precision, basis)


def _month_range(year: int, month: int, part: str, anchor: dt.date | None) -> tuple:
    last = calendar.monthrange(year, month)[1]
    first, end = dt.date(year, month, 1), dt.date(year, month, last)
    bounds = {"early": (1, 10), "mid": (11, 20), "late": (21, last)}
    if part in bounds:
        lo, hi = bounds[part]
        return dt.date(year, month, lo), dt.date(year, month, hi), "range"
    if part == "before" and anchor is not None:
        return first, max(first, min(end, anchor - dt.timedelta(days=1))), "range"
    if part == "after" and anchor is not None:
        return min(end, max(first, anchor + dt.timedelta(days=1))), end, "range"
    return first, end, "month"


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def _nearest_year_month(month: int, anchor: dt.date) -> int:
    """Year putting mid-month nearest the anchor ('in July' read in October -> this July)."""
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    return min(years, key=lambda y: (abs((dt.date(y, month, 15) - anchor).days), -y))


def _nearest_month_day(month: int, day: int, anchor: dt.date) -> dt.date | None:
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not options:
        return None
    # Nearest the anchor; on a tie, the past one (news reports what happened).
    return min(options, key=lambda d: (abs((d - anchor).days), d > anchor))


def _weekday_date(mode: str, code: str, anchor: dt.date) -> dt.date:
    target = WEEKDAY_CODES.index(code)
    back = (anchor.weekday() - target) % 7
    ahead = (target - anchor.weekday()) % 7
    if mode == "past":
        return anchor - dt.timedelta(days=back)
    if mode == "last":
        return anchor - dt.timedelta(days=back or 7)
    if mode == "next":
        return anchor + dt.timedelta(days=ahead or 7)
    if mode == "fut":
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=target)  # this


def _week_range(n: int, part: str, anchor: dt.date) -> tuple[dt.date, dt.date, str]:
    monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=n)
    sunday = monday + dt.timedelta(days=6)
    one = dt.timedelta(days=1)
    if part == "before":
        return monday, max(monday, min(sunday, anchor - one)), "range"
    if part == "after":
        return min(sunday, max(monday, anchor + one)), sunday, "range"
    if part == "early":
        return monday, monday + 2 * one, "range"
    if part == "late":
        return monday + 3 * one, sunday, "range"
    if part == "weekend":
        return monday + 5 * one, sunday, "range"
    return monday, sunday, "week"


def _year_range(year: int, part: str, anchor: dt.date) -> tuple[dt.date, dt.date]:
    first, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    one = dt.timedelta(days=1)
    parts = {"early": (first, dt.date(year, 4, 30)), "mid": (dt.date(year, 5, 1),
                                                            dt.date(year, 8, 31)),
             "late": (dt.date(year, 9, 1), end),
             "before": (first, max(first, min(end, anchor - one))),
             "after": (min(end, max(first, anchor + one)), end)}
    return parts.get(part, (first, end))


def _resolve(spec: str, anchor: dt.date | None) -> Resolved:
    head, *rest = spec.split(":")
    part = rest[-1] if rest and not re.fullmatch(r"-?\d+|\d\d-\d\d|\d{4}-\d\d", rest[-1]) else ""
    if head == "abs":
        day = dt.date.fromisoformat(rest[0])
        return Resolved(day, day, day, "day", "explicit")
    if head == "ym":
        year, month = map(int, rest[0].split("-"))
        return _ranged(*_month_range(year, month, part, anchor), "explicit")
    if head in ("dur", "count") or anchor is None:
        return UNRESOLVED
    if head == "md":
        month, day_of_month = map(int, rest[0].split("-"))
        day = _nearest_month_day(month, day_of_month, anchor)
        return Resolved(day, day, day, "day", "explicit") if day else UNRESOLVED
    if head == "m":
        month = int(rest[0])
        return _ranged(*_month_range(_nearest_year_month(month, anchor), month, part, anchor),
                       "explicit")
    if head == "weekday":
        day = _weekday_date(rest[0], rest[1], anchor)
        return Resolved(day, day, day, "day", "relative")
    if head == "reld":
        day = anchor + dt.timedelta(days=int(rest[0]))
        return Resolved(day, day, day, "day", "relative")
    if head == "relw":
        return _ranged(*_week_range(int(rest[0]), part, anchor), "relative")
    if head == "relm":
        year, month = _shift_month(anchor.year, anchor.month, int(rest[0]))
        return _ranged(*_month_range(year, month, part, anchor), "relative")
    if head == "rely":
        return _ranged(*_year_range(anchor.year + int(rest[0]), part, anchor), "range",
                       "relative")
    if head == "rng":
        a, b = int(rest[0]), int(rest[1])
        return _ranged(anchor + dt.timedelta(days=a), anchor + dt.timedelta(days=b), "range",
                       "relative")
    return UNRESOLVED


def resolve_spec(spec: str, anchor: dt.date | None) -> Resolved:
    """Normalize an anchor-free spec against a publication date; never raises."""
    if not isinstance(spec, str):
        return UNRESOLVED
    if anchor is not None and not isinstance(anchor, dt.date):
        return UNRESOLVED
    return _resolve_cached(spec, anchor)


@functools.lru_cache(maxsize=1 << 16, typed=True)
def _resolve_cached(spec: str, anchor: dt.date | None) -> Resolved:
    """Dating tries the same few specs against every candidate day of every document: the
    answers (immutable) are kept instead of recomputed."""
    if not is_valid_spec(spec):
        return UNRESOLVED
    try:
        return _resolve(spec, anchor)
    except (ValueError, OverflowError, IndexError):
        return UNRESOLVED


def is_measure(spec: str) -> bool:
    return isinstance(spec, str) and spec.startswith(("dur:", "count:"))


def is_anchor_relative(spec: str) -> bool:
    """Specs whose date depends on the publication date (yearless dates excluded)."""
    return isinstance(spec, str) and spec.startswith(
        ("weekday:", "reld:", "relw:", "relm:", "rely:", "rng:"))


# ---------------------------------------------------------------- tables

def extract_time_expressions(sentences: pd.DataFrame,
                             vocab: Vocabulary | None = None) -> pd.DataFrame:
    """One row per time expression in each sentence (start/end within the sentence text)."""
    records = sentences[["doc_id", "sent_id", "text"]].itertuples(index=False, name=None)
    return time_expression_frame(time_expression_rows(records, vocab))


def time_expression_rows(records, vocab: Vocabulary | None = None) -> list[dict]:
    """The rows of extract_time_expressions for (doc_id, sent_id, text) records: the
    per-document part, which extraction runs in its workers."""
    vocab = vocab or default_vocabulary()
    rows = []
    for doc_id, sent_id, text in records:
        for n, expr in enumerate(find_time_expressions(text, vocab), start=1):
            rows.append({
                "time_id": f"{sent_id}-t{n}", "doc_id": doc_id, "sent_id": sent_id,
                "start": expr.start, "end": expr.end, "text": expr.text, "kind": expr.kind,
                "spec": expr.spec,
                "measure_days": expr.measure_days if expr.kind == "duration" else float("nan"),
                "measure_approx": expr.measure_approx,
            })
    return rows


def time_expression_frame(rows: list[dict]) -> pd.DataFrame:
    """Rows of time_expression_rows (any number of documents) as the time_expressions table."""
    frame = pd.DataFrame(rows, columns=list(BASE_COLUMNS))
    frame["start"] = frame["start"].astype(int)
    frame["end"] = frame["end"].astype(int)
    frame["measure_days"] = frame["measure_days"].astype(float)
    return frame.sort_values(["doc_id", "sent_id", "start"], kind="stable").reset_index(drop=True)


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _parse(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def resolve_with_range(spec: str, published: dt.date | None, earliest: dt.date | None,
                       latest: dt.date | None) -> Resolved:
    """Resolve against a publication date known only within [earliest, latest]:
    the best date comes from `published`, the bounds cover every possible anchor."""
    best = resolve_spec(spec, published)
    if best.date is None:
        return best
    ends = [r for r in (resolve_spec(spec, earliest or published),
                        resolve_spec(spec, latest or published)) if r.date is not None]
    low = min([best.earliest] + [r.earliest for r in ends])
    high = max([best.latest] + [r.latest for r in ends])
    if (low, high) == (best.earliest, best.latest):
        return best
    return Resolved(best.date, low, high, "range", best.basis)


def resolve_time_expressions(time_expressions: pd.DataFrame,
                             documents: pd.DataFrame) -> pd.DataFrame:
    """Add date, date_earliest, date_latest, precision, basis using each document's date."""
    anchors = {
        row["doc_id"]: (_parse(row.get("published")), _parse(row.get("published_earliest")),
                        _parse(row.get("published_latest")), row.get("published_basis", ""))
        for row in frame_records(documents)}
    out = time_expressions[list(BASE_COLUMNS)].copy()
    resolved = []
    for doc_id, spec in out[["doc_id", "spec"]].itertuples(index=False, name=None):
        published, earliest, latest, doc_basis = anchors.get(doc_id, (None, None, None, ""))
        r = resolve_with_range(spec, published, earliest, latest)
        basis = r.basis
        if basis == "relative" and doc_basis == "inferred":
            basis = "relative-inferred"
        resolved.append((_iso(r.date), _iso(r.earliest), _iso(r.latest), r.precision, basis))
    for i, column in enumerate(RESOLVED_COLUMNS):
        out[column] = [r[i] for r in resolved] if resolved else pd.Series(dtype=str)
    return out
