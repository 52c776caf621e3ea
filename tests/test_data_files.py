"""Malformed analyst data files fail with the file, the line or key, and the reason:
never with a bare traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import DATA, ROOT

BROKEN = {
    "gazetteer.yaml": "actors: [\n  - name: x\n",
    "event_types.yaml": "event_types:\n  - id: x\n    plover: [unclosed\n",
    "trust_cues.yaml": "{not: valid: yaml",
    "attribution.yaml": "\t- tab indented",
    "boilerplate.yaml": "rules: [",
    "outlets.yaml": "outlets: {",
    "time_expressions.yaml": "months: [",
    "deadlines.yaml": "nouns: [deadline]\npassed: []\n",
    "named_days.yaml": "days:\n  - {names: [Flag Day], country: XYZ, month: 6, day: 14}\n"
                       "same_day_cues: [during]\n",
    "incidents.yaml": "families:\n  air_crash: []\n",
    "annotations.yaml": "annotations:\n  - id: a1\n    event: e999\n    field: colour\n",
    "labels.yaml": "groups: [",
    "channels.yaml": "channels: [",
    "briefs.yaml": ("briefs:\n  - name: x\n    title: X\n    start: 2024-13-01\n"
                    "    end: 2024-12-01\n"),
}
CSV_BROKEN = {
    "sources.csv": "file,published\na.txt,09/10/2024\n",
    "chronology.csv": "key,date,event_type,actors,label,source\nk1,2024-02-30,airstrike,,x,y\n",
}


@pytest.mark.parametrize("name", sorted(BROKEN) + sorted(CSV_BROKEN))
def test_malformed_file_is_named_with_a_reason(name, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("processed"))
    # shared knowledge sits at the top of data/, the default story's own files in its folder
    target = data / name if (data / name).exists() else data / "stories" / "us-israel" / name
    assert target.exists(), target
    target.write_text({**BROKEN, **CSV_BROKEN}[name], encoding="utf-8")
    command = [sys.executable, "-m", "trustbrief", "validate", "--data", str(data)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    line = result.stderr.strip().splitlines()[-1]
    assert line.startswith("error: ") and name in line, line
    assert len(line.split(name, 1)[1].strip(" :,")) > 5, f"no reason given: {line}"
