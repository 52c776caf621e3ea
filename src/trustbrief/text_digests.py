"""One digest of each document's sentence texts, made once a run and read by the memos that
key a document by its texts (trustbrief.titled_memo, trustbrief.dating.readings): at 10,000
articles hashing the corpus's 16 MB of text costs about 0.05 s, once instead of twice.

A digest is the sha1 (hex) of the document's sentence texts joined by NUL, in their order.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Sequence


def document_digests(doc_ids: Sequence[str], texts: Sequence[str]) -> dict[str, str] | None:
    """doc_id -> the digest of its texts (see the module); None when a document's sentences
    are not all together (each memo then reads such a corpus its own way)."""
    doc_ids, texts = _listed(doc_ids), _listed(texts)
    out: dict[str, str] = {}
    first = 0
    for doc_id, rows in itertools.groupby(doc_ids):
        last = first + sum(1 for _ in rows)
        if doc_id in out or not isinstance(doc_id, str):
            return None
        out[doc_id] = digest(texts[first:last])
        first = last
    return out


def digest(texts: Sequence[str]) -> str:
    """The digest of one document's texts, in order."""
    return hashlib.sha1("\0".join(map(str, texts)).encode("utf-8")).hexdigest()


def _listed(values: Sequence[str]) -> list:
    """A column's cells as a list (a pandas text column gives each cell through a Python
    call when iterated)."""
    return values.tolist() if hasattr(values, "tolist") else list(values)
