"""DOC signals"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from trustbrief.contract.vocab import Polarity
from trustbrief.extract.actors import Hit
from trustbrief.extract.claims import quote_matches
from trustbrief.extract.lexicons import Cue, Lexicons
from trustbrief.extract.windows import clause_of, sentence_clauses

MUTUAL_AFTER = re.compile(r"^\W*(?:\w+\W+){0,4}?between\b", re.I)
ADJACENT_GAP = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+)?")
# between an actor and a cue verb: the actor ends an earlier verb's phrase ('and opposed')
COORDINATED_GAP = re.compile(r",?\s+(?:and|but|then|and then)\s+", re.I)
# a clause that opens with the speaker's own 'we' or 'I'
FIRST_PERSON = re.compile(r"\W*(?:we|i)\b", re.I)


def _majority_side(doc_sides: Counter, exclude: str) -> str:
    ranked = sorted(((-n, s) for s, n in doc_sides.items()
                     if s not in (exclude, "media", "other") and n))
    return ranked[0][1] if ranked else ""


@dataclass(slots=True)
class _CueContext:
    """What the direction of one cue is read from."""

    text: str
    start: int
    end: int
    clause: tuple
    hits: list  # actors with a side, media excluded, attack targets and places excluded
    all_hits: list
    speaker_side: str
    doc_sides: Counter
    principal: tuple  # the document's two most frequent sides
    quote: tuple | None  # (start, end) of the direct quote holding the cue


def _first_side(hits, not_side="") -> str:
    return next((h.side for h in hits if h.side != not_side), "")


def _right_before(pattern, text: str, hit: Hit) -> bool:
    """The pattern (a data/trust_cues.yaml '..._before', optional) ends right before the hit."""
    return pattern is not None and bool(pattern.search(text, max(0, hit.start - 20), hit.start))


def _one_side(cue: Cue, ctx: _CueContext, lex: Lexicons) -> str:
    """The side of an act whose parties are all on one side: the cue's clause names a doer
    before the cue and at least one other actor, all of one side ('X vetoed
    Y's visit', 'Y postponed his trip after X vetoed it at the last
    moment'). Distrust between two sides needs both in it, so the document's other side is
    not made up for such a cue; a quoted speaker's own words are read as before."""
    if ctx.quote or (cue.notice and cue.experiencer != "after"):
        return ""  # 'the US got no advance warning': the one who gave none is implied
    in_clause = [h for h in ctx.all_hits if ctx.clause[0] <= h.start < ctx.clause[1]
                 and h.sides and h.side != "media"
                 and not _right_before(lex.not_party_before, ctx.text, h)]
    before = [h for h in in_clause if h.end <= ctx.start]
    if not before:
        return ""  # no doer named before the cue
    # the doer is the nearest actor before the cue ('X's anger at', 'Paris launched a
    # coordinated'), but one joined to it by a bare 'and' was the object of an earlier verb
    # ('X wished to speak with Z and opposed Y's visit': X opposed): then the clause's
    # first actor; with whom the act is done to when the clause names someone after the cue
    doer = before[0] if COORDINATED_GAP.fullmatch(ctx.text, before[-1].end, ctx.start) \
        else before[-1]
    after = [h for h in in_clause if h.start >= ctx.end]
    parties = [doer] + after if after else in_clause
    # two mentions of one side: the doer and another party ('the Chadian president vetoed
    # the Chadian minister's trip' names one actor, Chad, twice without a story's people)
    sides = {s for h in parties for s in h.sides}
    return next(iter(sides)) if len(sides) == 1 and len(parties) >= 2 else ""


def _direction(cue: Cue, ctx: _CueContext, lex: Lexicons) -> str:
    """'A->B': A (the experiencer) distrusts / is surprised by / is angry with B; 'A->A'
    for an act inside side A (see _one_side), which is no reading between two sides."""
    text, start, end = ctx.text, ctx.start, ctx.end
    own = _one_side(cue, ctx, lex)
    if own:
        return f"{own}->{own}"
    if not ctx.hits and not ctx.speaker_side and not ctx.quote and \
            not MUTUAL_AFTER.match(text[end:end + 50]):
        # 'The distrust behind it has not gone away': a writer's sentence that names no side
        # and no speaker says nothing of who distrusts whom (the document's sides would be a
        # guess); a quote's speaker and 'the strain between the countries' still say
        return _arrow("", "", cue.mutual)
    in_clause = [h for h in ctx.hits if ctx.clause[0] <= h.start < ctx.clause[1]]
    after = [h for h in in_clause if h.start >= start]
    far_before = [h for h in reversed(ctx.hits) if h.end <= start and h.side in ctx.principal]
    if MUTUAL_AFTER.match(text[end:end + 50]):
        sides = list(dict.fromkeys(s for h in after for s in h.sides))
        if len(sides) >= 2:
            return "<->".join(sorted(sides[:2]))
    subject = in_clause[0] if in_clause and in_clause[0].end <= start else None
    if subject and len(set(subject.sides)) >= 2 and cue.experiencer == "subject":
        return "<->".join(sorted(set(subject.sides))[:2])
    fallback = [ctx.speaker_side] if ctx.speaker_side != "media" else []
    if ctx.quote and fallback and fallback[0]:
        # a quoted speaker talks about their own side: '"We were caught off guard," a US official'
        exp = fallback[0]
        quoted = [h for h in ctx.hits if ctx.quote[0] <= h.start < ctx.quote[1]]
        stim = _first_side(quoted, exp) or _majority_side(ctx.doc_sides, exp)
        return _arrow(exp, stim, cue.mutual)
    if cue.experiencer == "after":
        stim = _first_side(far_before[:1] or [subject] * bool(subject) or after)
        exp = _first_side(after, stim) or _first_side(
            [h for h in far_before if h.side], stim)
        exp = exp or next((s for s in fallback if s and s != stim), "")
        return _arrow(exp or _majority_side(ctx.doc_sides, stim), stim, cue.mutual)
    exp_hit = None
    inside = next((h for h in after if lex.experiencer_after.fullmatch(text, end, h.start)),
                  None) if cue.inside else None
    if inside is not None:
        exp_hit = inside
    elif cue.experiencer == "subject":
        last = [h for h in ctx.all_hits if h.end <= start][-1:]
        adjacent = last[0] if last and last[0] in ctx.hits and ADJACENT_GAP.fullmatch(
            text, last[0].end, start) else None
        exp_hit = adjacent or subject
    exp = exp_hit.side if exp_hit else ""
    stim = _first_side([h for h in after if h is not exp_hit], exp)
    if not exp and not ctx.speaker_side and FIRST_PERSON.match(text, ctx.clause[0]):
        # 'We firmly oppose any attempt to smear A-land's ...' of a speaker no one names (a
        # transcript's answer): who 'we' are is unknown, never the document's other side
        return _arrow("", stim, cue.mutual)
    if not exp:
        exp = (_first_side(far_before, stim) or next((s for s in fallback if s and s != stim), "")
               or _majority_side(ctx.doc_sides, stim))
    if not stim:
        stim = _first_side([subject] * bool(subject) + far_before, exp)
        stim = stim or _majority_side(ctx.doc_sides, exp)
    return _arrow(exp, stim, cue.mutual)


def _arrow(exp: str, stim: str, mutual: bool = False) -> str:
    if mutual and exp and stim:
        return "<->".join(sorted({exp, stim}))
    return f"{exp or '?'}->{stim or '?'}"


def _direction_hits(text, hits, found, lex) -> list[Hit]:
    """Actors that can be a side of a trust cue: not media, not what was attacked or where."""
    attacked = {a for f in found
                if lex.event_types[f["event_type"]].lane in ("operations", "third-party actions")
                for a in f["targets"] + f["locations"]}
    return [h for h in hits if h.sides and h.side != "media" and h.actors
            and attacked.isdisjoint(h.actors)
            and not _right_before(lex.not_stimulus_before, text, h)
            and not _right_before(lex.not_party_before, text, h)]


def sentence_signals(sent, hits, found, speaker_side, doc_sides, lex, clauses=None) -> list[dict]:
    text = sent["text"]
    cues = list(lex.cue_pattern.finditer(text))
    if not cues:
        return []
    clauses = sentence_clauses(text, lex) if clauses is None else clauses
    usable = _direction_hits(text, hits, found, lex)
    quotes = [m.span() for m in quote_matches(text)]
    principal = tuple(s for s, _ in sorted(
        ((s, n) for s, n in doc_sides.items() if s not in ("media", "other")),
        key=lambda sn: (-sn[1], sn[0]))[:2])
    rows = []
    for m in cues:
        cue = lex.cues[m.lastgroup]
        start, end = m.start(), m.end()
        clause = clause_of(start, clauses)
        negated = not cue.negative and bool(
            lex.negation.search(text[max(clause[0], start - 30):start]))
        weight = cue.weight
        scope = text[max(clause[0], start - 25):end]
        for pattern, factor in lex.intensifiers:
            if pattern.search(scope):
                weight *= factor
                break
        quote = next((q for q in quotes if q[0] <= start < q[1]), None)
        ctx = _CueContext(text, start, end, clause, usable, hits, speaker_side, doc_sides,
                          principal, quote)
        category, notice, rule, polarity = _conditional_notice(cue, text, clause[0], start, lex)
        rows.append({
            "signal_id": f"{sent['sent_id']}-g{len(rows) + 1}", "doc_id": sent["doc_id"],
            "sent_id": sent["sent_id"], "cue": m.group(), "category": category,
            "polarity": polarity, "direction": _direction(cue, ctx, lex),
            "negated": negated, "notice": notice, "weight": round(weight, 3),
            "text": text, "family": cue.family, "rule": rule})
    return rows


def _conditional_notice(cue: Cue, text: str, clause_start: int, start: int, lex: Lexicons
                        ) -> tuple[str, str, str, int]:
    """(category, notice, rule, polarity) of a cue: a notice cue in a conditional clause ('if
    the US is not given a heads-up, ...') states no notice that was given: it asks for notice."""
    if cue.notice and lex.cue_conditional is not None and \
            lex.cue_conditional.search(text, max(clause_start, start - 60), start):
        # asking for notice erodes trust as any transparency demand does, whatever the cue
        # says of notice given ('hope A-land will provide advance notice')
        return "transparency_demand", "", f"{cue.rule}+conditional", int(Polarity.ERODES)
    return cue.category, cue.notice, cue.rule, cue.polarity


# ---------------------------------------------------------------------- the stage
