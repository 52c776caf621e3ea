"""Statements made by a quote whose speaker only a neighbouring sentence names.

A quote runs over several sentences ('"... failed," X said.' then '"Our attack on Y will be
...'): the speaker of the sentences with no verb of saying is known only once the document's
claims are read (continue_quotes, speaker_rule 'quote-continuation'), after the
sentence's mentions were made. Such a sentence is given its statement then, from the inputs
it had (its mentions and the mentions told before it), and its mention rows are made again.
"""

from __future__ import annotations

from dataclasses import dataclass

from trustbrief.extract.claims import quotes_speech
from trustbrief.extract.phrases import with_phrases
from trustbrief.extract.statements import statement
from trustbrief.extract.windows import sentence_mention_rows

CONTINUED = "quote-continuation"
SPEAKER_FIELDS = ("speaker", "speaker_type", "speaker_count", "speaker_side", "speaker_role")
THREAT = "/threat"  # the rule of a vow (vows.py)


@dataclass
class Waiting:
    """A sentence whose quote had no speaker when its mentions were made."""

    sent: dict
    hits: list
    found: list
    parsed: object
    told: int  # how many of the document's mentions were told before it
    rows: int  # where its rows start in the document's mention rows
    count: int  # how many rows it has


def continue_quotes(claims: dict[int, dict]) -> None:
    """A quote with no speaker in its sentence continues the quote of the sentence right
    after it ('"... .' / '"...," she said.') or, failing that, right before it: it takes
    that speaker (speaker_rule 'quote-continuation'). Only a quote that opens the sentence or
    is left open at its end runs across sentences; one inside the sentence ('pinned their
    hopes on a "bridging proposal" aimed at ...') is the sentence's own words."""
    for n, claim in claims.items():
        if claim["speaker_type"] != "unattributed" or not claim["quote"]:
            continue
        if not _quote_at_edge(claim.get("text") or ""):
            continue
        for other in (claims.get(n + 1), claims.get(n - 1)):
            if other and quotes_speech(other) and other["speaker_type"] != "unattributed" \
                    and other["speaker_rule"] != CONTINUED:
                claim.update({f: other[f] for f in SPEAKER_FIELDS}, speaker_rule=CONTINUED)
                break


OPENING_QUOTES = ('"', "“", "‘", "«")
LEADING_MARKS = " \t•·-–—*>"  # a bullet or dash before the quote that opens an item


def _quote_at_edge(text: str) -> bool:
    """Does a quote open the sentence, or stay open at its end (an odd count of marks)?"""
    if text.lstrip(LEADING_MARKS).startswith(OPENING_QUOTES):
        return True
    return text.count('"') % 2 == 1 or text.count("“") != text.count("”")


def waiting(claim: dict | None) -> bool:
    """A claim whose quote may yet take a neighbour's speaker."""
    return claim is not None and claim["speaker_type"] == "unattributed" and \
        bool(claim["quote"]) and _quote_at_edge(claim.get("text") or "")


def add_continued_statements(rows: list[dict], pending: dict[int, Waiting],
                             claims: dict[int, dict], told: list[dict], times: dict,
                             lex) -> list[dict]:
    """The document's mention rows with the statement of each pending sentence whose quote
    took a speaker (`claims` after the continuation; `times`: sent_id -> time expressions)."""
    out, at = [], 0
    for n, w in sorted(pending.items(), key=lambda item: item[1].rows):
        claim = claims.get(n)
        if claim is None or claim.get("speaker_rule") != CONTINUED:
            continue
        sent_times = times.get(w.sent["sent_id"], [])
        said = statement(w.sent, claim, w.hits, sent_times, w.found, lex, w.parsed,
                         told[:w.told])
        if said is None:
            continue
        out += rows[at:w.rows]
        made = with_phrases(sentence_mention_rows(w.sent, w.found + [said], lex), w.parsed,
                            sent_times)
        for row in made[len(w.found):]:
            if THREAT in row["rule"]:  # its word is the vowed act's: no phrase of the threat
                row["phrase"] = ""
        out += made
        at = w.rows + w.count
    return out + rows[at:]
