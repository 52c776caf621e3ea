"""Corpus rules: data/boilerplate.yaml and data/outlets.yaml loaded and validated.

What counts as boilerplate, which outlets exist and how dates are written live in
those files; this module turns them into compiled patterns (CorpusRules) and reads
the optional sidecar, a story's sources.csv (data/stories/NAME/sources.csv).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from trustbrief import knowledge, timex
from trustbrief.corpus.datelines import Grammar, load_grammar
from trustbrief.knowledge import DataFileError

SIDECAR_COLUMNS = ["file", "outlet", "url", "published", "author", "title", "notes"]
# where the sidecar lives, as warnings name it when the caller does not say (a story's own
# sources.csv: data/stories/NAME/sources.csv); a sidecar entry carries it under SIDE_SOURCE
SIDECAR_FILE = "data/sources.csv"
SIDE_SOURCE = "_sidecar_file"
CAPTURE_NAMES = {"url", "author", "outlet", "published", "updated"}
RULE_KEYS = ("name", "pattern")
RULE_OPTIONAL = ("captures", "where", "kind", "followed_by", "header", "stop", "starts_story",
                 "case_sensitive")
WHERE_VALUES = {"anywhere", "head", "tail", "before_title"}
LIMIT_KEYS = (
    "max_bytes", "binary_control_share", "head_paragraphs", "tail_paragraphs",
    "title_max_words", "title_max_words_above_header", "title_min_words", "menu_min_words",
    "heading_max_words",
    "derived_title_max_words", "standfirst_min_overlap", "near_duplicate_jaccard",
    "shingle_words", "minhash_permutations", "minhash_bands", "language_min_share",
    "boilerplate_max_chars")
TIME_MACRO = (r"(?i:\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)(?:\s*\(?[a-z]{2,4}\)?(?![\w]))?"
              r"|\d{1,2}:\d{2}(?:\s*\(?[a-z]{2,4}\)?(?![\w]))?)")



@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern
    captures: tuple[str, ...]
    where: str
    kind: str
    followed_by: tuple[str, ...]
    header: bool
    stop: bool
    starts_story: bool = False


@dataclass(frozen=True)
class Outlets:
    names: dict[str, str]            # written name -> canonical name
    domains: dict[str, str]          # domain -> canonical name
    any_name: re.Pattern             # quick test: does the text name any outlet?
    strong: tuple[re.Pattern, ...]
    weak: tuple[re.Pattern, ...]
    citation: tuple[re.Pattern, ...]
    # words outlet names end with ('news', 'today', 'insider'): 'royanews' -> 'Roya News'
    name_words: tuple[str, ...] = ()


@dataclass(frozen=True)
class CorpusRules:
    limits: dict
    text_extensions: frozenset[str]
    html_extensions: frozenset[str]
    ignore_files: tuple[str, ...]
    months: dict[str, int]
    abbreviations: frozenset[str]
    sentence_starters: frozenset[str]
    title_stopwords: frozenset[str]
    language_stopwords: dict[str, frozenset[str]]
    rules: tuple[Rule, ...]
    outlets: Outlets
    date_regex: re.Pattern = field(repr=False)
    # matches at the start of every paragraph some rule matches: most body paragraphs are
    # turned away by this one search instead of one per rule (None: rules not combinable)
    any_rule: re.Pattern | None = field(default=None, repr=False)
    # data/datelines.yaml: dateline, byline, timestamp and credit-line shapes (None: not loaded)
    datelines: Grammar | None = field(default=None, repr=False)


def _word_list(path, key, value) -> list[str]:
    if not isinstance(value, list):
        raise DataFileError(path, key, "expected a list of strings")
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item:
            hint = " (YAML reads yes/no/on/off as true/false: quote it)" if isinstance(
                item, bool) else ""
            raise DataFileError(path, f"{key}[{i}]", f"{item!r} is not a string{hint}")
    return value


def _date_macro(months: dict[str, int], weekdays: list[str]) -> str:
    names = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    days = "|".join(sorted(map(re.escape, weekdays), key=len, reverse=True))
    md = rf"(?:{names})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    dm = rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{names})\.?,?\s+\d{{4}}"
    return rf"(?i:(?:(?:{days})\.?,?\s+)?(?:{md}|{dm}|\d{{4}}-\d{{2}}-\d{{2}}))"


def _expand(pattern: str, macros: dict[str, str]) -> str:
    for key, value in macros.items():
        pattern = pattern.replace("{" + key + "}", value)
    return pattern


def _compile(path, where, pattern: str, case_sensitive: bool = False) -> re.Pattern:
    return knowledge.compile_pattern(path, where, pattern,
                                     flags=0 if case_sensitive else re.IGNORECASE)


def _parse_rule(path, index: int, item, macros: dict[str, str]) -> Rule:
    where_key = f"rules[{index}]"
    knowledge.require_keys(path, where_key, item, RULE_KEYS, RULE_OPTIONAL)
    name = item["name"]
    if not isinstance(name, str) or not name:
        raise DataFileError(path, where_key, "name must be a non-empty string")
    where_key = f"rules[{index}] ({name})"
    if not isinstance(item["pattern"], str):
        raise DataFileError(path, where_key, "pattern must be a string")
    regex = _compile(path, where_key, _expand(item["pattern"], macros),
                     bool(item.get("case_sensitive", False)))
    captures = tuple(item.get("captures") or ())
    unknown = set(captures) - CAPTURE_NAMES
    if unknown:
        raise DataFileError(path, where_key, f"unknown capture(s) {sorted(unknown)}; "
                            f"allowed: {', '.join(sorted(CAPTURE_NAMES))}")
    if set(regex.groupindex) != set(captures):
        raise DataFileError(path, where_key, f"named groups {sorted(regex.groupindex)} must "
                            f"equal captures {sorted(captures)}")
    where = item.get("where", "anywhere")
    if where not in WHERE_VALUES:
        raise DataFileError(path, where_key, f"where must be one of {sorted(WHERE_VALUES)}")
    kind = item.get("kind", "line")
    if kind not in ("line", "prefix"):
        raise DataFileError(path, where_key, "kind must be 'line' or 'prefix'")
    followed = tuple(_word_list(path, where_key, item.get("followed_by") or []))
    return Rule(name, regex, captures, where, kind, followed,
                bool(item.get("header", False)), bool(item.get("stop", False)),
                bool(item.get("starts_story", False)))


def _parse_rules(path, items, macros) -> tuple[Rule, ...]:
    if not isinstance(items, list) or not items:
        raise DataFileError(path, "rules", "expected a non-empty list")
    rules = tuple(_parse_rule(path, i, item, macros) for i, item in enumerate(items))
    names = [r.name for r in rules]
    knowledge.refuse_duplicate_names(path, "rules", names, "rule name")
    for rule in rules:
        missing = [n for n in rule.followed_by if n not in names]
        if missing:
            raise DataFileError(path, f"rules ({rule.name})",
                                f"followed_by names unknown rule(s): {', '.join(missing)}")
    return rules


PLACEHOLDER = "\ue000"  # stands for the outlet name while cue templates are tried
EDGE = "\ue001"  # marks a window edge that is not the start or end of the text


def _name_alternation(names: list[str]) -> str:
    """Longest name first; names are grouped under their first character (order kept inside
    a group, and names with different first characters never compete), and a lookahead on
    those characters skips most positions before the lookbehind runs: same matches, a few
    times faster than one flat alternation."""
    groups: dict[str, list[str]] = {}
    for name in sorted(names, key=lambda n: (-len(n), n)):
        groups.setdefault(name[0], []).append(name)
    alts = "|".join(re.escape(first) + "(?:" + "|".join(re.escape(n[1:]) for n in group) + ")"
                    for first, group in groups.items())
    firsts = "".join(re.escape(first) for first in groups)
    return rf"(?=[{firsts}])(?<![\w.])(?-i:(?P<outlet>{alts}))(?![\w])"


def _written_forms(name: str) -> set[str]:
    """'The Times of Portview' -> itself, 'the Times of Portview', 'Times of Portview'; a one-word
    rest ('The Tower') keeps its article so 'Portview Tower' is never an outlet."""
    if not name.startswith("The "):
        return {name}
    rest = name[4:]
    forms = {name, "the " + rest}
    if len(rest.split()) > 1:
        forms.add(rest)
    return forms


def _parse_outlets(path: Path) -> Outlets:
    data = knowledge.load_yaml(path)
    knowledge.require_keys(path, "top level", data, ("outlets", "self_reference", "citation"),
                           ("name_words",))
    names: dict[str, str] = {}
    domains: dict[str, str] = {}
    if not isinstance(data["outlets"], list) or not data["outlets"]:
        raise DataFileError(path, "outlets", "expected a non-empty list")
    for i, item in enumerate(data["outlets"]):
        where = f"outlets[{i}]"
        knowledge.require_keys(path, where, item, ("name",), ("domains", "variants"))
        canonical = item["name"]
        if not isinstance(canonical, str) or not canonical.strip():
            raise DataFileError(path, where, "name must be a non-empty string")
        where = f"outlets[{i}] ({canonical})"
        if canonical in names.values():
            raise DataFileError(path, where, "duplicate outlet name")
        written = [canonical, *_word_list(path, where, item.get("variants") or [])]
        for name in written:
            for form in sorted(_written_forms(name)):  # sorted: the same rules in every process
                if names.get(form, canonical) != canonical:
                    raise DataFileError(path, where, f"{form!r} already names {names[form]}")
                names[form] = canonical
        for domain in _word_list(path, where, item.get("domains") or []):
            domain = domain.lower().removeprefix("www.")
            if domains.get(domain, canonical) != canonical:
                raise DataFileError(path, where, f"domain {domain!r} already belongs to "
                                    f"{domains[domain]}")
            domains[domain] = canonical
    alternation = _name_alternation(list(names))

    def templates(key, items) -> tuple[re.Pattern, ...]:
        out = []
        for j, template in enumerate(_word_list(path, key, items)):
            if "{outlet}" not in template:
                raise DataFileError(path, f"{key}[{j}]", "template lacks {outlet}")
            out.append(knowledge.compile_pattern(
                path, f"{key}[{j}]", template.replace("{outlet}", PLACEHOLDER)))
        return tuple(out)

    selfref = data["self_reference"]
    knowledge.require_keys(path, "self_reference", selfref, ("strong", "weak"))
    return Outlets(
        names=names, domains=domains, any_name=re.compile(alternation),
        strong=templates("self_reference.strong", selfref["strong"]),
        weak=templates("self_reference.weak", selfref["weak"]),
        citation=templates("citation", data["citation"]),
        name_words=_name_words(path, data.get("name_words") or []))


def _name_words(path: Path, items) -> tuple[str, ...]:
    words = _word_list(path, "name_words", items)
    for word in words:
        if not re.fullmatch(r"[a-z]{2,}", word):
            raise DataFileError(path, "name_words", f"{word!r}: expected a lower-case word")
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


def _parse_limits(path, limits) -> dict:
    knowledge.require_keys(path, "limits", limits, LIMIT_KEYS)
    for key in LIMIT_KEYS:
        value = limits[key]
        if not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0:
            raise DataFileError(path, f"limits.{key}", "expected a non-negative number")
    if limits["minhash_permutations"] % max(1, limits["minhash_bands"]):
        raise DataFileError(path, "limits.minhash_bands", "must divide minhash_permutations")
    return dict(limits)


def _lower_set(path, key, value) -> frozenset[str]:
    return frozenset(v.lower() for v in _word_list(path, key, value))


def load_rules(data_dir: Path | str) -> CorpusRules:
    """Load and validate data/boilerplate.yaml and data/outlets.yaml (month names come
    from data/time_expressions.yaml)."""
    data_dir = Path(data_dir)
    path = data_dir / "boilerplate.yaml"
    data = knowledge.load_yaml(path)
    top = ("limits", "extensions", "ignore_files", "weekdays",
           "abbreviations", "sentence_starters", "title_stopwords", "language_stopwords",
           "rules")
    knowledge.require_keys(path, "top level", data, top)
    limits = _parse_limits(path, data["limits"])
    # Month names are language knowledge shared with the time expressions: one list.
    months = timex.load_vocabulary(data_dir).months
    weekdays = [w.lower() for w in _word_list(path, "weekdays", data["weekdays"])]
    date_macro = _date_macro(months, weekdays)
    month_abbr = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    macros = {"date": date_macro, "time": TIME_MACRO, "month_abbr": month_abbr}
    ext = data["extensions"]
    knowledge.require_keys(path, "extensions", ext, ("text", "html"))
    rules = _parse_rules(path, data["rules"], macros)
    langs = data["language_stopwords"]
    if not isinstance(langs, dict) or not langs:
        raise DataFileError(path, "language_stopwords", "expected code: [words] pairs")
    return CorpusRules(
        limits=limits,
        text_extensions=_lower_set(path, "extensions.text", ext["text"]),
        html_extensions=_lower_set(path, "extensions.html", ext["html"]),
        ignore_files=tuple(sorted(_lower_set(path, "ignore_files", data["ignore_files"]))),
        months=months,
        abbreviations=_lower_set(path, "abbreviations", data["abbreviations"]),
        sentence_starters=_lower_set(path, "sentence_starters", data["sentence_starters"]),
        title_stopwords=_lower_set(path, "title_stopwords", data["title_stopwords"]),
        language_stopwords={k: _lower_set(path, f"language_stopwords.{k}", v)
                            for k, v in langs.items()},
        rules=rules,
        outlets=_parse_outlets(data_dir / "outlets.yaml"),
        date_regex=re.compile(date_macro),
        any_rule=_any_rule(rules),
        datelines=load_grammar(data_dir),
    )


def _any_rule(rules: tuple[Rule, ...]) -> re.Pattern | None:
    """One alternation of every rule, capture names removed, each with its own case flag.
    A rule that matches (whole or prefix) also matches here at the paragraph's start."""
    parts = []
    for rule in rules:
        body = re.sub(r"(?<!\\)\(\?P<\w+>", "(?:", rule.regex.pattern)
        parts.append(("(?i:%s)" if rule.regex.flags & re.IGNORECASE else "(?-i:%s)") % body)
    try:
        return re.compile("|".join(parts))
    except re.error:  # e.g. a backreference to a named group: check rule by rule
        return None


def load_sidecar(data_dir: Path | str) -> pd.DataFrame:
    """A story's sources.csv as a frame with SIDECAR_COLUMNS (all strings; may have no rows)."""
    path = Path(data_dir) / "sources.csv"
    rows = knowledge.load_csv(path, required=["file"], optional=SIDECAR_COLUMNS[1:])
    seen: dict[str, int] = {}
    for row in rows:
        if not row["file"]:
            raise DataFileError(path, row["_line"], "file is empty")
        if row["file"] in seen:
            raise DataFileError(path, row["_line"], f"{row['file']} already listed on line "
                                f"{seen[row['file']]}")
        seen[row["file"]] = row["_line"]
        knowledge.parse_iso_date(path, row["_line"], row.get("published", ""))
    frame = pd.DataFrame([{c: row.get(c, "") for c in SIDECAR_COLUMNS} for row in rows],
                         columns=SIDECAR_COLUMNS)
    return frame.sort_values("file", kind="stable").reset_index(drop=True)


def load_addresses(path: Path | str) -> pd.DataFrame:
    """The sidecar an addresses CSV gives (a story's `addresses`: a list kept beside saved
    articles, e.g. a labelled corpus's documents.csv): each file's url and nothing else; an
    outlet, date or label in another column is never read."""
    path = Path(path)
    if not path.is_file():
        raise DataFileError(path, None, "the story's addresses file does not exist")
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, comment=None)
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise DataFileError(path, None, f"not a readable CSV: {exc}") from None
    missing = [c for c in ("file", "url") if c not in raw.columns]
    if missing:
        raise DataFileError(path, 1, f"header lacks column(s): {', '.join(missing)}")
    frame = address_sidecar(raw["file"].str.strip(), raw["url"].str.strip())
    repeated = frame["file"][frame["file"].duplicated()].tolist()
    if repeated:
        raise DataFileError(path, None, f"{repeated[0]} is listed twice")
    return frame


def address_sidecar(files, urls) -> pd.DataFrame:
    """A sidecar that gives each file its url and nothing else (every other column empty),
    sorted by file: what an analyst keeps with a saved page (load_addresses; evaluate's
    url mode)."""
    frame = pd.DataFrame({c: "" for c in SIDECAR_COLUMNS}, index=range(len(files)))
    frame["file"], frame["url"] = pd.Series(files).to_numpy(), pd.Series(urls).to_numpy()
    return frame.sort_values("file", kind="stable").reset_index(drop=True)
