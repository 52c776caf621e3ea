"""The whole extraction pipeline: seeds/ + data/ -> processed tables + datapackage.json.

Each stage is a pure function in its own module; this module only wires them
together and does the I/O at the edges.
"""

from __future__ import annotations

import contextlib
import gc
import json
import logging
import time
from pathlib import Path

import pandas as pd

from trustbrief import contract, provenance
from trustbrief.tables import atomic_write_text, to_csv_text

log = logging.getLogger("trustbrief")

# Tables written by `extract`, in datapackage order: (stage module, table name).
OUTPUT_TABLES = tuple((spec.stage, name) for name, spec in contract.TABLES.items())

DATA_FILES = ("boilerplate.yaml", "outlets.yaml", "sources.csv", "time_expressions.yaml",
              "chronology.csv", "gazetteer.yaml", "event_types.yaml", "trust_cues.yaml",
              "attribution.yaml", "annotations.yaml", "labels.yaml", "channels.yaml")


class Knowledge:
    """Every analyst data file, loaded and validated once."""

    def __init__(self, data_dir: Path | str):
        from trustbrief import corpus, dating, events, extract, metrics, timex

        data_dir = Path(data_dir)
        self.vocabulary = timex.load_vocabulary(data_dir)
        self.data_dir = data_dir
        self.rules = corpus.load_rules(data_dir)
        self.sidecar = corpus.load_sidecar(data_dir)
        self.lexicons = extract.load_lexicons(data_dir)
        self.chronology = dating.load_chronology(data_dir)
        self.annotations = events.load_annotations(data_dir)
        self.labels = events.load_labels(data_dir)
        self.channels = metrics.load_channels(data_dir)


def run(seeds_dir: Path | str, data_dir: Path | str, focus: tuple[str, str] = ("US", "Israel"),
        knowledge: Knowledge | None = None) -> dict[str, pd.DataFrame]:
    """Run every stage; returns all tables by name."""
    kb = knowledge or Knowledge(data_dir)
    with _cyclic_gc_paused():
        return _run_stages(seeds_dir, kb, focus)


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


def _run_stages(seeds_dir, kb: Knowledge, focus) -> dict[str, pd.DataFrame]:
    from trustbrief import corpus, dating, events, extract, metrics, timex

    timings = {}

    def stage(name, fn, *args, **kwargs):
        started = time.perf_counter()
        result = fn(*args, **kwargs)
        timings[name] = time.perf_counter() - started
        log.info("%s: %.2f s", name, timings[name])
        return result

    raw = stage("read", corpus.read_seeds, seeds_dir, kb.rules)
    documents, sentences = stage("corpus", corpus.build_corpus, raw, kb.rules, kb.sidecar)
    _checked({"documents": documents, "sentences": sentences})
    # time expressions are found inside extraction, document by document in its workers
    found = stage("extract", extract.extract, sentences, documents, kb.lexicons,
                  vocabulary=kb.vocabulary)
    # time expressions and mentions are checked once dated, below
    _checked({name: found[name] for name in ("actor_mentions", "claims", "trust_signals")})
    documents = stage("dating", dating.infer_publication_dates, documents, found, kb.chronology)
    _checked({"documents": documents})
    found["time_expressions"] = timex.resolve_time_expressions(found["time_expressions"],
                                                               documents)
    found["mentions"] = extract.date_mentions(found["mentions"], found["time_expressions"])
    _checked({name: found[name] for name in ("time_expressions", "mentions")})
    built = stage("events", events.build_events, found, documents, kb.annotations,
                  kb.lexicons, kb.chronology, rules=kb.labels, focus=focus)
    _checked(built)
    measured = stage("metrics", metrics.build_metrics, built, found, documents, focus,
                     kb.channels)
    _checked(measured)
    tables = {"documents": documents, "sentences": sentences, **found, **built, **measured}
    tables["_timings"] = pd.DataFrame(
        {"stage": list(timings), "seconds": [round(v, 4) for v in timings.values()]})
    return tables


def _checked(tables: dict[str, pd.DataFrame]) -> None:
    """A stage boundary: every contract table among `tables` must hold what the contract
    says (contract.ContractError otherwise, naming the table, column and values)."""
    for name, frame in tables.items():
        if name in contract.TABLES:
            contract.validate(frame, name)


def schema() -> dict[str, dict[str, str]]:
    """Column descriptions of every output table, from the contract."""
    return contract.descriptions(*(name for _, name in OUTPUT_TABLES))


def datapackage(csv_texts: dict[str, str], rows: dict[str, int], prov: dict) -> dict:
    """The typed Frictionless Data Package describing every CSV we write."""
    from trustbrief.contract import datapackage as package

    return package.descriptor(csv_texts, rows, prov)


def write_outputs(tables: dict[str, pd.DataFrame], out_dir: Path | str, prov: dict) -> None:
    """Write every table atomically; datapackage.json last, as the completion marker."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    texts = {name: to_csv_text(tables[name]) for _, name in OUTPUT_TABLES}
    for name, text in texts.items():
        atomic_write_text(out_dir / f"{name}.csv", text)
    atomic_write_text(out_dir / "provenance.json",
                      json.dumps(prov, indent=2, sort_keys=True) + "\n")
    rows = {name: int(len(tables[name])) for name in texts}
    atomic_write_text(out_dir / "datapackage.json",
                      json.dumps(datapackage(texts, rows, prov), indent=2, ensure_ascii=False)
                      + "\n")


def extraction_provenance(seeds_dir: Path | str, data_dir: Path | str, raw_files) -> dict:
    """Inputs and versions, without timestamps, so two runs write identical bytes."""
    data_dir = Path(data_dir)
    return {
        "seeds": [{"file": f, "sha256": h} for f, h in raw_files],
        "data_files": provenance.input_hashes(
            [data_dir / f for f in DATA_FILES if (data_dir / f).exists()]),
        "packages": provenance.package_versions(),
        "trustbrief": __import__("trustbrief").__version__,
    }
