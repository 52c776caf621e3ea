"""Quality fixtures for trustbrief.corpus on the five real seed articles."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pandas as pd
import pytest

from trustbrief import corpus

ROOT = Path(__file__).resolve().parents[1]
STORY_FILES = ROOT / "data" / "stories" / "us-israel"  # the default story's own files
SEEDS = ROOT / "seeds"

# Every line of the seeds that is not story text: (file prefix, line as printed).
NOT_SENTENCES = {
    "000": ["Multiple times, the US has urged Israel to act less aggressively or not to take "
            "certain actions against Hezbollah, to avoid a larger regional war.",
            "YONAH JEREMY BOB",
            "SEPTEMBER 29, 2024 09:50Updated: SEPTEMBER 29, 2024 11:06",
            "America’s goal is to stop regional war",
            "Content retrieved from: https://www.jpost.com/israel-hamas-war/article-822306."],
    "001": ["MIDDLE EAST",
            "Netanyahu vetoes Gallant’s visit to Washington, refuses to share retaliation plans "
            "with US",
            "Published", "on",
            "WSJ: Israel withholds retaliation details from the US",
            "The Nasrallah assassination: Israel acts without US notice",
            "Netanyahu and Biden to hold phone call",
            "US wants to shape Israel’s response",
            "MOST READ", "Exit mobile version"],
    "002": ["Netanyahu halts Gallant's US trip to discuss strike on Iran: Axios",
            "Yoav Gallant's visit, originally set for Wednesday, is intended to focus on "
            "US-\"Israel\" coordination regarding a potential retaliatory strike on Iran.",
            "Dive deeper", "Why it matters", "US losing trust in Netanyahu",
            "Read more: US complicit in Israeli crimes, can't be impartial mediator: Iran FM"],
    "003": [],
    "004": ["Axios: US losing trust in Israel amid uncoordinated military actions",
            "By Khagan Isayev"],
}

TITLES = {
    "000": ("Multiple times, the US has urged Israel to act less aggressively or not to take "
            "certain actions against Hezbollah, to avoid a larger regional war.", "headline"),
    "001": ("Netanyahu vetoes Gallant’s visit to Washington, refuses to share retaliation plans "
            "with US", "headline"),
    "002": ("Netanyahu halts Gallant's US trip to discuss strike on Iran: Axios", "headline"),
    "004": ("Axios: US losing trust in Israel amid uncoordinated military actions", "headline"),
}

OUTLETS = {"000": "The Jerusalem Post", "001": "unknown", "002": "unknown", "003": "unknown",
           "004": "Caliber.Az"}


@pytest.fixture(scope="module")
def rules():
    return corpus.load_rules(ROOT / "data")


@pytest.fixture(scope="module")
def raw(rules):
    return corpus.read_seeds(SEEDS, rules)


@pytest.fixture(scope="module")
def built(raw, rules):
    return corpus.build_corpus(raw, rules, corpus.load_sidecar(STORY_FILES))


def by_prefix(frame: pd.DataFrame) -> dict[str, pd.Series]:
    return {row["file"][:3]: row for _, row in frame.iterrows()}


def test_all_five_seeds_read(raw):
    assert len(raw) == 5 and set(raw["encoding"]) == {"utf-8"}


@pytest.mark.parametrize("prefix", sorted(TITLES))
def test_headline_titles(built, prefix):
    doc = by_prefix(built[0])[prefix]
    assert (doc["title"], doc["title_basis"]) == TITLES[prefix]


def test_seed_without_headline_gets_a_short_title_from_its_first_sentence(built, rules):
    docs, sents = built
    doc = by_prefix(docs)["003"]
    first = sents.loc[sents["doc_id"] == doc["doc_id"], "text"].iloc[0]
    assert doc["title_basis"] == "first-sentence"
    assert first.startswith(doc["title"].rstrip("…")) and len(doc["title"]) < len(first)
    assert len(doc["title"].split()) <= rules.limits["derived_title_max_words"]


@pytest.mark.parametrize("prefix", sorted(OUTLETS))
def test_outlets(built, prefix):
    assert by_prefix(built[0])[prefix]["outlet"] == OUTLETS[prefix]


def test_cited_outlets_are_recorded(built):
    docs = by_prefix(built[0])
    assert "Axios" in docs["004"]["cited_outlets"]
    assert {"Axios", "The Wall Street Journal"} <= set(docs["001"]["cited_outlets"])


def test_dates_at_this_stage(built):
    docs = by_prefix(built[0])
    d0 = docs["000"]
    assert (d0["published"], d0["published_earliest"], d0["published_latest"],
            d0["published_basis"]) == ("2024-09-29", "2024-09-29", "2024-09-29", "stated")
    assert "SEPTEMBER 29, 2024" in d0["published_evidence"]
    for prefix in ("001", "002", "003", "004"):
        assert (docs[prefix]["published"], docs[prefix]["published_basis"]) == ("", "unknown")


def test_authors_and_url(built):
    docs = by_prefix(built[0])
    assert docs["000"]["author"] == "Yonah Jeremy Bob"
    assert docs["004"]["author"] == "Khagan Isayev"
    assert docs["000"]["url"] == "https://www.jpost.com/israel-hamas-war/article-822306"


@pytest.mark.parametrize("prefix", sorted(NOT_SENTENCES))
def test_boilerplate_and_headings_are_not_sentences_and_all_body_lines_are(built, raw, prefix):
    docs, sents = built
    doc = by_prefix(docs)[prefix]
    text = raw.set_index("file").loc[doc["file"], "text"]
    doc_sents = sents[sents["doc_id"] == doc["doc_id"]]
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in NOT_SENTENCES[prefix]:
        assert line in lines, f"fixture line not in {prefix}: {line!r}"
        assert not any(line == s or (" " in line and line in s) for s in doc_sents["text"]), line
    body = [line for line in lines if line not in NOT_SENTENCES[prefix]]
    joined = " ".join(doc_sents["text"])
    for line in body:
        assert line in joined, f"body line lost in {prefix}: {line[:60]!r}"
    assert len(joined) == len(" ".join(body))


def test_offsets_index_the_original_text(built, raw):
    _, sents = built
    texts = {"d" + sha[:10]: text for sha, text in zip(raw["sha256"], raw["text"], strict=True)}
    for row in sents.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text
    assert sents["sent_id"].is_unique


def test_seeds_are_not_duplicates_of_each_other(built):
    assert set(built[0]["duplicate_of"]) == {""}


def test_replicated_corpus_marks_copies_as_duplicates(raw, rules):
    copies = 200
    rows = []
    for k in range(copies):
        for row in raw.to_dict("records"):
            text = row["text"] + f"\nEditor's note {k}: this copy was archived for review.\n"
            rows.append({**row, "file": f"r{k:03d}_{row['file']}", "text": text,
                         "sha256": hashlib.sha256(text.encode()).hexdigest()})
    big = pd.DataFrame(rows, columns=corpus.RAW_COLUMNS)
    started = time.perf_counter()
    docs, sents = corpus.build_corpus(big, rules, None)
    seconds = time.perf_counter() - started
    print(f"\nbuild_corpus: {len(docs)} documents, {len(sents)} sentences in {seconds:.2f} s "
          f"({len(docs) / seconds:.0f} documents/s)")
    assert (docs["duplicate_of"] == "").sum() == len(raw)
    originals = set(docs.loc[docs["duplicate_of"] == "", "file"])
    assert originals == {f"r000_{f}" for f in raw["file"]}
