"""Small readers of the input frames the metrics share (focus, live documents, dates)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from trustbrief import contract
from trustbrief.tables import native_list, str_column

# Column descriptions of the stage's tables: the contract is their one definition.
SCHEMA = contract.descriptions("trust_index", "notice_ledger", "cadence", "stated_measures",
                               "sourcing", "count_conflicts", "contacts",
                               "cooperation")


def focus_pair(focus) -> tuple[str, str]:
    """'A->B', ('A', 'B') or a contract.Focus -> (observer, subject)."""
    return tuple(contract.Focus.parse(focus))


def typed_frame(found: Mapping, name: str) -> pd.DataFrame:
    frame = found.get(name)
    return frame if frame is not None else pd.DataFrame()


def live_docs(documents: pd.DataFrame) -> set[str]:
    """Documents that count: duplicates never do."""
    if "duplicate_of" not in documents:
        return set(documents["doc_id"])
    duplicate_of = str_column(documents, "duplicate_of")
    return {d for d, dup in zip(documents["doc_id"].tolist(), duplicate_of, strict=True)
            if dup == ""}


def published_days(documents: pd.DataFrame) -> dict[str, str]:
    return {d: p[:10] for d, p in zip(documents["doc_id"].tolist(),
                                      str_column(documents, "published"), strict=True)}


def value_list(frame: pd.DataFrame, name: str) -> list:
    """A column's native values (None for each row when the frame lacks it, as a record's
    .get would give)."""
    return native_list(frame[name]) if name in frame else [None] * len(frame)


def present_values(frame: pd.DataFrame, names: tuple[str, ...]) -> list[str]:
    """The columns of `names` the frame has (a record's .get gives None for the others)."""
    return [name for name in names if name in frame]


def rows_of(frame: pd.DataFrame, keys: set | None, columns: list[str]):
    """Rows of `columns` (in frame order); when `keys` are given, only rows whose doc_id and
    sent_id both occur in them (a vectorized filter, so the few wanted sentences do not cost
    a walk over every row; callers still check the exact key)."""
    if keys is not None:
        frame = frame[frame["doc_id"].isin(list({doc for doc, _ in keys}))
                      & frame["sent_id"].isin(list({sent for _, sent in keys}))]
    return zip(*(frame[c].tolist() for c in columns), strict=True)
