"""Event mentions from the dependency tree: factuality of dispositions and plans, symmetric
events told with conjoined subjects, statements triggered by verbs of saying.

Short invented sentences about governments the world knowledge knows (no story's actors);
the helpers come from test_extract.
"""

from __future__ import annotations

import pytest

from test_extract import one_mention, only, run


def test_a_disposition_to_strike_is_no_strike(lex):
    found = run(lex, ["The French government has told Germany that France is willing to strike "
                      "targets in Chad."])
    assert one_mention(found, "airstrike")["polarity"] == "hypothetical"
    assert one_mention(found, "airstrike")["factuality_rule"] == "disposition-complement"


def test_a_gerund_subject_of_a_modal_is_hypothetical(lex):
    found = run(lex, ["Officials fear that striking Iran's oil facilities could spike energy "
                      "prices."])
    assert one_mention(found, "airstrike")["polarity"] == "hypothetical"


@pytest.mark.parametrize(("text", "etype"), [
    ("Brazil's president acknowledged Brazil's involvement in the incident but denied "
     "responsibility, attributing it to an Argentine drone attack.", "attack"),
    ("Brazil blamed the outage on an Argentine cyberattack.", "cyberattack"),
])
def test_an_act_named_as_a_cause_someone_ascribes_is_no_act_told(lex, text, etype):
    """'attributing it to a drone attack': the attack is the speaker's account of a cause."""
    m = one_mention(run(lex, [text]), etype)
    assert m["polarity"] == "hypothetical"
    assert m["factuality_rule"].startswith("ascribed-cause")


def test_an_act_blamed_for_something_stays_told(lex):
    """'blamed X for the attack' names the doer of an act the sentence tells."""
    m = one_mention(run(lex, ["Brazil blamed Argentina for the cyberattack on Monday."]),
                    "cyberattack")
    assert m["polarity"] == "asserted"


def test_plans_to_strike_are_planned(lex):
    found = run(lex, ["The two ministers discussed Turkey's plans to strike Syria."])
    m = one_mention(found, "airstrike")
    assert (m["polarity"], m["factuality_rule"]) == ("planned", "plan-noun-infinitive")


def test_a_strike_told_as_done_stays_asserted(lex):
    found = run(lex, ["France struck targets in Chad on Friday."])
    assert one_mention(found, "airstrike")["polarity"] == "asserted"


def test_a_negation_stops_at_a_conjoined_verb_with_its_own_auxiliary(lex):
    """'would not support a strike and instead is urging Chad to ...' urges; 'did not inform
    or consult' consults no more than it informs."""
    found = run(lex, ["The French president said he would not support a strike and instead is "
                      "urging Chad to show restraint.",
                      "Germany did not inform or urge Chad."])
    urged = one_mention(found, "demand")
    assert (urged["polarity"], urged["factuality_rule"]) == (
        "asserted", "conjunct-with-own-auxiliary")
    assert one_mention(found, "demand", sent=2)["polarity"] == "negated"


def test_a_copula_negation_denies_its_adjectival_complement(lex):
    """'is not opposed to': the negation sits on the copula, the trigger is its complement."""
    found = run(lex, ["While France is not opposed to Chad responding, it expects restraint.",
                      "France is opposed to Chad responding."])
    denied = one_mention(found, "criticism")
    assert (denied["polarity"], denied["factuality_rule"]) == ("negated", "neg-on-governing-verb")
    assert one_mention(found, "criticism", sent=2)["polarity"] == "asserted"


def test_an_actor_after_with_is_no_subject_of_the_next_verb(lex):
    """'expressed its wish to speak with X and opposed the visit': the parser may hang
    'opposed' on 'speak', whose subject it cannot see; X, after 'with', still does not oppose
    (nor does the title 'Chancellor', a part of the name)."""
    found = run(lex, ["During the talks, France expressed its wish to first speak with German "
                      "Chancellor Olaf Scholz and opposed Chad's visit to Paris before such a "
                      "conversation.",
                      "Germany opposed Chad's visit to Paris."])
    assert one_mention(found, "criticism")["agent"] not in ("Germany", "Olaf Scholz")
    assert one_mention(found, "criticism", sent=2)["agent"] == "Germany"


def test_a_time_expression_dates_what_is_told_as_done_not_what_is_denied(lex):
    """'said on Monday that he would not support a strike and instead is urging Chad': the
    urging is Monday's; the strike he would not support has no day."""
    found = run(lex, ["The French president said on Monday that he would not support a strike "
                      "and instead is urging Chad to show restraint."])
    assert one_mention(found, "demand")["time_text"] == "on Monday"
    assert one_mention(found, "airstrike")["time_text"] == ""


def test_an_attack_with_its_attacker_and_target_is_an_event(lex):
    found = run(lex, ["The strike was twice as large as Egypt's earlier attack on Syria.",
                      "Officials are studying the attack."])
    m = one_mention(found, "attack")
    assert (m["agent"], m["targets"], m["agent_rule"]) == ("Egypt", ["Syria"], "possessive")
    assert only(found["mentions"], sent_id="dtest00000-s002").empty  # 'the attack' alone


def test_a_launched_war_is_an_attack(lex):
    found = run(lex, ["Fighting began when Russia launched its war against Ukraine."])
    m = one_mention(found, "attack")
    assert (m["agent"], m["polarity"]) == ("Russia", "asserted")


def test_a_statement_needs_a_verb_of_saying_outside_the_names(lex):
    """'States' in 'the United States' is no verb of saying: no statement; the day of a
    statement is a day the verb of saying governs."""
    found = run(lex, ["The deadline set by the United States for Turkey ends after the vote "
                      "on Monday.",
                      "The French foreign ministry told Germany on Friday that it must act."])
    statements = only(found["mentions"], event_type="statement")
    assert list(statements["sent_id"]) == ["dtest00000-s002"]
    said = statements.iloc[0]
    assert (said["trigger"], said["time_text"]) == ("told", "on Friday")


def test_a_call_to_a_quoted_title_is_a_call(lex):
    found = run(lex, ["The French president called “German” Chancellor Olaf Scholz on Friday."])
    m = one_mention(found, "phone_call")
    assert (m["agent"], m["polarity"], m["time_text"]) == ("France", "asserted", "on Friday")


def test_what_one_guards_against_is_generic(lex):
    found = run(lex, ["Both sides discussed support for Egypt's defense against all threats "
                      "from Libya.",
                      "Libya issued threats against Egypt on Friday."])
    assert one_mention(found, "warning")["factuality_rule"] == "guarded-against"
    assert one_mention(found, "warning", sent=2)["polarity"] == "asserted"


def test_acts_a_system_is_designated_to_combat_are_generic(lex):
    """'an air defence system designated to combat drone strikes from X': the kind of act it
    fights, not strikes that happened (the sentence's day is another verb's)."""
    found = run(lex, ["The jet went down on Monday near a base where Egypt had an air defence "
                      "system designated to combat drone strikes from Libya.",
                      "Libyan drone strikes hit the base on Friday."])
    m = one_mention(found, "airstrike")
    assert (m["polarity"], m["factuality_rule"]) == ("generic", "plural-generic-noun")
    assert one_mention(found, "airstrike", sent=2)["polarity"] == "asserted"


def test_a_noun_undergoing_a_passive_verb_keeps_no_window_roles(lex):
    """'The barrage of strikes was shot down by Egypt, with the help of France': Egypt shot
    down the strikes, it did not strike France."""
    found = run(lex, ["The barrage of strikes was largely shot down by Egypt, with the help of "
                      "France."])
    strikes = only(found["mentions"], event_type="airstrike")
    assert strikes.empty or (strikes["agent"].iloc[0], list(strikes["targets"].iloc[0])) == (
        "", [])
    assert one_mention(found, "shootdown")["agent"] == "Egypt"


def test_ongoing_deployments_are_a_state_not_an_occurrence(lex):
    found = run(lex, ["The readout mentioned ongoing defensive French military deployments "
                      "in Chad.",
                      "France announced new military deployments in Chad on Friday."])
    m = one_mention(found, "deployment")
    assert (m["polarity"], m["factuality_rule"]) == ("generic", "ongoing-modifier")


@pytest.fixture(scope="module")
def two_ministers(tmp_path_factory):
    """Lexicons of an invented story whose two foreign ministers the story file names."""
    from fixtures.invented_story import story_lexicons

    return story_lexicons(tmp_path_factory.mktemp("k"),
                          "{name: Ana Ruiz Prieto, side: Mexico, role: foreign_minister}",
                          "{name: Luis Vega, side: Canada, role: foreign_minister}")


def test_a_title_and_its_name_are_one_participant(two_ministers):
    """'Mexican Foreign Minister Ana Ruiz Prieto': the title and the name both name her; the
    tree's participants name each person once (she is not her own partner)."""
    from trustbrief.extract.actors import document_hits
    from trustbrief.extract.nlp import load_pipeline
    from trustbrief.extract.roles import tree_roles

    text = ("Mexican Foreign Minister Ana Ruiz Prieto and her Canadian counterpart Luis Vega "
            "spoke by phone on Tuesday.")
    doc, hits = load_pipeline()(text), document_hits([text], two_ministers)[0]
    at = text.index("spoke")
    roles = tree_roles(doc, at, at + 5, two_ministers.event_types["phone_call"], hits,
                       two_ministers.syntax, two_ministers, [])
    assert roles["agent"] == ["Ana Ruiz Prieto"]
    assert "Ana Ruiz Prieto" not in roles["targets"]  # not her own partner


def test_telling_a_named_party_of_the_other_side_is_a_statement(two_ministers):
    """'X told Y on Friday that ...' (dependency pattern told-named-addressee); 'told
    reporters' or an addressee of one's own side is no such contact."""
    found = run(two_ministers, ["Ruiz Prieto told Vega on Friday that Mexico expects clarity.",
                                "Ruiz Prieto told reporters on Friday that Mexico is calm."])
    said = one_mention(found, "statement")
    assert (said["agent"], said["targets"], said["time_text"]) == (
        "Ana Ruiz Prieto", ["Luis Vega"], "on Friday")
    assert said["rule"] == "statement/verb/dep:told-named-addressee"
    assert only(found["mentions"], sent_id="dtest00000-s002").empty


def test_the_agent_of_a_raid_carried_out_by_someone(lex):
    """'a raid carried out by German authorities': the participle's 'by' agent acts, not the
    ministry that said so; 'police raids' is a noun though 'raids' is also a verb."""
    found = run(lex, ["The French Foreign Ministry said on Monday that two Chadian citizens "
                      "died during a raid carried out by German authorities.",
                      "Two Chadian citizens died during police raids in Germany, the French "
                      "Foreign Ministry said."])
    m = one_mention(found, "raid")
    assert (m["agent"], m["agent_rule"]) == ("Germany", "by-agent-of-participle")
    assert one_mention(found, "raid", sent=2)["agent"] == ""


def test_a_verb_whose_subject_names_nobody_has_no_agent_from_elsewhere(lex):
    """'an incident that killed 38 people': the relative clause's subject is the incident,
    so France (who condemned it) is not the killer."""
    found = run(lex, ["France condemned an incident that killed 38 people in Chad."])
    assert one_mention(found, "targeted_killing")["agent"] == ""


@pytest.mark.parametrize(("text", "agent"), [
    # a bare 'the ministry' doing what a state's media report is that state's
    ("Chilean media reported that the ministry had expelled two Peruvian diplomats.", "Chile"),
    # a body its own words qualify keeps its side
    ("Chilean media reported that the Peruvian government had expelled two diplomats.",
     "Peru"),
])
def test_a_bare_body_in_what_a_sides_media_report_is_that_sides(lex, text, agent):
    assert one_mention(run(lex, [text]), "restriction")["agent"] == agent


@pytest.mark.parametrize("text", [
    "He said that he spent time earlier Sunday being briefed by the spy agencies.",
    "She spent the morning being briefed by the generals.",
])
def test_the_subject_of_a_verb_governing_a_passive_underwent_the_act(lex, text):
    """'X spent the morning being briefed by Y': X (here 'he', the person named before) was
    briefed, never the doer."""
    from trustbrief.extract.actors import document_hits
    from trustbrief.extract.nlp import load_pipeline
    from trustbrief.extract.roles import tree_roles

    doc, start = load_pipeline()(text), text.index("briefed")
    roles = tree_roles(doc, start, start + 7, lex.event_types["notification"],
                       document_hits([text], lex)[0], lex.syntax, lex, ["Joe Biden"])
    assert (roles["agent"], roles["targets"]) == ([], ["Joe Biden"])


def test_a_participle_after_a_passive_naming_no_doer_takes_no_agent_from_elsewhere(lex):
    """'a note was sent to Chad, informing them of ...': the note informs, not Chad (the
    recipient named before the participle), nor France, told by a doer the passive names."""
    found = run(lex, ["A formal note was sent to Chad on Monday, informing them of the "
                      "decision.",
                      "A note was sent by Chad to France, informing them of the decision."])
    assert one_mention(found, "notification")["agent"] == ""
    assert one_mention(found, "notification", sent=2)["agent"] != "France"


def test_an_infinitive_of_a_noun_takes_no_agent_named_around_it(lex):
    """'whether he would support a plan to strike Chad': whoever owns the plan would strike,
    not the president who talks about it; "Turkey's plan to strike" keeps its owner."""
    found = run(lex, ["\"No,\" the French president said about whether he would support a "
                      "plan to strike Chad.",
                      "The ministers discussed Turkey's plan to strike Syria."])
    assert one_mention(found, "airstrike")["agent"] == ""
    assert one_mention(found, "airstrike", sent=2)["agent"] == "Türkiye"


def test_a_person_owning_an_operation_noun_is_its_target(two_ministers):
    """'her killing' with no 'of' object: she was killed; "Canada's strikes on Mexico":
    Canada struck."""
    found = run(two_ministers, ["Foreign Minister Ana Ruiz Prieto arrived in Ottawa.",
                                "Canada condemned her killing on Friday.",
                                "Mexico condemned Canada's strikes on Mexico."])
    killing = one_mention(found, "targeted_killing", sent=2)
    assert (killing["agent"], killing["targets"]) == ("", ["Ana Ruiz Prieto"])
    assert killing["target_rule"].startswith("possessive-undergoer")
    strikes = one_mention(found, "airstrike", sent=3)
    assert (strikes["agent"], strikes["targets"]) == ("Canada", ["Mexico"])


def test_the_killing_told_again_is_the_same_killing(lex):
    """'... France's assassination of a Libyan commander ... to link the killing to Chad': the
    definite noun without an agent retells the killing of its sentence (no second killing
    of Chad)."""
    found = run(lex, ["Chad was not involved in France's assassination of a Libyan commander "
                      "on Wednesday, officials said, pushing back on attempts by Egypt to link "
                      "the killing to Chad."])
    m = one_mention(found, "targeted_killing")
    assert (m["agent"], m["targets"], m["trigger"]) == ("France", ["Libya"], "assassination")


def test_an_ordered_strike_is_a_plan_not_the_strike(lex):
    found = run(lex, ["The Syrian president has ordered his army to launch a strike on Turkey.",
                      "Turkey launched a strike on Syria on Friday."])
    m = one_mention(found, "airstrike")
    assert (m["polarity"], m["factuality_rule"]) == ("planned", "ordered-via-complement")
    assert one_mention(found, "airstrike", sent=2)["polarity"] == "asserted"


def test_an_object_pronoun_is_not_its_own_verbs_subject(two_ministers):
    """'... was angry when Vega informed her': 'her' is Ruiz Prieto, never Vega himself."""
    found = run(two_ministers, ["Mexican Foreign Minister Ana Ruiz Prieto was angry when "
                                "Canadian Foreign Minister Luis Vega informed her about the "
                                "decision."])
    m = one_mention(found, "notification")
    assert (m["agent"], m["targets"]) == ("Luis Vega", ["Ana Ruiz Prieto"])


def test_what_exploded_is_the_target_not_the_agent(lex):
    """'radios of Chadian soldiers exploded', 'the Chad radio explosions': the subject or
    modifier of an explosion underwent it; 'the Egypt missile attack': the modifier acts."""
    found = run(lex, ["Radios of the Chadian army exploded on Tuesday.",
                      "The Chad radio explosions wounded dozens.",
                      "The Egypt missile attack on Syria failed."])
    verb = only(found["mentions"], sent_id="dtest00000-s001").iloc[0]
    assert (verb["agent"], verb["targets"], verb["target_rule"]) == (
        "", ["Chad"], "undergoer-subject")
    noun = only(found["mentions"], sent_id="dtest00000-s002").iloc[0]
    assert (noun["agent"], noun["targets"], noun["target_rule"]) == (
        "", ["Chad"], "modifier-undergoer")
    attack = one_mention(found, "missile_attack", sent=3)
    assert (attack["agent"], attack["agent_rule"]) == ("Egypt", "modifier-agent")


def test_a_capital_before_the_act_is_where_it_happened_not_who_did_it(lex):
    """'the Egyptian air strike': the state acts; 'the Cairo air strike': a seat of
    government (a data/world/ capital) before the act names the place, not the doer."""
    found = run(lex, ["Officials briefed him on the Cairo air strike.",
                      "Officials briefed him on the Egyptian air strike."])
    place = one_mention(found, "airstrike", sent=1)
    assert (place["agent"], place["targets"]) == ("", ["Egypt"]), place[["agent_rule"]]
    state = one_mention(found, "airstrike", sent=2)
    assert (state["agent"], state["agent_rule"]) == ("Egypt", "modifier-agent")


def test_an_attack_blamed_on_a_state_has_it_as_agent(lex):
    found = run(lex, ["Two radios exploded after an attack, blamed on France, targeting "
                      "Chadian fighters."])
    attack = one_mention(found, "attack")
    assert (attack["agent"], attack["agent_rule"]) == ("France", "ascribed:ascribed-to")


def test_a_demonym_beginning_a_hospitals_name_is_no_actor(lex):
    found = run(lex, ["France bombed the American University hospital in Chad.",
                      "France bombed the American hospital in Chad."])
    named = only(found["mentions"], sent_id="dtest00000-s001").iloc[0]
    assert "United States" not in named["actors"] and named["targets"] == ["Chad"]
    plain = only(found["mentions"], sent_id="dtest00000-s002").iloc[0]
    assert plain["targets"] == ["United States"]  # 'an American hospital' stays American


def test_a_dismissed_persons_possessive_is_the_one_dismissed(two_ministers):
    """"Vega's dismissal" (the type says its possessor undergoes it): Vega was dismissed;
    "Ruiz Prieto's firing of her deputy": an 'of' object is told, so she fired someone."""
    found = run(two_ministers, ["Mexico welcomed Luis Vega's dismissal on Friday.",
                                "Canada criticised Ana Ruiz Prieto's dismissal of her deputy."])
    undergone = one_mention(found, "dismissal")
    assert (undergone["agent"], undergone["targets"]) == ("", ["Luis Vega"])
    assert undergone["target_rule"] == "possessive-undergoer"
    done = one_mention(found, "dismissal", sent=2)
    assert (done["agent"], done["agent_rule"]) == ("Ana Ruiz Prieto", "possessive")


def test_a_name_in_apposition_is_the_role_not_the_side_of_its_title(two_ministers):
    """'the assassination of Canada's top diplomat, Luis Vega': the person, not Canada."""
    found = run(two_ministers, ["Mexico condemned the assassination of Canada's top "
                                "diplomat, Luis Vega."])
    killing = one_mention(found, "targeted_killing")
    assert killing["targets"] == ["Luis Vega"]


@pytest.mark.parametrize("text", [
    "During a visit to troops near the Lebanese border, Gallant stressed the urgency.",
    "Netanyahu visited soldiers in the north on Sunday.",
])
def test_a_visit_to_troops_is_no_contact(lex, text):
    """A leader seeing forces meets no other party (data/event_types.yaml meeting_visit)."""
    mentions = run(lex, [text])["mentions"]
    assert "meeting_visit" not in set(mentions["event_type"])


def test_a_visit_to_a_leader_stays_a_contact(lex):
    mentions = run(lex, ["Blinken visited Netanyahu in Jerusalem on Sunday."])["mentions"]
    assert "meeting_visit" in set(mentions["event_type"])
