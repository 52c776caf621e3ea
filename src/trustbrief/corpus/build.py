"""Building the corpus tables: raw rows -> documents and sentences (see SCHEMA).

Offsets: `sentences.start/end` index the document's text as decoded (UTF-8 with any
BOM removed, or cp1252). For .html files they index the article text extracted from
the markup (markup itself never reaches the text).
"""

from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd

from trustbrief import contract, parallel
from trustbrief.columnar import NotSpliceable, raw_frame, runs, spliced
from trustbrief.contract.ids import sentence_id
from trustbrief.corpus import recordsnapshot
from trustbrief.corpus.archives import original_address
from trustbrief.corpus.dedupe import fingerprint, match_duplicates
from trustbrief.corpus.metadata import (
    author_name,
    find_outlet,
    find_published,
    find_title,
    first_capture,
    guess_language,
    scan_statement,
    sidecar_lookup,
    story_first_sentence,
    warn_disagreement,
)
from trustbrief.corpus.origins import canonical_lookup
from trustbrief.corpus.read import RAW_COLUMNS
from trustbrief.corpus.recordcache import (
    SIDECAR_MARK,
    RecordCache,
    cacheable,
    held_warnings,
    named,
    record_key,
)
from trustbrief.corpus.rules import SIDE_SOURCE, SIDECAR_FILE, CorpusRules
from trustbrief.corpus.segmenter import WORD_RE, Segment, segment, split_sentences
from trustbrief.limits import split_long_sentences

log = logging.getLogger("trustbrief")

LEDE_SENTENCES = 2  # the first body sentences, where an article credits the news it relays

# Column descriptions of the stage's tables: the contract is their one definition.
SCHEMA = contract.descriptions("documents", "sentences")
COLUMNS = {name: list(SCHEMA[name]) for name in SCHEMA}


def _sentence_rows(text: str, doc_id: str, segments: list[Segment], rules: CorpusRules
                   ) -> list[dict]:
    spans = [(s, e, seg.paragraph) for seg in segments if seg.role == "body"
             for s, e in split_sentences(text, seg.start, seg.end, rules)]
    # bounded cost downstream: no sentence longer than limits.MAX_SENTENCE_CHARS
    spans = split_long_sentences(text, spans, where=doc_id)
    return [{"doc_id": doc_id, "sent_id": sentence_id(doc_id, k), "start": s, "end": e,
             "text": text[s:e], "paragraph": p} for k, (s, e, p) in enumerate(spans, start=1)]


def _document_record(raw: dict, doc_id: str, rules: CorpusRules, side: dict,
                     sidecar_file: str = SIDECAR_FILE) -> tuple[dict, list[dict]]:
    text, file = raw["text"], raw["file"]
    meta = raw.get("meta") if isinstance(raw.get("meta"), dict) else {}
    segments = segment(text, rules)
    sent_rows = _sentence_rows(text, doc_id, segments, rules)
    side = {**side, SIDE_SOURCE: sidecar_file}  # named in warnings
    title, title_basis = find_title(text, segments,
                                    story_first_sentence(sent_rows, segments, rules),
                                    rules, side, file)

    statement = scan_statement(text, rules)
    # the analyst's address first, then one the text prints ('Source: ...'), then the page's
    url = (side.get("url", "") or first_capture(segments, "url")[0].rstrip(".,;")
           or meta.get("url", ""))

    author = author_name(first_capture(segments, "author")[0] or statement.author
                         or meta.get("author", ""))
    # an outlet's name where the byline goes ('By Agency', 'By Afx', 'Portview Eye')
    author_outlet = canonical_lookup(rules.outlets.names)(author) if author else ""
    if author_outlet:  # an outlet's name printed where the byline goes
        author = ""
    warn_disagreement(file, "author", author, side.get("author", ""), sidecar_file)
    author = author or side.get("author", "")

    # a web archive's copy is dated and named by the archived page's address, not its own
    address = original_address(url, rules.datelines)
    dated = find_published(text, segments, statement, meta, address, rules, side, file)
    sources = find_outlet(text, statement, address, author_outlet, meta,
                          [r["text"] for r in sent_rows[:LEDE_SENTENCES]], rules, side, file)

    body_text = " ".join(r["text"] for r in sent_rows)
    words = WORD_RE.findall((body_text or text).lower())
    doc = {
        "doc_id": doc_id, "file": file, "sha256": raw["sha256"], "title": title,
        "outlet": sources["outlet"], "origin": sources["origin"], "author": author, "url": url,
        "published": dated.published, "published_earliest": dated.earliest,
        "published_latest": dated.latest, "published_basis": dated.basis,
        "published_evidence": dated.evidence, "published_printed": dated.printed,
        "title_basis": title_basis,
        "n_sentences": len(sent_rows), "n_words": len(words) if body_text else 0,
        "duplicate_of": "", "encoding": raw["encoding"],
        "language": guess_language(words, rules),
        "outlet_basis": sources["outlet_basis"], "outlet_evidence": sources["outlet_evidence"],
        "origin_basis": sources["origin_basis"], "origin_evidence": sources["origin_evidence"],
        "cited_outlets": sources["cited_outlets"],
        "_fingerprint": fingerprint(words, rules.limits),
    }
    return doc, sent_rows






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


def _record_job(job: tuple, rules: CorpusRules, store: RecordCache | None = None
                ) -> tuple[dict, list[dict]]:
    """The article's (document row, sentence rows); written to the corpus cache `store`
    with the warnings it logged (here, in the worker: the writes share the cores), the
    sidecar's name left as SIDECAR_MARK there (see corpus.recordcache)."""
    row, doc_id, side_entry, sidecar_file = job
    if store is None or not cacheable(row, side_entry):
        return _document_record(row, doc_id, rules, side_entry, sidecar_file)
    with held_warnings(sidecar_file) as (warnings, level):
        record = _document_record(row, doc_id, rules, side_entry, SIDECAR_MARK)
    store.write(record_key(row, doc_id, side_entry), record, warnings, level)
    return named(record, sidecar_file)


def _records(jobs: list[tuple], keys: list[str], rules: CorpusRules,
             store: RecordCache | None, meanwhile=None,
             snapshot: recordsnapshot.Snapshot | None = None, on_new=None) -> list:
    """Per job (`keys`: their record keys) its (document row, sentence rows), or the
    snapshot's recordsnapshot.Covered: from the snapshot or the corpus cache when given and
    there, else computed (in worker processes for a large corpus, `meanwhile` called in this
    one while they work) and cached; `on_new(count)` is called first when the cache lacks
    some."""
    if store is None:
        return parallel.map_in_order(_record_job, jobs, rules, desc="cleaning",
                                     meanwhile=meanwhile)
    found = [(snapshot.covered(key, job[3]) if snapshot is not None else None)
             or store.read(key, job[3]) for key, job in zip(keys, jobs, strict=True)]
    todo = [n for n, record in enumerate(found) if record is None]
    if todo and on_new is not None:
        on_new(len(todo))
    fresh = parallel.map_in_order(_record_job, [jobs[n] for n in todo], rules, store,
                                  desc="cleaning", meanwhile=meanwhile)
    for n, record in zip(todo, fresh, strict=True):
        found[n] = record
    store.prune()
    return found


def _assembled(found: list, snapshot: recordsnapshot.Snapshot | None, sidecar_file: str
               ) -> tuple[pd.DataFrame, pd.DataFrame, list]:
    """(documents, sentences, fingerprints) of the records `found` (_records), in order: the
    snapshot's rows spliced with the others' (columnar.spliced)."""
    segments = runs(found, lambda record: record.at
                    if isinstance(record, recordsnapshot.Covered) else None)
    named_docs = (recordsnapshot.named_documents(snapshot.documents, sidecar_file)
                  if snapshot is not None and any(isinstance(s, tuple) for s in segments)
                  else None)
    docs, sents, prints = [], [], []
    for part in segments:
        if isinstance(part, tuple):
            first, last = part
            docs.append(named_docs.iloc[first:last])
            sents.append(snapshot.sentences.iloc[snapshot.offsets[first]:snapshot.offsets[last]])
            prints += snapshot.fingerprints[first:last]
            continue
        docs.append(raw_frame([doc for doc, _ in part], COLUMNS["documents"]))
        sents.append(raw_frame([s for _, rows in part for s in rows], COLUMNS["sentences"]))
        prints += [doc["_fingerprint"] for doc, _ in part]
    return (spliced(docs, COLUMNS["documents"]), spliced(sents, COLUMNS["sentences"]),
            prints)


def _from_files(found: list, keys: list[str], jobs: list[tuple], rules: CorpusRules,
                store: RecordCache) -> list:
    """`found` with the snapshot's records read from their files instead (their warnings
    were logged already); one whose file is gone is computed again."""
    out = []
    for record, key, job in zip(found, keys, jobs, strict=True):
        if isinstance(record, recordsnapshot.Covered):
            record = store.read(key, job[3], replayed=False) or _record_job(job, rules, store)
        out.append(record)
    return out


def _snapshot_kept(store: RecordCache, keys: list[str], prints: list,
                   snapshot: recordsnapshot.Snapshot | None) -> None:
    """Rewrite the corpus snapshot when stale, from the articles' files (as recorded)."""
    if not recordsnapshot.stale(snapshot, keys):
        return
    records = [store.load(key) for key in keys]
    kept = [n for n, record in enumerate(records)
            if isinstance(record, list) and len(record) == 4]
    recordsnapshot.write(store.folder, [keys[n] for n in kept], [records[n] for n in kept],
                         [prints[n] for n in kept], COLUMNS)


def build_corpus(raw: pd.DataFrame, rules: CorpusRules, sidecar: pd.DataFrame | None = None,
                 sidecar_file: str = SIDECAR_FILE, cache: Path | str | None = None,
                 meanwhile=None, on_new=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Raw articles -> (documents, sentences); see SCHEMA. Pure: inputs are not changed.
    sidecar_file: where the sidecar lives, as warnings name it (the story's sources.csv).
    `cache`: folder of the corpus cache (corpus.recordcache): an unchanged article's record
    is read from it instead of computed; same tables, same warnings. `meanwhile`: called
    while worker processes clean articles (if they do; parallel.map_in_order); `on_new(count)`
    as soon as `count` articles are found that the cache lacks (with a cache only)."""
    missing = [c for c in RAW_COLUMNS if c not in raw.columns]
    if missing:
        raise ValueError(f"build_corpus: raw frame lacks column(s) {', '.join(missing)}")
    raw = raw.sort_values("file", kind="stable").reset_index(drop=True)
    side = sidecar_lookup(sidecar)
    known = set(raw["file"])
    for file in sorted(set(side) - known):
        log.warning("%s: listed in %s but not in the seeds - ignored", file, sidecar_file)
    jobs = [(row, doc_id, side.get(row["file"], {}), sidecar_file)
            for row, doc_id in zip(raw.to_dict("records"), _unique_doc_ids(raw), strict=True)]
    keys = [record_key(row, doc_id, side_entry) for row, doc_id, side_entry, _ in jobs]
    store = RecordCache(cache, rules) if cache is not None else None
    snapshot = recordsnapshot.read(store.folder) if store is not None else None
    found = _records(jobs, keys, rules, store, meanwhile, snapshot, on_new)
    try:
        documents, sentences, prints = _assembled(found, snapshot, sidecar_file)
    except NotSpliceable as why:  # every article's record from its file
        log.info("corpus snapshot not spliced (%s): reading the articles' records", why)
        snapshot = None
        documents, sentences, prints = _assembled(_from_files(found, keys, jobs, rules, store),
                                                  None, sidecar_file)
    earlier = store.earlier_matches(rules.limits) if store is not None else None
    dup_index = match_duplicates(prints, rules.limits, earlier)
    if store is not None:
        store.keep_matches(rules.limits, [fp.key for fp in prints], dup_index, earlier)
        _snapshot_kept(store, keys, prints, snapshot)
    if len(documents):
        doc_ids = documents["doc_id"].tolist()
        documents["duplicate_of"] = [doc_ids[j] if j is not None else "" for j in dup_index]
    for col in ("n_sentences", "n_words"):
        documents[col] = documents[col].astype("int64")
    for col in ("start", "end", "paragraph"):
        sentences[col] = sentences[col].astype("int64")
    return documents, sentences
