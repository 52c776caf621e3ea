"""Every table of the contract, by name, in the order the pipeline writes them."""

from __future__ import annotations

from trustbrief.contract import tables_corpus, tables_events, tables_extract, tables_metrics
from trustbrief.contract.schema import Table

TABLES: dict[str, Table] = {
    spec.name: spec
    for spec in (*tables_corpus.TABLES, *tables_extract.TABLES, *tables_events.TABLES,
                 *tables_metrics.TABLES)
}


def table(name: str) -> Table:
    try:
        return TABLES[name]
    except KeyError:
        raise KeyError(f"no table {name!r} in the contract; tables: "
                       f"{', '.join(TABLES)}") from None


def descriptions(*names: str) -> dict[str, dict[str, str]]:
    """{table: {column: description}} for the named tables (a stage's SCHEMA)."""
    return {name: table(name).descriptions() for name in names}
