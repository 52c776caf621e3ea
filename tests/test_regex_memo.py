"""Compiled regular expressions remembered between runs (trustbrief.regex_memo): a pattern
built from the record is the pattern re.compile builds (patterns compare equal when their
pattern, flags and code are), in another process too; a damaged record is a miss."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import DATA
from trustbrief import pipeline, regex_memo

PATTERNS = [r"(?i)\bcrash(?:ed|es)?\b", r"(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]+)",
            r"^\W*(?:on\s+)?that\s+day\b", rb"\x00bytes+"]


def _compiled(patterns, flags=0):
    re.purge()  # past re's own cache: every pattern compiled anew
    return [re.compile(p, flags) for p in patterns]


def test_patterns_come_back_from_the_record_as_compiled(tmp_path, monkeypatch):
    expected = _compiled(PATTERNS)
    with regex_memo.remembered(tmp_path):
        first = _compiled(PATTERNS)
    (record,) = tmp_path.glob(f"*/{regex_memo.FILE}")
    stamp = record.stat().st_mtime_ns
    parsed: list = []
    real = regex_memo._compiler._parser.parse
    monkeypatch.setattr(regex_memo._compiler._parser, "parse",
                        lambda *a, **k: parsed.append(a[0]) or real(*a, **k))
    with regex_memo.remembered(tmp_path):
        again = _compiled(PATTERNS)
    assert first == expected == again
    assert parsed == []  # none parsed: every one from the record
    assert record.stat().st_mtime_ns == stamp  # the same patterns: not rewritten
    assert again[1].match("12 March").group("month") == "March"
    with regex_memo.remembered(tmp_path):  # one more: only it is compiled
        assert _compiled([*PATTERNS, "new+"]) == _compiled([*PATTERNS, "new+"])
    assert parsed == ["new+"]


def test_flags_are_part_of_the_key(tmp_path):
    pattern = " a b # comment"
    for _ in range(2):  # recorded, then replayed
        with regex_memo.remembered(tmp_path):
            plain, verbose = _compiled([pattern]), _compiled([pattern], re.VERBOSE)
        assert plain == _compiled([pattern]) and verbose == _compiled([pattern], re.VERBOSE)
        assert verbose[0].match("ab") and not plain[0].match("ab")


def test_the_compiler_is_given_back_on_the_way_out(tmp_path):
    compile_, sre_compile = regex_memo._compiler.compile, regex_memo._compiler._sre.compile
    try:
        with regex_memo.remembered(tmp_path):
            raise KeyError("a stage fails")
    except KeyError:
        pass
    assert regex_memo._compiler.compile is compile_
    assert regex_memo._compiler._sre.compile is sre_compile


def test_a_damaged_record_is_a_miss(tmp_path):
    with regex_memo.remembered(tmp_path):
        _compiled(PATTERNS)
    (record,) = tmp_path.glob(f"*/{regex_memo.FILE}")
    data = bytearray(record.read_bytes())
    data[-3] ^= 0xFF  # one flipped byte of a code: the digest tells
    record.write_bytes(bytes(data))
    assert regex_memo._load(record) == {}
    with regex_memo.remembered(tmp_path):
        assert _compiled(PATTERNS) == _compiled(PATTERNS)


def test_the_knowledge_compiles_the_same_patterns_through_the_record(tmp_path):
    """Every pattern the knowledge compiles, built from the record, equals a fresh one."""
    with regex_memo.remembered(tmp_path):
        re.purge()
        pipeline.Knowledge(DATA).lexicons  # noqa: B018 - compiled when read
    (record,) = tmp_path.glob(f"*/{regex_memo.FILE}")
    known = regex_memo._load(record)
    assert len(known) > 100
    with regex_memo.remembered(tmp_path):
        re.purge()
        replayed = [re.compile(p, flags) for p, flags in known]
    re.purge()
    assert replayed == [re.compile(p, flags) for p, flags in known]


def test_the_record_is_found_again_by_another_process():
    """Its folder must not depend on the process."""
    code = "from trustbrief import regex_memo; print(regex_memo.interpreter())"
    prints = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
              for seed in ("1", "2")}
    assert len(prints) == 1 and regex_memo.interpreter() + "\n" in prints
