"""Finding time expressions in a sentence: leftmost-longest matches, each with its spec."""

from __future__ import annotations

import re
from dataclasses import dataclass

from trustbrief.timex.resolve import KINDS, is_valid_spec
from trustbrief.timex.vocabulary import (
    DIGIT,
    Vocabulary,
    default_vocabulary,
    number_value,
    phrase_key,
)


@dataclass(frozen=True)
class TimeExpr:
    start: int
    end: int
    text: str
    kind: str
    spec: str
    measure_days: float | None = None
    measure_approx: str = ""


def _fmt(value: float) -> str:
    return f"{value:g}"


def _unit_days(word: str, vocab: Vocabulary) -> float:
    key = phrase_key(word)
    return vocab.units.get(key, vocab.units.get(key[:-1], 1.0))


def _month_part(cue: str, vocab: Vocabulary) -> str:
    return vocab.month_cues.get(phrase_key(cue), "")


def _with_part(spec: str, part: str) -> str:
    return f"{spec}:{part}" if part else spec


def _date_spec(m: re.Match, vocab: Vocabulary) -> str | None:
    g = m.groupdict()
    if g["iso"]:
        spec = f"abs:{g['iy']}-{g['im']}-{g['id']}"
        return spec if is_valid_spec(spec) else None
    for kind, mk, dk, yk in (("mdy", "m1", "d1", "y1"), ("dmy", "m2", "d2", "y2")):
        if g[kind]:
            month = vocab.months[phrase_key(g[mk])]
            day = int(re.match(r"\d+", g[dk]).group())
            spec = (f"abs:{g[yk]}-{month:02d}-{day:02d}" if g[yk]
                    else f"md:{month:02d}-{day:02d}")
            return spec if is_valid_spec(spec) else None
    if g["my"]:
        return f"ym:{g['y3']}-{vocab.months[phrase_key(g['m3'])]:02d}"
    if g["mn"]:
        return f"m:{vocab.months[phrase_key(g['m5'])]:02d}"
    if g["season"]:
        return _season_spec(g, vocab)
    month = vocab.months[phrase_key(g["m4"])]
    part = _month_part(g["cue"], vocab)
    if g["y4"]:  # the year says which month: 'last December 2024' is December 2024
        return _with_part(f"ym:{g['y4']}-{month:02d}", "" if part in ("last", "next") else part)
    return _with_part(f"m:{month:02d}", part)


def _season_spec(g: dict, vocab: Vocabulary) -> str | None:
    """'the autumn of 2024' -> ys:2024-09; 'winter 2024-25' -> ys:2024-12; 'last summer' ->
    s:06:last; a season with neither year nor cue, or a winter of one year alone, -> None."""
    first = vocab.seasons[phrase_key(g["sn"])]
    part = vocab.season_cues.get(phrase_key(g["scue"] or ""), "")
    if not g["sy"]:
        return _with_part(f"s:{first:02d}", part) if g["scue"] else None
    year, second = int(g["sy"]), g["sy2"]
    if second and int(second) % 100 != (year + 1) % 100:
        return None  # 'summer 2024-25', 'winter 2024-2026': not one season
    if first == 12 and not second:
        return None  # 'winter 2024': Dec 2023 - Feb 2024 or Dec 2024 - Feb 2025
    if second and first != 12:
        return None
    return _with_part(f"ys:{year}-{first:02d}", "" if part in ("last", "next") else part)


def _weekday_mode(text: str, m: re.Match, vocab: Vocabulary) -> str:
    if m.group("mod"):
        return vocab.modifiers[phrase_key(m.group("mod"))]
    if m.group("fut"):
        return "fut"
    # A present/future auxiliary earlier in the same clause ('will meet on Friday').
    start = m.start("expr")
    clause = re.split(r"[,;:()\"“”]", text[max(0, start - 80):start])[-1]
    return "fut" if vocab.future_clause.search(clause) else "past"


def _weekday_spec(text: str, m: re.Match, vocab: Vocabulary) -> str:
    spec = f"weekday:{_weekday_mode(text, m, vocab)}:{vocab.weekdays[phrase_key(m.group('wd'))]}"
    return _with_part(spec, phrase_key(m.group("part") or ""))


def _number(text: str, vocab: Vocabulary) -> float | None:
    key = phrase_key(text)
    if key in vocab.vague_numbers:
        low, high = vocab.vague_numbers[key]
        return (low + high) / 2
    return number_value(text, vocab.numbers)


def _relative_spec(m: re.Match, vocab: Vocabulary) -> str | None:
    g = m.groupdict()
    if g["phrase"]:
        return vocab.relative.get(phrase_key(g["phrase"]))
    if g["ago"]:
        unit = _unit_days(g["agou"], vocab)
        key = phrase_key(g["agon"])
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
    return vocab.approximators.get(phrase_key(word or ""), "")


def _duration(m: re.Match, vocab: Vocabulary) -> tuple[str, float, str] | None:
    g = m.groupdict()
    if g["n"]:
        n, unit, approx = _number(g["n"], vocab), g["u"], _approx(g["apx"], vocab)
    else:
        n, unit, approx = vocab.numbers.get(phrase_key(g["an"])), g["u2"], _approx(g["lead"], vocab)
    if n is None:
        return None
    days = round(n * _unit_days(unit, vocab), 4)
    return _with_part(f"dur:{_fmt(days)}", approx), days, approx


def _count(m: re.Match, vocab: Vocabulary) -> tuple[str, str] | None:
    g = m.groupdict()
    n = _number(g["cn"], vocab) if g["cn"] else vocab.count_words.get(phrase_key(g["cw"]))
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
