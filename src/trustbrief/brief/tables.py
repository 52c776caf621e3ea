"""The processed tables a brief reads, loaded once, and the period filter.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from trustbrief import contract
from trustbrief.tables import read_table

# Every table the pipeline writes (the contract's list, in write order).
TABLE_NAMES = tuple(contract.TABLES)


@dataclass
class Tables:
    """The processed tables a brief reads, plus the extraction provenance."""

    frames: dict[str, pd.DataFrame]
    provenance: dict = field(default_factory=dict)
    datapackage: dict = field(default_factory=dict)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.frames.get(name, pd.DataFrame())


def load_tables(processed_dir: Path | str) -> Tables:
    """Every processed table as the typed frame the stages produce (contract.decode):
    integers, numbers and booleans as such, list cells as Python lists; text and ISO dates
    stay strings. A table the folder lacks is an empty frame."""
    processed_dir = Path(processed_dir)
    if not (processed_dir / "documents.csv").exists():
        raise FileNotFoundError(
            f"no processed tables in {processed_dir}: run `make data` first")
    frames = {}
    for name in TABLE_NAMES:
        path = processed_dir / f"{name}.csv"
        frames[name] = (contract.decode(read_table(path), name) if path.exists()
                        else pd.DataFrame())
    prov, package = {}, {}
    if (processed_dir / "provenance.json").exists():
        prov = json.loads((processed_dir / "provenance.json").read_text(encoding="utf-8"))
    if (processed_dir / "datapackage.json").exists():
        package = json.loads((processed_dir / "datapackage.json").read_text(encoding="utf-8"))
    return Tables(frames, prov, package)


def in_period(frame: pd.DataFrame, start: str, end: str, column: str = "date") -> pd.DataFrame:
    """Rows whose date (or range) touches [start, end]; undated rows are kept."""
    if frame.empty or column not in frame:
        return frame
    lo = frame.get(f"{column}_earliest", frame[column]).where(lambda s: s != "", frame[column])
    hi = frame.get(f"{column}_latest", frame[column]).where(lambda s: s != "", frame[column])
    undated = frame[column] == ""
    keep = undated | ((hi >= start) & (lo <= end))
    return frame[keep]
