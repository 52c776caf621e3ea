"""extract.phrases: what a mention says happened, in its sentence's own words, from the parse.

The sentences are invented (no corpus holds them) and parsed by the project's spaCy
pipeline; each test states a kind of writing the phrase must handle, not one sentence.
"""

from __future__ import annotations

import pytest

from trustbrief.extract.nlp import load_pipeline
from trustbrief.extract.phrases import PHRASE_MAX, event_phrase, with_phrases


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def phrase(nlp, text: str, trigger: str, agent: str = "", times: tuple = ()) -> str:
    start = text.index(trigger)
    skip = [(text.index(t), text.index(t) + len(t)) for t in times]
    return event_phrase(nlp(text), start, start + len(trigger), agent, skip)


def test_a_clause_keeps_subject_verb_and_object_but_not_the_day(nlp):
    text = ("Moldovan police raided the offices of a Transnistrian broadcaster on Tuesday, "
            "officials said.")
    assert phrase(nlp, text, "raided", times=("on Tuesday",)) == \
        "Moldovan police raided the offices of a Transnistrian broadcaster"


@pytest.mark.parametrize("text, time, want", [
    ("The cabinet had also sent a letter to Chad in April in which it asked for aid.",
     "in April", "Cabinet had sent a letter to Chad"),
    ("The minister sent a letter to him on Monday.", "on Monday", "Minister sent a letter"),
])
def test_a_dative_preposition_keeps_its_noun_or_goes(nlp, text, time, want):
    """The parser may attach 'to X' after an object as a dative: the label keeps X ('sent a
    letter to'), and a pronoun there goes, as everywhere."""
    assert phrase(nlp, text, "sent", times=(time,)) == want


@pytest.mark.parametrize("text, trigger, want", [
    ("The ministry summoned and reprimanded the ambassador on Monday.", "summoned",
     "Ministry summoned and reprimanded the ambassador"),
    ("The army intercepted and destroyed three drones over the border.", "intercepted",
     "Army intercepted and destroyed three drones over the border"),
    # a complement of its own comes first: what the verb itself says
    ("Chad will listen to France but make its final decisions alone.", "listen",
     "Chad will listen to France"),
    ("The two ministers discussed expanding military cooperation.", "discussed",
     "Two ministers discussed expanding military cooperation"),
    ("The government will consider imposing sanctions on the company.", "consider",
     "Government will consider imposing sanctions on the company"),
])
def test_a_verb_without_an_object_takes_what_completes_it(nlp, text, trigger, want):
    """'Ministry summoned' or 'Two ministers discussed' say nothing: a verb sharing its
    conjoined verb's object, or taking a gerund with an object, keeps them."""
    assert phrase(nlp, text, trigger, times=("on Monday",) if "Monday" in text else ()) == want


@pytest.mark.parametrize("text", [
    "Chad on Monday ordered 12 embassy staff to leave the country, Foreign Minister Jean Roe "
    "said, days after prosecutors charged a consular official.",
    "As the minister has said, Chad will respond.",
])
def test_a_verb_of_saying_with_nothing_said_is_no_label(nlp, text):
    """A verb of saying whose news is elsewhere (an attribution the parser hangs on another
    clause, an aside) says nothing by itself: 'Foreign Minister Jean Roe said' is no label."""
    assert phrase(nlp, text, "said") == ""


@pytest.mark.parametrize("text, trigger, want", [
    ("The agency initially referred to the crash as an emergency caused by a storm.",
     "referred", "Agency initially referred to the crash as an emergency"),
    ("The ministry described the arrest as a provocation.", "described",
     "Ministry described the arrest as a provocation"),
    ("Chad's air link with a total of 10 Sudanese cities has been suspended.", "suspended",
     "Chad's air link with a total of 10 Sudanese cities has been suspended"),
])
def test_what_a_thing_is_called_and_what_a_quantity_counts_stay(nlp, text, trigger, want):
    """'referred to the crash' says nothing without 'as an emergency'; 'a total' nothing
    without what it totals: both stay when the phrase is shortened."""
    assert phrase(nlp, text, trigger) == want


def test_a_shortened_clause_keeps_a_named_body_and_never_cuts_a_name_in_a_complement(nlp):
    # cut to head words this read 'Mexican ambassador to Soto was summoned to Ministry'
    text = ("The Mexican ambassador to Canada Luis Vega Soto was summoned to the Canadian "
            "Foreign Ministry on Monday.")
    assert phrase(nlp, text, "summoned", times=("on Monday",)) == \
        "Mexican ambassador was summoned to the Canadian Foreign Ministry"


def test_a_body_in_lower_case_the_tagger_takes_for_a_name_keeps_its_owner(nlp):
    # the small tagger reads 'foreign ministry' as a name; cut to its head it read 'Ministry
    # summoned the French ambassador ...': whose ministry?
    text = ("Chad's foreign ministry summoned the French ambassador over the raids on the "
            "offices of Chadian broadcasters in the capital.")
    assert phrase(nlp, text, "summoned").startswith("Chad's foreign ministry summoned")


def test_a_shortened_clause_names_the_person_a_title_introduces_not_the_title(nlp):
    """'Minister for Strategic Affairs Marc Roy' parses with the name inside the title's
    complement: cut to head words it read 'Ruiz urged Minister to provide clarity'."""
    text = ("In a call last Friday, White House National Security Advisor Jake Ruiz urged "
            "Canadian Minister for Strategic Affairs Marc Roy to provide \"clarity and "
            "transparency\" on the plans to attack Chad.")
    assert phrase(nlp, text, "urged", times=("last Friday",)) == \
        "Ruiz urged Roy to provide clarity"


def test_a_body_named_with_a_complement_is_no_title_before_a_name(nlp):
    from trustbrief.extract.phrase_tokens import name_after_title

    doc = nlp("Chad summoned him to the Ministry of Foreign Affairs.")
    ministry = next(t for t in doc if t.text == "Ministry")
    assert name_after_title(ministry, set()) is None


def test_a_noun_trigger_gives_its_noun_phrase(nlp):
    assert phrase(nlp, "Officials condemned the arrest of two Georgian journalists.",
                  "arrest") == "Arrest of two Georgian journalists"


def test_a_long_clause_is_shortened_to_names_never_cut_mid_word(nlp):
    text = ("Ukrainian President Volodymyr Zelensky and Polish Prime Minister Donald Tusk met "
            "in Rzeszow on Monday.")
    got = phrase(nlp, text, "met", times=("on Monday",))
    assert got == "Zelensky and Tusk met in Rzeszow" and len(got) <= PHRASE_MAX


def test_a_relative_clause_takes_the_noun_it_describes_and_asides_stay_out(nlp):
    text = ("Armed men, who were detained by Kenyan police (according to local media) near "
            "the border, confessed.")
    assert phrase(nlp, text, "detained") == "Armed men were detained by Kenyan police"


def test_an_infinitive_with_its_object_completes_the_clause(nlp):
    assert phrase(nlp, "Chile and Peru agreed to reopen the border crossing at Tacna.",
                  "agreed") == "Chile and Peru agreed to reopen the border crossing at Tacna"


def test_a_gerund_after_a_preposition_completes_the_clause_with_its_object(nlp):
    """'skipped out on attending the parade': not 'skipped out', which says not what."""
    text = "Peru's president skipped out on attending Chile's independence parade in Santiago."
    assert phrase(nlp, text, "skipped out") == \
        "Peru's president skipped out on attending Chile's independence parade"


def test_a_noun_phrase_drops_its_leading_article_or_another(nlp):
    text = "Peru condemned another Chilean missile attack on the port."
    assert phrase(nlp, text, "attack") == "Chilean missile attack on the port"


def test_a_possessive_pronoun_inside_a_noun_phrase_is_the_agent(nlp):
    """'the suspension of its activities' names no owner: the mention's agent does."""
    text = "On Monday, the cultural centre announced the suspension of its activities in Lima."
    assert phrase(nlp, text, "suspension", agent="Peru", times=("On Monday",)) == \
        "Suspension of Peru's activities in Lima"
    assert "its" in phrase(nlp, text, "suspension", times=("On Monday",)).split()


def test_he_stands_for_the_agent_other_pronouns_give_no_phrase(nlp):
    text = "He apologized to his Armenian counterpart."
    assert phrase(nlp, text, "apologized", agent="Nikol Pashinyan") == \
        "Nikol Pashinyan apologized to his Armenian counterpart"
    assert phrase(nlp, text, "apologized") == ""  # who? the label cannot say
    assert phrase(nlp, "They cancelled the visit.", "cancelled", agent="Chile") == ""
    assert phrase(nlp, "The envoy informed them.", "informed") == ""  # informed whom?


def test_no_phrase_for_saying_a_bare_noun_or_a_subjectless_participle(nlp):
    assert phrase(nlp, "The talks had failed, the foreign minister said.", "said") == ""
    assert phrase(nlp, "The strike was widely reported.", "strike") == ""
    assert phrase(nlp, "After being struck by a drone, the ferry sank.", "struck") == ""


def test_rows_without_a_parse_or_a_trigger_get_an_empty_phrase(nlp):
    text = "Moldovan police raided the offices of a Transnistrian broadcaster."
    rows = [{"trigger": "raided", "trigger_start": text.index("raided"), "agent": ""},
            {"trigger": "", "trigger_start": -1, "agent": ""}]
    assert [r["phrase"] for r in with_phrases(rows, nlp(text), [])] == [
        "Moldovan police raided the offices of a Transnistrian broadcaster", ""]
    assert with_phrases([dict(rows[0])], None, [])[0]["phrase"] == ""


def test_a_noun_described_by_a_participle_keeps_who_did_it(nlp):
    # without the participle this was no phrase ('a raid') and the label read 'Raid by X'
    text = "Two brothers died during a raid carried out by Chilean police, the ministry said."
    assert phrase(nlp, text, "raid") == "Raid carried out by Chilean police"
    text = "The strike reported yesterday destroyed a depot."  # a participle with no agent
    assert phrase(nlp, text, "strike") == ""


def test_a_verb_of_saying_keeps_what_was_said(nlp):
    text = "The Chilean minister told the envoy on Monday he would reopen the embassy."
    assert phrase(nlp, text, "told", times=("on Monday",)) == \
        "Chilean minister told the envoy he would reopen the embassy"
    text = "The ministry said that Chile will recall its ambassador from Lima."
    assert phrase(nlp, text, "said") == "Ministry said Chile will recall its ambassador from Lima"
    # a telling without what was told is no label: a bare copula says nothing, and a
    # reported clause too long for a label is not cut down to the audience
    text = "The minister has told Peru that Chile is willing to talk."
    assert phrase(nlp, text, "told") == ""
    text = ("The president told reporters on Monday that Chile and the leaders of the other "
            "Pacific Alliance nations have agreed to impose new tariffs on steel from Peru.")
    assert phrase(nlp, text, "told", times=("on Monday",)) == ""


def test_a_verb_with_two_subjects_is_a_garbled_parse_and_gives_no_phrase(nlp):
    # the small parser reads 'interests' and 'Boric' both as subjects of 'says'
    text = "The interests of Chile and Peru coincide in many areas, says Boric."
    assert not phrase(nlp, text, "says").endswith("says")


def test_a_clause_whose_subject_is_owned_by_a_relative_whose_gives_no_phrase(nlp):
    """'people whose radio exploded': whose radio it was lies outside the clause, so
    'Handheld radio exploded at the entrance' would tell a reader nothing."""
    text = ("Crowds gathered around wounded people whose handheld radio exploded, at the "
            "entrance of a hospital in Chad.")
    assert phrase(nlp, text, "exploded") == ""
    assert phrase(nlp, "A handheld radio exploded at the entrance of a hospital in Chad.",
                  "exploded") != ""


@pytest.mark.parametrize("text", [
    "Israel (the state) struck Gaza -- reportedly -- on Tuesday [sic].",
    "The minister — who arrived late — met the envoy (twice) on Monday.",
    "Police raided the offices on Tuesday, officials said.",
    "Nobody (not even the spokesman ( who knew )) spoke about it – again.",
])
def test_the_tokens_left_out_are_those_of_asides_and_time_expressions(nlp, text):
    """left_out (computed once per sentence) holds the tokens in parentheses, brackets or
    between dashes and those starting inside a skipped span, as read token by token."""
    from trustbrief.extract.phrase_tokens import bracketed, left_out

    doc = nlp(text)
    skip = [(text.index(" on ") + 1, text.index(" on ") + 11)] if " on " in text else [(0, 6)]
    want = {t.i for t in doc if any(s <= t.idx < e for s, e in skip)} | bracketed(doc)
    assert left_out(doc, skip) == want
    assert left_out(doc) == bracketed(doc)
    assert bool(bracketed(doc)) == ("Police" not in text)


def test_an_infinitive_or_participle_without_its_doer_takes_the_mention_agent(nlp):
    """The doer is left to the clause the verb hangs on ('joined ... in firing interceptors to
    shoot down missiles', '..., saying only that ...'): the mention's agent stands as the
    subject, the verb in the present, with its object or what was said. Without an agent,
    no phrase; a passive participle ('being struck') is no such verb; a verb of saying whose
    reported clause has no subject of its own says nothing a label can hold."""
    text = ("Chilean frigates joined Peruvian air defence units in firing interceptors to shoot "
            "down incoming Bolivian drones.")
    assert phrase(nlp, text, "shoot down", agent="Peru") == \
        "Peru shoots down incoming Bolivian drones"
    assert phrase(nlp, text, "shoot down") == ""
    text = ("The Chilean government ignored its own deadline for Peru to reopen the crossing, "
            "saying only that some progress has been made.")
    assert phrase(nlp, text, "saying", agent="Chile") == \
        "Chile says some progress has been made"
    assert phrase(nlp, "After being struck by a drone, the ferry sank.", "struck",
                  agent="Peru") == ""
    text = "The ministry avoided comment, while stressing Chile was not involved in the raid."
    assert phrase(nlp, text, "stressing", agent="Chile") == ""


@pytest.mark.parametrize("lemma, form", [("shoot", "shoots"), ("say", "says"),
                                         ("push", "pushes"), ("deny", "denies"),
                                         ("have", "has"), ("veto", "vetoes")])
def test_the_present_of_a_verb(lemma, form):
    from trustbrief.extract.phrases import present

    assert present(lemma) == form


def test_a_noun_described_by_a_present_participle_keeps_its_object(nlp):
    text = "Bolivia had no warning of subsequent attacks targeting Peruvian radar stations."
    assert phrase(nlp, text, "attacks") == "Subsequent attacks targeting Peruvian radar stations"


def test_a_label_keeps_the_words_that_carry_its_meaning(nlp):
    # a predicate adjective keeps its degree: 'is for a good reason' said the opposite
    text = ('A Chilean official stated, "Our trust of the Peruvians is very low right now and '
            'for a good reason," underscoring the gravity of the situation.')
    assert phrase(nlp, text, "stated") == \
        "A Chilean official stated Our trust of the Peruvians is very low"
    # a negation after the copula, and an adverb of degree before the verb, stay
    text = "The minister said the talks were not productive."
    assert phrase(nlp, text, "said") == "Minister said the talks were not productive"
    text = "Chile never informed Peru of the strike."
    assert phrase(nlp, text, "informed") == "Chile never informed Peru of the strike"
    # an adverb that only links the clause to the text around it is no part of the act
    text = "Chile also informed Peru of the strike."
    assert phrase(nlp, text, "informed") == "Chile informed Peru of the strike"


def test_an_adverb_between_the_object_and_its_preposition_stays_with_it(nlp):
    """'informed X very late in the game': the adverb says what the notice was; without it
    the label read 'informed X in the game', notice where the sentence says late notice."""
    text = ("The implication is that in this case Dupont and Chad informed Canada very late in "
            "the game so as to avoid a debate.")
    assert phrase(nlp, text, "informed") == \
        "Dupont and Chad informed Canada very late in the game"


def test_a_shortened_phrase_keeps_the_adjectives_and_owners_of_the_nouns_it_keeps(nlp):
    # compacted, these read 'back a embargo on oil fields' and 'adopt a approach to trade
    # talks': the words that say which embargo and which approach were dropped
    text = ("The minister says she would not back a possible Chilean embargo on Norway's "
            "offshore oil fields in response to last month's tariffs.")
    assert phrase(nlp, text, "back", agent="Ana Lopez") == \
        "Ana Lopez would not back an embargo on Norway's offshore oil fields"
    text = ("Canada is urging Mexico to adopt a more cautious approach to next month's trade "
            "talks with Peru and Chile.")
    assert phrase(nlp, text, "urging") == \
        "Canada is urging Mexico to adopt a more cautious approach"


def test_who_asked_whom_without_what_is_no_phrase(nlp):
    text = ("Chile asked Peru to stop calling him during their weekly meetings after the "
            "talks collapsed.")
    assert phrase(nlp, text, "asked") == ""
    assert phrase(nlp, "Chile asked Peru to reopen the border crossing.", "asked") == \
        "Chile asked Peru to reopen the border crossing"


def test_a_shortened_telling_keeps_what_was_told_before_the_whole_names(nlp):
    # its names kept whole, this read 'Chile cautioned Peruvian Foreign Minister Javier
    # Gonzalez Olaechea': who was cautioned, not of what
    text = ("Chile cautioned Peruvian Foreign Minister Javier Gonzalez Olaechea on Monday about "
            "an imminent naval exercise near Arica, officials said.")
    assert phrase(nlp, text, "cautioned", times=("on Monday",)) == \
        "Chile cautioned Olaechea about an imminent naval exercise"


@pytest.mark.parametrize("text, trigger, want", [
    ("Tensions rose after a Moldovan bombing campaign targeting Transnistrian depots.",
     "bombing", "Moldovan bombing campaign targeting Transnistrian depots"),
    ("The assassination attempt on the governor of Gagauzia failed.", "assassination",
     "Assassination attempt on the governor of Gagauzia"),
    ("Chad said it struck the rebels' attack infrastructure overnight.", "attack", ""),
])
def test_an_act_noun_before_a_noun_of_acts_takes_its_phrase_and_before_a_thing_none(
        nlp, text, trigger, want):
    """'an assassination spree targeting X' is told by its head noun; 'attack infrastructure'
    is a thing, not an act: no phrase rather than 'X's attack infrastructure'."""
    assert phrase(nlp, text, trigger) == want


def test_a_shortened_name_loses_its_complements_from_the_end_never_the_middle(nlp):
    """Dropping 'of Foreign Affairs' from 'Ministry of Foreign Affairs of the Republic of X'
    leaves 'Ministry of the Republic': another body. After a dropped complement the later
    ones go too."""
    text = ("The Ministry of Foreign Affairs of the Republic of Kazakhstan condemned the "
            "shelling of the consulate of Kyrgyzstan in the city of Osh.")
    got = phrase(nlp, text, "condemned")
    assert got.startswith("Ministry") and "condemned the shelling" in got
    assert "Ministry of the Republic" not in got


@pytest.mark.parametrize("text, trigger, want", [
    ("A note informed Chad of the decision to shut down the cultural centre.", "shut",
     "Decision to shut down the cultural centre"),
    ("Niger's move to expel two French diplomats angered Paris.", "expel",
     "Niger's move to expel two French diplomats"),
    ("The government has no right to close the office.", "close", ""),
    ("It was the time to close the office.", "close", ""),
])
def test_a_noun_of_intent_with_its_infinitive_tells_the_act(nlp, text, trigger, want):
    """'the decision to shut down X' is the act decided; after a noun of no intent ('the
    right to close', 'the time to act') or 'no decision' it tells nothing."""
    assert phrase(nlp, text, trigger) == want


@pytest.mark.parametrize("text, trigger, want", [
    ("Chad on Thursday accused Niger of orchestrating a provocation with France.", "accused",
     "Chad accused Niger of orchestrating a provocation with France"),
    ("France blamed the Chadian army for carrying out the strike.", "blamed",
     "France blamed the Chadian army for carrying out the strike"),
])
def test_a_charge_keeps_the_gerund_it_charges(nlp, text, trigger, want):
    """'accused X of orchestrating a provocation': the act charged is a gerund with its
    object after the one accused; without it the label says only who accused whom."""
    assert phrase(nlp, text, trigger, times=("on Thursday",) if "Thursday" in text else ()) \
        == want


@pytest.mark.parametrize("text, want", [
    ("The minister emphasized the importance of the Argyle declaration.",
     "Minister emphasized the importance of the Argyle declaration"),
    ("The minister emphasized the importance of ending the war with Chad.",
     "Minister emphasized the importance of ending the war with Chad"),
    # the last rung drops it when nothing longer fits
    ("The French foreign minister emphasized the importance of the Argyle declaration on "
     "border security.", "French foreign minister emphasized the importance"),
])
def test_a_noun_empty_without_its_complement_keeps_it(nlp, text, want):
    """'emphasized the importance': the importance of what is what was said; kept at every
    level but the last, as a quantity's 'of' ('a number of diplomats') is."""
    assert phrase(nlp, text, "emphasized") == want


@pytest.mark.parametrize("text, want", [
    # the parser reads 'the US' as the object of 'stressing' and the clause without subject
    ("The Chadian government largely avoided commenting on Friday's blasts of radios "
     "belonging to rebel fighters in Darfur, while stressing the US was not involved and had "
     "no advance knowledge of the operation.", "Chad stresses the US was not involved"),
    ("The Chadian government largely avoided commenting on Friday's bombing of depots "
     "belonging to rebel units in Darfur, while stressing Chad was not involved and had no "
     "advance knowledge of the raid.", "Chad stresses Chad was not involved"),
])
def test_what_was_stressed_keeps_its_subject_and_a_passive_takes_no_shared_object(nlp, text,
                                                                                   want):
    """A noun between a verb of saying and the clause it reports is that clause's subject;
    'was not involved and had no knowledge of it' are two things said, the first one whole."""
    assert phrase(nlp, text, "stressing", agent="Chad") == want


@pytest.mark.parametrize("text, trigger, want", [
    # the speaker's own words, after a quotation mark: printed as a quote
    ('The Chadian minister said, "We will not accept this provocation," in a statement.',
     "said", "Chadian minister said: ‘We will not accept this provocation’"),
    # reported speech, no quotation mark: as written
    ("The Chadian minister said we will not accept this provocation.", "said",
     "Chadian minister said we will not accept this provocation"),
])
def test_a_direct_quote_in_the_speakers_voice_is_printed_as_a_quote(nlp, text, trigger, want):
    assert phrase(nlp, text, trigger) == want


def test_a_direct_quote_keeps_its_colon_when_the_agent_speaks(nlp):
    # the mention's agent put before the verb (a participle without a subject of its own)
    text = 'The ministry issued a statement, adding: "We will respond to this provocation."'
    assert phrase(nlp, text, "adding", agent="Chad") == \
        "Chad adds: ‘We will respond to this provocation’"


def test_a_shortened_label_keeps_an_adverb_that_negates_the_act(nlp):
    """A phrase too long keeps its names and drops adverbs, but not one that negates: 'is
    no longer sending' shortened to 'is sending' says the opposite."""
    text = ("Chadian Prime Minister Paul Martin Ngaba said on Sept. 20 that Chad is \"no "
            "longer transferring weapons to Niger\" because it is focusing on arming itself.")
    assert phrase(nlp, text, "said", times=("on Sept. 20",)) == \
        "Ngaba said Chad is no longer transferring weapons"


@pytest.mark.parametrize(("text", "adverb", "kept"), [
    ("France barely cooperated with Chad.", "barely", True),
    ("France no longer cooperates with Chad.", "longer", True),
    ("France privately urged Chad to act.", "privately", False),
])
def test_only_a_negating_adverb_survives_the_shortest_labels(nlp, text, adverb, kept):
    from trustbrief.extract.phrase_tokens import kept_adverb

    token = next(t for t in nlp(text) if t.text == adverb)
    assert kept_adverb(token, level=2) is kept
