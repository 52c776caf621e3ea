"""The stage-boundary checks (pipeline._checked): a table an earlier boundary checked is
checked again only in the columns the later stage sets - sound only while that stage leaves
the other cells as they were, which the seeds' run asserts; rows from the extraction cache
are not checked again (but the columns dating sets)."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import DATA, SEEDS
from trustbrief import contract, events, extract, pipeline


@pytest.fixture(scope="module")
def events_io(tmp_path_factory):
    """The mentions the events stage got and gave back, on the seeds."""
    seen = {}
    original = events.build_events

    def recording(found, *args, **kwargs):
        seen["given"] = found["mentions"].copy()
        built = original(found, *args, **kwargs)
        seen["returned"] = built["mentions"]
        return built

    patch = pytest.MonkeyPatch()
    patch.setattr(events, "build_events", recording)
    try:
        pipeline.run(SEEDS, DATA)
    finally:
        patch.undo()
    return seen["given"], seen["returned"]


def test_the_events_stage_sets_only_its_columns_of_the_mentions(events_io):
    given, returned = events_io
    assert len(returned) and set(events.SETS_IN_MENTIONS) <= set(returned.columns)
    kept = [c for c in returned.columns if c not in events.SETS_IN_MENTIONS]
    expected = given.sort_values("mention_id", kind="stable").reset_index(drop=True)
    pd.testing.assert_frame_equal(returned[kept], expected[kept], check_exact=True)
    assert (returned["event_id"] != "").any()  # and it did set them


def test_a_set_column_is_still_checked_cell_by_cell(events_io):
    _, returned = events_io
    bad = returned.copy()
    bad["event_id"] = bad["event_id"].astype(object)
    bad.loc[bad.index[0], "event_id"] = 7  # not text
    with pytest.raises(contract.ContractError, match="event_id"):
        pipeline._checked({"mentions": bad}, {"mentions": events.SETS_IN_MENTIONS})


def test_the_columns_and_their_order_are_still_checked(events_io):
    _, returned = events_io
    reordered = returned[[*returned.columns[1:], returned.columns[0]]]
    with pytest.raises(contract.ContractError, match="order"):
        pipeline._checked({"mentions": reordered}, {"mentions": events.SETS_IN_MENTIONS})
    pipeline._checked({"mentions": returned}, {"mentions": events.SETS_IN_MENTIONS})


def test_dating_the_mentions_sets_only_their_date_columns(events_io):
    given, _ = events_io
    undated = given.copy()
    for column in extract.DATES_IN_MENTIONS:
        undated[column] = "x"
    times = pd.DataFrame(columns=["time_id", "date", "date_earliest", "date_latest", "basis",
                                  "text"])
    dated = extract.date_mentions(undated, times)
    kept = [c for c in given.columns if c not in extract.DATES_IN_MENTIONS]
    pd.testing.assert_frame_equal(dated[kept], given[kept], check_exact=True)
    assert not (dated[list(extract.DATES_IN_MENTIONS)] == "x").any().any()


def _broken(mentions: pd.DataFrame, column: str) -> tuple[pd.DataFrame, str]:
    """The mentions with one cell of `column` not text, and that row's document."""
    bad = mentions.copy()
    bad[column] = bad[column].astype(object)
    row = bad.index[len(bad) // 2]
    bad.loc[row, column] = 7
    return bad, bad.loc[row, "doc_id"]


def test_only_the_new_documents_rows_are_checked_whole(events_io, tmp_path):
    """Rows from the extraction cache were checked when extracted: a document's rows are
    checked whole when extraction computed them (`new`), and the columns dating set in
    every row; rows that break the contract delete the cache (or they would pass next run)."""
    given, _ = events_io
    dates = {"mentions": extract.DATES_IN_MENTIONS}
    bad, doc = _broken(given, "text")
    cache = tmp_path / "rows"
    cache.mkdir()
    pipeline._checked({"mentions": bad}, dates, new=set(), cache=cache)  # restored: trusted
    pipeline._checked({"mentions": bad}, dates, new={"another"}, cache=cache)
    assert cache.is_dir()
    with pytest.raises(contract.ContractError, match="text"):
        pipeline._checked({"mentions": bad}, dates, new={doc}, cache=cache)
    assert not cache.exists()
    with pytest.raises(contract.ContractError, match="text"):
        pipeline._checked({"mentions": bad})  # no `new`: every row
    undated, _ = _broken(given, "date_basis")
    with pytest.raises(contract.ContractError, match="date_basis"):
        pipeline._checked({"mentions": undated}, dates, new=set())
    with pytest.raises(contract.ContractError, match="order"):
        pipeline._checked({"mentions": given[[*given.columns[1:], given.columns[0]]]}, dates,
                          new=set())
