"""The key findings of a brief, in order: the data decides which are available."""

from __future__ import annotations

from trustbrief.brief.findings.base import Finding
from trustbrief.brief.findings.cadence import cadence_finding
from trustbrief.brief.findings.cooperation import cooperation_finding
from trustbrief.brief.findings.coverage import central_event_finding, coverage_finding
from trustbrief.brief.findings.direction import direction_finding
from trustbrief.brief.findings.notice import notice_finding
from trustbrief.brief.findings.origins import origins_finding
from trustbrief.brief.findings.statements import statements_finding

# In the order the front page lists their judgements (at most five are judged): how the
# two sides acted, what was said, how they talked, then the best-attested event.
FINDERS = (notice_finding, cooperation_finding, direction_finding, statements_finding,
           cadence_finding, origins_finding, coverage_finding, central_event_finding)


def all_findings(tables, start, end, focus: str) -> list[Finding]:
    """Every finding, in order, available or not."""
    return [finder(tables, start, end, focus) for finder in FINDERS]


def key_findings(tables, start, end, focus: str, found: list[Finding] | None = None
                 ) -> list[Finding]:
    """Three to six findings (one per finder at most): those the data supports first, then
    what is missing. The judgements built on them are capped at five (judgements.judge)."""
    found = all_findings(tables, start, end, focus) if found is None else found
    available = [f for f in found if f.available]
    missing = [f for f in found if not f.available]
    return (available + missing[: max(0, 3 - len(available))])[:len(FINDERS)]
