"""Reading: article files in the seeds folder -> raw text rows.

Regular files only, known extensions only, size and binary checks; HTML pages are
reduced to their article text by trafilatura (markup never reaches the text), with what the
page states about the article (trustbrief.corpus.html).
"""

from __future__ import annotations

import errno
import fnmatch
import hashlib
import logging
import os
import stat
from pathlib import Path

import pandas as pd

from trustbrief.cleaning import clean_text
from trustbrief.corpus.html import article_from_html
from trustbrief.corpus.rules import CorpusRules

log = logging.getLogger("trustbrief")

RAW_COLUMNS = ["file", "sha256", "text", "encoding", "n_bytes"]



def html_to_text(markup: str) -> tuple[str, dict[str, str]]:
    """Article text of an HTML page (headline first, one block per line, no markup) and
    what the page states about it (url, published, updated, author, outlet, title): read by
    trafilatura and htmldate (trustbrief.corpus.html)."""
    return article_from_html(markup)


def _is_binary(data: bytes, share: float) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample.translate(None, _NOT_CONTROL))  # count by deleting the rest
    return controls > share * len(sample)


# bytes that are not control characters: printable ones and tab, newline, form feed, CR
_NOT_CONTROL = bytes([9, 10, 12, 13, *range(32, 256)])


UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _decode(data: bytes) -> tuple[str, str]:
    """(text, encoding); raises UnicodeDecodeError only for broken UTF-16."""
    if data.startswith(UTF16_BOMS):
        return data.decode("utf-16"), "utf-16"
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def _ignored(name: str, rules: CorpusRules) -> bool:
    lower = name.lower()
    return name.startswith(".") or any(fnmatch.fnmatchcase(lower, g) for g in rules.ignore_files)


def read_capped(path: Path, max_bytes: int) -> bytes | None:
    """The bytes of a regular file, or None when it holds more than `max_bytes`.

    Opened without following a symbolic link and checked on the open file (no race with a
    file swapped after listing); the cap counts the bytes actually read, so a file that
    reports size 0 (/proc) or grows while read cannot slip past it."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        chunks, total = [], 0
        while total <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    finally:
        os.close(fd)
    return None if total > max_bytes else b"".join(chunks)


def _read_one(path: Path, name: str, rules: CorpusRules) -> dict | None:
    suffix = path.suffix.lower()
    if suffix not in rules.text_extensions | rules.html_extensions:
        log.warning("%s: unknown file type %r - skipped", name, path.suffix or "(none)")
        return None
    data = read_capped(path, rules.limits["max_bytes"])
    if data is None:
        log.warning("%s: over the %d byte limit - skipped", name, rules.limits["max_bytes"])
        return None
    if not data.strip():
        log.warning("%s: empty file - skipped", name)
        return None
    utf16 = data.startswith(UTF16_BOMS)
    sample = data[:8192].decode("utf-16", errors="replace").encode() if utf16 else data
    if _is_binary(sample, rules.limits["binary_control_share"]):
        log.warning("%s: binary content (not text) - skipped", name)
        return None
    try:
        text, encoding = _decode(data)
    except UnicodeDecodeError:
        log.warning("%s: broken UTF-16 (binary?) - skipped", name)
        return None
    if encoding == "cp1252":
        log.warning("%s: not valid UTF-8 - decoded as cp1252", name)
    meta: dict[str, str] = {}
    if suffix in rules.html_extensions:
        text, meta = article_from_html(text)
        if not text.strip():
            log.warning("%s: no article text in the HTML - skipped", name)
            return None
    text = clean_text(text)  # control and bidi characters -> spaces (offsets unchanged)
    return {"file": name, "sha256": hashlib.sha256(data).hexdigest(), "text": text,
            "encoding": encoding, "n_bytes": len(data), "meta": meta}


def seed_files(seeds_dir: Path | str, rules: CorpusRules) -> list[Path]:
    """The files read as articles: regular files at the top level of seeds_dir, by name.

    Symbolic links (which could point at system files or outside the folder), folders,
    devices, pipes and sockets are never read; each is named in a warning. `make`'s seed
    signature lists the same files (top level, regular, not hidden)."""
    files = []
    for path in sorted(Path(seeds_dir).iterdir(), key=lambda p: p.name):
        if _ignored(path.name, rules):
            continue
        mode = path.lstat().st_mode
        if stat.S_ISREG(mode):
            files.append(path)
        elif stat.S_ISLNK(mode):
            log.warning("%s: a symbolic link - skipped (copy the article into the folder)",
                        path.name)
        elif stat.S_ISDIR(mode):
            log.warning("%s/: a folder - not read (articles go at the top level of %s)",
                        path.name, seeds_dir)
        else:
            log.warning("%s: not a regular file - skipped", path.name)
    return files


def read_seeds(seeds_dir: Path | str, rules: CorpusRules) -> pd.DataFrame:
    """Every readable article in seeds_dir (top level), sorted by file name."""
    seeds_dir = Path(seeds_dir)
    if not seeds_dir.is_dir():
        raise FileNotFoundError(f"{seeds_dir}: seeds folder not found")
    rows = []
    for path in seed_files(seeds_dir, rules):
        try:
            row = _read_one(path, path.name, rules)
        except OSError as exc:
            log.warning("%s: cannot be read (%s) - skipped", path.name, exc.strerror or exc)
            continue
        if row is not None:
            rows.append(row)
    return pd.DataFrame(rows, columns=[*RAW_COLUMNS, "meta"])
