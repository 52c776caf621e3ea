"""Hostile text: spreadsheet formulas, terminal escapes and bidirectional controls from an
article never reach a CSV cell, a log line or a title as they came."""

from __future__ import annotations

import csv
import io
import logging
import re

import pandas as pd
import pytest

from conftest import DATA
from trustbrief import corpus
from trustbrief.briefs import BriefParamError, validate_params
from trustbrief.tables import read_table, to_csv_text

HOSTILE_ARTICLE = """=HYPERLINK("http://attacker.example/x","Click for details")

By Staff Reporter

October 2, 2024

WASHINGTON — +1 officials said on Tuesday that the Defense Secretary spoke with the Israeli \
defense minister about the plan.
@SYSTEM the two ministers met again in Washington on Wednesday, officials said.
-2+3 was the count \x1b[31mgiven\x1b[0m by the \u202eenilno\u202c ministry, one official said.
"""

FORMULA_START = tuple("=+-@\t\r")
# C0/C1 controls but tab and line ends, and the bidirectional controls.
CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
                        "\u2066-\u2069]")


def is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def unsafe_cells(text: str) -> list[str]:
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    return [c for c in cells if (c.startswith(FORMULA_START) and not is_number(c))
            or CONTROL_RE.search(c)]


def test_no_table_cell_holds_a_formula_or_a_control_character(tmp_path):
    """The article's text reaches the documents and sentences tables (title, sentences);
    every other table quotes those sentences, through the same CSV writer."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    rules = corpus.load_rules(DATA)
    documents, sentences = corpus.build_corpus(corpus.read_seeds(seeds, rules), rules)
    written = {"documents": to_csv_text(documents), "sentences": to_csv_text(sentences)}
    assert "HYPERLINK" in written["documents"] + written["sentences"]
    for name, text in written.items():
        assert not unsafe_cells(text), (name, unsafe_cells(text)[:3])


def test_neutralised_cells_read_back_as_written(tmp_path):
    cells = ["=SUM(A1:A3)", "+1 said", "-3.5", "- a bullet", "@here", "'quoted", "'=both",
             "\tindent", "plain", "", "''"]
    frame = pd.DataFrame({"text": cells, "n": range(len(cells))})
    path = tmp_path / "t.csv"
    path.write_text(to_csv_text(frame), encoding="utf-8")
    assert not unsafe_cells(path.read_text(encoding="utf-8"))
    assert read_table(path)["text"].tolist() == cells


def test_control_characters_become_spaces_keeping_offsets(tmp_path):
    text = "red \x1b[31malert\u202e here\x00"
    path = tmp_path / "t.csv"
    path.write_text(to_csv_text(pd.DataFrame({"text": [text]})), encoding="utf-8")
    back = read_table(path)["text"][0]
    assert len(back) == len(text) and not CONTROL_RE.search(back)
    assert back.startswith("red  [31malert  here")


def test_log_lines_show_control_characters_escaped():
    from trustbrief.cli import _WarningFormatter

    record = logging.LogRecord("trustbrief", logging.WARNING, __file__, 1,
                               "seeds/\x1b[2Jevil\u202etxt.txt: skipped", None, None)
    line = _WarningFormatter().format(record)
    assert "\x1b" not in line and "\u202e" not in line
    assert "\\x1b[2J" in line and "\\u202e" in line


@pytest.mark.parametrize("title", ["Brief \u202eevil", "Brief \x1b[31mred", "Bell\x07"])
def test_titles_with_control_characters_are_refused(title):
    with pytest.raises(BriefParamError, match="control"):
        validate_params({"title": title, "start": "2024-10-01", "end": "2024-10-31"})
