"""A time expression in the second of two coordinated clauses, each with its own subject,
dates only what that clause tells (extract/time_scope.py): 'X blamed Y for the attack, and
the president skipped the summit on Monday' - Monday is the skip's day, not the blame's.

Short invented sentences about governments the world knowledge knows (no story's actors);
the helpers come from test_extract.
"""

from __future__ import annotations

from test_extract import one_mention, run


def test_a_time_in_a_coordinated_clause_dates_only_that_clause(lex):
    found = run(lex, ["Chad blamed France for the attack, and the Chadian president skipped "
                      "the summit in Paris on Monday."])
    assert one_mention(found, "visit_skipped")["time_text"] == "on Monday"
    assert one_mention(found, "accusation")["time_text"] == ""


def test_a_shared_verb_phrase_without_its_own_subject_keeps_the_time(lex):
    """'spoke ... and agreed on Monday': one subject, one clause; the time stays shared."""
    found = run(lex, ["Chad warned France and urged it to withdraw on Monday."])
    assert one_mention(found, "warning")["time_text"] == "on Monday"
