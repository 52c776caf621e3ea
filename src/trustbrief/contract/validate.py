"""validate(frame, table): does a stage's output hold what the contract says?

Called by the pipeline at every stage boundary, on the frames in memory: column names and
order, cell types (str, int, float, bool, list of str), required cells, ISO dates, and the
values of closed vocabularies. Checks are whole-column and cheap next to the stage itself.
A frame read back from CSV (every cell a string) is decoded first with `decode`.
"""

from __future__ import annotations

import itertools
import re

import numpy as np
import pandas as pd

from trustbrief.contract.codecs import LIST_SEP, is_missing, parse_bool, parse_list
from trustbrief.contract.schema import Column, Table
from trustbrief.contract.tables import table as table_named

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
EXAMPLES = 3  # offending values quoted per problem


class ContractError(ValueError):
    """A frame does not hold what the contract says; the message lists every problem."""

    def __init__(self, table: str, problems: list[str]):
        self.table, self.problems = table, problems
        super().__init__(f"table {table} breaks the contract:\n  " + "\n  ".join(problems))


def validate(frame: pd.DataFrame, table: str | Table) -> pd.DataFrame:
    """Return `frame` unchanged if it holds what the contract says; raise ContractError
    (listing every problem, with example values and row numbers) if not."""
    spec = table if isinstance(table, Table) else table_named(table)
    problems = _column_problems(list(frame.columns), spec.names)
    for col in spec.columns:
        if col.name in frame.columns:
            problems += [f"{col.name}: {p}" for p in _cell_problems(frame[col.name], col)]
    if problems:
        raise ContractError(spec.name, problems)
    return frame


def _column_problems(actual: list[str], expected: list[str]) -> list[str]:
    if actual == expected:
        return []
    missing = [c for c in expected if c not in actual]
    extra = [c for c in actual if c not in expected]
    out = []
    if missing:
        out.append(f"missing column(s) {', '.join(missing)}")
    if extra:
        out.append(f"unexpected column(s) {', '.join(extra)}")
    if not missing and not extra:
        out.append(f"columns out of order: {', '.join(actual)} (expected "
                   f"{', '.join(expected)})")
    return out


def _examples(series: pd.Series, bad) -> str:
    rows = series.index[np.asarray(bad, dtype=bool)][:EXAMPLES]
    return ", ".join(f"{series[r]!r} (row {r})" for r in rows)


def _cell_problems(series: pd.Series, col: Column) -> list[str]:
    if series.empty:  # a table with no rows (a story without operations) has no bad cells
        return []
    check = {"string": _text_problems, "date": _date_problems, "integer": _integer_problems,
             "number": _number_problems, "boolean": _boolean_problems,
             "list": _list_problems}[col.type]
    return check(series, col)


def _text_cells(series: pd.Series) -> tuple[list, list[bool]]:
    values = series.tolist()
    if _surely_text(series):
        return values, []
    return values, [not isinstance(v, str) for v in values]


def _surely_text(series: pd.Series) -> bool:
    """Is every cell a str? Decided by pandas' C loops (a Python isinstance per cell was
    a third of a cached run's checks); False means 'look cell by cell'."""
    if series.dtype == object:
        return pd.api.types.infer_dtype(series, skipna=False) == "string"
    if isinstance(series.dtype, pd.StringDtype):  # text cells, or missing ones (NaN/NA)
        return not series.isna().any()
    return False


def _distinct_text(series: pd.Series) -> set[str] | None:
    """The distinct cells when every cell is a str, in one pass over the cells (each pass
    costs: at 10,000 articles the cells are millions of objects spread over the heap); None
    when a cell is not text (or not hashable), to be looked at cell by cell."""
    cells = series.array
    # the cells' own object array where they have one (object columns, and text columns
    # stored in Python): iterating the pandas array instead walks it in Python, 10x slower
    stored = getattr(cells, "_ndarray", None)
    try:
        distinct = set(stored if stored is not None and stored.dtype == object else cells)
    except TypeError:  # an unhashable cell: not text
        return None
    return distinct if all(type(v) is str for v in distinct) else None


def _text_problems(series: pd.Series, col: Column) -> list[str]:
    distinct = _distinct_text(series)
    if distinct is None:
        values, not_text = _text_cells(series)
        if any(not_text):
            return [f"cells that are not text: {_examples(series, not_text)}"]
        distinct = set(values)
    out = []
    if col.required and "" in distinct:
        out.append(f"empty cells in a required column: {_examples(series, series == '')}")
    if col.values:
        allowed = set(col.values) | ({""} if not col.required else set())
        unknown = sorted(distinct - allowed)
        if unknown:
            out.append(f"values outside {col.vocabulary or 'the allowed values'} "
                       f"({', '.join(map(str, col.values))}): {unknown[:EXAMPLES]}")
    return out


def _date_problems(series: pd.Series, col: Column) -> list[str]:
    values, not_text = _text_cells(series)
    if any(not_text):
        return [f"cells that are not ISO date text: {_examples(series, not_text)}"]
    wrong = {v for v in set(values) if not (ISO_DATE.fullmatch(v) or (v == "" and not
                                                                       col.required))}
    bad = [v in wrong for v in values] if wrong else []
    return [f"cells that are not YYYY-MM-DD: {_examples(series, bad)}"] if any(bad) else []


def _integer_problems(series: pd.Series, col: Column) -> list[str]:
    kind = getattr(series.dtype, "kind", "O")
    if kind not in "iu":
        return [f"dtype {series.dtype} is not an integer type (int64, or Int64 when cells "
                f"may be missing)"]
    out = []
    if col.required and series.isna().any():
        out.append(f"missing cells in a required column: {_examples(series, series.isna())}")
    if col.values:
        unknown = sorted(set(series.dropna().tolist()) - set(col.values))
        if unknown:
            out.append(f"values outside {col.vocabulary} {col.values}: {unknown[:EXAMPLES]}")
    return out


def _number_problems(series: pd.Series, col: Column) -> list[str]:
    if getattr(series.dtype, "kind", "O") not in "iuf":
        return [f"dtype {series.dtype} is not numeric"]
    if col.required and series.isna().any():
        return [f"missing cells in a required column: {_examples(series, series.isna())}"]
    return []


def _boolean_problems(series: pd.Series, col: Column) -> list[str]:
    if series.dtype != bool:
        return [f"dtype {series.dtype} is not bool"]
    return []


def _list_problems(series: pd.Series, col: Column) -> list[str]:
    values = series.tolist()
    joined = _joined_items(values)
    if joined is None:
        bad = [not isinstance(v, list) or not all(isinstance(i, str) for i in v)
               for v in values]
        return [f"cells that are not lists of text: {_examples(series, bad)}"]
    out = []
    if LIST_SEP in joined:  # LIST_SEP holds no NUL: found inside one item
        items = set(itertools.chain.from_iterable(values))
        out.append(f"items containing {LIST_SEP!r}, which the CSV cannot tell apart: "
                   f"{sorted(i for i in items if LIST_SEP in i)[:EXAMPLES]}")
    if col.values:
        unknown = sorted(set(itertools.chain.from_iterable(values)) - set(col.values))
        if unknown:
            out.append(f"items outside {col.vocabulary}: {unknown[:EXAMPLES]}")
    return out


def _joined_items(values: list) -> str | None:
    """Every item of cells that are all lists of text, joined by NUL (one pass over the
    items, none of them hashed); None when a cell is not such a list (str.join takes str
    items only: a str subclass too, as isinstance does)."""
    if not all(isinstance(v, list) for v in values):
        return None
    try:
        return "\0".join(itertools.chain.from_iterable(values))
    except TypeError:
        return None


# -- frames read back from CSV -----------------------------------------------------------------

def decode(frame: pd.DataFrame, table: str | Table) -> pd.DataFrame:
    """A table read from CSV with every cell a string (tables.read_table) -> the typed frame
    the stages produce: integers, numbers, booleans and lists decoded; other columns kept."""
    spec = table if isinstance(table, Table) else table_named(table)
    out = frame.copy()
    for col in spec.columns:
        if col.name not in out.columns:
            continue
        cells = out[col.name]
        if col.type == "integer":
            out[col.name] = pd.to_numeric(cells.replace("", None)).astype(
                "int64" if col.required else "Int64")
        elif col.type == "number":
            out[col.name] = pd.to_numeric(cells.replace("", None)).astype("float64")
        elif col.type == "boolean":
            out[col.name] = [parse_bool(v) for v in cells]
            out[col.name] = out[col.name].astype(bool)
        elif col.type == "list":
            out[col.name] = [parse_list(v) for v in cells]
        else:
            out[col.name] = ["" if is_missing(v) else str(v) for v in cells]
    return out
