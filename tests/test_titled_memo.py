"""The titled-people memo (trustbrief.titled_memo): a document scanned once is read back on
the next run, with the matches of one scan of every text, in the same order."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustbrief.knowledge.titled_people import TitleScan
from trustbrief.knowledge.world import load_world
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
