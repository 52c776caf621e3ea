"""Brief assembly: the notebook's sections as escaped HTML blocks around the charts.

The notebook stays thin: each section is one call here. Everything that comes
from an article (titles, sentences, names) is HTML-escaped, so markup in a seed
stays inert in the brief.
"""

from __future__ import annotations

import html
import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from trustbrief.tables import read_table, split_list

log = logging.getLogger("trustbrief")
esc = html.escape

TABLE_NAMES = ("documents", "sentences", "mentions", "events", "claims", "trust_signals",
               "actor_mentions", "time_expressions", "conflicts", "overrides", "trust_index",
               "notice_ledger", "cadence", "sourcing", "count_conflicts", "contacts")


@dataclass
class Tables:
    """The processed tables a brief reads, plus the extraction provenance."""

    frames: dict[str, pd.DataFrame]
    provenance: dict = field(default_factory=dict)
    datapackage: dict = field(default_factory=dict)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.frames.get(name, pd.DataFrame())


def load_tables(processed_dir: Path | str) -> Tables:
    processed_dir = Path(processed_dir)
    if not (processed_dir / "documents.csv").exists():
        raise FileNotFoundError(
            f"no processed tables in {processed_dir}: run `make data` first")
    frames = {}
    for name in TABLE_NAMES:
        path = processed_dir / f"{name}.csv"
        frames[name] = read_table(path) if path.exists() else pd.DataFrame()
    prov, package = {}, {}
    if (processed_dir / "provenance.json").exists():
        prov = json.loads((processed_dir / "provenance.json").read_text(encoding="utf-8"))
    if (processed_dir / "datapackage.json").exists():
        package = json.loads((processed_dir / "datapackage.json").read_text(encoding="utf-8"))
    return Tables(frames, prov, package)


class HTMLBlock:
    """Something a notebook cell displays as HTML (and nothing else)."""

    def __init__(self, markup: str):
        self.markup = markup

    def _repr_html_(self) -> str:
        return self.markup


def in_period(frame: pd.DataFrame, start: str, end: str, column: str = "date") -> pd.DataFrame:
    """Rows whose date (or range) touches [start, end]; undated rows are kept."""
    if frame.empty or column not in frame:
        return frame
    lo = frame.get(f"{column}_earliest", frame[column]).where(lambda s: s != "", frame[column])
    hi = frame.get(f"{column}_latest", frame[column]).where(lambda s: s != "", frame[column])
    undated = frame[column] == ""
    keep = undated | ((hi >= start) & (lo <= end))
    return frame[keep]


# -- document citations ----------------------------------------------------------------

def doc_label(doc: pd.Series) -> str:
    """'The Jerusalem Post, 2024-09-29' or 'unknown outlet (003_x.txt), 2024-10-08 (inferred)'."""
    outlet = doc.get("outlet", "") or "unknown"
    name = outlet if outlet != "unknown" else f"unknown outlet ({doc.get('file', '')})"
    date = doc.get("published", "") or "undated"
    if doc.get("published_basis", "") == "inferred" and date != "undated":
        date += " (inferred)"
    return f"{name}, {date}"


def doc_anchor(doc_id: str) -> str:
    return "src-" + "".join(ch for ch in str(doc_id) if ch.isalnum() or ch in "-_")


def cite_docs(doc_ids, documents: pd.DataFrame) -> str:
    """Escaped citations, each linking to its entry in the brief's list of sources."""
    if documents.empty:
        return ""
    known = set(documents["doc_id"])
    by_id = documents.set_index("doc_id")
    parts = [f'<a href="#{doc_anchor(d)}">{esc(doc_label(by_id.loc[d]))}</a>'
             for d in dict.fromkeys(doc_ids) if d in known]
    return "; ".join(parts)


def sources_list(documents: pd.DataFrame) -> HTMLBlock:
    """Every article, with an anchor the citations link to, and its URL when known."""
    if documents.empty:
        return HTMLBlock('<p class="tb-note">No articles.</p>')
    items = []
    for _, doc in documents.iterrows():
        url = str(doc.get("url", "") or "")
        link = (f' <a href="{esc(url, quote=True)}" rel="noopener">{esc(url)}</a>'
                if url.startswith(("https://", "http://")) else "")
        dup = (f" (duplicate of {esc(doc['duplicate_of'])}, not counted)"
               if doc.get("duplicate_of", "") else "")
        items.append(
            f'<li id="{doc_anchor(doc["doc_id"])}"><b>{esc(doc_label(doc))}</b>: '
            f'“{esc(str(doc.get("title", "")))}”. File <code>{esc(str(doc.get("file", "")))}'
            f"</code>, date basis {esc(str(doc.get('published_basis', '')))}{dup}.{link}</li>")
    return HTMLBlock(f'<ol class="tb-sources">{"".join(items)}</ol>')


# -- building blocks ---------------------------------------------------------------------

def figure(chart, title: str, takeaway: str, source: str, note: str = "") -> HTMLBlock:
    """A titled figure: title, one-line takeaway, the chart, a source line - one block,
    so it never splits across PDF pages."""
    from trustbrief import offline_charts

    rendered = offline_charts.render_mimebundle(chart.to_dict())["text/html"]
    extra = f'<p class="tb-note">{esc(note)}</p>' if note else ""
    return HTMLBlock(
        f'<figure class="tb-figure"><p class="tb-fig-title">{esc(title)}</p>'
        f'<p class="tb-takeaway">{esc(takeaway)}</p>{rendered}{extra}'
        f'<figcaption class="tb-source">Source: {esc(source)}</figcaption></figure>')


def clip(text: str, limit: int = 240) -> str:
    """Shorten long evidence for a table cell; the full text stays in the CSV tables."""
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def table(frame: pd.DataFrame, columns: dict[str, str] | None = None, caption: str = "",
          empty: str = "Nothing to show for this period.", clip_at: int | None = 240
          ) -> HTMLBlock:
    """An escaped HTML table with readable column names; long cells are clipped."""
    if frame is None or frame.empty:
        return HTMLBlock(f'<p class="tb-note">{esc(empty)}</p>')
    shown = frame
    if columns:
        shown = frame[[c for c in columns if c in frame]].rename(columns=columns)
    if clip_at:
        shown = shown.apply(lambda col: col.map(
            lambda v: clip(v, clip_at) if isinstance(v, str) else v))
    cap = f'<p class="tb-note">{esc(caption)}</p>' if caption else ""
    markup = shown.to_html(index=False, escape=True, border=0, classes="tb-table", na_rep="")
    # A date is one word: keep YYYY-MM-DD cells from wrapping in narrow columns.
    markup = DATE_CELL_RE.sub(r'<td class="tb-date">\1</td>', markup)
    return HTMLBlock(cap + markup)


DOC_ID_RE = re.compile(r"\bd[0-9a-f]{10}(?:-\d+)?\b")
DATE_CELL_RE = re.compile(r"<td>(\d{4}-\d{2}-\d{2})</td>")


def section(title: str, intro: str = "") -> HTMLBlock:
    text = f'<div class="tb-prose"><p>{esc(intro)}</p></div>' if intro else ""
    return HTMLBlock(f"<h2>{esc(title)}</h2>{text}")


def prose(*paragraphs: str) -> HTMLBlock:
    return HTMLBlock('<div class="tb-prose">' + "".join(f"<p>{esc(p)}</p>" for p in paragraphs)
                     + "</div>")


def header(params: dict, tables: Tables, dek: str = "") -> HTMLBlock:
    docs = tables["documents"]
    n_docs = len(docs)
    outlets = sorted({o for o in col(docs, "outlet") if o and o != "unknown"})
    meta = (f"Period {params['start']} to {params['end']} · focus {params['focus']} · "
            f"{n_docs} article(s) from {len(outlets)} named outlet(s) · built "
            f"{params.get('build_time') or 'interactively'}")
    dek_html = f'<p class="tb-dek">{esc(dek)}</p>' if dek else ""
    return HTMLBlock(f"<h1>{esc(params['title'])}</h1>{dek_html}"
                     f'<p class="tb-meta">{esc(meta)}</p>')


def corpus_table(tables: Tables) -> HTMLBlock:
    docs = tables["documents"].copy()
    if docs.empty:
        return table(docs)
    docs["published"] = [
        f"{p} ({b})" if p else f"unknown ({b})"
        for p, b in zip(docs["published"], docs["published_basis"], strict=True)]
    return table(docs, {"file": "File", "title": "Title", "outlet": "Outlet",
                        "published": "Published (basis)", "n_sentences": "Sentences",
                        "duplicate_of": "Duplicate of"})


def provenance_appendix(params: dict, tables: Tables) -> HTMLBlock:
    """Seeds with sha256, data files, parameters, package versions, git revision, build time."""
    from trustbrief import provenance

    prov = tables.provenance
    seeds = pd.DataFrame(prov.get("seeds", []))
    data_files = pd.DataFrame(prov.get("data_files", []))
    versions = dict(prov.get("packages", {}))
    versions.update(provenance.package_versions())
    shown_params = {k: v for k, v in params.items() if k != "processed_dir"}
    parts = [
        "<h3>Parameters</h3>",
        table(pd.DataFrame({"parameter": list(shown_params),
                            "value": [str(v) for v in shown_params.values()]}))._repr_html_(),
        "<h3>Input articles</h3>",
        table(seeds, {"file": "File", "sha256": "sha256"})._repr_html_(),
        "<h3>Analyst data files</h3>",
        table(data_files, {"file": "File", "sha256": "sha256"})._repr_html_(),
        "<h3>Software</h3>",
        table(pd.DataFrame({"package": list(versions), "version": list(versions.values())})
              )._repr_html_(),
        f'<p class="tb-meta">git revision {esc(provenance.git_revision(Path.cwd()))} · '
        f"built {esc(params.get('build_time') or provenance.build_time())}</p>",
    ]
    return HTMLBlock('<div class="tb-appendix">' + "".join(parts) + "</div>")


def join_list(value: str, sep: str = ", ") -> str:
    return sep.join(split_list(value))


METHODS = (
    "Articles. Each file in seeds/ is read as received; bylines, datelines and site furniture "
    "are separated from the body by the rules in data/boilerplate.yaml, and what they tell "
    "(outlet, author, URL, date) is kept. A publication date is stated in the text, given in "
    "data/sources.csv, or inferred from the article's relative references ('last Friday', "
    "'today') to events whose dates other articles or the analyst chronology pin down; "
    "inferred dates are marked wherever they are cited.",
    "Events. Every sentence is matched against the event vocabulary (data/event_types.yaml) "
    "and the gazetteer of actors; mentions of the same type, compatible dates and shared "
    "participants are merged into one event across articles. An event's date comes from the "
    "time expression governing its sentence (explicit beats relative beats inferred); an "
    "event no article dates may take its date from the analyst chronology, never its "
    "existence. Dates that disagree are kept as conflicting accounts.",
    "Corroboration. An event's documents exclude duplicates; its independent origins count "
    "the original reports behind it: articles that cite the same outlet as their source are "
    "one origin. The notice ledger lists, for each operation by one side of the focus pair "
    "against a third party, the advance notice the other side reported (none, minutes, "
    "hours, days), the most specific account first and every other account kept.",
    "Cadence. Contacts are calls and meetings between the actors of each channel in "
    "data/channels.yaml; planned or blocked contacts are shown apart from those that took "
    "place; gaps stated in the articles ('nearly 50 days') are kept as stated, with their "
    "sources.",
)


# -- the brief, section by section (the notebook calls one method per cell) --------------

def col(frame: pd.DataFrame, name: str) -> pd.Series:
    """A column as strings, or empty strings when the table lacks it."""
    if name in frame:
        return frame[name].fillna("").astype(str)
    return pd.Series("", index=frame.index, dtype=str)


def _count(frame: pd.DataFrame, column: str, value: str) -> int:
    return int((col(frame, column) == value).sum())


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


class Brief:
    """A brief's data and parameters; each method renders one section."""

    def __init__(self, tables: Tables, params: dict):
        from trustbrief import charts

        charts.use_theme()
        self.tables = tables
        self.params = dict(params)
        self.start, self.end = self.params["start"], self.params["end"]
        self.focus = self.params.get("focus", "US->Israel")
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
        # action of the same type (an Iranian strike plan) belongs with third-party actions.
        third = (col(events, "lane") == "operations") & ~col(events, "agent_side").isin(
            [self.observer, self.subject, ""])
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
        used = docs[col(docs, "duplicate_of") == ""]
        outlets = sorted({o for o in col(used, "outlet") if o and o != "unknown"})
        unknown = int((col(used, "outlet") == "unknown").sum())
        names = ", ".join(outlets) + (f" and {unknown} article(s) of unknown outlet"
                                      if unknown else "")
        return f"{len(used)} articles ({names}); trustbrief tables {', '.join(tables)}."

    # 0. title ------------------------------------------------------------------------------

    def header(self) -> HTMLBlock:
        from trustbrief import findings

        dek = findings.headline(self.tables, self.start, self.end, self.focus)
        return header(self.params, self.tables, dek=dek)

    # 1. key findings -----------------------------------------------------------------------

    def key_findings(self) -> HTMLBlock:
        from trustbrief import findings

        items = []
        for finding in findings.key_findings(self.tables, self.start, self.end, self.focus):
            cites = cite_docs([c.doc_id for c in finding.citations], self.documents)
            cite_html = f' <span class="tb-cite">[{cites}]</span>' if cites else ""
            items.append(f"<li>{esc(finding.text)}{cite_html}</li>")
        return HTMLBlock(section("Key findings").markup
                         + f'<div class="tb-findings tb-prose"><ul>{"".join(items)}</ul></div>')

    # 2. timeline ---------------------------------------------------------------------------

    def timeline(self) -> HTMLBlock:
        from trustbrief import charts

        events = self.events
        crisis = ((self.params["crisis_start"], self.params["crisis_end"])
                  if self.params.get("crisis_start") else None)
        chart = charts.timeline(events, self.start, self.end, crisis=crisis,
                                min_origins=int(self.params.get("min_origins", 1)))
        from trustbrief import findings

        ops = findings.operations_in_period(events, self.start, self.end)
        little = ops[col(ops, "us_notice").isin(["none", "minutes"])]
        dated = events[col(events, "date") != ""]
        ops_text = (f"{_plural(len(ops), 'dated operation')}, {len(little)} of them with no "
                    f"or only minutes of notice to the {self.observer}" if len(ops)
                    else "no dated operation in the period")
        takeaway = (f"{_plural(len(dated), 'dated event')} between {self.start} and {self.end}; "
                    f"{ops_text}.")
        parts = [section("Annotated timeline").markup,
                 figure(chart, "What happened, and how much warning came with it", takeaway,
                        self.source_line("events"),
                        note="Filled points: dates stated in an article; hollow points: dates "
                             "inferred, ranged or taken from the analyst chronology; bars show "
                             "the date range. Point size: independent origins.").markup]
        undated = charts.undated_events(events)
        if not undated.empty:
            # Only undated events with some weight: operations or more than one article.
            weighty = undated[col(undated, "operation").isin(["true", "True"])
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
        from trustbrief import charts

        index = in_period(self.tables["trust_index"], self.start, self.end)
        parts = [section("Trust deterioration").markup]
        takeaway = "No dated trust signals fall in this period."
        if not index.empty:
            values = pd.to_numeric(index["index"], errors="coerce")
            takeaway = (f"The {self.focus} trust index moved from {values.iloc[0]:+.2f} on "
                        f"{index['date'].iloc[0]} to {values.iloc[-1]:+.2f} on "
                        f"{index['date'].iloc[-1]}; its lowest point was {values.min():+.2f}.")
        parts.append(figure(charts.trust_chart(index, self.events, start=self.start,
                                               end=self.end),
                            f"Trust index, {self.focus}", takeaway,
                            self.source_line("trust_index", "trust_signals", "events"),
                            note="Band: uncertainty, wider where fewer independent origins "
                                 "stand behind a point. Method in the appendix.").markup)
        ledger = in_period(self.tables["notice_ledger"], self.start, self.end)
        counts = col(ledger, "notice").value_counts()
        summary = ", ".join(f"{n} {k}" for k, n in counts.items()) or "no operations"
        if ledger.empty:  # no empty panel: say it in one line
            parts.append("<h3>Notice ledger</h3>" + prose(
                f"No operation in this period comes with an account of the notice the "
                f"{self.observer} got.").markup)
        else:
            parts.append(figure(charts.notice_ledger_chart(ledger, self.documents),
                                f"Notice ledger: how much warning the {self.observer} had",
                                f"Operation by operation, the advance notice reported: {summary}.",
                                self.source_line("notice_ledger")).markup)
            parts.append(table(ledger, {"label": "Operation", "date": "Date", "notice": "Notice",
                                        "accounts": "Accounts (notice: sources)",
                                        "evidence": "Evidence"}).markup)
        return HTMLBlock("".join(parts))

    # 4. cadence ----------------------------------------------------------------------------

    def cadence(self) -> HTMLBlock:
        from trustbrief import charts, findings

        cadence = self.tables["cadence"].copy()
        for column in ("stated_gaps", "stated_counts", "next_planned"):
            if column in cadence:
                cadence[column] = cadence[column].map(self.name_doc_ids)
        chart = charts.cadence_chart(cadence, self.events, as_of=self.end,
                                     contacts=self.tables["contacts"])
        finding = findings.cadence_finding(self.tables, self.start, self.end, self.focus)
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
        from trustbrief import charts

        events = self.events
        n_docs = pd.to_numeric(col(events, "n_documents"), errors="coerce")
        n_orig = pd.to_numeric(col(events, "n_origins"), errors="coerce")
        takeaway = (f"{int((n_docs > n_orig).sum())} of {_plural(len(events), 'event')} are "
                    "reported by more articles than they have independent origins: rewrites of "
                    "one report are not corroboration.")
        matrix = charts.corroboration_matrix(events, self.documents, self.tables["mentions"],
                                             start=self.start, end=self.end,
                                             include_undated=False)
        claims = self.tables["claims"]
        n_anon = _count(claims, "speaker_type", "anonymous_official")
        n_named = _count(claims, "speaker_type", "named_official")
        n_outlet = int((col(claims, "cited_outlet") != "").sum())
        n_by_outlet = _count(claims, "speaker_type", "outlet")
        sourcing_takeaway = (f"Of {_plural(len(claims), 'attributed statement')}, {n_anon} rest on "
                             f"anonymous officials, {n_named} on named officials and "
                             f"{n_by_outlet} on an outlet's own reporting; {n_outlet} in all "
                             "name another outlet as where they come from.")
        return HTMLBlock(section("Corroboration and sourcing").markup
                         + figure(matrix, "Which outlet reports which event", takeaway,
                                  self.source_line("events", "mentions")).markup
                         + figure(charts.sourcing_chart(self.tables["sourcing"], self.documents),
                                  "Who says so: the sourcing mix per outlet", sourcing_takeaway,
                                  self.source_line("claims", "sourcing")).markup)

    # 6. conflicts and framing --------------------------------------------------------------

    def conflicts_and_framing(self) -> HTMLBlock:

        # Conflicts about events belong to the brief whose period holds the event.
        event_conflicts = self.tables["conflicts"]
        if not event_conflicts.empty:
            shown = set(col(self.events, "event_id"))
            event_conflicts = event_conflicts[col(event_conflicts, "event_id").isin(shown)]
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
                    f"{_plural(facts, 'fact')} on which the sources disagree, each account "
                    "with its sources; then the words each outlet uses for the same actors."
                    ).markup
            + table(conflicts, {"about": "Fact", "account": "Account", "value": "Value",
                                "sources": "Sources", "evidence": "Evidence"},
                    empty="The sources do not contradict each other on any extracted fact.").markup
            + "<h3>Outlet framing</h3>" + framing)

    def framing_block(self, limit: int = 8) -> str:
        """Actors named differently by different outlets: each outlet's terms, with counts."""
        from trustbrief import charts

        framing = charts.framing_table(self.tables["actor_mentions"], self.documents)
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
        from trustbrief import metrics

        docs = self.documents
        dated = docs[col(docs, "published_basis") == "inferred"]
        events = self.tables["events"]
        soft = events[col(events, "date_basis").isin(["relative-inferred", "chronology"])]
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
