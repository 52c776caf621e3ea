"""What a side says, in the article telling its act and on the act's day, is how the act was
announced, not an event of its own (data/labels.yaml `announcements`).

'X has announced that his country is preparing documents to appeal to international
courts' ... 'X stated that the circumstances are "as clear as day"': one act (a legal
action) and the words it was announced with. 'Y has ordered the deployment of fighter
jets' ... '"These posture adjustments ...," Doe said': one deployment and its spokesperson.
'X stressed ... in his call with Y' ... '..., the brief A-land readout adds': one call
and its readout. Statements cluster by speaker and acts by type, so this pass (after
clustering, before event keys) moves a statement's mentions of such a document into the act;
the statement's mentions from other documents stay where they are.
"""

from __future__ import annotations

from collections.abc import Mapping

from trustbrief.events.records import CREATING, Rec, precise

# the level (data/world/roles.yaml, gazetteer `level`) of a person who speaks for a body of
# their side, not for themselves: a spokesperson
SPOKESPERSON = "spokesperson"


def _speaks_for(speaker: Rec, act: Rec, kinds: Mapping[str, dict]) -> bool:
    """The statement's speaker is the act's agent, or a state, body or spokesperson of a side
    taking part in the act as its agent (or, in a contact, as a participant)."""
    if not speaker.agent:
        return False
    if speaker.agent == act.agent:
        return True
    kind = kinds.get(speaker.agent, {})
    if kind.get("type") == "person" and kind.get("level") != SPOKESPERSON \
            or not speaker.agent_side:
        return False
    sides = {act.agent_side, *(act.target_sides if act.group.symmetric else ())}
    return speaker.agent_side in sides - {""}


def _host(said: list[Rec], acts: Mapping[str, list[tuple[int, Rec]]],
          kinds: Mapping[str, dict]) -> int | None:
    """The act (its cluster index) a document's statements announce: one told in the same
    document, precisely dated on a day one of them is dated, by the same side."""
    for r in said:
        if r.polarity != "asserted" or not precise(r):
            continue
        for index, act in acts.get(r.doc_id, ()):
            if act.lo <= r.hi and r.lo <= act.hi and _speaks_for(r, act, kinds):
                return index
    return None


def _acts_by_document(clusters: list[list[Rec]], said_types: frozenset
                      ) -> dict[str, list[tuple[int, Rec]]]:
    """doc_id -> (cluster index, mention) of every precisely dated, asserted or planned
    mention of an act (a cluster with no said type)."""
    acts: dict[str, list[tuple[int, Rec]]] = {}
    for i, recs in enumerate(clusters):
        if any(r.event_type in said_types and not r.said_in_contact for r in recs):
            continue
        for r in recs:
            if r.polarity in CREATING and precise(r):
                acts.setdefault(r.doc_id, []).append((i, r))
    return acts


def fold_statements_into_acts(clusters: list[list[Rec]], participants: list[str],
                              announcing: frozenset, said_types: frozenset,
                              kinds: Mapping[str, dict]
                              ) -> tuple[list[list[Rec]], list[str]]:
    """Clusters and key participants with every statement (types `announcing`) told in the
    document of an act of its speaker's side on the act's day moved into that act (after its
    own mentions: the act keeps its type, key and evidence). `said_types`: what is said
    (never an act: a statement does not fold into a demand)."""
    if not announcing:
        return clusters, participants
    acts = _acts_by_document(clusters, said_types | announcing)
    merged = [list(c) for c in clusters]
    for i, recs in enumerate(clusters):
        if not all(r.event_type in announcing for r in recs):
            continue
        by_doc: dict[str, list[Rec]] = {}
        for r in recs:
            by_doc.setdefault(r.doc_id, []).append(r)
        moved = set()
        for doc in sorted(by_doc):
            host = _host(by_doc[doc], acts, kinds)
            if host is None:
                continue
            for r in by_doc[doc]:
                r.said_in_contact = True
            merged[host].extend(by_doc[doc])
            moved.add(doc)
        if moved:  # an act's cluster is never one of statements: i is no host
            merged[i] = [r for r in merged[i] if r.doc_id not in moved]
    keep = [i for i, recs in enumerate(merged) if any(r.polarity in CREATING for r in recs)]
    return [merged[i] for i in keep], [participants[i] for i in keep]
