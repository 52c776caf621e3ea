"""One article, one operation: a mention that names only a place joins the operation on a
party that the same article tells.

News names an operation by its place in one sentence and by its party in the next: 'strikes
on the capital of Chad, N'Djamena' and 'airstrikes on the Front's central headquarters';
'the explosion of mines ... in Chad' and 'mine detonations' of a group. Blocking by key
participant puts the place-keyed mention in a block of its own (a second event for one
operation). Here such a mention, when nothing but its article dates it, moves to the block
of its group whose key participant (a person or an organization) the same document names in
a mention of that group, when its agent does not contradict it and its date, if it has one,
falls within the group's window of that block's dates. A block that can happen only once (a
person's killing, labels.yaml `unique_for`) takes no such mention: it would take every
strike its articles compare with it, whatever their dates. Several such blocks in the
document: the one with the most of the document's mentions, none on a tie (an article about
two operations stays ambiguous). A mention told against another side never moves to a block
about a party of its agents' own side (a government telling its own minister is no telling
of the other side).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping

from trustbrief.events.records import VAGUE_SPAN_DAYS, Rec

PLACE_TYPES = ("place", "state")
# A mention dated by its own time expression is told as an act of its own ('A-land struck
# Chad on Saturday' beside 'A-land struck the Front on Saturday'): it keeps its block. Only
# undated mentions, and ledes dated by their article's publication, move.
WEAK_BASES = ("reported",)


def _placey(name: str, kinds: Mapping[str, dict]) -> bool:
    return kinds.get(name, {}).get("type") in PLACE_TYPES


def _names_only_places(r: Rec, kinds: Mapping[str, dict]) -> bool:
    return all(_placey(t, kinds) for t in r.targets)


def _precise(r: Rec) -> bool:
    return r.lo is not None and r.hi - r.lo < VAGUE_SPAN_DAYS


def _fits_dates(r: Rec, block: list[Rec]) -> bool:
    """An undated mention fits any block; a dated one a block dated within its window."""
    if not _precise(r):
        return True
    window = r.group.window_days
    return any(_precise(o) and o.lo <= r.hi + window and o.hi >= r.lo - window for o in block)


def join_places_to_document_parties(blocks: dict[tuple[str, str], list[Rec]],
                                    kinds: Mapping[str, dict]
                                    ) -> dict[tuple[str, str], list[Rec]]:
    """Blocks (group, key) -> blocks, with place-keyed mentions moved (see the module)."""
    by_doc: dict[tuple[str, str], Counter] = defaultdict(Counter)
    agent_sides: dict[tuple[str, str], set[str]] = defaultdict(set)
    for bkey, recs in blocks.items():
        group = recs[0].group
        if group.symmetric or _placey(bkey[1], kinds) or \
                kinds.get(bkey[1], {}).get("type") in group.unique_for:
            continue  # a person killed once: an article comparing with it is no telling of it
        for r in recs:
            by_doc[(bkey[0], r.doc_id)][bkey] += 1
            agent_sides[bkey].add(r.agent_side)
    out: dict[tuple[str, str], list[Rec]] = defaultdict(list)
    for bkey in sorted(blocks):
        for r in blocks[bkey]:
            out[_home(r, bkey, blocks, by_doc, agent_sides, kinds)].append(r)
    return out


def _home(r: Rec, bkey, blocks, by_doc, agent_sides, kinds) -> tuple[str, str]:
    if r.group.symmetric or not _placey(bkey[1], kinds) or not _names_only_places(r, kinds) \
            or (_precise(r) and r.basis not in WEAK_BASES):
        return bkey
    counts = by_doc.get((bkey[0], r.doc_id))
    if not counts:
        return bkey
    fitting = [(n, k) for k, n in counts.items()
               if (not r.agent_side or r.agent_side in agent_sides[k]
                   or agent_sides[k] <= {""}) and _fits_dates(r, blocks[k])
               and not _inward_block(r, k[1], agent_sides[k], kinds)]
    if not fitting:
        return bkey
    fitting.sort(reverse=True)
    if len(fitting) > 1 and fitting[0][0] == fitting[1][0]:
        return bkey
    return fitting[0][1]


def _inward_block(r: Rec, key: str, block_agent_sides: set[str], kinds: Mapping[str, dict]
                  ) -> bool:
    """A block about a party of its own agents' side (a prime minister telling his own
    minister) takes no mention told against another side ('B-land officials were informed',
    'A-land had informed B-land'), though one article tells both."""
    side = kinds.get(key, {}).get("side", "")
    return bool(side) and side in block_agent_sides and side not in r.target_sides
