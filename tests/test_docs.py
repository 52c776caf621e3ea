"""docs/PIPELINE.md's table section is generated from the contract and must match it."""

from __future__ import annotations

from conftest import ROOT
from trustbrief.cli import main
from trustbrief.contract import TABLES
from trustbrief.contract.docs import BEGIN, END, with_contract

PAGE = ROOT / "docs" / "PIPELINE.md"


def test_the_committed_pipeline_page_matches_the_contract():
    page = PAGE.read_text(encoding="utf-8")
    assert with_contract(page) == page, "docs/PIPELINE.md is stale: run `python -m trustbrief docs`"
    assert main(["docs", "--check", "--page", str(PAGE)]) == 0


def test_every_table_and_column_is_documented():
    section = PAGE.read_text(encoding="utf-8").partition(BEGIN)[2].partition(END)[0]
    for name, spec in TABLES.items():
        assert f"### {name}\n" in section
        assert all(f"| `{col}` |" in section for col in spec.names), name


def test_a_stale_page_is_reported_and_rewritten(tmp_path):
    page = tmp_path / "PIPELINE.md"
    page.write_text(f"# Pipeline\n\n{BEGIN}\nold\n{END}\n", encoding="utf-8")
    assert main(["docs", "--check", "--page", str(page)]) == 1
    assert main(["docs", "--page", str(page)]) == 0
    assert main(["docs", "--check", "--page", str(page)]) == 0
    assert page.read_text(encoding="utf-8").startswith("# Pipeline\n\n")


def test_the_pipeline_page_lists_every_event_type_of_the_vocabulary():
    """The shared vocabularies' list of event types says what data/event_types.yaml holds."""
    import re

    import yaml

    page = " ".join(PAGE.read_text(encoding="utf-8").split())
    listed = re.search(r"event types \(`data/event_types\.yaml`, (\d+)\): `([^`]+)`", page)
    vocabulary = list(yaml.safe_load((ROOT / "data" / "event_types.yaml").read_text(
        encoding="utf-8"))["event_types"])
    assert listed is not None
    assert listed.group(2).split(", ") == vocabulary
    assert int(listed.group(1)) == len(vocabulary)
