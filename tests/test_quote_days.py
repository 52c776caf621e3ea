"""A quote takes the day of the sentence that tells it (extract/quote_days.py), and an event
shows the sentence that says it rather than a quote dated by another (events/records.py)."""

from test_extract import only, run
from trustbrief.events.records import TOLD_DAY_RULE as EVENTS_RULE
from trustbrief.extract.quote_days import TOLD_DAY_RULE

TELLING = "Brazil's foreign ministry issued a statement on Monday, saying the crisis must end."
QUOTE = ('"Brazil emphasizes the responsibility of the Argentine government for the crisis," '
         "the statement read.")


def _statements(found, sent: int):
    return only(found["mentions"], event_type="statement", sent_id=f"dtest00000-s{sent:03d}")


def test_a_quote_after_its_telling_sentence_takes_its_day(lex):
    found = run(lex, [TELLING, QUOTE])
    m = _statements(found, 2)
    assert len(m) == 1
    m = m.iloc[0]
    assert (m["agent"], m["targets"]) == ("Brazil", ["Argentina"])
    assert m["time_text"] == "on Monday" and m["time_id"] == "dtest00000-s001-t1"
    assert m["rule"].endswith(TOLD_DAY_RULE)


def test_a_quote_keeps_no_day_when_its_telling_is_interrupted_or_by_another_side(lex):
    """Another side's sentence between them, or a telling sentence of another side: the
    quote's words were not said on that day by that speaker."""
    between = "Argentina has rejected the accusation, its president said."
    found = run(lex, [TELLING, between, QUOTE],
                ["Argentina's foreign ministry issued a statement on Monday, saying the crisis "
                 "must end.", QUOTE])
    for doc in (0, 1):
        rows = only(found["mentions"], event_type="statement", doc_id=f"dtest{doc:05d}")
        quoted = rows[rows["text"] == QUOTE]
        assert len(quoted) == 1 and quoted.iloc[0]["time_id"] == ""


def test_a_day_that_belongs_to_what_was_said_is_not_the_quotes(lex):
    """'X said Argentina struck Uruguay on Monday': Monday is the strike's day (a clause's),
    not the day the words were said."""
    found = run(lex, ["Brazil's foreign ministry said that Argentina struck Uruguay on Monday.",
                      QUOTE])
    m = _statements(found, 2)
    assert len(m) == 1 and m.iloc[0]["time_id"] == ""


def test_both_stages_read_one_rule_suffix():
    assert TOLD_DAY_RULE == EVENTS_RULE
