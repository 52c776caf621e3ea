"""The stage-boundary checks (pipeline._checked): a table an earlier boundary checked is
checked again only in the columns the later stage sets - sound only while that stage leaves
the other cells as they were, which the seeds' run asserts."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import DATA, SEEDS
from trustbrief import contract, events, pipeline


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
