"""Compiled regular expressions remembered between runs (issue #15).

Loading the knowledge compiles about 650 patterns (the gazetteer's names, the trust cues, the
event triggers, the dateline grammar): about 0.4 CPU s of every run, 0.6 with the patterns the
stages compile, while a run with one article added to a cached corpus costs under 10. A
Python process cannot keep a compiled pattern, but what compiling computes can be kept: the
regex compiler (re._compiler.compile) ends in _sre.compile(pattern, flags, code, groups,
groupindex, indexgroup), and given the same arguments that call builds the same pattern
(patterns compare equal when their pattern, flags and code are). So, inside `remembered`:

- every _sre.compile call the compiler makes is recorded with its arguments, by (pattern,
  flags as given);
- a pattern recorded by an earlier run is built by _sre.compile from its arguments, without
  parsing and compiling it again;
- at the end, when the patterns compiled differ from those recorded, the record is
  rewritten with this run's (a pattern no longer used is dropped).

Layout: FOLDER/<interpreter>/patterns.marshal: a sha256 of the rest, then the marshalled
dict. <interpreter> is a digest of the Python version and build and of the regex engine's
magic number and code size, so another interpreter never replays this one's codes; a
damaged file (its digest) is a miss. Compiling with re.DEBUG is never recorded or replayed.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import re
import sys
from pathlib import Path
from re import _compiler

from trustbrief.safe_files import OutputError, atomic_write_bytes

FILE = "patterns.marshal"
DEBUG = int(re.DEBUG)


def interpreter() -> str:
    """The folder of this interpreter's records (see the module)."""
    _sre = _compiler._sre
    about = f"{sys.version}\0{sys.implementation.cache_tag}\0{_sre.MAGIC}\0{_sre.CODESIZE}"
    return hashlib.sha256(about.encode()).hexdigest()[:24]


@contextlib.contextmanager
def remembered(folder: Path | str | None):
    """Compile regular expressions through the record in `folder` while inside (see the
    module); nothing is recorded without a folder, or on an interpreter whose regex compiler
    is not CPython's."""
    if folder is None or not hasattr(_compiler, "_sre"):  # no CPython regex compiler
        yield
        return
    path = Path(folder) / interpreter() / FILE
    known = _load(path)
    seen: dict = {}
    _sre = _compiler._sre
    real_compile, real_sre_compile = _compiler.compile, _sre.compile
    asked: list = []  # the (pattern, flags) being compiled by real_compile

    def recording(pattern, *args):
        if asked and asked[-1][0] is pattern:
            seen[asked[-1]] = _plain(args)
        return real_sre_compile(pattern, *args)

    def compiling(p, flags=0):
        if not isinstance(p, (str, bytes)) or int(flags) & DEBUG:
            return real_compile(p, flags)
        key = (p, int(flags))
        args = known.get(key) or seen.get(key)
        if args is not None:
            seen[key] = args
            return real_sre_compile(p, *args)
        asked.append(key)
        try:
            return real_compile(p, flags)
        finally:
            asked.pop()

    _compiler.compile, _sre.compile = compiling, recording
    try:
        yield
    finally:
        _compiler.compile, _sre.compile = real_compile, real_sre_compile
        if seen.keys() != known.keys():
            _store(path, seen)


def _plain(args: tuple) -> tuple:
    """_sre.compile's arguments after the pattern as plain values marshal keeps: the flags
    and the code's opcodes are int subclasses."""
    flags, code, groups, groupindex, indexgroup = args
    return int(flags), [int(c) for c in code], int(groups), dict(groupindex), tuple(indexgroup)


def _load(path: Path) -> dict:
    try:
        data = path.read_bytes()
        if hashlib.sha256(data[32:]).digest() != data[:32]:
            return {}
        known = marshal.loads(data[32:])
    except (OSError, EOFError, ValueError, TypeError):  # absent or damaged: a miss
        return {}
    return known if isinstance(known, dict) else {}


def _store(path: Path, patterns: dict) -> None:
    data = marshal.dumps(patterns)
    try:
        atomic_write_bytes(path, hashlib.sha256(data).digest() + data, durable=False)
    except (OSError, OutputError):  # a record is only ever a shortcut
        pass
