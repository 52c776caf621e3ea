"""The brief, section by section: the notebook calls one method per cell.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from trustbrief import metrics
from trustbrief.brief.annex import METHODS, header, provenance_appendix
from trustbrief.brief.charts.cadence import cadence_chart
from trustbrief.brief.charts.corroboration import corroboration_matrix
from trustbrief.brief.charts.notice import notice_ledger_chart
from trustbrief.brief.charts.sourcing import sourcing_chart
from trustbrief.brief.charts.timeline import timeline
from trustbrief.brief.charts.trust import trust_chart
from trustbrief.brief.findings.cadence import cadence_finding
from trustbrief.brief.findings.notice import operations_in_period
from trustbrief.brief.findings.summary import headline, key_findings
from trustbrief.brief.html import (
    DOC_ID_RE,
    HTMLBlock,
    cite_docs,
    doc_label,
    esc,
    figure,
    prose,
    section,
    sources_list,
    table,
)
from trustbrief.brief.style import use_theme
from trustbrief.brief.tables import Tables, in_period, load_tables
from trustbrief.brief.views.cells import text_column
from trustbrief.brief.views.events import undated_events
from trustbrief.brief.views.sourcing import framing_table
from trustbrief.tables import split_list


def _count(frame: pd.DataFrame, column: str, value: str) -> int:
    return int((text_column(frame, column) == value).sum())


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


class Brief:
    """A brief's data and parameters; each method renders one section."""

    def __init__(self, tables: Tables, params: dict):

        use_theme()
        self.tables = tables
        self.params = dict(params)
        self.start, self.end = self.params["start"], self.params["end"]
        self.focus = self.params["focus"]  # OBSERVER->SUBJECT, from the brief definition
        self.observer, _, self.subject = self.focus.partition("->")

    @classmethod
    def open(cls, processed_dir: Path | str, params: dict) -> Brief:
        return cls(load_tables(processed_dir), dict(params))

    # shared views --------------------------------------------------------------------------

    @property
    def events(self) -> pd.DataFrame:
        """Events in the period with enough independent origins (undated ones kept)."""
        events = in_period(self.tables["events"], self.start, self.end)
        if events.empty:
            return events
        origins = pd.to_numeric(events["n_origins"], errors="coerce").fillna(0)
        events = events[origins >= int(self.params.get("min_origins", 1))].copy()
        # The operations lane is for the focus pair's own operations; a third party's
        # action of the same type (a third country's strike plan) belongs with third-party actions.
        third = (text_column(events, "lane") == "operations") & ~text_column(
            events, "agent_side").isin([self.observer, self.subject, ""])
        events.loc[third, "lane"] = "third-party actions"
        return events

    @property
    def documents(self) -> pd.DataFrame:
        return self.tables["documents"]

    def doc_names(self, doc_ids: str) -> str:
        """'The Jerusalem Post, 2024-09-29; unknown outlet (x.txt), ...' for ';'-joined ids."""
        docs = self.documents.set_index("doc_id") if not self.documents.empty else None
        names = [doc_label(docs.loc[d]) for d in split_list(doc_ids)
                 if docs is not None and d in docs.index]
        return "; ".join(names)

    def name_doc_ids(self, text: str) -> str:
        """Replace document ids in a cell ('nearly 50 days (d39974e08cc)') by their names."""
        return DOC_ID_RE.sub(lambda m: self.doc_names(m.group(0)) or m.group(0), str(text))

    def source_line(self, *tables: str) -> str:
        docs = self.documents
        used = docs[text_column(docs, "duplicate_of") == ""]
        outlets = sorted({o for o in text_column(used, "outlet") if o and o != "unknown"})
        unknown = int((text_column(used, "outlet") == "unknown").sum())
        names = ", ".join(outlets) + (f" and {unknown} article(s) of unknown outlet"
                                      if unknown else "")
        return f"{len(used)} articles ({names}); trustbrief tables {', '.join(tables)}."

    # 0. title ------------------------------------------------------------------------------

    def header(self) -> HTMLBlock:

        dek = headline(self.tables, self.start, self.end, self.focus)
        return header(self.params, self.tables, dek=dek)

    # 1. key findings -----------------------------------------------------------------------

    def key_findings(self) -> HTMLBlock:

        items = []
        for finding in key_findings(self.tables, self.start, self.end, self.focus):
            cites = cite_docs([c.doc_id for c in finding.citations], self.documents)
            cite_html = f' <span class="tb-cite">[{cites}]</span>' if cites else ""
            items.append(f"<li>{esc(finding.text)}{cite_html}</li>")
        return HTMLBlock(section("Key findings").markup
                         + f'<div class="tb-findings tb-prose"><ul>{"".join(items)}</ul></div>')

    # 2. timeline ---------------------------------------------------------------------------

    def timeline(self) -> HTMLBlock:

        events = self.events
        crisis = ((self.params["crisis_start"], self.params["crisis_end"])
                  if self.params.get("crisis_start") else None)
        chart = timeline(events, self.start, self.end, crisis=crisis,
                                min_origins=int(self.params.get("min_origins", 1)),
                         notice_to=self.observer)

        ops = operations_in_period(events, self.start, self.end)
        little = ops[text_column(ops, "notice").isin(["none", "minutes"])]
        dated = events[text_column(events, "date") != ""]
        ops_text = (f"{plural(len(ops), 'dated operation')}, {len(little)} of them with no "
                    f"or only minutes of notice to the {self.observer}" if len(ops)
                    else "no dated operation in the period")
        takeaway = (f"{plural(len(dated), 'dated event')} between {self.start} and {self.end}; "
                    f"{ops_text}.")
        parts = [section("Annotated timeline").markup,
                 figure(chart, "What happened, and how much warning came with it", takeaway,
                        self.source_line("events"),
                        note="Filled points: dates stated in an article; hollow points: dates "
                             "inferred, ranged or taken from the analyst chronology; bars show "
                             "the date range. Point size: independent origins.").markup]
        undated = undated_events(events)
        if not undated.empty:
            # Only undated events with some weight: operations or more than one article.
            weighty = undated[text_column(undated, "operation").isin(["true", "True"])
                              | (pd.to_numeric(undated["n_documents"], errors="coerce") > 1)]
            rest = len(undated) - len(weighty)
            caption = ("Events the articles mention without a date (operations, and events in "
                       f"more than one article; {rest} more in events.csv):")
            parts.append(table(weighty, {"label": "Undated event", "event_type": "Type",
                                         "n_documents": "Articles", "n_origins": "Origins"},
                               caption=caption).markup)
        return HTMLBlock("".join(parts))

    # 3. trust and notice -------------------------------------------------------------------

    def trust(self) -> HTMLBlock:

        index = in_period(self.tables["trust_index"], self.start, self.end)
        parts = [section("Trust deterioration").markup]
        takeaway = "No dated trust signals fall in this period."
        if not index.empty:
            values = pd.to_numeric(index["index"], errors="coerce")
            takeaway = (f"The {self.focus} trust index moved from {values.iloc[0]:+.2f} on "
                        f"{index['date'].iloc[0]} to {values.iloc[-1]:+.2f} on "
                        f"{index['date'].iloc[-1]}; its lowest point was {values.min():+.2f}.")
        parts.append(figure(trust_chart(index, self.events, start=self.start,
                                               end=self.end),
                            f"Trust index, {self.focus}", takeaway,
                            self.source_line("trust_index", "trust_signals", "events"),
                            note="Band: uncertainty, wider where fewer independent origins "
                                 "stand behind a point. Method in the appendix.").markup)
        ledger = in_period(self.tables["notice_ledger"], self.start, self.end)
        counts = text_column(ledger, "notice").value_counts()
        summary = ", ".join(f"{n} {k}" for k, n in counts.items()) or "no operations"
        if ledger.empty:  # no empty panel: say it in one line
            parts.append("<h3>Notice ledger</h3>" + prose(
                f"No operation in this period comes with an account of the notice the "
                f"{self.observer} got.").markup)
        else:
            parts.append(figure(notice_ledger_chart(ledger, self.documents),
                                f"Notice ledger: how much warning the {self.observer} had",
                                f"Operation by operation, the advance notice reported: {summary}.",
                                self.source_line("notice_ledger")).markup)
            parts.append(table(ledger, {"label": "Operation", "date": "Date", "notice": "Notice",
                                        "accounts": "Accounts (notice: sources)",
                                        "evidence": "Evidence"}).markup)
        return HTMLBlock("".join(parts))

    # 4. cadence ----------------------------------------------------------------------------

    def cadence(self) -> HTMLBlock:

        cadence = self.tables["cadence"].copy()
        for column in ("stated_gaps", "stated_counts", "next_planned"):
            if column in cadence:
                cadence[column] = cadence[column].map(self.name_doc_ids)
        chart = cadence_chart(cadence, self.events, as_of=self.end,
                                     contacts=self.tables["contacts"])
        finding = cadence_finding(self.tables, self.start, self.end, self.focus)
        return HTMLBlock(section("Communication cadence").markup
                         + figure(chart, "Who was talking to whom, and the silences between",
                                  finding.text, self.source_line("cadence", "contacts")).markup
                         + table(cadence, {"channel_label": "Channel",
                                           "last_contact": "Last contact",
                                           "days_since": "Days since",
                                           "previous_gap_days": "Gap before it (days)",
                                           "stated_gaps": "Gaps stated",
                                           "stated_counts": "Counts stated",
                                           "next_planned": "Next planned"}).markup)

    # 5. corroboration and sourcing ---------------------------------------------------------

    def corroboration(self) -> HTMLBlock:

        events = self.events
        n_docs = pd.to_numeric(text_column(events, "n_documents"), errors="coerce")
        n_orig = pd.to_numeric(text_column(events, "n_origins"), errors="coerce")
        takeaway = (f"{int((n_docs > n_orig).sum())} of {plural(len(events), 'event')} are "
                    "reported by more articles than they have independent origins: rewrites of "
                    "one report are not corroboration.")
        matrix = corroboration_matrix(events, self.documents, self.tables["mentions"],
                                             start=self.start, end=self.end,
                                             include_undated=False)
        claims = self.tables["claims"]
        n_anon = _count(claims, "speaker_type", "anonymous_official")
        n_named = _count(claims, "speaker_type", "named_official")
        n_outlet = int((text_column(claims, "cited_outlet") != "").sum())
        n_by_outlet = _count(claims, "speaker_type", "outlet")
        sourcing_takeaway = (f"Of {plural(len(claims), 'attributed statement')}, {n_anon} rest on "
                             f"anonymous officials, {n_named} on named officials and "
                             f"{n_by_outlet} on an outlet's own reporting; {n_outlet} in all "
                             "name another outlet as where they come from.")
        return HTMLBlock(section("Corroboration and sourcing").markup
                         + figure(matrix, "Which outlet reports which event", takeaway,
                                  self.source_line("events", "mentions")).markup
                         + figure(sourcing_chart(self.tables["sourcing"], self.documents),
                                  "Who says so: the sourcing mix per outlet", sourcing_takeaway,
                                  self.source_line("claims", "sourcing")).markup)

    # 6. conflicts and framing --------------------------------------------------------------

    def conflicts_and_framing(self) -> HTMLBlock:

        # Conflicts about events belong to the brief whose period holds the event.
        event_conflicts = self.tables["conflicts"]
        if not event_conflicts.empty:
            shown = set(text_column(self.events, "event_id"))
            event_conflicts = event_conflicts[text_column(event_conflicts, "event_id").isin(shown)]
        conflicts = pd.concat([event_conflicts, self.tables["count_conflicts"]],
                              ignore_index=True)
        facts = 0
        if not conflicts.empty:
            conflicts = conflicts.fillna("")
            labels = dict(zip(self.tables["events"].get("event_id", []),
                              self.tables["events"].get("label", []), strict=False))
            subject = [labels.get(e, "") or c for e, c in
                       zip(conflicts.get("event_id", ""), conflicts.get("channel", ""),
                           strict=False)]
            facts_read = conflicts["fact"].str.replace("_", " ")
            conflicts["about"] = [f"{f}: {s}" if s else f
                                  for f, s in zip(facts_read, subject, strict=True)]
            conflicts["sources"] = [self.doc_names(ids) for ids in conflicts["doc_ids"]]
            facts = conflicts["about"].nunique()
        framing = self.framing_block()
        return HTMLBlock(
            section("Conflicting accounts and outlet framing",
                    f"{plural(facts, 'fact')} on which the sources disagree, each account "
                    "with its sources; then the words each outlet uses for the same actors."
                    ).markup
            + table(conflicts, {"about": "Fact", "account": "Account", "value": "Value",
                                "sources": "Sources", "evidence": "Evidence"},
                    empty="The sources do not contradict each other on any extracted fact.").markup
            + "<h3>Outlet framing</h3>" + framing)

    def framing_block(self, limit: int = 8) -> str:
        """Actors named differently by different outlets: each outlet's terms, with counts."""

        framing = framing_table(self.tables["actor_mentions"], self.documents)
        if framing.empty:
            return '<p class="tb-note">Every outlet uses the same terms for the same actors.</p>'
        outlets = [c for c in framing.columns if c not in ("actor", "side", "n_variants")]
        rows = []
        for row in framing.head(limit).to_dict("records"):
            terms = "<br>".join(f"<b>{esc(o)}</b>: {esc(row[o])}" for o in outlets if row[o])
            rows.append(f"<tr><td>{esc(row['actor'])}</td><td>{row['n_variants']}</td>"
                        f"<td>{terms}</td></tr>")
        return ('<p class="tb-note">The words each outlet uses for the same actor (names, '
                "titles and epithets; count of uses), actors with the most variants first.</p>"
                '<table class="tb-table"><thead><tr><th>Actor</th><th>Variants</th>'
                f"<th>Terms by outlet</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")

    # 7. claims -----------------------------------------------------------------------------

    def claims(self) -> HTMLBlock:
        claims = self.tables["claims"].copy()
        if not claims.empty:
            names = {row["doc_id"]: doc_label(row) for _, row in self.documents.iterrows()}
            claims["source"] = claims["doc_id"].map(names).fillna("")
            claims["speaker_type"] = claims["speaker_type"].str.replace("_", " ")
            claims["said"] = [q if q else t for q, t in zip(claims.get("quote", ""),
                                                           claims["text"], strict=False)]
        return HTMLBlock(section("Claims and quotes").markup
                         + table(claims, {"speaker": "Speaker", "speaker_type": "Type",
                                          "cited_outlet": "Via", "said": "Said",
                                          "source": "Article"}).markup)

    # 8. methods and provenance -------------------------------------------------------------

    def methods(self) -> HTMLBlock:

        docs = self.documents
        dated = docs[text_column(docs, "published_basis") == "inferred"]
        events = self.tables["events"]
        soft = events[text_column(events, "date_basis").isin(["relative-inferred", "chronology"])]
        overrides = self.tables["overrides"]
        parts = [
            section("Methods and provenance").markup,
            prose(*METHODS).markup,
            "<h3>Trust index</h3>",
            prose(*[" ".join(metrics.METHOD.split())]).markup,
            "<h3>Publication dates that were inferred</h3>",
            table(dated, {"file": "File", "published": "Inferred date",
                          "published_earliest": "Earliest", "published_latest": "Latest",
                          "published_evidence": "Evidence"},
                  empty="Every article states its date or has it in data/sources.csv.").markup,
            "<h3>Event dates not stated in the articles</h3>",
            table(soft, {"label": "Event", "date": "Date", "date_basis": "Basis"},
                  empty="Every event date is stated in an article.").markup,
            "<h3>Sources</h3>",
            sources_list(docs).markup,
            "<h3>Analyst overrides applied</h3>",
            table(overrides, empty="No corrections in data/annotations.yaml.").markup,
            provenance_appendix(self.params, self.tables).markup,
        ]
        return HTMLBlock("".join(parts))
