"""Mentions that name one end of an act only, joined to the block where it is told whole.

Blocking by key participant (cluster.py) keys a mention by its main target, else its agent.
'Chad's missile attack' (no target) is keyed by Chad alone, and 'X's visit' (one participant)
by X alone: such a mention joins the block where the same agent acts on someone, or where X
meets someone, when that block is unambiguous (one candidate, or the one nearest in date).
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Mapping

from trustbrief.events.records import CREATING, Rec

SIDE_KEY = "side:"  # acting-block keys by an agent's side, beside those by the agent's name


def attach_targetless(blocks: dict[tuple[str, str], list[Rec]], kinds: Mapping[str, dict]
                       ) -> dict[tuple[str, str], list[Rec]]:
    """'Chad's missile attack' (no target) joins the block where Chad attacks someone, and
    'X's visit' (one participant) the block of X's contacts with someone, when
    that block is unambiguous (one candidate, or the one nearest in date)."""
    acting: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    dates: dict[tuple[str, str], list[int]] = defaultdict(list)
    for bkey, recs in blocks.items():
        if recs[0].group.symmetric and "+" in bkey[1]:
            if any(r.polarity in CREATING for r in recs):
                for person in bkey[1].split("+"):
                    acting[(bkey[0], person)].add(bkey)
        for r in recs:
            if not r.group.symmetric and r.agent and r.polarity in CREATING and r.main:
                acting[(r.group.name, r.agent)].add(bkey)
                if r.agent_side:
                    acting[(r.group.name, SIDE_KEY + r.agent_side)].add(bkey)
            if r.lo is not None:
                dates[bkey].append(r.lo)
    for days in dates.values():
        days.sort()
    out: dict[tuple[str, str], list[Rec]] = defaultdict(list)
    partners: dict = {}
    for bkey in sorted(blocks):
        for r in blocks[bkey]:
            out[_target_block(r, bkey, acting, dates, kinds, partners)].append(r)
    return out


def _target_block(r: Rec, bkey, acting, dates, kinds, partners: dict | None = None
                  ) -> tuple[str, str]:
    """partners: a cache of the best pairs per (block, actors named around the mention)."""
    if r.group.symmetric:
        if not bkey[1] or "+" in bkey[1]:
            return bkey
        named = _named_around(r, bkey[1], kinds)
        memo = (bkey, frozenset(named[1]))  # all the scores depend on
        candidates = partners.get(memo) if partners is not None else None
        if candidates is None:
            candidates = _best_pairs(r, bkey, acting, kinds, named)
            if partners is not None:
                partners[memo] = candidates
    elif not r.agent or r.main or r.outside:
        return bkey
    else:
        candidates = sorted(acting.get((r.group.name, r.agent), set()) - {bkey})
        if not candidates and r.agent_side:
            # 'the ambassador was summoned by the deputy foreign minister': an official of
            # a side that does this to one party only (in this group) acts for that side
            by_side = acting.get((r.group.name, SIDE_KEY + r.agent_side), set()) - {bkey}
            return next(iter(by_side)) if len(by_side) == 1 else bkey
    if len(candidates) == 1:
        return candidates[0]
    if not candidates or r.lo is None:
        return bkey
    near = [(_distance(dates.get(c, []), r.lo), c) for c in candidates]
    return min(near)[1] if min(near)[0] < 10**7 else bkey


def _best_pairs(r: Rec, bkey, acting, kinds, named) -> list[tuple[str, str]]:
    """The blocks of pairs the one-participant mention fits best (closest pair first)."""
    pairs = sorted(acting.get((r.group.name, bkey[1]), set()) - {bkey})
    scores = {c: _partner_score(r, bkey[1], c[1].split("+"), kinds, named) for c in pairs}
    best = max(scores.values(), default=0)
    candidates = [c for c in pairs if best > 0 and scores[c] == best]
    smallest = min((c[1].count("+") for c in candidates), default=0)
    return [c for c in candidates if c[1].count("+") == smallest]  # the closest pair


def _named_around(r: Rec, person: str, kinds: Mapping[str, dict]
                  ) -> tuple[str, set[str], set[str]]:
    """(person's side, actors the mention's sentence names, their other sides): the same for
    every candidate pair, so computed once per mention."""
    own = kinds.get(person, {}).get("side", "")
    named = set(r.nearby) | set(r.targets) | set(r.locations)
    sides = {kinds.get(a, {}).get("side", "") for a in named if a != person} - {"", own}
    return own, named, sides


def _partner_score(r: Rec, person: str, pair: list[str], kinds: Mapping[str, dict],
                   named_around: tuple[str, set[str], set[str]] | None = None) -> float:
    """How well a one-participant contact mention points at the other members of a pair.

    'X is to meet A-land officials' may be his contact with his A-land counterpart; 'Y
    held a meeting with senior ministers' is no contact with a foreign leader: a partner of
    another side counts only when the sentence names him or his side; a partner of the same
    side, unnamed, counts half (a domestic pair is likely but unproven). Returns the mean."""
    own, named, sides = named_around or _named_around(r, person, kinds)
    partners = [p for p in pair if p != person]

    def hit(partner: str) -> float:
        side = kinds.get(partner, {}).get("side", "")
        return 1.0 if partner in named or side in sides else 0.5 if side == own else 0.0
    return sum(hit(p) for p in partners) / len(partners) if partners else 0.0


def _distance(sorted_days: list[int], day: int) -> int:
    """Days from `day` to the nearest of sorted_days (bisect, not a scan)."""
    i = bisect.bisect_left(sorted_days, day)
    near = [abs(sorted_days[k] - day) for k in (i - 1, i) if 0 <= k < len(sorted_days)]
    return min(near, default=10**7)
