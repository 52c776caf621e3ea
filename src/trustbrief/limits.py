"""Bounded cost: guards that keep one hostile or malformed input from stalling a build.

- `bounded_spans` splits a very long sentence (no full stop for pages) into pieces of at
  most `max_chars` at word boundaries, so every per-sentence step (parsing, windows, rules)
  runs on inputs of bounded size and the total cost grows linearly with the text.
- `time_limit` stops a step that runs longer than its budget (one document, one pattern
  probe) with `TimeLimitExceeded`; the caller skips that input with a warning. A document's
  budget is wall-clock time (what a user waits for); a pattern probe's is the process's CPU
  time, so a busy machine never makes a valid pattern look catastrophic.
- `check_pattern_cost` probes an analyst's regular expression at validation time with
  inputs built from its own characters: a pattern that backtracks catastrophically (e.g.
  `(a+)+$`) is refused before it can hang a build.
"""

from __future__ import annotations

import contextlib
import logging
import re
import signal
import threading
import time
from collections.abc import Iterator

log = logging.getLogger("trustbrief")

# A sentence longer than this is split before parsing (real sentences are < 1,000 chars;
# spaCy's parser cost per sentence grows faster than linearly with its length).
MAX_SENTENCE_CHARS = 2_000
# Seconds one document may take through extraction before it is skipped with a warning.
DOCUMENT_SECONDS = 60.0
# CPU seconds all probes of one analyst pattern may take together (a valid pattern needs
# under a millisecond; a catastrophic one runs for minutes).
PATTERN_SECONDS = 0.25


class TimeLimitExceeded(Exception):
    """A step ran longer than its time budget."""


def bounded_spans(text: str, start: int, end: int, max_chars: int = MAX_SENTENCE_CHARS
                  ) -> list[tuple[int, int]]:
    """Split text[start:end] into spans of at most `max_chars`, cutting after the last
    whitespace before the limit (or at the limit when a piece has none). Offsets stay
    offsets into `text`; one span, unchanged, when it is short enough."""
    spans = []
    while end - start > max_chars:
        cut = text.rfind(" ", start + max_chars // 2, start + max_chars)
        cut = cut + 1 if cut > start else start + max_chars
        spans.append((start, cut))
        start = cut
    spans.append((start, end))
    return spans


def split_long_sentences(text: str, spans: list[tuple], where: str = "",
                         max_chars: int = MAX_SENTENCE_CHARS) -> list[tuple]:
    """`bounded_spans` over every sentence span (start, end, *extra) of a document; each
    piece keeps the extra fields. One warning names the document when any was split."""
    out, longest = [], 0
    for start, end, *extra in spans:
        pieces = bounded_spans(text, start, end, max_chars)
        if len(pieces) > 1:
            longest = max(longest, end - start)
        out.extend((s, e, *extra) for s, e in pieces)
    if longest:
        log.warning("%s: a sentence of %d characters was split into pieces of at most %d "
                    "(no sentence end found)", where or "document", longest, max_chars)
    return out


def _can_use_alarm() -> bool:
    return threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")


# The two clocks a budget can run on: (timer, its signal).
_CLOCKS = {"wall": (signal.ITIMER_REAL, "SIGALRM"), "cpu": (signal.ITIMER_VIRTUAL, "SIGVTALRM")}


@contextlib.contextmanager
def time_limit(seconds: float, what: str = "step", clock: str = "wall") -> Iterator[None]:
    """Raise TimeLimitExceeded in the block after `seconds` of `clock` time ('wall', or
    'cpu': this process's user CPU time, blind to other processes' load). An interval timer
    fires inside Python code and inside `re` matching. Outside the main thread it only runs
    the block."""
    if seconds <= 0 or not _can_use_alarm():
        yield
        return
    timer, signal_name = _CLOCKS[clock]
    signum = getattr(signal, signal_name)

    def expired(signum, frame):
        raise TimeLimitExceeded(f"{what} took longer than {seconds:g} s")

    previous = signal.signal(signum, expired)
    outer = signal.setitimer(timer, min(seconds, signal.getitimer(timer)[0] or seconds))[0]
    started = time.monotonic() if clock == "wall" else time.process_time()
    try:
        yield
    finally:
        signal.setitimer(timer, 0)
        signal.signal(signum, previous)
        if outer:  # an enclosing limit on the same clock keeps running, with the time left
            now = time.monotonic() if clock == "wall" else time.process_time()
            signal.setitimer(timer, max(outer - (now - started), 1e-3))


def _probes(pattern: str) -> list[str]:
    """Inputs that make a backtracking pattern explode: long runs of the pattern's own
    characters (and of word characters and spaces) ending in a character it cannot match."""
    chars = sorted({c for c in re.sub(r"\\[a-zA-Z]", "", pattern) if c.isalnum() or c in " -'."})
    alphabet = [*chars[:12], "a", "1", " ", "a ", "ab"]
    return [unit * 28 + end for unit in dict.fromkeys(alphabet) for end in ("\x00", "!")]


def check_pattern_cost(compiled: re.Pattern, seconds: float = PATTERN_SECONDS) -> None:
    """Raise TimeLimitExceeded when `compiled` needs more than `seconds` of CPU time on the
    probes (CPU, not wall-clock: on a loaded machine a cheap pattern may wait its turn)."""
    with time_limit(seconds, f"pattern {compiled.pattern!r}", clock="cpu"):
        for probe in _probes(compiled.pattern):
            compiled.search(probe)
