"""A helper process that loads the trained pipeline ahead of extraction, then extracts the
few new documents of a cached corpus (issue #15).

A run with one article added to a cached corpus parses that article alone, but loading spaCy
for it (importing it and reading the pipeline's model files) costs about 1 s, and until now
it happened when extraction began: nothing else ran meanwhile. Started as soon as the run
sees new articles (pipeline.run: ExtractionHelper.expect, or the corpus cache lacking one),
the helper loads the pipeline on another core while this process reads its caches; extraction then
hands it the new documents and gets their rows back, as `stage.extract_documents` makes
them in this process (same function, same inputs; the helper writes the parse and
extraction caches as a worker does).

The helper is forked, as parallel.map_in_order's workers are: it has every module this
process imported (a new interpreter importing them again cost about 1.8 CPU s more, as
much as the load it saves). Jobs and replies are pickles on a pipe. Anything wrong with the
helper (it did not start, died, or failed) only means the documents are extracted here as
before; a run with nothing new never starts it.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import multiprocessing as mp
from collections.abc import Iterator
from pathlib import Path

from trustbrief import parallel
from trustbrief.safe_files import atomic_write_bytes

log = logging.getLogger("trustbrief")

JOIN_SECONDS = 5.0  # a helper that has not ended this long after its last job is stopped
# at most this many new articles start the helper: with more, extraction loads the pipeline
# itself and forks workers (stage.PARALLEL_MIN_SENTENCES, about 10 sentences an article)
MAX_ARTICLES = 40
HINT_FILE = "articles.sha1"  # ExtractionHelper.expect's digest of the last run's articles


@contextlib.contextmanager
def extraction_helper(data_dir: Path | str) -> Iterator[ExtractionHelper | None]:
    """The helper of a run (not started yet), or None when one process is asked for
    (parallel.WORKERS_ENV=1) or the machine has one core; closed on the way out."""
    ahead = ExtractionHelper(data_dir) if parallel.worker_count(2, 0) > 1 else None
    try:
        yield ahead
    finally:
        if ahead is not None:
            ahead.close()


class ExtractionHelper:
    """The helper process of one run: `start()` it when new documents are found, hand it
    their extraction with `extract()`, and `close()` it when extraction is done."""

    def __init__(self, data_dir: Path | str):
        self.data_dir = str(data_dir)
        self._process = None
        self._conn = None  # this end of the pipe
        self._idle = False  # it has done a job and waits for the next

    @property
    def running(self) -> bool:
        return self._process is not None

    def expect(self, files: list[str], shas: list[str], folder: Path | str) -> None:
        """Start the helper if the articles (`files` and their `shas`) are not the last
        run's, as remembered in `folder`/HINT_FILE (rewritten): a hint, had before the
        corpus cache is read, that some articles are new. The corpus confirms it (`start`
        with their count); a helper started for nothing is ended unused with extraction."""
        digest = hashlib.sha1("\0".join(f"{file}\1{sha}" for file, sha in zip(
            files, shas, strict=True)).encode("utf-8")).hexdigest()
        path = Path(folder) / HINT_FILE
        try:
            last = path.read_text(encoding="utf-8")
        except OSError:  # the first run with this cache: every article may be new
            last = None
        if last == digest:
            return
        with contextlib.suppress(OSError):  # only a hint: a read-only cache goes without
            atomic_write_bytes(path, digest.encode("utf-8"), durable=False)
        if last is not None:
            self.start()

    def start(self, articles: int = 1) -> None:
        """Start the helper (once) for `articles` new articles; it loads the pipeline
        data_dir/syntax.yaml names. For more than MAX_ARTICLES, it is not started (or
        ended, when `expect` started it)."""
        if articles > MAX_ARTICLES:
            self.close()
            return
        if self._process is not None or "fork" not in mp.get_all_start_methods():
            return
        context = mp.get_context("fork")
        here, there = context.Pipe()
        process = context.Process(target=_serve, args=(there, here, self.data_dir),
                                  name="trustbrief-extract-ahead", daemon=True)
        try:
            process.start()
        except OSError as err:  # no process to spare: extraction loads the pipeline here
            log.info("extraction helper not started (%s)", err)
            return
        there.close()
        self._process, self._conn = process, here

    def extract(self, docs: list[list[dict]], lexicons, times, vocabulary, parse_cache,
                shas: dict, names: dict, cache) -> tuple | None:
        """stage.extract_documents of `docs` in the helper, with the pipeline loaded there
        (`parse_cache`: its folder): (rows per document, counts), the records it logged
        logged again here; None when the helper is not running or failed (the caller then
        extracts the documents itself). `shas`, `names`: doc_id -> sha256, file."""
        if self._process is None:
            return None
        own = {records[0]["doc_id"] for records in docs}
        job = (docs, lexicons, times, vocabulary, parse_cache,
               {doc: sha for doc, sha in shas.items() if doc in own},
               {doc: name for doc, name in names.items() if doc in own}, cache)
        try:
            self._conn.send((log.getEffectiveLevel(), job))
            done, value, records = self._conn.recv()
        except (EOFError, OSError) as err:
            log.info("extraction helper lost (%s): extracting here", err)
            self.close()
            return None
        if not done:
            log.info("extraction helper failed (%s): extracting here", value)
            self.close()
            return None
        self._idle = True
        for record in records:
            logging.getLogger(record.name).handle(record)
        return value

    def close(self) -> None:
        """End the helper (its CPU time then counts among this process's children's): one
        that never got a job is stopped at once, not waited for."""
        process, conn, self._process, self._conn = self._process, self._conn, None, None
        if process is None:
            return
        conn.close()  # a helper waiting for a job reads the end and ends
        if self._idle:
            process.join(JOIN_SECONDS)
        if process.is_alive():
            process.kill()
            process.join()


class _KeptRecords(logging.Handler):
    """The records logged in the helper during a job, made plain to be sent back."""

    def __init__(self):
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None
        record.exc_info = record.exc_text = None
        self.records.append(record)


def _serve(conn, other_end, data_dir: str) -> None:
    """The helper: load the pipeline, then run each job received until the run closes its
    end of the pipe."""
    from trustbrief.extract import nlp

    other_end.close()  # the run's end, inherited: the pipe ends when the run closes it
    nlp.preload_pipeline(data_dir)
    kept = _KeptRecords()
    log.handlers = [kept]  # the records go back to the run, which logs them
    log.propagate = False
    while True:
        try:
            level, job = conn.recv()
        except EOFError:
            return
        log.setLevel(level)
        kept.records = []
        try:
            reply = (True, _extracted(*job), kept.records)
        except Exception as err:  # noqa: BLE001  the run extracts the documents itself
            reply = (False, f"{type(err).__name__}: {err}", [])
        conn.send(reply)


def _extracted(docs, lexicons, times, vocabulary, parse_cache, shas, names, cache) -> tuple:
    """stage.extract_documents with the pipeline loaded here (see ExtractionHelper.extract)."""
    from trustbrief.extract import nlp, stage

    parser = nlp.Parser(nlp.load_pipeline(lexicons.syntax.pipeline or None), parse_cache)
    return stage.extract_documents(docs, lexicons, times, vocabulary, parser, shas, names,
                                   cache)
