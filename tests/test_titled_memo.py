"""The titled-people memo (trustbrief.titled_memo): a document scanned once is read back on
the next run, with the matches of one scan of every text, in the same order."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from trustbrief.knowledge.titled_people import TitleScan
from trustbrief.knowledge.world import load_world
from trustbrief.text_digests import document_digests
from trustbrief.titled_memo import document_matches

DATA = Path(__file__).resolve().parents[1] / "data"
DOC_IDS = ["a", "a", "b", "c"]
TEXTS = ["Japanese Foreign Minister Kenji Morita said.",
         "Lee Min-ho, the South Korean defence minister, said nothing.",
         "Nothing here.",
         "South Korean Prime Minister Park Min-jae spoke."]
EXPECTED = [["Kenji Morita", "Japan", "foreign_minister"],
            ["Lee Min-ho", "South Korea", "defence_minister"],
            ["Park Min-jae", "South Korea", "head_of_government"]]


@pytest.fixture(scope="module")
def scan():
    return TitleScan(load_world(DATA), ("Japan", "South Korea"))


def test_documents_are_scanned_once_and_read_back_in_order(scan, tmp_path, monkeypatch):
    assert document_matches(scan, DOC_IDS, TEXTS, tmp_path) == EXPECTED == scan.matches(TEXTS)
    scanned = []
    monkeypatch.setattr(scan, "matches", lambda texts: scanned.append(texts) or [])
    assert document_matches(scan, DOC_IDS, TEXTS, tmp_path) == EXPECTED
    assert scanned == []
    # one more document: only it is scanned
    assert document_matches(scan, [*DOC_IDS, "d"], [*TEXTS, "New text."], tmp_path) \
        == EXPECTED
    assert scanned == [["New text."]]


def test_the_digests_given_key_the_memo_as_its_own(scan, tmp_path, monkeypatch):
    """The pipeline gives the texts' digests (text_digests, made once for two memos): the
    memo they key is the one document_matches makes alone, and is read back whole."""
    digests = document_digests(DOC_IDS, TEXTS)
    assert document_matches(scan, DOC_IDS, TEXTS, tmp_path, digests) == EXPECTED
    scanned = []
    monkeypatch.setattr(scan, "matches", lambda texts: scanned.append(texts) or [])
    assert document_matches(scan, DOC_IDS, TEXTS, tmp_path) == EXPECTED
    assert document_matches(scan, DOC_IDS, TEXTS, tmp_path, digests) == EXPECTED
    assert scanned == []


def test_an_edited_document_is_scanned_again(scan, tmp_path):
    document_matches(scan, DOC_IDS, TEXTS, tmp_path)
    edited = [*TEXTS[:3], "South Korean Prime Minister Kim Do-yun spoke."]
    assert document_matches(scan, DOC_IDS, edited, tmp_path)[-1] == [
        "Kim Do-yun", "South Korea", "head_of_government"]


def test_a_damaged_memo_is_a_miss(scan, tmp_path):
    document_matches(scan, DOC_IDS, TEXTS, tmp_path)
    (memo,) = tmp_path.glob("*/documents.json.gz")
    memo.write_bytes(b"not gzip")
    assert document_matches(scan, DOC_IDS, TEXTS, tmp_path) == EXPECTED


def test_the_memo_is_found_again_by_another_process():
    """Its folder (the scan's patterns and code) must not depend on the process's hash seed."""
    code = ("from pathlib import Path; from trustbrief import fingerprints; "
            "from trustbrief.knowledge.titled_people import TitleScan; "
            "from trustbrief.knowledge.world import load_world; "
            f"s = TitleScan(load_world(Path({str(DATA)!r})), ('Japan', 'South Korea')); "
            "print(fingerprints.digest(s.about))")
    prints = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
              for seed in ("1", "2", "3")}
    assert len(prints) == 1
