"""The extraction cache (extract.rowcache): a cached run gives the same tables without
extracting or loading spaCy; a changed article, data file or code re-extracts."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from trustbrief import extract, fingerprints
from trustbrief.extract import rowcache, stage

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
LEX_FILES = ("gazetteer.yaml", "event_types.yaml", "trust_cues.yaml", "attribution.yaml",
             "syntax.yaml")

DOCS = [
    ["Israeli warplanes struck Dahiyeh overnight on Friday, the Israeli military said.",
     "US officials said the relationship was frosty after the strike."],
    ["Antony Blinken spoke by phone with Benjamin Netanyahu on Tuesday, the State "
     "Department said."],
]


def _sentences(docs: list[list[str]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = [{"doc_id": f"dcache{d:03d}", "sent_id": f"dcache{d:03d}-s{s:03d}", "start": 0,
             "end": len(text), "text": text}
            for d, texts in enumerate(docs) for s, text in enumerate(texts, start=1)]
    sentences = pd.DataFrame(rows)
    return sentences, pd.DataFrame({"doc_id": sorted(sentences["doc_id"].unique())})


def _run(lex, cache: Path, docs=DOCS) -> tuple[dict, dict]:
    sentences, documents = _sentences(docs)
    stats: dict = {}
    found = extract.extract(sentences, documents, lex, row_cache=cache, stats=stats)
    return found, stats


def _same(a: dict, b: dict) -> None:
    assert a.keys() == b.keys()
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)


def test_a_cached_run_gives_the_same_tables_without_spacy(lex, tmp_path, monkeypatch):
    sentences, documents = _sentences(DOCS)
    uncached = extract.extract(sentences, documents, lex)
    first, stats = _run(lex, tmp_path)
    assert stats["cached"] == 0 and len(first["mentions"]) > 0
    _same(first, uncached)

    def no_pipeline(*args, **kwargs):
        raise AssertionError("the spaCy pipeline was loaded although every document is cached")

    monkeypatch.setattr(stage.nlp_mod, "load_pipeline", no_pipeline)
    again, stats = _run(lex, tmp_path)
    assert stats["cached"] == len(DOCS) and stats["parsed"] == 0
    _same(again, uncached)


def test_only_a_changed_document_is_extracted_again(lex, tmp_path):
    _run(lex, tmp_path)
    changed = [DOCS[0], [DOCS[1][0].replace("Tuesday", "Wednesday")]]
    found, stats = _run(lex, tmp_path, changed)
    assert stats["cached"] == 1
    assert "Wednesday" in " ".join(found["time_expressions"]["text"])
    assert len(list(tmp_path.glob("*/*.json.gz"))) == 3  # the old version stays until pruned


def test_a_changed_data_file_extracts_everything_again(lex, tmp_path):
    found, _ = _run(lex, tmp_path / "cache")
    assert not (found["trust_signals"]["cue"].str.lower() == "frosty").any()
    data = tmp_path / "data"
    data.mkdir()
    for name in LEX_FILES:
        shutil.copy(DATA / name, data / name)
    cues = data / "trust_cues.yaml"
    text = cues.read_text(encoding="utf-8")
    assert "      - {pattern: 'rift'}\n" in text
    cues.write_text(text.replace("      - {pattern: 'rift'}\n",
                                 "      - {pattern: 'rift'}\n      - {pattern: 'frosty'}\n", 1),
                    encoding="utf-8")
    changed = extract.load_lexicons(data)
    again, stats = _run(changed, tmp_path / "cache")
    assert stats["cached"] == 0
    assert (again["trust_signals"]["cue"].str.lower() == "frosty").any()
    # the rows of the old knowledge are gone: one fingerprint folder is left
    assert len([p for p in (tmp_path / "cache").iterdir() if p.is_dir()]) == 1


def test_fingerprint_covers_knowledge_code_and_pipeline(lex):
    vocab = extract.stage.timex.default_vocabulary()
    base = rowcache.fingerprint(lex, vocab, "pipeline-1")
    assert rowcache.fingerprint(lex, vocab, "pipeline-1") == base
    assert rowcache.fingerprint(lex, vocab, "pipeline-2") != base
    other = extract.Lexicons(**{**lex.__dict__, "intensifiers": (*lex.intensifiers, ("x", 2))})
    assert rowcache.fingerprint(other, vocab, "pipeline-1") != base
    modules = fingerprints._imported_modules(rowcache.CODE_ROOT)
    # what extraction runs: its own modules, the time expressions and the knowledge loaders
    assert {"trustbrief.extract.syntax", "trustbrief.extract.stage", "trustbrief.timex.find",
            "trustbrief.knowledge"} <= set(modules)
    assert "trustbrief.brief" not in modules and "trustbrief.events" not in modules


def test_imports_are_read_from_the_source(tmp_path):
    source = tmp_path / "m.py"
    source.write_text("import trustbrief.limits\nfrom trustbrief import (\n    timex,  # why\n"
                      "    parallel as p,\n)\nfrom trustbrief.extract.nlp import Parser\n"
                      "def f():\n    from trustbrief.events import build\n", encoding="utf-8")
    names = set(fingerprints._imports(source))
    assert {"trustbrief.limits", "trustbrief.timex", "trustbrief.parallel",
            "trustbrief.extract.nlp", "trustbrief.events"} <= names


def test_a_file_read_again_with_other_imports_is_scanned_again(tmp_path):
    """The scans are remembered per file and text: an edited file's new imports count."""
    source = tmp_path / "m.py"
    source.write_text("import trustbrief.limits\n", encoding="utf-8")
    assert fingerprints._imports(source) == ["trustbrief.limits"]
    assert fingerprints._imports(source) == ["trustbrief.limits"]
    source.write_text("import trustbrief.timex\n", encoding="utf-8")
    assert fingerprints._imports(source) == ["trustbrief.timex"]


def test_fingerprint_is_the_same_in_every_process():
    """Some knowledge is built from sets (per-process order): the fingerprint must not
    depend on it, or no run would ever find the rows of the one before."""
    code = ("from trustbrief import extract, timex; from trustbrief.extract import rowcache;"
            "print(rowcache.fingerprint(extract.load_lexicons(), timex.default_vocabulary(), "
            "'p'))")
    prints = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed,
               "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             env=env, check=True)
        prints.add(out.stdout.strip())
    assert len(prints) == 1


def test_a_damaged_cache_file_is_a_miss(lex, tmp_path):
    first, _ = _run(lex, tmp_path)
    for path in tmp_path.glob("*/*.json.gz"):
        path.write_bytes(b"not gzip")
    again, stats = _run(lex, tmp_path)
    assert stats["cached"] == 0
    _same(again, first)
    assert all(json.loads(gzip.decompress(p.read_bytes())) for p in tmp_path.glob("*/*.json.gz"))


def test_rows_must_be_plain_values(tmp_path):
    cache = rowcache.RowCache(tmp_path, "f" * fingerprints.FINGERPRINT_LENGTH)
    with pytest.raises(TypeError, match="'targets'"):
        cache.write("k", ([], [{"targets": ("Israel",)}], [], [], []))
    cache.write("k", ([], [{"targets": ["Israel"], "n": 1.5, "x": None}], [], [], []))
    assert cache.read("k")[1] == [{"targets": ["Israel"], "n": 1.5, "x": None}]


def test_prune_keeps_the_current_fingerprint_and_other_files(tmp_path):
    current = "a" * fingerprints.FINGERPRINT_LENGTH
    old = tmp_path / ("b" * fingerprints.FINGERPRINT_LENGTH)
    old.mkdir()
    (tmp_path / "notes").mkdir()
    cache = rowcache.RowCache(tmp_path, current)
    cache.write("k", ([], [], [], [], []))
    cache.prune()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([current, "notes"])


def test_workers_write_the_rows_they_extract(lex, tmp_path):
    """With two worker processes, each writes its documents' rows to the cache: a next run
    in one process reads every document from it, with the same tables."""
    docs = [*DOCS, ["Israel struck Beirut on Monday, officials said."],
            ["The US urged Israel to show restraint, a spokesman said."]]
    sentences, documents = _sentences(docs)
    stats: dict = {}
    first = extract.extract(sentences, documents, lex, row_cache=tmp_path, stats=stats,
                            workers=2)
    assert stats["cached"] == 0
    assert len(list(tmp_path.glob("*/*.json.gz"))) == len(docs)
    again = extract.extract(sentences, documents, lex, row_cache=tmp_path, stats=stats,
                            workers=1)
    assert stats["cached"] == len(docs)
    _same(again, first)
