"""Columns and tables: what every table the pipeline writes holds.

A Column has a Table Schema type (string, integer, number, boolean, date, list), a
description, and when its vocabulary is closed, the allowed values (an enum of
`contract.vocab`). `required` means never empty (strings and dates) or never missing
(numbers). Lists are ';'-joined in CSV (`contract.codecs`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

TYPES = ("string", "integer", "number", "boolean", "date", "list")


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str
    values: tuple = ()  # allowed values ('' is also allowed unless required)
    required: bool = False
    vocabulary: str = ""  # the enum or data file the values come from (for the docs)
    codec: str = ""  # a structured cell's codec in contract.codecs ('' = plain)

    def __post_init__(self):
        if self.type not in TYPES:
            raise ValueError(f"column {self.name}: unknown type {self.type!r}")


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    table: str
    reference: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    name: str
    stage: str  # the module that writes it
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = field(default=())

    @property
    def names(self) -> list[str]:
        """Column names in table order (the order the CSV is written in)."""
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(f"table {self.name} has no column {name!r}")

    def descriptions(self) -> dict[str, str]:
        return {c.name: c.description for c in self.columns}


# -- short constructors for the table modules ------------------------------------------------

def _values(vocabulary) -> tuple[tuple, str]:
    if vocabulary is None:
        return (), ""
    if isinstance(vocabulary, type) and issubclass(vocabulary, Enum):
        return tuple(m.value for m in vocabulary), vocabulary.__name__
    return tuple(vocabulary), ""


def text(name: str, description: str, *, required: bool = False, source: str = "",
         codec: str = "") -> Column:
    """Free text, or a vocabulary defined in a data file (`source`)."""
    return Column(name, "string", description, required=required, vocabulary=source,
                  codec=codec)


def enum(name: str, vocabulary, description: str, *, required: bool = True) -> Column:
    values, vocab_name = _values(vocabulary)
    return Column(name, "string", description, values, required, vocab_name)


def integer(name: str, description: str, *, required: bool = True, vocabulary=None
            ) -> Column:
    values, vocab_name = _values(vocabulary)
    return Column(name, "integer", description, values, required, vocab_name)


def number(name: str, description: str, *, required: bool = True) -> Column:
    return Column(name, "number", description, required=required)


def boolean(name: str, description: str) -> Column:
    return Column(name, "boolean", description, required=True)


def date(name: str, description: str, *, required: bool = False) -> Column:
    return Column(name, "date", description, required=required)


def listing(name: str, description: str, *, vocabulary=None, codec: str = "",
            source: str = "") -> Column:
    values, vocab_name = _values(vocabulary)
    return Column(name, "list", description, values, False, vocab_name or source, codec)


def fk(fields: str, table: str, reference: str) -> ForeignKey:
    return ForeignKey(tuple(fields.split(",")), table, tuple(reference.split(",")))
