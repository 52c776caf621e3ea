"""The row ids the contract's tables share: a sentence is '<doc_id>-s<NNN>', numbered from 1
in reading order (the sentences table's primary key). Made and read here only, so every stage
agrees on the shape."""

from __future__ import annotations

import re

_SENTENCE_NUMBER = re.compile(r"-s(\d+)$")


def sentence_id(doc_id: str, number: int) -> str:
    """'d3726a145ab', 3 -> 'd3726a145ab-s003'."""
    return f"{doc_id}-s{number:03d}"


def sentence_number(sent_id: str) -> int | None:
    """The sentence's number in its document ('d1-s003' -> 3); None for another shape."""
    found = _SENTENCE_NUMBER.search(str(sent_id))
    return int(found.group(1)) if found else None
