"""The brief, section by section: the notebook calls one method per cell.

Main body: front page (headline, summary, key judgements, what to watch), timeline,
notice ledger, channel cadence, trust statements, conflicting accounts, corroboration and
sources. Then the annex: events not on the timeline, claims, events, methods, provenance.
Citations in the main body are numbered notes to the sources list; file names and hashes
appear only in the annex.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from trustbrief.brief import annex, front
from trustbrief.brief.charts.cadence import cadence_chart
from trustbrief.brief.charts.cooperation import cooperation_chart
from trustbrief.brief.charts.corroboration import corroboration_counts, corroboration_matrix
from trustbrief.brief.charts.notice import notice_ledger_chart
from trustbrief.brief.charts.sourcing import sourcing_chart
from trustbrief.brief.charts.statements import statements_chart
from trustbrief.brief.charts.timeline import timeline
from trustbrief.brief.citations import Sources
from trustbrief.brief.conflicts import real_conflicts, value_text
from trustbrief.brief.findings.base import plural
from trustbrief.brief.findings.cadence import cadence_finding
from trustbrief.brief.findings.cooperation import cooperation_finding
from trustbrief.brief.findings.notice import operations_in_period, operations_takeaway
from trustbrief.brief.findings.origins import rewrites_takeaway
from trustbrief.brief.findings.statements import period_statements, statements_finding
from trustbrief.brief.findings.summary import all_findings, key_findings
from trustbrief.brief.html import (
    HTMLBlock,
    clip,
    columns_of,
    esc,
    figure,
    prose,
    section,
    table,
)
from trustbrief.brief.judgements import judge, not_judged
from trustbrief.brief.style import NARROW_WIDTH, PLOT_WIDTH, use_theme
from trustbrief.brief.tables import Tables, in_period, load_tables
from trustbrief.brief.views.cells import as_list, side_adjective, side_noun, text_column
from trustbrief.brief.views.cooperation import cooperation_counts
from trustbrief.brief.views.events import (
    TIMELINE_EVENTS,
    actor_sides,
    confident_events,
    drawn_lanes,
    named_origins,
    quiet_end,
    timeline_note,
)
from trustbrief.brief.views.notice import (
    accounts_text,
    merge_same_operations,
    most_accounts,
    notice_tally,
    with_precision,
)
from trustbrief.brief.views.sourcing import (
    corroboration_cells,
    framing_summary,
    sourcing_counts,
)
from trustbrief.briefs import fill_from_story

# What each figure's CSV link holds: the rows a reader can use (ids join the processed tables).
TIMELINE_CSV = ("event_id", "date", "date_earliest", "date_latest", "date_basis", "label",
                "lane", "agent", "agent_side", "targets", "notice", "n_documents", "n_outlets",
                "n_origins", "origins")
LEDGER_CSV = ("event_id", "date", "label", "agent", "targets", "notice", "accounts", "evidence")
CONTACTS_CSV = ("channel", "channel_label", "event_id", "date", "status", "label")

CONFLICTS_SHOWN = 6  # facts in dispute listed in the main body; the rest are in the CSV
ACCOUNTS_SHOWN = 4  # accounts of one disputed fact named in the main body
MIN_JUDGEMENTS = 3  # fewer, and the front page says the data support no more
LEDGER_ROWS = 16  # operations in the notice ledger: those with the most accounts
NARROW_LABEL_CHARS = 28  # operation labels in the notice ledger's phone variant

CONFIDENCE_NOTE = ("Confidence: high = three or more independent origins and an on-record "
                   "source; moderate = two or more origins; low = one origin. A judgement of "
                   "absence is held lower when the reports that could fill it are undated, "
                   "and a comparison of counts when its margin is narrow.")


class Brief:
    """A brief's data and parameters; each method renders one section."""

    def __init__(self, tables: Tables, params: dict):
        use_theme()
        self.params = dict(params)
        self.start, self.end = self.params["start"], self.params["end"]
        self.focus = self.params["focus"]  # OBSERVER->SUBJECT, from the brief definition
        self.observer, _, self.subject = self.focus.partition("->")
        self.pair = (self.observer.strip(), self.subject.strip())  # the two governments
        self.tables = tables
        self.sources = Sources(self.tables["documents"])

    @classmethod
    def open(cls, processed_dir: Path | str, params: dict) -> Brief:
        """The brief of the tables in `processed_dir`; parameters left '' (a notebook opened
        by hand) come from the story those tables belong to (briefs.fill_from_story)."""
        return cls(load_tables(processed_dir), fill_from_story(params, processed_dir))

    # shared views --------------------------------------------------------------------------

    @property
    def events(self) -> pd.DataFrame:
        """Events touching the period with enough independent origins (undated kept)."""
        events = in_period(self.tables["events"], self.start, self.end)
        if events.empty:
            return events
        origins = pd.to_numeric(events["n_origins"], errors="coerce").fillna(0)
        events = events[origins >= int(self.params.get("min_origins", 1))].copy()
        # the operations lane holds the pair's operations, the ones the heading counts
        events["lane"] = drawn_lanes(events, (self.observer, self.subject))
        return events

    @property
    def timeline_events(self) -> pd.DataFrame:
        return confident_events(self.events, self.start, self.end, self.actor_sides,
                                TIMELINE_EVENTS, self.pair)

    @property
    def actor_sides(self) -> dict[str, str]:
        """Actor -> side: the timeline is about the pair, not about one side's own affairs."""
        if not hasattr(self, "_actor_sides"):
            self._actor_sides = actor_sides(self.tables["actor_mentions"])
        return self._actor_sides

    @property
    def conflicts(self) -> pd.DataFrame:
        """Accounts that truly conflict, about events of this period or channels."""
        event_conflicts = self.tables["conflicts"]
        if len(event_conflicts):
            shown = set(text_column(self.events, "event_id"))
            event_conflicts = event_conflicts[text_column(event_conflicts,
                                                          "event_id").isin(shown)]
        found = real_conflicts(event_conflicts, self.tables["count_conflicts"])
        labels = dict(zip(text_column(self.tables["events"], "event_id"),
                          text_column(self.tables["events"], "label"), strict=True))
        channels = dict(zip(text_column(self.tables["cadence"], "channel"),
                            text_column(self.tables["cadence"], "channel_label"), strict=True))
        return found.assign(subject=[labels.get(s) or channels.get(s) or s
                                     for s in found["subject"]])

    def source_line(self) -> str:
        docs = self.tables["documents"]
        used = docs[text_column(docs, "duplicate_of") == ""] if len(docs) else docs
        return f"{plural(len(used), 'article')}; numbers refer to the sources list."

    # front page ----------------------------------------------------------------------------

    def front_page(self) -> HTMLBlock:
        found = all_findings(self.tables, self.start, self.end, self.focus)
        judgements = judge(self.tables, key_findings(self.tables, self.start, self.end,
                                                     self.focus, found), self.focus)
        unjudged = "".join(f"<li>{esc(f.text)} {self.sources.cite(c.doc_id for c in f.citations)}"
                           "</li>" for f in not_judged(found, judgements))
        if unjudged:
            unjudged = ('<p class="tb-note">Not judged, for want of evidence or because the '
                        f'data shows otherwise:</p><ul class="tb-not-judged">{unjudged}</ul>')
        unjudged = _too_few(len(judgements)) + unjudged
        title = esc(self.params["title"])
        dek = esc(front.headline(self.tables, self.start, self.end, self.focus)) + "."
        meta = esc(f"{self.observer} and {self.subject}, {self.start} to {self.end} · built "
                   f"{self.params.get('build_time') or 'interactively'}")
        summary = front.summary(self.tables, self.start, self.end, judgements)
        items = "".join(
            f'<li><p><b>{esc(j.statement)}</b> <span class="tb-confidence '
            f'tb-{j.confidence}">{j.confidence} confidence</span></p>'
            f'<p class="tb-basis">{esc(j.finding.text)} {self.sources.cite(j.doc_ids)}'
            f'<br><span class="tb-note">Basis: {esc(j.evidence.basis())}'
            f'{esc(_ceiling_note(j))}.</span></p></li>'
            for j in judgements)
        watch = front.what_to_watch(self.tables, self.start, self.end, self.focus,
                                    self.conflicts)
        watch_items = "".join(f"<li>{esc(w.text)} {self.sources.cite(w.doc_ids)}</li>"
                              for w in watch) or "<li>Nothing planned or open is reported.</li>"
        return HTMLBlock(
            f'<h1>{title}</h1><p class="tb-dek">{dek}</p><p class="tb-meta">{meta}</p>'
            f'<div class="tb-summary tb-prose"><p>{esc(summary)}</p></div>'
            + section("Key judgements").markup
            + f'<div class="tb-judgements tb-prose"><ol>{items}</ol>{unjudged}'
            f'<p class="tb-note">{esc(CONFIDENCE_NOTE)}</p></div>'
            + "<h3>What to watch</h3>"
            + f'<div class="tb-watch tb-prose"><ul>{watch_items}</ul></div>')

    # evidence ------------------------------------------------------------------------------

    def timeline(self) -> HTMLBlock:
        events = self.timeline_events
        dated = len(confident_events(self.events, self.start, self.end, self.actor_sides,
                                     pair=self.pair))
        crisis = ((self.params["crisis_start"], self.params["crisis_end"])
                  if self.params.get("crisis_start") else None)
        drawn = named_origins(events, self.tables["documents"])  # tooltips name, never ids
        chart = timeline(drawn, self.start, self.end, crisis=crisis, notice_to=self.observer)
        narrow = timeline(drawn, self.start, self.end, crisis=crisis,
                          notice_to=self.observer, width=NARROW_WIDTH)
        ops_text = operations_takeaway(operations_in_period(events, self.start, self.end),
                                       self.observer, self.subject)
        quiet = quiet_end(events, self.start, self.end)
        takeaway = (f"{plural(len(events), 'confidently dated event')} in the period{quiet}; "
                    f"{ops_text}.")
        if dated > len(events):
            takeaway = (f"{len(events)} of {dated} confidently dated events in the period "
                        f"(every operation, then the best corroborated){quiet}; {ops_text}.")
        note = timeline_note(events, self.observer)
        return HTMLBlock(section("What happened").markup
                         + figure(chart, "Events of the period, with the warning that came "
                                  "with them", takeaway, self.source_line(), note,
                                  data=columns_of(events, TIMELINE_CSV), narrow=narrow).markup)

    def relations(self) -> HTMLBlock:
        """The dyadic cooperation-conflict series: counts per period, never a sum."""
        finding = cooperation_finding(self.tables, self.start, self.end, self.focus)
        title = "Cooperation and conflict between the two governments"
        if not finding.available:
            return HTMLBlock(section(title).markup + prose(finding.text).markup)
        counts = cooperation_counts(self.tables["cooperation"], self.start, self.end)
        note = ("Each bar counts dated events between the two sides in one period: above the "
                "line acts of a cooperative kind, below it acts of a conflictual kind, by the "
                "sign of their kind's weight on Goldstein's 1992 cooperation–conflict scale; "
                "events are counted, never weighted or summed.")
        return HTMLBlock(section(title).markup + figure(
            cooperation_chart(counts), "Cooperative and conflictual events, by period",
            finding.text, self.source_line(), note=note, data=counts,
            cites=self.sources.cite(c.doc_id for c in finding.citations),
            narrow=cooperation_chart(counts, width=NARROW_WIDTH)).markup)

    def notice(self) -> HTMLBlock:
        ledger = in_period(self.tables["notice_ledger"], self.start, self.end)
        ledger = ledger[text_column(ledger, "date") != ""] if len(ledger) else ledger
        ledger = most_accounts(merge_same_operations(ledger, self.tables["events"]),
                               LEDGER_ROWS)
        ledger = with_precision(ledger, self.tables["events"])
        if ledger.empty:
            return HTMLBlock(section("Notice ledger").markup + prose(
                f"No operation in this period comes with an account of the notice "
                f"{side_noun(self.observer)} got.").markup)
        docs = self.tables["documents"]
        summary = notice_tally(text_column(ledger, "notice"))
        cites = self.sources.cite([d for c in text_column(ledger, "doc_ids")
                                   for d in as_list(c)])
        return HTMLBlock(section("Notice ledger").markup + figure(
            notice_ledger_chart(ledger, docs),
            f"How much warning {side_noun(self.observer)} had of each operation",
            f"Operation by operation, the advance notice reported ({summary}); beside each "
            "dot, the number of accounts.", self.source_line(),
            note="One row per operation dated in the period, at the notice its accounts "
                 "report; beside it, how many accounts there are and how many of them say "
                 "there was none.", cites=cites,
            data=columns_of(ledger.assign(accounts=[accounts_text(a, docs) for a in text_column(
                ledger, "accounts")], evidence=text_column(ledger, "evidence").map(clip)),
                LEDGER_CSV),
            narrow=notice_ledger_chart(ledger, docs, width=NARROW_WIDTH,
                                       label_chars=NARROW_LABEL_CHARS)).markup)

    def cadence(self) -> HTMLBlock:
        def chart(width=PLOT_WIDTH):
            return cadence_chart(self.tables["cadence"], self.events, as_of=self.end,
                                 contacts=self.tables["contacts"], since=self.start,
                                 stated=self.tables["stated_measures"], width=width)

        finding = cadence_finding(self.tables, self.start, self.end, self.focus)
        if not finding.available:  # no empty panel: say it in one line
            return HTMLBlock(section("Channel cadence").markup + prose(finding.text).markup)
        doc_ids = [c.doc_id for c in finding.citations]
        contacts = in_period(self.tables["contacts"], self.start, self.end)
        return HTMLBlock(section("Channel cadence").markup + figure(
            chart(), "Contacts per channel, and the silences between them",
            f"{finding.text}", self.source_line(),
            note="Dots: contacts, labelled with their day (hollow: planned; x: blocked); grey "
                 "bars: time without contact, as stated or measured between dated contacts; "
                 "dotted line: the day the silences are counted to. "
                 + self.channels_without_contacts(), cites=self.sources.cite(doc_ids),
            data=columns_of(contacts, CONTACTS_CSV), narrow=chart(NARROW_WIDTH)).markup)

    def channels_without_contacts(self) -> str:
        """'No dated contact in the period: Foreign ministers (A – B). ' or ''."""
        contacts = in_period(self.tables["contacts"], self.start, self.end)
        dated = set(text_column(contacts, "channel")[text_column(contacts, "date") != ""])
        cadence = self.tables["cadence"]
        idle = [label for channel, label in zip(text_column(cadence, "channel"),
                                                text_column(cadence, "channel_label"),
                                                strict=True) if channel not in dated]
        return f"No dated contact in the period: {'; '.join(idle)}. " if idle else ""

    def statements(self) -> HTMLBlock:
        frame = period_statements(self.tables, self.start, self.end, self.focus)
        finding = statements_finding(self.tables, self.start, self.end, self.focus)
        if not finding.available:
            return HTMLBlock(section("Trust statements").markup + prose(finding.text).markup)
        note = ("One bar per independent origin (articles relaying one report count once), "
                "split by who made the statements; beside each origin, when they were made "
                "('by' a date: only the article's publication date bounds them).")
        return HTMLBlock(section("Trust statements").markup + figure(
            statements_chart(frame),
            f"Who voices {side_adjective(self.observer)} distrust of {side_noun(self.subject)}, "
            "on the record or not",
            finding.text, self.source_line(), note=note, cites=self.sources.cite(frame["doc_id"]),
            narrow=statements_chart(frame, width=NARROW_WIDTH)).markup)

    def conflicts_section(self) -> HTMLBlock:
        found = self.conflicts
        if found.empty:
            return HTMLBlock(section("Conflicting accounts").markup + prose(
                "The sources do not contradict each other on any extracted fact. Differences "
                "of wording or rounding (two measures whose ranges overlap, notice one step "
                "apart, dates whose ranges meet) are not counted as conflicts, nor is a date "
                "spread over more than a month ('in recent months'), which dates nothing."
            ).markup)
        rows = []
        groups = list(found.groupby(["fact", "subject"], sort=False))
        for (fact, subject), group in groups[:CONFLICTS_SHOWN]:
            pairs = list(zip(group["value"], group["doc_ids"], strict=True))
            accounts = " versus ".join(f"{esc(value_text(str(fact), v))} "
                                       f"{self.sources.cite(d, limit=2)}"
                                       for v, d in pairs[:ACCOUNTS_SHOWN])
            if len(pairs) > ACCOUNTS_SHOWN:
                accounts += f"; and {len(pairs) - ACCOUNTS_SHOWN} more accounts"
            rows.append(f"<li><b>{esc(subject)}</b> ({esc(str(fact).replace('_', ' '))}): "
                        f"{accounts}</li>")
        more = (f'<p class="tb-note">{len(groups) - CONFLICTS_SHOWN} more facts on which '
                "sources disagree are in the processed tables (conflicts.csv, "
                "count_conflicts.csv).</p>" if len(groups) > CONFLICTS_SHOWN else "")
        return HTMLBlock(section("Conflicting accounts").markup
                         + f'<div class="tb-prose"><ul>{"".join(rows)}</ul>{more}</div>')

    def corroboration(self) -> HTMLBlock:
        events = self.timeline_events
        cells = corroboration_cells(events, self.tables["documents"], self.tables["mentions"])
        per_event = cells.groupby("event_id").agg(docs=("doc_id", "nunique"),
                                                  origins=("n_origins", "first"))
        rewritten = int((per_event["docs"] > per_event["origins"]).sum())
        takeaway = rewrites_takeaway(rewritten, len(events))
        tables = (events, self.tables["documents"], self.tables["mentions"])
        matrix = corroboration_matrix(*tables, start=self.start, end=self.end,
                                      include_undated=False)
        narrow = corroboration_counts(*tables, start=self.start, end=self.end,
                                      include_undated=False, width=NARROW_WIDTH)
        claims, docs = self.tables["claims"], self.tables["documents"]
        return HTMLBlock(section("Corroboration and sourcing").markup
                         + figure(matrix, "Which outlet reports which event", takeaway,
                                  self.source_line(), narrow=narrow).markup
                         + figure(sourcing_chart(claims, docs),
                                  "Who says so: the sourcing of each outlet's claims",
                                  "Named officials on the record, anonymous officials, and "
                                  "claims attributed to another outlet.",
                                  self.source_line(), data=sourcing_counts(claims, docs),
                                  narrow=sourcing_chart(claims, docs,
                                                        width=NARROW_WIDTH)).markup
                         + self.framing())

    def framing(self) -> str:
        """How outlets name the same actors (a title, an epithet): framing in a few rows."""
        found = framing_summary(self.tables["actor_mentions"], self.tables["documents"])
        if found.empty:
            return prose("Every outlet names the actors the same way.").markup
        return ("<h3>How outlets name the actors</h3>" + table(
            found, {"actor": "Actor", "side": "Side", "terms": "Terms used, and by whom"},
            caption="Actors the outlets name differently, most variants first; pronouns "
                    "and plain names left out.", clip_at=None).markup)

    def sources_section(self) -> HTMLBlock:
        return HTMLBlock(section("Sources").markup + self.sources.listing())

    # annex ---------------------------------------------------------------------------------

    def annex(self) -> HTMLBlock:
        return annex.annex(self)


def _too_few(n: int) -> str:
    """A brief whose data support fewer than MIN_JUDGEMENTS says so instead of padding."""
    if n >= MIN_JUDGEMENTS:
        return ""
    return (f'<p class="tb-note tb-too-few">The articles support {"no" if not n else "only"} '
            f'{plural(n, "key judgement") if n else "key judgement"} for this period; a brief '
            f"usually makes {MIN_JUDGEMENTS} to 5, but none is stretched beyond what the "
            "evidence holds.</p>")


def _ceiling_note(judgement) -> str:
    """'; held at low confidence: 2 reported contacts on this channel are undated' or ''."""
    reason = judgement.finding.ceiling_reason
    if not reason or judgement.confidence != judgement.finding.ceiling:
        return ""
    return f"; held at {judgement.confidence} confidence: {reason}"
