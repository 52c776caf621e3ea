"""Wire and portal writing about a pair of governments no story declares: a scoop retold
('..., the newspaper reported on Tuesday'), a party told to act, diplomats withdrawn.
General rules, not one article's.

Short sentences written for these tests (no article's text); the helpers come from
test_extract.
"""

from __future__ import annotations

import pytest

from test_extract import one_mention, run


def test_a_party_told_to_act_is_asked_and_the_scoops_source_is_no_label(lex):
    m = one_mention(run(lex, ["India has told Canada to withdraw about 40 of its diplomats "
                              "by October 10, the newspaper reported on Tuesday."]), "demand")
    assert (m["agent"], list(m["targets"])) == ("India", ["Canada"])
    assert m["phrase"].startswith("India has told Canada to withdraw")
    assert "reported" not in m["phrase"]


@pytest.mark.parametrize("text", [
    "Canada said on Thursday it had withdrawn 41 of its diplomats from India.",
    "India said it would withdraw its high commissioner from Ottawa.",
    "Canada pulled 41 diplomats out of India.",
])
def test_diplomats_withdrawn_or_an_envoy_recalled_is_a_restriction(lex, text):
    one_mention(run(lex, [text]), "restriction")
