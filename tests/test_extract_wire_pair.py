"""Wire and portal writing about a pair of governments no story declares: a scoop retold
('..., the newspaper reported on Tuesday'), a party told to act, diplomats withdrawn.
General rules, not one article's.

Short sentences written for these tests (no article's text); the helpers come from
test_extract.
"""

from __future__ import annotations

import pytest

from test_extract import one_mention, run


def test_a_party_told_to_act_is_asked_and_the_scoops_source_is_no_label(lex):
    m = one_mention(run(lex, ["India has told Canada to withdraw about 40 of its diplomats "
                              "by October 10, the newspaper reported on Tuesday."]), "demand")
    assert (m["agent"], list(m["targets"])) == ("India", ["Canada"])
    assert m["phrase"].startswith("India has told Canada to withdraw")
    assert "reported" not in m["phrase"]


@pytest.mark.parametrize("text", [
    "Canada said on Thursday it had withdrawn 41 of its diplomats from India.",
    "India said it would withdraw its high commissioner from Ottawa.",
    "Canada pulled 41 diplomats out of India.",
])
def test_diplomats_withdrawn_or_an_envoy_recalled_is_a_restriction(lex, text):
    one_mention(run(lex, [text]), "restriction")


@pytest.mark.parametrize("text", [
    "The Canadian High Commissioner was summoned to the Ministry of External Affairs and "
    "informed of the decision, the ministry said in a statement.",
    "The Chadian ambassador was summoned to the French Foreign Ministry on Monday.",
])
def test_an_envoy_summoned_to_a_states_ministry_is_summoned_by_that_state(lex, text):
    m = one_mention(run(lex, [text]), "summons")
    assert m["agent_rule"] == "summoned-to" and m["agent"] in ("India", "France")
    assert m["agent"] not in m["targets"]


def test_a_province_named_after_another_country_is_not_that_country(lex):
    m = one_mention(run(lex, ["Canada investigated the killing of a community activist in "
                              "British Columbia in June."]), "targeted_killing")
    assert "United Kingdom" not in m["targets"]


def test_a_participle_that_says_who_someone_is_makes_no_act(lex):
    found = run(lex, ["The foreign minister said the expelled diplomat was the head of India's "
                      "intelligence agency in Canada."])
    assert "restriction" not in set(found["mentions"]["event_type"])


def test_an_opening_it_continues_the_state_that_acted_before(lex):
    found = run(lex, ["India on Monday expelled six Canadian diplomats.",
                      "It also withdrew its high commissioner from Ottawa."])
    m = one_mention(found, "restriction", sent=2)
    assert (m["agent"], m["agent_rule"]) == ("India", "it+previous-doer")
    assert m["phrase"] == "India withdrew its high commissioner from Ottawa"


@pytest.mark.parametrize(("text", "verb"), [
    ('"It must change course," the president said.', "change"),  # inside a quote
    ("It must end the blockade and reopen the border.", "reopen"),  # a shared subject
    ("The ministry said it would send a team to the region.", "send"),  # in a clause
])
def test_an_it_inside_a_quote_or_a_clause_is_no_label_subject(text, verb):
    from trustbrief.extract import nlp
    from trustbrief.extract.phrase_tokens import opening_it

    doc = nlp.load_pipeline()(text)
    it = next(t for t in doc if t.lower_ == "it")
    assert not opening_it(it, next(t for t in doc if t.lower_ == verb))


@pytest.mark.parametrize(("text", "opening"), [
    ("New Delhi urged Ottawa to take prompt and effective legal action against all "
     "anti-India elements operating from its soil.", "New Delhi urged Ottawa"),
    ("South Korea urged Japan to take prompt and effective legal action against all the "
     "groups operating from its soil.", "South Korea urged Japan"),
])
def test_a_shortened_label_keeps_a_places_whole_name(lex, text, opening):
    assert one_mention(run(lex, [text]), "demand")["phrase"].startswith(opening)


def test_a_body_rejecting_allegations_speaks(lex):
    """'the ministry rejected the allegations as "absurd"': rejecting a charge says something,
    and the quote is the ministry's (data/syntax.yaml speech.stance); 'rejected the proposal'
    stays a deed."""
    found = run(lex, ["The Indian foreign ministry said on Monday it was studying the report.",
                      'Earlier, the ministry rejected the allegations as "absurd and '
                      'motivated".'])
    claims = found["claims"]
    said = claims[claims["sent_id"] == "dtest00000-s002"]
    assert len(said) == 1 and said.iloc[0]["speaker_side"] == "India"


def test_a_second_subject_after_the_verb_is_its_object(lex):
    # a ministry's release: titles before each name make the parser read two subjects
    m = one_mention(run(lex, ["On March 3, Mr. TANAKA Ichiro, Vice-Minister for Foreign Affairs, "
                              "summoned H.E. Mr. LI Wei, Ambassador of the People's Republic of "
                              "China to Japan, and expressed his regret."]), "summons")
    assert (m["agent"], list(m["targets"])) == ("Japan", ["China"])


def test_a_detention_after_that_his_is_not_the_place_named_before(lex):
    m = one_mention(run(lex, ["The Chadian foreign minister told reporters in Paris that his "
                              "detention was arbitrary."]), "arrest")
    assert m["agent"] != "France"
