"""The whole extraction: data contract, datapackage, determinism, hostile corpora."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from conftest import DATA, ROOT, SEEDS
from trustbrief.tables import read_table

CONTRACT = {
    "documents": "doc_id file sha256 title outlet author url published published_earliest "
                 "published_latest published_basis n_sentences n_words duplicate_of",
    "sentences": "doc_id sent_id start end text",
    "mentions": "mention_id event_id doc_id sent_id event_type actors date date_earliest "
                "date_latest date_basis time_text trigger text",
    "events": "event_id date date_earliest date_latest date_precision event_type plover actors "
              "label n_documents n_outlets n_origins doc_ids notice evidence",
    "claims": "claim_id doc_id sent_id speaker speaker_type speaker_count cited_outlet quote text",
    "trust_signals": "doc_id sent_id cue category polarity direction negated text",
}


@pytest.mark.parametrize("table", sorted(CONTRACT))
def test_tables_follow_the_data_contract(real_processed, table):
    frame = read_table(real_processed / f"{table}.csv")
    missing = set(CONTRACT[table].split()) - set(frame.columns)
    assert not missing, f"{table}.csv lacks {missing}"
    assert len(frame) > 0


def test_controlled_vocabularies(real_processed):
    docs = read_table(real_processed / "documents.csv")
    assert set(docs["published_basis"]) <= {"stated", "sidecar", "inferred", "unknown"}
    events = read_table(real_processed / "events.csv")
    assert set(events["date_precision"]) <= {"day", "range", "week", "month", "unknown"}
    assert set(events["notice"]) <= {"none", "minutes", "hours", "days", "unknown", "n/a"}
    assert events["label"].str.len().max() <= 70
    claims = read_table(real_processed / "claims.csv")
    assert set(claims["speaker_type"]) <= {"named_official", "anonymous_official", "outlet",
                                           "organization", "unattributed"}
    for frame, cols in ((docs, ["published"]), (events, ["date", "date_earliest"])):
        for col in cols:
            assert frame[col].str.fullmatch(r"(\d{4}-\d{2}-\d{2})?").all()


def test_sentence_offsets_index_the_original_text(real_processed):
    docs = read_table(real_processed / "documents.csv").set_index("doc_id")
    sentences = read_table(real_processed / "sentences.csv")
    for row in sentences.itertuples():
        original = (SEEDS / docs.loc[row.doc_id, "file"]).read_text(encoding="utf-8")
        assert original[int(row.start):int(row.end)] == row.text


def test_datapackage_describes_every_column(real_processed):
    package = json.loads((real_processed / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        frame = read_table(real_processed / resource["path"])
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == list(frame.columns)
        undocumented = [f["name"] for f in fields if not f["description"]]
        assert not undocumented, f"{resource['path']}: undocumented columns {undocumented}"
    assert {s["file"] for s in package["x-provenance"]["seeds"]} == {p.name for p in
                                                                    SEEDS.iterdir()}


def run_extract(seeds, out):
    return subprocess.run([sys.executable, "-m", "trustbrief", "extract", "--seeds", str(seeds),
                           "--out", str(out), "--data", str(DATA)], capture_output=True,
                          text=True, cwd=ROOT)


@pytest.mark.slow
def test_two_runs_write_identical_bytes(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert run_extract(SEEDS, first).returncode == 0
    assert run_extract(SEEDS, second).returncode == 0
    names = sorted(p.name for p in first.iterdir() if p.is_file())
    assert names == sorted(p.name for p in second.iterdir() if p.is_file())
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    # the parses are cached by document: a second run into the same folder parses nothing
    assert len(list((first / "parses").glob("*.json.gz"))) == len(list(SEEDS.iterdir()))
    again = run_extract(SEEDS, first)
    assert again.returncode == 0 and "parsed 0 sentences" in again.stderr


@pytest.mark.slow
def test_broken_files_are_named_and_the_rest_survives(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / "empty.txt").write_text("", encoding="utf-8")
    (seeds / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (seeds / "legacy cp1252 café.txt").write_bytes(
        "Washington officials said the \x93trust\x94 was very low on Friday.\n\n"
        "The Pentagon chief was caught off guard, officials said.\n".encode("latin-1"))
    first = sorted(SEEDS.iterdir())[0]
    (seeds / "copy of first.txt").write_bytes(first.read_bytes().replace(b"  ", b" ") + b"\n")
    (seeds / "notes.docx").write_bytes(b"PK\x03\x04 not an article")
    (seeds / "huge.txt").write_text("The talks went on. " * 200_000, encoding="utf-8")
    result = run_extract(seeds, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    handled = {"empty.txt": "skipped", "binary.txt": "skipped", "notes.docx": "skipped",
               "huge.txt": "skipped", "legacy cp1252 café.txt": "decoded as cp1252"}
    for name, what in handled.items():
        lines = [w for w in warnings if f" {name}: " in w and what in w.split(f"{name}: ", 1)[1]]
        assert len(lines) == 1, (name, warnings)
    docs = read_table(tmp_path / "out" / "documents.csv")
    assert set(docs["file"]) >= {p.name for p in SEEDS.iterdir()} | {"legacy cp1252 café.txt"}
    copy = docs.set_index("file").loc["copy of first.txt"]
    assert copy["duplicate_of"] == docs.set_index("file").loc[first.name, "doc_id"]
    events = read_table(tmp_path / "out" / "events.csv")
    assert not events["doc_ids"].str.contains(copy["doc_id"]).any(), \
        "a duplicate must never count as corroboration"


def test_extraction_finds_time_expressions_in_its_workers_as_timex_does():
    """Time expressions found per document inside extraction (one or two processes) are the
    timex table, and the other tables match those made from a precomputed frame."""
    import pandas as pd

    from trustbrief import extract, timex

    texts = ["On Friday, Israel struck Beirut.", "Two days ago the talks stalled.",
             "Nearly 50 days passed; on 9 October 2024 Biden and Netanyahu spoke.",
             "No time here."]
    sentences = pd.DataFrame({
        "doc_id": [f"d{i % 7:02d}" for i in range(60)],
        "sent_id": [f"d{i % 7:02d}-s{i:03d}" for i in range(60)],
        "text": [texts[i % 4] for i in range(60)]})
    documents = pd.DataFrame({"doc_id": sorted(set(sentences["doc_id"]))})
    lexicons = extract.load_lexicons()
    expected = timex.extract_time_expressions(sentences)
    given = extract.extract(sentences, documents, lexicons, time_expressions=expected)
    assert len(expected) > 20
    for workers in (1, 2):
        found = extract.extract(sentences, documents, lexicons, workers=workers)
        for name, table in given.items():
            pd.testing.assert_frame_equal(found[name], table, obj=f"{name}, {workers}")


def test_the_dating_stage_is_told_which_files_the_sidecar_lists():
    import pandas as pd

    from trustbrief.pipeline import _sidecar_files

    sidecar = pd.DataFrame({"file": ["a.txt", "b.html"], "url": ["https://x.org/a", ""]})
    assert _sidecar_files(sidecar) == {"a.txt", "b.html"}
    assert _sidecar_files(sidecar.iloc[0:0]) == frozenset()
    assert _sidecar_files(None) == frozenset()
