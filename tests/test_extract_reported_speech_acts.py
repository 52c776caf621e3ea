"""Speech acts and who makes them (extract/roles.py, role_paths.py): a speech act coordinated
with the clause a verb of saying reports, whose subject the parser lets it inherit; a body
named with 'of' its country. Invented sentences; helpers from test_extract."""

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


def test_a_body_named_with_of_its_country_speaks_for_that_country(lex):
    """'The Ministry of Foreign Affairs of the Republic of Niger rejects ...': a press
    release's full name; the parser tags 'Ministry' a proper noun, whose 'of' phrase names
    the state as a common noun's does ('the government of Niger')."""
    text = ("The Ministry of Foreign Affairs of the Republic of Niger categorically rejects the "
            "allegations made by the Chadian authorities.")
    assert one_mention(run(lex, [text]), "criticism")["agent"] == "Niger"
