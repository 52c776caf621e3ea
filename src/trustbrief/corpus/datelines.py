"""What an article states about itself: publication date, own outlet, the origin it relays.

The grammar lives in data/datelines.yaml (kinds of layout: wire datelines, bylines with a date,
timestamp lines, credit lines, dates in the address). This module only loads it, tries its
shapes on the right lines, and reads the dates the shapes capture.

A printed date may lack its year ('PORTVIEW, July 31. /AGENCY/.'); it is returned as a
`PrintedDate` with `year=None` and completed later (URL, the article's own years, or the
corpus; see trustbrief.dating).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from trustbrief import knowledge
from trustbrief.corpus.archives import load_archives
from trustbrief.corpus.numeric_order import either_way
from trustbrief.corpus.printed_dates import NUMERIC_DATE, PrintedDate, checked_date, read_printed
from trustbrief.corpus.related_links import link_lines, load_related
from trustbrief.corpus.release_line import ReleaseRules, is_release_line, load_release
from trustbrief.corpus.stamp_languages import stamp_names
from trustbrief.knowledge import DataFileError

GRAMMAR_FILE = "datelines.yaml"
WHERE = ("head", "tail", "lede", "url")
MATCH = ("line", "start", "search")
CAPTURES = {"date", "updated", "year", "month", "day", "origin", "outlet", "author", "place"}
LIMIT_KEYS = ("head_lines", "tail_lines", "lede_lines", "short_line_chars", "min_year")
SHAPE_KEYS = ("name", "where", "match", "pattern", "captures")
SHAPE_OPTIONAL = ("case_sensitive", "order", "known_only", "relays", "implies_origin",
                  "compiles", "known_name_required", "release_line")
WEEKDAY_ABBREVIATIONS = ("Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat",
                         "Sun")


@dataclass(frozen=True)
class Shape:
    name: str
    where: str
    match: str
    regex: re.Pattern
    captures: tuple[str, ...]
    order: str  # dmy | mdy: how 01/02/2024 is read; '' = by the line (Grammar.order_of)
    known_only: bool  # outlet/origin captures count only when data/outlets.yaml knows them
    relays: bool = False  # the line says the article relays another's text, maybe unnamed
    implies_origin: str = ""  # the service whose house layout this is ('(TEL AVIV) --')
    compiles: bool = False  # the line says the outlet compiled its own report from others'
    # the line states nothing (not even its date) unless its origin or outlet is a known name:
    # 'AGENCY, Aug. 3, 2024' is a credit line, 'Portview, Oct. 28, 2023' a caption
    known_name_required: bool = False
    release_line: bool = False  # a release's 'Place, date' line (trustbrief.corpus.release_line)


@dataclass(frozen=True)
class Grammar:
    shapes: tuple[Shape, ...]
    limits: dict
    months: dict[str, int]  # lower-case name or abbreviation -> month number
    month_first: re.Pattern | None = None  # time zones of month-first countries ('EDT')
    related: re.Pattern | None = None  # a heading over links to other articles ('Read more')
    related_lines: int = 0  # the lines below it that are those links
    related_tail: re.Pattern | None = None  # such headings among the last lines only
    archives: tuple[re.Pattern, ...] = ()  # web archives' addresses (corpus.archives)
    release: ReleaseRules | None = None  # when a 'Place, date' line is a release's own

    def where(self, place: str) -> tuple[Shape, ...]:
        return tuple(s for s in self.shapes if s.where == place)

    def order_of(self, shape: Shape, line: str) -> str:
        """How a numeric date 01/02/2024 on `line` is read: the shape's own order, else month
        first when the line names a time zone of a month-first country ('10/01/2024 2:32 PM
        EDT' is 1 October), else day first (the world's default)."""
        if shape.order:
            return shape.order
        return "mdy" if self.month_first is not None and self.month_first.search(line) else "dmy"


@dataclass
class Statement:
    """What the lines of one article say about it, with the line each fact came from."""

    date: PrintedDate | None = None
    date_evidence: str = ""
    date_shape: str = ""
    updated: PrintedDate | None = None
    origin: str = ""
    origin_evidence: str = ""
    origin_where: str = ""  # head | tail | lede: where the origin was printed
    outlet: str = ""
    outlet_evidence: str = ""
    author: str = ""
    place: str = ""
    relays: str = ""  # a line saying the article relays another's text ('Read the original')
    compiled: str = ""  # a line saying the outlet compiled this report itself, using others'
    #                     information ('Information from X was used to compile this report')
    also: list[PrintedDate] = field(default_factory=list)  # other lines' dates (not numeric)
    # every origin the lines name, in reading order: (name, line); the first is `origin`
    origins: list[tuple[str, str]] = field(default_factory=list)
    masthead: str = ""  # a known name alone on the page's first line: the site's own logo
    notes: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- loading

def _alternation(words) -> str:
    # longest first; ties by text, so the pattern is the same in every process (a cache key)
    return "|".join(sorted({re.escape(w) for w in words}, key=lambda w: (-len(w), w)))


def _expand(path, key, pattern: str, fragments: dict[str, str]) -> str:
    for _ in range(6):  # fragments may use earlier fragments
        new = re.sub(r"\{(\w+)\}", lambda m: fragments.get(m.group(1), m.group(0)), pattern)
        if new == pattern:
            break
        pattern = new
    unknown = set(re.findall(r"\{([a-z_]+)\}", pattern)) - {"0", "1"}
    if unknown:
        raise DataFileError(path, key, f"unknown fragment(s) {sorted(unknown)}")
    return pattern


def _shape(path, index: int, item, fragments: dict[str, str]) -> Shape:
    where_key = f"shapes[{index}]"
    knowledge.require_keys(path, where_key, item, SHAPE_KEYS, SHAPE_OPTIONAL)
    where_key = f"shapes[{index}] ({item['name']})"
    if item["where"] not in WHERE:
        raise DataFileError(path, where_key, f"where must be one of {', '.join(WHERE)}")
    if item["match"] not in MATCH:
        raise DataFileError(path, where_key, f"match must be one of {', '.join(MATCH)}")
    captures = tuple(item["captures"] or ())
    unknown = {c.rstrip("0123456789") for c in captures} - CAPTURES
    if unknown:
        raise DataFileError(path, where_key, f"unknown capture(s) {sorted(unknown)}; allowed: "
                            f"{', '.join(sorted(CAPTURES))} (a digit may follow: origin2)")
    pattern = _expand(path, where_key, item["pattern"], fragments)
    flags = 0 if item.get("case_sensitive") else re.IGNORECASE
    try:
        regex = re.compile(pattern, flags)
    except re.error as exc:
        raise DataFileError(path, where_key, f"bad pattern: {exc}") from None
    if set(regex.groupindex) != set(captures):
        raise DataFileError(path, where_key, f"named groups {sorted(regex.groupindex)} must "
                            f"equal captures {sorted(captures)}")
    order = item.get("order", "")  # '': by the line's time zone (Grammar.month_first)
    if order not in ("", "dmy", "mdy"):
        raise DataFileError(path, where_key, "order must be dmy or mdy")
    implied = item.get("implies_origin") or ""
    if not isinstance(implied, str):
        raise DataFileError(path, where_key, "implies_origin must be an outlet's name")
    return Shape(item["name"], item["where"], item["match"], regex, captures, order,
                 bool(item.get("known_only", False)), bool(item.get("relays", False)),
                 implied.strip(), bool(item.get("compiles", False)),
                 bool(item.get("known_name_required", False)),
                 bool(item.get("release_line", False)))


def load_grammar(data_dir: Path | str) -> Grammar:
    """data/datelines.yaml, validated; months and weekdays from data/time_expressions.yaml."""
    from trustbrief import timex

    path = Path(data_dir) / GRAMMAR_FILE
    data = knowledge.require_keys(path, "top level", knowledge.load_yaml(path),
                                  ("limits", "fragments", "shapes"),
                                  ("month_first_zones", "related_links", "archive_addresses",
                                   "release_lines", "stamp_languages"))
    limits = knowledge.require_keys(path, "limits", data["limits"], LIMIT_KEYS)
    for key in LIMIT_KEYS:
        if not isinstance(limits[key], int) or limits[key] < 0:
            raise DataFileError(path, f"limits.{key}", "expected a non-negative whole number")
    vocabulary = timex.load_vocabulary(Path(data_dir))
    foreign_months, foreign_weekdays = stamp_names(path, data)  # 'octobre', 'mardi'
    months = {name.lower().rstrip("."): number for name, number in vocabulary.months.items()}
    months = foreign_months | months
    weekday_names = [w.rstrip(".") for w in vocabulary.weekdays] + list(WEEKDAY_ABBREVIATIONS)
    weekday_names += foreign_weekdays
    fragments = {"month": rf"(?:{_alternation(months)})(?![a-z])\.?",
                 "weekday": rf"(?:{_alternation(weekday_names)})(?![a-z])\.?"}
    if not isinstance(data["fragments"], dict):
        raise DataFileError(path, "fragments", "expected name: pattern pairs")
    for name, value in data["fragments"].items():
        if not isinstance(value, str):
            raise DataFileError(path, f"fragments.{name}", "expected a pattern string")
        fragments[name] = _expand(path, f"fragments.{name}", value, fragments)
    items = data["shapes"]
    if not isinstance(items, list) or not items:
        raise DataFileError(path, "shapes", "expected a non-empty list")
    shapes = tuple(_shape(path, i, item, fragments) for i, item in enumerate(items))
    knowledge.refuse_duplicate_names(path, "shapes", [s.name for s in shapes])
    return Grammar(shapes, dict(limits), months, _zones_pattern(path, data),
                   *load_related(path, data), load_archives(path, data),
                   load_release(path, data, Path(data_dir)))


def _zones_pattern(path: Path, data: dict) -> re.Pattern | None:
    zones = data.get("month_first_zones") or []
    if not isinstance(zones, list) or not all(isinstance(z, str) and z.strip() for z in zones):
        raise DataFileError(path, "month_first_zones", "expected a list of time zone names")
    if not zones:
        return None
    # case matters: 'ET' the zone, not 'et' the word
    return re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, zones)) + r")(?![\w])")


# ---------------------------------------------------------------- reading dates

def read_date(text: str, grammar: Grammar, order: str = "dmy") -> PrintedDate | None:
    """'Oct. 2, 2024', '30 Dec.', '30.06.2025', '2024-10-14', '14/10/2024' -> PrintedDate."""
    return read_printed(text, grammar.months, grammar.limits["min_year"], order)


# ---------------------------------------------------------------- scanning an article

def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _head_candidates(lines: list[str], limits: dict) -> list[tuple[str, int, int]]:
    """(text, first line, last line): each head line, and each pair of short lines joined."""
    head = lines[:limits["head_lines"]]
    out = []
    for i, line in enumerate(head):
        out.append((line, i, i))
        nxt = head[i + 1] if i + 1 < len(head) else ""
        if nxt and max(len(line), len(nxt)) <= limits["short_line_chars"]:
            out.append((f"{line} {nxt}", i, i + 1))
    return out


def _matches(shape: Shape, line: str) -> re.Match | None:
    if shape.match == "line":
        return shape.regex.fullmatch(line)
    if shape.match == "start":
        return shape.regex.match(line)
    return shape.regex.search(line)


def _captured(m: re.Match, name: str) -> str:
    values = [v for k, v in m.groupdict().items() if v and k.rstrip("0123456789") == name]
    return values[0].strip() if values else ""


def scan(text: str, grammar: Grammar, known_outlet=None) -> Statement:
    """Try the head, tail and lede shapes on the article's lines (see data/datelines.yaml).

    known_outlet: written name -> canonical outlet name, or '' when not an outlet."""
    known_outlet = known_outlet or (lambda name: "")
    lines = _lines(text)
    limits = grammar.limits
    found = Statement()
    tail = range(max(0, len(lines) - limits["tail_lines"]), len(lines))
    places = (("head", _head_candidates(lines, limits)),
              ("lede", [(line, i, i) for i, line in enumerate(lines[:limits["lede_lines"]])]),
              ("tail", [(lines[i], i, i) for i in reversed(tail)]))
    links = link_lines(lines, grammar)
    releases = []  # release lines: read after every stamp, which wins over them
    for where, candidates in places:
        consumed = -1  # a stamp split over two lines ('Updated' / 'Oct 19, 2024') is read
        for line, first, last in candidates:  # joined: its date line is not read again alone
            if first <= consumed or first in links or last in links:
                continue
            for shape in grammar.where(where):
                m = _matches(shape, line)
                if m and shape.release_line:
                    if first == last and is_release_line(grammar.release, _captured(m, "place"),
                                                         lines, first):
                        releases.append((shape, m, line))
                        break
                    continue
                if m and _take(found, shape, m, line, grammar, known_outlet):
                    consumed = max(consumed, last if last > first else -1)
                    break
    for shape, m, line in releases[:1]:
        _take(found, shape, m, line, grammar, known_outlet)
    if lines and len(lines[0].split()) <= 4:  # above the headline: the site's logo
        found.masthead = known_outlet(lines[0].rstrip(".,;:"))
    return found


def _take(found: Statement, shape: Shape, m: re.Match, line: str, grammar: Grammar,
          known_outlet) -> bool:
    """Record what the match states; False when it states nothing usable (try next shape)."""
    if shape.known_name_required and not any(
            known_outlet(value) for value in (_captured(m, name).rstrip(".,;:")
                                              for name in ("origin", "outlet")) if value):
        return False
    used = False
    if shape.relays and not found.relays:
        found.relays = line
    if shape.compiles and not found.compiled:
        found.compiled = line
    if shape.implies_origin and not found.origin:
        found.origin = known_outlet(shape.implies_origin) or shape.implies_origin
        found.origin_evidence, found.origin_where, used = line, shape.where, True
    for name in ("origin", "outlet"):
        value = _captured(m, name).rstrip(".,;:")  # 'appeared on Example News.' ends a line
        if not value:
            continue
        canonical = known_outlet(value)
        if not canonical and (shape.known_only or _place_like(value)):
            continue  # '(TEL AVIV) --' names a place, not an agency
        # the first origin as printed; a later one only when the data knows it (an agency's
        # credit under the site's own logo or dateline: corpus.origins.origin_of)
        if name == "origin" and (canonical or not found.origins) \
                and all(o[0] != (canonical or value) for o in found.origins):
            found.origins.append((canonical or value, line))
        if name == "origin" and not found.origin:
            found.origin, found.origin_evidence, used = canonical or value, line, True
            found.origin_where = shape.where
        elif name == "outlet" and not found.outlet:
            found.outlet, found.outlet_evidence, used = canonical or value, line, True
    printed = _captured(m, "date")
    order = grammar.order_of(shape, line)
    date = read_date(printed, grammar, order) if printed else None
    if date is not None and found.date is None:
        found.date, found.date_evidence, found.date_shape, used = date, line, shape.name, True
    elif date is not None and line != found.date_evidence and not either_way(printed):
        found.also.append(date)
    updated = _captured(m, "updated")
    if updated and found.updated is None:
        found.updated = read_date(updated, grammar, order)
        if found.updated is not None and not found.date_evidence:
            found.date_evidence, found.date_shape = line, shape.name
        used = used or found.updated is not None
    for name in ("author", "place"):
        if _captured(m, name) and not getattr(found, name):
            setattr(found, name, _captured(m, name))
            used = True
    return used or not shape.captures


def _place_like(name: str) -> bool:
    """An unknown name of several words in capitals is a place ('TEL AVIV'), not an agency:
    agencies the data does not know are single tokens ('(XNA)', '(Wirex)')."""
    return " " in name.strip() and name.isupper()


def url_date(url: str, grammar: Grammar) -> tuple[PrintedDate | None, str]:
    """(date, shape name) the address states: htmldate's URL reader first, then the url
    shapes of the grammar (compact dates, a month only)."""
    if not url:
        return None, ""
    found = _htmldate_url(url)
    if found is not None:
        return PrintedDate(found.year, found.month, found.day), "htmldate"
    for shape in grammar.where("url"):
        dated = {"year", "date"} & set(shape.captures)
        m = shape.regex.search(url) if dated else None
        date = _address_date(m, grammar) if m else None
        if date is not None:
            return date, shape.name
    return None, ""


def _address_date(m: re.Match, grammar: Grammar) -> PrintedDate | None:
    """The date of a url shape's match: numbered parts (/2024/10/14/), or a `date` part read
    like a printed one ('oct/14' under /2024/, '14-10-2024'). An address says nothing of its
    site's numeric order, so a numeric date both of whose first numbers could be the month
    (/01-02-2024/) is no date."""
    min_year = grammar.limits["min_year"]
    year = _captured(m, "year")
    printed = _captured(m, "date")
    if not printed:
        day = _captured(m, "day")
        return checked_date(int(year), int(_captured(m, "month")), int(day) if day else None,
                        min_year)
    numeric = NUMERIC_DATE.search(printed)
    if numeric and len(numeric.group(1)) < 4 and numeric.group(1) != numeric.group(2) \
            and max(int(numeric.group(1)), int(numeric.group(2))) <= 12:
        return None
    found = read_date(printed if numeric else re.sub(r"[/_-]+", " ", printed), grammar)
    if found is not None and found.year is None and year:
        found = checked_date(int(year), found.month, found.day, min_year)
    return found if found is not None and found.year is not None else None


def url_origin(url: str, grammar: Grammar, known_outlet) -> tuple[str, str]:
    """(origin, shape name) a wire's folder in the address names ('/wires/afp/'); only
    outlets data/outlets.yaml knows count. ('', '') when none."""
    for shape in grammar.where("url"):
        m = shape.regex.search(url or "") if "origin" in shape.captures else None
        name = known_outlet(_captured(m, "origin")) if m else ""
        if name:
            return name, shape.name
    return "", ""


def _htmldate_url(url: str) -> dt.date | None:
    from htmldate.extractors import extract_url_date
    from htmldate.utils import Extractor

    options = Extractor(False, dt.datetime.now() + dt.timedelta(days=1),
                        dt.datetime(1995, 1, 1), True, "%Y-%m-%d")
    value = extract_url_date(url, options)
    day = dt.date.fromisoformat(value) if value else None  # '/2023/08/3c1a-slug': no 3 Aug
    whole = rf"{day.year}[/_.-]?0?{day.month}[/_.-]?0?{day.day}(?![\dA-Za-z])" if day else ""
    return day if day and re.search(whole, url) else None
