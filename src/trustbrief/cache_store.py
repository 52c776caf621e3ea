"""One store for the stage caches (corpus records, extraction rows): gzip JSON files under
FOLDER/<fingerprint>/<key>.json.gz.

A cache is only ever a shortcut, so a missing, damaged or half-read file is a miss, never an
error; files are written atomically but without fsync (a file lost in a crash is a miss);
and `prune` deletes the folders of other fingerprints, so the store holds the current
knowledge's entries only. What a key and a fingerprint are made of is each cache's own.
"""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

from trustbrief.fingerprints import is_fingerprint
from trustbrief.safe_files import atomic_write_bytes


class JsonCacheStore:
    """JSON values by key in FOLDER/<fingerprint>/ (see the module)."""

    def __init__(self, folder: Path | str, fingerprint: str):
        self.root = Path(folder)
        self.folder = self.root / fingerprint

    def load(self, key: str):
        """The value stored under `key`, or None when absent or unreadable."""
        try:
            return json.loads(gzip.decompress((self.folder / f"{key}.json.gz").read_bytes()))
        except (OSError, EOFError, ValueError):  # absent or damaged: a miss
            return None

    def store(self, key: str, value) -> None:
        data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
        atomic_write_bytes(self.folder / f"{key}.json.gz",
                           gzip.compress(data, compresslevel=1, mtime=0), durable=False)

    def prune(self) -> None:
        """Delete the folders of other fingerprints (entries of knowledge no longer used)."""
        if not self.root.is_dir():
            return
        for other in self.root.iterdir():
            if other != self.folder and other.is_dir() and is_fingerprint(other.name):
                shutil.rmtree(other, ignore_errors=True)
