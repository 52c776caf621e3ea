"""Time expressions: find them in sentences, describe them anchor-free, resolve them to dates.

Finding is plain `re`: the vocabulary in data/time_expressions.yaml is compiled into one big
alternation per kind (date, weekday, relative, duration, count); overlapping matches are
settled leftmost-longest. Each match gets a compact *spec* that does not depend on the
publication date, so the same expression can be resolved against any anchor
(trustbrief.dating tries many candidate anchors). Spec grammar:

    abs:YYYY-MM-DD            calendar day                       ('September 29, 2024')
    md:MM-DD                  day without year -> year nearest the anchor ('Sept. 28')
    ym:YYYY-MM[:part]         month (part: early|mid|late)       ('late September 2024')
    m:MM[:part]               month without year                 ('in July')
    ys:YYYY-MM[:part]         season of three months starting in month MM (03 spring, 06
                              summer, 09 autumn, 12 winter, across the year boundary; part:
                              early|mid|late = its 1st|2nd|3rd month)  ('the autumn of 2024')
    s:MM[:part]               season without year (part also last|next)  ('last summer')
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

Modules: vocabulary (data/time_expressions.yaml -> patterns), find (sentence -> expressions
with specs), resolve (spec + anchor -> dates), frames (the time_expressions table), gatherings
(a summit its sentence names narrows a resolved month to the summit's days).
"""

from trustbrief.timex.find import TimeExpr, find_time_expressions
from trustbrief.timex.frames import (
    BASE_COLUMNS,
    RESOLVED_COLUMNS,
    SCHEMA,
    extract_time_expressions,
    printed_weekday,
    resolve_time_expressions,
    resolve_with_range,
    time_expression_frame,
    time_expression_rows,
    time_expression_table,
)
from trustbrief.timex.gatherings import Gathering, load_gatherings, narrow_to_gatherings
from trustbrief.timex.resolve import (
    APPROX_CLASSES,
    KINDS,
    MEASURE_KINDS,
    UNRESOLVED,
    WEEKDAY_CODES,
    WEEKDAY_MODES,
    Resolved,
    is_anchor_relative,
    is_measure,
    is_valid_spec,
    resolve_spec,
)
from trustbrief.timex.vocabulary import (
    DEFAULT_DATA_DIR,
    Vocabulary,
    default_vocabulary,
    load_vocabulary,
)

__all__ = [
    "APPROX_CLASSES", "BASE_COLUMNS", "DEFAULT_DATA_DIR", "KINDS", "MEASURE_KINDS", "Gathering",
    "RESOLVED_COLUMNS", "SCHEMA", "UNRESOLVED", "WEEKDAY_CODES", "WEEKDAY_MODES", "Resolved",
    "TimeExpr", "Vocabulary", "default_vocabulary", "extract_time_expressions",
    "find_time_expressions", "is_anchor_relative", "is_measure", "is_valid_spec",
    "load_gatherings", "load_vocabulary", "narrow_to_gatherings", "printed_weekday",
    "resolve_spec", "resolve_time_expressions",
    "resolve_with_range",
    "time_expression_frame", "time_expression_rows", "time_expression_table",
]
