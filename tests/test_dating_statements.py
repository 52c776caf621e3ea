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


def test_a_plan_alone_bounds_its_report_from_above_only(tmp_path):
    # the attack is dated (1 October); the undated article reports it only as ordered: it may
    # have been written weeks or months before, so its lede Thursday pins no day
    docs = [article("dD", "dated.txt", "url", "2024-10-02"), article("dU", "undated.txt")]
    mentions = [
        mention("dD", 1, "missile_attack", "Norland;Southia",
                "Norland fired missiles at Southia on Oct. 1, 2024, the army said."),
        mention("dU", 1, "phone_call", "Ana Ruiz;Ben Okafor",
                "Ruiz and Okafor spoke on Thursday evening amid the tensions."),
        {**mention("dU", 2, "missile_attack", "Norland;Southia",
                   "Norland has ordered a missile attack on Southia."), "polarity": "planned"},
    ]
    out = dated_without_chronology(tmp_path, docs, ungoverned(mentions))
    published, earliest, latest = out.loc["dU", COLUMNS].tolist()
    assert published == "" and latest <= "2024-10-01" and earliest < "2024-09-01"
