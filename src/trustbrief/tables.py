"""I/O at the edges: atomic, deterministic CSV writing and typed reading of the tables."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from trustbrief.cleaning import decode_csv_column, encode_csv_column
from trustbrief.contract import codecs
from trustbrief.safe_files import atomic_write_text

log = logging.getLogger("trustbrief")

LIST_SEP = codecs.LIST_SEP



def to_csv_text(frame: pd.DataFrame) -> str:
    """Deterministic CSV: UTF-8, '\\n' line ends, no index, lists joined with ';'; text
    cells cleaned of control characters and safe to open in a spreadsheet (cleaning.py)."""
    out = frame.copy()
    for col in out.columns:
        if out[col].map(lambda v: isinstance(v, (list, tuple))).any():
            out[col] = out[col].map(
                lambda v: codecs.format_list(v) if isinstance(v, (list, tuple)) else v)
        if out[col].dtype == object or isinstance(out[col].dtype, pd.StringDtype):
            values = out[col].tolist()
            encoded = encode_csv_column(values)
            if encoded is not values:
                out[col] = pd.Series(encoded, index=out.index, dtype=out[col].dtype)
    out.columns = encode_csv_column([str(c) for c in out.columns])
    return out.to_csv(index=False, lineterminator="\n")


def write_table(frame: pd.DataFrame, path: Path | str) -> None:
    atomic_write_text(path, to_csv_text(frame))


def read_table(path: Path | str) -> pd.DataFrame:
    """Read a processed table back; empty strings stay empty strings, not NaN."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(
            f"{path} does not exist: run `make data` (or `python -m trustbrief extract`) first")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[])
    for col in frame.columns:  # undo the spreadsheet-safety apostrophe of to_csv_text
        values = frame[col].tolist()
        decoded = decode_csv_column(values)
        if decoded is not values:
            frame[col] = decoded
    return frame


def split_list(value: str) -> list[str]:
    """Inverse of the ';' join used in the CSV tables (contract.codecs.parse_list)."""
    return codecs.parse_list(value)


# -- reading columns fast: the stages walk 100k-row tables, where per-row pandas access is
# -- the slow part, so they read whole columns as plain Python lists


def native_list(column: pd.Series) -> list:
    """The column's values as native Python scalars (None for a nullable column's NA)."""
    values = column.tolist()
    dtype = column.dtype
    if isinstance(dtype, np.dtype) and dtype.kind == "O":
        return [v.item() if isinstance(v, np.generic) else v for v in values]
    if isinstance(dtype, pd.api.extensions.ExtensionDtype) and \
            not isinstance(dtype, pd.StringDtype):
        return [None if v is pd.NA else v for v in values]
    return values


def frame_records(frame: pd.DataFrame, columns: Iterable[str] | None = None) -> list[dict]:
    """frame.to_dict("records") (of `columns` only, when given) built from column lists: the
    same values (native scalars, None for a nullable column's NA) several times faster."""
    names = list(frame.columns if columns is None else columns)
    data = [native_list(frame[name]) for name in names]
    return [dict(zip(names, row, strict=True)) for row in zip(*data, strict=True)] \
        if names else [{} for _ in range(len(frame))]


def cell_text(value) -> str:
    """A cell as text: '' for None and NaN."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def str_column(frame: pd.DataFrame, name: str) -> list[str]:
    """[cell_text(v) for v in frame[name]] ('' for every cell when the column is missing)."""
    if name not in frame:
        return [""] * len(frame)
    column = frame[name]
    if isinstance(column.dtype, pd.StringDtype):
        return column.fillna("").tolist()  # a string column holds only str and NA
    return [v if isinstance(v, str) else cell_text(v) for v in column.tolist()]


def actors_by_sentence(found: Mapping, keys: set | None = None, *,
                       with_event_actors: bool = False) -> dict[tuple[str, str], set[str]]:
    """THE 'actors per sentence' index: (doc_id, sent_id) -> canonical actors named in the
    sentence (actor_mentions; with `with_event_actors`, also the actors of its event
    mentions). Only sentences in `keys` when given (filtered by column first, so a few wanted
    sentences do not cost a walk over every row)."""
    if keys is not None and not keys:
        return {}
    sources = [("actor_mentions", "actor")]
    if with_event_actors:
        sources.append(("mentions", "actors"))
    out: dict[tuple[str, str], set[str]] = {}
    for name, column in sources:
        frame = found.get(name)
        if frame is None or not len(frame) or column not in frame:
            continue
        if keys is not None:
            frame = frame[frame["doc_id"].isin(list({d for d, _ in keys}))
                          & frame["sent_id"].isin(list({s for _, s in keys}))]
        rows = zip(frame["doc_id"].tolist(), frame["sent_id"].tolist(), strict=True)
        if column != "actors" and isinstance(frame[column].dtype, pd.StringDtype):
            _add_names(out, rows, str_column(frame, column), keys)  # one name a cell
            continue
        for key, value in zip(rows, frame[column].tolist(), strict=True):
            if keys is not None and key not in keys:
                continue
            names = codecs.parse_list(value) if isinstance(value, (list, tuple)) or \
                column == "actors" else [cell_text(value)]
            named = [n for n in names if n]
            if named:
                out.setdefault(key, set()).update(named)
    return out


def _add_names(out: dict, keys_of_rows, names: list[str], keys: set | None) -> None:
    """actors_by_sentence for a text column (a name or '' a cell): a third of the time of
    the general loop over 400,000 actor rows."""
    for key, name in zip(keys_of_rows, names, strict=True):
        if name and (keys is None or key in keys):
            found = out.get(key)
            if found is None:
                out[key] = {name}
            else:
                found.add(name)
