"""What dating and events read of each document's sentences, remembered between runs: the
lede depth of every sentence (dating.lede.lede_depths) and the incident words of every
sentence with the expression that dates each (dating.incidents.incident_words). Both read one
document at a time, so a run with one new article reads that article's sentences only; at
10,000 articles reading them all costs about half a second.

Layout (cache_store.JsonCacheStore): FOLDER/<fingerprint>/documents.json.gz, one JSON object
{document key: [[[sent_id, depth], ...], [[sent_id, family, offset, time record], ...]]},
the current run's documents only.
- document key: sha1 of what the two readings read of the document: its id, its sentences
  (id, start, and the texts by their digest: text_digests) and its time expressions (id,
  sentence, start, end, spec), in the tables' order (an edited article, or one whose
  expressions changed, is new).
- fingerprint: the incident words (data/incidents.yaml as loaded) and the source of
  dating.readings and the modules it imports (dating.lede, dating.incidents...); another
  fingerprint's folder is deleted.
The readings come back as one call over all the sentences gives them: the depths in the
order of (document, start), the words in the order of the sentences.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from trustbrief import fingerprints
from trustbrief.cache_store import JsonCacheStore
from trustbrief.dating.incidents import IncidentWords, _Word, incident_words
from trustbrief.dating.lede import lede_depths
from trustbrief.text_digests import document_digests

ENTRY = "documents"
CODE_ROOT = "trustbrief.dating.readings"
TIME_FIELDS = ("time_id", "doc_id", "sent_id", "start", "end", "spec")  # as _expressions reads


def sentence_readings(sentences: pd.DataFrame, times: pd.DataFrame | None,
                      words: IncidentWords, folder: Path | str | None = None,
                      digests: Mapping[str, str] | None = None) -> tuple:
    """(lede depths, (doc_id, sent_id) -> text, incident words) of the sentences, as
    lede_depths(sentences) and incident_words(texts, times, words) give them; with a `folder`,
    each document's readings are read from the memo there when its key is (see the module),
    and the memo is rewritten with this run's documents. `digests`: the digests of the
    documents' texts (text_digests.document_digests of these sentences), when the caller
    has them."""
    doc_ids, sent_ids, texts_list = (sentences[c].tolist() for c in ("doc_id", "sent_id",
                                                                      "text"))
    texts = dict(zip(zip(doc_ids, sent_ids, strict=True), texts_list, strict=True))
    order = _document_order(doc_ids)
    if folder is None or order is None or "start" not in sentences:
        return lede_depths(sentences), texts, incident_words(texts, times, words)
    store = JsonCacheStore(folder, fingerprints.digest(
        fingerprints.canonical(words), fingerprints.code_digest(CODE_ROOT)))
    keys = _keys(sentences, times, order, digests)
    known = store.load(ENTRY)
    known = known if isinstance(known, dict) else {}
    found = {doc: known[key] for doc, key in keys.items() if _well_formed(known.get(key))}
    missing = [doc for doc in order if doc not in found]
    if missing:
        found.update(_read(sentences, texts, times, words, set(missing)))
    depths = {(doc, sent_id): depth for doc in sorted(order)
              for sent_id, depth in found[doc][0]}
    incidents = [_Word(doc, sent_id, family, str(texts[(doc, sent_id)] or ""), time, offset)
                 for doc in order for sent_id, family, offset, time in found[doc][1]]
    remembered = {keys[doc]: found[doc] for doc in order}
    if remembered.keys() != known.keys():
        store.store(ENTRY, remembered)
        store.prune()
    return depths, texts, incidents


def _document_order(doc_ids: list) -> list | None:
    """The documents in the order of their sentences, or None when a document's sentences
    are not all together (the readings are then read whole, not by document)."""
    order: list = []
    for doc in doc_ids:
        if not order or order[-1] != doc:
            order.append(doc)
    return order if len(order) == len(set(order)) and all(
        isinstance(doc, str) for doc in order) else None


def _keys(sentences: pd.DataFrame, times: pd.DataFrame | None, order: list,
          digests: Mapping[str, str] | None = None) -> dict:
    """doc_id -> the document's key (see the module): its id, the digest of its texts, its
    sentence ids and starts, its time expressions. A document's sentences are together
    (_document_order): each column is joined over the document's rows at once."""
    doc_ids = sentences["doc_id"].tolist()
    if digests is None:
        digests = document_digests(doc_ids, sentences["text"].tolist()) or {}
    sent_ids, starts = (list(map(str, sentences[c].tolist())) for c in ("sent_id", "start"))
    timed = _time_parts(times)
    keys, first = {}, 0
    for doc, rows in itertools.groupby(doc_ids):
        last = first + sum(1 for _ in rows)
        parts = (doc, digests[doc], "\0".join(sent_ids[first:last]),
                 "\0".join(starts[first:last]), *timed.get(doc, ()))
        keys[doc] = hashlib.sha1("\1".join(parts).encode("utf-8")).hexdigest()
        first = last
    return keys


def _time_parts(times: pd.DataFrame | None) -> dict[str, list[str]]:
    """doc_id -> its time expressions' fields (TIME_FIELDS) as text, in the table's order."""
    if times is None or times.empty or not set(TIME_FIELDS) <= set(times.columns):
        return {}
    out: dict[str, list[str]] = {}
    at = TIME_FIELDS.index("doc_id")
    for row in zip(*(list(map(str, times[c].tolist())) for c in TIME_FIELDS), strict=True):
        out.setdefault(row[at], []).append("\0".join(row))
    return out


def _read(sentences: pd.DataFrame, texts: dict, times: pd.DataFrame | None,
          words: IncidentWords, docs: set) -> dict:
    """doc_id -> [depths, words] of the documents `docs`, read (in one call each)."""
    own = sentences[sentences["doc_id"].isin(list(docs))]
    own_times = times[times["doc_id"].isin(list(docs))] \
        if times is not None and "doc_id" in times else times
    out: dict = {doc: [[], []] for doc in docs}
    for (doc, sent_id), depth in lede_depths(own).items():
        out[doc][0].append([sent_id, depth])
    own_texts = {key: text for key, text in texts.items() if key[0] in docs}
    for word in incident_words(own_texts, own_times, words):
        out[word.doc_id][1].append([word.sent_id, word.family, word.offset, word.time])
    return out


def _well_formed(entry) -> bool:
    """A remembered entry of the shape the module describes (a damaged one is a miss; its
    items are as this fingerprint's code wrote them)."""
    return isinstance(entry, list) and len(entry) == 2 and all(
        isinstance(part, list) for part in entry)
