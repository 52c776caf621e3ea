"""The sentence id shape every stage shares (contract/ids.py)."""

from trustbrief.contract.ids import sentence_id, sentence_number


def test_a_sentence_id_reads_back_its_number():
    assert sentence_id("d3726a145ab", 3) == "d3726a145ab-s003"
    assert sentence_number(sentence_id("d3726a145ab", 112)) == 112


def test_an_id_of_another_shape_has_no_number():
    assert sentence_number("d3726a145ab") is None
    assert sentence_number("d1-s003-m2") is None
