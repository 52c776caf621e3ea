"""One act keyed two ways: blocks of mentions that tell one act from its two ends.

Blocking by key participant (cluster.py) puts a mention in the block of its main target, else
of its agent. News tells one act from either end, so one act can land in two blocks:
- 'X's firing of his defence minister' (its agent only: the minister is 'his') and
  'the dismissal of the defence minister X' (its target only) in one article;
- 'the assassination of a senior Front official' (keyed by the organization) and 'the killing
  of X' (keyed by the person, an official of it) on one day.
These passes move such mentions into the block of the other end, before the date sweep.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from trustbrief.events.records import CREATING, Rec, precise

Blocks = dict[tuple[str, str], list[Rec]]


def join_doers_to_deeds(blocks: Blocks) -> Blocks:
    """A block keyed by its agent (no mention names whom it acted on) joins the one block of
    its group that the same article tells with no agent at all, when its mentions are the
    article's only such block: the act told once by who did it, once by whom it hit."""
    agentless: dict[tuple[str, str], set] = defaultdict(set)
    for bkey, recs in blocks.items():
        if recs[0].group.symmetric or any(r.agent for r in recs):
            continue
        for r in recs:
            agentless[(bkey[0], r.doc_id)].add(bkey)
    out: Blocks = defaultdict(list)
    for bkey in sorted(blocks):
        recs = blocks[bkey]
        home = bkey
        if not recs[0].group.symmetric and all(r.agent == bkey[1] and not r.main for r in recs):
            found = {k for r in recs for k in agentless.get((bkey[0], r.doc_id), ())} - {bkey}
            home = next(iter(found)) if len(found) == 1 else bkey
        out[home].extend(recs)
    return out


def join_members_to_persons(blocks: Blocks, kinds: Mapping[str, dict]) -> Blocks:
    """In a group whose events happen once to a person (labels.yaml `unique_for`), a mention
    of the group's first type (the most specific: a killing) keyed by an organization, dated
    within the group's window of a person's dated event, joins it when that person belongs
    to the organization and is the only such person that day, and its agent agrees."""
    persons: dict[tuple[str, str], list[tuple[str, list[Rec]]]] = defaultdict(list)
    for bkey, recs in blocks.items():
        kind = kinds.get(bkey[1], {})
        if kind.get("type") == "person" and "person" in recs[0].group.unique_for:
            persons[(bkey[0], kind.get("side", ""))].append((bkey, recs))
    if not persons:
        return blocks
    out: Blocks = defaultdict(list)
    for bkey in sorted(blocks):
        for r in blocks[bkey]:
            out[_person_home(r, bkey, persons, kinds)].append(r)
    return out


def _person_home(r: Rec, bkey, persons, kinds: Mapping[str, dict]) -> tuple[str, str]:
    if kinds.get(bkey[1], {}).get("type") != "organization" or not precise(r) or \
            r.event_type != r.group.types[0] or r.polarity not in CREATING:
        return bkey
    window = r.group.window_days
    fitting = [k for k, recs in persons.get((bkey[0], bkey[1]), ())
               if any(precise(o) and o.polarity in CREATING and o.lo <= r.hi + window
                      and o.hi >= r.lo - window for o in recs)
               and (not r.agent_side or r.agent_side in {o.agent_side for o in recs}
                    or all(not o.agent_side for o in recs))]
    return fitting[0] if len(fitting) == 1 else bkey


def told_kinds_only(cluster: list[Rec]) -> list[Rec]:
    """A cluster without its mentions that neither happened nor are of a kind it tells: 'there
    was no point in X's trip' (a visit weighed, not made) is no evidence of X's phone call with
    the same party. A mention that did not happen but names the cluster's own kind stays ('the
    call did not take place' beside the call)."""
    told = {r.event_type for r in cluster if r.polarity in CREATING}
    return [r for r in cluster if r.polarity in CREATING or r.event_type in told]
