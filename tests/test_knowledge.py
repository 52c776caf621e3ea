"""The data-file loader: every problem names the file, the line or key, and the reason."""

from __future__ import annotations

import pytest

from trustbrief.knowledge import (
    DataFileError,
    compile_pattern,
    load_csv,
    load_yaml,
    parse_iso_date,
    require_keys,
)


def test_csv_with_comment_header_keeps_line_numbers(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("# a comment\n# another\nfile,published\na.txt,2024-10-09\n\nb.txt,\n",
                    encoding="utf-8")
    rows = load_csv(path, ["file"], ["published"])
    assert [(r["file"], r["_line"]) for r in rows] == [("a.txt", 4), ("b.txt", 6)]


def test_csv_errors_point_at_the_line(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("# c\nfile,published\na.txt,2024-10-09,extra\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"x.csv, line 3: expected 2 fields"):
        load_csv(path, ["file"], ["published"])
    path.write_text("file,colour\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="unknown column"):
        load_csv(path, ["file"], ["published"])
    with pytest.raises(DataFileError, match="file not found"):
        load_csv(tmp_path / "missing.csv", ["file"])


def test_yaml_errors_and_keys(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("a: [1, 2\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="invalid YAML"):
        load_yaml(path)
    with pytest.raises(DataFileError, match="missing key"):
        require_keys(path, "actors[1]", {"name": "x"}, ["name", "side"])
    with pytest.raises(DataFileError, match="unknown key"):
        require_keys(path, "actors[1]", {"name": "x", "sde": 1}, ["name"], ["side"])
    path.write_bytes(b"\xff\xfe bad")
    with pytest.raises(DataFileError, match="UTF-8"):
        load_yaml(path)


def test_dates_and_patterns():
    assert str(parse_iso_date("f", 3, "2024-10-01")) == "2024-10-01"
    assert parse_iso_date("f", 3, "") is None
    with pytest.raises(DataFileError, match="line 3"):
        parse_iso_date("f", 3, "2024-02-30")
    with pytest.raises(DataFileError, match="bad pattern"):
        compile_pattern("f", "cues[2]", "(unclosed")
