"""One act told as different acts by different sides: a conflicting account of what happened.

The side that holds people calls it an arrest, the side whose people they are an abduction
or a seizure ('arrested after crossing the line illegally', 'abducted inside our
territory'). The events stage joins such mentions into one event when their group says the
sides word one act differently (data/labels.yaml, groups.NAME.told_apart); when the
articles that tell it use different words for it, each article's words are an account of
what happened, and the brief shows them side by side as conflicting accounts.
"""

from __future__ import annotations

from collections import defaultdict

from trustbrief.contract.vocab import ConflictFact
from trustbrief.events.context import Context
from trustbrief.events.records import CREATING, Rec

FACT = ConflictFact.NATURE.value


def telling_conflicts(recs: list[Rec], event_type: str, ctx: Context, row_of) -> list[dict]:
    """Conflict rows (fact 'nature') when the event's articles tell it as different
    types of act: one account per wording (the trigger words an article uses, 'abducted /
    seized'), 'accepted' for the wording of the event's type. `row_of` makes a row
    (facts._conflict_row)."""
    told = [r for r in recs if r.polarity in CREATING and r.group.told_apart]
    if len({r.event_type for r in told}) < 2:
        return []
    types_of: dict[str, set[str]] = defaultdict(set)
    words_of: dict[str, list[str]] = defaultdict(list)
    first: dict[str, str] = {}
    for r in sorted(told, key=lambda r: (r.doc_id, r.sent_id, r.trigger_start)):
        if r.event_type not in types_of[r.doc_id]:  # an article's first word for each type
            types_of[r.doc_id].add(r.event_type)
            words_of[r.doc_id].append(r.trigger.lower())
        first.setdefault(r.doc_id, r.text)
    accounts: dict[str, list[tuple[str, str]]] = defaultdict(list)
    accepted: dict[str, bool] = {}
    for doc_id, types in types_of.items():
        value = " / ".join(words_of[doc_id])
        accounts[value].append((doc_id, first[doc_id]))
        accepted[value] = event_type in types
    if len({frozenset(t) for t in types_of.values()}) < 2:
        return []
    return [row_of(FACT, "accepted" if accepted[v] else "disagrees", v, items, ctx)
            for v, items in sorted(accounts.items())]
