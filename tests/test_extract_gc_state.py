"""Loading the trained pipeline leaves the cyclic garbage collector as the caller had it:
spaCy's model files are read through srsly, whose msgpack reader turns the collector back on,
and the pipeline pauses it for a run (pipeline._cyclic_gc_paused)."""

from __future__ import annotations

import gc

import pytest

from trustbrief.extract import nlp


@pytest.fixture
def collector_paused():
    was_enabled = gc.isenabled()
    gc.disable()
    yield
    if was_enabled:
        gc.enable()


def test_loading_the_pipeline_keeps_a_paused_collector_paused(collector_paused):
    nlp.load_pipeline.__wrapped__(None)  # a real load, not the process's kept pipeline
    assert not gc.isenabled()


def test_the_guard_restores_a_paused_collector_that_a_loader_turned_on(collector_paused):
    with nlp.collector_state_kept():
        gc.enable()  # as srsly.msgpack_loads does after each file
    assert not gc.isenabled()


def test_the_guard_leaves_a_running_collector_running():
    gc.enable()
    with nlp.collector_state_kept():
        pass
    assert gc.isenabled()
