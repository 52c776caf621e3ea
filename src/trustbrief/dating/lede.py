"""Where an article's news starts: the depth of each sentence in the body's lede.

A saved article opens with whatever its page put first: a headline, a standfirst, a photo
caption and its credit line, a byline. The day's news is in the first sentences of the BODY,
so rules about 'the lede' count body sentences, not lines: a line without sentence-final
punctuation (a headline, '(Agency Photo/...)'), a line of a few words, a repeat of an earlier
line (a caption printed twice) or an archive photo's caption ('FILE - ...') does not move
the lede down; an archive caption is never in the lede (its date is the photo's).
"""

from __future__ import annotations

import re

import pandas as pd

from trustbrief.contract.ids import sentence_number

# a sentence of the body ends with sentence punctuation, maybe inside a closing quote
SENTENCE_END = re.compile(r"[.!?][\"'”’»)\]]*$")
MIN_BODY_WORDS = 5  # 'PORTVIEW, July 31. /AGENCY/.' is a dateline, not the lede
# Agencies mark the caption of an archive photo 'FILE - ...' (or 'FILE PHOTO: ...'): its date
# is the photo's, months or years old, never the day's news.
FILE_PHOTO = re.compile(r"^\(?FILE(?:\s+PHOTO)?\b\s*[-–—:)]")
OUTSIDE_LEDE = 1_000_000  # the depth of an archive caption: deeper than any lede


def is_body_sentence(text: str) -> bool:
    return _is_flat_body(" ".join(str(text or "").split()))


# what may close a sentence after its punctuation (SENTENCE_END)
_CLOSERS = "\"'”’»)]"


def _is_flat_body(flat: str) -> bool:
    """is_body_sentence of a text whose words are joined by single spaces: SENTENCE_END
    read as a strip of closers (a regex search tries every position) and the words counted
    by their spaces (lede_depths reads every sentence of the corpus)."""
    return flat.rstrip(_CLOSERS).endswith((".", "!", "?")) \
        and flat.count(" ") + 1 >= MIN_BODY_WORDS and not FILE_PHOTO.match(flat)


def lede_depths(sentences: pd.DataFrame | None) -> dict[tuple[str, str], int]:
    """(doc_id, sent_id) -> 1 + the number of distinct body sentences before it: headline
    lines before the first body sentence and the first body sentence are at depth 1, the
    second body sentence at 2. Empty without a sentences table."""
    if sentences is None or sentences.empty or "text" not in sentences:
        return {}
    out: dict[tuple[str, str], int] = {}
    order = ["doc_id", "start"] if "start" in sentences else ["doc_id", "sent_id"]
    ordered = sentences.sort_values(order, kind="stable")
    current, before, seen = None, 0, set()
    for doc_id, sent_id, text in zip(ordered["doc_id"].tolist(), ordered["sent_id"].tolist(),
                                     ordered["text"].tolist(), strict=True):
        if doc_id != current:
            current, before, seen = doc_id, 0, set()
        flat = " ".join(str(text or "").split())
        out[(doc_id, sent_id)] = OUTSIDE_LEDE if FILE_PHOTO.match(flat) else before + 1
        if _is_flat_body(flat) and flat not in seen:
            before += 1
        seen.add(flat)
    return out


def depth(doc_id: str, sent_id: str, depths: dict[tuple[str, str], int]) -> int | None:
    """The sentence's lede depth; its number in the article when the depths are unknown."""
    found = depths.get((doc_id, sent_id))
    return found if found is not None else sentence_number(sent_id)


# A first body sentence that frames the news by a week or more ('Regional tensions escalated
# further this week', 'in recent days', 'earlier this month') opens a roundup or a follow-up
# of others' reports: a weekday below it ('X and Y spoke by phone Thursday') is
# one event of the period, maybe days before the article, not the day's news.
PERIOD_PREFIXES = ("relw:", "relm:", "rng:")


def _looks_back_over_a_period(spec: str) -> bool:
    """'this week', 'last week', 'earlier this month', 'in recent days' (not 'next week',
    'later this week', 'in the coming days')."""
    parts = str(spec).split(":")
    if not str(spec).startswith(PERIOD_PREFIXES) or len(parts) < 2:
        return False
    offsets = [int(p) for p in parts[1:3] if p.lstrip("-").isdigit()]
    return bool(offsets) and max(offsets) <= 0 and "after" not in parts


def roundups(times: list[dict], depths: dict[tuple[str, str], int]) -> set[str]:
    """The documents whose first body sentence looks back over a period (see above)."""
    return {t["doc_id"] for t in times
            if depth(t["doc_id"], t["sent_id"], depths) == 1
            and _looks_back_over_a_period(t["spec"])}

