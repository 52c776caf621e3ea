"""The cadence finding: the longest silence on a channel, and what other channels add.
"""

from __future__ import annotations

import re

import pandas as pd

from trustbrief.brief.findings.base import (
    Finding,
    as_int,
    cite_documents,
    join_words,
    plural,
    table_of,
)
from trustbrief.brief.findings.coverage import SAYING  # a statement about him: no contact
from trustbrief.brief.views.cadence import (
    cadence_channels,
    cadence_contacts,
    contact_silences,
    contact_when,
    next_planned,
    silence_is_current,
    split_cited,
    stated_items,
)
from trustbrief.brief.views.cells import (
    as_list,
    day_label,
    quoted,
    range_text,
    text_column,
    to_date,
)

LAPSE_DAYS = 14
# The judgement names the silence in the unit an analyst would: 'for weeks' up to about two
# months, 'for months' up to a year, then 'for over a year' (the finding gives the days).
MONTHS_FROM_DAYS = 60
YEAR_DAYS = 365


def lapse_words(days: int) -> str:
    """'weeks', 'months' or 'over a year': how long a silence of `days` days lasted, in the
    words of the judgement ('contact lapsed for months'); '' below LAPSE_DAYS (no lapse)."""
    if days < LAPSE_DAYS:
        return ""
    return "weeks" if days < MONTHS_FROM_DAYS else "months" if days < YEAR_DAYS \
        else "a year" if days == YEAR_DAYS else "over a year"


def cadence_finding(tables, start, end, focus: str) -> Finding:
    """The channel with the longest gap before its last contact, then what the other
    channels' records add (stated contact counts, blocked contacts), by channel label."""
    documents = table_of(tables, "documents")
    channels = cadence_channels(table_of(tables, "cadence"), end,
                                table_of(tables, "stated_measures"))
    if channels.empty:
        return Finding("No contact channel has a reported last contact, so the gap between "
                       "contacts could not be measured.", [], "cadence", False)
    contacts = cadence_contacts(channels, table_of(tables, "contacts"), table_of(tables, "events"))
    ranked = _ranked_channels(channels, contacts)
    top = ranked.iloc[0]
    if not top["gap"] and not top["last_contact"]:
        return Finding(f"No date of the last contact is reported for "
                       f"{join_words(list(channels['channel_label']))}.", [], "cadence", False)
    # A silence the articles state ('have not spoken in 50 days') is reported, not inferred
    # from missing reports: only a measured gap is held down by undated contacts, and its
    # sentence says what is known (no DATED contact), never that there was no contact.
    measured = top["previous_gap_basis"] != "stated"
    undated = _undated_contacts(table_of(tables, "contacts"), top["channel"]) if measured else []
    between = _undated_between(table_of(tables, "events"), top["actors"]) if measured else []
    last_days = _last_contact_days(top, table_of(tables, "contacts"), table_of(tables, "events"))
    parts = [_silence_clause(top, last_days) if top["silence"] is not None else
             _known_span_clause(top, last_days, undated + between)
             if undated or between else _gap_clause(top, last_days)]
    docs = as_list(top["doc_ids"]) or _docs_with_sentence(tables, top["evidence"])
    docs += [d for cell in as_list(top["stated_gaps"]) for d in split_cited(cell)[1]]
    for ch in ranked.iloc[1:].itertuples():
        clause, cited = _channel_clause(ch, contacts[contacts["channel"] == ch.channel])
        if clause:
            parts.append(clause)
            docs += cited
    text = "; ".join(parts[:3])
    # The judgement 'contact lapsed for weeks' needs a silence of two weeks or more, and
    # says months when it lasted months.
    span = lapse_words(max(top["gap"], top["since"]))
    reason = join_words(
        ([f"{plural(len(undated), 'reported contact')} on this channel could not be dated"]
         if undated else [])
        + ([f"{plural(len(between), 'undated event')} between its two officials may fall "
            "inside the silence"] if between else []))
    if not reason and measured:
        reason = MEASURED_REASON
    return Finding(text[0].upper() + text[1:] + ".", cite_documents(docs, documents), "cadence",
                   supports=bool(span), ceiling="low" if reason and reason != MEASURED_REASON
                   else "moderate" if reason else "high", ceiling_reason=reason,
                   terms={"span": span})


# A silence measured between the contacts the articles report proves no silence: outlets
# report some contacts, not all. Only a silence the articles state carries high confidence.
MEASURED_REASON = "the silence is measured between the contacts the articles report, and " \
    "a contact they do not report would not show"


def _ranked_channels(channels: pd.DataFrame, contacts: pd.DataFrame) -> pd.DataFrame:
    """Channels by their longest silence, then the days since their last contact. A channel
    whose gap before its last contact cannot be counted in days (a contact between is dated
    only to a month), or is measured and shorter than an earlier silence between its dated
    contacts, is ranked by its longest silence between dated contacts (`silence`: that
    silence's row of views.cadence.contact_silences, else None)."""
    silences = contact_silences(contacts)
    longest = {ch: group.sort_values("days").iloc[-1]
               for ch, group in silences.groupby("channel", sort=False)}
    gaps = channels["previous_gap_days"].map(as_int)
    # a measured gap before the last contact shorter than an earlier measured silence is not
    # the channel's lapse: the longest silence is (a stated gap is the articles' own and stays)
    measured = channels["previous_gap_basis"] != "stated"
    chosen = [longest.get(ch) if ch in longest and (
              not gap or (is_measured and int(longest[ch]["days"]) > gap)) else None
              for ch, gap, is_measured in zip(channels["channel"], gaps, measured, strict=True)]
    channels = channels.assign(
        gap=[int(c["days"]) if c is not None else g for c, g in zip(chosen, gaps, strict=True)],
        since=channels["days_since"].map(as_int), silence=chosen)
    return channels.sort_values(["gap", "since", "channel_label"],
                                ascending=[False, False, True])


def _silence_clause(ch, last_days: str) -> str:
    """'Leaders (A – B) had no reported contact between 28 Dec 2024 and their contact in
    September 2025 (at least 247 days), then on 8–9 Oct 2025': a silence bounded by a contact
    dated only to a month is counted to that month's edge, as a minimum."""
    s = ch["silence"]
    before, after = contact_when(s["before"]), contact_when(s["after"])
    span = ("at least " if s["at_least"] else "") + plural(int(s["days"]), "day")
    last = to_date(ch["last_contact"])
    tail = f"; the last reported was on {last_days or day_label(last)}" if last is not None and \
        last > s["after"].day_end else ""
    return (f"{ch['channel_label']} had no reported contact between {before} and their "
            f"contact {'in' if s['after'].day_end != s['after'].day else 'on'} {after} "
            f"({span}){tail}")


def _undated_contacts(contacts: pd.DataFrame, channel: str) -> list[str]:
    """Labels of the channel's held contacts that no article dates: any of them may fall
    inside the silence, so the silence is an absence of dated reports, not of contact. (A
    contact only planned or blocked was not held: it fills no silence.)"""
    if contacts.empty:
        return []
    mine = contacts[(text_column(contacts, "channel") == channel)
                    & text_column(contacts, "status").isin(("", "asserted"))
                    & (text_column(contacts, "date") == "")]
    return list(dict.fromkeys(text_column(mine, "label")))


def _undated_between(events: pd.DataFrame, actors) -> list[str]:
    """Labels of asserted events no article dates in which one of the channel's officials
    acts on the other (an apology, a demand; not the channel's own contacts, not a statement
    about the other): each says the two were in touch at some time."""
    people = set(as_list(actors))
    if events.empty or len(people) < 2:
        return []
    undated = events[(text_column(events, "date") == "")
                     & text_column(events, "status").isin(("", "asserted"))
                     & (text_column(events, "plover") != SAYING)]
    return [label for agent, targets, label in zip(
                text_column(undated, "agent"), text_column(undated, "targets"),
                text_column(undated, "label"), strict=True)
            if agent in people and people - {agent} & set(as_list(targets))]


def _last_contact_days(ch, contacts: pd.DataFrame, events: pd.DataFrame) -> str:
    """The last contact's day as certain as the events table knows it: '8–9 Oct 2025' when
    its event is dated to a range (a lede's 'reported' date), else the day."""
    last = to_date(ch["last_contact"])
    if last is None or contacts is None or contacts.empty or events is None or events.empty:
        return day_label(last)
    mine = contacts[(text_column(contacts, "channel") == ch["channel"])
                    & (text_column(contacts, "date") == str(ch["last_contact"]))]
    ranges = events.set_index(text_column(events, "event_id"))
    for event_id in text_column(mine, "event_id"):
        if event_id in ranges.index:
            row = ranges.loc[event_id]
            first = to_date(row.get("date_earliest")) or last
            return range_text(first, to_date(row.get("date_latest")) or first)
    return day_label(last)


def _gap_clause(ch, last_days: str = "") -> str:
    """'Leaders (A - B) had had no contact for nearly 50 days (another account: two months)
    before the one planned for 9 Oct 2024' - or, without a gap, the days since the last
    (`last_days`: the last contact's day or range, as certain as it is known)."""
    label, last = ch["channel_label"], to_date(ch["last_contact"])
    when = last_days or day_label(last)
    if not ch["gap"] and ch["since"] < LAPSE_DAYS:  # a day or two is no silence
        what = _aside(ch["last_contact_label"])
        return f"{label} were last reported in contact on {when}{what}"
    if not ch["gap"]:
        return f"{label} had had no reported contact for {plural(ch['since'], 'day')} " \
               f"(last on {when})"
    stated = stated_items(ch["stated_gaps"]) if ch["previous_gap_basis"] == "stated" else []
    # 'their first talks in a year': the span without its preposition ('for in a year')
    span = re.sub(r"^(?:in|for)\s+", "", stated[0]) if stated else plural(ch["gap"], "day")
    # an article's stated silence is told as such; a measured one is only what was reported
    none = "no contact" if stated else "no reported contact"
    if len(stated) > 1:
        span += f" (another account: {join_words(stated[1:])})"
    status = ch["last_contact_status"]
    if last is None:  # only the silence is reported: it runs up to the time of writing
        _, planned, status = next_planned(ch.to_dict())
        if not planned:
            return f"{label} had had {none} for {span} as of {day_label(to_date(ch['as_of']))}"
        when = day_label(to_date(planned))
    elif silence_is_current(_Row(ch)):  # the gap runs from the last contact to the time of writing
        _, planned, status = next_planned(ch.to_dict())
        when = day_label(to_date(planned)) if planned else ""
        if not when:
            return f"{label} had had {none} for {span} (since {day_label(last)})"
    before = f"the one planned for {when}" if status == "planned" else \
        f"the one blocked on {when}" if status == "blocked" else f"their contact on {when}"
    return f"{label} had had {none} for {span} before {before}"


def _known_span_clause(ch, last_days: str, undated: list[str]) -> str:
    """What the articles know of a measured silence when contacts between the two officials
    are reported without a date: 'Leaders (A – B): the articles date no contact between 18
    Aug 2024 and their contact on 8–9 Oct 2025 (416 days), but 1 report of contact between
    them carries no date (“A apologized to B”), so the silence may be shorter'. The undated
    contact neither splits nor lengthens the span: it is named, not placed."""
    last = to_date(ch["last_contact"])
    if last is None or not ch["gap"] or silence_is_current(_Row(ch)):
        return _gap_clause(ch, last_days)
    first = day_label(last - pd.Timedelta(days=int(ch["gap"])))
    status = ch["last_contact_status"]
    end = f"the one planned for {last_days}" if status == "planned" else \
        f"the one blocked on {last_days}" if status == "blocked" else \
        f"their contact on {last_days}"
    named = join_words([quoted(label) for label in undated[:2]]
                       + ([f"{len(undated) - 2} more"] if len(undated) > 2 else []))
    carries = "carries" if len(undated) == 1 else "carry"
    return (f"{ch['channel_label']}: the articles date no contact between {first} and {end} "
            f"({plural(ch['gap'], 'day')}), but {plural(len(undated), 'report')} of contact "
            f"between them {carries} no date ({named}), so the silence may be shorter")


def _aside(label: str) -> str:
    """' (“A and B meet”)' after a sentence: the label quoted, its own '(planned)' left out
    (the sentence says planned or blocked), so parentheses never nest."""
    bare = re.sub(r"\s*\([^()]*\)\s*$", "", str(label or "")).strip()
    return f" ({quoted(bare)})" if bare else ""


class _Row:
    """Attribute access to a Series row (charts' helpers read itertuples rows)."""

    def __init__(self, row):
        self.__dict__.update(row.to_dict())


def _channel_clause(ch, contacts: pd.DataFrame) -> tuple[str, list[str]]:
    """What a further channel's record adds: its stated contact count and a blocked contact."""
    counts = join_words(stated_items(ch.stated_counts))
    blocked = contacts[contacts["status"] == "blocked"].sort_values(["date", "event_id"])
    if not counts and blocked.empty:
        return "", []
    subject = ch.channel_label + (f", in contact {counts} by one account," if counts else "")
    if blocked.empty:
        last = to_date(ch.last_contact)
        tail = f"last spoke on {day_label(last)}" if last is not None else \
            "has no dated contact"
        return f"{subject} {tail}", as_list(ch.doc_ids)
    b = blocked.iloc[-1]
    what = _aside(b["label"])
    return (f"{subject} saw a contact blocked on {day_label(b['day'])}{what}",
            as_list(b["doc_ids"]) + as_list(ch.doc_ids))


def _docs_with_sentence(tables, evidence: str) -> list[str]:
    """Documents whose sentences hold the evidence text (cadence rows carry no doc_id)."""
    sentences = table_of(tables, "sentences")
    evidence = " ".join(str(evidence).split())
    if sentences.empty or not evidence:
        return []
    texts = text_column(sentences, "text").map(lambda t: " ".join(t.split()))
    hit = texts.map(lambda t: bool(t) and (evidence in t or t in evidence))
    return list(dict.fromkeys(text_column(sentences, "doc_id")[hit]))
