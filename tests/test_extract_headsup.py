"""Words of one event type that the syntax reads as another, or as none: a warning about an
act to come given to someone is a heads-up (data/syntax.yaml triggers `retypes`), and a
person who 'blew up' lost their temper (roles.undergoer: a person undergoing an explosion).

Short invented sentences about governments the world knowledge knows (no story's actors);
the helpers come from test_extract.
"""

from __future__ import annotations

from test_extract import one_mention, only, run


def test_cautioning_someone_about_an_imminent_action_is_a_notification(lex):
    found = run(lex, ["Chad cautioned France on Tuesday about an imminent military action "
                      "in Sudan."])
    m = one_mention(found, "notification")
    assert (m["agent"], m["targets"], m["rule"]) == (
        "Chad", ["France"], "notification/verb/dep:heads-up-about-coming-act")
    assert only(found["mentions"], event_type="warning").empty


def test_warning_someone_of_a_response_stays_a_warning(lex):
    found = run(lex, ["Chad warned France of a harsh response."])
    assert one_mention(found, "warning")["agent"] == "Chad"
    assert only(found["mentions"], event_type="notification").empty


def test_a_minister_who_blew_up_detonated_nothing(lex):
    found = run(lex, ["The Chadian defence minister said Chad's president blew up when he "
                      "was told."])
    assert only(found["mentions"], event_type="sabotage_detonation").empty


def test_a_car_that_blew_up_is_still_an_explosion(lex):
    found = run(lex, ["A car blew up in Paris on Monday."])
    assert not only(found["mentions"], event_type="sabotage_detonation").empty
