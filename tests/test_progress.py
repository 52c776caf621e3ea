"""Progress bars only on a terminal; warnings of one kind summarised; a quiet kernel."""

from __future__ import annotations

import io
import logging

import nbformat
import papermill
import pytest

from trustbrief import parallel, progress
from trustbrief.kernels import LocalKernelManager, project_kernel


def test_bars_are_off_when_stderr_is_not_a_terminal(monkeypatch, capsys):
    monkeypatch.delenv(progress.PROGRESS_ENV, raising=False)
    assert not progress.enabled(io.StringIO())
    assert list(progress.bar(range(3), desc="extracting")) == [0, 1, 2]
    assert progress.notebook_bar("brief: notebook") is False
    assert capsys.readouterr().err == ""


def test_a_terminal_or_the_setting_turns_them_on(monkeypatch, capsys):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv(progress.PROGRESS_ENV, raising=False)
    assert progress.enabled(Terminal())
    monkeypatch.setenv(progress.PROGRESS_ENV, "1")
    results = parallel.map_in_order(str.upper, list("abcd"), workers=2, min_items=1,
                                    desc="extracting")
    assert results == ["A", "B", "C", "D"]  # same order with a bar
    err = capsys.readouterr().err
    assert "extracting" in err and "4/4" in err
    with progress.working("brief: PDF"):
        pass
    assert "brief: PDF" in capsys.readouterr().err
    monkeypatch.setenv(progress.PROGRESS_ENV, "0")
    assert not progress.enabled(Terminal())


def grouped_logger():
    stream = io.StringIO()
    target = logging.StreamHandler(stream)
    target.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    grouped = progress.GroupedWarnings(target)
    log = logging.getLogger("trustbrief.test-progress")
    log.handlers[:] = [grouped]
    log.propagate = False
    return log, grouped, stream


def test_many_warnings_of_one_kind_end_in_a_count_and_the_first_names():
    log, grouped, stream = grouped_logger()
    for i in range(40):
        log.warning("%s: same bytes as an earlier file - id %s-%d", f"copy-{i:02d}.txt", "ab", i)
    log.warning("%s: empty file - skipped", "blank.txt")
    grouped.summarise()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 3 + 1 + 1  # three in full, the other kind, one summary
    assert lines[0] == "WARNING: copy-00.txt: same bytes as an earlier file - id ab-0"
    assert lines[3] == "WARNING: blank.txt: empty file - skipped"
    assert lines[4] == ("WARNING: 37 more of this kind (same bytes as an earlier file - id …-…): "
                        "copy-03.txt, copy-04.txt, copy-05.txt, copy-06.txt, copy-07.txt "
                        "and 32 more")
    grouped.summarise()  # nothing held twice
    assert len(stream.getvalue().splitlines()) == 5


def test_a_few_warnings_are_all_shown_and_not_summarised():
    log, grouped, stream = grouped_logger()
    for name in ("a.txt", "b.txt"):
        log.warning("%s: not valid UTF-8 - decoded as cp1252", name)
    grouped.summarise()
    assert stream.getvalue().count("decoded as cp1252") == 2
    assert "more of this kind" not in stream.getvalue()


@pytest.mark.slow
def test_a_notebook_runs_without_the_unencrypted_tcp_warning(tmp_path, capfd):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")])
    nbformat.write(nb, tmp_path / "in.ipynb")
    papermill.execute_notebook(str(tmp_path / "in.ipynb"), str(tmp_path / "out.ipynb"),
                               kernel_name=project_kernel(), progress_bar=False,
                               kernel_manager_class=LocalKernelManager)
    out = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    assert out.cells[0].outputs[0]["text"] == "42\n"
    assert "without encryption" not in capfd.readouterr().err
