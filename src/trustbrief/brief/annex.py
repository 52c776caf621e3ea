"""The brief's annex: events off the timeline, tables, methods, articles and provenance.

File names, hashes, versions and parameters appear here and nowhere else in a brief.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from trustbrief import provenance
from trustbrief.brief.html import HTMLBlock, esc, prose, section, table
from trustbrief.brief.tables import Tables
from trustbrief.brief.views.cells import as_list, short_span, text_column, to_date
from trustbrief.brief.views.events import TIMELINE_EVENTS, unplaced_events
from trustbrief.brief.views.outlets import is_unknown_outlet, outlet_labels


def corpus_table(tables: Tables, sources=None) -> HTMLBlock:
    """Every article with its number in the notes, file, outlet and date (bounded rows)."""
    docs = tables["documents"].copy()
    if docs.empty:
        return table(docs)
    if sources is not None:
        docs.insert(0, "number", [sources.number.get(d, "") for d in docs["doc_id"]])
        docs = docs.sort_values("number", kind="stable")
    docs["published"] = [
        f"{_published_days(p, e, la)} ({b})" for p, e, la, b in zip(
            docs["published"], text_column(docs, "published_earliest"),
            text_column(docs, "published_latest"), docs["published_basis"], strict=True)]
    return table(docs, {"number": "No.", "file": "File", "title": "Title", "outlet": "Outlet",
                        "published": "Published (basis)", "n_sentences": "Sentences",
                        "duplicate_of": "Duplicate of"})


def _published_days(day: str, earliest: str, latest: str) -> str:
    """'2024-10-08'; an undated article's bounds, for the auditor ('2024-07-01 – 2024-11-30',
    'from 2024-07-01'), or 'unknown' when nothing bounds it."""
    if day:
        return day
    if earliest and latest:
        return f"{earliest} – {latest}"
    return f"from {earliest}" if earliest else f"until {latest}" if latest else "unknown"


def provenance_appendix(params: dict, tables: Tables) -> HTMLBlock:
    """Seeds with sha256, data files, parameters, package versions, git revision, build time."""
    prov = tables.provenance
    seeds = pd.DataFrame(prov.get("seeds", []))
    data_files = pd.DataFrame(prov.get("data_files", []))
    versions = dict(prov.get("packages", {}))
    versions.update(provenance.package_versions())
    shown_params = {k: v for k, v in params.items() if k != "processed_dir"}
    parts = [
        "<h3>Parameters</h3>",
        table(pd.DataFrame({"parameter": list(shown_params),
                            "value": [str(v) for v in shown_params.values()]}))._repr_html_(),
        "<h3>Input articles</h3>",
        table(seeds, {"file": "File", "sha256": "sha256"})._repr_html_(),
        "<h3>Analyst data files</h3>",
        table(data_files, {"file": "File", "sha256": "sha256"})._repr_html_(),
        "<h3>Software</h3>",
        table(pd.DataFrame({"package": list(versions), "version": list(versions.values())})
              )._repr_html_(),
        f'<p class="tb-meta">git revision {esc(provenance.git_revision(Path.cwd()))} · '
        f"built {esc(params.get('build_time') or provenance.build_time())}</p>",
    ]
    return HTMLBlock('<div class="tb-appendix">' + "".join(parts) + "</div>")


METHODS = (
    "Articles. Each file is read as received; bylines, datelines and site furniture are "
    "separated from the body, and what they tell (outlet, author, URL, date) is kept. A "
    "publication date is stated in the text, given in a sidecar, or inferred; when only a "
    "range is known, the range is shown.",
    "Events. Sentences are matched against the event vocabulary and the actors of the world "
    "knowledge; mentions of the same type, compatible dates and shared participants are "
    "merged into one event. The timeline shows asserted events whose best date falls in the "
    "period, and alleged ones (told as done, their doer only someone's charge), labelled "
    "'(alleged)', or '(attributed to X)' when the label does not name the accused; "
    "undated, planned and reporting items are listed in this annex instead. An "
    "event's date basis says how it was dated: explicit, the sentence states the date; "
    "relative, a day counted from the article's stated date ('last Friday'); "
    "relative-inferred, the same from an inferred publication date; reported, a lede's news "
    "with no time of its own, dated to the days just before and of its article's "
    "publication; "
    "chronology, the story's reference chronology; annotation, an analyst's correction; "
    "open, no date.",
    "Corroboration. Articles that relay the same outlet's report are one independent origin. "
    "Judgements take their confidence from the origins behind their sources and whether any "
    "official speaks on the record: high = three or more origins and an on-record source; "
    "moderate = two or more; low = one. Likelihood words follow ICD 203.",
    "Conflicting accounts. Values are compared with tolerance and unit sense: a measure is "
    "read as an interval ('nearly 50 days' = 35-50 days; 'two months' = 39-81 days), notice "
    "levels conflict only more than one step apart (none, minutes, hours, days), dates only "
    "when their ranges do not overlap.",
    "Trust statements. A statement is a sentence in which the observer's officials express "
    "(dis)trust of the subject, with its speaker. It is dated by when it was made when the "
    "sentence says so; otherwise only the article's publication date bounds it.",
)


def _month_dates(events: pd.DataFrame) -> pd.DataFrame:
    """The events with a month-dated one's date as its month ('2025-09'), never its 1st, and
    one dated to a few days as its span, an ISO 8601 interval ('2025-10-08/09',
    '2025-08-31/09-01'), never its first day."""
    if events.empty or "date_precision" not in events:
        return events
    return events.assign(date=[_iso_when(d, p, (to_date(lo), to_date(hi)))
                               for d, p, lo, hi in zip(
        text_column(events, "date"), text_column(events, "date_precision"),
        text_column(events, "date_earliest"), text_column(events, "date_latest"), strict=True)])


def _iso_when(date: str, precision: str, span) -> str:
    if precision == "month":
        return date[:7]
    if not short_span(to_date(date), span):
        return date
    first, last = span
    same_month = (first.year, first.month) == (last.year, last.month)
    end = f"{last:%d}" if same_month else f"{last:%m-%d}" if first.year == last.year \
        else f"{last:%Y-%m-%d}"
    return f"{first:%Y-%m-%d}/{end}"


def origin_names(events: pd.DataFrame, documents: pd.DataFrame, sources) -> list[str]:
    """Each event's origins as a reader finds them: outlets by name, then the articles of
    unnamed outlets by their numbers in the sources list ('articles [3, 8]'), never their
    whole titles: seven titles in one cell were clipped mid-title and hid the count."""
    names = {d: full for d, (_, full) in outlet_labels(documents).items()}
    unnamed = {d for d, outlet in zip(text_column(documents, "doc_id"),
                                      text_column(documents, "outlet"), strict=True)
               if is_unknown_outlet(outlet)}
    out = []
    for cell in text_column(events, "origins"):
        origins = as_list(cell)
        articles = [o for o in origins if o in unnamed]
        numbers = sources.cite_text(articles, limit=None) if articles else ""
        named = [names.get(o, o) for o in origins if o not in unnamed or not numbers]
        if numbers:
            named.append(("article " if len(articles) == 1 else "articles ") + numbers)
        out.append(", ".join(named))
    return out


# A quote shorter than this is a phrase the article quotes inside its own sentence ('what it
# described as Portview's "hostile steps"', 'a "regrettable episode"'), not what was said.
MIN_QUOTE_WORDS = 5


def said(quote: str, sentence: str) -> str:
    """What a claim row shows: the quoted words when they are the statement (five words or
    more, or the words the sentence opens with: '"The answer is no," X said'), else the
    whole sentence, so a scare-quoted phrase ('hostile steps.', 'cover up') is read in
    the sentence that says who called what so."""
    if not quote:
        return sentence
    opens = sentence.lstrip(" \"“'‘").startswith(quote.rstrip(".,"))
    return quote if len(quote.split()) >= MIN_QUOTE_WORDS or opens or not sentence else sentence


def _said_once(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per speaker, words and article: a quote an article repeats (a photo caption
    restating the lede's 'The answer is no') was said once, not twice."""
    words = claims["said"].str.casefold().str.replace(r"\W+", " ", regex=True).str.strip()
    return claims[~pd.DataFrame({"doc": text_column(claims, "doc_id"),
                                 "who": text_column(claims, "speaker"),
                                 "said": words}).duplicated().to_numpy()]


def annex(brief) -> HTMLBlock:
    """Everything an auditor needs and a reader may skip, after the main body."""
    events = brief.events
    unplaced = unplaced_events(events, brief.start, brief.end, brief.actor_sides,
                               TIMELINE_EVENTS, brief.pair)
    shown = _month_dates(brief.timeline_events)
    unplaced = _month_dates(unplaced)
    shown = shown.assign(origins=origin_names(shown, brief.tables["documents"], brief.sources))
    claims = brief.tables["claims"].copy()
    if len(claims):
        claims["source"] = claims["doc_id"].map(lambda d: brief.sources.cite_text([d]))
        claims["speaker_type"] = claims["speaker_type"].str.replace("_", " ")
        claims["said"] = [said(q, s) for q, s in zip(text_column(claims, "quote"),
                                                     text_column(claims, "text"), strict=True)]
        claims = _said_once(claims)
    parts = [
        '<div class="tb-annex">', section("Annex").markup,
        "<h3>A. Events not on the timeline</h3>",
        table(unplaced, {"label": "Event", "why": "Why not shown", "date": "Date",
                         "date_basis": "Date basis", "n_documents": "Articles",
                         "n_origins": "Origins"},
              empty="Every event of the period is on the timeline.").markup,
        "<h3>B. Events on the timeline</h3>",
        table(shown, {"event_id": "Id", "date": "Date", "date_basis": "Basis", "label": "Event",
                      "n_documents": "Articles", "n_outlets": "Outlets", "n_origins": "Origins",
                      "origins": "Origin names"}).markup,
        "<h3>C. Claims and quotes</h3>",
        table(claims, {"speaker": "Speaker", "speaker_type": "Type", "cited_outlet": "Via",
                       "said": "Said", "source": "Source"}).markup,
        "<h3>D. Methods</h3>", prose(*METHODS).markup,
        "<h3>E. Articles, files and dates</h3>", corpus_table(brief.tables, brief.sources).markup,
        "<h3>F. Provenance</h3>", provenance_appendix(brief.params, brief.tables).markup,
        "</div>",
    ]
    return HTMLBlock("".join(parts))
