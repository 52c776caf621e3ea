"""Progress on long work, and repeated warnings told once with a count.

Progress bars (tqdm) go to stderr and show only when stderr is a terminal, so logs, CI and
notebook kernels stay quiet; TRUSTBRIEF_PROGRESS=1 forces them on, =0 off.

    for doc in progress.bar(documents, desc="extracting", unit="doc"): ...
    with progress.working("brief: PDF"): write_pdf(...)

Warnings of one kind (one message template, e.g. "%s: same bytes as an earlier file") are
shown in full the first few times; the rest are counted and summarised at the end of the
command with the first few names (`GroupedWarnings`, installed by the command line).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
import threading
from collections.abc import Iterable, Iterator

PROGRESS_ENV = "TRUSTBRIEF_PROGRESS"


def enabled(stream=None) -> bool:
    """Bars only for a person watching a terminal, unless TRUSTBRIEF_PROGRESS says otherwise."""
    setting = os.environ.get(PROGRESS_ENV, "").strip()
    if setting in ("0", "1"):
        return setting == "1"
    stream = stream or sys.stderr
    return bool(getattr(stream, "isatty", lambda: False)())


def bar(iterable: Iterable | None = None, *, desc: str, total: int | None = None,
        unit: str = "it", position: int | None = None):
    """A tqdm bar on stderr (a silent pass-through when not enabled)."""
    from tqdm import tqdm

    return tqdm(iterable, desc=desc, total=total, unit=unit, position=position,
                disable=not enabled(), file=sys.stderr, dynamic_ncols=True, mininterval=0.5,
                leave=position is None)


def notebook_bar(desc: str, position: int | None = None) -> dict | bool:
    """papermill's `progress_bar` argument: one bar of cells per notebook, when enabled."""
    if not enabled():
        return False
    return {"desc": desc, "file": sys.stderr, "position": position, "leave": position is None,
            "dynamic_ncols": True, "mininterval": 0.5}


@contextlib.contextmanager
def working(desc: str) -> Iterator[None]:
    """An elapsed-time line for one long step that has nothing to count (a PDF layout)."""
    if not enabled():
        yield
        return
    from tqdm import tqdm

    line = tqdm(desc=desc, total=None, bar_format="{desc}: {elapsed}", file=sys.stderr)
    stop = threading.Event()

    def tick() -> None:
        while not stop.wait(1.0):
            line.refresh()

    ticker = threading.Thread(target=tick, daemon=True)
    ticker.start()
    try:
        yield
    finally:
        stop.set()
        ticker.join()
        line.close()


# -- repeated warnings ----------------------------------------------------------------------

class CurrentStderr(logging.StreamHandler):
    """A handler that writes to whatever sys.stderr is when a record comes, not the stream of
    the moment it was made: a caller that swaps stderr (pytest, a notebook kernel) and closes
    the old one must not turn later warnings into 'I/O operation on closed file' errors."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


SHOWN_IN_FULL = 3  # warnings of one kind printed as they come; the rest are counted
NAMES_IN_SUMMARY = 5


class GroupedWarnings(logging.Handler):
    """Print the first few warnings of each kind, then one summary line per kind.

    A kind is the record's message template; by the house convention its first argument
    names the file or item concerned ("%s: empty file - skipped")."""

    def __init__(self, target: logging.Handler, shown_in_full: int = SHOWN_IN_FULL):
        super().__init__(level=logging.NOTSET)
        self.target = target
        self.shown_in_full = shown_in_full
        self.held: dict[tuple[int, str], list[logging.LogRecord]] = {}
        self.counts: dict[tuple[int, str], int] = {}
        self.pid = os.getpid()  # forked workers pass warnings straight through (none is lost)

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno < logging.WARNING or os.getpid() != self.pid:
            self.target.handle(record)
            return
        kind = (record.levelno, str(record.msg))
        self.counts[kind] = self.counts.get(kind, 0) + 1
        if self.counts[kind] <= self.shown_in_full:
            self.target.handle(record)
        else:
            self.held.setdefault(kind, []).append(record)

    def summarise(self) -> None:
        """One line per kind that had more than `shown_in_full` warnings; then forget them."""
        for (level, _), records in self.held.items():
            names = [_subject(r) for r in records]
            shown = ", ".join(names[:NAMES_IN_SUMMARY])
            more = len(names) - NAMES_IN_SUMMARY
            summary = logging.LogRecord(
                records[0].name, level, records[0].pathname, records[0].lineno,
                "%d more of this kind (%s): %s%s",
                (len(records), _kind_text(str(records[0].msg)), shown,
                 f" and {more} more" if more > 0 else ""), None)
            self.target.handle(summary)
        self.held.clear()
        self.counts.clear()

    def close(self) -> None:
        self.summarise()
        super().close()


def summarise_warnings(logger: str = "trustbrief") -> None:
    """Print the summary lines now (e.g. at the end of a stage) instead of at exit."""
    for handler in logging.getLogger(logger).handlers:
        if isinstance(handler, GroupedWarnings):
            handler.summarise()


PLACEHOLDER_RE = re.compile(r"%[-#0 +]*\d*(?:\.\d+)?[sdrgfi]")


def _kind_text(template: str) -> str:
    """'%s: same bytes as an earlier file - id %s-%d' -> 'same bytes as an earlier file - id …-…'"""
    return PLACEHOLDER_RE.sub("…", template.removeprefix("%s: "))


def _subject(record: logging.LogRecord) -> str:
    """The item a warning is about: its first argument, or its message."""
    if isinstance(record.args, tuple) and record.args and str(record.msg).startswith("%s"):
        return str(record.args[0])
    return record.getMessage()
