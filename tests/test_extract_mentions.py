"""Event mentions from the dependency tree: factuality of dispositions and plans, symmetric
events told with conjoined subjects, statements triggered by verbs of saying.

Short invented sentences about governments the world knowledge knows (no story's actors);
the helpers and the `lex` fixture come from test_extract.
"""

from __future__ import annotations

from test_extract import lex, one_mention, only, run  # noqa: F401  (lex is a fixture)


def test_a_disposition_to_strike_is_no_strike(lex):
    found = run(lex, ["The French government has told Germany that France is willing to strike "
                      "targets in Chad."])
    assert one_mention(found, "airstrike")["polarity"] == "hypothetical"
    assert one_mention(found, "airstrike")["factuality_rule"] == "disposition-complement"


def test_a_gerund_subject_of_a_modal_is_hypothetical(lex):
    found = run(lex, ["Officials fear that striking Iran's oil facilities could spike energy "
                      "prices."])
    assert one_mention(found, "airstrike")["polarity"] == "hypothetical"


def test_plans_to_strike_are_planned(lex):
    found = run(lex, ["The two ministers discussed Turkey's plans to strike Syria."])
    m = one_mention(found, "airstrike")
    assert (m["polarity"], m["factuality_rule"]) == ("planned", "plan-noun-infinitive")


def test_a_strike_told_as_done_stays_asserted(lex):
    found = run(lex, ["France struck targets in Chad on Friday."])
    assert one_mention(found, "airstrike")["polarity"] == "asserted"
