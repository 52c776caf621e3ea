"""I/O at the edges: atomic, deterministic CSV writing and typed reading of the tables."""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

import pandas as pd

log = logging.getLogger("trustbrief")

LIST_SEP = ";"


def atomic_write_text(path: Path | str, text: str) -> None:
    """Write a file so readers see either the old or the new content, never half."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def to_csv_text(frame: pd.DataFrame) -> str:
    """Deterministic CSV: UTF-8, '\\n' line ends, no index, lists joined with ';'."""
    out = frame.copy()
    for col in out.columns:
        if out[col].map(lambda v: isinstance(v, (list, tuple))).any():
            out[col] = out[col].map(
                lambda v: LIST_SEP.join(map(str, v)) if isinstance(v, (list, tuple)) else v)
    return out.to_csv(index=False, lineterminator="\n")


def write_table(frame: pd.DataFrame, path: Path | str) -> None:
    atomic_write_text(path, to_csv_text(frame))


def read_table(path: Path | str) -> pd.DataFrame:
    """Read a processed table back; empty strings stay empty strings, not NaN."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(
            f"{path} does not exist: run `make data` (or `python -m trustbrief extract`) first")
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[])


def split_list(value: str) -> list[str]:
    """Inverse of the ';' join used in the CSV tables."""
    if not isinstance(value, str) or not value:
        return []
    return [v for v in value.split(LIST_SEP) if v]
