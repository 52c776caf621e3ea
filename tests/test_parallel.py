"""Per-document work on two processes gives the one-process result, in order."""

from __future__ import annotations

from trustbrief import parallel


def scaled(item: int, factor: int) -> int:
    return item * factor


def test_two_workers_keep_order_and_results():
    items = list(range(1000))
    assert parallel.map_in_order(scaled, items, 3, workers=2) == [i * 3 for i in items]


def test_small_jobs_stay_in_process():
    assert parallel.worker_count(10, min_items=500) == 1
    assert parallel.worker_count(10, min_items=500, workers=2) == 2
    assert parallel.map_in_order(scaled, [], 3, workers=2) == []


def test_environment_sets_the_number_of_processes(monkeypatch):
    monkeypatch.setenv(parallel.WORKERS_ENV, "1")
    assert parallel.worker_count(10_000, min_items=500) == 1
    monkeypatch.setenv(parallel.WORKERS_ENV, "3")
    assert parallel.worker_count(10_000, min_items=500) == 3
    assert parallel.worker_count(10, min_items=500) == 1  # small work still stays in process
    assert parallel.worker_count(10_000, min_items=500, workers=2) == 2  # the caller wins


def test_bad_worker_setting_is_named(monkeypatch):
    import pytest

    monkeypatch.setenv(parallel.WORKERS_ENV, "two")
    with pytest.raises(ValueError, match="TRUSTBRIEF_WORKERS='two'"):
        parallel.worker_count(10_000, min_items=500)


def test_meanwhile_runs_here_while_forked_workers_work_and_only_then():
    import os

    ran = []
    parent = os.getpid()

    def meanwhile():
        ran.append(os.getpid())

    items = list(range(100))
    assert parallel.map_in_order(scaled, items, 2, workers=2, meanwhile=meanwhile) == [
        i * 2 for i in items]
    assert ran == [parent]
    assert parallel.map_in_order(scaled, items, 2, workers=1, meanwhile=meanwhile) == [
        i * 2 for i in items]
    assert ran == [parent]  # one process: nothing to overlap, not called
