"""The dating stage: infer_publication_dates over the documents table (see trustbrief.dating)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Collection, Mapping
from dataclasses import dataclass

import pandas as pd

from trustbrief.corpus.rules import SIDECAR_FILE
from trustbrief.dating.chronology import iso_or_none
from trustbrief.dating.clues import (
    DOCUMENT_FIELDS,
    EVIDENCE_SEP,
    ONE_DAY,
    Clue,
    dedupe,
    lede_clues,
    present,
    printed_clue,
)
from trustbrief.dating.deadlines import DeadlineWords, deadline_clues, default_deadline_words
from trustbrief.dating.decide import Verdict, decide, score
from trustbrief.dating.elapsed import elapsed_clues, uncounted_clues
from trustbrief.dating.explicit import (
    corpus_years,
    explicit_date_clues,
    governing_polarity,
    retold_lede_times,
)
from trustbrief.dating.incidents import IncidentWords, default_incident_words, incident_clues
from trustbrief.dating.incidents import incident_words as find_incident_words
from trustbrief.dating.lede import lede_depths
from trustbrief.dating.mentions import collect_clues
from trustbrief.dating.named_days import NamedDays, default_named_days, named_day_clues
from trustbrief.dating.period import (
    Span,
    collection_span,
    period_span,
    period_verdict,
    within_period,
)
from trustbrief.dating.pinned import RANGE_PIN_DAYS, RANGED_EARLIEST, RANGED_LATEST
from trustbrief.dating.printed_year import YEAR, lede_year
from trustbrief.dating.tenure import tenure_clues
from trustbrief.dating.week_frame import week_frame_clues
from trustbrief.tables import frame_records

log = logging.getLogger("trustbrief")


def _evidence(clues: list[Clue]) -> str:
    """The sentences the clues come from, once each, in reading order."""
    by_sentence: dict[str, str] = {}
    for clue in clues:
        text = " ".join(clue.text.split())
        if len(text) > len(by_sentence.get(clue.sent_id, "")):
            by_sentence[clue.sent_id] = text
    texts: list[str] = []
    for _, text in sorted(by_sentence.items()):
        if text not in texts:
            texts.append(text)
    return EVIDENCE_SEP.join(texts)


def _corpus_span(rows: list[dict], margin_days: int) -> tuple[dt.date | None, dt.date | None]:
    """First and last publication day of the dated documents, widened by margin_days."""
    days = [d for d in (iso_or_none(r.get("published")) for r in rows) if d]
    if not days:
        return None, None
    margin = dt.timedelta(days=margin_days)
    return min(days) - margin, max(days) + margin


def _bounds(row: dict, span: tuple) -> tuple[dt.date | None, dt.date | None]:
    """Hard limits the corpus stage found (URL month, update stamp); a yearless printed date
    is looked for within the year that ends with the corpus's span (each day and month occurs
    once in it; the article may be older than every dated one). A dated row (sidecar) is
    checked unbounded."""
    if row.get("published"):
        return None, None
    lower = iso_or_none(row.get("published_earliest"))
    upper = iso_or_none(row.get("published_latest"))
    if str(row.get("published_printed") or "").startswith("--") and span[1]:
        year_back = span[1] - YEAR + ONE_DAY
        lower = max(lower, year_back) if lower else year_back
    upper = min(upper, span[1]) if upper and span[1] else upper or span[1]
    return lower, upper


OPEN_BASES = ("unknown", "", None)


# Articles dated by this stage (a printed day, a pinned inference) date the events they
# report for the articles still open, as articles dated beforehand do; a few passes reach
# every chain a corpus holds.
MAX_PASSES = 3


@dataclass(frozen=True)
class _Outcome:
    row: dict
    verdict: Verdict | None
    printed: Clue | None
    clues: list[Clue]


def infer_publication_dates(documents: pd.DataFrame, found: dict, chronology: pd.DataFrame,
                            max_lag_days: int = 14, lookaround_days: int = 62,
                            sentences: pd.DataFrame | None = None,
                            sidecar_file: str = SIDECAR_FILE,
                            period: tuple[str, str] = ("", ""),
                            deadline_words: DeadlineWords | None = None,
                            named_days: NamedDays | None = None,
                            sidecar_listed: Collection[str] = (),
                            incident_words: IncidentWords | None = None,
                            depths: Mapping[tuple[str, str], int] | None = None,
                            incident_found: list | None = None) -> pd.DataFrame:
    """Date the documents whose day is not known yet (published empty): the range the clues
    allow, and the day when they pin it (basis 'inferred', or 'stated' when a printed
    day-and-month found its year). Sidecar dates are checked against the clues; warnings
    name `sidecar_file` (the story's sources.csv) as the place to add a known day.
    `period`: the story's first and last day (ISO; '' when not given): an article without
    any clue is given it, widened to the corpus's dated articles, as its range.
    `deadline_words`: data/deadlines.yaml as loaded (the shared data's by default);
    `named_days`: data/named_days.yaml as loaded (likewise); `sidecar_listed`: the files that
    already have a row in the sidecar (the warning says to fill its `published` cell rather
    than add a second row, which the sidecar refuses); `incident_words`: data/incidents.yaml
    as loaded (likewise); `depths`: lede.lede_depths(sentences) when the caller has it already
    (the pipeline also gives it to the events stage), computed here otherwise;
    `incident_found`: incidents.incident_words of the sentences when the caller has it (the
    pipeline gives it to dated_incidents too)."""
    docs = documents.copy()
    for column in ("published", "published_earliest", "published_latest", "published_evidence",
                   "published_printed"):
        if column not in docs.columns:
            docs[column] = ""
    texts = _texts(found, sentences, depths,
                   (deadline_words or default_deadline_words(),
                    named_days or default_named_days(),
                    incident_words or default_incident_words()),
                   _subjects(docs), incident_found)
    outcomes = _passes(docs, found, chronology, texts, (max_lag_days, lookaround_days), period)
    for i, outcome in outcomes.items():
        name = outcome.row.get("file") or outcome.row["doc_id"]
        if outcome.row.get("published_basis") == "sidecar":
            _check_sidecar(name, iso_or_none(outcome.row.get("published")), outcome.verdict,
                           outcome.clues, sidecar_file)
            continue
        _report(name, outcome.verdict, sidecar_file, name in set(sidecar_listed))
        for column, value in _cells(outcome.row, outcome.verdict, outcome.printed).items():
            docs.at[i, column] = value
    return docs


def _passes(docs: pd.DataFrame, found: dict, chronology: pd.DataFrame, texts: tuple,
            limits: tuple[int, int], period: tuple[str, str]) -> dict:
    """Index -> _Outcome of the last pass that read each open document: a pass's pinned days
    date the events of the next (as articles dated beforehand do), and so do its narrow
    ranges (RANGED_* columns, dating.pinned: a weekday every day of the range reads alike)."""
    outcomes: dict = {}
    anchors = docs
    for _ in range(MAX_PASSES):
        latest = _one_pass(anchors, found, chronology, texts, *limits, period)
        outcomes.update(latest)
        cells = {i: _cells(o.row, o.verdict, o.printed) for i, o in latest.items()
                 if o.row.get("published_basis") != "sidecar"}
        pinned = {i: c for i, c in cells.items() if c.get("published")}
        ranged = {i: (o.verdict.earliest.isoformat(), o.verdict.latest.isoformat())
                  for i, o in latest.items() if i not in pinned and _narrow(o.verdict)}
        if not pinned and all(_ranged_cells(anchors, i) == ranged.get(i, NO_RANGE)
                              for i in latest):
            break
        anchors = anchors.copy()
        for i, cell in pinned.items():
            for column, value in cell.items():
                anchors.at[i, column] = value
        for column in (RANGED_EARLIEST, RANGED_LATEST):
            if column not in anchors.columns:
                anchors[column] = ""
        for i in latest:  # a range that widened since is no longer read
            anchors.at[i, RANGED_EARLIEST], anchors.at[i, RANGED_LATEST] = \
                ranged.get(i, NO_RANGE)
    return outcomes


def _narrow(verdict: Verdict | None) -> bool:
    return verdict is not None and verdict.published is None and \
        (verdict.latest - verdict.earliest).days < RANGE_PIN_DAYS


NO_RANGE = ("", "")


def _ranged_cells(anchors: pd.DataFrame, i) -> tuple[str, str]:
    if RANGED_EARLIEST not in anchors.columns:
        return NO_RANGE
    return anchors.at[i, RANGED_EARLIEST], anchors.at[i, RANGED_LATEST]


def _open_rows(docs: pd.DataFrame) -> tuple[list[dict], list[tuple]]:
    """The documents' rows, and (index, row) of those still open or dated by the sidecar
    (whose date the clues check)."""
    rows = frame_records(docs, present(docs, DOCUMENT_FIELDS))
    return rows, [(i, row) for i, row in zip(docs.index, rows, strict=True)
                  if not row.get("published") or row.get("published_basis") == "sidecar"]


def _subjects(docs: pd.DataFrame) -> set[str]:
    """The documents the first pass dates or checks; a later pass reads fewer of them (the
    ones it pinned are dated), never others."""
    return {row["doc_id"] for _, row in _open_rows(docs)[1]}


def _texts(found: dict, sentences: pd.DataFrame | None,
           depths: Mapping[tuple[str, str], int] | None, words: tuple,
           subjects: set[str], incident_found: list | None = None) -> tuple:
    """What every pass reads of the texts (they do not change between passes): the time
    expressions, sentence texts, verbs' polarity and the retold lede times of the `subjects`
    (the only documents a clue of the texts alone is given to: one new article of a large
    corpus reads its own rows only), lede depths, the deadline and named-day words, the
    incident words and where the sentences hold them (every sentence's: the corpus dates the
    incidents; `incident_found` when the caller has them already), and the years every
    article prints with a day and month (explicit.corpus_years)."""
    deadline_words, named_days, incident_words = words
    if incident_found is None:
        incident_found = find_incident_words(_sentence_texts(found, sentences),
                                             _lede_times(found, sentences), incident_words)
    own = _of_documents(found, subjects)
    own_sentences = _of_documents({"sentences": sentences}, subjects)["sentences"]
    times = _lede_times(own, own_sentences)
    depths = lede_depths(sentences) if depths is None else depths
    return (times, _sentence_texts(own, own_sentences), governing_polarity(own.get("mentions")),
            depths, deadline_words, named_days, retold_lede_times(own.get("mentions"), depths),
            incident_words, incident_found, corpus_years(found.get("time_expressions")))


def _of_documents(frames: dict, doc_ids: set[str]) -> dict:
    """The frames' rows of the documents `doc_ids` (rows keep their order)."""
    out = {}
    for name, frame in frames.items():
        if frame is None or "doc_id" not in frame:
            out[name] = frame
            continue
        out[name] = frame[frame["doc_id"].isin(list(doc_ids))]
    return out


def _one_pass(docs: pd.DataFrame, found: dict, chronology: pd.DataFrame, texts: tuple,
              max_lag_days: int, lookaround_days: int, period: tuple[str, str] = ("", "")
              ) -> dict:
    """Index -> _Outcome for every document still open in `docs` (and every sidecar date)."""
    rows, open_rows = _open_rows(docs)
    wanted = {row["doc_id"] for _, row in open_rows}
    times, sentence_texts, polarity, depths, deadline_words, named_days, retold, incidents, \
        incident_found, years_printed = texts
    clues = collect_clues(docs, found, chronology, wanted, depths, incidents)
    span = _corpus_span(rows, lookaround_days)
    window = span if None not in span else None
    stated = period_span(period, rows)
    collected = None if stated else collection_span(window, rows)
    for extra in (lede_clues(times, wanted, depths), week_frame_clues(times, wanted, depths),
                  explicit_date_clues(times, sentence_texts, wanted, window,
                                      polarity=polarity, depths=depths, retold=retold,
                                      years_printed=years_printed),
                  deadline_clues(times, sentence_texts, wanted, window, depths,
                                 deadline_words),
                  named_day_clues(sentence_texts, wanted, window, depths, named_days),
                  incident_clues(docs, times, sentence_texts, wanted, incidents,
                                 found_words=incident_found),
                  elapsed_clues(docs, times, sentence_texts, wanted, incidents,
                                found_words=incident_found),
                  uncounted_clues(docs, times, sentence_texts, wanted, incidents,
                                  found_words=incident_found),
                  tenure_clues(docs, found, wanted, incidents.ends_tenure, sentence_texts,
                               incidents.tenure)):
        for doc_id, more in extra.items():
            clues[doc_id] = dedupe(clues.get(doc_id, []) + more)
    out = {}
    for i, row in open_rows:
        doc_clues = clues.get(row["doc_id"], [])
        printed = printed_clue(row)
        if printed is not None:
            doc_clues = [printed, *doc_clues]
        bounds = _bounds(row, span)
        verdict = decide(doc_clues, max_lag_days, lookaround_days, bounds)
        if printed is not None:
            verdict = lede_year(verdict, doc_clues, bounds, span[0], lambda other, c=doc_clues:
                                decide(c, max_lag_days, lookaround_days, other))
        if row.get("published_basis") != "sidecar":
            verdict = _with_period(row, doc_clues, verdict, stated, bounds,
                                   (max_lag_days, lookaround_days))
            if verdict is None and collected is not None:
                verdict = period_verdict(row, collected, "the days of the corpus's dated "
                                         f"articles and {lookaround_days} days either side")
        out[i] = _Outcome(row, verdict, printed, doc_clues)
    return out


def _with_period(row: dict, clues: list[Clue], verdict: Verdict | None, span: Span | None,
                 bounds: tuple, limits: tuple[int, int]) -> Verdict | None:
    """The story's period (dating.period): the range of an article without clues, a limit
    on the range of one whose clues leave it open; `limits`: decide's max_lag_days and
    lookaround_days."""
    if verdict is None:
        return period_verdict(row, span)
    if span is not None and _open_below(clues, bounds):
        # only upper bounds (a plan, an office held): decide's window starts a lookaround
        # before them, a day no clue gives; the story's period starts the range instead
        verdict = decide(clues, *limits, (span[0], bounds[1])) or verdict
    return within_period(row["doc_id"], verdict, span, bounds,
                         lambda within: decide(clues, *limits, within))


def _open_below(clues: list[Clue], bounds: tuple) -> bool:
    """No clue and no bound places the article from below (decide's window: only 'before'
    clues have events)."""
    return bounds[0] is None and not any(c.kind != "before" and c.events for c in clues)


def _lede_times(found: dict, sentences: pd.DataFrame | None) -> pd.DataFrame | None:
    """The time expressions, with the text of their sentence as evidence when known (from
    the sentences table, else from the mentions)."""
    times = found.get("time_expressions")
    if sentences is None or "text" not in sentences:
        sentences = found.get("mentions")
    if times is None or times.empty or sentences is None or "text" not in sentences:
        return times
    sentences = sentences.drop_duplicates(["doc_id", "sent_id"])
    texts = sentences[["sent_id", "text"]].rename(columns={"text": "sentence_text"})
    return times.merge(texts, on="sent_id", how="left")


def _sentence_texts(found: dict, sentences: pd.DataFrame | None) -> dict:
    """(doc_id, sent_id) -> sentence text, from the sentences table or else the mentions."""
    source = sentences if sentences is not None and "text" in sentences else \
        found.get("mentions")
    if source is None or source.empty or "text" not in source:
        return {}
    return dict(zip(zip(source["doc_id"], source["sent_id"], strict=True), source["text"],
                    strict=True))


def _cells(row: dict, verdict: Verdict | None, printed: Clue | None) -> dict[str, str]:
    """The published* cells for one document."""
    if verdict is None:
        return {}
    out = {"published_earliest": verdict.earliest.isoformat(),
           "published_latest": verdict.latest.isoformat()}
    stated = printed is not None and printed in verdict.used and verdict.published is not None
    if row.get("published_basis") in OPEN_BASES or not stated:
        evidence = _evidence([c for c in verdict.used if c.kind != "printed"])
        out["published_basis"] = "stated" if stated else "inferred"
        if not stated:
            previous = str(row.get("published_evidence") or "")
            out["published_evidence"] = EVIDENCE_SEP.join(x for x in (previous, evidence) if x)
    if verdict.published is not None:
        out["published"] = verdict.published.isoformat()
    return out


def _report(name: str, verdict: Verdict | None, sidecar_file: str = SIDECAR_FILE,
            listed: bool = False) -> None:
    """The analyst's line: the day found, or the range and what to add when there is none
    (the row to add, or the cell to fill when the file already has a row)."""
    if verdict is not None and verdict.published is not None:
        log.info("%s: publication date %s (range %s..%s)", name, verdict.published,
                 verdict.earliest, verdict.latest)
        return
    found = "no publication date found" if verdict is None else \
        f"publication day not pinned: between {verdict.earliest} and {verdict.latest}"
    action = (f"put the day (YYYY-MM-DD) in the published column of its row in {sidecar_file}"
              if listed else f"add the row '{name},,,YYYY-MM-DD,,,' to {sidecar_file}")
    if verdict is None:
        log.warning("%s: %s; %s", name, found, action)
    else:
        log.warning("%s: %s; if you know the day, %s", name, found, action)


def _check_sidecar(name: str, stated: dt.date | None, verdict: Verdict | None,
                   clues: list[Clue], sidecar_file: str = SIDECAR_FILE) -> None:
    if stated is None or verdict is None:
        return
    agree = score(clues, stated)
    if agree < verdict.score:
        log.warning("%s: sidecar date %s scores %g of %g on the text's clues, %s..%s scores %g; "
                    "check published in %s", name, stated, agree, verdict.total,
                    verdict.earliest, verdict.latest, verdict.score, sidecar_file)
