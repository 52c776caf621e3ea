"""The front page: a headline that states the finding, a summary of at most 120 words
written from the data, the key judgements and what to watch.

Everything here is plain text built from the findings and tables; sections.py escapes it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from trustbrief.brief.findings.base import (
    LITTLE_NOTICE,
    parse_focus,
    plural,
    some_of,
    span_words,
    table_of,
)
from trustbrief.brief.findings.notice import operations_with_notice
from trustbrief.brief.findings.statements import period_statements
from trustbrief.brief.judgements import Judgement
from trustbrief.brief.views.cadence import cadence_channels, next_planned
from trustbrief.brief.views.cells import (
    as_list,
    dates_by_event,
    day_label,
    event_span,
    quoted,
    sentence_start,
    side_adjective,
    side_noun,
    text_column,
    to_date,
    when_label,
)
from trustbrief.brief.views.cooperation import dated_rows
from trustbrief.brief.views.events import actor_sides
from trustbrief.contract import Factuality, Notice

SUMMARY_WORDS = 120
WATCH_ITEMS = 4
# the notice levels an article can report (not 'unknown', not 'n/a': no account, not at stake)
REPORTED_NOTICE = (Notice.NONE, *Notice.levels())


def headline(tables, start, end, focus: str) -> str:
    """One line that states the main finding, with its numbers."""
    observer, subject = parse_focus(focus)
    ops = operations_with_notice(tables, start, end)
    little = int(ops["notice"].isin(LITTLE_NOTICE).sum()) if len(ops) else 0
    statements = period_statements(tables, start, end, focus)
    eroding = statements[statements["polarity"] < 0]
    if little:
        # 'of 4 of 5 operations' would tell a reader the fifth came with more notice: count
        # only the operations whose notice an article reports
        reported = int(ops["notice"].isin(REPORTED_NOTICE).sum())
        whose = "" if reported == len(ops) else " whose notice is reported"
        text = (f"{sentence_start(side_noun(subject))} gave {side_noun(observer)} little or "
                f"no notice of {some_of(little, reported, 'operation')}{whose}")
        if len(eroding):
            text += (f", and {plural(len(eroding), 'statement')} voice "
                     f"{side_adjective(observer)} distrust")
    elif len(eroding):
        text = (f"{plural(len(eroding), 'statement')} of {side_adjective(observer)} distrust of "
                f"{side_noun(subject)} "
                f"from {plural(eroding['origin'].nunique(), 'independent origin')}")
    elif _tone_counts(tables, start, end):
        conflict, coop = _tone_counts(tables, start, end)
        text = (f"Conflictual events between {side_noun(observer)} and {side_noun(subject)} "
                f"outnumber cooperative ones {conflict} to {coop}")
    else:
        n_docs = len(table_of(tables, "documents"))
        text = (f"What {plural(n_docs, 'article')} report about {side_noun(observer)} and "
                f"{side_noun(subject)}")
    return f"{text}, {span_words(start, end)}"


def _tone_counts(tables, start, end) -> tuple[int, int] | None:
    """(conflictual, cooperative) dated events between the pair in the period, when the
    conflictual outnumber the cooperative; else None."""
    rows = dated_rows(table_of(tables, "cooperation"), start, end)
    tones = text_column(rows, "tone")
    conflict, coop = int((tones == "conflictual").sum()), int((tones == "cooperative").sum())
    return (conflict, coop) if conflict > coop else None


def corpus_line(tables, start, end) -> str:
    """'12 articles from 7 outlets, 5 independent origins' (duplicates not counted)."""
    docs = table_of(tables, "documents")
    used = docs[text_column(docs, "duplicate_of") == ""] if len(docs) else docs
    outlets = {o for o in text_column(used, "outlet") if o and o.lower() != "unknown"}
    return (f"This brief covers {span_words(start, end)}: {plural(len(used), 'article')} "
            f"from {plural(len(outlets), 'named outlet')}.")


def summary(tables, start, end, judgements: list[Judgement]) -> str:
    """At most SUMMARY_WORDS words: the corpus, then each judgement with its confidence."""
    sentences = [corpus_line(tables, start, end)]
    for j in judgements:
        sentences.append(f"{j.statement[:-1]} ({j.confidence} confidence).")
    out: list[str] = []
    for sentence in sentences:
        if len(" ".join(out + [sentence]).split()) > SUMMARY_WORDS:
            break
        out.append(sentence)
    return " ".join(out)


@dataclass(frozen=True)
class Watch:
    text: str
    doc_ids: list[str]


def _planned(tables, start) -> list[Watch]:
    """Planned contacts and events on or after the start of the period, soonest first."""
    items = []
    events = table_of(tables, "events")
    contacts = table_of(tables, "contacts")
    # a plan the contacts table shows blocked is no longer to be watched for
    blocked = set(text_column(contacts, "event_id")[text_column(contacts, "status") == "blocked"])
    lo = to_date(start)
    for r in events.assign(**{c: text_column(events, c) for c in
                              ("event_id", "status", "date", "label", "doc_ids",
                               "date_precision")}
                           ).to_dict("records"):
        day = to_date(r["date"])
        # only dated plans: an undated 'plan' is too vague to watch for
        if r["status"] == "planned" and r["label"] and r["event_id"] not in blocked and \
                day is not None and (lo is None or day >= lo):
            when = when_label(day, r["date_precision"], event_span(r))
            items.append((r["date"], Watch(f"{quoted(_unplanned(r['label']))} ({when}): "
                                           "planned; no article reports it held.",
                                           as_list(r["doc_ids"]))))
    for ch in cadence_channels(table_of(tables, "cadence")).to_dict("records"):
        label, date, status = next_planned(ch)
        if date and not any(d == date for d, _ in items):
            items.append((date, Watch(f"{ch['channel_label']}: next contact {status} for "
                                      f"{day_label(to_date(date))}.", as_list(ch["doc_ids"]))))
    return [w for _, w in sorted(items, key=lambda i: i[0])]


def _unplanned(label: str) -> str:
    return label.replace(" (planned)", "")


DEMAND = "DEMAND"  # the PLOVER category of a demand: the other side's answer is to watch
DEMANDS_WATCHED = 2  # the best-corroborated demands, so the list stays short
MIN_DEMAND_ORIGINS = 2  # one origin's report of a demand is too thin to watch for an answer
# How a demand's sentence tells the act it asks for: 'demanded B-land apologize' (wish),
# 'B-land must apologize' (hypothetical).
ASKED_FOR = (Factuality.WISH, Factuality.HYPOTHETICAL)


def _open_demands(tables, start, end, focus: str) -> list[Watch]:
    """'Open question: how B answers the demand by A: “...” (13 Oct 2024).' for asserted
    demands of one side of the pair on the other (the target or a target's side), dated in
    the period or undated, reported by two or more independent origins."""
    pair = set(parse_focus(focus))
    events = table_of(tables, "events")
    if events.empty or "plover" not in events:
        return []
    sides = actor_sides(table_of(tables, "actor_mentions"))
    rows = events[(text_column(events, "plover") == DEMAND)
                  & text_column(events, "status").isin(("", "asserted"))]
    found = []
    for r in rows.to_dict("records"):
        agent_side, day = str(r.get("agent_side") or ""), to_date(r.get("date"))
        asked = {sides.get(t, t) for t in as_list(r.get("targets"))} & pair - {agent_side}
        in_period = day is None or (to_date(start) <= day <= to_date(end))
        if agent_side in pair and asked and in_period and _says_what(r) and \
                int(r.get("n_origins") or 0) >= MIN_DEMAND_ORIGINS and \
                not _met(r, tables, next(iter(asked))):
            when = when_label(day, str(r.get("date_precision") or ""), event_span(r)) \
                if day is not None \
                else "undated"
            found.append((-int(r["n_origins"]), Watch(
                f"Open question: how {side_noun(asked.pop())} answers the demand by "
                f"{side_noun(agent_side)}: "
                f"{quoted(r['label'])} ({when}).", as_list(r.get("doc_ids")))))
    return [w for _, w in sorted(found, key=lambda f: f[0])][:DEMANDS_WATCHED]


def _met(demand: dict, tables, asked: str) -> bool:
    """Whether the articles report the asked side doing what the demand asks for: an act of a
    type the demand's own sentences tell as wished or owed by that side ('demanded B-land
    apologize', 'B-land must apologize': an apology by B-land), asserted elsewhere and not
    dated wholly before the demand. A demand met is no longer an open question."""
    mentions = table_of(tables, "mentions")
    if mentions.empty:
        return False
    mentions = mentions.assign(**{c: text_column(mentions, c) for c in (
        "mention_id", "sent_id", "event_id", "event_type", "polarity", "agent_side")})
    own = set(mentions.loc[mentions["mention_id"].isin(as_list(demand.get("mention_ids"))),
                           "sent_id"])
    by_asked = mentions[mentions["agent_side"] == asked]
    wanted = set(by_asked.loc[by_asked["sent_id"].isin(own)
                              & by_asked["polarity"].isin(ASKED_FOR), "event_type"])
    done = by_asked[by_asked["event_type"].isin(wanted)
                    & (by_asked["polarity"] == Factuality.ASSERTED)]
    events = table_of(tables, "events")
    latest = dict(zip(text_column(events, "event_id"), text_column(events, "date_latest"),
                      strict=True)) if not events.empty else {}
    since = to_date(demand.get("date_earliest"))
    return any(since is None or to_date(latest.get(e)) is None or to_date(latest[e]) >= since
               for e in done["event_id"])


def _says_what(event: dict) -> bool:
    """Whether the label says more than who asked whom ('A asked B' names no demand)."""
    rest = str(event.get("label") or "")
    for name in [event.get("agent"), *as_list(event.get("targets"))]:
        rest = rest.replace(str(name or "") or "\0", " ")
    return len(rest.split()) > 1


def _open_notice(tables, start, end, focus: str) -> list[Watch]:
    observer, _ = parse_focus(focus)
    ops = operations_with_notice(tables, start, end)
    unknown = ops[ops["notice"].isin((Notice.UNKNOWN, ""))]
    events = table_of(tables, "events")
    dates = dates_by_event(events)
    return [Watch(f"Open question: what notice {side_noun(observer)} had of {quoted(r.label)} "
                  f"({_event_when(to_date(r.date), dates.get(r.event_id, {}))}); "
                  "no article says.", as_list(r.doc_ids)) for r in unknown.itertuples()]


def _event_when(day, known: dict) -> str:
    return when_label(day, known.get("date_precision", ""), event_span(known))


def what_to_watch(tables, start, end, focus: str, conflicts: pd.DataFrame) -> list[Watch]:
    """Planned events and contacts first, then open questions: unknown notice, one side's
    demands of the other, and facts on which the sources truly disagree."""
    items = (_planned(tables, start) + _open_notice(tables, start, end, focus)
             + _open_demands(tables, start, end, focus))
    for (fact, subject), group in conflicts.groupby(["fact", "subject"], sort=False):
        items.append(Watch(f"Open question: the sources disagree on the "
                           f"{str(fact).replace('_', ' ')} of {quoted(subject)}.",
                           [d for cell in group["doc_ids"] for d in as_list(cell)]))
    return items[:WATCH_ITEMS]
