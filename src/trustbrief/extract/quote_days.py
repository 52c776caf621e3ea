"""A quote takes the day of the sentence that tells it.

News writing tells a statement first, with its day, and gives its words after: 'On Wednesday,
the Chadian foreign ministry issued a statement ...' then '"...," the statement read';
'On Tuesday, A-land reiterated its commitment ...' then '"Our commitment ...,"
said the council's spokesperson'. The quoted sentence names no day of its own, but its words
were said on the day the telling sentence gives. A statement mention made from such a quote
(statements.py) with no day of its own takes that day: the nearest sentence before it, at
most QUOTE_REACH sentences back, through claims of the same side only (another side's claim,
or a sentence that is no claim, ends the telling, unless the side's actor is the subject of
its main verb with a paper or an utterance as object: 'the ministry issued a statement',
'Doe delivered a tough message Wednesday in remarks to ...'), whose day modifies its
main verb (the sentence's root: 'On Wednesday, X issued a statement', never 'X said A-land
struck on Friday', where the day is the strike's, nor 'X's comments at a briefing Monday').
The mention's rule gains '/told-day' and its time_id is the telling sentence's time
expression, so its date is that expression's, resolved like any other. A sentence the parse
plan left unparsed tells nothing (no tree, no telling which verb a day belongs to).
"""

from __future__ import annotations

from trustbrief.extract.claims import quotes_speech
from trustbrief.extract.lexicons import MEASURE_KINDS, Lexicons
from trustbrief.extract.speech_verbs import UTTERANCES
from trustbrief.extract.statements import DAY_SPECS, statement_type

QUOTE_REACH = 2
TOLD_DAY_RULE = "/told-day"  # events/records.py reads it (a quote's evidence shows no date)


def date_told_quotes(rows: list[dict], claims: dict[int, dict], records: list[dict],
                     parses: list, hits: list, times: dict, lex: Lexicons) -> None:
    """Give each undated statement mention of `rows` made from a quote (the sentence's claim,
    `claims[n]` for records[n], quotes someone or closes a quote) the day of the sentence
    that tells it, in place. `hits`: each sentence's actor hits; `times`: sent_id -> that
    sentence's time expressions."""
    etype = statement_type(lex)
    if etype is None:
        return
    number = {r["sent_id"]: n for n, r in enumerate(records)}
    for row in rows:
        if row["event_type"] != etype.id or row["time_id"] or \
                not row["rule"].startswith(f"{etype.id}/claim/"):
            continue
        n = number.get(row["sent_id"])
        claim = claims.get(n) if n is not None else None
        if claim is None or not quotes_speech(claim):
            continue
        day = _telling_day(n, claim, claims, records, parses, hits, times, lex)
        if day is not None:
            row.update(time_id=day["time_id"], time_text=day["text"], date_basis="unresolved",
                       rule=row["rule"] + TOLD_DAY_RULE)


def _telling_day(n: int, claim: dict, claims: dict[int, dict], records: list[dict],
                 parses: list, hits: list, times: dict, lex: Lexicons) -> dict | None:
    side = claim.get("speaker_side") or ""
    if not side or side == "media":
        return None
    for k in range(n - 1, max(-1, n - 1 - QUOTE_REACH), -1):
        other = claims.get(k)
        if other is not None and (other.get("speaker_side") or "") != side:
            return None
        if other is None and not _side_delivers(parses[k], hits[k], side, lex):
            return None
        day = _main_verb_day(parses[k], records[k]["text"], times.get(records[k]["sent_id"], []),
                             (other or {}).get("quote") or "")
        if day is not None:
            return day
    return None


def _side_delivers(parsed, hits, side: str, lex: Lexicons) -> bool:
    """A sentence with no verb of saying that still tells speech of `side`: its main verb's
    subject is an actor of the side and its object is a paper or an utterance ('On Wednesday,
    the ministry issued a statement', 'Doe delivered a tough message Wednesday')."""
    if parsed is None:
        return False
    root = next((t for t in parsed if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    said = lex.syntax.document_nouns | UTTERANCES
    subject = any(c.dep_ == "nsubj" and any(h.start <= c.idx < h.end and side in h.sides
                                            for h in hits) for c in root.children)
    return subject and any(c.dep_ == "dobj" and c.lemma_.lower() in said
                           for c in root.children)


def _main_verb_day(parsed, text: str, times: list[dict], quote: str) -> dict | None:
    """The sentence's first day expression outside its quoted words whose nearest verb is the
    sentence's root; None without a parse (no tree, no telling which verb a day belongs to)."""
    if parsed is None:
        return None
    quoted = (text.find(quote), text.find(quote) + len(quote)) if quote and quote in text \
        else (-1, -1)
    for t in sorted(times, key=lambda t: t["start"]):
        if t["kind"] in MEASURE_KINDS or quoted[0] <= t["start"] < quoted[1] or \
                not str(t.get("spec") or "").startswith(DAY_SPECS):
            continue
        span = parsed.char_span(t["start"], t["end"], alignment_mode="expand")
        if span is not None and len(span) and _on_root(span.root):
            return t
    return None


def _on_root(token) -> bool:
    """The day modifies the sentence's main verb itself ('told reporters Wednesday', 'On
    Tuesday, X reiterated'), not a noun ('comments at a briefing Monday') or a clause."""
    head = token.head
    if head.dep_ == "prep":  # 'on Wednesday'
        head = head.head
    return head.dep_ == "ROOT" and head.i != token.i and head.pos_ in ("VERB", "AUX")
