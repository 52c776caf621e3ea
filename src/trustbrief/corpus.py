"""Corpus stage: raw article files -> documents and sentences.

Mechanics only: what counts as boilerplate, which outlets exist and how dates are
written live in data/boilerplate.yaml, data/outlets.yaml and data/sources.csv.

Offsets: `sentences.start/end` index the document's text as decoded (UTF-8 with any
BOM removed, or cp1252). For .html files they index the article text extracted from
the markup (markup itself never reaches the text).
"""

from __future__ import annotations

import fnmatch
import functools
import hashlib
import logging
import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
import pandas as pd

from trustbrief import knowledge, parallel, timex
from trustbrief.knowledge import DataFileError

log = logging.getLogger("trustbrief")

SCHEMA: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": "'d' + first 10 hex chars of the sha256 of the file's bytes",
        "file": "file name inside the seeds folder",
        "sha256": "sha256 of the file's bytes",
        "title": "headline (see title_basis)",
        "outlet": "publishing outlet, or 'unknown' (see outlet_basis)",
        "author": "author(s) from the byline or the sidecar, '' if unknown",
        "url": "article address from the text or the sidecar, '' if unknown",
        "published": "publication date YYYY-MM-DD, '' if unknown",
        "published_earliest": "earliest possible publication date",
        "published_latest": "latest possible publication date",
        "published_basis": "stated (dateline in the text) | sidecar | inferred | unknown",
        "published_evidence": "the line or sentence that dates the article",
        "title_basis": "headline | sidecar | first-sentence",
        "n_sentences": "number of body sentences",
        "n_words": "number of words in body sentences",
        "duplicate_of": "doc_id of the first (by file name) copy of the same story, '' if none",
        "encoding": "how the bytes were decoded: utf-8 | utf-8-sig | utf-16 | cp1252",
        "language": "language code guessed from common words, 'und' if unsure",
        "outlet_basis": "url | text | sidecar | unknown",
        "outlet_evidence": "the phrase or domain that names the outlet",
        "cited_outlets": "outlets the article cites as its source (list)",
    },
    "sentences": {
        "doc_id": "document id",
        "sent_id": "<doc_id>-s<NNN>, 1-based in reading order",
        "start": "offset of the first character in the document text",
        "end": "offset after the last character (text == original[start:end])",
        "text": "the sentence exactly as in the document",
        "paragraph": "1-based index of the paragraph in the document",
    },
}

RAW_COLUMNS = ["file", "sha256", "text", "encoding", "n_bytes"]
META_FIELDS = ("url", "published", "author")  # what an HTML page's <meta>/<link> may tell
SIDECAR_COLUMNS = ["file", "outlet", "url", "published", "author", "title", "notes"]
CAPTURE_NAMES = {"url", "author", "outlet", "published", "updated"}
RULE_KEYS = ("name", "pattern")
RULE_OPTIONAL = ("captures", "where", "kind", "followed_by", "header", "stop", "case_sensitive")
WHERE_VALUES = {"anywhere", "head", "tail", "before_title"}
LIMIT_KEYS = (
    "max_bytes", "binary_control_share", "head_paragraphs", "tail_paragraphs",
    "title_max_words", "title_max_words_above_header", "heading_max_words",
    "derived_title_max_words", "standfirst_min_overlap", "near_duplicate_jaccard",
    "shingle_words", "minhash_permutations", "minhash_bands", "language_min_share",
    "boilerplate_max_chars")
TIME_MACRO = (r"(?i:\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)(?:\s*\(?[a-z]{2,4}\)?(?![\w]))?"
              r"|\d{1,2}:\d{2}(?:\s*\(?[a-z]{2,4}\)?(?![\w]))?)")
TERMINAL = ".!?…:;,"
CLOSERS = "\"'”’)]»"
WORD_RE = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")


# ---------------------------------------------------------------------------- rules


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


@dataclass(frozen=True)
class Outlets:
    names: dict[str, str]            # written name -> canonical name
    domains: dict[str, str]          # domain -> canonical name
    any_name: re.Pattern             # quick test: does the text name any outlet?
    strong: tuple[re.Pattern, ...]
    weak: tuple[re.Pattern, ...]
    citation: tuple[re.Pattern, ...]


@dataclass(frozen=True)
class CorpusRules:
    limits: dict
    text_extensions: frozenset[str]
    html_extensions: frozenset[str]
    ignore_files: tuple[str, ...]
    drop_tags: frozenset[str]
    block_tags: frozenset[str]
    containers: tuple[str, ...]
    html_meta: dict[str, frozenset[str]]
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
    if not case_sensitive:
        return knowledge.compile_pattern(path, where, pattern)
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise DataFileError(path, where, f"bad pattern {pattern!r}: {exc}") from None


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
                bool(item.get("header", False)), bool(item.get("stop", False)))


def _parse_rules(path, items, macros) -> tuple[Rule, ...]:
    if not isinstance(items, list) or not items:
        raise DataFileError(path, "rules", "expected a non-empty list")
    rules = tuple(_parse_rule(path, i, item, macros) for i, item in enumerate(items))
    names = [r.name for r in rules]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise DataFileError(path, "rules", f"duplicate rule name(s): {', '.join(dupes)}")
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
    for name in sorted(names, key=len, reverse=True):
        groups.setdefault(name[0], []).append(name)
    alts = "|".join(re.escape(first) + "(?:" + "|".join(re.escape(n[1:]) for n in group) + ")"
                    for first, group in groups.items())
    firsts = "".join(re.escape(first) for first in groups)
    return rf"(?=[{firsts}])(?<![\w.])(?-i:(?P<outlet>{alts}))(?![\w])"


def _written_forms(name: str) -> set[str]:
    """'The Times of Israel' -> itself, 'the Times of Israel', 'Times of Israel'; a one-word
    rest ('The Hill') keeps its article so 'Capitol Hill' is never an outlet."""
    if not name.startswith("The "):
        return {name}
    rest = name[4:]
    forms = {name, "the " + rest}
    if len(rest.split()) > 1:
        forms.add(rest)
    return forms


def _parse_outlets(path: Path) -> Outlets:
    data = knowledge.load_yaml(path)
    knowledge.require_keys(path, "top level", data, ("outlets", "self_reference", "citation"))
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
            for form in _written_forms(name):
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
        citation=templates("citation", data["citation"]))


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
    top = ("limits", "extensions", "ignore_files", "html", "weekdays",
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
    html = data["html"]
    knowledge.require_keys(path, "html", html, ("drop_tags", "block_tags", "containers",
                                                "meta"))
    knowledge.require_keys(path, "html.meta", html["meta"], META_FIELDS)
    rules = _parse_rules(path, data["rules"], macros)
    langs = data["language_stopwords"]
    if not isinstance(langs, dict) or not langs:
        raise DataFileError(path, "language_stopwords", "expected code: [words] pairs")
    return CorpusRules(
        limits=limits,
        text_extensions=_lower_set(path, "extensions.text", ext["text"]),
        html_extensions=_lower_set(path, "extensions.html", ext["html"]),
        ignore_files=tuple(_lower_set(path, "ignore_files", data["ignore_files"])),
        drop_tags=_lower_set(path, "html.drop_tags", html["drop_tags"]),
        block_tags=_lower_set(path, "html.block_tags", html["block_tags"]),
        containers=tuple(v.lower() for v in _word_list(path, "html.containers",
                                                        html["containers"])),
        html_meta={k: _lower_set(path, f"html.meta.{k}", html["meta"][k]) for k in META_FIELDS},
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
    """data/sources.csv as a frame with SIDECAR_COLUMNS (all strings; may have no rows)."""
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


# ---------------------------------------------------------------------------- reading


class _ArticleText(HTMLParser):
    """Collects visible text; drops script/style/nav...; notes container membership."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "param", "source", "track", "wbr"}

    def __init__(self, rules: CorpusRules):
        super().__init__(convert_charrefs=True)
        self.rules = rules
        self.skip = 0
        self.open: dict[str, int] = {c: 0 for c in rules.containers}
        self.seen: set[str] = set()
        self.chunks: list[tuple[str, frozenset[str]]] = []
        self.in_h1 = 0
        self.h1: list[str] = []
        self.meta: dict[str, str] = {}

    def _note_meta(self, tag: str, attrs: dict) -> None:
        """Keep the first URL, date and author the page's <meta>/<link> tags state."""
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "")
            value = attrs.get("content") or ""
        elif tag == "link":
            key, value = attrs.get("rel") or "", attrs.get("href") or ""
        else:
            return
        key, value = key.strip().lower(), value.strip()
        for field_name, keys in self.rules.html_meta.items():
            if key in keys and value and field_name not in self.meta:
                if field_name == "author" and value.startswith(("http:", "https:")):
                    continue
                self.meta[field_name] = f"{key}={value}" if field_name == "published" else value

    def _inside(self) -> frozenset[str]:
        return frozenset(c for c, n in self.open.items() if n > 0)

    def handle_starttag(self, tag, attrs):
        self._note_meta(tag, dict(attrs))
        if tag in self.rules.drop_tags and tag not in self.VOID:
            self.skip += 1
        if tag in self.open and tag not in self.VOID:
            self.open[tag] += 1
            self.seen.add(tag)
        if tag == "h1":
            self.in_h1 += 1
        if tag in self.rules.block_tags:
            self.chunks.append(("\n", self._inside()))

    def handle_startendtag(self, tag, attrs):
        self._note_meta(tag, dict(attrs))
        if tag in self.rules.block_tags:
            self.chunks.append(("\n", self._inside()))

    def handle_endtag(self, tag):
        if tag in self.rules.block_tags:
            self.chunks.append(("\n", self._inside()))
        if tag in self.rules.drop_tags and self.skip:
            self.skip -= 1
        if tag in self.open and self.open[tag]:
            self.open[tag] -= 1
        if tag == "h1" and self.in_h1:
            self.in_h1 -= 1
            self.h1.append("\n")

    def handle_data(self, data):
        if self.skip:
            return
        # Entities are decoded by now; drop anything that still looks like a tag.
        data = re.sub(r"</?[A-Za-z!][^>]*>", " ", data)
        if self.in_h1:
            self.h1.append(data)
        self.chunks.append((data, self._inside()))

    def article_text(self) -> str:
        container = next((c for c in self.rules.containers if c in self.seen), None)
        parts = [t for t, inside in self.chunks if container is None or container in inside]
        text = _tidy_lines("".join(parts))
        headline = _tidy_lines("".join(self.h1)).split("\n")[0]
        if headline and headline not in text:
            text = f"{headline}\n{text}" if text else headline
        return text


def _tidy_lines(text: str) -> str:
    lines = (re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def html_to_text(markup: str, rules: CorpusRules) -> tuple[str, dict[str, str]]:
    """Visible article text of an HTML page (one block per line, no markup) and what its
    <meta>/<link> tags state (url, published as 'key=value', author)."""
    parser = _ArticleText(rules)
    parser.feed(markup)
    parser.close()
    return parser.article_text(), dict(parser.meta)


def _is_binary(data: bytes, share: float) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample.translate(None, _NOT_CONTROL))  # count by deleting the rest
    return controls > share * len(sample)


# bytes that are not control characters: printable ones and tab, newline, form feed, CR
_NOT_CONTROL = bytes([9, 10, 12, 13, *range(32, 256)])


UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _decode(data: bytes) -> tuple[str, str]:
    """(text, encoding); raises UnicodeDecodeError only for broken UTF-16."""
    if data.startswith(UTF16_BOMS):
        return data.decode("utf-16"), "utf-16"
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def _ignored(name: str, rules: CorpusRules) -> bool:
    lower = name.lower()
    return name.startswith(".") or any(fnmatch.fnmatchcase(lower, g) for g in rules.ignore_files)


def _read_one(path: Path, name: str, rules: CorpusRules) -> dict | None:
    suffix = path.suffix.lower()
    if suffix not in rules.text_extensions | rules.html_extensions:
        log.warning("%s: unknown file type %r - skipped", name, path.suffix or "(none)")
        return None
    size = path.stat().st_size
    if size > rules.limits["max_bytes"]:
        log.warning("%s: %d bytes is over the %d byte limit - skipped", name, size,
                    rules.limits["max_bytes"])
        return None
    data = path.read_bytes()
    if not data.strip():
        log.warning("%s: empty file - skipped", name)
        return None
    utf16 = data.startswith(UTF16_BOMS)
    sample = data[:8192].decode("utf-16", errors="replace").encode() if utf16 else data
    if _is_binary(sample, rules.limits["binary_control_share"]):
        log.warning("%s: binary content (not text) - skipped", name)
        return None
    try:
        text, encoding = _decode(data)
    except UnicodeDecodeError:
        log.warning("%s: broken UTF-16 (binary?) - skipped", name)
        return None
    if encoding == "cp1252":
        log.warning("%s: not valid UTF-8 - decoded as cp1252", name)
    meta: dict[str, str] = {}
    if suffix in rules.html_extensions:
        text, meta = html_to_text(text, rules)
        if not text.strip():
            log.warning("%s: no article text in the HTML - skipped", name)
            return None
    return {"file": name, "sha256": hashlib.sha256(data).hexdigest(), "text": text,
            "encoding": encoding, "n_bytes": len(data), "meta": meta}


def read_seeds(seeds_dir: Path | str, rules: CorpusRules) -> pd.DataFrame:
    """Every readable article in seeds_dir (top level), sorted by file name."""
    seeds_dir = Path(seeds_dir)
    if not seeds_dir.is_dir():
        raise FileNotFoundError(f"{seeds_dir}: seeds folder not found")
    rows = []
    for path in sorted(seeds_dir.iterdir(), key=lambda p: p.name):
        if _ignored(path.name, rules) or not path.is_file():
            continue
        try:
            row = _read_one(path, path.name, rules)
        except OSError as exc:
            log.warning("%s: cannot be read (%s) - skipped", path.name, exc.strerror or exc)
            continue
        if row is not None:
            rows.append(row)
    return pd.DataFrame(rows, columns=[*RAW_COLUMNS, "meta"])


# ---------------------------------------------------------------------------- paragraphs


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


def _strip_markdown(text: str) -> str:
    return re.sub(r"^#{1,6}\s+|[*_]{1,3}", "", text).strip()


def _headline_like(text: str, max_words: int) -> bool:
    if len(text) > 20 * max_words:
        return False
    text = _strip_markdown(text)
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
        position = {"anywhere"}
        if i < limits["head_paragraphs"]:
            position.add("head")
        if i >= n - limits["tail_paragraphs"]:
            position.add("tail")
        if not title_seen:
            position.add("before_title")
        next_text = text[spans[i + 1][0]:spans[i + 1][1]] if i + 1 < n else None
        found = _match_rule(rules, para, position, next_text)
        if found and found[0].kind == "line":
            rule, m = found
            caps = {k: v for k, v in m.groupdict().items() if v}
            out.append(Segment("boilerplate", s, e, i + 1, rule.name, caps))
            stopped = rule.name if rule.stop else ""
            continue
        if found:  # a prefix: the label is boilerplate, the rest is still text
            rule, m = found
            cut = s + m.end()
            caps = {k: v for k, v in m.groupdict().items() if v}
            out.append(Segment("boilerplate", s, cut, i + 1, rule.name, caps))
            s = cut
            para = text[s:e]
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


# ---------------------------------------------------------------------------- metadata


def parse_date(value: str, months: dict[str, int]) -> str:
    """'SEPTEMBER 29, 2024', '9 Oct. 2024', '2024-10-09' -> ISO string ('' if not a date)."""
    import datetime as dt

    iso = re.search(r"(\d{4})-(\d{2})-(\d{2})", value)
    if iso:
        y, mo, d = map(int, iso.groups())
    else:
        month = next((months[t.lower()] for t in re.findall(r"[A-Za-z]+", value)
                      if t.lower() in months), None)
        year = re.search(r"\b(\d{4})\b", value)
        day = next((int(x) for x in re.findall(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", value)), None)
        if month is None or year is None or day is None:
            return ""
        y, mo, d = int(year.group(1)), month, day
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        return ""


def _author_name(value: str) -> str:
    value = re.sub(r"\s+", " ", value).strip(" ,;")
    return value.title() if value.isupper() else value


def outlet_from_url(url: str, outlets: Outlets) -> str:
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    parts = host.split(".")
    for i in range(len(parts) - 1):
        name = outlets.domains.get(".".join(parts[i:]))
        if name:
            return name
    return ""


def _first_cue(text: str, spans: list[tuple[int, int]], cues: tuple[re.Pattern, ...],
               window: int = 120, max_spans: int = 200) -> tuple[int, str] | None:
    """(position, phrase) of the first cue around one of an outlet's name spans, or None.

    The name is replaced by a placeholder character in a short window, so each cue is a
    small regex over a short string; at most `max_spans` mentions are tried, which keeps
    the cost bounded for texts that repeat an outlet's name thousands of times.
    """
    for s, e in spans[:max_spans]:
        lo, hi = max(0, s - window), min(len(text), e + window)
        head = ("" if lo == 0 else EDGE) + text[lo:s]
        probe = head + PLACEHOLDER + text[e:hi] + ("" if hi == len(text) else EDGE)
        for rx in cues:
            m = rx.search(probe)
            if m:
                return s - len(head) + m.start(), m.group().replace(PLACEHOLDER, text[s:e]).strip()
    return None


def outlets_in_text(text: str, outlets: Outlets) -> tuple[str, str, list[str]]:
    """(own outlet, evidence phrase, cited outlets) from how the text names outlets."""
    by_name: dict[str, list[tuple[int, int]]] = {}
    for m in outlets.any_name.finditer(text):
        by_name.setdefault(outlets.names[m.group("outlet")], []).append(m.span("outlet"))
    if not by_name:
        return "", "", []
    cited = sorted(n for n, spans in by_name.items()
                   if _first_cue(text, spans, outlets.citation))
    for group in (outlets.strong, outlets.weak):
        hits = sorted((hit, name) for name, spans in by_name.items() if name not in cited
                      for hit in [_first_cue(text, spans, group)] if hit)
        if hits:
            (_, phrase), name = hits[0]
            return name, phrase, cited
    return "", "", cited


def guess_language(words: list[str], rules: CorpusRules) -> str:
    """Language code from the share of common words among (lower-case) words."""
    words = words[:600]
    if not words:
        return "und"
    counts = Counter(words)
    shares = {code: sum(counts[w] for w in stop if w in counts) / len(words)
              for code, stop in rules.language_stopwords.items()}
    code, share = max(sorted(shares.items()), key=lambda kv: kv[1])
    return code if share >= rules.limits["language_min_share"] else "und"


def derive_title(sentence: str, rules: CorpusRules) -> str:
    """A short title cut from a first sentence at a word boundary."""
    words = sentence.split()
    limit = int(rules.limits["derived_title_max_words"])
    cut = words[:limit]
    clause = next((i + 1 for i, w in enumerate(cut) if w.endswith((",", ";", ":"))
                   and i >= 4), None)
    if clause:
        cut = cut[:clause]
    while len(cut) > 3 and cut[-1].strip(",;:").lower() in rules.title_stopwords:
        cut.pop()
    title = " ".join(cut).rstrip(",;:")
    return title + ("…" if len(cut) < len(words) else "")


# ---------------------------------------------------------------------------- documents


def _first_capture(segments: list[Segment], key: str) -> tuple[str, str, Segment | None]:
    for seg in segments:
        if seg.captures.get(key):
            return seg.captures[key], seg.rule, seg
    return "", "", None


def _stated_date(segments: list[Segment], text: str, rules: CorpusRules) -> tuple[str, str]:
    for key in ("published", "updated"):
        for seg in segments:
            value = seg.captures.get(key)
            date = parse_date(value, rules.months) if value else ""
            if date:
                line_end = text.find("\n", seg.start)
                line = text[seg.start:seg.end if line_end < 0 else max(seg.end, line_end)]
                return date, line.strip()
    return "", ""


def _sidecar_lookup(sidecar: pd.DataFrame) -> dict[str, dict]:
    if sidecar is None or sidecar.empty:
        return {}
    return {r["file"]: r for r in sidecar.to_dict("records")}


def _disagree(file: str, what: str, text_value: str, side_value: str) -> None:
    if side_value and text_value and side_value.strip().lower() != text_value.strip().lower():
        log.warning("%s: data/sources.csv says %s %r but the text says %r - using the text",
                    file, what, side_value, text_value)


def _sentence_rows(text: str, doc_id: str, segments: list[Segment], rules: CorpusRules
                   ) -> list[dict]:
    spans = [(s, e, seg.paragraph) for seg in segments if seg.role == "body"
             for s, e in split_sentences(text, seg.start, seg.end, rules)]
    return [{"doc_id": doc_id, "sent_id": f"{doc_id}-s{k:03d}", "start": s, "end": e,
             "text": text[s:e], "paragraph": p} for k, (s, e, p) in enumerate(spans, start=1)]


def _title(text: str, segments: list[Segment], first_sentence: str, rules: CorpusRules,
           side: dict, file: str) -> tuple[str, str]:
    """(title, title_basis): headline line > sidecar > cut from the first sentence."""
    seg = next((s for s in segments if s.role == "title"), None)
    if seg is not None:
        title = _strip_markdown(text[seg.start:seg.end])
        _disagree(file, "title", title, side.get("title", ""))
        return title, "headline"
    if side.get("title"):
        return side["title"], "sidecar"
    return derive_title(first_sentence, rules) if first_sentence else "", "first-sentence"


def _published(text: str, segments: list[Segment], meta: dict, rules: CorpusRules,
               side: dict, file: str) -> tuple[str, str, str]:
    """(date, basis, evidence): dateline in the text > page <meta> > sidecar > unknown."""
    date, evidence = _stated_date(segments, text, rules)
    if not date and meta.get("published"):
        key_value = meta["published"].split("=", 1)[-1]
        date = parse_date(key_value[:10], rules.months) or parse_date(key_value, rules.months)
        evidence = f"<meta {meta['published']}>" if date else ""
    _disagree(file, "published", date, side.get("published", ""))
    if date:
        return date, "stated", evidence
    if side.get("published"):
        return side["published"], "sidecar", "data/sources.csv"
    return "", "unknown", ""


def _outlet(text: str, segments: list[Segment], url: str, author_outlet: str,
            rules: CorpusRules, side: dict, file: str) -> tuple[str, str, str, list[str]]:
    """(outlet, basis, evidence, cited outlets): URL domain > the text about itself >
    sidecar > 'unknown'. An outlet the text cites as its source is never its own."""
    names = rules.outlets.names
    own_text, own_evidence, cited = outlets_in_text(text, rules.outlets)
    wire = _first_capture(segments, "outlet")[0]
    if wire:
        own_text, own_evidence = names.get(wire, wire), f"({wire})"
    elif author_outlet:
        own_text, own_evidence = author_outlet, author_outlet
    side_outlet = names.get(side.get("outlet", ""), side.get("outlet", ""))
    own_url = outlet_from_url(url, rules.outlets) if url else ""
    if own_url:
        found = (own_url, "url", urlsplit(url).hostname or "")
    elif own_text:
        found = (own_text, "text", own_evidence)
    elif side_outlet:
        found = (side_outlet, "sidecar", "data/sources.csv")
    else:
        found = ("unknown", "unknown", "")
    if found[1] in ("url", "text"):
        _disagree(file, "outlet", found[0], side_outlet)
    return (*found, [c for c in cited if c != found[0]])


def _document_record(raw: dict, doc_id: str, rules: CorpusRules, side: dict
                     ) -> tuple[dict, list[dict]]:
    text, file = raw["text"], raw["file"]
    meta = raw.get("meta") if isinstance(raw.get("meta"), dict) else {}
    segments = segment(text, rules)
    sent_rows = _sentence_rows(text, doc_id, segments, rules)
    title, title_basis = _title(text, segments, sent_rows[0]["text"] if sent_rows else "",
                                rules, side, file)

    url = _first_capture(segments, "url")[0].rstrip(".,;") or meta.get("url", "")
    _disagree(file, "url", url, side.get("url", ""))
    url = url or side.get("url", "")

    author = _author_name(_first_capture(segments, "author")[0] or meta.get("author", ""))
    author_outlet = rules.outlets.names.get(author, "")
    if author_outlet:  # an outlet's name printed where the byline goes
        author = ""
    _disagree(file, "author", author, side.get("author", ""))
    author = author or side.get("author", "")

    published, basis, evidence = _published(text, segments, meta, rules, side, file)
    outlet, outlet_basis, outlet_evidence, cited = _outlet(
        text, segments, url, author_outlet, rules, side, file)

    body_text = " ".join(r["text"] for r in sent_rows)
    words = WORD_RE.findall((body_text or text).lower())
    doc = {
        "doc_id": doc_id, "file": file, "sha256": raw["sha256"], "title": title,
        "outlet": outlet, "author": author, "url": url, "published": published,
        "published_earliest": published, "published_latest": published,
        "published_basis": basis, "published_evidence": evidence, "title_basis": title_basis,
        "n_sentences": len(sent_rows), "n_words": len(words) if body_text else 0,
        "duplicate_of": "", "encoding": raw["encoding"],
        "language": guess_language(words, rules),
        "outlet_basis": outlet_basis, "outlet_evidence": outlet_evidence,
        "cited_outlets": cited,
        "_fingerprint": fingerprint(words, rules.limits),
    }
    return doc, sent_rows


# ---------------------------------------------------------------------------- duplicates


@dataclass(frozen=True)
class Fingerprint:
    """What near-duplicate detection needs of one article, computed where the article is read
    (in a worker process) so that only the matching runs over the whole corpus."""

    key: str  # hash of the normalized words: exact copies
    shingles: np.ndarray  # sorted unique hashes of k-word shingles
    signature: np.ndarray  # MinHash of the shingles


@functools.lru_cache(maxsize=4)
def _permutations(n_perm: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(20241001)
    mult = rng.integers(1, 2**63 - 1, size=n_perm, dtype=np.uint64) | np.uint64(1)
    add = rng.integers(0, 2**63 - 1, size=n_perm, dtype=np.uint64)
    return mult, add


@functools.lru_cache(maxsize=1 << 18)  # a corpus's vocabulary, hashed once per process
def _word_id(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


def _shingles(words: list[str], k: int) -> np.ndarray:
    if len(words) < k:
        return np.empty(0, dtype=np.uint64)
    ids = np.fromiter(map(_word_id, words), dtype=np.uint64, count=len(words))
    combined = np.zeros(len(ids) - k + 1, dtype=np.uint64)
    for j in range(k):
        combined = combined * np.uint64(1_000_003) + ids[j:len(ids) - k + 1 + j]
    return np.unique(combined)


def fingerprint(words: list[str], limits: dict) -> Fingerprint:
    """The article's exact-copy key, shingles and MinHash signature."""
    key = hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()
    shingles = _shingles(words, int(limits["shingle_words"]))
    mult, add = _permutations(int(limits["minhash_permutations"]))
    if len(shingles) == 0:
        return Fingerprint(key, shingles, np.empty(0, dtype=np.uint64))
    with np.errstate(over="ignore"):
        signature = (mult[:, None] * shingles[None, :] + add[:, None]).min(axis=1)
    return Fingerprint(key, shingles, signature)


def find_duplicates(texts: list[str], limits: dict) -> list[int | None]:
    """For each text (in file order), the index of the earlier text it repeats, or None.

    Exact copies (after lower-casing and whitespace/punctuation normalization) by hash;
    near copies by MinHash with LSH bands, verified by shingle Jaccard. Linear in the
    corpus size apart from the (small) candidate buckets.
    """
    return match_duplicates([fingerprint(WORD_RE.findall(t.lower()), limits) for t in texts],
                            limits)


SIGNATURE_MARGIN = 0.3
BUCKET_REACH = 50  # candidates taken from one LSH bucket: bounds the work on boilerplate


def match_duplicates(prints: list[Fingerprint], limits: dict) -> list[int | None]:
    """For each fingerprint (in file order), the index of the earlier article it repeats."""
    n_perm = int(limits["minhash_permutations"])
    bands = int(limits["minhash_bands"])
    rows = n_perm // bands
    threshold = float(limits["near_duplicate_jaccard"])
    exact: dict[str, int] = {}
    buckets: dict[tuple[int, bytes], list[int]] = {}
    shingle_sets: dict[int, np.ndarray] = {}
    # every kept signature, one row per article, so candidates are compared in one step
    signatures = np.zeros((max(1, len(prints)), n_perm), dtype=np.uint64)
    out: list[int | None] = []
    for i, fp in enumerate(prints):
        if fp.key in exact:
            root = exact[fp.key]
            out.append(root if root != i else None)
            continue
        if len(fp.shingles) == 0:
            out.append(None)
            continue
        keys = [(b, fp.signature[b * rows:(b + 1) * rows].tobytes()) for b in range(bands)]
        candidates = sorted({j for key_b in keys for j in buckets.get(key_b, [])[:BUCKET_REACH]})
        match = _verified_match(candidates, fp, signatures, shingle_sets, threshold)
        out.append(match)
        exact[fp.key] = i if match is None else match
        if match is None:
            shingle_sets[i] = fp.shingles
            signatures[i] = fp.signature
            for key_b in keys:
                buckets.setdefault(key_b, []).append(i)
    return out


def _verified_match(candidates: list[int], fp: Fingerprint, signatures: np.ndarray,
                    shingle_sets: dict[int, np.ndarray], threshold: float) -> int | None:
    """The first candidate (in file order) whose shingle Jaccard reaches the threshold. The
    signatures estimate the Jaccard similarity; candidates far below the threshold (the
    estimate errs by ~0.05 at most) are dropped before the exact count."""
    if not candidates:
        return None
    agreement = (signatures[candidates] == fp.signature).mean(axis=1)
    for j, share in zip(candidates, agreement, strict=True):
        if share < threshold - SIGNATURE_MARGIN:
            continue
        other = shingle_sets[j]
        inter = len(np.intersect1d(fp.shingles, other, assume_unique=True))
        if inter / (len(fp.shingles) + len(other) - inter) >= threshold:
            return j
    return None


# ---------------------------------------------------------------------------- build


def _unique_doc_ids(raw: pd.DataFrame) -> list[str]:
    ids, seen = [], {}
    for file, sha in zip(raw["file"], raw["sha256"], strict=True):
        base = "d" + sha[:10]
        seen[base] = seen.get(base, 0) + 1
        if seen[base] > 1:
            log.warning("%s: same bytes as an earlier file - id %s-%d", file, base, seen[base])
            base = f"{base}-{seen[base]}"
        ids.append(base)
    return ids


def _record_job(job: tuple, rules: CorpusRules) -> tuple[dict, list[dict]]:
    row, doc_id, side_entry = job
    return _document_record(row, doc_id, rules, side_entry)


def build_corpus(raw: pd.DataFrame, rules: CorpusRules, sidecar: pd.DataFrame | None = None
                 ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Raw articles -> (documents, sentences); see SCHEMA. Pure: inputs are not changed."""
    missing = [c for c in RAW_COLUMNS if c not in raw.columns]
    if missing:
        raise ValueError(f"build_corpus: raw frame lacks column(s) {', '.join(missing)}")
    raw = raw.sort_values("file", kind="stable").reset_index(drop=True)
    side = _sidecar_lookup(sidecar)
    known = set(raw["file"])
    for file in sorted(set(side) - known):
        log.warning("%s: listed in data/sources.csv but not in the seeds - ignored", file)
    docs, sents = [], []
    jobs = [(row, doc_id, side.get(row["file"], {}))
            for row, doc_id in zip(raw.to_dict("records"), _unique_doc_ids(raw), strict=True)]
    for doc, sent_rows in parallel.map_in_order(_record_job, jobs, rules):
        docs.append(doc)
        sents.extend(sent_rows)
    dup_index = match_duplicates([d.pop("_fingerprint") for d in docs], rules.limits)
    for doc, j in zip(docs, dup_index, strict=True):
        doc["duplicate_of"] = docs[j]["doc_id"] if j is not None else ""
    documents = pd.DataFrame(docs, columns=list(SCHEMA["documents"]))
    sentences = pd.DataFrame(sents, columns=list(SCHEMA["sentences"]))
    for col in ("n_sentences", "n_words"):
        documents[col] = documents[col].astype("int64")
    for col in ("start", "end", "paragraph"):
        sentences[col] = sentences[col].astype("int64")
    return documents, sentences
