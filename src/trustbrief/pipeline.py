"""The whole extraction pipeline: seeds/ + data/ -> processed tables + datapackage.json.

Each stage is a pure function in its own module; this module only wires them
together and does the I/O at the edges.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import json
import logging
import shutil
import time
from collections.abc import Collection, Mapping
from pathlib import Path

import pandas as pd

from trustbrief import contract, provenance
from trustbrief.knowledge.story import Story, find_story
from trustbrief.safe_files import StagedFiles
from trustbrief.tables import to_csv_text
from trustbrief.text_digests import document_digests

log = logging.getLogger("trustbrief")

# Tables written by `extract`, in datapackage order: (stage module, table name).
OUTPUT_TABLES = tuple((spec.stage, name) for name, spec in contract.TABLES.items())

# Shared knowledge; a story's own files (sidecar, chronology, annotations) come with the story.
DATA_FILES = ("boilerplate.yaml", "outlets.yaml", "time_expressions.yaml", "gazetteer.yaml",
              "event_types.yaml", "trust_cues.yaml", "attribution.yaml", "syntax.yaml",
              "labels.yaml", "channels.yaml", "goldstein.yaml", "datelines.yaml",
              "deadlines.yaml", "named_days.yaml", "incidents.yaml")


class Knowledge:
    """Every data file, loaded and validated once: the shared knowledge of data_dir and the
    files of one story (knowledge.story). Without a story, the default story of
    data_dir/stories/ is used; a data folder without stories keeps every file at its top."""

    def __init__(self, data_dir: Path | str, story: Story | None = None):
        from trustbrief import corpus, dating, events, metrics, timex

        data_dir = Path(data_dir)
        self.story = story if story is not None else find_story(data_dir)
        self.vocabulary = timex.load_vocabulary(data_dir)
        self.gatherings = timex.load_gatherings(data_dir)
        self.data_dir = data_dir
        self.rules = corpus.load_rules(data_dir)
        # the story's own files; a story without one of them simply has none
        files = self.story.folder if self.story is not None else data_dir
        self.sidecar = _optional(corpus.load_sidecar, files, "sources.csv",
                                 pd.DataFrame(columns=corpus.SIDECAR_COLUMNS))
        self.sidecar_file = _shown_path(files / "sources.csv")  # as warnings name it
        addresses = self.story.addresses if self.story is not None else None
        if addresses is not None and self.sidecar.empty:  # the story's own sidecar comes first
            if addresses.is_file():
                self.sidecar = corpus.load_addresses(addresses)
                self.sidecar_file = _shown_path(addresses)
            else:  # kept beside articles that may not be here either (a clone without them)
                log.warning("%s: the story's addresses file does not exist; its articles are "
                            "read without their addresses", addresses)
        self._composed = self._gazetteer(data_dir)
        self._lexicons = None  # compiled when first read: after the titled people are known
        self.deadline_words = dating.load_deadline_words(data_dir)
        self.named_days = dating.load_named_days(data_dir)
        self.incident_words = dating.load_incident_words(data_dir)
        self.chronology = _optional(dating.load_chronology, files, "chronology.csv",
                                    pd.DataFrame(columns=list(dating.CHRONOLOGY_COLUMNS)))
        self.annotations = events.load_annotations(files)
        self.labels = events.load_labels(data_dir)
        self.channels = self._channels(metrics.load_channels(data_dir))
        self.titled: tuple[dict, ...] = ()  # people the articles name with a title
        self.goldstein = metrics.load_goldstein(data_dir)

    @property
    def lexicons(self):
        """What extraction reads (extract.Lexicons), for the story's actors and the people
        learnt so far (learn_titled_people)."""
        if self._lexicons is None:
            from trustbrief import extract

            self._lexicons = extract.load_lexicons(self.data_dir, self._composed)
        return self._lexicons

    @property
    def focus(self) -> tuple[str, str] | None:
        return self.story.pair if self.story is not None else None

    def _gazetteer(self, data_dir: Path) -> dict | None:
        if self.story is None:
            return None
        from trustbrief.knowledge.story import story_gazetteer

        return story_gazetteer(data_dir, self.story)


    def learn_titled_people(self, texts, doc_ids=None, cache: Path | str | None = None,
                            digests=None) -> None:
        """Add the people the articles name with a qualified title ('Japanese Foreign Minister
        Kenji Morita') to the story's actors (knowledge.titled_people): their surname, their
        side and their role channel then hold in every article. Recomposes the gazetteer, the
        lexicons and the channels only when the people found change. With `doc_ids` (each
        text's document) and a `cache` folder, what each document holds is remembered between
        runs (trustbrief.titled_memo; `digests`: text_digests.document_digests of the
        documents' texts, when the caller has them)."""
        if self.story is None:
            return
        from trustbrief import metrics
        from trustbrief.knowledge import load_yaml
        from trustbrief.knowledge.story import compose_gazetteer, taken_forms
        from trustbrief.knowledge.titled_people import TitleScan, people_named
        from trustbrief.knowledge.world import load_world
        from trustbrief.titled_memo import document_matches

        world = load_world(self.data_dir)
        base = compose_gazetteer(load_yaml(self.data_dir / "gazetteer.yaml"), world, self.story)
        filled = frozenset((str(a.get("side")), str(r).replace(" ", "_"))
                           for a in base["actors"] if a.get("type") == "person"
                           for r in a.get("roles") or [])
        scan = TitleScan(world, self.story.pair)
        matches = (scan.matches(texts) if cache is None or doc_ids is None
                   else document_matches(scan, doc_ids, texts, cache, digests))
        people = tuple(people_named(matches, taken_forms(base["actors"]), filled))
        if people == self.titled:
            return
        self.titled = people
        story = dataclasses.replace(self.story, actors=(*self.story.actors, *people))
        self._composed = compose_gazetteer(load_yaml(self.data_dir / "gazetteer.yaml"), world,
                                           story)
        self._lexicons = None
        self.channels = self._channels(metrics.load_channels(self.data_dir))

    def _channels(self, shared):
        """The story's channels: listed by name in its channels.yaml, else found by role."""
        from trustbrief import metrics

        if self.story is None:
            return shared
        own = self.story.companion("channels.yaml")
        if own is not None:
            found = metrics.load_channels(own.parent).channels
        else:
            from trustbrief.knowledge.story import role_channels
            from trustbrief.knowledge.world import load_world

            found = tuple(metrics.Channel(c["id"], c["name"], tuple(c["actors"]),
                                          tuple(c["contact_types"]))
                          for c in role_channels(load_world(self.data_dir), self._composed,
                                                 self.story))
        return dataclasses.replace(shared, channels=found)


def _optional(loader, folder: Path, filename: str, empty: pd.DataFrame) -> pd.DataFrame:
    return loader(folder) if (folder / filename).is_file() else empty


def _shown_path(path: Path) -> str:
    """A path as a user finds it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def run(seeds_dir: Path | str, data_dir: Path | str, focus: tuple[str, str] | None = None,
        knowledge: Knowledge | None = None, parse_cache: Path | str | None = None,
        row_cache: Path | str | None = None, record_cache: Path | str | None = None
        ) -> dict[str, pd.DataFrame]:
    """Run every stage; returns all tables by name. focus: the (observer, subject) pair;
    default: the story's pair. `parse_cache`: folder of the parse cache (one file per
    document), `row_cache`: folder of the extraction cache (each document's extracted rows,
    extract.rowcache), `record_cache`: folder of the corpus cache (each article's document
    row and sentences, corpus.recordcache); none by default."""
    kb = knowledge or Knowledge(data_dir)
    focus = focus or kb.focus
    if focus is None:
        raise ValueError("no focus pair: give focus=(OBSERVER, SUBJECT) or a story")
    from trustbrief.extract.ahead import extraction_helper

    with _cyclic_gc_paused(), extraction_helper(kb.data_dir) as ahead:
        return _run_stages(seeds_dir, kb, focus, parse_cache, row_cache, record_cache, ahead)


def cache_folders(out: Path) -> dict[str, Path]:
    """run()'s cache arguments for a run writing its tables to `out`: the caches live beside
    them (parses, extracted rows, corpus records)."""
    return {"parse_cache": out / "parses", "row_cache": out / "rows",
            "record_cache": out / "records"}


@contextlib.contextmanager
def _cyclic_gc_paused():
    """The stages make millions of small, acyclic records (freed by reference counting); the
    cyclic collector would rescan them over and over (5-10 % of the run at 10,000 articles).
    Forked workers inherit the pause; the collector, back on, picks up any cycles later."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _run_stages(seeds_dir, kb: Knowledge, focus, parse_cache=None, row_cache=None,
                record_cache=None, ahead=None) -> dict[str, pd.DataFrame]:
    from trustbrief import corpus, events, extract, metrics
    from trustbrief.origins import Origins

    timings, parse_counts = {}, {}

    def stage(name, fn, *args, **kwargs):
        started, cpu = time.perf_counter(), time.process_time()
        result = fn(*args, **kwargs)
        timings[name] = (time.perf_counter() - started, time.process_time() - cpu)
        log.info("%s: %.2f s (%.2f CPU s)", name, *timings[name])
        return result

    raw = stage("read", corpus.read_seeds, seeds_dir, kb.rules)
    if ahead is not None and record_cache:  # new articles are likely: started at once
        ahead.expect(raw["file"].tolist(), raw["sha256"].tolist(), record_cache)
    # while worker processes clean articles (new ones: their sentences need parsing), this
    # process loads the spaCy pipeline instead of idling; not when every record is cached.
    # A few new articles: the helper loads it while this process reads the caches.
    documents, sentences = stage("corpus", corpus.build_corpus, raw, kb.rules, kb.sidecar,
                                 kb.sidecar_file, cache=record_cache,
                                 meanwhile=functools.partial(extract.preload_pipeline,
                                                             kb.data_dir),
                                 on_new=ahead and ahead.start)
    _checked({"documents": documents, "sentences": sentences})
    # each document's texts hashed once, for the two memos keyed by them (in record_cache)
    digests = document_digests(sentences["doc_id"], sentences["text"]) if record_cache else None
    kb.learn_titled_people(sentences["text"], sentences["doc_id"],
                           Path(record_cache) / "titled" if record_cache else None, digests)
    # time expressions are found inside extraction, document by document in its workers
    found = stage("extract", extract.extract, sentences, documents, kb.lexicons,
                  vocabulary=kb.vocabulary, parse_cache=parse_cache, row_cache=row_cache,
                  stats=parse_counts, ahead=ahead)
    if ahead is not None:
        ahead.close()
    new = parse_counts.pop("extracted", None)  # the others' rows: from the cache, checked
    # time expressions and mentions are checked once dated, below
    _checked({name: found[name] for name in ("actor_mentions", "claims", "trust_signals")},
             new=new, cache=row_cache)
    documents, depths, incidents = _dated(stage, kb, documents, sentences, found,
                                          record_cache, new, row_cache, digests)
    # THE origin rule over the corpus (the documents' origins, the outlets sentences cite):
    # built once for the events stage and the metrics
    origins = Origins.from_tables(documents, found["claims"])
    built = stage("events", events.build_events, found, documents, kb.annotations,
                  kb.lexicons, kb.chronology, rules=kb.labels, focus=focus,
                  lede_depths=depths, incidents=incidents, origins=origins,
                  memo=events.memo_for(record_cache, row_cache, new))
    _checked(built, {"mentions": events.SETS_IN_MENTIONS})  # the rest was checked above
    measured = stage("metrics", metrics.build_metrics, built, found, documents, focus,
                     kb.channels, kb.goldstein, origins)
    _checked(measured)
    tables = {"documents": documents, "sentences": sentences, **found, **built, **measured}
    tables["_parse"] = pd.DataFrame([parse_counts])
    tables["_timings"] = pd.DataFrame(  # wall and CPU seconds (this process's) per stage
        {"stage": list(timings), "seconds": [round(v[0], 4) for v in timings.values()],
         "cpu_seconds": [round(v[1], 4) for v in timings.values()]})
    return tables


def _dated(stage, kb: Knowledge, documents, sentences, found: dict, record_cache=None,
           new=None, row_cache=None, digests=None) -> tuple:
    """The dating stage and what reads its dates: (documents dated, lede depths, incidents
    dated); the time expressions resolved and the mentions dated in `found` (`new`,
    `row_cache`: see _checked). The sentence readings (lede depths, incident words) are
    remembered per document in `record_cache` (dating.readings); where the incident words
    stand does not change when the expressions are resolved, so dated_incidents reads the
    same ones after dating."""
    from trustbrief import dating, extract, timex
    from trustbrief.dating.readings import sentence_readings

    period = kb.story.period if kb.story is not None else ("", "")
    depths, texts, incident_found = sentence_readings(
        sentences, found["time_expressions"], kb.incident_words,
        Path(record_cache) / "readings" if record_cache else None, digests)
    documents = stage("dating", dating.infer_publication_dates, documents, found, kb.chronology,
                      sentences=sentences, sidecar_file=kb.sidecar_file, period=period,
                      deadline_words=kb.deadline_words, named_days=kb.named_days,
                      sidecar_listed=_sidecar_files(kb.sidecar),
                      incident_words=kb.incident_words, depths=depths,
                      incident_found=incident_found)
    _checked({"documents": documents})
    found["time_expressions"] = timex.narrow_to_gatherings(  # a summit's days narrow a month
        timex.resolve_time_expressions(found["time_expressions"], documents, kb.vocabulary),
        sentences, kb.gatherings)
    found["mentions"] = extract.date_mentions(found["mentions"], found["time_expressions"])
    _checked({"time_expressions": found["time_expressions"]})
    _checked({"mentions": found["mentions"]}, {"mentions": extract.DATES_IN_MENTIONS}, new,
             row_cache)
    incidents = dating.dated_incidents(documents, found["time_expressions"], texts,
                                       kb.incident_words, found_words=incident_found)
    return documents, depths, incidents


def _sidecar_files(sidecar: pd.DataFrame | None) -> frozenset[str]:
    """The article files the analyst's sidecar already has a row for."""
    if sidecar is None or sidecar.empty or "file" not in sidecar:
        return frozenset()
    return frozenset(str(f) for f in sidecar["file"].tolist() if str(f))


def _checked(tables: dict[str, pd.DataFrame],
             only: Mapping[str, tuple[str, ...]] | None = None,
             new: Collection[str] | None = None, cache: Path | str | None = None) -> None:
    """A stage boundary: every contract table among `tables` must hold what the contract
    says (contract.ContractError otherwise, naming the table, column and values). `only`:
    table -> the columns the stage set in a table whose other cells an earlier boundary
    checked (and the stage only reordered): those columns' cells, and the table's columns
    and their order, are checked (at 10,000 articles the mentions' cells cost ~0.8 s a
    check). `new`: the documents whose rows extraction computed in this run (None: every
    document); the other rows came from the extraction cache `cache`, checked when they were
    extracted, so only a new document's rows are checked whole (and the columns of `only`
    in every row). A run whose rows break the contract deletes `cache`: they would not be
    checked again."""
    try:
        for name, frame in tables.items():
            if name in contract.TABLES:
                _check(frame, contract.TABLES[name], (only or {}).get(name),
                       new if "doc_id" in frame else None)
    except contract.ContractError:
        if new is not None and cache is not None:
            shutil.rmtree(cache, ignore_errors=True)
        raise


def _check(frame: pd.DataFrame, spec, only: tuple[str, ...] | None,
           new: Collection[str] | None) -> None:
    """_checked of one table (`spec`)."""
    if only is None and new is None:
        contract.validate(frame, spec)
        return
    contract.validate(frame.iloc[:1], spec)  # every column, in order, and its type
    if only:
        contract.validate(frame[list(only)], dataclasses.replace(
            spec, columns=tuple(spec.column(c) for c in only)))
    if new:
        contract.validate(frame[frame["doc_id"].isin(list(new))], spec)


def schema() -> dict[str, dict[str, str]]:
    """Column descriptions of every output table, from the contract."""
    return contract.descriptions(*(name for _, name in OUTPUT_TABLES))


def datapackage(csv_texts: dict[str, str], rows: dict[str, int], prov: dict) -> dict:
    """The typed Frictionless Data Package describing every CSV we write."""
    from trustbrief.contract import datapackage as package

    return package.descriptor(csv_texts, rows, prov)


def write_outputs(tables: dict[str, pd.DataFrame], out_dir: Path | str, prov: dict) -> None:
    """Write every table all or nothing (a full disk leaves the old tables, not a mix);
    datapackage.json is renamed last, as the completion marker."""
    out_dir = Path(out_dir)
    texts = {name: to_csv_text(tables[name]) for _, name in OUTPUT_TABLES}
    rows = {name: int(len(tables[name])) for name in texts}
    with StagedFiles() as staged:
        for name, text in texts.items():
            staged.add(out_dir / f"{name}.csv", text)
        staged.add(out_dir / "provenance.json", json.dumps(prov, indent=2, sort_keys=True) + "\n")
        staged.add(out_dir / "datapackage.json",
                   json.dumps(datapackage(texts, rows, prov), indent=2, ensure_ascii=False)
                   + "\n")


def extraction_provenance(seeds_dir: Path | str, data_dir: Path | str, raw_files,
                          story: Story | None = None, focus: str = "") -> dict:
    """Inputs and versions, without timestamps, so two runs write identical bytes; `focus`
    ('A->B', else the story's pair) is the pair the tables measure."""
    data_dir = Path(data_dir)
    files = [data_dir / f for f in DATA_FILES if (data_dir / f).exists()]
    files += sorted((data_dir / "world").glob("*.yaml"))
    if story is not None:  # a story inferred from its articles has no file of its own
        files += [p for p in (story.path, *sorted(story.folder.glob("*")), story.addresses)
                  if p is not None and p.is_file()]
    return {
        "seeds": [{"file": f, "sha256": h} for f, h in raw_files],
        "story": story.name if story is not None else "",
        "focus": focus or (story.focus if story is not None else ""),
        "data_files": provenance.input_hashes(files, base=data_dir),
        "packages": provenance.package_versions(),
        "trustbrief": __import__("trustbrief").__version__,
    }
