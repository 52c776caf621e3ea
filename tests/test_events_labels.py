"""events/labels.py: labels name their parties (invented frames; helpers from test_events)."""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace

import pytest

from test_events import FOCUS, GAZETTEER, docs_frame, found_frames, mention, rules
from trustbrief import events
from trustbrief.events.labels import LABEL_MAX, cut_label, make_label, names_someone, party_phrase
from trustbrief.knowledge import DataFileError

__all__ = ["rules"]  # the labels fixture of test_events

PAIR = ("A-land", "B-land")
NOUNS = frozenset({"country", "nation", "state", "government", "republic"})


@pytest.mark.parametrize("phrase, agent_side, expected", [
    # the other party of a bilateral act: the phrase already names one side
    ("Country informed B-land of its plans", "B-land", "A-land informed B-land of its plans"),
    ("The government told B-land's envoy to leave", "", "A-land told B-land's envoy to leave"),
    ("Country's envoy met B-land's minister", "", "A-land's envoy met B-land's minister"),
    # no side named: the agent's side, when it is one of the pair
    ("Nation closed its airspace", "B-land", "B-land closed its airspace"),
    # 'its' opening the phrase is a state's or a body's, never a person's
    ("Its response to C-land", "A-land", "A-land's response to C-land"),
    ("Its response to B-land", "", "A-land's response to B-land"),
    ("Its response to C-land", "", ""),
    ("Its government's reply", "B-land", "B-land's reply"),
    # names and plain subjects are left alone
    ("State Department said A-land will respond", "A-land",
     "State Department said A-land will respond"),
    ("Republic of C-land mediates", "", "Republic of C-land mediates"),
    ("Plane was struck by a missile", "B-land", "Plane was struck by a missile"),
    # no side to name: no label from these words
    ("Country closed its airspace", "", ""),
    ("Country closed its airspace", "C-land", ""),
])
def test_a_bare_state_subject_is_the_side_it_stands_for(phrase, agent_side, expected):
    assert party_phrase(phrase, PAIR, agent_side, NOUNS) == expected


def test_the_events_table_carries_the_named_party(rules):
    """'the country informed Russia ...' said by one side's president: the events table (and
    so every table and brief reading its label) names the side, not 'Country'."""
    docs = docs_frame([("d1", "A", "2024-10-08", "")])
    types = {"notification": {"plover": "CONSULT", "verb": "informs"}}
    m = dict(mention("d1", 1, "notification", "Israel", ["US"], "2024-10-08",
                     text="the country informed the US of its plans, he said"),
             trigger="informed", trigger_start=12,
             phrase="Country informed US of its plans")
    out = events.build_events(found_frames([m]), docs, None, types, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)["events"]
    assert list(out[["label", "label_source"]].iloc[0]) == [
        "Israel informed US of its plans", "phrase"]
    # a side outside the pair: the phrase is no label, the next template names the agent
    m.update(agent="Iran", agent_side="Iran", targets="Hezbollah", target_sides="Hezbollah",
             phrase="Country informed Hezbollah of its plans")
    out = events.build_events(found_frames([m]), docs, None, types, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)["events"]
    assert out.iloc[0]["label"] == "Iran informs Hezbollah"


def test_a_cut_label_never_ends_on_a_word_announcing_more():
    label = "Azerbaijan informed Russia of its preparation of a dossier for a lawsuit"
    assert cut_label(label) == "Azerbaijan informed Russia of its preparation of a dossier…"
    assert len(cut_label("x" * 40 + " " + "y" * 40)) <= 70


@pytest.mark.parametrize("template", ["{agent_side} shoots down {target} aircraft or missiles",
                                      "{agent} jets/drones strike {target}"])
def test_a_template_that_guesses_between_alternatives_is_refused(tmp_path, template):
    """'Israel shoots down Iran aircraft or missiles' says the template did not know what was
    shot down: a label states one thing, so data/labels.yaml may not offer alternatives."""
    (tmp_path / "labels.yaml").write_text(
        f"# x\ngroups: {{}}\ntemplates: {{shootdown: ['{template}']}}\n")
    with pytest.raises(DataFileError, match="alternatives"):
        events.load_labels(tmp_path)


def test_a_shootdown_says_what_was_shot_down(rules):
    """The extraction's phrase of a subjectless infinitive ('... in firing interceptors to
    shoot down inbound Iranian missiles': extract.phrases gives it the mention's agent) says
    what was shot down; only a mention with no phrase at all falls back to who shot at whom."""
    docs = docs_frame([("d1", "A", "2024-10-01", "")])
    m = dict(mention("d1", 1, "shootdown", "Israel", ["Iran"], "2024-10-01",
                     text="Interceptors were fired to shoot down inbound Iranian missiles"),
             trigger="shoot down", trigger_start=29,
             phrase="Israel shoots down inbound Iranian missiles")
    types = {"shootdown": {"plover": "ASSAULT", "verb": "shoots down", "operation": True}}

    def label(mentions):
        return events.build_events(found_frames(mentions), docs, None, types, rules=rules,
                                   gazetteer=GAZETTEER, focus=FOCUS)["events"].iloc[0]["label"]

    assert label([m]) == "Israel shoots down inbound Iranian missiles"
    assert label([dict(m, phrase="")]) == "Shootdown by Israel against Iran"


@pytest.mark.parametrize("phrase, text, names, expected", [
    # a bare noun phrase of common words names no one: the next template says who
    ("Subsequent attacks", "The US had no warning of subsequent attacks on Wednesday.",
     {"US"}, False),
    ("A spokesperson pledged cooperation", "A spokesperson for the council pledged "
     "cooperation.", set(), False),
    # a name or a nationality, wherever the sentence puts it
    ("Iran’s attack", "Iran’s attack was repelled.", {"Iran"}, True),
    ("Israeli strikes", "Israeli strikes hit the port.", {"Israel"}, True),
    ("Beirut strike", "after the Beirut strike", set(), True),
    ("Hezbollah pager detonations", "The Hezbollah pager detonations", {"Hezbollah"}, True),
])
def test_a_phrase_naming_no_one_is_no_label(phrase, text, names, expected):
    assert names_someone(phrase, text, names) is expected


def test_a_defensive_operation_owes_no_notice(rules):
    """Shooting down what was fired at one (event_types.yaml `defensive`) is no operation of
    the notice ledger: its event says operation false and tracks no notice."""
    docs = docs_frame([("d1", "A", "2024-10-01", "")])
    m = dict(mention("d1", 1, "shootdown", "Israel", ["Iran"], "2024-10-01",
                     text="Interceptors were fired to shoot down inbound Iranian missiles"),
             trigger="shoot down", trigger_start=29)
    types = {"shootdown": {"plover": "ASSAULT", "verb": "shoots down", "operation": True,
                           "defensive": True}}
    out = events.build_events(found_frames([m]), docs, None, types, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)["events"]
    assert (bool(out.iloc[0]["operation"]), out.iloc[0]["notice"]) == (False, "n/a")


@pytest.mark.parametrize("phrase, text, expected", [
    # only the act: its doer is the party the label must name
    ("Subsequent attacks targeting walkie-talkie radios",
     "The US had no warning of subsequent attacks targeting walkie-talkie radios.",
     "Israel's subsequent attacks targeting walkie-talkie radios"),
    # a word that already says whose it is: no label from the phrase, the template says who
    ("His attacks on the radios", "The US had no warning of his attacks on the radios.",
     "Attack by Israel against Hezbollah"),
    # the act's word only describes another noun: whose the radios are is not said
    ("Two radios hit by attacks", "The US had no warning of two radios hit by attacks.",
     "Attack by Israel against Hezbollah"),
])
def test_a_phrase_naming_only_the_act_is_its_doers(rules, phrase, text, expected):
    docs = docs_frame([("d1", "A", "2024-09-18", "")])
    m = dict(mention("d1", 1, "attack", "Israel", ["Hezbollah"], "2024-09-18", text=text),
             trigger="attacks", trigger_start=text.index("attacks"), phrase=phrase)
    types = {"attack": {"plover": "ASSAULT", "operation": True}}
    out = events.build_events(found_frames([m]), docs, None, types, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)["events"]
    assert out.iloc[0]["label"] == expected


@pytest.mark.parametrize("phrase, expected", [
    # in a quoted speaker's own voice: out of the quote it says nothing of whose act
    ("My strike on the depot of Hezbollah", "Attack by Israel against Hezbollah"),
    ("Our attacks on Hezbollah", "Attack by Israel against Hezbollah"),
    # a state whose abbreviation reads as a pronoun is no speaker's voice
    ("US attacks on Hezbollah", "US attacks on Hezbollah"),
])
def test_a_phrase_in_a_speakers_own_voice_is_no_label(rules, phrase, expected):
    docs = docs_frame([("d1", "A", "2024-09-18", "")])
    text = f"{phrase} went on all night, the minister said."
    trigger = next(w for w in ("strike", "attacks") if w in phrase)
    m = dict(mention("d1", 1, "attack", "Israel", ["Hezbollah"], "2024-09-18", text=text),
             trigger=trigger, trigger_start=text.index(trigger), phrase=phrase)
    types = {"attack": {"plover": "ASSAULT", "operation": True}}
    out = events.build_events(found_frames([m]), docs, None, types, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)["events"]
    assert out.iloc[0]["label"] == expected


def test_a_generic_mentions_phrase_is_no_label_of_the_event(rules):
    """'as the minister has said, ...' joins the statement it points to but is not its news:
    its phrase labels nothing; the event's own (creating) mention or the template does."""
    docs = docs_frame([("d1", "A", "2024-09-18", ""), ("d2", "B", "2024-09-19", "")])
    told = dict(mention("d1", 1, "statement", "Israel", ["Hezbollah"], "2024-09-18",
                        text="The steps go on, she added."), trigger="added", trigger_start=19)
    aside = dict(mention("d2", 1, "statement", "Israel", ["Hezbollah"], polarity="generic",
                         text="As Israel has said, Hezbollah must stop."),
                 trigger="said", trigger_start=14, phrase="Israel has said")
    types = {"statement": {"plover": "CONSULT"}}
    out = events.build_events(found_frames([told, aside]), docs, None, types, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)["events"]
    assert len(out) == 1 and "has said" not in out.iloc[0]["label"]


@pytest.mark.parametrize("event_type, fields, expected", [
    # the one told or summoned is named as such, never 'Notification involving B-land'
    ("notification", {"target": "B-land"}, "Notice to B-land"),
    ("notification", {"agent": "A-land", "target": "B-land", "verb": "informs"},
     "A-land informs B-land"),
    ("notification", {"agent": "A-land"}, "Notification by A-land"),
    # a state is summoned through its envoy; a person is summoned in person
    ("summons", {"target": "B-land"}, "B-land's envoy summoned"),
    ("summons", {"agent": "A-land", "target": "B-land", "verb": "summons"},
     "A-land summons B-land's envoy"),
    ("summons", {"target": "Envoy Smith", "target_nonstate": "Envoy Smith"},
     "Envoy Smith summoned"),
    # a restriction whose doer no sentence names still says on whom: never a bare type
    ("restriction", {"target": "B-land"}, "Restrictions on B-land"),
    # a name ending in s takes the apostrophe alone; a common noun keeps its 's
    ("summons", {"agent": "A-land", "target": "B-lands", "verb": "summons"},
     "A-land summons B-lands' envoy"),
    ("summons", {"target": "the boss's aide", "target_nonstate": "the boss's aide"},
     "The boss's aide summoned"),
])
def test_a_notice_summons_or_restriction_label_says_who_it_touched(rules, event_type, fields,
                                                                   expected):
    from types import SimpleNamespace

    from trustbrief.events.labels import make_label

    known = {"type_name": event_type, **fields}
    label, source = make_label(known, event_type, SimpleNamespace(rules=rules), status="asserted")
    assert (label, source) == (expected, "template")


def test_a_country_whose_name_takes_the_takes_it_in_a_label(rules):
    """'China and the Philippines meet', 'The Philippines' warnings': the world knowledge's
    countries that take 'the' (countries.yaml with_the), read by load_labels."""
    from types import SimpleNamespace

    from trustbrief.events.labels import make_label, with_the

    assert "Philippines" in rules.names_with_the and "Chad" not in rules.names_with_the
    label, _ = make_label({"meeting_parties": "China and Philippines", "type_name": "meeting"},
                          "meeting_visit", SimpleNamespace(rules=rules), status="asserted")
    assert label == "China and the Philippines meet"
    assert with_the("Philippines's warnings", rules.names_with_the) == \
        "the Philippines's warnings"
    assert with_the("The Philippines and Chad", rules.names_with_the) == \
        "The Philippines and Chad"


def test_a_person_and_a_state_do_not_meet(rules):
    """'X had visited the capital on April 6': a person visits a state, no 'B-land and X
    meet'; two persons meet."""
    docs = docs_frame([("d1", "A", "2024-10-08", "")])
    types = {"meeting_visit": {"plover": "CONSULT", "lane": "contacts"}}
    ms = [mention("d1", 1, "meeting_visit", "Yoav Gallant", ["US"], "2024-10-06",
                  text="Gallant had visited Washington on Oct. 6"),
          mention("d1", 2, "meeting_visit", "Joe Biden", ["Benjamin Netanyahu"], "2024-10-07",
                  text="Biden met Netanyahu on Oct. 7")]
    out = events.build_events(found_frames(ms), docs, None, types, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)
    labels = sorted(out["events"]["label"])
    assert "Benjamin Netanyahu and Joe Biden meet" in labels
    assert not any(label.endswith(" meet") and "Gallant" in label for label in labels)


def test_what_was_said_of_an_act_is_not_its_label(rules):
    """'Israel said it was expelling ...' (no phrase of its own) then 'the ministry said it
    had no faith in ...' the same day: the statement folds into the expulsion it announced
    (announcements), and its words are not the expulsion's label."""
    docs = docs_frame([("d1", "A", "2024-10-08", "")])
    types = {"restriction": {"plover": "SANCTION", "verb": "restricts"},
             "statement": {"plover": "OTHER", "verb": "says"}}
    act = dict(mention("d1", 1, "restriction", "Israel", ["US"], "2024-10-08",
                       text="Israel said on Tuesday it was expelling two US diplomats."),
               trigger="expelling")
    said = dict(mention("d1", 2, "statement", "Israel", ["US"], "2024-10-08",
                        text="Israel said it had no faith in the US commitment."),
                trigger="said", phrase="Israel said it had no faith in commitment")
    out = events.build_events(found_frames([act, said]), docs, None, types, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)["events"]
    assert list(out["event_type"]) == ["restriction"]
    assert "faith" not in out["label"].iloc[0]


def test_a_phrase_saying_only_who_asked_whom_falls_to_the_next_template(rules):
    """'Israel asked the US (to stop calling ...)': the parse's phrase would say who asked
    whom and not what was asked (extract.phrases gives none); the next template labels it."""
    from trustbrief.extract.nlp import load_pipeline
    from trustbrief.extract.phrases import with_phrases

    text = "Israel asked the US to stop calling him during their weekly meetings."
    docs = docs_frame([("d1", "A", "2024-10-08", "")])
    types = {"demand": {"plover": "DEMAND", "verb": "demands"}}
    m = dict(mention("d1", 1, "demand", "Israel", ["US"], "2024-10-08", text=text),
             trigger="asked", trigger_start=text.index("asked"))
    m = with_phrases([m], load_pipeline()(text), [])[0]
    out = events.build_events(found_frames([m]), docs, None, types, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)["events"]
    assert m["phrase"] == ""
    assert out["label_source"].iloc[0] == "template"
    assert not out["label"].iloc[0].startswith("Israel asked")


@pytest.mark.parametrize("target, expected", [
    ("Hezbollah", "Targeted killing by Israel against Hezbollah"),  # a body is never 'killed'
    ("Hassan Nasrallah", "Israel kills Hezbollah leader Hassan Nasrallah"),
])
def test_a_killing_names_a_person_killed_and_a_body_targeted(rules, target, expected):
    docs = docs_frame([("d1", "A", "2024-09-28", "")])
    text = "An Israeli strike spree targeted Hezbollah, officials said."
    m = dict(mention("d1", 1, "targeted_killing", "Israel", [target], "2024-09-27",
                     text=text), trigger="strike", trigger_start=text.index("strike"),
             phrase="")
    types = {"targeted_killing": {"plover": "ASSAULT", "operation": True}}
    out = events.build_events(found_frames([m]), docs, None, types, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)["events"]
    assert out.iloc[0]["label"] == expected


def _alleged_phrase_label(rules, phrase: str, agent: str) -> tuple[str, str]:
    """make_label of an alleged attack whose one template is its phrase."""
    ctx = SimpleNamespace(rules=dataclasses.replace(rules, templates={"attack": ("{phrase}",)}))
    return make_label({"phrase": phrase, "agent": agent}, "attack", ctx, "alleged")


def test_a_cut_alleged_label_keeps_whom_it_is_attributed_to(rules):
    """Too long, a label is cut at a word, never inside what its status says of it."""
    phrase = ("Detonation of hundreds of pagers and radios carried by members of a group in "
              "several towns")
    label, source = _alleged_phrase_label(rules, phrase, "Israel")
    assert label.endswith("… (attributed to Israel)") and len(label) <= LABEL_MAX
    assert label.startswith("Detonation of hundreds") and source == "phrase"


def test_an_agreement_names_its_parties_never_one_agreeing_the_other(rules):
    docs = docs_frame([("d1", "A", "2024-09-18", "")])
    text = "The two sides signed an agreement on Monday."
    m = dict(mention("d1", 1, "agreement", "Israel", ["US"], "2024-09-16", text=text),
             trigger="signed an agreement", trigger_start=text.index("signed"), phrase="")
    types = {"agreement": {"plover": "AGREE", "symmetric": True, "verb": "agree"}}
    label = events.build_events(found_frames([m]), docs, None, types, rules=rules,
                                gazetteer=GAZETTEER, focus=FOCUS)["events"].iloc[0]["label"]
    assert label == "Agreement between Israel and US"


def test_a_cut_that_drops_the_accused_from_the_words_still_fits(rules):
    """The uncut words name the accused ('... blamed on B-land ...': '(alleged)'); the cut drops
    that name, so the status names them: the words are cut for that longer status."""
    phrase = ("Detonation of hundreds of radios in several towns of the south, blamed on B-land "
              "by officials")
    label, _ = _alleged_phrase_label(rules, phrase, "B-land")
    assert label.endswith("… (attributed to B-land)") and len(label) <= LABEL_MAX
