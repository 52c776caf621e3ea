"""A corpus grown by new accounts: each event the new mentions leave as it was keeps its summary.

Summarizing (facts.summarize: dates, corroboration, notice, labels) is a third of the events
stage. When a run finds the last run's memo usable for its old documents (events/reuse.py,
points 1-3: their rows and everything set on them after extraction are the last run's) but
a new document's mentions join events, the stage builds the records and the clusters in
full (every cross-document pass runs as always) and summarizes again only the events that
may have changed. An event's summary reads:

- its mentions' records, in order, and nothing else of the corpus's mentions. A record is
  read from its mention's row, its document's row and what its sentence and document tell
  (joins, a sentence's main clause, answers, nearby actors: the same for an old document),
  except for what the cross-document passes set, which is compared: its group
  (generic_acts), its dates (after_incident, answers.date_contacts_during_acts, and
  cluster.date_main_clause, which reads the groups) and said_in_contact (contacts,
  announcements);
- its key (cluster_keys numbers the events of one block and participant) and the sentences
  of notice linked to it (notice_links: per document, by the other events told there);
- per document of its mentions, the trust signals, origins and actors of its sentences (the
  same for an old document) and the stage's knowledge (the memo's fingerprint).

So a cluster whose mentions are all old ones that were the last run's event E's, in the same
order, with the same compared fields, key and linked sentences, has E's summary: its event
row, conflicts and notice accounts are taken from the memo (event ids are given again over
all events, as in every run). After summarize, chronology.fill_from_chronology dates the
events chronology rows match (over all events: it runs again) from what summarize gave,
which the memo keeps for the rows it changed; the annotations change rows too: with them,
every event is summarized.

The group and said_in_contact of a mention are also implied by its event's key and mentions
under today's rules (the mentions of a block share its group; a mention is said in a
contact only when moved into another group's event); they are compared all the same, in
case a rule changes that.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from trustbrief import columnar
from trustbrief.events.records import Rec

NO_DAY = 0  # no date (day ordinals start at 1)
# per mention, what a summary reads that the cross-document passes set (and its place)
READS = ("rank", "group", "lo", "hi", "basis", "said")
LINKS = "links"  # the memo's table: each event's linked sentences of notice
# what chronology.fill_from_chronology sets in a row, and the memo's table of what summarize
# gave there in the rows it changed
FILLED = ("date", "date_earliest", "date_latest", "date_precision", "date_basis",
          "chronology_key", "date_source")
UNFILLED = "unfilled"


def cluster_reads(n: int, clusters: list[list[Rec]]) -> dict[str, np.ndarray]:
    """Of each of the n mentions: its place in its event's cluster (-1: in none) and the
    fields the cross-document passes set (see the module)."""
    rank = np.full(n, -1, dtype=np.int64)
    lo, hi = np.full(n, NO_DAY, dtype=np.int64), np.full(n, NO_DAY, dtype=np.int64)
    group, basis = np.full(n, "", dtype=object), np.full(n, "", dtype=object)
    said = np.zeros(n, dtype=bool)
    for cluster in clusters:
        at = [r.pos for r in cluster]
        rank[at] = np.arange(len(cluster))
        values = _values(cluster)
        group[at], lo[at], hi[at], basis[at], said[at] = values
    return {"rank": rank, "group": group, "lo": lo, "hi": hi, "basis": basis, "said": said}


def _values(cluster: list[Rec]) -> tuple[list, list, list, list, list]:
    return ([r.group.name for r in cluster],
            [NO_DAY if r.lo is None else r.lo for r in cluster],
            [NO_DAY if r.hi is None else r.hi for r in cluster],
            [r.basis for r in cluster], [r.said_in_contact for r in cluster])


def links_text(linked) -> str:
    """An event's linked sentences of notice as one text."""
    return "\x1e".join(f"{doc}\x1f{sent}" for doc, sent in linked)


def links_frame(ids: Mapping[int, str], links: Mapping[int, list]) -> pd.DataFrame:
    """The memo's LINKS table: event_id -> its linked sentences (events with some only)."""
    rows = sorted((ids[i], links_text(linked)) for i, linked in links.items() if linked)
    return pd.DataFrame({"event_id": pd.array([e for e, _ in rows], dtype=columnar.TEXT),
                         LINKS: pd.array([t for _, t in rows], dtype=columnar.TEXT)})


def kept_summaries(clusters: list[list[Rec]], keys: list[str], links: Mapping[int, list],
                   frames: Mapping[str, pd.DataFrame], old: np.ndarray
                   ) -> dict[int, tuple[dict, list[dict], list[dict]]]:
    """Cluster index -> its last summary (row, conflicts, notice accounts), for each cluster
    that is a last event with the same reads (see the module). frames: the memo's; old:
    which of this run's mentions are the memo's rows (in its order)."""
    kept = frames["mentions"]
    old_at = np.full(len(old), -1, dtype=np.int64)
    old_at[old] = np.arange(int(old.sum()))
    event = kept["event_id"].to_numpy(dtype=object)
    members = _members(event, kept["rank"].to_numpy())
    reads = {name: kept[name].to_numpy(dtype=object if name in ("group", "basis") else None)
             for name in READS[1:]}
    events = frames["events"]
    key_of = dict(zip(events["event_id"].tolist(), events["key"].tolist(), strict=True))
    linked = dict(zip(frames[LINKS]["event_id"].tolist(), frames[LINKS][LINKS].tolist(),
                      strict=True))
    found: dict[int, str] = {}
    for i, cluster in enumerate(clusters):
        at = old_at[[r.pos for r in cluster]]
        name = event[at[0]] if at[0] >= 0 else ""
        if name and np.array_equal(members[name], at) and key_of.get(name) == keys[i] and \
                linked.get(name, "") == links_text(links.get(i, ())) and \
                _same_reads(cluster, at, reads):
            found[i] = name
    return _summaries_of(found, frames)


def _members(event: np.ndarray, rank: np.ndarray) -> dict[str, np.ndarray]:
    """event_id -> the positions of its mentions, in its cluster's order."""
    inside = np.flatnonzero(rank >= 0)
    codes, names = pd.factorize(event[inside])
    order = np.lexsort((rank[inside], codes))
    cuts = np.flatnonzero(np.diff(codes[order])) + 1
    return {names[codes[part[0]]]: inside[part]
            for part in np.split(order, cuts) if len(part)}


def _same_reads(cluster: list[Rec], at: np.ndarray, reads: Mapping[str, np.ndarray]) -> bool:
    return all((reads[name][at] == np.array(now, dtype=reads[name].dtype)).all()
               for name, now in zip(READS[1:], _values(cluster), strict=True))


def unfilled_frame(ids: Mapping[int, str], before: Mapping[int, dict]) -> pd.DataFrame:
    """The memo's UNFILLED table: event_id and the FILLED fields summarize gave, of the
    rows fill_from_chronology changed (`before`: row index -> those fields)."""
    rows = sorted((ids[i], *(fields[f] for f in FILLED)) for i, fields in before.items())
    return pd.DataFrame({name: pd.array([r[n] for r in rows], dtype=columnar.TEXT)
                         for n, name in enumerate(("event_id", *FILLED))})


def _summaries_of(found: Mapping[int, str], frames: Mapping[str, pd.DataFrame]
                  ) -> dict[int, tuple[dict, list[dict], list[dict]]]:
    """The memo's rows of the events found, as summarize gave them (no event_id)."""
    if not found:
        return {}
    wanted = set(found.values())
    parts = {}
    for table in ("events", "conflicts", "notice_accounts", UNFILLED):
        frame = frames[table]
        rows: dict[str, list[dict]] = {}
        for row in frame[frame["event_id"].isin(wanted)].to_dict("records"):
            rows.setdefault(row["event_id"], []).append(row)
        parts[table] = rows
    out = {}
    for i, name in found.items():
        row = dict(parts["events"][name][0], event_id="")
        row.update({f: v for f, v in parts[UNFILLED].get(name, [{}])[0].items()
                    if f != "event_id"})
        out[i] = (row, parts["conflicts"].get(name, []), parts["notice_accounts"].get(name, []))
    return out
