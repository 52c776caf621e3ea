"""Acts a sentence names without telling that they took place (data/syntax.yaml factuality):
an act mulled or weighed ('as X mulls its response'), opposed ('opposed X's visit'), whose
point is denied ('no point in X's trip'), attempted in the past ('whom he has attempted to
dismiss'), or told as a habit ('Throughout the war, X informed Y before major developments').
None of them is asserted, so none makes a dated event.

Short invented sentences about governments the world knowledge knows (no story's actors);
the helpers come from test_extract.
"""

from __future__ import annotations

import pytest

from test_extract import one_mention, run


@pytest.mark.parametrize("text, etype, value, rule", [
    ("Chad and Niger agreed to stay in touch as Chad mulls its response to Niger.",
     "retaliation_plan", "hypothetical", "threat-complement"),
    ("Chad's president expressed his wish to wait and opposed the minister's visit to Niger.",
     "meeting_visit", "hypothetical", "opposed-act"),
    ("Chad's foreign ministry said there was no point in the minister's trip to Niger.",
     "meeting_visit", "hypothetical", "no-point-in"),
    ("Chad's president, who has tried to dismiss the minister twice, spoke on Monday.",
     "dismissal", "hypothetical", "past-attempt"),
    ("Throughout the war, Chad's minister informed Niger's minister before major operations.",
     "notification", "generic", ""),
])
def test_an_act_named_but_not_told_is_not_asserted(lex, text, etype, value, rule):
    mention = one_mention(run(lex, [text]), etype)
    assert mention["polarity"] == value
    assert mention["factuality_rule"].startswith(rule)


@pytest.mark.parametrize("text, etype", [
    ("Chad's minister informed Niger's minister before the strikes on Monday.", "notification"),
    ("Chad's president met Niger's president on Monday after his visit to Niger.",
     "meeting_visit"),
])
def test_an_act_timed_by_one_occasion_stays_asserted(lex, text, etype):
    assert one_mention(run(lex, [text]), etype)["polarity"] == "asserted"


@pytest.mark.parametrize("text", [
    "Chad's president assured Niger's president of steps towards negotiating with Boko Haram.",
    "The strikes followed assurances from Chad's president to Niger's president about "
    "progressing towards a ceasefire with Boko Haram.",
])
def test_the_one_told_about_talks_takes_no_part_in_them(lex, text):
    found = run(lex, [text])
    talks = found["mentions"][found["mentions"]["event_type"] == "ceasefire_talks"]
    assert len(talks) == 1
    parties = f"{talks.iloc[0]['agent']};{talks.iloc[0]['targets']}"
    assert "Niger" not in parties, parties


def test_a_verb_joined_to_an_infinitive_is_done_by_the_nouns_owner(lex):
    """'X expressed his desire to speak with Y and opposed the visit': the parser hangs
    'opposed' on 'speak'; the owner of the desire opposes (not Y after 'with', not no one)."""
    text = ("Officials described Chad's wish to first speak with Niger and opposed the "
            "minister's visit to Niger.")
    criticism = one_mention(run(lex, [text]), "criticism")
    assert criticism["agent"] == "Chad"
    assert criticism["agent_rule"].startswith("possessor-across-infinitive")


def test_a_relative_pronoun_object_is_the_noun_its_clause_tells_of(lex):
    """'..., whom he has attempted to dismiss': 'whom' (the target) is the noun the clause
    modifies; its subject 'he' is someone else."""
    text = ("The decision underscores the tension with Niger's president, whom "
            "Chad has attempted to dismiss twice.")
    dismissal = one_mention(run(lex, [text]), "dismissal")
    assert dismissal["targets"] == ["Niger"], dismissal[["agent", "targets", "target_rule"]]
    assert dismissal["agent"] == "Chad"


def test_a_relative_pronoun_subject_is_the_noun_its_clause_tells_of(lex):
    """'... reporters of a Chadian agency who were detained by the police during a raid at
    the Niger-Chad Friendship office': the passive 'who' (the target) is the noun the clause
    hangs on, not a name after the verb."""
    text = ("The note called for the release of two reporters of a Chadian agency who were "
            "detained by the police during a raid at the Sputnik-Niger office.")
    arrest = one_mention(run(lex, [text]), "arrest")
    assert (arrest["targets"], arrest["target_rule"]) == (["Chad"], "passive-subject")


def test_a_contact_keeps_no_unasserted_mention_of_another_kind():
    """'there was no point in X's trip' (a visit weighed) is no evidence of X's phone call;
    'the call did not take place' (the cluster's own kind) stays with it."""
    from types import SimpleNamespace as Mention

    from trustbrief.events.one_act import told_kinds_only

    call = Mention(event_type="phone_call", polarity="asserted")
    trip = Mention(event_type="meeting_visit", polarity="hypothetical")
    denied = Mention(event_type="phone_call", polarity="negated")
    assert told_kinds_only([call, trip, denied]) == [call, denied]


@pytest.mark.parametrize("text, etype, value", [
    # a verb conjoined to a modal one is what could (or must) be done too
    ("Niger could strike Chadian posts and kill soldiers, the minister said.",
     "targeted_killing", "hypothetical"),
    # a conjunct with an auxiliary of its own tells its own act
    ("Niger could retaliate and has warned Chad, the minister said.", "warning", "asserted"),
    # two acts told as done stay done
    ("Chad struck Nigerien posts and killed soldiers, the minister said.",
     "targeted_killing", "asserted"),
])
def test_a_conjoined_verb_shares_the_reading_of_its_head(lex, text, etype, value):
    mention = one_mention(run(lex, [text]), etype)
    assert mention["polarity"] == value
    assert mention["factuality_rule"].endswith("+conjunct") == (etype == "targeted_killing"
                                                                and value != "asserted")
