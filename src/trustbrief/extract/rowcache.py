"""The extraction cache: each document's extracted rows, so a document is extracted once.

A cached run reads every unchanged document's actor, mention, claim, signal and time
expression rows from a file instead of extracting them again (and loads no spaCy pipeline
when every document is cached); one article added to a large corpus costs its own
extraction only.

Layout: FOLDER/<fingerprint>/<document key>.json.gz, JSON of plain values (gzip).
- The document key is the sha256 of the document's sentences as extraction sees them
  (doc_id, sent_id, text of each): a changed article, a changed sentence split or a
  renumbered document is a new key.
- The fingerprint is the sha256 of everything else extraction reads: the loaded knowledge
  (the Lexicons and the time vocabulary, i.e. every data file they were built from, world
  files and the story's actors included), the source of every trustbrief module extraction
  imports, and the name and version of the spaCy pipeline. Any change to one of them is a
  new folder: the rows are extracted again, and the folders of other fingerprints are
  deleted (`prune`), so the cache holds the current knowledge's rows only.
"""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import json
import re
import shutil
from collections.abc import Sequence
from pathlib import Path

from trustbrief.safe_files import atomic_write_bytes

FINGERPRINT_LENGTH = 24  # hex digits of the folder name
TABLES = 5  # actor, mention, claim, signal and time expression rows
CODE_ROOT = "trustbrief.extract"  # the modules extraction runs: this package and its imports


def fingerprint(lexicons, vocabulary, pipeline: str) -> str:
    """sha256 (hex, shortened) of the knowledge, code and pipeline extraction depends on."""
    digest = hashlib.sha256()
    for part in (canonical(lexicons), canonical(vocabulary), pipeline, code_digest()):
        digest.update(json.dumps(part, ensure_ascii=False, separators=(",", ":")).encode())
        digest.update(b"\0")
    return digest.hexdigest()[:FINGERPRINT_LENGTH]


def canonical(value):
    """`value` as nested lists of plain values, the same in every process: dataclass
    fields that take part in comparison (caches like Lexicons.readings do not), dicts and
    sets sorted, lists in their order, compiled regexes as pattern and flags. Anything else is a
    TypeError: knowledge extraction reads must be plain data to be fingerprinted."""
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
                    "dataclass) or teach extract.rowcache.canonical about it")


def code_digest(root: str = CODE_ROOT) -> str:
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


def _module_file(name: str) -> Path | None:
    base = Path(__file__).resolve().parents[2].joinpath(*name.split("."))
    for path in (base / "__init__.py", base.with_suffix(".py")):
        if path.is_file():
            return path
    return None


IMPORT = re.compile(r"^[ \t]*(?:import[ \t]+([\w.]+)|from[ \t]+([\w.]+)[ \t]+import[ \t]+"
                    r"(\([^)]*\)|[^\n]*))", re.MULTILINE)


def _imports(path: Path) -> list[str]:
    """Modules named by the file's import statements (a text scan, ten times faster than
    the ast; an import quoted in a docstring only adds a module to the digest)."""
    names = []
    for module, source, imported in IMPORT.findall(path.read_text(encoding="utf-8")):
        if module:
            names.append(module)
            continue
        names.append(source)
        words = re.sub(r"#[^\n]*", "", imported)
        names += [f"{source}.{w}" for w in re.findall(r"\w+", words) if w != "as"]
    return names


def document_key(records: Sequence[dict]) -> str:
    """sha256 of a document's sentences (doc_id, sent_id, text of each, in order)."""
    digest = hashlib.sha256()
    for r in records:
        digest.update(f"{r['doc_id']}\0{r['sent_id']}\0{r['text']}\0".encode())
    return digest.hexdigest()


class RowCache:
    """Rows of documents by document key, in FOLDER/<fingerprint>/ (see the module)."""

    def __init__(self, folder: Path | str, fingerprint: str):
        self.root = Path(folder)
        self.folder = self.root / fingerprint

    def read(self, key: str) -> tuple[list, ...] | None:
        """The document's rows (five lists), or None when not cached (or unreadable)."""
        try:
            data = (self.folder / f"{key}.json.gz").read_bytes()
        except FileNotFoundError:
            return None
        try:
            rows = json.loads(gzip.decompress(data))
        except (OSError, EOFError, ValueError):  # a damaged file is only a cache miss
            return None
        return tuple(rows) if isinstance(rows, list) and len(rows) == TABLES else None

    def write(self, key: str, rows: Sequence[list]) -> None:
        """Atomically (a crash never leaves half a file where a cache is read). Rows must
        hold plain JSON values, so that reading gives back exactly what was written."""
        for table in rows:
            for row in table:
                _check_plain(row)
        data = gzip.compress(json.dumps(list(rows), ensure_ascii=False,
                                        separators=(",", ":")).encode(), compresslevel=1,
                             mtime=0)
        atomic_write_bytes(self.folder / f"{key}.json.gz", data, durable=False)

    def prune(self) -> None:
        """Delete the folders of other fingerprints (rows of knowledge no longer used)."""
        if not self.root.is_dir():
            return
        for other in self.root.iterdir():
            if other != self.folder and other.is_dir() and _is_fingerprint(other.name):
                shutil.rmtree(other, ignore_errors=True)


def _is_fingerprint(name: str) -> bool:
    return len(name) == FINGERPRINT_LENGTH and all(c in "0123456789abcdef" for c in name)


def _check_plain(row: dict) -> None:
    for field, value in row.items():
        if not _plain(value):
            raise TypeError(f"extraction row field {field!r} holds a {type(value).__name__}: "
                            "the extraction cache keeps JSON values only (str, number, bool, "
                            "None, list)")


def _plain(value) -> bool:
    if value is None or isinstance(value, (str, bool, int, float)):
        return True
    return isinstance(value, list) and all(_plain(v) for v in value)
