"""Metadata: a document's title, publication date, author, URL and outlet.

Each field comes with its basis (where it was found: the text, the page's <meta>, the
URL, the story's sidecar sources.csv) and, for dates and outlets, the evidence phrase.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import replace
from urllib.parse import urlsplit

import pandas as pd

from trustbrief.corpus.datelines import Statement, scan, url_origin
from trustbrief.corpus.origins import canonical_lookup, origin_of, own_outlet
from trustbrief.corpus.printed_dates import read_printed
from trustbrief.corpus.published import Published, publication
from trustbrief.corpus.related_links import link_spans
from trustbrief.corpus.rules import (
    EDGE,
    PLACEHOLDER,
    SIDE_SOURCE,
    SIDECAR_FILE,
    CorpusRules,
    Outlets,
)
from trustbrief.corpus.segmenter import Segment, strip_markdown

log = logging.getLogger("trustbrief")


def parse_date(value: str, months: dict[str, int], min_year: int = 1) -> str:
    """'SEPTEMBER 29, 2024', '9 Oct. 2024', '2024-10-09' -> ISO string ('' if not a full
    date), read as every printed date is (printed_dates.read_printed); `min_year`: the
    earliest year taken for a publication year (datelines.yaml limits.min_year)."""
    printed = read_printed(value, months, min_year)
    day = printed.date() if printed is not None else None
    return day.isoformat() if day is not None else ""


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
    """(date, line) of the first publication date a boilerplate rule captured. An update
    stamp is not one: the article was published on or before it (datelines' `updated`)."""
    min_year = int(rules.datelines.limits["min_year"]) if rules.datelines is not None else 1
    links = link_spans(text, rules.datelines)  # a related article's date is not its own
    for key in ("published",):
        for seg in segments:
            if any(s <= seg.start < e for s, e in links):
                continue
            value = seg.captures.get(key)
            date = parse_date(value, rules.months, min_year) if value else ""
            if date:
                line_end = text.find("\n", seg.start)
                line = text[seg.start:seg.end if line_end < 0 else max(seg.end, line_end)]
                return date, line.strip()
    return "", ""


def sidecar_lookup(sidecar: pd.DataFrame) -> dict[str, dict]:
    if sidecar is None or sidecar.empty:
        return {}
    return {r["file"]: r for r in sidecar.to_dict("records")}


def warn_disagreement(file: str, what: str, text_value: str, side_value: str,
                      sidecar_file: str = SIDECAR_FILE) -> None:
    if side_value and text_value and side_value.strip().lower() != text_value.strip().lower():
        log.warning("%s: %s says %s %r but the text says %r - using the text",
                    file, sidecar_file, what, side_value, text_value)


def story_first_sentence(sent_rows: list[dict], segments: list[Segment], rules: CorpusRules
                         ) -> str:
    """The story's first sentence: the one after its dateline (a `starts_story` rule of
    data/boilerplate.yaml) when a dateline opens the story, since sentences above it are
    photo captions or page text; else the first body sentence."""
    starts = {r.name for r in rules.rules if r.starts_story}
    mark = next((seg.end for seg in segments if seg.role == "boilerplate" and seg.rule in starts),
                None)
    after = [r["text"] for r in sent_rows if mark is not None and r["start"] >= mark]
    return after[0] if after else sent_rows[0]["text"] if sent_rows else ""


def find_title(text: str, segments: list[Segment], first_sentence: str, rules: CorpusRules,
           side: dict, file: str) -> tuple[str, str]:
    """(title, title_basis): headline line > sidecar > cut from the first sentence."""
    seg = next((s for s in segments if s.role == "title"), None)
    if seg is not None:
        title = strip_markdown(text[seg.start:seg.end])
        warn_disagreement(file, "title", title, side.get("title", ""),
                          side.get(SIDE_SOURCE, SIDECAR_FILE))
        return title, "headline"
    if side.get("title"):
        return side["title"], "sidecar"
    return derive_title(first_sentence, rules) if first_sentence else "", "first-sentence"


def find_published(text: str, segments: list[Segment], statement: Statement, meta: dict,
                   url: str, rules: CorpusRules, side: dict, file: str) -> Published:
    """Publication date, range, basis and evidence (see trustbrief.corpus.published)."""
    return publication(statement, _stated_date(segments, text, rules), meta, url, side,
                       rules.datelines, file)


def lede_citation(sentences: list[str], outlets: Outlets) -> tuple[str, str]:
    """(outlet, phrase) the first sentences attribute the news to ('A-land officials tell Outlet',
    'according to Agency'), or ('', '')."""
    lede = " ".join(sentences)
    if not lede:
        return "", ""
    by_name: dict[str, list[tuple[int, int]]] = {}
    for m in outlets.any_name.finditer(lede):
        by_name.setdefault(outlets.names[m.group("outlet")], []).append(m.span("outlet"))
    hits = sorted((hit, name) for name, spans in by_name.items()
                  for hit in [_first_cue(lede, spans, outlets.citation + outlets.weak)] if hit)
    if not hits:
        return "", ""
    (_, phrase), name = hits[0]
    return name, phrase


def find_outlet(text: str, statement: Statement, url: str, author_outlet: str, meta: dict,
                lede: list[str], rules: CorpusRules, side: dict, file: str) -> dict:
    """outlet, origin (each with basis and evidence) and cited outlets; see
    trustbrief.corpus.origins. An outlet the text cites is never its own."""
    lookup = canonical_lookup(rules.outlets.names)
    # 'told Agency' is someone speaking to an outlet, maybe not this one: strong cues only
    text_outlet, text_evidence, cited = outlets_in_text(text, replace(rules.outlets, weak=()))
    side_outlet = lookup(side.get("outlet", "")) or side.get("outlet", "")
    outlet, basis, evidence = own_outlet(
        side_outlet=side_outlet, url=url,
        url_outlet=outlet_from_url(url, rules.outlets) if url else "", statement=statement,
        text_outlet=(text_outlet, text_evidence), author_outlet=author_outlet,
        site_name=lookup(meta.get("outlet", "")) or meta.get("outlet", ""), text=text,
        name_words=rules.outlets.name_words, sidecar_file=side.get(SIDE_SOURCE, SIDECAR_FILE))
    if basis != "sidecar":
        warn_disagreement(file, "outlet", outlet, side_outlet, side.get(SIDE_SOURCE, SIDECAR_FILE))
    # a rewrite that says so ('Read the original') may name its source further down
    cited_in = [text] if statement.relays else lede
    wire = url_origin(url, rules.datelines, lookup)[0] if url and rules.datelines else ""
    # a known outlet a line names as the site's own ('AGENCY' as the last line, 'Follow X on
    # Telegram') on a page the address says is another site's: the copy the site carries
    carried = statement.outlet if basis in ("url", "domain") and lookup(statement.outlet) else ""
    origin, origin_basis, origin_evidence = origin_of(
        statement, lede_citation(cited_in, rules.outlets), outlet, (text_outlet, text_evidence),
        (wire, url if wire else ""),
        (author_outlet, f"By {author_outlet}" if author_outlet else ""),
        (carried, statement.outlet_evidence if carried else ""))
    return {"outlet": outlet, "outlet_basis": basis, "outlet_evidence": evidence,
            "origin": origin, "origin_basis": origin_basis, "origin_evidence": origin_evidence,
            "cited_outlets": [c for c in cited if c != outlet]}


def scan_statement(text: str, rules: CorpusRules) -> Statement:
    """What the article's own lines state (data/datelines.yaml); empty without a grammar."""
    if rules.datelines is None:
        return Statement()
    return scan(text, rules.datelines, canonical_lookup(rules.outlets.names))
