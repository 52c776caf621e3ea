"""A speech act coordinated with the clause a verb of saying reports (extract/roles.py): the
parser joins 'and accused ...' to the reported verb, whose subject it inherits. Invented
sentences; helpers from test_extract."""

from __future__ import annotations

from test_extract import one_mention, run


def test_a_speech_act_whose_inherited_doer_would_accuse_itself_is_the_reporters(lex):
    text = ("Chadian President Jane Roe said on Monday that Niger had moved troops toward the "
            "border, and accused Niamey of threatening the country's sovereignty.")
    accusation = one_mention(run(lex, [text]), "accusation")
    assert (accusation["agent"], list(accusation["targets"])) == ("Chad", ["Niger"])
    assert accusation["agent_rule"] == "speaker-of-reported-clause/conj"
    assert accusation["phrase"] == "Chad accuses Niamey of threatening the country's sovereignty"


def test_a_speech_act_aimed_at_another_side_stays_with_the_reported_clause(lex):
    text = "Chad's president said on Monday that Niger had massed troops and threatened Chad."
    warning = one_mention(run(lex, [text]), "warning")
    assert (warning["agent"], list(warning["targets"])) == ("Niger", ["Chad"])


def test_denouncing_or_rejecting_another_sides_words_is_criticism(lex):
    text = "Niger's government denounced the French decision to expel two diplomats."
    assert one_mention(run(lex, [text]), "criticism")["agent"] == "Niger"
    text = "Niger's foreign ministry on Monday rejected the accusations in a statement."
    assert one_mention(run(lex, [text]), "criticism")["agent"] == "Niger"
    found = run(lex, ["Niger on Monday rejected the proposal for new talks."])["mentions"]
    assert "criticism" not in set(found["event_type"])
