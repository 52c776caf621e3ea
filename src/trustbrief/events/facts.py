"""Per-event facts: best date, notice, corroboration, summary row and conflicts."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable

from trustbrief.contract.vocab import Notice
from trustbrief.events.context import Context
from trustbrief.events.labels import choose_type, label_fields, make_label, own_mentions
from trustbrief.events.notice_links import LINK_RULE
from trustbrief.events.origins import corroboration
from trustbrief.events.records import (
    BASIS_RANK,
    CREATING,
    VAGUE_SPAN_DAYS,
    Rec,
    day_text,
    evidence_of,
    ranked_records,
    stated_month,
    truthy,
)
from trustbrief.events.tellings import telling_conflicts
from trustbrief.tables import cell_text

NOTICE_LEVELS = tuple(n.value for n in Notice.levels())  # specific accounts beat 'none'


def best_date(recs: list[Rec], known: Iterable[tuple[int, int]] = ()
              ) -> tuple[int | None, int | None, str, list[Rec]]:
    """(earliest, latest, basis, mentions disagreeing) from the mentions' date ranges.

    Only the most reliable basis present votes; among its distinct ranges the one overlapping
    the most mentions wins, then one agreeing with a matching chronology row (`known`), then,
    for publication windows only (basis 'reported'), the one ending first (the act had happened
    by its first report: a later article's lede retells it), then the narrowest, then the
    earliest. Counting overlaps uses two sorted lists and bisect, so
    an event with k mentions costs O(k log k).
    """
    known = list(known)
    dated = [r for r in recs if r.lo is not None]
    precise = [r for r in dated if r.hi - r.lo < VAGUE_SPAN_DAYS]
    if not precise:  # no day: a month the text names, else an open event, not a point
        return _stated_month(dated)
    tier = min(BASIS_RANK.get(r.basis, 9) for r in precise)
    voters = [r for r in precise if BASIS_RANK.get(r.basis, 9) == tier]
    los = sorted(r.lo for r in voters)
    his = sorted(r.hi for r in voters)

    def support(lo: int, hi: int) -> int:
        return bisect.bisect_right(los, hi) - bisect.bisect_left(his, lo)

    ranges = sorted({(r.lo, r.hi) for r in voters})
    def unknown_to_chronology(lo: int, hi: int) -> bool:
        return not any(k_lo <= hi and lo <= k_hi for k_lo, k_hi in known)

    # publication windows ('reported'): the first report bounds the act, a later lede retells it
    first_told = tier == BASIS_RANK["reported"]
    lo, hi = min(ranges, key=lambda x: (-support(*x), unknown_to_chronology(*x),
                                        x[1] if first_told else 0, x[1] - x[0], x))
    basis = min((r.basis for r in voters), key=lambda b: BASIS_RANK.get(b, 9))
    # a lede dated by its publication ('reported') states no date: it cannot disagree
    disagree = [r for r in dated if (r.hi < lo or r.lo > hi) and r.basis != "reported"]
    return lo, hi, basis, disagree


def _stated_month(dated: list[Rec]) -> tuple[int | None, int | None, str, list[Rec]]:
    """The calendar month the text states for an event it gives no day ('sent a letter in
    April', 'the February cyberattack'): the month most of its mentions name, the earliest on
    a tie; an honest month range, never a day. A week or a relative span ('in recent months')
    dates nothing."""
    months = [(r.lo, r.hi) for r in dated if stated_month(r)]
    if not months:
        return None, None, "open", []
    lo, hi = min(set(months), key=lambda m: (-months.count(m), m))
    return lo, hi, "explicit", []


def _gives_date(r: Rec, lo: int | None, hi: int | None) -> bool:
    """The mention's own range is precise and overlaps the event's date: it is what dates
    the event ('over the last few weeks' does not, though it is a relative date), or it
    names the month that dates an event told with no day."""
    if lo is None or r.lo is None:
        return False
    return (r.hi - r.lo < VAGUE_SPAN_DAYS and r.lo <= hi and lo <= r.hi) or (r.lo, r.hi) == (lo, hi)


def precision_of(lo: int | None, hi: int | None) -> str:
    if lo is None:
        return "unknown"
    if lo == hi:
        return "day"
    first, last = dt.date.fromordinal(lo), dt.date.fromordinal(hi)
    if first.day == 1 and (last + dt.timedelta(days=1)).day == 1 and first.month == last.month:
        return "month"
    return "week" if hi - lo == 6 else "range"


def _side_from_signals(recs: list[Rec], ctx: Context) -> str:
    """Whose operation it was when no mention names the agent: a trust signal 'B-land->A-land'
    ('B-land was caught off guard by ...') in a sentence about it points at A-land."""
    a, b = ctx.focus
    subjects = []
    for key in sorted({(r.doc_id, r.sent_id) for r in recs}):
        for sig in ctx.signals_by_sent.get(key, []):
            left, right, mutual = direction_sides(sig.get("direction"))
            if not mutual and right in (a, b) and left in ("", "?", a, b) and left != right \
                    and notice_of_signal(sig):
                subjects.append(right)
    return next(iter(ranked_records(subjects)), "")


def direction_sides(direction) -> tuple[str, str, bool]:
    """'US->Israel' -> ('US', 'Israel', False); 'Israel<->US' -> ('Israel', 'US', True);
    '?' marks a side extract could not tell."""
    text = cell_text(direction).replace(" ", "")
    if "<->" in text:
        left, _, right = text.partition("<->")
        return left, right, True
    left, _, right = text.partition("->")
    return left, right, False


def tracks_notice(meta: dict) -> bool:
    """Whether the partner's advance notice of this type of act is tracked: operations, and
    acts a type marks `notice: true` (a government dismissing its own defence minister)."""
    return bool(meta.get("operation") or meta.get("notice"))


def notice_of_signal(sig: dict) -> str:
    if truthy(sig.get("negated")):
        return ""
    level = cell_text(sig.get("notice"))
    if level:
        return level
    return "none" if cell_text(sig.get("category")) == "surprise" else ""


def notice(recs: list[Rec], agent_side: str, operation: bool, ctx: Context,
           linked: Iterable[tuple[str, str]] = ()
           ) -> tuple[str, str, dict[str, list[tuple[str, str, str]]]]:
    """(level, side notified, accounts level -> [(doc_id, text, rule)]) for an operation.

    Only acts whose notice is tracked (operations, and the types data/event_types.yaml marks
    `notice: true`) by one focus side and not aimed at the other get a level; the most specific
    account wins (minutes/hours/days over a vague 'caught off guard' = none), ties go to the
    account more documents give, then the shorter notice. `linked`: sentences of accounts that
    name no operation, given to this one (notice_links); their rule ends in '+' LINK_RULE.
    """
    a, b = ctx.focus
    if not operation or agent_side not in (a, b):
        return "n/a", "", {}
    other = b if agent_side == a else a
    # a target on the acting side itself is its own business (a minister it dismisses) or a
    # misread role ('the A-land Air Force struck ... in Chad' read as striking A-land): the
    # act is aimed at the partner only when the partner is all it targets
    target_sides = {s for r in recs for s in r.target_sides if s} - {agent_side}
    if target_sides and target_sides <= {other}:
        return "n/a", "", {}
    accounts: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    own = dict(sorted({(r.doc_id, r.sent_id): r.text for r in recs}.items()))
    sentences = [(key, text, "") for key, text in own.items()] + \
        [(key, "", f"+{LINK_RULE}") for key in linked if key not in own]
    for key, text, how in sentences:
        for sig in ctx.signals_by_sent.get(key, []):
            left, right, mutual = direction_sides(sig.get("direction"))
            if mutual and other not in (left, right):
                continue
            if not mutual and left not in ("", "?", other) and not _giver_read_as_experiencer(
                    left, right, agent_side, other, sig):
                continue  # someone else's surprise, or the other side's own complaint
            level = notice_of_signal(sig)
            if level:
                accounts[level].append((key[0], cell_text(sig.get("text")) or text,
                                        cell_text(sig.get("rule")) + how))
    if not accounts:
        return "unknown", other, {}
    specific = [lv for lv in NOTICE_LEVELS if lv in accounts]
    pool = specific or sorted(accounts)
    level = min(pool, key=lambda lv: (-len({a[0] for a in accounts[lv]}),
                                      NOTICE_LEVELS.index(lv) if lv in NOTICE_LEVELS else 9))
    return level, other, dict(accounts)


def lead_given(recs: list[Rec], agent_side: str, targets: list[str], ctx: Context
               ) -> tuple[str, str, dict[str, list[tuple[str, str, str]]]]:
    """(level, side notified, accounts) of an act that is itself one focus side giving the
    other notice (event_types.yaml `gives_notice`): 'A-land cautioned Doe about an imminent
    military action' gave B-land minutes. Only a stated lead of its own sentences counts
    (minutes, hours, days), told with the notified side as experiencer; an account of no
    notice is about some other act, and a notice whose lead no sentence states is 'n/a'. The
    notice goes to the other focus side when the event names it, or, for a contact that names
    no other participant ('My call with Minister X took place while ...'), when the account
    says it was the one told."""
    a, b = ctx.focus
    other = b if agent_side == a else a if agent_side == b else ""
    told = {ctx.kinds.get(t, {}).get("side", "") for t in targets} - {""}
    if not other or (other not in told and (told or not recs[0].group.symmetric)):
        return "n/a", "", {}
    accounts: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for key, text in sorted({(r.doc_id, r.sent_id): r.text for r in recs}.items()):
        for sig in ctx.signals_by_sent.get(key, []):
            left, _, mutual = direction_sides(sig.get("direction"))
            level = notice_of_signal(sig)
            if not mutual and left == other and level in NOTICE_LEVELS:
                accounts[level].append((key[0], cell_text(sig.get("text")) or text,
                                        cell_text(sig.get("rule"))))
    if not accounts:
        return "n/a", "", {}
    level = min(accounts, key=lambda lv: (-len({a[0] for a in accounts[lv]}),
                                          NOTICE_LEVELS.index(lv)))
    return level, other, dict(accounts)


def _giver_read_as_experiencer(left: str, right: str, agent_side: str, other: str,
                               sig: dict) -> bool:
    """A stated lead read with the operation's own side as experiencer of a third party
    ('A-land gave a "few minutes notice" ... to strike the Front's leader' -> A-land->Front)
    is that side giving notice: an account of the other side's notice. 'A-land->B-land' stays
    A-land's own experience of the other side."""
    return left == agent_side and right != other and bool(cell_text(sig.get("notice")))


def _agent_side(recs: list[Rec], creating: list[Rec], agent: str, ctx: Context,
                operation: bool) -> str:
    """The side of the event's agent. A contact's participants take part alike (who called
    whom is worded both ways), so its agent side is its chosen agent's own side, never the
    side most of its mentions happened to name first; the other participants are its targets."""
    own = ctx.kinds.get(agent, {}).get("side", "")
    if recs[0].group.symmetric and own:
        return own
    return next(iter(ranked_records(r.agent_side for r in creating)), "") or own or \
        (_side_from_signals(recs, ctx) if operation else "")


def _event_agent(creating: list[Rec], ctx: Context) -> str:
    """The most frequent agent of full clauses (agent and target say best who did what to
    whom; a target inferred from an act told before is not said), else of all; between a
    person and a state or body of the same side named as often, the state or body: a
    government acts and speaks through its people ('X has told B-land' and
    'X's office said' tell one A-land statement)."""
    agents = [r.agent for r in creating if r.targets and r.agent and not r.inferred_target] or \
        [r.agent for r in creating if r.agent]
    ranked = ranked_records(agents)
    if len(ranked) < 2:
        return ranked[0] if ranked else ""
    counts = Counter(agents)
    top = [a for a in ranked if counts[a] == counts[ranked[0]]]
    first = ctx.kinds.get(top[0], {})
    if first.get("type") != "person":
        return top[0]
    return next((a for a in top[1:] if ctx.kinds.get(a, {}).get("type") in ("state", "organization")
                 and ctx.kinds.get(a, {}).get("side") == first.get("side")), top[0])


def stand_ins(agent: str, ctx: Context) -> set[str]:
    """The event's agent and, when it is a side, the persons who hold that side's top office
    (gazetteer level 'leader': head of state or government): 'X demanded ...' is
    A-land's demand as much as 'A-land demanded ...' (a kind, not a name)."""
    return {agent} - {""} | {name for name, kind in ctx.kinds.items()
                             if agent and kind.get("type") == "person"
                             and kind.get("level") == "leader" and kind.get("side") == agent}


def summarize(recs: list[Rec], key: str, ctx: Context, known: Iterable[tuple[int, int]] = (),
              linked: Iterable[tuple[str, str]] = (), event_type: str | None = None
              ) -> tuple[dict, list[dict], list[dict]]:
    """One event row plus its conflict rows and notice account rows (event_id filled
    later); `known` are the date ranges of matching chronology rows (a tie-breaker between
    article dates); `linked` the sentences of accounts of notice given to it (notice);
    `event_type` labels.choose_type(recs), when known."""
    event_type = event_type or choose_type(recs)
    meta = ctx.types.get(event_type, {})
    creating = [r for r in recs if r.polarity in CREATING] or recs
    # who did it to whom is told by the event's own mentions, not by what was said in it
    doers = own_mentions(creating) or creating
    agent = _event_agent(doers, ctx)
    agent_side = _agent_side(recs, creating, agent, ctx, bool(meta.get("operation")))
    targets = [t for t in ranked_records(t for r in doers for t in r.targets) if t != agent]
    actors = ranked_records(a for r in recs for a in [*r.actors, r.agent, *r.targets])
    planned = all(r.polarity != "asserted" for r in creating)
    # what happened is dated by what is said to have happened, never by a plan or a 'would'
    # what was said about an act (folded into it: contacts.py, announcements.py) dates it
    # only with the act's own words: 'X said Wednesday' does not date a strike he opposed
    own = own_mentions(recs) or recs
    daters = [r for r in own if r.polarity == ("planned" if planned else "asserted")]
    lo, hi, basis, disagree = best_date(daters, known)
    corr = corroboration(creating, ctx)
    if meta.get("gives_notice"):
        level, notified, accounts = lead_given(recs, agent_side, targets, ctx)
    else:
        level, notified, accounts = notice(recs, agent_side, tracks_notice(meta), ctx, linked)
    ev = evidence_of(recs, lambda r: _gives_date(r, lo, hi), stand_ins(agent, ctx))
    fields = label_fields(recs, event_type, agent, agent_side, targets, ctx, ev)
    status = "planned" if planned else _asserted_or_alleged(creating, agent)
    label, label_source = make_label(fields, event_type, ctx, status)
    row = {
        "event_id": "", "date": day_text(lo), "date_earliest": day_text(lo),
        "date_latest": day_text(hi),
        "date_precision": precision_of(lo, hi), "event_type": event_type,
        "plover": meta.get("plover", ""), "actors": actors,
        "label": label,
        "n_documents": corr["n_documents"], "n_outlets": corr["n_outlets"],
        "n_origins": corr["n_origins"], "doc_ids": corr["doc_ids"], "notice": level,
        "evidence": ev.text, "lane": meta.get("lane", ""),
        "operation": bool(meta.get("operation", False)), "origins": corr["origins"],
        "outlets": corr["outlets"], "date_basis": basis,
        "key": key, "label_source": label_source, "status": status,
        "agent": agent, "agent_side": agent_side, "targets": targets, "notice_to": notified,
        "named_targets": [t for t in targets if ctx.kinds.get(t, {}).get("type") != "place"],
        "chronology_key": "", "date_source": "", "n_mentions": len(recs),
        "mention_ids": sorted(r.mention_id for r in recs), "evidence_sent_id": ev.sent_id,
    }
    conflicts = _date_conflicts(lo, hi, disagree, recs, ctx) + \
        _notice_conflicts(level, accounts, ctx) + \
        telling_conflicts(recs, event_type, ctx, _conflict_row)
    return row, conflicts, _notice_account_rows(accounts)


def _asserted_or_alleged(creating: list[Rec], agent: str) -> str:
    """'alleged' when the event's agent did it only in someone's charge: a mention gives it
    as alleged ('A blamed B for the attack') and none tells it as done by that agent."""
    told = [r for r in creating if r.polarity == "asserted"]
    charged = any(r.factuality == "alleged" for r in told)
    return "alleged" if charged and not any(
        r.factuality != "alleged" and r.agent == agent for r in told) else "asserted"


def _notice_account_rows(accounts: dict[str, list[tuple[str, str, str]]]) -> list[dict]:
    """One row per (level, document): a sentence giving that level (one naming the operation
    before one linked to it), and its rule."""
    first: dict[tuple[str, str], tuple[str, str]] = {}
    for level, items in accounts.items():
        for doc_id, text, rule in sorted(items, key=lambda a: (a[0], a[2].endswith(LINK_RULE),
                                                               a[1], a[2])):
            first.setdefault((level, doc_id), (text, rule))
    return [{"event_id": "", "notice": level, "doc_id": doc_id, "evidence": text, "rule": rule}
            for (level, doc_id), (text, rule) in sorted(first.items())]


def range_text(lo: int | None, hi: int | None) -> str:
    if lo is None:
        return ""
    return day_text(lo) if lo == hi else f"{day_text(lo)}..{day_text(hi)}"


def _conflict_row(fact: str, account: str, value: str, items: list[tuple[str, str]],
                  ctx: Context) -> dict:
    docs = sorted({d for d, _ in items})
    return {"fact": fact, "event_id": "", "account": account, "value": value, "doc_ids": docs,
            "outlets": sorted({ctx.origins.outlet_of.get(d, "") for d in docs} - {""}),
            "evidence": min(items)[1] if items else ""}


def _date_conflicts(lo, hi, disagree: list[Rec], recs: list[Rec], ctx: Context) -> list[dict]:
    if not disagree:
        return []
    agree = [(r.doc_id, r.text) for r in recs
             if r.lo is not None and not (r.hi < lo or r.lo > hi)]
    rows = [_conflict_row("date", "accepted", range_text(lo, hi), agree, ctx)]
    by_value: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in disagree:
        by_value[range_text(r.lo, r.hi)].append((r.doc_id, r.text))
    rows += [_conflict_row("date", "disagrees", v, items, ctx)
             for v, items in sorted(by_value.items())]
    return rows


def _notice_conflicts(level: str, accounts: dict, ctx: Context) -> list[dict]:
    if len(accounts) < 2:
        return []
    return [_conflict_row("notice", "accepted" if lv == level else "disagrees", lv,
                          [(doc_id, text) for doc_id, text, _ in accounts[lv]], ctx)
            for lv in sorted(accounts)]
