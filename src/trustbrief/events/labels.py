"""Event labels: the template filled from an event's agent, targets and place."""

from __future__ import annotations

import functools
import re
import string

from trustbrief.events.context import Context
from trustbrief.events.label_rules import LABEL_MAX, OBJECT_FIELDS
from trustbrief.events.records import CREATING, Rec, _evidence, _ranked


def _choose_type(recs: list[Rec]) -> str:
    creating = [r for r in recs if r.polarity in CREATING] or recs
    types = recs[0].group.types
    present = {r.event_type for r in creating}
    ranked = [t for t in types if t in present]
    return ranked[0] if ranked else _ranked(r.event_type for r in creating)[0]


@functools.lru_cache(maxsize=1024)
def _placeholders(template: str) -> tuple[str, ...]:
    return tuple(f for _, f, _, _ in string.Formatter().parse(template) if f)


def make_label(fields: dict, event_type: str, ctx: Context, planned: bool) -> str:
    """First template whose placeholders are all known and which fits in 70 characters;
    if none fits, the first usable one cut at a word boundary with an ellipsis."""
    filled = []
    for template in ctx.rules.templates_for(event_type):
        names = _placeholders(template)
        if not all(fields.get(n) for n in names):
            continue
        if fields.get("excerpt") and not OBJECT_FIELDS & set(names) and \
                {"verb", "type_name"} & set(names):
            break  # 'X urges' says nothing: '<agent> <verb> (<the clause>)' says more
        label = re.sub(r"\s+", " ", template.format(**{n: fields[n] for n in names})).strip()
        label = label[:1].upper() + label[1:]
        if planned:
            label = ctx.rules.planned_format.format(label=label)
        if len(label) <= LABEL_MAX:
            return label
        filled.append(label)
    if not filled and fields.get("excerpt"):
        head = fields.get("agent") or fields.get("agent_side") or ""
        verb = fields.get("verb") or fields.get("type_name") or event_type
        label = f"{head} {verb}".strip()
        label = label[:1].upper() + label[1:]
        room = LABEL_MAX - len(label) - 3 - (len(ctx.rules.planned_format) - 7 if planned else 0)
        excerpt = _cut(fields["excerpt"], room)
        if excerpt:
            label = f"{label} ({excerpt})"
        filled = [ctx.rules.planned_format.format(label=label) if planned else label]
    if not filled:
        fallback = fields.get("type_name") or event_type
        filled = [fallback[:1].upper() + fallback[1:]]
    best = filled[0]
    if len(best) <= LABEL_MAX:
        return best
    cut = best[:LABEL_MAX - 1].rsplit(" ", 1)[0].rstrip(" ,;:-")
    return cut + "…"


def _cut(text: str, room: int) -> str:
    if len(text) <= room:
        return text
    return text[:max(room - 1, 0)].rsplit(" ", 1)[0].rstrip(" ,;:-") + "…" if room > 8 else ""


CLAUSE_BREAK = re.compile(r"[,;:()\[\]\"“”—–]|\s-\s")


def trigger_excerpt(rec: Rec, before: int = 3, after: int = 3) -> str:
    """A few words around the trigger, inside its clause: 'avoid American objections'."""
    start = rec.trigger_start
    if start < 0 or not rec.trigger:
        return ""
    end = start + len(rec.trigger)
    left = CLAUSE_BREAK.split(rec.text[:start])[-1].split()[-before:]
    right = CLAUSE_BREAK.split(rec.text[end:])[0].split()[:after]
    return " ".join([*left, rec.text[start:end], *right]).strip(" .")


def _label_fields(recs: list[Rec], event_type: str, agent: str, agent_side: str,
                  targets: list[str], ctx: Context, evidence: Rec | None = None) -> dict:
    target = next((t for t in targets if ctx.kinds.get(t, {}).get("type") == "person"),
                  next((t for t in targets if ctx.kinds.get(t, {}).get("type") != "place"), ""))
    places = [a for a in _ranked(p for r in recs for p in r.locations) if a != target] or \
        [a for a in _ranked(p for r in recs for p in [*r.actors, *r.targets])
         if ctx.kinds.get(a, {}).get("type") == "place" and a != target]
    people = _ranked(p for r in recs for p in [r.agent, *r.targets]
                     if p and ctx.kinds.get(p, {}).get("type") != "place")
    return {
        "agent": agent, "agent_side": agent_side, "target": target,
        # a person, group or thing, never a whole state: 'kills Azerbaijan' says nothing
        "target_nonstate": "" if ctx.kinds.get(target, {}).get("type") == "state" else target,
        "target_role": ctx.kinds.get(target, {}).get("role", ""),
        "target_short_role": ctx.kinds.get(target, {}).get("short_role", "")
        or ctx.kinds.get(target, {}).get("role", ""),
        "excerpt": trigger_excerpt(evidence or _evidence(recs)),
        "place": places[0] if places else "",
        "participants": " and ".join(sorted(people[:2])) if len(people) >= 2 else "",
        "verb": ctx.types.get(event_type, {}).get("verb", ""),
        "type_name": event_type.replace("_", " "),
    }
