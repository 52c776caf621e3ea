"""Frames kept as columns in one file: what a cache reads back in one step instead of
rebuilding a 100,000-row frame from row dicts.

The file is a NumPy .npz archive (read without pickle: plain arrays only) holding, for each
frame, each column as one array, and a JSON part (`meta`, the caller's, with the frames'
column names and kinds). A text column is kept as its distinct values (JSON) and one code
per row, so reading it back is a NumPy take; a column of lists of texts likewise.

Kept are only the kinds the extraction and corpus tables hold: pandas' str (text, missing as
NaN), int64, float64, bool, and object columns of lists of str. `encode` returns None for a
frame with any other column, so a cache can fall back to its own files: nothing is ever
kept in a form that would not read back exactly.
"""

from __future__ import annotations

import io
import json
import logging
import zipfile
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from trustbrief.safe_files import atomic_write_bytes

log = logging.getLogger("trustbrief")

TEXT = pd.StringDtype("python", na_value=np.nan)  # pandas' default str dtype here
NUMBERS = ("int64", "float64", "bool")


class Unreadable(ValueError):
    """The file is absent, damaged or not one `encode` wrote."""


class NotSpliceable(ValueError):
    """Parts of a column whose joined type pandas would infer otherwise from the rows."""


def column_kind(column: pd.Series) -> str | None:
    """How `column` is kept: 'str', 'lists', a NumPy dtype name, or None (not kept)."""
    if column.dtype == TEXT:
        return "str"
    if isinstance(column.dtype, np.dtype) and column.dtype.name in NUMBERS:
        return column.dtype.name
    if column.dtype == object and all(
            isinstance(v, list) and all(isinstance(t, str) for t in v) for v in column.tolist()):
        return "lists"
    return None


def encode(frames: dict[str, pd.DataFrame], meta: dict,
           extra: dict[str, np.ndarray] | None = None) -> bytes | None:
    """The .npz bytes of `frames`, `meta` (JSON values) and `extra` (plain NumPy arrays), or
    None when a column is of a kind not kept (see the module)."""
    arrays: dict[str, np.ndarray] = {f"extra.{k}": v for k, v in (extra or {}).items()}
    layout = {}
    for name, frame in frames.items():
        kinds = []
        for n, col in enumerate(frame.columns):
            kind = column_kind(frame[col])
            if kind is None:
                return None
            kinds.append([str(col), kind])
            arrays.update({f"{name}.{n}.{part}": array for part, array in
                           _encoded(frame[col], kind).items()})
        layout[name] = kinds
    arrays["meta"] = _json_bytes({"frames": layout, "meta": meta})
    out = io.BytesIO()
    np.savez(out, **arrays)
    return out.getvalue()


def decode(data: bytes) -> tuple[dict[str, pd.DataFrame], dict, dict[str, np.ndarray]]:
    """(frames, meta, extra) of `encode`'s bytes; Unreadable when they are not such bytes."""
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as archive:
            parts = {key: archive[key] for key in archive.files}
        layout = json.loads(parts["meta"].tobytes())
        frames = {name: pd.DataFrame({col: _decoded(parts, f"{name}.{n}", kind)
                                      for n, (col, kind) in enumerate(kinds)},
                                     columns=[col for col, _ in kinds])
                  for name, kinds in layout["frames"].items()}
        extra = {key.removeprefix("extra."): array for key, array in parts.items()
                 if key.startswith("extra.")}
        return frames, layout["meta"], extra
    except (OSError, EOFError, KeyError, TypeError, ValueError, zipfile.BadZipFile) as exc:
        raise Unreadable(str(exc)) from exc


def read_file(path: Path) -> tuple[dict[str, pd.DataFrame], dict, dict[str, np.ndarray]]:
    """decode of the file at `path`; OSError when absent, Unreadable when not such a file."""
    return decode(path.read_bytes())


def write_file(path: Path, frames: dict[str, pd.DataFrame], meta: dict,
               extra: dict[str, np.ndarray] | None = None) -> None:
    """encode's bytes written atomically to `path`, without fsync (a cache's file: one lost
    is a miss); nothing when a column is of a kind not kept."""
    data = encode(frames, meta, extra)
    if data is None:
        log.info("%s not written: a column of a kind it does not keep", path)
        return
    atomic_write_bytes(path, data, durable=False)


def drifted(kept: Iterable[str], keys: list[str], share: int) -> bool:
    """Whether over 1/`share` of `keys` differ from the `kept` ones (either way): a cache's
    one-file copy of its entries is then worth writing again."""
    return len(set(keys).symmetric_difference(kept)) * share > len(keys)


def _json_bytes(value) -> np.ndarray:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return np.frombuffer(text.encode(), dtype=np.uint8)


def _encoded(column: pd.Series, kind: str) -> dict[str, np.ndarray]:
    if kind in NUMBERS:
        return {"values": column.to_numpy(dtype=kind, copy=True)}
    if kind == "lists":
        column = pd.Series([tuple(v) for v in column.tolist()], dtype=object)
    codes, distinct = pd.factorize(column, use_na_sentinel=True)  # NaN: code -1
    return {"codes": codes.astype(np.int32), "distinct": _json_bytes(
        [list(v) for v in distinct] if kind == "lists" else list(distinct))}


def _decoded(parts: dict[str, np.ndarray], prefix: str, kind: str):
    if kind in NUMBERS:
        return parts[f"{prefix}.values"].astype(kind, copy=False)
    codes = parts[f"{prefix}.codes"]
    distinct = json.loads(parts[f"{prefix}.distinct"].tobytes())
    if kind == "lists":
        return pd.Series([list(distinct[c]) for c in codes.tolist()], dtype=object)
    lookup = np.empty(len(distinct) + 1, dtype=object)
    lookup[:-1] = distinct
    lookup[-1] = np.nan  # code -1: a missing text
    return pd.array(lookup[codes], dtype=TEXT)


# -- splicing: frames of consecutive rows joined into the frame pandas builds from all rows


def runs(items: list, at) -> list:
    """`items` in order as runs to splice: a (first, last + 1) range of consecutive rows of a
    kept frame for items `at(item)` places there (its row), a list of the other items."""
    out: list = []
    for item in items:
        n = at(item)
        if n is None:
            if out and isinstance(out[-1], list):
                out[-1].append(item)
            else:
                out.append([item])
        elif out and isinstance(out[-1], tuple) and out[-1][1] == n:
            out[-1] = (out[-1][0], n + 1)
        else:
            out.append((n, n + 1))
    return out


def raw_frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """A table's rows as pandas builds them (its inference of each column's type)."""
    return pd.DataFrame(rows, columns=columns) if rows else pd.DataFrame(columns=columns)


def spliced(parts: list[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    """The frame raw_frame builds from the rows of all `parts` (each raw_frame's frame of some
    rows, or a slice of one), in order; NotSpliceable when a column's parts do not join."""
    parts = [part for part in parts if len(part)]
    if not parts:
        return raw_frame([], columns)
    if len(parts) == 1:
        return parts[0].reset_index(drop=True)
    return pd.DataFrame({col: joined([part[col] for part in parts]) for col in columns},
                        columns=columns)


def joined(parts: list[pd.Series]) -> pd.Series:
    """The parts of a column as one, typed as pandas types the column of all their rows."""
    kinds = {_kind(part) for part in parts}
    if len({part.dtype for part in parts}) == 1:
        return pd.concat(parts, ignore_index=True)
    if kinds <= {"int64", "float64", "null"}:  # ints with floats or None: floats (NaN)
        return pd.concat([part.astype("float64") for part in parts], ignore_index=True)
    if kinds == {"str", "null"}:  # texts with None: texts (NaN)
        return pd.concat([part if kind == "str" else pd.Series(
            np.nan, index=part.index, dtype=TEXT)
            for part, kind in zip(parts, map(_kind, parts), strict=True)], ignore_index=True)
    raise NotSpliceable(f"column {parts[0].name!r}: parts of types {sorted(kinds)}")


def _kind(part: pd.Series) -> str:
    if part.dtype == TEXT:
        return "str"
    if part.dtype == object and all(v is None for v in part.tolist()):
        return "null"
    return str(part.dtype)
