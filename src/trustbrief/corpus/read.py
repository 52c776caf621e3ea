"""Reading: article files in the seeds folder -> raw text rows.

Regular files only, known extensions only, size and binary checks; HTML pages are
reduced to their visible article text (markup never reaches the text) and what their
<meta>/<link> tags state.
"""

from __future__ import annotations

import fnmatch
import hashlib
import logging
import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd

from trustbrief.corpus.rules import CorpusRules

log = logging.getLogger("trustbrief")

RAW_COLUMNS = ["file", "sha256", "text", "encoding", "n_bytes"]



class _ArticleText(HTMLParser):
    """Collects visible text; drops script/style/nav...; notes container membership."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "param", "source", "track", "wbr"}

    def __init__(self, rules: CorpusRules):
        super().__init__(convert_charrefs=True)
        self.rules = rules
        self.skip = 0
        self.open: dict[str, int] = {c: 0 for c in rules.containers}
        self.seen: set[str] = set()
        self.chunks: list[tuple[str, frozenset[str]]] = []
        self.in_h1 = 0
        self.h1: list[str] = []
        self.meta: dict[str, str] = {}

    def _note_meta(self, tag: str, attrs: dict) -> None:
        """Keep the first URL, date and author the page's <meta>/<link> tags state."""
        if tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "")
            value = attrs.get("content") or ""
        elif tag == "link":
            key, value = attrs.get("rel") or "", attrs.get("href") or ""
        else:
            return
        key, value = key.strip().lower(), value.strip()
        for field_name, keys in self.rules.html_meta.items():
            if key in keys and value and field_name not in self.meta:
                if field_name == "author" and value.startswith(("http:", "https:")):
                    continue
                self.meta[field_name] = f"{key}={value}" if field_name == "published" else value

    def _inside(self) -> frozenset[str]:
        return frozenset(c for c, n in self.open.items() if n > 0)

    def handle_starttag(self, tag, attrs):
        self._note_meta(tag, dict(attrs))
        if tag in self.rules.drop_tags and tag not in self.VOID:
            self.skip += 1
        if tag in self.open and tag not in self.VOID:
            self.open[tag] += 1
            self.seen.add(tag)
        if tag == "h1":
            self.in_h1 += 1
        if tag in self.rules.block_tags:
            self.chunks.append(("\n", self._inside()))

    def handle_startendtag(self, tag, attrs):
        self._note_meta(tag, dict(attrs))
        if tag in self.rules.block_tags:
            self.chunks.append(("\n", self._inside()))

    def handle_endtag(self, tag):
        if tag in self.rules.block_tags:
            self.chunks.append(("\n", self._inside()))
        if tag in self.rules.drop_tags and self.skip:
            self.skip -= 1
        if tag in self.open and self.open[tag]:
            self.open[tag] -= 1
        if tag == "h1" and self.in_h1:
            self.in_h1 -= 1
            self.h1.append("\n")

    def handle_data(self, data):
        if self.skip:
            return
        # Entities are decoded by now; drop anything that still looks like a tag.
        data = re.sub(r"</?[A-Za-z!][^>]*>", " ", data)
        if self.in_h1:
            self.h1.append(data)
        self.chunks.append((data, self._inside()))

    def article_text(self) -> str:
        container = next((c for c in self.rules.containers if c in self.seen), None)
        parts = [t for t, inside in self.chunks if container is None or container in inside]
        text = _tidy_lines("".join(parts))
        headline = _tidy_lines("".join(self.h1)).split("\n")[0]
        if headline and headline not in text:
            text = f"{headline}\n{text}" if text else headline
        return text


def _tidy_lines(text: str) -> str:
    lines = (re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def html_to_text(markup: str, rules: CorpusRules) -> tuple[str, dict[str, str]]:
    """Visible article text of an HTML page (one block per line, no markup) and what its
    <meta>/<link> tags state (url, published as 'key=value', author)."""
    parser = _ArticleText(rules)
    parser.feed(markup)
    parser.close()
    return parser.article_text(), dict(parser.meta)


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


def _read_one(path: Path, name: str, rules: CorpusRules) -> dict | None:
    suffix = path.suffix.lower()
    if suffix not in rules.text_extensions | rules.html_extensions:
        log.warning("%s: unknown file type %r - skipped", name, path.suffix or "(none)")
        return None
    size = path.stat().st_size
    if size > rules.limits["max_bytes"]:
        log.warning("%s: %d bytes is over the %d byte limit - skipped", name, size,
                    rules.limits["max_bytes"])
        return None
    data = path.read_bytes()
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
        text, meta = html_to_text(text, rules)
        if not text.strip():
            log.warning("%s: no article text in the HTML - skipped", name)
            return None
    return {"file": name, "sha256": hashlib.sha256(data).hexdigest(), "text": text,
            "encoding": encoding, "n_bytes": len(data), "meta": meta}


def read_seeds(seeds_dir: Path | str, rules: CorpusRules) -> pd.DataFrame:
    """Every readable article in seeds_dir (top level), sorted by file name."""
    seeds_dir = Path(seeds_dir)
    if not seeds_dir.is_dir():
        raise FileNotFoundError(f"{seeds_dir}: seeds folder not found")
    rows = []
    for path in sorted(seeds_dir.iterdir(), key=lambda p: p.name):
        if _ignored(path.name, rules) or not path.is_file():
            continue
        try:
            row = _read_one(path, path.name, rules)
        except OSError as exc:
            log.warning("%s: cannot be read (%s) - skipped", path.name, exc.strerror or exc)
            continue
        if row is not None:
            rows.append(row)
    return pd.DataFrame(rows, columns=[*RAW_COLUMNS, "meta"])
