"""Who reports what: event x document corroboration cells, the sourcing mix per outlet, and
the words each outlet uses for the same actor.
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from trustbrief.brief.style import ORIGIN_KINDS, SPEAKER_ORDER
from trustbrief.brief.views.cells import as_list, short, text_column, to_date
from trustbrief.brief.views.events import event_frame
from trustbrief.brief.views.outlets import (
    SHORT_OUTLET_CHARS,
    document_names,
    outlet_labels,
    outlet_order,
    short_outlet_names,
    title_name,
)


def corroboration_cells(events: pd.DataFrame | None, documents: pd.DataFrame | None,
                        mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per (event, document): whether the document is an origin or a rewrite.

    A document counts as an independent origin of an event when its own outlet (or its
    doc_id) is among the event's origins; otherwise it repeats another outlet's report.
    `column` is the outlet's short name (an unknown outlet's article: its title, short),
    `outlet` its full name.
    """
    frame = event_frame(events)
    labels = outlet_labels(documents)
    mention_docs: dict[str, list[str]] = {}
    for eid, doc in zip(text_column(mentions, "event_id"), text_column(mentions, "doc_id"),
                        strict=True):
        if eid and doc:
            mention_docs.setdefault(eid, []).append(doc)
    rows = []
    for r in frame.itertuples():
        docs = list(dict.fromkeys(as_list(r.doc_ids) + mention_docs.get(r.event_id, [])))
        origins = set(as_list(r.origins))
        for doc in docs:
            column, outlet = labels.get(doc, (short(f"unknown ({doc})", SHORT_OUTLET_CHARS),
                                              f"unknown outlet ({doc})"))
            own = doc in origins or outlet in origins
            rows.append({"event_id": r.event_id, "label": r.label, "date": r.date,
                         "date_precision": r.date_precision, "doc_id": doc,
                         "column": column, "outlet": outlet, "n_origins": r.n_origins,
                         "kind": ORIGIN_KINDS[0] if own else ORIGIN_KINDS[1],
                         # an article that is its own origin is named, never by its id
                         "origins": named_few(sorted(labels.get(o, (o, o))[1]
                                                     for o in origins)) or "unknown"})
    cols = ["event_id", "label", "date", "date_precision", "doc_id", "column", "outlet",
            "n_origins", "kind", "origins"]
    return pd.DataFrame(rows, columns=cols)


def named_few(names: list[str], shown: int = 5) -> str:
    """'A, B, C' or 'A, B, C, D, E and 12 more': a cell that does not grow with the corpus."""
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


def keep_date(date: str, start, end, include_undated: bool) -> bool:
    day = to_date(date)
    if day is None:
        return include_undated
    lo, hi = to_date(start), to_date(end)
    return (lo is None or day >= lo) and (hi is None or day <= hi)


def origins_text(n: int, origins: str) -> str:
    names = [o for o in origins.split(", ") if o and o != "unknown"]
    text = f"{n} origin{'s' if n != 1 else ''}"
    return text + (f": {short(', '.join(names), 16)}" if names else "")


def column_order(column: str) -> tuple:
    """Named outlets alphabetically, then articles of unknown outlet by title, then any
    'unknown #N' by number."""
    match = re.fullmatch(r"unknown #(\d+)", column)
    if match:
        return (2, int(match[1]), "")
    if column.startswith("other outlets"):
        return (3, 0, "")
    return (1 if column.startswith("“") else 0, 0, column.lower())


# Where the count of claims citing another outlet lives, newest table shape first.
_CITED_COLUMNS = ("cited_outlet", "outlet_cited", "outlet.1", "cited")


_NAME_COLUMNS = ("publisher", "source", "outlet_name")


SOURCING_NAME_CHARS = 30  # the bars' y axis has room for longer names than matrix columns


def _sourcing_name_and_cited(table: pd.DataFrame) -> tuple[pd.Series, str | None]:
    """The column naming the reporting outlet, and the column counting cited-outlet claims.

    Current tables name the outlet in `outlet` and count in `cited_outlet`; an older one
    named it in `publisher` and counted cited outlets in a second `outlet` column.
    """
    name_col = next((c for c in _NAME_COLUMNS if c in table.columns), None)
    if name_col is None:
        names = text_column(table, "outlet")
        cited = next((c for c in _CITED_COLUMNS if c in table.columns), None)
        return names, cited
    cited = next((c for c in _CITED_COLUMNS if c in table.columns), None)
    return text_column(table, name_col), cited or ("outlet" if "outlet" in table.columns else None)


def sourcing_counts(table: pd.DataFrame | None, documents: pd.DataFrame | None = None
                    ) -> pd.DataFrame:
    """Long counts (outlet, outlet_full, speaker_type, count) from the sourcing table or from
    claims; `outlet` is the short name used on the chart (an unknown outlet's article: its
    title, short)."""
    cols = ["outlet", "outlet_full", "speaker_type", "count"]
    if table is None or table.empty:
        return pd.DataFrame(columns=cols)
    if "speaker_type" in table.columns:  # claims: count them per document's outlet
        labels = outlet_labels(documents, SOURCING_NAME_CHARS)
        pairs = text_column(table, "doc_id").map(lambda d: labels.get(d, (f"unknown ({d})",) * 2))
        frame = pd.DataFrame({"outlet": pairs.map(lambda p: p[0]),
                              "outlet_full": pairs.map(lambda p: p[1]),
                              "speaker_type": text_column(table, "speaker_type")})
        frame = frame[frame["speaker_type"].isin(SPEAKER_ORDER)]
        counts = frame.groupby(["outlet", "outlet_full", "speaker_type"]).size().rename("count")
        return counts.reset_index()[cols]
    names, cited = _sourcing_name_and_cited(table)
    short_of = short_outlet_names(list(names), documents, limit=SOURCING_NAME_CHARS)
    rows = []
    for i, outlet in enumerate(names):
        for kind in SPEAKER_ORDER:
            column = cited if kind == "outlet" else kind
            if column is None or column not in table.columns:
                continue
            value = pd.to_numeric(table[column].iloc[i], errors="coerce")
            if not pd.isna(value) and value > 0:
                rows.append({"outlet": short_of[outlet], "outlet_full": outlet or "unknown",
                             "speaker_type": kind, "count": int(value)})
    return pd.DataFrame(rows, columns=cols)


# Names and pronoun phrases say little about framing; aliases and titles do.
FRAMING_KINDS = ("name", "alias", "title", "epithet")  # not pronoun phrases


# "A-land's" is the term "A-land" in a possessive: the ending is grammar, not a name. A
# closing quote after it stays ('"A-land's"' -> '"A-land"': the scare quotes are the framing).
POSSESSIVE = re.compile(r"[’']s(?=[\"”’']?$)")


def without_possessive(term: str) -> str:
    return POSSESSIVE.sub("", term)


def framing_counts(actor_mentions: pd.DataFrame | None, documents: pd.DataFrame | None
                   ) -> pd.DataFrame:
    """Long counts: actor, side, outlet, surface, count (aliases and titles)."""
    cols = ["actor", "side", "outlet", "surface", "count"]
    if actor_mentions is None or actor_mentions.empty:
        return pd.DataFrame(columns=cols)
    names = document_names(documents)
    frame = pd.DataFrame({
        "actor": text_column(actor_mentions, "actor"), "side": text_column(actor_mentions, "side"),
        "outlet": text_column(actor_mentions, "doc_id").map(
            lambda d: names.get(d, f"unknown ({d})")),
        "surface": text_column(actor_mentions, "surface").map(
            lambda t: without_possessive(" ".join(t.split()))),
        "kind": text_column(actor_mentions, "kind", "name"),
    })
    frame = frame[(frame["actor"] != "") & (frame["surface"] != "")
                  & (frame["kind"].isin(FRAMING_KINDS) | (frame["kind"] == ""))]
    # Capitalisation and a leading article are not framing: 'prime minister' and 'Prime
    # Minister', 'the Kremlin' and 'Kremlin' are one term, shown in its most frequent spelling.
    frame = frame.assign(key=frame["surface"].str.casefold().str.replace(
        r"^the\s+", "", regex=True))
    spelling = frame.groupby("key")["surface"].agg(lambda v: Counter(v).most_common(1)[0][0])
    frame = frame.assign(surface=frame["key"].map(spelling))
    counts = frame.groupby(["actor", "side", "outlet", "surface"]).size().rename("count")
    counts = counts.reset_index().sort_values(["actor", "outlet", "count", "surface"],
                                              ascending=[True, True, False, True])
    return counts[cols].reset_index(drop=True)


def framing_table(actor_mentions: pd.DataFrame | None, documents: pd.DataFrame | None, *,
                  only_divergent: bool = True) -> pd.DataFrame:
    """Actor x outlet -> the words each outlet uses for the actor, with counts.

    Columns: actor, side, one column per outlet ('Defense Minister (2); Doe (1)'),
    n_variants (distinct surface terms across outlets). With `only_divergent`, actors
    every outlet names the same way are left out: they say nothing about framing.
    """
    counts = framing_counts(actor_mentions, documents)
    if counts.empty:
        return pd.DataFrame(columns=["actor", "side", "n_variants"])
    outlets = sorted(set(counts["outlet"]), key=outlet_order)
    rows = []
    for (actor, side), group in counts.groupby(["actor", "side"], sort=True):
        variants = group["surface"].nunique()
        used = {o: "; ".join(f"{r.surface} ({r.count})" for r in g.itertuples())
                for o, g in group.groupby("outlet")}
        if only_divergent and _same_words_everywhere(group):
            continue
        rows.append({"actor": actor, "side": side, **{o: used.get(o, "") for o in outlets},
                     "n_variants": variants})
    frame = pd.DataFrame(rows, columns=["actor", "side", *outlets, "n_variants"])
    return frame.sort_values(["n_variants", "actor"], ascending=[False, True]).reset_index(
        drop=True)


def _same_words_everywhere(group: pd.DataFrame) -> bool:
    per_outlet = group.groupby("outlet")["surface"].apply(frozenset)
    return per_outlet.nunique() <= 1


def framing_summary(actor_mentions: pd.DataFrame | None, documents: pd.DataFrame | None, *,
                    max_actors: int = 6, max_terms: int = 3) -> pd.DataFrame:
    """How outlets name the actors, for a short table: one row per actor that outlets call
    by different titles, aliases or epithets (plain names left out), most variants first;
    its terms, the rarest first (what sets an outlet apart), with the outlets using each
    ('the A-land occupation: Outlet X'). Bounded in rows and terms, so it does
    not grow with the corpus; the full counts are framing_counts."""
    if actor_mentions is None or actor_mentions.empty:
        return pd.DataFrame(columns=["actor", "side", "terms"])
    kinds = text_column(actor_mentions, "kind", "name")
    named = [_part_of_name(surface, actor) for surface, actor in zip(
        text_column(actor_mentions, "surface"), text_column(actor_mentions, "actor"),
        strict=True)]
    framing = actor_mentions[(kinds != "name") & ~pd.Series(named, index=actor_mentions.index)]
    counts = framing_counts(framing, documents)
    table = framing_table(framing, documents)
    rows = []
    for r in table.head(max_actors).itertuples():
        mine = counts[(counts["actor"] == r.actor) & (counts["side"] == r.side)]
        by_term = mine.groupby("surface").agg(outlets=("outlet", lambda o: sorted(set(o))),
                                              uses=("count", "sum"))
        by_term = by_term.assign(n=by_term["outlets"].map(len)).sort_values(
            ["n", "uses"], ascending=[True, False])
        terms = [f"{term}: {_outlets_text(t.outlets)}" for term, t in
                 by_term.head(max_terms).iterrows()]
        if len(by_term) > max_terms:
            more = len(by_term) - max_terms
            terms.append(f"{more} more term{'s' if more > 1 else ''}")
        rows.append({"actor": r.actor, "side": r.side, "terms": "; ".join(terms)})
    return pd.DataFrame(rows, columns=["actor", "side", "terms"])


def _part_of_name(surface: str, actor: str) -> bool:
    """Is the term words of the actor's own name ('Doe', 'Doe's' for Jane
    Doe)? A surname is a plain name, whatever list it came from: no framing."""
    words = without_possessive(" ".join(surface.split())).casefold().split()
    return bool(words) and set(words) <= set(actor.casefold().split())


def _outlets_text(outlets: list[str], shown: int = 2) -> str:
    names = [title_name(o.strip("“”"), 28) if o.startswith("“") else short(o, 40)
             for o in outlets[:shown]]
    more = f" and {len(outlets) - shown} more" if len(outlets) > shown else ""
    return ", ".join(names) + more
