"""What one side says of the other is said again and again: a statement made from a claim is
never matched to another article's dated statement of the same parties (dating.clues._said),
on invented articles."""

from __future__ import annotations

from test_dating import article, dated_without_chronology, mention, ungoverned

COLUMNS = ["published", "published_earliest", "published_latest"]
SAID = "Our commitment to Southia is unwavering, a Norland spokesman said."
SAID_FRIDAY = "Our commitment to Southia is unwavering, a Norland spokesman said on Friday."


def _statement(doc_id: str, rule: str, text: str) -> dict:
    return {**mention(doc_id, 1, "statement", "Norland;Southia", text), "rule": rule}


def test_a_restated_commitment_neither_bounds_nor_dates_another_article(tmp_path):
    docs = [article("dD", "dated.txt", "url", "2024-09-27"), article("dU", "undated.txt")]
    mentions = [_statement("dD", "statement/claim/said", SAID_FRIDAY),
                _statement("dU", "statement/claim/said", SAID)]
    out = dated_without_chronology(tmp_path, docs, ungoverned(mentions))
    # the dated article's statement of 27 September tells nothing of the undated one's day
    assert out.loc["dU", COLUMNS].tolist() == ["", "", ""]


def test_an_act_of_the_same_parties_still_bounds_it(tmp_path):
    # the same words as an act told by a trigger (not a claim) are one event: after its day
    docs = [article("dD", "dated.txt", "url", "2024-09-27"), article("dU", "undated.txt")]
    mentions = [_statement("dD", "statement/verb/g1", SAID_FRIDAY),
                _statement("dU", "statement/verb/g1", SAID)]
    out = dated_without_chronology(tmp_path, docs, ungoverned(mentions))
    assert out.loc["dU", "published_earliest"] == "2024-09-27"
