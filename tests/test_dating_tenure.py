"""A person named by an office he loses on a day the corpus dates (trustbrief.dating.tenure):
the article naming him by it is not later than that day, give or take two days; the story's
period, not a lookaround, starts a range bounded only from above."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from trustbrief import dating, timex

DATA = Path(__file__).resolve().parents[1] / "data"
PERSON = "Arlo Venn"  # an invented minister
PERIOD = ("2025-01-01", "2025-04-30")
DISMISSAL = "Allies were shocked by the dismissal of Defense Minister Arlo Venn, aides said."


def _actor_spans(doc_id: str, sent_id: str, text: str) -> list[dict]:
    """What extract gives for 'Defense Minister Arlo Venn': the title and the name."""
    spans = []
    for surface, kind in (("Defense Minister", "title"), (PERSON, "name")):
        start = text.find(surface)
        if start >= 0:
            spans.append({"doc_id": doc_id, "sent_id": sent_id, "start": start,
                          "end": start + len(surface), "surface": surface, "actor": PERSON,
                          "side": "Ruritania", "kind": kind})
    return spans


def _dated(undated_text: str, dismissal: str = DISMISSAL, data_dir=None) -> pd.Series:
    """The range of an undated article of one sentence, in a corpus where an article of
    10 March 2025 reports the minister's dismissal."""
    docs = pd.DataFrame([
        {"doc_id": "dD", "file": "dated.txt", "published": "2025-03-10",
         "published_basis": "url"},
        {"doc_id": "dU", "file": "undated.txt", "published": "", "published_basis": "unknown"}])
    sentences = pd.DataFrame([{"doc_id": "dD", "sent_id": "dD-s001", "text": dismissal},
                              {"doc_id": "dU", "sent_id": "dU-s001", "text": undated_text}])
    mentions = pd.DataFrame([{"doc_id": "dD", "sent_id": "dD-s001", "event_type": "dismissal",
                              "actors": PERSON, "agent": "", "polarity": "asserted",
                              "text": dismissal, "time_id": ""}])
    found = {"mentions": mentions,
             "time_expressions": timex.extract_time_expressions(sentences),
             "actor_mentions": pd.DataFrame(_actor_spans("dU", "dU-s001", undated_text))}
    empty = pd.DataFrame(columns=list(dating.CHRONOLOGY_COLUMNS))
    words = dating.load_incident_words(data_dir) if data_dir else None
    out = dating.infer_publication_dates(docs, found, empty, sentences=sentences,
                                         period=PERIOD, incident_words=words)
    return out.set_index("doc_id").loc["dU"]


def test_an_office_held_bounds_the_article_by_the_dismissal():
    out = _dated("In a call with Defense Minister Arlo Venn, the envoy urged restraint.")
    assert (out["published"], out["published_earliest"], out["published_latest"]) == \
        ("", "2025-01-01", "2025-03-12")
    assert "Defense Minister Arlo Venn" in out["published_evidence"]


@pytest.mark.parametrize("undated", [
    # the office told as past
    "In a call with former Defense Minister Arlo Venn, the envoy urged restraint.",
    "The envoy met then-Defense Minister Arlo Venn, aides said.",
    # the article tells of his leaving it: it is after the dismissal, not before
    "Defense Minister Arlo Venn, who was fired on Monday, met the envoy.",
    # a caption, or a sentence of another year: the office then, not on the article's day
    "Defense Minister Arlo Venn speaks in the capital, January 5, 2024. (Photo/Agency)",
    "In 2024, Defense Minister Arlo Venn met the envoy twice.",
    "The envoy recalled a letter sent to Defense Minister Arlo Venn last month.",
])
def test_a_past_office_or_a_told_dismissal_bounds_nothing(undated):
    assert _dated(undated)["published_latest"] == PERIOD[1]


def test_an_older_dismissal_bounds_nothing():
    # told as older news, the dismissal may have been reversed since
    older = "Allies recalled that the premier had announced the dismissal of Arlo Venn."
    out = _dated("In a call with Defense Minister Arlo Venn, the envoy urged restraint.", older)
    assert out["published_latest"] == PERIOD[1]


def test_the_words_are_data(tmp_path):
    """data/incidents.yaml's tenure words, not a list in the code: a past marker, a word of
    leaving office and an undone dismissal added there are read."""
    data = (DATA / "incidents.yaml").read_text(encoding="utf-8")
    for key, word in (("past_title", "quondam"), ("left_office", "unseated"),
                      ("undone", "rescinded")):
        data = data.replace(f"  {key}: [", f"  {key}: [{word}, ", 1)
    (tmp_path / "incidents.yaml").write_text(data, encoding="utf-8")
    title = "In a call with Defense Minister Arlo Venn, the envoy urged restraint."
    assert _dated(title, data_dir=tmp_path)["published_latest"] == "2025-03-12"
    for undated, dismissal in (
            ("In a call with quondam Defense Minister Arlo Venn, the envoy urged restraint.",
             DISMISSAL),
            ("Defense Minister Arlo Venn, unseated by the premier, met the envoy.", DISMISSAL),
            (title, "Allies said the dismissal of Defense Minister Arlo Venn was rescinded.")):
        assert _dated(undated, dismissal)["published_latest"] == "2025-03-12"
        assert _dated(undated, dismissal, tmp_path)["published_latest"] == PERIOD[1]
