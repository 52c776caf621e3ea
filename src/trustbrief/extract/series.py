"""Acts told as the next of a series: 'had no warning of subsequent attacks targeting radios on
Wednesday', 'a second wave of explosions'. News writing names the doer of the first act and
then tells the later ones by their place in the series; the later act has the doer (and, when
it names none, the targets) of the document's operation told before it.

The series patterns (data/syntax.yaml roles.series) are DependencyMatcher patterns on the
trigger token ('subsequent', 'second', 'follow-up' modifying it or the 'wave' it belongs to).
Only an operation whose own words and tree gave no doer takes one, and only from an asserted
operation of an earlier sentence or earlier in the same sentence that has a doer.
"""

from __future__ import annotations

from trustbrief.extract.role_paths import token_at
from trustbrief.extract.syntax import series_rule


def continue_series(found: list[dict], parsed, previous: dict | None, lex
                    ) -> tuple[list[dict], dict | None]:
    """The sentence's mentions with each agentless series act given the doer of `previous`
    (the document's last asserted operation with a doer, a mention dict or None), and the
    last such operation after this sentence."""
    out = []
    for f in found:
        etype = lex.event_types[f["event_type"]]
        if not etype.operation:
            out.append(f)
            continue
        if not f["agent"] and previous is not None and parsed is not None:
            f = _continued(f, parsed, previous, lex)
        if f["agent"] and f["polarity"] == "asserted":
            previous = f
        out.append(f)
    return out, previous


def _continued(f: dict, parsed, previous: dict, lex) -> dict:
    start = f["trigger_start"]
    token = token_at(parsed, start, start + len(f["trigger"]))
    rule = series_rule(lex.syntax, token) if token is not None else ""
    if not rule:
        return f
    agent = previous["agent"]
    own = [t for t in f["targets"] if t != agent]
    targets = own or [t for t in previous["targets"] if t != agent]
    return {**f, "agent": agent, "agent_rule": f"series:{rule}", "targets": targets,
            "target_rule": f["target_rule"] if own else f"series:{rule}"}
