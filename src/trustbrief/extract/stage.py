"""DOC stage"""

from __future__ import annotations

import functools
import logging
import time
from collections import Counter
from pathlib import Path

import pandas as pd

from trustbrief import limits, parallel, timex
from trustbrief.extract import nlp as nlp_mod
from trustbrief.extract import parse_plan, rowcache, rowsnapshot
from trustbrief.extract.actors import document_hits
from trustbrief.extract.claims import claim_row
from trustbrief.extract.it_doer import it_doers
from trustbrief.extract.lexicons import SCHEMA, Lexicons
from trustbrief.extract.phrases import with_phrases
from trustbrief.extract.quote_days import date_told_quotes
from trustbrief.extract.quote_statements import (
    Waiting,
    add_continued_statements,
    continue_quotes,
    waiting,
)
from trustbrief.extract.series import continue_series
from trustbrief.extract.signals import sentence_signals
from trustbrief.extract.statements import statement
from trustbrief.extract.windows import sentence_clauses, sentence_mention_rows, sentence_mentions

log = logging.getLogger("trustbrief")


# each table's columns as extraction makes its rows (rowsnapshot.TABLES order)
COLUMNS = {**{name: list(SCHEMA[name]) for name in rowsnapshot.TABLES[:4]},
           "time_expressions": list(timex.BASE_COLUMNS)}


def _times_by_sentence(time_expressions: pd.DataFrame) -> dict[str, list[dict]]:
    if time_expressions is None or time_expressions.empty:
        return {}
    cols = ["time_id", "sent_id", "start", "end", "text", "kind"]
    cols += ["spec"] if "spec" in time_expressions.columns else []
    records = time_expressions[cols].to_dict("records")
    for rec in records:
        rec["start"], rec["end"] = int(rec["start"]), int(rec["end"])
    return _grouped_by_sentence(records)


def _grouped_by_sentence(time_rows: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for rec in time_rows:
        out.setdefault(rec["sent_id"], []).append(rec)
    return out


PARALLEL_MIN_SENTENCES = 600  # below this, starting worker processes costs more than it saves


def _parse_document(records: list[dict], parser, request: tuple | None) -> list:
    """The document's Docs (None for a sentence not parsed); `request`: its
    parse_plan.parse_request, made when its batch was prefetched."""
    if parser is None:
        return [None] * len(records)
    return parser.parse(*request)


PREFETCH_DOCUMENTS = 64  # documents whose sentences are parsed in one nlp.pipe (bounds memory)


def extract_documents(docs: list[list[dict]], lexicons: Lexicons, times: dict | None,
                      vocabulary=None, parser=None, shas: dict | None = None,
                      names: dict | None = None, cache=None) -> tuple[list, tuple]:
    """Per document (each a list of sentence dicts), its rows: actor, mention, claim, signal
    and time expression rows (the last found here when `times`, time expressions by
    sentence id, is None - in the same worker, so each sentence is read once); and the
    counts (sentences parsed, not found in the parse cache; CPU seconds parsing; CPU
    seconds extracting, parse included; sentences parsed with NER).

    Each document has `limits.DOCUMENT_SECONDS`: one that takes longer (a pathological
    text) is skipped with a warning naming it (`names`: doc_id -> file) and has None for
    rows; the others are extracted as usual. `cache` (a rowcache.RowCache): each document's
    rows are written to it here, in the worker that extracted them."""
    per_document: list[tuple | None] = []
    vocab = vocabulary or timex.default_vocabulary()
    common = parse_plan.common_words([*vocab.months, *vocab.weekdays])
    parsed_before = parser.parsed if parser is not None else 0
    parse_s_before, started = (parser.seconds if parser is not None else 0.0), time.process_time()
    ner_before = parser.with_ner if parser is not None else 0
    planned: dict[int, tuple] = {}  # document -> its parse request (each planned once)
    for n, records in enumerate(docs):
        doc_id = records[0]["doc_id"]
        if parser is not None and n % PREFETCH_DOCUMENTS == 0:
            planned = {m: parse_plan.parse_request(r, lexicons, (shas or {}).get(
                r[0]["doc_id"], ""), common) for m, r in enumerate(
                    docs[n:n + PREFETCH_DOCUMENTS], start=n)}
            parser.prefetch(list(planned.values()))
        try:
            with limits.time_limit(limits.DOCUMENT_SECONDS, f"extracting {doc_id}"):
                per_document.append(_document_rows(records, lexicons, times, vocabulary,
                                                   parser, planned.pop(n, None)))
        except limits.TimeLimitExceeded:
            log.warning("%s: skipped: its extraction took longer than %g s (no mentions, "
                        "claims or signals from it; the rest of the corpus is extracted)",
                        (names or {}).get(doc_id) or doc_id, limits.DOCUMENT_SECONDS)
            per_document.append(None)
            continue
        if cache is not None:
            cache.write(rowcache.document_key(records), per_document[-1])
    counts = ((parser.parsed - parsed_before) if parser is not None else 0,
              (parser.seconds - parse_s_before) if parser is not None else 0.0,
              time.process_time() - started,
              (parser.with_ner - ner_before) if parser is not None else 0)
    return per_document, counts


def _document_rows(records: list[dict], lexicons: Lexicons, times: dict | None,
                   vocabulary, parser, request: tuple | None) -> tuple[list, ...]:
    """Actor, mention, claim, signal and time expression rows of one document (`request`:
    its parse request, see _parse_document)."""
    actor_rows, mention_rows, claim_rows, signal_rows, time_rows = [], [], [], [], []
    doc_times = times
    if times is None:
        time_rows = timex.time_expression_rows(
            ((r["doc_id"], r["sent_id"], r["text"]) for r in records), vocabulary)
        doc_times = _grouped_by_sentence(time_rows)
    doc_hits = document_hits([r["text"] for r in records], lexicons)
    parses = _parse_document(records, parser, request)
    doc_sides = Counter(s for hits in doc_hits for h in hits for s in h.sides)
    last_outlet, people, ner_names = "", [], {}
    voices: list[str] = []  # persons a 'he'/'she' of a claim may be: people + NER names
    recent_speaker = ("", -SPEAKER_REACH - 1)  # (named speaker, sentence) of the last claim
    doc_claims: dict[int, dict] = {}
    operation = None  # the last asserted operation with a doer: a series continues it
    told: list[dict] = []  # the mentions of the sentences so far: a statement may answer one
    pending: dict[int, Waiting] = {}  # quotes whose speaker a neighbour may name
    for n, (sent, hits, parsed) in enumerate(zip(records, doc_hits, parses, strict=True)):
        actor_rows += _actor_rows(sent, hits)
        clauses = sentence_clauses(sent["text"], lexicons)
        found = sentence_mentions(sent, hits, doc_times.get(sent["sent_id"], []),
                                   lexicons, clauses, parsed, people)
        found, operation = continue_series(found, parsed, operation, lexicons)
        found = it_doers(found, parsed, told, lexicons)
        claim = claim_row(sent, hits, last_outlet, lexicons, parsed,
                       _pronoun_candidates(voices, recent_speaker, n), ner_names)
        said = statement(sent, claim, hits, doc_times.get(sent["sent_id"], []), found,
                         lexicons, parsed, told)
        made = with_phrases(sentence_mention_rows(sent, found + ([said] if said else []), lexicons),
                            parsed, doc_times.get(sent["sent_id"], []))
        if waiting(claim):
            pending[n] = Waiting(sent, hits, found, parsed, len(told), len(mention_rows),
                                 len(made))
        told += found
        mention_rows += made
        if claim:
            claim_rows.append(claim)
            doc_claims[n] = claim
            if claim["speaker_type"] == "named_official" and claim["speaker"] not in (
                    lexicons.actors):
                people.append(claim["speaker"])  # 'he added' may mean them next
                voices.append(claim["speaker"])
            last_outlet = claim["cited_outlet"] or last_outlet
            if claim["speaker_type"] == "named_official":
                recent_speaker = (claim["speaker"], n)
        signal_rows += sentence_signals(sent, hits, found, claim["speaker_side"] if claim else "",
                                doc_sides, lexicons, clauses)
        named = [a for h in hits if "person" in h.types and h.kind != "pronoun-phrase"
                 for a in h.actors]
        people += named
        voices += _persons_in_order(hits, parsed, named)
    continue_quotes(doc_claims)
    mention_rows = add_continued_statements(mention_rows, pending, doc_claims, told, doc_times,
                                            lexicons)
    date_told_quotes(mention_rows, doc_claims, records, parses, doc_hits, doc_times,
                     lexicons)
    return actor_rows, mention_rows, claim_rows, signal_rows, time_rows


# 'He said' within this many sentences of a named speaker's claim is that speaker, even when
# the speaker named someone else in between ('X said ... "My call with Y took
# place ..." ... He said ...'): news writing keeps its pronoun for the one speaking.
SPEAKER_REACH = 3


def _persons_in_order(hits, parsed, named: list[str]) -> list[str]:
    """The persons a sentence names, in reading order: the gazetteer's, and the full names
    the NER finds that no list has ('Deputy press secretary Jane Doe referred
    questions ...' ... '"...," she said' is Doe, not the minister named before her)."""
    if parsed is None:
        return named
    found = [(h.start, a) for h in hits if "person" in h.types and h.kind != "pronoun-phrase"
             for a in h.actors]
    found += [(e.start_char, e.text) for e in parsed.ents if e.label_ == "PERSON"
              and len(e) > 1 and not any(h.start < e.end_char and e.start_char < h.end
                                         and h.actors for h in hits)]
    return [name for _, name in sorted(found, key=lambda f: f[0])]


def _pronoun_candidates(people: list[str], recent: tuple[str, int], n: int) -> list[str]:
    """The persons a speaking 'he'/'she' may be, the likeliest last."""
    name, at = recent
    return [*people, name] if name and n - at <= SPEAKER_REACH else people


TAIL_DOCUMENTS = 8  # the smallest batch: the work left when a worker runs out of batches


def batch_sizes(n_docs: int, workers: int) -> list[int]:
    """Documents per worker batch, in order: up to PREFETCH_DOCUMENTS and at most a quarter
    of a worker's share; then, as the documents run out, ever smaller batches (half a
    worker's share of what is left, down to TAIL_DOCUMENTS), so the workers finish together
    instead of one idling while the other parses a last full batch."""
    size = max(1, min(PREFETCH_DOCUMENTS, -(-n_docs // (workers * 4))))
    tail = min(size, TAIL_DOCUMENTS)
    sizes, left = [], n_docs
    while left > 0:
        sizes.append(min(left, max(tail, min(size, -(-left // (workers * 2))))))
        left -= sizes[-1]
    return sizes


def _extract_parallel(docs: list[list[dict]], lexicons: Lexicons, times: dict | None,
                      vocabulary, workers: int, parser, shas, names, cache
                      ) -> tuple[list, tuple]:
    """Documents are independent and come back in order, so the output is the same as one
    process's. Forked workers inherit the compiled lexicons, the loaded pipeline and the
    documents; each takes a batch of up to PREFETCH_DOCUMENTS documents at a time, so their
    sentences are parsed in one nlp.pipe as in one process (a call per document costs ~15 %
    more CPU), with batches small enough that every worker gets several."""
    batches, start = [], 0
    for size in batch_sizes(len(docs), workers):
        batches.append(docs[start:start + size])
        start += size
    parts = parallel.map_in_order(extract_documents, batches, lexicons, times, vocabulary,
                                  parser, shas, names, cache, workers=workers,
                                  desc="extracting",
                                  unit="batch")
    return ([rows for part in parts for rows in part[0]],
            tuple(sum(part[1][k] for part in parts) for k in range(4)))


def extract(sentences: pd.DataFrame, documents: pd.DataFrame, lexicons: Lexicons,
            time_expressions: pd.DataFrame | None = None, workers: int | None = None,
            vocabulary: timex.Vocabulary | None = None, parse_cache: Path | str | None = None,
            nlp=None, stats: dict | None = None, row_cache: Path | str | None = None,
            ahead=None) -> dict[str, pd.DataFrame]:
    """Find time expressions, actors, event mentions, claims and trust signals in every
    sentence.

    Time expressions are found here (with `vocabulary`, default the shipped one) unless a
    `time_expressions` frame is passed to reuse. Sentences that need it are parsed with the
    trained pipeline (`nlp`, default: the one data/syntax.yaml names, loaded only when a
    document is not in the extraction cache), through the parse cache in `parse_cache` when
    given (one file per document sha256). `row_cache`: folder of the extraction cache (each
    document's rows, see extract.rowcache; not used when `time_expressions` is passed).
    `workers`: processes to use (default: see parallel.worker_count - every core for a
    large corpus, else 1); the output does not depend on it. Inputs are not modified.
    `stats`, when given, receives the number of sentences parsed, of documents read from
    the extraction cache, and the CPU seconds spent parsing and extracting. `ahead`: see
    _extract_missing.
    """
    missing = {"doc_id", "sent_id", "text"} - set(sentences.columns)
    if missing:
        raise ValueError(f"sentences lack column(s): {', '.join(sorted(missing))}")
    times = None if time_expressions is None else _times_by_sentence(time_expressions)
    docs = list(_documents_in_order(sentences))
    cache = _row_cache(row_cache, lexicons, vocabulary, nlp) if times is None else None
    keys = [rowcache.document_key(records) for records in docs] if cache else [""] * len(docs)
    extracting = functools.partial(_extract_missing, documents=documents, lexicons=lexicons,
                                   times=times, vocabulary=vocabulary, workers=workers,
                                   parse_cache=parse_cache, nlp=nlp, cache=cache, ahead=ahead)
    raw, counts, todo = _assembled_rows(docs, keys, cache, extracting)
    if stats is not None:
        # sentences parsed (not found in the cache) and of them with NER, CPU seconds in
        # nlp.pipe and in extraction, summed over the worker processes; the documents
        # extracted (the others' rows come from the cache: checked when extracted)
        stats.update(sentences=len(sentences), parsed=counts[0], parsed_ner=counts[3],
                     cached=len(docs) - len(todo),
                     parse_s=round(counts[1], 3), extract_s=round(counts[2], 3),
                     extracted=frozenset(docs[n][0]["doc_id"] for n in todo))
    if time_expressions is None:
        time_expressions = timex.time_expression_table(raw["time_expressions"])
    claims = raw["claims"].copy()
    claims["speaker_count"] = claims["speaker_count"].astype("Int64")
    return {
        "time_expressions": time_expressions.copy(),
        "actor_mentions": raw["actor_mentions"],
        "mentions": raw["mentions"],
        "claims": claims,
        "trust_signals": raw["trust_signals"],
    }


def _assembled_rows(docs: list, keys: list[str], cache: rowcache.RowCache | None,
                    extracting) -> tuple[dict, tuple, list[int]]:
    """Each table's rows (rowsnapshot.assembled) of every document: from the snapshot, the
    document's file or `extracting` it; the snapshot rewritten when stale. Also the counts of
    extract_documents and the documents extracted (indexes into `docs`)."""
    snapshot = rowsnapshot.read(cache.folder) if cache else None
    found = [rowsnapshot.COVERED if snapshot and key in snapshot.positions
             else cache.read(key) if cache else None for key in keys]
    todo = [n for n, rows in enumerate(found) if rows is None]
    counts = _filled(found, todo, docs, extracting)
    try:
        raw, kept, row_counts = rowsnapshot.assembled(found, snapshot, keys, COLUMNS)
    except rowsnapshot.NotSpliceable as why:  # every document's rows from its file
        log.info("extraction snapshot not spliced (%s): reading the documents' rows", why)
        covered = [n for n, rows in enumerate(found) if rows is rowsnapshot.COVERED]
        found = [cache.read(key) if rows is rowsnapshot.COVERED else rows
                 for key, rows in zip(keys, found, strict=True)]
        lost = [n for n in covered if found[n] is None]  # the file gone: extracted again
        counts = _summed(counts, _filled(found, lost, docs, extracting))
        todo = sorted(todo + lost)
        snapshot = None
        raw, kept, row_counts = rowsnapshot.assembled(found, None, keys, COLUMNS)
    if cache is not None:
        cache.prune()
        if rowsnapshot.stale(snapshot, kept):
            rowsnapshot.write(cache.folder, kept, row_counts, raw)
    return raw, counts, todo


def _filled(found: list, todo: list[int], docs: list, extracting) -> tuple:
    """Extract the documents `todo` (indexes into `docs`) into `found`; the counts of
    extract_documents."""
    if not todo:
        return (0, 0.0, 0.0, 0)
    rows, counts = extracting([docs[n] for n in todo])
    for n, doc_rows in zip(todo, rows, strict=True):
        found[n] = doc_rows  # (and written to the cache by the worker)
    return counts


def _summed(a: tuple, b: tuple) -> tuple:
    return tuple(x + y for x, y in zip(a, b, strict=True))


def _row_cache(folder, lexicons: Lexicons, vocabulary, nlp) -> rowcache.RowCache | None:
    if folder is None:
        return None
    pipeline = (nlp_mod.pipeline_key(nlp) if nlp is not None
                else nlp_mod.pipeline_id(lexicons.syntax.pipeline or None))
    return rowcache.RowCache(folder, rowcache.fingerprint(
        lexicons, vocabulary or timex.default_vocabulary(), pipeline))


def _extract_missing(docs: list[list[dict]], documents: pd.DataFrame, lexicons: Lexicons,
                     times: dict | None, vocabulary, workers, parse_cache, nlp, cache=None,
                     ahead=None) -> tuple[list, tuple]:
    """Rows of the documents not in the extraction cache (see extract_documents), written
    to `cache` by the workers; the pipeline is loaded here, before any fork, so workers
    share it; or by the helper `ahead` (extract.ahead) when it runs and one process would do."""
    shas, names = _by_doc_id(documents, "sha256"), _by_doc_id(documents, "file")
    n_workers = parallel.worker_count(sum(len(d) for d in docs), PARALLEL_MIN_SENTENCES,
                                      workers)
    done = ahead is not None and nlp is None and (n_workers == 1 or len(docs) == 1) and \
        ahead.extract(docs, lexicons, times, vocabulary, parse_cache, shas, names, cache)
    if done:
        return done
    parser = nlp_mod.Parser(nlp or nlp_mod.load_pipeline(lexicons.syntax.pipeline or None),
                            parse_cache)
    if n_workers > 1 and len(docs) > 1:
        return _extract_parallel(docs, lexicons, times, vocabulary, n_workers, parser, shas,
                                 names, cache)
    return extract_documents(docs, lexicons, times, vocabulary, parser, shas, names, cache)


def _by_doc_id(documents: pd.DataFrame | None, column: str) -> dict[str, str]:
    """doc_id -> that document's `column` ({} when the documents table lacks it)."""
    if documents is None or not {"doc_id", column} <= set(documents.columns):
        return {}
    return dict(zip(documents["doc_id"].astype(str), documents[column].astype(str),
                    strict=True))


def _documents_in_order(sentences: pd.DataFrame):
    """Each document's sentences as dicts (doc_id, sent_id, text), documents and sentences
    sorted by id; one pass over plain lists rather than a pandas groupby per document."""
    ordered = sorted(zip(sentences["doc_id"].astype(str).tolist(),
                         sentences["sent_id"].astype(str).tolist(),
                         sentences["text"].astype(str).tolist(), strict=True))
    records: list[dict] = []
    for doc_id, sent_id, text in ordered:
        if records and records[-1]["doc_id"] != doc_id:
            yield records
            records = []
        records.append({"doc_id": doc_id, "sent_id": sent_id, "text": text})
    if records:
        yield records


def _actor_rows(sent, hits) -> list[dict]:
    return [{"doc_id": sent["doc_id"], "sent_id": sent["sent_id"], "start": h.start,
             "end": h.end, "surface": h.surface, "actor": actor, "side": side, "kind": h.kind}
            for h in hits if h.kind != "adjective"
            for actor, side in zip(h.actors, h.sides, strict=True)]
