"""An article's publication date from what it and its page state, with basis and evidence.

Order (the first that gives a day wins; the others are checked against it):
  stated     a dateline, byline date or timestamp line (data/datelines.yaml, then the
             boilerplate rules' captures); a day and month without a year take the year of
             the article's address when it has one
  html_meta  the page's own metadata, read by htmldate (JSON-LD, Open Graph, <time>)
  sidecar    the analyst's sidecar (the story's sources.csv)
  url        a date in the article's address (/2024/10/14/, /20240804/)
What is not a day still bounds it: a month in the address, an update stamp ('published on or
before'), a printed day and month whose year is unknown (`printed` = --MM-DD, completed by
trustbrief.dating from the corpus), a numeric stamp nothing on the page reads one way round
('10/09/2024': the span between its two readings, `printed` = YYYY-MM-DD|YYYY-MM-DD;
trustbrief.corpus.numeric_order). Those leave `published` empty for dating to settle.
A web archive's copy is read by the archived page's own address (trustbrief.corpus.archives).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from trustbrief.corpus.datelines import Grammar, PrintedDate, Statement, url_date
from trustbrief.corpus.numeric_order import numeric_reading
from trustbrief.corpus.rules import SIDE_SOURCE, SIDECAR_FILE

log = logging.getLogger("trustbrief")


@dataclass(frozen=True)
class Published:
    published: str = ""
    earliest: str = ""
    latest: str = ""
    basis: str = "unknown"
    evidence: str = ""
    printed: str = ""  # the date as printed: YYYY-MM-DD, --MM-DD (no year), YYYY-MM (no day)

    @classmethod
    def day(cls, day: dt.date, basis: str, evidence: str, printed: str = "") -> Published:
        iso = day.isoformat()
        return cls(iso, iso, iso, basis, evidence, printed or iso)


def publication(statement: Statement, rule_date: tuple[str, str], meta: dict, url: str,
                side: dict, grammar: Grammar, file: str) -> Published:
    """See the module docstring. rule_date: (ISO date, line) from the boilerplate rules."""
    from_url, url_shape = url_date(url, grammar) if url else (None, "")
    stated = _stated(statement, rule_date, from_url, grammar)
    undecided = None
    if stated is not None and not stated.published:  # '10/09/2024' the page does not settle
        undecided, stated = stated, None
    disputed = _disputed(stated, statement, from_url)
    found = None if disputed else stated
    if found is None and meta.get("published"):
        day = _iso(meta["published"].split(":", 1)[-1].strip()[:10])
        if day:
            found = Published.day(day, "html_meta", meta["published"])
    side_day = _iso(side.get("published", ""))
    if found is not None and side_day and found.published != side_day.isoformat():
        log.warning("%s: %s says published %s but the %s says %s - using the %s", file,
                    side.get(SIDE_SOURCE, SIDECAR_FILE), side_day, found.basis,
                    found.published, found.basis)
    if found is None and side_day:
        found = Published.day(side_day, "sidecar", side.get(SIDE_SOURCE, SIDECAR_FILE))
    if found is None and from_url is not None and from_url.date() is not None and not disputed:
        found = Published.day(from_url.date(), "url", url)
    if found is not None:
        _check_url(file, found, from_url, url)
        return found
    if disputed:
        log.warning("%s: the page's stamps disagree (%s) - dating it between them", file,
                    disputed.evidence)
        return disputed
    if undecided is not None:
        log.warning("%s: %r may be read day first or month first - dating it between the two",
                    file, undecided.evidence)
        return undecided
    return _bounds_only(statement, from_url, url)


def _disputed(stated: Published | None, statement: Statement,
              from_url: PrintedDate | None) -> Published | None:
    """The span between a stated day and a stamp of the same page that contradicts it - the
    address's day more than a day away (a time zone explains one), an update before it -,
    with no day: one of them is misread (a caption's or a related link's date, a numeric
    date read the wrong way round), and a confidently wrong day is worse than a range."""
    if stated is None or not stated.published:
        return None
    day = dt.date.fromisoformat(stated.published)
    url_day = from_url.date() if from_url is not None else None
    updated = statement.updated.date() if statement.updated is not None else None
    against = [d for d in (url_day if url_day and abs((url_day - day).days) > 1 else None,
                           updated if updated and updated < day else None) if d]
    if not against:
        return None
    first, last = min(day, *against), max(day, *against)
    evidence = " | ".join([stated.evidence, *(["address"] if url_day in against else []),
                           *([statement.date_evidence] if updated in against else [])])
    return Published("", first.isoformat(), last.isoformat(), "unknown", evidence)


def _stated(statement: Statement, rule_date: tuple[str, str],
            from_url: PrintedDate | None, grammar: Grammar) -> Published | None:
    date = statement.date
    if date is not None and date.year is None and from_url is not None and from_url.year:
        date = date.with_year(from_url.year)  # 'July 31' on a /2024/07/31/ page
    if date is not None and date.date() is not None:
        read = numeric_reading(date, statement, from_url, grammar)
        if isinstance(read, tuple):  # both readings stand: no day, the span between them
            first, last = sorted(d.isoformat() for d in read)
            return Published("", first, last, "unknown", statement.date_evidence,
                             f"{first}|{last}")
        return Published.day(read.date(), "stated", statement.date_evidence, read.iso())
    if rule_date[0]:
        day = _iso(rule_date[0])
        if day:
            return Published.day(day, "stated", rule_date[1])
    return None


def _bounds_only(statement: Statement, from_url: PrintedDate | None, url: str) -> Published:
    earliest = latest = ""
    evidence: list[str] = []
    if from_url is not None and from_url.span() is not None:
        first, last = from_url.span()
        earliest, latest = first.isoformat(), last.isoformat()
        evidence.append(url)
    updated = statement.updated.date() if statement.updated is not None else None
    if updated is not None and (not latest or updated.isoformat() < latest):
        latest = updated.isoformat()
        evidence.append(statement.date_evidence)
    printed = statement.date.iso() if statement.date is not None else ""
    if printed:
        evidence.insert(0, statement.date_evidence)
    return Published("", earliest, latest, "unknown", " | ".join(e for e in evidence if e),
                     printed)


def _check_url(file: str, found: Published, from_url: PrintedDate | None, url: str) -> None:
    if found.basis == "url" or from_url is None or from_url.span() is None:
        return
    first, last = from_url.span()
    day = dt.date.fromisoformat(found.published)
    if not first - dt.timedelta(days=1) <= day <= last + dt.timedelta(days=1):
        log.warning("%s: the %s date %s disagrees with the date in its address %s - using "
                    "the %s date", file, found.basis, found.published, url, found.basis)


def _iso(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip()[:10]) if value else None
    except ValueError:
        return None
