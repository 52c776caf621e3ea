"""Scoring predicted tables against a labelled corpus: pure functions over frames.

Definitions (the README of `make evaluate` repeats them):
- date right: the predicted `published` day is within the gold tolerance of the gold day;
  date wrong: a single day outside it (confidently wrong); honest range: no single day, but
  [published_earliest, published_latest] holds the gold day (widened by the tolerance).
- range days: a document without a single day whose range is given has its width (latest -
  earliest, in days); the table gives the median over a corpus's ranges, so narrowing a range
  is measured (an honest range of five months tells an analyst little).
- outlet right / origin right: normalised names compare equal (case, accents, punctuation, a
  leading 'The' and agency abbreviations folded); the origin is the relayed wire or outlet
  ('Agency copy') or, when nothing is relayed, the outlet itself. A prediction without an
  origin column (or an empty origin) claims its own outlet as origin.
- an event matches a gold event when its date range lies within the gold window widened by
  one day on each side (so a vague range never counts as the right date) and its label,
  evidence or actors hold the gold keywords (an alternative's '+' words all in one unit).
- events found: gold events matched by at least one predicted event; fragments: predicted
  events per found gold event, where an event matching several gold events is a fragment only
  of those whose gold agent names its agent, else of those its label tells, else of those
  whose gold agent names its side, when any does (a B-land denial of warning about an A-land
  strike holds the strike's keywords, but is no piece of the strike); precision: share of
  dated predicted events that match a gold event or give one an honest range (at most a
  month wide, overlapping the widened gold window, holding its keywords: 'met in September'
  for a summit of 31 Aug - 1 Sep is a real event honestly dated, though not found by it);
  strict precision: the same share without the honest ranges (the event's range must lie in
  the widened gold window, as for found);
  notice right: gold events with a notice whose matched events give that notice.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from trustbrief.evaluation.gold import (
    GoldCorpus,
    holds_keywords,
    keyword_alternatives,
    normalise_name,
    parse_gold_outlet,
)

ONE_DAY = dt.timedelta(days=1)
# Text columns of a predicted event that are searched for gold keywords, as separate units.
EVENT_TEXT_COLUMNS = ("label", "evidence")
EVENT_ACTOR_COLUMNS = ("actors", "agent", "targets")


@dataclass(frozen=True)
class Score:
    """One measure: right out of total (total 0 -> no value)."""

    right: int
    total: int

    @property
    def share(self) -> float | None:
        return self.right / self.total if self.total else None


def _day(value) -> dt.date | None:
    text = str(value or "").strip()[:10]
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def score_documents(gold: GoldCorpus, predicted: pd.DataFrame,
                    synonyms: dict[str, str]) -> pd.DataFrame:
    """One row per gold document: gold and predicted date, outlet and origin, and verdicts."""
    by_file = {str(r["file"]): r for r in predicted.to_dict("records")}
    rows = []
    for doc in gold.documents.to_dict("records"):
        pred = by_file.get(doc["file"], {})
        gold_day, pred_day = _day(doc["published"]), _day(pred.get("published"))
        outlet = parse_gold_outlet(doc["outlet"], synonyms)
        pred_outlet = str(pred.get("outlet") or "")
        pred_origin = str(pred.get("origin") or "") or pred_outlet
        earliest = _day(pred.get("published_earliest"))
        latest = _day(pred.get("published_latest"))
        verdict = date_verdict(gold_day, doc["tolerance_days"], pred_day, earliest, latest)
        rows.append({
            "file": doc["file"],
            "gold_published": doc["published"], "tolerance_days": doc["tolerance_days"],
            "published": pred_day.isoformat() if pred_day else "",
            "published_earliest": str(pred.get("published_earliest") or ""),
            "published_latest": str(pred.get("published_latest") or ""),
            "date_verdict": verdict, "date_right": verdict == "right",
            "range_days": range_days(pred_day, earliest, latest),
            "gold_outlet": doc["outlet"], "outlet": pred_outlet, "origin": pred_origin,
            "outlet_right": normalise_name(pred_outlet, synonyms) in outlet.outlet,
            "origin_right": normalise_name(pred_origin, synonyms) in outlet.origin,
            "extracted": bool(pred),
        })
    return pd.DataFrame(rows)


def date_verdict(gold: dt.date | None, tolerance: int, published: dt.date | None,
                 earliest: dt.date | None, latest: dt.date | None) -> str:
    """right: one day, within tolerance; wrong: one day, off by more (confidently wrong);
    range: no single day, and the range given holds the gold day (an honest range); wrong-range:
    a range that misses it; missing: nothing given."""
    slack = dt.timedelta(days=tolerance)
    if published is not None and gold is not None:
        return "right" if abs((published - gold).days) <= tolerance else "wrong"
    if earliest is not None and latest is not None and gold is not None:
        return "range" if earliest - slack <= gold <= latest + slack else "wrong-range"
    return "missing"


def range_days(published: dt.date | None, earliest: dt.date | None,
               latest: dt.date | None) -> int | None:
    """The width in days of a range given instead of a single day (None: a day or nothing)."""
    if published is not None or earliest is None or latest is None:
        return None
    return (latest - earliest).days


def median_range_days(documents: pd.DataFrame) -> float | None:
    """The median width of the corpus's ranges (None: no document has one)."""
    widths = documents["range_days"].dropna() if "range_days" in documents else []
    if not len(widths):
        return None
    median = float(pd.Series(widths, dtype=float).median())
    return int(median) if median.is_integer() else median


def _event_window(record: dict) -> tuple[dt.date, dt.date] | None:
    point = _day(record.get("date"))
    earliest = _day(record.get("date_earliest")) or point
    latest = _day(record.get("date_latest")) or point
    if earliest is None or latest is None:
        return None
    return (min(earliest, latest), max(earliest, latest))


def _event_units(record: dict) -> list[str]:
    units = [str(record.get(c) or "") for c in EVENT_TEXT_COLUMNS]
    actors = " ".join(str(record.get(c) or "").replace(";", " ") for c in EVENT_ACTOR_COLUMNS)
    units.append(f"{record.get('label') or ''} {actors}")
    return units


def _notice(record: dict) -> str:
    return str(record.get("notice") or "")


HONEST_RANGE_DAYS = 31  # a range at most this wide (a month) may be an honest date


def honest_ranges(gold: GoldCorpus, predicted: pd.DataFrame) -> set[str]:
    """Dated events whose range, at most a month wide, overlaps a gold event's widened
    window and that hold its keywords: a real event given an honest range."""
    gold_events = [(_day(g["date"]) - ONE_DAY, _day(g["date_latest"]) + ONE_DAY,
                    keyword_alternatives(g["keywords"])) for g in gold.events.to_dict("records")]
    honest = set()
    for record in predicted.to_dict("records"):
        window = _event_window(record)
        if window is None or (window[1] - window[0]).days >= HONEST_RANGE_DAYS:
            continue
        units = _event_units(record)
        if any(window[0] <= last and first <= window[1] and holds_keywords(units, alternatives)
               for first, last, alternatives in gold_events):
            honest.add(record["event_id"])
    return honest


def match_events(gold: GoldCorpus, predicted: pd.DataFrame) -> pd.DataFrame:
    """Every (predicted event, gold event) pair that matches: event_id, key, notice."""
    gold_events = [(g["key"], _day(g["date"]) - ONE_DAY, _day(g["date_latest"]) + ONE_DAY,
                    keyword_alternatives(g["keywords"]))
                   for g in gold.events.to_dict("records")]
    pairs = []
    for record in predicted.to_dict("records"):
        window = _event_window(record)
        if window is None:
            continue
        units = _event_units(record)
        for key, first, last, alternatives in gold_events:
            if first <= window[0] and window[1] <= last and holds_keywords(units, alternatives):
                pairs.append({"event_id": record["event_id"], "key": key,
                              "notice": _notice(record)})
    return pd.DataFrame(pairs, columns=["event_id", "key", "notice"])


def _names_agent(gold_agent: str, record: dict, by_side: bool = True) -> bool:
    """The gold agent ('A-land (NSC Roe, defence ministry, Doe)') names the predicted
    event's agent, its surname, or (by_side) its agent's side, as a word."""
    text = f" {_words(gold_agent)} "
    agent = _words(str(record.get("agent") or ""))
    names = {agent, agent.split(" ")[-1]}
    if by_side:
        names.add(_words(str(record.get("agent_side") or "")))
    return any(name and f" {name} " in text for name in names)


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _own_keys(keys: list[str], record: dict, agents: dict, keywords: dict) -> list[str]:
    """Of the gold events one predicted event matches, those it is a piece of: the ones whose
    gold agent names its agent (or surname); else those its own label tells (its evidence
    sentence may tell two events: 'X and Y spoke, hours after the raids'); else those whose
    gold agent names its side; else all."""
    tiers = (
        [k for k in keys if _names_agent(agents.get(k, ""), record, by_side=False)],
        [k for k in keys if holds_keywords([str(record.get("label") or "")], keywords[k])],
        [k for k in keys if _names_agent(agents.get(k, ""), record)],
    )
    return next((tier for tier in tiers if tier), keys)


def aligned_pairs(gold: GoldCorpus, predicted: pd.DataFrame, pairs: pd.DataFrame
                  ) -> pd.DataFrame:
    """The pairs with each event matching several gold events kept only for those it is a
    piece of (`_own_keys`)."""
    if pairs.empty:
        return pairs
    if "agent" not in gold.events:
        return pairs
    agents = dict(zip(gold.events["key"], gold.events["agent"].fillna("").astype(str),
                      strict=True))
    keywords = {g["key"]: keyword_alternatives(g["keywords"])
                for g in gold.events.to_dict("records")}
    records = {r["event_id"]: r for r in predicted.to_dict("records")}
    keep = []
    for event_id, mine in pairs.groupby("event_id", sort=False):
        if len(mine) == 1:
            keep += list(mine.index)
            continue
        own = _own_keys(list(mine["key"]), records[event_id], agents, keywords)
        keep += list(mine.index[mine["key"].isin(own)])
    return pairs.loc[sorted(keep)]


def score_events(gold: GoldCorpus, predicted: pd.DataFrame
                 ) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """Per gold event (found, fragments, notice), the matching pairs, and the corpus-level
    event measures."""
    pairs = match_events(gold, predicted)
    aligned = aligned_pairs(gold, predicted, pairs)
    dated = [r["event_id"] for r in predicted.to_dict("records") if _event_window(r)]
    rows = []
    for g in gold.events.to_dict("records"):
        mine = pairs[pairs["key"] == g["key"]]
        pieces = aligned[aligned["key"] == g["key"]]
        notices = sorted(set(mine["notice"]) - {""})
        rows.append({
            "key": g["key"], "date": g["date"], "date_latest": g["date_latest"],
            "found": not mine.empty, "fragments": max(len(pieces), int(not mine.empty)),
            "event_ids": ";".join(mine["event_id"]),
            "gold_notice": g["notice"], "notice": ";".join(notices),
            "notice_right": bool(g["notice"]) and g["notice"] in notices,
        })
    per_gold = pd.DataFrame(rows)
    found = per_gold[per_gold["found"]]
    with_notice = per_gold[per_gold["gold_notice"] != ""]
    summary = {
        "events_found": Score(int(per_gold["found"].sum()), len(per_gold)),
        "fragments": round(found["fragments"].mean(), 2) if len(found) else None,
        "precision": Score(len((set(pairs["event_id"]) | honest_ranges(gold, predicted))
                               & set(dated)), len(dated)),
        # the same share without the honest ranges: only events a gold event's window holds
        "precision_strict": Score(len(set(pairs["event_id"]) & set(dated)), len(dated)),
        "notice_right": Score(int(with_notice["notice_right"].sum()), len(with_notice)),
    }
    return per_gold, pairs, summary


def predicted_events_verdicts(predicted: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    """The predicted events with the gold keys each matched (empty: a false or undated row)."""
    keys = pairs.groupby("event_id")["key"].agg(";".join) if len(pairs) else pd.Series(dtype=str)
    columns = [c for c in ("event_id", "date", "date_earliest", "date_latest", "label")
               if c in predicted.columns]
    out = predicted[columns].copy()
    out["dated"] = [bool(_event_window(r)) for r in predicted.to_dict("records")]
    out["gold_keys"] = out["event_id"].map(keys).fillna("")
    return out


def summarise(corpus: str, documents: pd.DataFrame, events: dict) -> dict:
    """One row of the evaluation table."""
    n = len(documents)
    return {
        "corpus": corpus, "documents": n,
        "dates_right": Score(int(documents["date_right"].sum()), n),
        "dates_wrong": Score(int((documents["date_verdict"] == "wrong").sum()), n),
        "dates_range": Score(int((documents["date_verdict"] == "range").sum()), n),
        "range_days": median_range_days(documents),
        "outlets_right": Score(int(documents["outlet_right"].sum()), n),
        "origins_right": Score(int(documents["origin_right"].sum()), n),
        **events,
    }
