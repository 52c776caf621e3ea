"""A general word for an act, told on a day its doer did one specific act, is that act.

News writing names an act specifically once ('Chad fired some 180 ballistic missiles at Portview
on Tuesday') and elsewhere, often in another article, by its general word ('Chad's Oct. 1
attack', 'the attack on Tuesday'). Within one sentence the `joins` of data/labels.yaml put the
general word with the specific act beside it (cluster.apply_joins); across sentences and
articles nothing did, so the general word made an event of its own: the same act twice, one of
them under a vague label. Rule: a general mention (a `from` type of a join that is not a
telling) that no join of its sentence placed, asserted and dated to one day by its own words,
takes the group of the specific acts (`into` types) its doer's side did that same day in the
corpus, when those acts are all of one group: it then clusters with them like any mention of
that group. Two kinds of act that day, a week, a lede's publication window or no specific act
leave it alone.
"""

from __future__ import annotations

from collections import defaultdict

from trustbrief.events.answers import STATED_BASES
from trustbrief.events.label_rules import Group, LabelRules
from trustbrief.events.records import Rec


def join_general_acts(recs: list[Rec], rules: LabelRules) -> list[Rec]:
    """Give each lone, dated general mention the one group of its side's specific acts of
    its day (see the module docstring). Runs after apply_joins."""
    for join in rules.joins:
        if join.telling:
            continue
        groups = _groups_by_side_and_day(recs, join.into)
        for r in recs:
            if r.event_type not in join.source or r.group.name != rules.group_of(
                    r.event_type).name or _day(r) is None or not r.agent_side:
                continue
            found = groups.get((r.agent_side, _day(r)), {})
            if len(found) == 1:
                r.group = next(iter(found.values()))
    return recs


def _day(r: Rec) -> int | None:
    """The one day the mention's own words give it, if any."""
    if r.polarity != "asserted" or r.lo is None or r.lo != r.hi or r.basis not in STATED_BASES:
        return None
    return r.lo


def _groups_by_side_and_day(recs: list[Rec], types: frozenset
                            ) -> dict[tuple[str, int], dict[str, Group]]:
    """(agent side, day) -> {group name: group} of the asserted acts of `types` dated to that
    one day by their own words."""
    found: dict[tuple[str, int], dict[str, Group]] = defaultdict(dict)
    for r in recs:
        day = _day(r)
        if r.event_type in types and day is not None and r.agent_side:
            found[(r.agent_side, day)][r.group.name] = r.group
    return found

