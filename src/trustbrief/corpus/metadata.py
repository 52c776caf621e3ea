"""Metadata: a document's title, publication date, author, URL and outlet.

Each field comes with its basis (where it was found: the text, the page's <meta>, the
URL, the sidecar data/sources.csv) and, for dates and outlets, the evidence phrase.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from urllib.parse import urlsplit

import pandas as pd

from trustbrief.corpus.rules import EDGE, PLACEHOLDER, CorpusRules, Outlets
from trustbrief.corpus.segmenter import Segment, strip_markdown

log = logging.getLogger("trustbrief")

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


def author_name(value: str) -> str:
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


def first_capture(segments: list[Segment], key: str) -> tuple[str, str, Segment | None]:
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


def sidecar_lookup(sidecar: pd.DataFrame) -> dict[str, dict]:
    if sidecar is None or sidecar.empty:
        return {}
    return {r["file"]: r for r in sidecar.to_dict("records")}


def warn_disagreement(file: str, what: str, text_value: str, side_value: str) -> None:
    if side_value and text_value and side_value.strip().lower() != text_value.strip().lower():
        log.warning("%s: data/sources.csv says %s %r but the text says %r - using the text",
                    file, what, side_value, text_value)


def find_title(text: str, segments: list[Segment], first_sentence: str, rules: CorpusRules,
           side: dict, file: str) -> tuple[str, str]:
    """(title, title_basis): headline line > sidecar > cut from the first sentence."""
    seg = next((s for s in segments if s.role == "title"), None)
    if seg is not None:
        title = strip_markdown(text[seg.start:seg.end])
        warn_disagreement(file, "title", title, side.get("title", ""))
        return title, "headline"
    if side.get("title"):
        return side["title"], "sidecar"
    return derive_title(first_sentence, rules) if first_sentence else "", "first-sentence"


def find_published(text: str, segments: list[Segment], meta: dict, rules: CorpusRules,
               side: dict, file: str) -> tuple[str, str, str]:
    """(date, basis, evidence): dateline in the text > page <meta> > sidecar > unknown."""
    date, evidence = _stated_date(segments, text, rules)
    if not date and meta.get("published"):
        key_value = meta["published"].split("=", 1)[-1]
        date = parse_date(key_value[:10], rules.months) or parse_date(key_value, rules.months)
        evidence = f"<meta {meta['published']}>" if date else ""
    warn_disagreement(file, "published", date, side.get("published", ""))
    if date:
        return date, "stated", evidence
    if side.get("published"):
        return side["published"], "sidecar", "data/sources.csv"
    return "", "unknown", ""


def find_outlet(text: str, segments: list[Segment], url: str, author_outlet: str,
            rules: CorpusRules, side: dict, file: str) -> tuple[str, str, str, list[str]]:
    """(outlet, basis, evidence, cited outlets): URL domain > the text about itself >
    sidecar > 'unknown'. An outlet the text cites as its source is never its own."""
    names = rules.outlets.names
    own_text, own_evidence, cited = outlets_in_text(text, rules.outlets)
    wire = first_capture(segments, "outlet")[0]
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
        warn_disagreement(file, "outlet", found[0], side_outlet)
    return (*found, [c for c in cited if c != found[0]])
