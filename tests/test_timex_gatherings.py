"""A summit its sentence names narrows a resolved month to the summit's days
(trustbrief.timex.gatherings, data/world/gatherings.yaml), on invented sentences."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import DATA
from trustbrief import timex
from trustbrief.knowledge import DataFileError


@pytest.fixture(scope="module")
def gatherings():
    return timex.load_gatherings(DATA)


def _narrowed(gatherings, text: str, published: str = "2025-10-20") -> pd.DataFrame:
    sentences = pd.DataFrame({"doc_id": ["d1"], "sent_id": ["d1-s001"], "text": [text]})
    documents = pd.DataFrame({"doc_id": ["d1"], "published": [published],
                              "published_earliest": [published],
                              "published_latest": [published],
                              "published_basis": ["stated"]})
    found = timex.extract_time_expressions(sentences)
    resolved = timex.resolve_time_expressions(found, documents)
    return timex.narrow_to_gatherings(resolved, sentences, gatherings)


@pytest.mark.parametrize("sentence, days", [
    ("The two presidents last met in September at the SCO summit in China.",
     ("2025-08-31", "2025-09-01")),
    # the summit named after 'summit of (the)'
    ("They spoke briefly in July 2024 at a summit of the Shanghai Cooperation Organization.",
     ("2024-07-03", "2024-07-04")),
])
def test_a_month_holding_the_named_summit_becomes_its_days(gatherings, sentence, days):
    row = _narrowed(gatherings, sentence).iloc[0]
    assert (row["date_earliest"], row["date_latest"]) == days
    assert row["precision"] == "range"
    assert row["basis"] == "explicit"


def test_a_month_the_summit_was_not_held_in_is_left_as_it_was(gatherings):
    row = _narrowed(gatherings, "In September, ahead of the G20 summit in November, the "
                                "ministers met in Geneva.").iloc[0]
    assert (row["date_earliest"], row["date_latest"]) == ("2025-09-01", "2025-09-30")
    assert row["precision"] == "month"


def test_a_day_is_never_widened_to_the_summit(gatherings):
    row = _narrowed(gatherings, "On August 31, at the SCO summit, the leaders shook "
                                "hands.").iloc[0]
    assert (row["date_earliest"], row["date_latest"]) == ("2025-08-31", "2025-08-31")


def test_an_organisation_without_summit_dates_nothing(gatherings):
    row = _narrowed(gatherings, "In September the SCO secretariat issued a statement.").iloc[0]
    assert (row["date_earliest"], row["date_latest"]) == ("2025-09-01", "2025-09-30")


def test_a_session_out_of_order_is_refused(tmp_path):
    (tmp_path / "world").mkdir()
    (tmp_path / "world" / "gatherings.yaml").write_text(
        "gatherings:\n  - names: [SCO]\n    sessions:\n      - [2025-09-01, 2025-08-31]\n")
    with pytest.raises(DataFileError, match="in order"):
        timex.load_gatherings(tmp_path)


def test_no_file_no_gatherings(tmp_path):
    assert timex.load_gatherings(tmp_path) == ()
