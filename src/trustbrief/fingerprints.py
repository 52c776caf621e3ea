"""Fingerprints of what a cache's content depends on: knowledge as plain data, and the source
code of the modules that compute it (extract.rowcache, corpus.recordcache).

A cache folder is named by such a fingerprint, so a changed data file or a changed module
makes a new folder (everything computed again) and the old ones are deleted.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
from pathlib import Path

FINGERPRINT_LENGTH = 24  # hex digits of a cache folder's name


def digest(*parts) -> str:
    """sha256 (hex, shortened) of JSON values."""
    found = hashlib.sha256()
    for part in parts:
        found.update(json.dumps(part, ensure_ascii=False, separators=(",", ":")).encode())
        found.update(b"\0")
    return found.hexdigest()[:FINGERPRINT_LENGTH]


def is_fingerprint(name: str) -> bool:
    return len(name) == FINGERPRINT_LENGTH and all(c in "0123456789abcdef" for c in name)


def canonical(value):
    """`value` as nested lists of plain values, the same in every process: dataclass
    fields that take part in comparison (caches like Lexicons.readings do not), dicts and
    sets sorted, lists in their order, compiled regexes as pattern and flags. Anything else is a
    TypeError: the knowledge a cache depends on must be plain data to be fingerprinted."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, re.Pattern):
        return ["re", value.pattern, value.flags]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [type(value).__name__, *([f.name, canonical(getattr(value, f.name))]
                                        for f in dataclasses.fields(value) if f.compare)]
    if isinstance(value, dict):  # sorted: some are built from sets, in a per-process order
        return ["dict", *sorted(([canonical(k), canonical(v)] for k, v in value.items()),
                                key=lambda item: json.dumps(item[0]))]
    if isinstance(value, (list, tuple)):
        return ["list", *(canonical(v) for v in value)]
    if isinstance(value, (set, frozenset)):
        return ["set", *sorted((canonical(v) for v in value), key=json.dumps)]
    raise TypeError(f"cannot fingerprint a {type(value).__name__} in the extraction "
                    "knowledge: keep it plain data (str, number, list, dict, set, regex, "
                    "dataclass) or teach trustbrief.fingerprints.canonical about it")


def code_digest(root: str) -> str:
    """sha256 of the source of `root` and of every trustbrief module it imports, directly
    or not (found by reading the import statements, so the set is the same in every
    process whatever else it imported)."""
    digest = hashlib.sha256()
    for name, path in sorted(_imported_modules(root).items()):
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _imported_modules(root: str) -> dict[str, Path]:
    package = root.split(".")[0]
    found: dict[str, Path] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        if name in found:
            continue
        path = _module_file(name)
        if path is None:  # a name imported from a module, not a module
            continue
        found[name] = path
        parts = name.split(".")
        todo += [".".join(parts[:k]) for k in range(1, len(parts))]  # parents run first
        todo += [n for n in _imports(path) if n == package or n.startswith(package + ".")]
    return found


SOURCES = str(Path(__file__).resolve().parents[1])  # the folder of the trustbrief package


def _module_file(name: str) -> Path | None:
    base = os.path.join(SOURCES, *name.split("."))  # os.path: pathlib's objects cost 5x
    for path in (os.path.join(base, "__init__.py"), base + ".py"):
        if os.path.isfile(path):
            return Path(path)
    return None


IMPORT = re.compile(r"^[ \t]*(?:import[ \t]+([\w.]+)|from[ \t]+([\w.]+)[ \t]+import[ \t]+"
                    r"(\([^)]*\)|[^\n]*))", re.MULTILINE)


_SCANNED: dict[str, tuple[str, list[str]]] = {}  # file -> (its text, its imports) as read


def _imports(path: Path) -> list[str]:
    """Modules named by the file's import statements (a text scan, ten times faster than
    the ast; an import quoted in a docstring only adds a module to the digest). A file
    read before with the same text is not scanned again (the caches' digests share most
    of their modules)."""
    text = path.read_text(encoding="utf-8")
    known = _SCANNED.get(str(path))
    if known is not None and known[0] == text:
        return list(known[1])
    names = _scanned(text)
    _SCANNED[str(path)] = (text, names)
    return list(names)


def _scanned(text: str) -> list[str]:
    names = []
    for module, source, imported in IMPORT.findall(text):
        if module:
            names.append(module)
            continue
        names.append(source)
        words = re.sub(r"#[^\n]*", "", imported)
        names += [f"{source}.{w}" for w in re.findall(r"\w+", words) if w != "as"]
    return names
