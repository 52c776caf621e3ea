"""What a side says of an incident came after the incident, and before the article telling it.

News tells a side's first version of an incident without a day ('B-land's aviation watchdog
initially referred to the crash as an emergency caused by an engine fire'), below a lede that
dates the incident. Whatever is said of the crash was said once it had happened, and an act told
as done happened by the time its article was published. So when the corpus dates the incident
(data/incidents.yaml: the words of one kind of incident dated to one day, or two in a row, and
never elsewhere; dating.dated_incidents) and the article was published at most `max_days` after
it, the undated asserted mention of a type of rule `after_incident` (data/labels.yaml) whose
sentence names the incident lies between the incident's first day and the publication's last
(date basis 'reported': any date its own words give wins). An incident's cause is no account of
it ('the plane was downed by a missile' precedes the crash): only the rule's types are dated.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from trustbrief.events.label_rules import AfterIncident
from trustbrief.events.records import Rec

# family -> (its words, first day, last day), as dating.dated_incidents gives them
Incidents = Mapping[str, tuple[re.Pattern, dt.date, dt.date]]


def date_after_incidents(recs: list[Rec], incidents: Incidents | None,
                         rule: AfterIncident | None) -> list[Rec]:
    """Date each undated account of a dated incident (module docstring), in place."""
    if not incidents or rule is None or not rule.types:
        return recs
    for r in recs:
        if r.event_type not in rule.types or r.polarity != "asserted" or r.lo is not None \
                or r.pub_hi is None:
            continue
        firsts = [first.toordinal() for pattern, first, last in incidents.values()
                  if pattern.search(r.text) and first.toordinal() <= r.pub_hi
                  and r.pub_hi - last.toordinal() <= rule.max_days]
        if len(firsts) == 1:
            r.lo, r.hi, r.basis = firsts[0], r.pub_hi, "reported"
    return recs
