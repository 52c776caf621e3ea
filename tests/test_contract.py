"""The contract between stages: validation, codecs, focus/direction, typed datapackage."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from conftest import DATA, SEEDS
from trustbrief import contract, pipeline
from trustbrief.contract import codecs
from trustbrief.contract.vocab import Notice, Polarity


@pytest.fixture(scope="module")
def seed_tables() -> dict[str, pd.DataFrame]:
    return pipeline.run(SEEDS, DATA)


@pytest.mark.parametrize("name", list(contract.TABLES))
def test_every_stage_output_validates_against_the_contract(seed_tables, name):
    assert contract.validate(seed_tables[name], name) is seed_tables[name]


def test_every_output_table_is_in_the_contract():
    assert [name for _, name in pipeline.OUTPUT_TABLES] == list(contract.TABLES)


def signals(**changes) -> pd.DataFrame:
    """One trust signal, valid by construction (tests/fixtures/contract_frames.py), then
    changed without validation."""
    from fixtures.contract_frames import frame

    out = frame("trust_signals", [{"cue": "distrust", "direction": "A->B",
                                   "polarity": int(Polarity.ERODES)}])
    for name, value in changes.items():
        out[name] = [value]
    return out


def test_a_well_formed_frame_passes():
    contract.validate(signals(), "trust_signals")


@pytest.mark.parametrize(("changes", "message"), [
    ({"category": "worry"}, "category: values outside TrustCategory"),
    ({"notice": "weeks"}, "notice: values outside Notice"),
    ({"cue": ""}, "cue: empty cells in a required column"),
])
def test_values_outside_the_contract_are_named(changes, message):
    with pytest.raises(contract.ContractError, match=message) as err:
        contract.validate(signals(**changes), "trust_signals")
    assert err.value.table == "trust_signals"


def test_polarity_must_be_minus_one_or_one():
    with pytest.raises(contract.ContractError, match="polarity: values outside Polarity"):
        contract.validate(signals(polarity=0), "trust_signals")


def test_wrong_types_missing_and_reordered_columns_are_reported():
    frame = signals().astype({"negated": str})
    with pytest.raises(contract.ContractError, match="negated: dtype"):
        contract.validate(frame, "trust_signals")
    with pytest.raises(contract.ContractError, match="missing column"):
        contract.validate(signals().drop(columns="family"), "trust_signals")
    reordered = signals()[list(reversed(contract.table("trust_signals").names))]
    with pytest.raises(contract.ContractError, match="out of order"):
        contract.validate(reordered, "trust_signals")


def test_dates_must_be_iso_and_list_items_must_not_hold_the_separator(seed_tables):
    events = seed_tables["events"].copy()
    events.loc[0, "date"] = "Oct 8, 2024"
    events.at[1, "outlets"] = ["A;B"]
    with pytest.raises(contract.ContractError) as err:
        contract.validate(events, "events")
    assert any(p.startswith("date: cells that are not YYYY-MM-DD") for p in err.value.problems)
    assert any(p.startswith("outlets: items containing ';'") for p in err.value.problems)



@pytest.mark.parametrize(("cell", "dtype"), [
    (None, object), (float("nan"), object), (3, object), (b"bytes", object), (["a"], object),
    (None, "str"), (float("nan"), "string")])
def test_a_text_cell_that_is_not_a_str_is_named_with_its_row(cell, dtype):
    frame = signals()
    frame = pd.concat([frame, frame], ignore_index=True)
    frame["cue"] = pd.Series(["distrust", cell], dtype=dtype)
    with pytest.raises(contract.ContractError,
                       match=r"cue: cells that are not text: .*\(row 1\)"):
        contract.validate(frame, "trust_signals")


@pytest.mark.parametrize("cell", ["A", ("A",), ["A", 1], ["A", ["B"]], None])
def test_a_list_cell_that_is_not_a_list_of_text_is_named_with_its_row(seed_tables, cell):
    events = seed_tables["events"].copy()
    events["outlets"] = [["X"]] * len(events)
    events.at[1, "outlets"] = cell
    with pytest.raises(contract.ContractError,
                       match=r"outlets: cells that are not lists of text: .*\(row 1\)"):
        contract.validate(events, "events")

def test_decoded_csv_tables_validate(real_processed):
    from trustbrief.tables import read_table

    for name in contract.TABLES:
        typed = contract.decode(read_table(real_processed / f"{name}.csv"), name)
        contract.validate(typed, name)


# -- focus and direction --------------------------------------------------------------------------

def test_focus_is_parsed_once_and_formats_back():
    focus = contract.Focus.parse(" A -> B ")
    assert (focus.observer, focus.subject) == ("A", "B") and focus.format() == "A->B"
    observer, subject = focus
    assert (observer, subject, focus.other("A"), focus.other("C")) == ("A", "B", "B", "")
    assert contract.Focus.parse(("A", "B")) == focus


@pytest.mark.parametrize("bad", ["A", "A<->B", "A->A", "->B", "A->?"])
def test_a_malformed_focus_is_refused(bad):
    with pytest.raises(ValueError):
        contract.Focus.parse(bad)


@pytest.mark.parametrize(("text", "sides"), [
    ("A->B", ("A", "B", False)), ("B<->A", ("B", "A", True)), ("?->B", ("?", "B", False)),
    ("", ("", "", False)), (None, ("", "", False)),
])
def test_directions_parse(text, sides):
    direction = contract.Direction.parse(text)
    assert direction.sides() == sides
    if text:
        assert direction.format() == text


# -- codecs ---------------------------------------------------------------------------------------

def test_list_and_bool_codecs():
    assert codecs.parse_list("a;b;") == ["a", "b"] and codecs.parse_list(float("nan")) == []
    assert codecs.parse_bool("True") and not codecs.parse_bool("False")
    with pytest.raises(ValueError):
        codecs.parse_bool("maybe")


def test_vocabularies_compare_equal_to_their_cells():
    assert Notice.NONE == "none" and Polarity.ERODES == -1
    assert [n.value for n in Notice.levels()] == ["minutes", "hours", "days"]


# -- the typed datapackage ------------------------------------------------------------------------

def test_datapackage_is_typed_and_keyed(real_processed):
    package = json.loads((real_processed / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"] and package["licenses"][0]["name"]
    by_name = {r["name"]: r for r in package["resources"]}
    fields = {f["name"]: f for f in by_name["events"]["schema"]["fields"]}
    assert fields["date"]["type"] == "date" and fields["n_origins"]["type"] == "integer"
    assert fields["operation"]["type"] == "boolean" and fields["doc_ids"]["type"] == "list"
    assert set(fields["date_precision"]["constraints"]["enum"]) >= {"day", "range"}
    assert by_name["sentences"]["schema"]["primaryKey"] == ["sent_id"]
    assert by_name["sentences"]["schema"]["foreignKeys"][0]["reference"]["resource"] == \
        "documents"
    assert all(r["hash"].startswith("sha256:") and r["bytes"] > 0 for r in by_name.values())


def test_frictionless_validates_the_written_package(real_processed):
    import frictionless

    report = frictionless.validate(str(real_processed / "datapackage.json"))
    errors = [f"{task.name}: {err.message}" for task in report.tasks for err in task.errors]
    assert report.valid, "\n".join(errors[:20])


# -- fixtures built from the contract -------------------------------------------------------------

@pytest.mark.parametrize("name", list(contract.TABLES))
def test_contract_fixtures_validate_and_survive_the_csv_round_trip(name):
    from fixtures.contract_frames import csv_frame, frame

    typed = frame(name, [{}, {}])
    assert len(typed) == 2
    decoded = contract.decode(csv_frame(name, [{}, {}]), name)
    contract.validate(decoded, name)
    assert decoded.columns.tolist() == typed.columns.tolist()


def test_contract_fixtures_refuse_columns_the_contract_lacks():
    from fixtures.contract_frames import frame

    with pytest.raises(KeyError, match="us_notice"):
        frame("events", [{"us_notice": "none"}])
    events = frame("events", [{"notice": Notice.MINUTES, "operation": True}])
    assert events.loc[0, "notice"] == "minutes"
