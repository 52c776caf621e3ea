"""Clustering mentions into events: blocks by group and key participant, then date sweeps."""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Mapping

from trustbrief.events.document_parties import join_places_to_document_parties
from trustbrief.events.label_rules import Group, LabelRules
from trustbrief.events.one_act import join_doers_to_deeds, join_members_to_persons, told_kinds_only
from trustbrief.events.records import (
    CREATING,
    TELLING_SLACK_DAYS,
    Rec,
    memoized,
    precise,
    stated_month,
)
from trustbrief.events.targetless import attach_targetless

PLACE_TYPES = ("place", "state")


def apply_joins(recs: list[Rec], rules: LabelRules, kinds: Mapping[str, dict]) -> list[Rec]:
    """One operation told twice in one sentence (data/labels.yaml `joins`): the `from` mention
    takes the `to` mention's group and targets, so both land in one event."""
    if not rules.joins:
        return recs
    by_sent: dict[tuple[str, str], list[Rec]] = defaultdict(list)
    for r in recs:
        by_sent[(r.doc_id, r.sent_id)].append(r)
    for sent in by_sent.values():
        for join in rules.joins:
            # a host names whom it hit, or who did it ('an attack, blamed on X' beside 'mine
            # exploded' ascribed to X in one sentence)
            hosts = [h for h in sent if h.event_type in join.into and (h.targets or h.agent)]
            for r in sent:
                if r.event_type not in join.source:
                    continue
                host = next((h for h in hosts if _joinable(r, h, kinds, join.telling)), None)
                if host is not None and host.targets:
                    r.group, r.targets = host.group, host.targets
                    r.target_sides = host.target_sides
                elif host is not None:
                    r.group = host.group
    return recs


def _talk_of_these_parties(r: Rec, same: list[Rec]) -> bool:
    """r is a contact (call, meeting) whose participants are all the parties another mention
    of its sentence names: what they did there was talk about it ('X stressed the
    ceasefire deal ... in a call with Y' is the call)."""
    if not r.group.symmetric:
        return False
    mine = {p for p in (r.agent, *r.targets) if p}
    return any(o is not r and not o.group.symmetric and o.agent and o.targets
               and {o.agent, *o.targets} <= mine for o in same)


def date_main_clause(recs: list[Rec]) -> list[Rec]:
    """One time expression dates one event: when mentions of different groups in one sentence
    carry the same date range from the same source ('X spoke with Y on Wednesday
    about the ceasefire', 'a protest regarding the recent detention', 'B-land regrets the
    decision to cancel'), the date belongs to a contact of the parties another mention names
    (what they said in it), else to the act told first (the main clause); the other
    ones are its topic, reason or background and lose the date (they join their events like
    any undated mention). Kinds of act of one group (an expulsion, a recall) count as
    different groups. Runs after apply_joins, so one operation told twice keeps it."""
    shared: dict[tuple, list[Rec]] = defaultdict(list)
    for r in recs:
        if r.lo is not None:
            shared[(r.doc_id, r.sent_id, r.lo, r.hi, r.basis)].append(r)
    for same in shared.values():
        if not any(_other_act(r, o) for r in same for o in same):
            continue
        first = min(same, key=lambda r: (not _talk_of_these_parties(r, same),
                                          r.trigger_start < 0, r.trigger_start, r.pos))
        for r in same:
            if _other_act(r, first):
                r.lo = r.hi = None
                r.basis = "open"
    return recs


def _other_act(r: Rec, o: Rec) -> bool:
    """r and o tell different acts: of different groups, or of different kinds of one group
    (labels.yaml group `kinds`: 'On Tuesday, A recalled its envoy, in response to B's
    expulsion of staff a day earlier' tells two restrictions; the day is the recall's). A
    mention of no kind (a note joined to the closure it tells) is of any."""
    if r.group.name != o.group.name:
        return True
    kinds = (r.group.kind_of(r.trigger), o.group.kind_of(o.trigger))
    return all(kinds) and kinds[0] != kinds[1]


def _joinable(r: Rec, host: Rec, kinds: Mapping[str, dict], telling: bool = False) -> bool:
    if r.agent_side and host.agent_side and r.agent_side != host.agent_side:
        return False
    if r.polarity != host.polarity and not (telling and r.polarity in CREATING
                                            and host.polarity in CREATING):
        return False
    if r.agent and (r.agent in host.targets or r.agent_side in host.target_sides):
        return False  # whom the host hits does not do it ('the Front's offensive capabilities')
    def places(rec: Rec) -> set[str]:
        return {t for t in rec.targets if kinds.get(t, {}).get("type") in PLACE_TYPES} | \
            set(rec.locations)
    others = {t for t in r.targets if kinds.get(t, {}).get("type") not in PLACE_TYPES}
    # a contact's agent is one of its parties ('informed that X will be postponing his trip')
    if others - set(host.targets) - ({host.agent} if host.group.symmetric else set()):
        return False
    host_places = places(host)
    return not host_places or not places(r) or bool(places(r) & host_places)


def _main_target(all_targets: tuple[str, ...], agent: str, kinds: Mapping[str, dict]) -> str:
    """The participant an event is 'about': a person target first, then any non-place one."""
    if not all_targets:
        return ""
    targets = [t for t in all_targets if t != agent]
    for wanted in ("person",):
        for t in targets:
            if kinds.get(t, {}).get("type") == wanted:
                return t
    for t in targets:
        if kinds.get(t, {}).get("type") != "place":
            return t
    return targets[0] if targets else ""


def _participants_key(agent: str, targets: tuple[str, ...], kinds: Mapping[str, dict]) -> str:
    """Block key of a symmetric group (contacts): the persons taking part, else everybody
    named who is not a place."""
    named = {p for p in [agent, *targets] if p and kinds.get(p, {}).get("type") != "place"}
    persons = {p for p in named if kinds.get(p, {}).get("type") == "person"}
    return "+".join(sorted(persons or named))


def _cluster_block(recs: list[Rec], kinds: Mapping[str, dict], key: str) -> list[list[Rec]]:
    """Split one block (same group, same key participant) into events."""
    group = recs[0].group
    dated = sorted((r for r in recs if precise(r)), key=lambda r: (r.lo, r.hi, r.pos))
    undated = [r for r in recs if not precise(r)]  # open, or only a week or month
    unique = bool(group.unique_for) and kinds.get(key, {}).get("type") in group.unique_for
    segments: list[list[Rec]] = []
    if unique:
        segments = [dated] if dated else []
    else:
        end = None
        for r in dated:
            # a lede dated only by its publication ('reported') is an upper bound: news
            # retold within the group's `retold_days` (data/labels.yaml; 7 by default) of an
            # event of its block is that event, not a new one
            retold = r.basis == "reported" and end is not None and r.lo <= end + group.retold_days
            if not retold and (end is None or r.lo > end + group.window_days):
                segments.append([])
                end = r.hi
            segments[-1].append(r)
            end = max(end, r.hi) if not retold else end
    if not segments:
        return _split_by_agent(undated, group, unique)
    starts = [min(r.lo for r in seg) for seg in segments]
    ends = [max(r.hi for r in seg) for seg in segments]
    months: dict[tuple[int, int], list[Rec]] = {}
    apart: list[Rec] = []
    # the last segment holding a mention of each article (kept as undated ones join)
    last_own = {r.doc_id: k for k, seg in enumerate(segments) for r in seg}
    for r in undated:
        if stated_month(r) and not any(s <= r.hi and r.lo <= e for s, e in zip(starts, ends,
                                                                               strict=True)):
            months.setdefault((r.lo, r.hi), []).append(r)  # another month: another occurrence
            continue
        k = _recurring_segment(r, segments, starts, ends, last_own) if group.recurring else \
            _segment_for(r, starts, ends)
        (apart if k is None else segments[k]).append(r)
        if k is not None:
            last_own[r.doc_id] = max(k, last_own.get(r.doc_id, k))
    segments += [*months.values(), apart]
    return [part for seg in segments for same_kind in _split_by_kind(seg, group)
            for part in _split_by_agent(same_kind, group, unique)]


def _split_by_kind(recs: list[Rec], group: Group) -> list[list[Rec]]:
    """Kinds of act apart (an expulsion, a suspension: data/labels.yaml group `kinds`); a
    mention of no kind joins the largest."""
    counts = Counter(group.kind_of(r.trigger) for r in recs) if group.kinds else Counter()
    named = sorted((k for k in counts if k), key=lambda k: (-counts[k], k))
    if len(named) <= 1:
        return [recs] if recs else []
    parts = {k: [r for r in recs if group.kind_of(r.trigger) == k] for k in named}
    parts[named[0]].extend(r for r in recs if not group.kind_of(r.trigger))
    return [parts[k] for k in named]


def _recurring_segment(rec: Rec, segments: list[list[Rec]], starts: list[int],
                       ends: list[int], last_own: dict[str, int]) -> int | None:
    """The dated event of a recurring act's block (a call, a demand) that a mention with no
    day most likely tells: the one its own article dates (the latest when several), else the
    only one inside its vague range ('spoke in September'), else the latest before its
    article when the article was surely written within the group's retold_days after it
    (news retold: 'during a recent call'); None otherwise: a later article's undated 'urged'
    or 'spoke' may be any of the acts, so it stays apart. `last_own`: article -> the last
    of `segments` holding one of its mentions."""
    if rec.doc_id in last_own:
        return last_own[rec.doc_id]
    if rec.lo is not None:
        inside = [k for k, seg in enumerate(segments)
                  if all(rec.lo <= r.lo and r.hi <= rec.hi for r in seg)]
        return inside[0] if len(inside) == 1 else None
    if rec.pub_hi is None or rec.pub_lo is None:
        return None
    k = _segment_for(rec, starts, ends)
    if k is None:
        return None
    retold = starts[k] <= rec.pub_lo and rec.pub_hi <= ends[k] + rec.group.retold_days
    return k if retold else None


def _plans_apart(recs: list[Rec], kinds: Mapping[str, dict], key: str) -> list[list[Rec]]:
    """Contacts: what was planned ('scheduled to speak today') is not what happened. Plans
    form their own events; a dated plan joins an asserted event only when an asserted mention
    is dated within the window (the plan came true). Negated and hypothetical mentions stay
    with what happened."""
    planned = [r for r in recs if r.polarity == "planned"]
    if not planned:
        return _cluster_block(recs, kinds, key)
    rest = [r for r in recs if r.polarity != "planned"]
    done = _cluster_block(rest, kinds, key) if rest else []
    window = recs[0].group.window_days
    out = [list(c) for c in done]
    for plan in _cluster_block(planned, kinds, key):
        days = [r.lo for r in plan if r.lo is not None]
        home = None
        if not days:  # an undated plan came true when an asserted contact follows its article
            pubs = [r.pub_lo for r in plan if r.pub_lo is not None]
            after = [c for c in out if pubs and any(r.polarity == "asserted" and r.lo is not None
                                                     and r.lo >= min(pubs) for r in c)]
            home = min(after, key=lambda c: min(r.lo for r in c if r.lo is not None),
                       default=None)
        if days:
            lo, hi = min(days), max(r.hi for r in plan if r.hi is not None)
            home = next((c for c in out if any(
                r.polarity == "asserted" and r.lo is not None and r.lo <= hi + window
                and r.hi >= lo - window for r in c)), None)
        if home is None:
            out.append(list(plan))
        else:
            home.extend(plan)
    return out


def _segment_for(rec: Rec, starts: list[int], ends: list[int]) -> int | None:
    """Which dated event of its block an open-dated mention most likely speaks of (None: one
    it cannot tell, see _may_tell)."""
    if rec.polarity == "planned" and rec.pub_lo is not None:
        # a plan speaks of the first event not over when the article was written
        pending = [k for k, e in enumerate(ends) if e >= rec.pub_lo]
        if pending:
            return min(pending, key=lambda k: (starts[k], k))
    if rec.pub_hi is None:
        k = len(starts) - 1
    else:
        k = max(bisect.bisect_right(starts, rec.pub_hi) - 1, 0)  # starts sorted by the sweep
    return k if rec.polarity != "asserted" or _may_tell(rec, starts[k], ends[k]) else None


def _may_tell(rec: Rec, start: int, end: int) -> bool:
    """An act told as done is none that began after its article was published, nor one
    outside its own vague range ('rocket fire at the north in recent days', in an article
    of the week before another side's dated barrage, is not that barrage); a day of slack."""
    if rec.pub_hi is not None and start > rec.pub_hi + TELLING_SLACK_DAYS:
        return False
    return rec.lo is None or (rec.lo <= end + TELLING_SLACK_DAYS
                              and rec.hi >= start - TELLING_SLACK_DAYS)


def _split_by_agent(recs: list[Rec], group: Group, unique: bool) -> list[list[Rec]]:
    """Agent sides apart (agentless join the largest), but a `unique` key (one killed) is one."""
    if not recs:
        return []
    sides = Counter(r.agent_side for r in recs if r.agent_side)
    if group.symmetric or unique or len(sides) <= 1:
        return [recs]
    order = sorted(sides, key=lambda s: (-sides[s], s))
    parts = {s: [r for r in recs if r.agent_side == s] for s in order}
    parts[order[0]].extend(r for r in recs if not r.agent_side)
    return [parts[s] for s in order]


def _two_parties(block: list[Rec], kinds: Mapping[str, dict]) -> bool:
    """Some mention of the block names two participants who are not places."""
    return any(len({p for p in (r.agent, *r.targets)
                    if p and kinds.get(p, {}).get("type") != "place"}) >= 2 for r in block)


def cluster_mentions(recs: list[Rec], kinds: Mapping[str, dict]
                     ) -> tuple[list[list[Rec]], list[str]]:
    """Block by (group, key participant), sweep by date; keep clusters with a real mention.

    Returns the clusters and, for each, its block's key participant."""
    blocks: dict[tuple[str, str], list[Rec]] = defaultdict(list)
    # the same (targets, agent) pairs come back thousands of times: each is worked out once
    main_target = memoized(lambda who: _main_target(*who, kinds))
    participants_key = memoized(lambda who: _participants_key(*who, kinds))
    for r in recs:
        r.main = main_target((r.targets, r.agent))
        key = participants_key((r.agent, r.targets)) if r.group.symmetric else \
            (r.main or r.agent + r.outside)
        if not key:
            continue  # nobody takes part: too vague to be (or join) an event
        blocks[(r.group.name, key)].append(r)
    blocks = join_places_to_document_parties(attach_targetless(blocks, kinds), kinds)
    blocks = join_members_to_persons(join_doers_to_deeds(blocks), kinds)
    clusters, participants = [], []
    for block_key in sorted(blocks):
        block = blocks[block_key]
        split = _plans_apart if block[0].group.plans_separate else _cluster_block
        if block[0].group.symmetric and not _two_parties(block, kinds):
            continue  # a contact with one party named ('Z also joined the call') is none
        for cluster in map(told_kinds_only, split(block, kinds, block_key[1])):
            if any(r.polarity in CREATING for r in cluster):
                clusters.append(cluster)
                participants.append(block_key[1])
    return clusters, participants


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def cluster_keys(clusters: list[list[Rec]], participants: list[str]) -> list[str]:
    """group:participant keys; a block with several events numbers them by date (#2, #3)."""
    base = [f"{c[0].group.name}:{_slug(p) or 'unspecified'}"
            for c, p in zip(clusters, participants, strict=True)]
    order = sorted(range(len(clusters)), key=lambda i: (
        base[i], min((r.lo for r in clusters[i] if r.lo is not None), default=10**7),
        min(r.pos for r in clusters[i])))
    keys, seen = [""] * len(clusters), Counter()
    for i in order:
        seen[base[i]] += 1
        keys[i] = base[i] if seen[base[i]] == 1 else f"{base[i]}#{seen[base[i]]}"
    return keys
