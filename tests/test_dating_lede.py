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


def test_an_archive_caption_is_never_in_the_lede():
    texts = ["FILE - The minister speaks in Port City, Friday, March 8, 2024.",
             "The minister resigned on Friday after a week of protests in the capital."]
    depths = lede_depths(sentences_of("dF", texts))
    assert depths[("dF", "dF-s001")] > 100
    assert depths[("dF", "dF-s002")] == 1


def test_a_dateline_and_a_credit_are_not_body_sentences():
    assert not is_body_sentence("CAPITAL, July 31. /AGENCY/.")
    assert not is_body_sentence("(Photo/Agency)")
    assert is_body_sentence("The minister said on Monday that talks would resume.")
    assert is_body_sentence("“We will respond,” he said.”")


def test_a_body_sentence_ends_with_its_punctuation_and_counts_words_not_spaces():
    assert is_body_sentence("Will the talks resume on Monday?\")]")  # closers after the mark
    assert is_body_sentence("Talks  will\tresume   on Monday! ")  # any run of spaces is one
    assert not is_body_sentence("Talks will resume Monday.")  # four words
    assert not is_body_sentence("Talks will resume on Monday.” he")  # the mark is not last
    assert not is_body_sentence("FILE: Talks will resume on Monday.")


def _dated(texts: list[str]) -> pd.Series:
    sentences = sentences_of("dA", texts)
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
    with_depths = dating.infer_publication_dates(docs, found, empty, sentences=sentences)
    # without the sentences table, sentence numbers stand in for the depths
    without = dating.infer_publication_dates(docs, found, empty)
    return pd.DataFrame({"with": with_depths.set_index("doc_id").loc["dA"],
                         "without": without.set_index("doc_id").loc["dA"]})


def test_a_lede_weekday_below_the_headlines_meets_the_caption_date():
    # 4 March 2025 is a Tuesday: the lede's 'Tuesday's blasts' are the caption's day, so the
    # page is of that day or the next (the first is given).
    out = _dated(PAGE)
    assert (out.loc["published", "with"], out.loc["published_basis", "with"]) == \
        ("2025-03-04", "inferred")
    assert out.loc["published", "without"] == ""  # the weekday's sentence number is 6


def test_an_archive_photo_on_the_lede_weekday_pins_nothing():
    # 7 March 2025 is a Friday, like the old photo's day: the photo is not the news
    out = _dated(["FILE - The minister speaks in Port City, March 7, 2025.",
                  "The minister resigned on Friday after weeks of protests in the capital."])
    assert out.loc["published", "with"] == ""


def test_a_weekday_below_a_lede_that_looks_back_over_the_week_pins_nothing():
    # 4 March 2025 is a Tuesday. A first sentence about the week ('escalated further this
    # week') opens a roundup or a follow-up of others' reports, published days later: the
    # call 'Tuesday' below it is one event of the week, not the day's news.
    call = "The two leaders spoke by phone Tuesday to discuss the blasts."
    news = _dated(["Tensions escalated after the harbour blasts of March 4, 2025.", call])
    roundup = _dated(["Tensions escalated further this week after the harbour blasts of "
                      "March 4, 2025.", call])
    assert news.loc["published", "with"] == "2025-03-04"
    assert roundup.loc["published", "with"] == ""
    assert roundup.loc["published_earliest", "with"] == "2025-03-04"


def _lede_act(weekday: str) -> pd.Series:
    """An undated article whose lede tells an act by a bare weekday, in a corpus where another
    article dates that act (1 March 2025, a Saturday) by its calendar date."""
    def mention(doc_id: str, text: str) -> dict:
        return {"doc_id": doc_id, "sent_id": f"{doc_id}-s001", "event_type": "airstrike",
                "actors": "Ruritania;Freedonia", "text": text, "polarity": "asserted",
                "time_id": ""}
    docs = pd.DataFrame([
        {"doc_id": "dD", "file": "dated.txt", "published": "2025-03-06",
         "published_basis": "url"},
        {"doc_id": "dU", "file": "undated.txt", "published": "", "published_basis": "unknown"}])
    mentions = pd.DataFrame([
        mention("dD", "Ruritania struck military sites in Freedonia on March 1, 2025, "
                      "officials said."),
        mention("dU", f"Ruritanian jets struck military sites in Freedonia early {weekday} "
                      "morning, weeks after the border clashes.")]).drop(columns=["time_id"])
    found = {"mentions": mentions, "time_expressions": timex.extract_time_expressions(
        mentions[["doc_id", "sent_id", "text"]])}
    empty = pd.DataFrame(columns=list(dating.CHRONOLOGY_COLUMNS))
    return dating.infer_publication_dates(docs, found, empty).set_index("doc_id").loc["dU"]


def test_an_act_the_lede_tells_by_its_weekday_is_the_news_of_its_dated_day():
    # not only a contact: the strike 'early Saturday' is the one another article dates
    # to Saturday 1 March 2025, so the article is of that day or the next
    out = _lede_act("Saturday")
    assert (out["published"], out["published_latest"]) == ("2025-03-01", "2025-03-02")
    # a weekday on which the dated act did not fall is another act: nothing pinned
    assert _lede_act("Friday")["published"] == ""


def test_a_weekday_told_as_the_writers_own_day_deep_in_the_body_chooses_the_days():
    # 'earlier Thursday' is said while it is Thursday, however deep in the article: of the
    # days after the blasts of Tuesday 4 March 2025, a Thursday or the Friday after it (the
    # first, 6 March); 'that Thursday' is a day told from another one and chooses nothing
    lede = ["Tensions rose after the harbour blasts of March 4, 2025, officials said.",
            "Workers cleared debris at the harbour through the night.",
            "Unions called for an inquiry into the port's safety rules."]
    today = _dated([*lede, "The minister said he was briefed earlier Thursday by the police."])
    told = _dated([*lede, "The minister said he was briefed later that Thursday by police."])
    assert today.loc["published_earliest", "with"] == "2025-03-06"
    assert "earlier Thursday" in today.loc["published_evidence", "with"]
    assert told.loc["published_earliest", "with"] == "2025-03-04"
