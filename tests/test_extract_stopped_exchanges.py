"""An exchange, a trade or a service stopped is a restriction; only a visit, a trip, a meeting
or talks called off is a contact blocked (data/syntax.yaml trigger `exchange-stopped`, which
retypes a visit_blocked word by its object).

Short invented sentences about governments the world knowledge knows (no story's actors);
the helpers come from test_extract.
"""

from __future__ import annotations

import pytest

from test_extract import one_mention, only, run


@pytest.mark.parametrize("text", [
    "Chad has cancelled all planned cultural events with Niger, the ministry said.",
    "Chad halted gas deliveries to Niger on Monday.",
    "Chad postponed the joint military exercise with Niger.",
])
def test_an_exchange_stopped_is_a_restriction(lex, text):
    found = run(lex, [text])
    m = one_mention(found, "restriction")
    assert (m["agent"], m["rule"]) == ("Chad", "restriction/verb/dep:exchange-stopped")
    assert only(found["mentions"], event_type="visit_blocked").empty


def test_a_visit_called_off_stays_a_contact_blocked(lex):
    found = run(lex, ["Chad cancelled the visit of Niger's foreign minister."])
    assert one_mention(found, "visit_blocked")["agent"] == "Chad"
    assert only(found["mentions"], event_type="restriction").empty
