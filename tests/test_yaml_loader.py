"""knowledge.load_yaml with libyaml: the same rules as the pure-Python loader (anchors and
aliases refused, impossible dates and syntax errors named with their line)."""

import datetime as dt

import pytest

from trustbrief.knowledge import DataFileError, load_yaml


@pytest.mark.parametrize(("text", "message"), [
    ("a: &x [1]\nb: *x\n", "line 1: invalid YAML: anchors and aliases"),
    ("ok: 1\nd: 2024-13-01\n", "line 2: invalid YAML: '2024-13-01' is not a real date"),
    ("a: [1,\nb: 2\n", "line 3: invalid YAML"),
])
def test_refused_files_name_the_line_and_the_reason(tmp_path, text, message):
    path = tmp_path / "data.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=message.replace("(", r"\(")):
        load_yaml(path)


def test_dates_and_plain_ampersands_load(tmp_path):
    path = tmp_path / "data.yaml"
    path.write_text("d: 2024-10-01\nt: 'a & b * c'\n", encoding="utf-8")
    assert load_yaml(path) == {"d": dt.date(2024, 10, 1), "t": "a & b * c"}
