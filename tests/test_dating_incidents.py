"""An incident named by a word ('Wednesday's crash', 'two days after the plane crashed')
places an undated article against the day other articles date the incident to
(trustbrief.dating.incidents), on invented sentences."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from conftest import DATA
from trustbrief import timex
from trustbrief.dating import infer_publication_dates
from trustbrief.dating.incidents import incident_clues, load_incident_words
from trustbrief.knowledge import DataFileError

DATED = "A Lakeair passenger jet crashed on March 12, 2025, near Portview, Norland officials said."


@pytest.fixture(scope="module")
def words():
    return load_incident_words(DATA)


def _corpus(texts: dict[str, str], published: dict[str, str] | None = None):
    """documents and the sentences' time expressions for {doc_id: one sentence}."""
    published = published or {}
    documents = pd.DataFrame({
        "doc_id": list(texts), "file": [f"{d}.txt" for d in texts],
        "published": [published.get(d, "") for d in texts],
        "published_basis": ["stated" if d in published else "unknown" for d in texts]})
    sentences = {(d, f"{d}-s001"): text for d, text in texts.items()}
    frame = pd.DataFrame([{"doc_id": d, "sent_id": s, "text": t}
                          for (d, s), t in sentences.items()])
    return documents, timex.extract_time_expressions(frame), sentences


def _days(clues, start=dt.date(2025, 3, 1), days=60) -> list[dt.date]:
    candidates = [start + dt.timedelta(days=i) for i in range(days)]
    return [d for d in candidates if all(c.holds(d) for c in clues)]


def test_a_weekday_before_the_word_dates_the_incident(words):
    # 12 March 2025 is a Wednesday
    documents, times, sentences = _corpus({
        "a": DATED, "b": "Flights to Portview were halted until the Norland inquiry into "
                         "Wednesday's crash is complete."})
    clues = incident_clues(documents, times, sentences, {"b"}, words)["b"]
    assert [c.kind for c in clues] == ["relative"]
    assert _days(clues) == [dt.date(2025, 3, 12) + dt.timedelta(days=i) for i in range(7)]


def test_n_days_after_the_word_dates_the_sentences_other_day(words):
    documents, times, sentences = _corpus({
        "a": DATED, "b": "Carrier Lakeair suspended flights on Friday, two days after one of "
                         "its jets crashed near Portview."})
    clues = incident_clues(documents, times, sentences, {"b"}, words)["b"]
    # Friday = 14 March: the article is of that week
    assert _days(clues)[0] == dt.date(2025, 3, 14)
    assert dt.date(2025, 3, 13) not in _days(clues)


def test_last_week_reads_both_ways_of_counting_a_week(words):
    documents, times, sentences = _corpus({
        "a": DATED, "b": "The Norland president demanded compensation for the downing of the "
                         "Lakeair plane last week."})
    clues = incident_clues(documents, times, sentences, {"b"}, words)["b"]
    # Sunday 16 March (Sunday-to-Saturday weeks) to Sunday 23 March (Monday-to-Sunday)
    assert _days(clues) == [dt.date(2025, 3, 16) + dt.timedelta(days=i) for i in range(8)]


def test_a_word_without_a_time_bounds_from_below(words):
    documents, times, sentences = _corpus({
        "a": DATED, "b": "The crash has strained ties between Norland and the owners of Lakeair."})
    clues = incident_clues(documents, times, sentences, {"b"}, words)["b"]
    assert [c.kind for c in clues] == ["after"]
    assert _days(clues)[0] == dt.date(2025, 3, 12)


def test_a_family_dated_to_days_apart_anchors_nothing(words):
    documents, times, sentences = _corpus({
        "a": DATED, "c": "Another Lakeair plane crashed on April 2, 2025, in Norland.",
        "b": "Carrier Lakeair flights in Norland resumed after Wednesday's crash."})
    assert incident_clues(documents, times, sentences, {"b"}, words) == {}


def test_a_weekday_in_a_dated_article_pins_the_incident(words):
    documents, times, sentences = _corpus({
        "a": "A Lakeair jet went down near Portview on Wednesday.",
        "b": "Carrier Lakeair flights to Portview resumed after Wednesday's crash."},
        published={"a": "2025-03-13"})
    clues = incident_clues(documents, times, sentences, {"b"}, words)["b"]
    assert _days(clues)[0] == dt.date(2025, 3, 12)


def test_a_time_of_another_verb_does_not_date_the_word(words):
    # 'on Thursday' dates the talks, 'regarding the crash' is their topic
    documents, times, sentences = _corpus({
        "a": "The Norland leaders on Thursday discussed the crash of the Lakeair plane.",
        "b": "Carrier Lakeair flights in Norland resumed after Wednesday's crash."},
        published={"a": "2025-04-10"})
    assert incident_clues(documents, times, sentences, {"b"}, words) == {}


def test_fewer_than_two_names_of_the_pinning_sentences_make_it_another_incident(words):
    # the story's country alone ('Norland') names every incident of the story
    documents, times, sentences = _corpus({
        "a": DATED, "b": "Investigators in Norland compared it with the Malaysian Boeing crash.",
        "c": "The crash has strained ties between the two capitals."})
    assert incident_clues(documents, times, sentences, {"b", "c"}, words) == {}


def test_the_articles_other_sentences_of_the_incident_name_it(words):
    # 'Wednesday's crash' names nothing, its article's other crash sentence names two
    documents, times, sentences = _corpus({
        "a": DATED, "b": "Carrier Lakeair said its jet crashed near Portview.",
        "c": "Flights were halted until the inquiry into Wednesday's crash is over."})
    sentences[("b", "b-s002")] = sentences.pop(("c", "c-s001"))
    times.loc[times["doc_id"] == "c", ["doc_id", "sent_id"]] = ["b", "b-s002"]
    clues = incident_clues(documents[documents["doc_id"] != "c"], times, sentences, {"b"},
                           words)["b"]
    assert sorted(c.kind for c in clues) == ["after", "relative"]


def _stage_inputs():
    """documents, found (no mentions), the sentences table and {(doc, sent): text} of an
    article whose lede weekday and incident date it (the dated one names the crash's day)."""
    documents, times, sentences = _corpus({
        "a": DATED, "b": "Carrier Lakeair suspended flights, local media reported Friday, two "
                         "days after one of its jets crashed near Portview."})
    mentions = pd.DataFrame(columns=["doc_id", "sent_id", "event_type", "actors", "text",
                                     "time_id", "polarity"])
    frame = pd.DataFrame([{"doc_id": d, "sent_id": s, "text": t}
                          for (d, s), t in sentences.items()])
    return documents, {"mentions": mentions, "time_expressions": times}, frame, sentences


def test_the_stage_pins_the_article_with_its_lede_weekday():
    documents, found, frame, _ = _stage_inputs()
    dated = infer_publication_dates(documents, found, pd.DataFrame(), sentences=frame)
    row = dated.set_index("doc_id").loc["b"]
    assert (row["published"], row["published_latest"]) == ("2025-03-14", "2025-03-15")


def test_a_family_without_words_is_refused(tmp_path):
    (tmp_path / "incidents.yaml").write_text("families:\n  crash: []\n")
    with pytest.raises(DataFileError):
        load_incident_words(tmp_path)


def test_incident_words_given_by_the_caller_date_as_the_ones_found_here(words):
    # the pipeline finds the incident words once, for dating and for the events stage's
    # dated incidents: passing them must change no date and no incident
    from trustbrief.dating import dated_incidents, incident_words
    documents, found, frame, sentences = _stage_inputs()
    times = found["time_expressions"]
    given_words = incident_words(sentences, times, words)
    computed = infer_publication_dates(documents, found, pd.DataFrame(), sentences=frame,
                                       incident_words=words)
    given = infer_publication_dates(documents, found, pd.DataFrame(), sentences=frame,
                                    incident_words=words, incident_found=given_words)
    pd.testing.assert_frame_equal(computed, given)
    assert given.set_index("doc_id").loc["b", "published"] == "2025-03-14"
    incidents = dated_incidents(documents, times, sentences, words)
    assert dated_incidents(documents, times, sentences, words,
                           found_words=given_words) == incidents
    assert [(f, first) for f, (_, first, _) in incidents.items()] == [
        ("air_crash", dt.date(2025, 3, 12))]


def test_a_collision_at_sea_is_an_incident_too(words):
    documents, times, sentences = _corpus({
        "a": "Norland and Lakeland coast guard ships collided near Portview on March 12, 2025, "
             "Norland officials said.",
        "b": "Norland summoned the Lakeland envoy over Wednesday's collision near Portview."})
    clues = incident_clues(documents, times, sentences, {"b"}, words)["b"]
    assert [c.kind for c in clues] == ["relative"]
    assert _days(clues)[0] == dt.date(2025, 3, 12)
