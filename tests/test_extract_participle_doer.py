"""'..., killing X': a participle clause with no subject of its own tells what the main clause's
doer did by it (data/syntax.yaml roles.verb.agent subject-of-main-clause). A passive main clause
names no doer, nor does a main verb telling what befell its subject (a crash).

Short invented sentences about governments the world knowledge knows (no story's actors);
the helpers come from test_extract.
"""

from __future__ import annotations

import pytest

from test_extract import one_mention, run


def test_the_main_clauses_subject_does_what_its_participle_tells(lex):
    m = one_mention(run(lex, ["In the weeks since then, Chad has launched a massive campaign "
                              "against rebels in Niger, killing the Nigerien defence minister."]),
                    "targeted_killing")
    assert (m["agent"], m["agent_rule"]) == ("Chad", "subject-of-main-clause")


@pytest.mark.parametrize("text", [
    "Several airstrikes were recorded in Niamey, killing senior Nigerien commanders.",
    "A Chadian airliner crashed near Niamey, killing 38 people.",
])
def test_no_doer_from_a_passive_or_an_undergoing_main_clause(lex, text):
    assert not one_mention(run(lex, [text]), "targeted_killing")["agent"]
