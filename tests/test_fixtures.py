"""The brief's test fixtures hold only values the pipeline emits (issue 12): every cell of a
closed vocabulary is one the contract allows, and every column is a contract column (or a
documented older shape the brief still reads)."""

from __future__ import annotations

import pytest

from fixtures.brief_tables import brief_tables
from trustbrief import contract
from trustbrief.contract import codecs

TABLES = brief_tables()


def cell_values(frame, column) -> set[str]:
    items = (codecs.parse_list(v) if column.type == "list" else [str(v)]
             for v in frame[column.name])
    return {i for cell in items for i in cell} - {""}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_fixture_tables_use_contract_columns_and_vocabularies(name):
    spec = contract.table(name)
    frame = TABLES[name]
    assert not set(frame.columns) - set(spec.names), "columns the pipeline does not write"
    for column in spec.columns:
        if column.name in frame and column.values:
            allowed = {str(v) for v in column.values}
            assert cell_values(frame, column) <= allowed, column.name
