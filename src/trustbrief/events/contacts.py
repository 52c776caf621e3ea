"""What was said in a contact: a demand, warning or statement that one participant of a call
or meeting addresses to another on the day of that contact is the contact's content, not an
event of its own (data/labels.yaml `said_in_contacts`).

News tells one call three ways: 'X and Y spoke on Wednesday', 'Y told X on Wednesday he was
planning ...', 'X urged Y to ...'. Clustering keeps groups apart (a call is not a demand), so
this pass folds the said-events into the contact they were said in, after clustering and
before event keys are made: by their day, or by the sentence that tells the contact ('Speaking
at a meeting with Y, X pledged ...'). What was said in a contact never names its agent, its
participants or its label (facts, labels): the contact's own mentions do.
"""

from __future__ import annotations

from collections.abc import Mapping

from trustbrief.events.label_rules import Join
from trustbrief.events.records import CREATING, VAGUE_SPAN_DAYS, Rec


def _precise_span(recs: list[Rec]) -> tuple[int, int] | None:
    """The days the asserted, precisely dated mentions of a cluster cover."""
    days = [(r.lo, r.hi) for r in recs if r.polarity == "asserted" and r.lo is not None
            and r.hi - r.lo < VAGUE_SPAN_DAYS]
    if not days:
        return None
    return min(lo for lo, _ in days), max(hi for _, hi in days)


def _is_contact(recs: list[Rec], contacts: frozenset) -> bool:
    return recs[0].group.symmetric and any(
        r.event_type in contacts and r.polarity in CREATING for r in recs)


def _is_said(recs: list[Rec], said: frozenset) -> bool:
    return not recs[0].group.symmetric and all(r.event_type in said for r in recs)


def _said_in(r: Rec, members: set[str], kinds: Mapping[str, dict],
             docs: frozenset = frozenset()) -> bool:
    """The mention names two parties of two sides, each a member of the contact or (a state
    or body) the side of one, and at least one a member; and it is said to a member, or its
    article tells the contact (docs): 'X demanded B-land apologize', told by an article
    that tells no call, was said to the press, not in the call of that day."""
    parties = {p for p in (r.agent, *r.targets) if p}
    if len(parties) < 2 or not parties & members:
        return False
    if r.doc_id not in docs and not set(r.targets) & members:
        return False
    member_sides = {kinds.get(m, {}).get("side", "") for m in members} - {""}
    sides = set()
    for p in parties:
        kind = kinds.get(p, {})
        if p not in members and (kind.get("type") == "person"
                                 or kind.get("side", "") not in member_sides):
            return False
        sides.add(kind.get("side", ""))
    return len(sides - {""}) >= 2


def _host(recs: list[Rec], contacts: list[tuple[int, set[str], tuple[int, int], frozenset]],
          kinds: Mapping[str, dict]) -> int | None:
    """The contact (its index) a said-event was said in: the one it overlaps in dates whose
    members its mentions name, the one naming most of them first."""
    best, best_shared = None, 0
    # the mentions that can place it, picked once rather than once per contact
    precise = [r for r in recs if r.polarity == "asserted" and r.lo is not None
               and r.hi - r.lo < VAGUE_SPAN_DAYS]
    for index, members, (lo, hi), docs in contacts:
        for r in precise:
            if r.lo <= hi and lo <= r.hi and _said_in(r, members, kinds, docs):
                shared = len({r.agent, *r.targets} & members)
                if shared > best_shared:
                    best, best_shared = index, shared
    return best


def fold_said_into_contacts(clusters: list[list[Rec]], participants: list[str],
                            rule: Join | None, kinds: Mapping[str, dict]
                            ) -> tuple[list[list[Rec]], list[str]]:
    """Clusters and their key participants with every said-event (rule.source types) that
    was said in a contact (rule.into types) moved into that contact's cluster, after its
    own mentions (so the contact's type and key stay)."""
    if rule is None:
        return clusters, participants
    contacts = []
    for i, (recs, key) in enumerate(zip(clusters, participants, strict=True)):
        span = _precise_span(recs) if _is_contact(recs, rule.into) else None
        if span is not None:
            contacts.append((i, set(key.split("+")), span, frozenset(r.doc_id for r in recs)))
    if not contacts:
        return clusters, participants
    merged = [list(c) for c in clusters]
    gone = set()
    told_at = _contact_sentences(clusters, contacts)
    for i, recs in enumerate(clusters):
        if not _is_said(recs, rule.source):
            continue
        host = _host(recs, contacts, kinds)
        if host is None:
            _fold_told_at(i, recs, merged, told_at, kinds)
            continue
        for r in recs:
            r.said_in_contact = True
        merged[host].extend(recs)
        gone.add(i)
    keep = [i for i in range(len(clusters)) if i not in gone
            and any(r.polarity in CREATING for r in merged[i])]
    return [merged[i] for i in keep], [participants[i] for i in keep]


def _contact_sentences(clusters: list[list[Rec]], contacts) -> dict[tuple, list[tuple]]:
    """(doc_id, sent_id) -> (index, members) of each dated contact a sentence tells."""
    told_at: dict[tuple, list[tuple]] = {}
    for index, members, _, _ in contacts:
        for r in clusters[index]:
            if r.polarity in CREATING:
                told_at.setdefault((r.doc_id, r.sent_id), []).append((index, members))
    return told_at


def _addressed_within(r: Rec, members: set[str], kinds: Mapping[str, dict]) -> bool:
    """Said to no one named, or only to the contact's members or their states: 'X
    demanded Y not leave until he talks to Z' is said to a third man, not in the
    call it names."""
    sides = {kinds.get(m, {}).get("side", "") for m in members} - {""}
    return all(t in members or (kinds.get(t, {}).get("type") != "person"
                                and kinds.get(t, {}).get("side", "") in sides)
               for t in r.targets)


def _fold_told_at(i: int, recs: list[Rec], merged: list[list[Rec]],
                  told_at: dict[tuple, list[tuple]], kinds: Mapping[str, dict]) -> None:
    """What a participant says in the sentence that tells the contact was said there, dated
    or not ('Speaking at a meeting with X in Portview, Y pledged to punish those
    responsible': the pledge is the meeting's, though its own words give it no day); its
    other mentions stay where they are."""
    # a dated one is placed by its own day; a plan or a denial is not what was said there
    for r in [r for r in recs if r.lo is None and r.polarity == "asserted"]:
        host = next((index for index, members in told_at.get((r.doc_id, r.sent_id), ())
                     if r.agent in members and _addressed_within(r, members, kinds)), None)
        if host is not None:
            r.said_in_contact = True
            merged[host].append(r)
            _remove_this(merged[i], r)


def _remove_this(recs: list[Rec], r: Rec) -> None:
    """list.remove by identity: the same result (no two mentions are equal), without
    comparing r field by field with every mention before it (a dataclass __eq__)."""
    del recs[next(k for k, other in enumerate(recs) if other is r)]
