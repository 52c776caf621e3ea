"""An act's type by its doer (data/event_types.yaml `by_armed_forces`): an army's raids are a
ground operation, a police raid stays a raid. Invented sentences; helpers from test_extract."""

from __future__ import annotations

import pytest

from test_extract import DATA, one_mention, only, run
from trustbrief import extract
from trustbrief.knowledge import DataFileError


def test_raids_launched_by_an_army_are_a_ground_operation(lex):
    found = run(lex, ["The minister was briefed on the targeted raids launched by the IDF "
                      "overnight against targets in southern Lebanon."])
    m = one_mention(found, "ground_operation")
    assert (m["agent"], m["operation"]) == ("IDF", True)
    assert m["rule"].startswith("raid/")  # the pattern that found it is the raid's
    assert only(found["mentions"], event_type="raid").empty


def test_a_police_raid_stays_a_raid(lex):
    found = run(lex, ["French police raided the office of a Chadian news agency in Paris."])
    assert not one_mention(found, "raid")["operation"]


def test_an_unknown_armed_forces_type_is_refused(tmp_path):
    for name in ("gazetteer.yaml", "trust_cues.yaml", "attribution.yaml", "syntax.yaml"):
        (tmp_path / name).write_text((DATA / name).read_text(encoding="utf-8"),
                                     encoding="utf-8")
    text = (DATA / "event_types.yaml").read_text(encoding="utf-8")
    (tmp_path / "event_types.yaml").write_text(
        text.replace("by_armed_forces: ground_operation", "by_armed_forces: invasion_x"),
        encoding="utf-8")
    with pytest.raises(DataFileError, match="by_armed_forces"):
        extract.load_lexicons(tmp_path)
