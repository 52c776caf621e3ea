"""The lede of a saved article: headline lines, captions and credits do not push the news
down (trustbrief.dating.lede), and the lede rules of the dating stage read it."""

from __future__ import annotations

import pandas as pd

from trustbrief import dating, timex
from trustbrief.dating.lede import is_body_sentence, lede_depths


def sentences_of(doc_id: str, texts: list[str]) -> pd.DataFrame:
    return pd.DataFrame([{"doc_id": doc_id, "sent_id": f"{doc_id}-s{n:03d}", "text": text,
                          "start": 100 * n} for n, text in enumerate(texts, start=1)])


PAGE = ["Ministry denies any part in harbour blasts",  # headline: no full stop
        "Officials say they are still gathering information",  # standfirst
        "Workers clear debris at the harbour in Port City, March 4, 2025, after the blasts.",
        "(Photo/Agency)",
        "Workers clear debris at the harbour in Port City, March 4, 2025, after the blasts.",
        "The ministry declined to comment on Tuesday's blasts at the harbour, a spokesman said.",
        "Nobody was hurt in the second blast, officials added later."]


def test_headlines_captions_and_credits_do_not_move_the_lede():
    depths = lede_depths(sentences_of("dP", PAGE))
    numbers = [depths[("dP", f"dP-s{n:03d}")] for n in range(1, len(PAGE) + 1)]
    # the caption is the first body sentence, its repeat and the credit count not, the
    # lede sentence is the second
    assert numbers == [1, 1, 1, 2, 2, 2, 3]


def test_a_dateline_and_a_credit_are_not_body_sentences():
    assert not is_body_sentence("CAPITAL, July 31. /AGENCY/.")
    assert not is_body_sentence("(Photo/Agency)")
    assert is_body_sentence("The minister said on Monday that talks would resume.")
    assert is_body_sentence("“We will respond,” he said.”")


def test_a_lede_weekday_below_the_headlines_meets_the_caption_date():
    # 4 March 2025 is a Tuesday: the lede's 'Tuesday's blasts' are the caption's day, so the
    # page is of that day or the next (the first is given).
    sentences = sentences_of("dA", PAGE)
    docs = pd.DataFrame([
        {"doc_id": "dA", "file": "page.txt", "published": "", "published_basis": "unknown",
         "published_earliest": "", "published_latest": "", "published_evidence": "",
         "published_printed": ""},
        {"doc_id": "dB", "file": "dated.txt", "published": "2025-03-20",
         "published_basis": "url", "published_earliest": "2025-03-20",
         "published_latest": "2025-03-20", "published_evidence": "", "published_printed": ""}])
    found = {"mentions": pd.DataFrame(columns=["doc_id", "sent_id", "event_type", "actors",
                                               "text", "time_id", "polarity"]),
             "time_expressions": timex.extract_time_expressions(sentences)}
    empty = pd.DataFrame(columns=list(dating.CHRONOLOGY_COLUMNS))
    out = dating.infer_publication_dates(docs, found, empty, sentences=sentences)
    row = out.set_index("doc_id").loc["dA"]
    assert (row["published"], row["published_basis"]) == ("2025-03-04", "inferred")
    # without the sentences table, sentence numbers stand in: the weekday is too deep
    out = dating.infer_publication_dates(docs, found, empty)
    assert out.set_index("doc_id").loc["dA", "published"] == ""
