"""Custom brief parameters: reserved and default names refused, and `make brief` hands its
parameters over as environment variables, never as shell text."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import DATA, ROOT
from trustbrief import briefs
from trustbrief.briefs import BriefParamError, story_briefs, validate_name
from trustbrief.knowledge.story import find_story

SRC = Path(briefs.__file__).resolve().parents[1]  # the trustbrief being tested


def run(*args, env=None):
    env = {**(os.environ if env is None else env), "PYTHONPATH": str(SRC)}
    return subprocess.run([sys.executable, "-m", "trustbrief", *args], capture_output=True,
                          text=True, cwd=ROOT, env=env)


@pytest.mark.parametrize("name", ["index", "Index", "INDEX", "readme"])
def test_reserved_names_are_refused(name):
    with pytest.raises(BriefParamError, match="reserved"):
        validate_name(name)


def test_a_custom_brief_never_replaces_a_default_one():
    default = story_briefs(find_story(DATA))[0]
    result = run("brief", "--title", "Mine", "--start", "2024-10-01", "--end", "2024-10-31",
                 "--name", default.name, "--check")
    assert result.returncode == 2 and "default brief" in result.stderr
    by_title = run("brief", "--title", default.name.replace("-", " "), "--start", "2024-10-01",
                   "--end", "2024-10-31", "--check")  # its slug is the default's name
    assert by_title.returncode == 2 and "default brief" in by_title.stderr
    named_index = run("brief", "--title", "Index", "--start", "2024-10-01",
                      "--end", "2024-10-31", "--check")
    assert named_index.returncode == 2 and "reserved" in named_index.stderr


RECORDER = textwrap.dedent("""
    import json, os, sys
    keys = [k for k in os.environ if k.startswith("TRUSTBRIEF_")]
    with open(os.environ["RECORD_TO"], "w") as fh:
        json.dump({"argv": sys.argv[1:], "env": {k: os.environ[k] for k in keys}}, fh)
""")

HOSTILE_TITLE = 'He said "no" $(touch {mark}) `touch {mark}` $(shell touch {mark}) $HOME'


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_brief_passes_parameters_as_environment_not_shell_text(tmp_path):
    mark = tmp_path / "pwned"
    recorder = tmp_path / "recorder.py"
    recorder.write_text(RECORDER, encoding="utf-8")
    title = HOSTILE_TITLE.format(mark=mark)
    record = tmp_path / "record.json"
    result = subprocess.run(
        ["make", "-s", "-o", ".venv/.requirements-installed", "-o",
         "data/processed/datapackage.json", "brief", f"PY={sys.executable} {recorder}",
         f"TITLE={title}", "START=2024-10-01", "END=2024-10-31",
         'PARAMS=focus="A B->C" min_origins=2'],
        cwd=ROOT, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin",
                                                       "RECORD_TO": str(record)})
    assert result.returncode == 0, result.stderr
    assert not mark.exists(), "a command in the title ran"
    seen = json.loads(record.read_text(encoding="utf-8"))
    assert seen["env"]["TRUSTBRIEF_TITLE"] == title
    assert seen["env"]["TRUSTBRIEF_PARAMS"] == 'focus="A B->C" min_origins=2'
    assert title not in " ".join(seen["argv"])


def test_the_environment_parameters_build_the_brief_verbatim(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "TRUSTBRIEF_TITLE": 'He said "no" $(x) `y`',
           "TRUSTBRIEF_START": "2024-10-01", "TRUSTBRIEF_END": "2024-10-31",
           "TRUSTBRIEF_NAME": "quoted", "TRUSTBRIEF_PARAMS": 'focus="United States->Israel"'}
    result = run("brief", "--from-env", "--check", env=env)
    assert result.returncode == 0, result.stderr
    assert """'title': 'He said "no" $(x) `y`'""" in result.stdout
    assert "'focus': 'United States->Israel'" in result.stdout
    missing = run("brief", "--from-env", "--check", env={"PATH": "/usr/bin:/bin"})
    assert missing.returncode != 0 and "usage: make brief" in missing.stderr


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_report_story_is_never_expanded_or_run(tmp_path):
    mark = tmp_path / "pwned"
    story = f"$(shell touch {mark}); touch {mark}"
    result = subprocess.run(
        ["make", "-n", "-o", ".venv/.requirements-installed", "report", f"STORY={story}"],
        cwd=ROOT, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert not mark.exists(), "make ran a command from STORY"
    assert '--story "$TRUSTBRIEF_STORY"' in result.stdout


def test_a_custom_brief_of_tables_no_story_names_takes_their_pair(tmp_path):
    # tables extracted from a folder no story names record the pair they measure: their brief
    # is never titled with the default story's pair
    (tmp_path / "provenance.json").write_text(json.dumps({"focus": "Mexico->Canada"}))
    result = run("brief", "--processed", str(tmp_path), "--title", "Mine", "--start",
                 "2024-10-01", "--end", "2024-10-31", "--check")
    assert result.returncode == 0 and "'focus': 'Mexico->Canada'" in result.stdout
    chosen = run("brief", "--processed", str(tmp_path), "--title", "Mine", "--start",
                 "2024-10-01", "--end", "2024-10-31", "--param", "focus=Canada->Mexico",
                 "--check")
    assert "'focus': 'Canada->Mexico'" in chosen.stdout
