"""Brief assembly: the notebook's sections as escaped HTML blocks around the charts.

The notebook stays thin: each section is one call here. Everything that comes
from an article (titles, sentences, names) is HTML-escaped, so markup in a seed
stays inert in the brief.
"""

from __future__ import annotations

import html
import json
import logging
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


def cite_docs(doc_ids, documents: pd.DataFrame) -> str:
    """Escaped citation links to source documents (their URL when known)."""
    if documents.empty:
        return ""
    by_id = documents.set_index("doc_id")
    parts = []
    for doc_id in doc_ids:
        if doc_id not in by_id.index:
            continue
        doc = by_id.loc[doc_id]
        label = esc(doc_label(doc))
        url = doc.get("url", "")
        if isinstance(url, str) and url.startswith(("https://", "http://")):
            parts.append(f'<a href="{esc(url, quote=True)}" rel="noopener">{label}</a>')
        else:
            parts.append(f'<span title="{esc(doc.get("file", ""), quote=True)}">{label}</span>')
    return "; ".join(parts)


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
    return HTMLBlock(cap + shown.to_html(index=False, escape=True, border=0,
                                         classes="tb-table", na_rep=""))


def section(title: str, intro: str = "") -> HTMLBlock:
    text = f'<div class="tb-prose"><p>{esc(intro)}</p></div>' if intro else ""
    return HTMLBlock(f"<h2>{esc(title)}</h2>{text}")


def prose(*paragraphs: str) -> HTMLBlock:
    return HTMLBlock('<div class="tb-prose">' + "".join(f"<p>{esc(p)}</p>" for p in paragraphs)
                     + "</div>")


def header(params: dict, tables: Tables, dek: str = "") -> HTMLBlock:
    docs = tables["documents"]
    n_docs = len(docs)
    outlets = sorted({o for o in docs.get("outlet", pd.Series(dtype=str)) if o and o != "unknown"})
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


# -- the brief, section by section (the notebook calls one method per cell) --------------

def _count(frame: pd.DataFrame, column: str, value: str) -> int:
    return int((frame.get(column, pd.Series(dtype=str)) == value).sum()) if not frame.empty else 0


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
        return events[origins >= int(self.params.get("min_origins", 1))]

    @property
    def documents(self) -> pd.DataFrame:
        return self.tables["documents"]

    def source_line(self, *tables: str) -> str:
        docs = self.documents
        used = docs[docs.get("duplicate_of", "") == ""] if not docs.empty else docs
        outlets = sorted({o for o in used.get("outlet", []) if o and o != "unknown"})
        unknown = int((used.get("outlet", pd.Series(dtype=str)) == "unknown").sum())
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
        ops = events[events.get("operation", "") .isin(["true", "True", "yes"])] \
            if not events.empty else events
        little = ops[ops.get("us_notice", "").isin(["none", "minutes"])] if not ops.empty else ops
        dated = events[events.get("date", "") != ""] if not events.empty else events
        takeaway = (f"{_plural(len(dated), 'dated event')} between {self.start} and {self.end}; "
                    f"{_plural(len(ops), 'operation')}, {len(little)} of them with no or only "
                    f"minutes of notice to the {self.observer}.")
        parts = [section("Annotated timeline").markup,
                 figure(chart, "What happened, and how much warning came with it", takeaway,
                        self.source_line("events"),
                        note="Filled points: dates stated in an article; hollow points: dates "
                             "inferred, ranged or taken from the analyst chronology; bars show "
                             "the date range. Point size: independent origins.").markup]
        undated = charts.undated_events(events)
        if not undated.empty:
            # Only undated events with some weight: operations or more than one article.
            weighty = undated[undated.get("operation", "").isin(["true", "True"])
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
        counts = ledger.get("notice", pd.Series(dtype=str)).value_counts()
        summary = ", ".join(f"{n} {k}" for k, n in counts.items()) or "no operations"
        parts.append(figure(charts.notice_ledger_chart(ledger),
                            f"Notice ledger: how much warning the {self.observer} had",
                            f"Operation by operation, the advance notice reported: {summary}.",
                            self.source_line("notice_ledger")).markup)
        parts.append(table(ledger, {"label": "Operation", "date": "Date", "notice": "Notice",
                                    "accounts": "Accounts", "evidence": "Evidence",
                                    "outlets": "Outlets"}).markup)
        return HTMLBlock("".join(parts))

    # 4. cadence ----------------------------------------------------------------------------

    def cadence(self) -> HTMLBlock:
        from trustbrief import charts

        cadence = self.tables["cadence"]
        as_of = self.end
        chart = charts.cadence_chart(cadence, self.events, as_of=as_of)
        takeaway = "No communication channel is documented."
        if not cadence.empty:
            days = pd.to_numeric(cadence["days_since"], errors="coerce")
            worst = cadence.loc[days.idxmax()] if days.notna().any() else None
            if worst is not None:
                takeaway = (f"Longest silence: {worst['channel']}, {int(days.max())} days "
                            f"since the last documented contact ({worst['last_contact']}).")
        return HTMLBlock(section("Communication cadence").markup
                         + figure(chart, "Days without contact, by channel", takeaway,
                                  self.source_line("cadence", "events")).markup
                         + table(cadence, {"channel": "Channel", "last_contact": "Last contact",
                                           "days_since": "Days since", "basis": "Basis",
                                           "evidence": "Evidence"}).markup)

    # 5. corroboration and sourcing ---------------------------------------------------------

    def corroboration(self) -> HTMLBlock:
        from trustbrief import charts

        events = self.events
        n_docs = pd.to_numeric(events.get("n_documents", pd.Series(dtype=str)), errors="coerce")
        n_orig = pd.to_numeric(events.get("n_origins", pd.Series(dtype=str)), errors="coerce")
        takeaway = (f"{int((n_docs > n_orig).sum())} of {_plural(len(events), 'event')} are "
                    "reported by more articles than they have independent origins: rewrites of "
                    "one report are not corroboration.")
        matrix = charts.corroboration_matrix(events, self.documents, self.tables["mentions"],
                                             start=self.start, end=self.end,
                                             include_undated=False)
        claims = self.tables["claims"]
        n_anon = _count(claims, "speaker_type", "anonymous_official")
        n_named = _count(claims, "speaker_type", "named_official")
        n_outlet = int((claims.get("cited_outlet", pd.Series(dtype=str)) != "").sum()) \
            if not claims.empty else 0
        sourcing_takeaway = (f"Of {_plural(len(claims), 'attributed statement')}, {n_anon} rest on "
                             f"anonymous officials, {n_named} on named officials, and {n_outlet} "
                             "cite another outlet as their origin.")
        return HTMLBlock(section("Corroboration and sourcing").markup
                         + figure(matrix, "Which outlet reports which event", takeaway,
                                  self.source_line("events", "mentions")).markup
                         + figure(charts.sourcing_chart(self.tables["sourcing"], self.documents),
                                  "Who says so: the sourcing mix per outlet", sourcing_takeaway,
                                  self.source_line("claims", "sourcing")).markup)

    # 6. conflicts and framing --------------------------------------------------------------

    def conflicts_and_framing(self) -> HTMLBlock:
        from trustbrief import charts

        conflicts = self.tables["conflicts"]
        facts = conflicts["fact"].nunique() if not conflicts.empty else 0
        framing = charts.framing_table(self.tables["actor_mentions"], self.documents)
        return HTMLBlock(
            section("Conflicting accounts and outlet framing",
                    f"{_plural(facts, 'fact')} on which the sources disagree, each account "
                    "with its sources; then the words each outlet uses for the same actors."
                    ).markup
            + table(conflicts, {"fact": "Fact", "account": "Account", "value": "Value",
                                "outlets": "Outlets", "evidence": "Evidence"},
                    empty="The sources do not contradict each other on any extracted fact.").markup
            + "<h3>Outlet framing</h3>"
            + table(framing, empty="Every outlet uses the same terms for the same actors.").markup)

    # 7. claims -----------------------------------------------------------------------------

    def claims(self) -> HTMLBlock:
        claims = self.tables["claims"].copy()
        if not claims.empty:
            names = {row["doc_id"]: doc_label(row) for _, row in self.documents.iterrows()}
            claims["source"] = claims["doc_id"].map(names).fillna("")
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
        dated = docs[docs.get("published_basis", "") == "inferred"] if not docs.empty else docs
        events = self.tables["events"]
        soft = events[events.get("date_basis", "").isin(["relative-inferred", "chronology"])] \
            if not events.empty else events
        overrides = self.tables["overrides"]
        parts = [
            section("Methods and provenance").markup,
            prose(*getattr(metrics, "METHOD_PARAGRAPHS", ())).markup,
            "<h3>Publication dates that were inferred</h3>",
            table(dated, {"file": "File", "published": "Inferred date",
                          "published_earliest": "Earliest", "published_latest": "Latest",
                          "published_evidence": "Evidence"},
                  empty="Every article states its date or has it in data/sources.csv.").markup,
            "<h3>Event dates not stated in the articles</h3>",
            table(soft, {"label": "Event", "date": "Date", "date_basis": "Basis"},
                  empty="Every event date is stated in an article.").markup,
            "<h3>Analyst overrides applied</h3>",
            table(overrides, empty="No corrections in data/annotations.yaml.").markup,
            provenance_appendix(self.params, self.tables).markup,
        ]
        return HTMLBlock("".join(parts))
