"""Independent per-document work on every core of the machine, with the same result as
one process: items are cut into contiguous chunks and the results put back in order."""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable, Sequence

from trustbrief import progress

_JOB: tuple = ()
WORKERS_ENV = "TRUSTBRIEF_WORKERS"  # e.g. 1 to profile in one process, 4 on a bigger machine


def _env_workers() -> int:
    value = os.environ[WORKERS_ENV].strip()
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"{WORKERS_ENV}={value!r}: expected a whole number of processes, >= 1")
    return int(value)


def _run(span: tuple[int, int]) -> list:
    func, items, args = _JOB
    return [func(item, *args) for item in items[span[0]:span[1]]]


def worker_count(n_items: int, min_items: int, workers: int | None = None) -> int:
    """Processes to use: `workers` if given; else 1 for work too small to pay for a fork,
    and otherwise $TRUSTBRIEF_WORKERS, or the cores this process may use when it is unset."""
    if workers is not None:
        return max(1, workers)
    if n_items < min_items or "fork" not in mp.get_all_start_methods():
        return 1
    if os.environ.get(WORKERS_ENV, "").strip():
        return _env_workers()
    return max(1, _usable_cores())


def _usable_cores() -> int:
    if hasattr(os, "sched_getaffinity"):  # honours taskset and container CPU sets
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


CHUNKS_PER_WORKER = 8  # small enough chunks that no worker idles long at the end


def map_in_order(func: Callable, items: Sequence, *args, min_items: int = 500,
                 workers: int | None = None, desc: str | None = None,
                 unit: str = "doc", meanwhile: Callable[[], object] | None = None) -> list:
    """[func(item, *args) for item in items], in forked workers when worthwhile. The
    workers inherit func, items and args: only index ranges go to them, and only the
    results come back. With `desc`, a progress bar counts the items done (on a terminal).
    `meanwhile`: called in this process once the workers are forked (only then), for
    work of the caller's that may as well share the cores with them."""
    global _JOB
    n_workers = worker_count(len(items), min_items, workers)
    done = progress.bar(desc=desc, total=len(items), unit=unit) if desc else None
    if n_workers == 1 or len(items) < 2:
        results = []
        for item in items:
            results.append(func(item, *args))
            if done is not None:
                done.update()
        return _closed(done, results)
    size = -(-len(items) // (n_workers * CHUNKS_PER_WORKER))
    spans = [(i, min(i + size, len(items))) for i in range(0, len(items), size)]
    _JOB = (func, items, args)
    parts = []
    try:
        with mp.get_context("fork").Pool(n_workers) as pool:
            parts_done = pool.imap(_run, spans, chunksize=1)  # in order, as chunks finish
            if meanwhile is not None:
                meanwhile()
            for part in parts_done:
                parts.append(part)
                if done is not None:
                    done.update(len(part))
    finally:
        _JOB = ()
    return _closed(done, [result for part in parts for result in part])


def _closed(bar, results: list) -> list:
    if bar is not None:
        bar.close()
    return results
