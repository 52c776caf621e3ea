"""Advance notice: the kinds of writing that state it (data/trust_cues.yaml, rule ids) and
accounts told in a sentence of their own, linked to the operation (events/notice_links.py).
Small invented texts and frames only."""

from __future__ import annotations

import pytest

from test_events import (
    EVENT_TYPES,
    FOCUS,
    GAZETTEER,
    docs_frame,
    found_frames,
    mention,
    signal,
)
from test_extract import DATA, run
from trustbrief import events

NOTICE_WRITING = [
    # (sentence, notice, rule)
    ("US officials were not given pre-notification from Israel about the raid.",
     "none", "surprise/not-given-notice"),
    ("The Pentagon said the United States got no advance warning of the strike.",
     "none", "surprise/not-given-notice"),
    ("Washington said it did not have any warning of the Israeli strike.",
     "none", "surprise/not-given-notice"),
    ("The United States said it wasn't tipped off about the blasts.",
     "none", "surprise/passive-not-told"),
    ("The US was not warned in advance about the Israeli strikes.",
     "none", "surprise/passive-not-told"),
    ("Israel gave Washington a few minutes' notice before the raid.",
     "minutes", "surprise/minutes-notice"),
    ("The US president said he did receive a heads-up ahead of the Israeli strikes.",
     "hours", "surprise/heads-up-received"),
    ('Washington was "not aware of or involved in" the raid, the minister said.',
     "none", "surprise/passive-not-told"),
    ("Israel cautioned the US defense secretary on Tuesday about an imminent military action.",
     "minutes", "surprise/told-of-imminent"),
    ("Chad has informed France about its intention to launch a ground operation in Niger.",
     "days", "surprise/told-of-intention"),
    ("My call with the Israeli minister took place while the operation was already underway.",
     "minutes", "surprise/told-while-underway"),
]


@pytest.mark.parametrize(("text", "level", "rule"), NOTICE_WRITING)
def test_each_kind_of_writing_states_its_notice_with_its_rule(lex, text, level, rule):
    sig = run(lex, [text])["trust_signals"]
    row = sig[sig["notice"] != ""].iloc[0]
    assert (row["notice"], row["rule"]) == (level, rule)


@pytest.mark.parametrize("text", [
    "An official said that if the US is not given a heads-up about Israel's plans, it will "
    "not join the defence.",
    "Some in Washington hope Israel will provide advance notice of any strike on Iran.",
])
def test_a_condition_or_a_wish_is_a_demand_for_notice_not_an_account(lex, text):
    sig = run(lex, [text])["trust_signals"]
    assert len(sig) >= 1 and (sig["notice"] == "").all()
    row = sig[sig["rule"].str.endswith("+conditional")].iloc[0]
    assert row["category"] == "transparency_demand"


def test_every_signal_names_the_cue_that_made_it(lex):
    sig = run(lex, ["Washington is increasingly distrustful of Israel."])["trust_signals"]
    assert sig.iloc[0]["rule"].startswith("distrust/")


def _build(mentions, signals):
    docs = docs_frame([("dA", "Wire One", "2024-10-02", ""),
                       ("dB", "Gulf Daily", "2024-10-03", "")])
    return events.build_events(found_frames(mentions, signals), docs, None, EVENT_TYPES,
                               rules=events.load_labels(DATA), gazetteer=GAZETTEER,
                               focus=FOCUS)


def _with_rule(sig, rule):
    return {**sig, "rule": rule}


def test_an_account_in_a_later_sentence_goes_to_the_operation_told_before_it():
    mentions = [mention("dA", 1, "airstrike", "Israel", ["Iran"], "2024-09-27",
                        text="Israel struck a depot in Iran on Friday"),
                mention("dA", 4, "phone_call", "US", ["Israel"], "2024-09-28",
                        text="the two governments spoke by phone on Saturday")]
    signals = [_with_rule(signal("dA", 3, "none"), "surprise/not-given-notice"),
               _with_rule(signal("dA", 5, "minutes"), "surprise/minutes-before")]
    built = _build(mentions, signals)
    ev = built["events"].set_index("event_type")
    assert ev.loc["airstrike", "notice"] == "minutes"  # the later account: still this one
    accounts = built["notice_accounts"]
    rules = set(accounts["rule"])
    assert rules == {"surprise/not-given-notice+notice-after-operation",
                     "surprise/minutes-before+notice-after-operation"}
    assert set(accounts["event_id"]) == {ev.loc["airstrike", "event_id"]}


def test_an_account_in_the_operations_own_sentence_is_not_relinked():
    mentions = [mention("dA", 2, "airstrike", "Israel", ["Iran"], "2024-09-27",
                        text="Israel struck without warning the US")]
    built = _build(mentions, [_with_rule(signal("dA", 2, "none"), "surprise/without-notice")])
    assert list(built["notice_accounts"]["rule"]) == ["surprise/without-notice"]


def test_a_stated_lead_read_as_the_acting_sides_own_is_the_notice_it_gave():
    mentions = [mention("dB", 1, "airstrike", "Israel", ["Iran"], "2024-09-27",
                        text="Israel gave a few minutes notice before striking Iran")]
    giver = _with_rule(signal("dB", 1, "minutes", direction="Israel->Iran"),
                       "surprise/minutes-notice")
    own = _with_rule(signal("dB", 1, "days", direction="Israel->US"), "surprise/days-notice")
    ev = _build(mentions, [giver, own])["events"].iloc[0]
    assert (ev["notice"], ev["notice_to"]) == ("minutes", "US")


def test_no_operation_in_the_document_links_nothing():
    mentions = [mention("dA", 1, "phone_call", "US", ["Israel"], "2024-09-28",
                        text="the two governments spoke by phone on Saturday")]
    built = _build(mentions, [signal("dA", 2, "none")])
    assert built["notice_accounts"].empty


def test_shock_at_a_decision_is_surprise(lex):
    sig = run(lex, ["US officials expressed deep shock at the dismissal of the Israeli "
                    "defence minister."])["trust_signals"]
    assert "surprise/shocked" in set(sig["rule"])


def test_a_target_on_the_acting_side_itself_does_not_make_the_act_aimed_at_the_partner():
    # 'the Israeli air force struck targets in Iran' read with Israel as the object
    mentions = [mention("dA", 1, "airstrike", "Israel", ["Israel"], "2024-10-26",
                        text="The Israeli air force struck targets in Iran on Saturday")]
    ev = _build(mentions, [signal("dA", 1, "hours")])["events"].iloc[0]
    assert (ev["notice"], ev["notice_to"]) == ("hours", "US")
    # an operation aimed at the partner itself is no matter of notice
    at_partner = [mention("dA", 1, "airstrike", "Israel", ["US"], "2024-10-26")]
    assert _build(at_partner, [signal("dA", 1, "hours")])["events"].iloc[0]["notice"] == "n/a"


def test_a_type_marked_notice_gets_a_level_though_it_is_no_operation():
    types = {**EVENT_TYPES,
             "dismissal": {"plover": "OTHER", "lane": "third-party actions",
                           "operation": False, "notice": True, "verb": "dismisses"}}
    mentions = [mention("dA", 1, "dismissal", "Israel", ["Israel"], "2024-11-05",
                        text="Israel dismissed its defence minister on Tuesday"),
                mention("dA", 2, "phone_call", "US", ["Israel"], "2024-11-05",
                        text="the two governments spoke by phone on Tuesday")]
    docs = docs_frame([("dA", "Wire One", "2024-11-06", "")])
    built = events.build_events(found_frames(mentions, [signal("dA", 1, "none"),
                                                        signal("dA", 2, "none")]),
                                docs, None, types, rules=events.load_labels(DATA),
                                gazetteer=GAZETTEER, focus=FOCUS)
    ev = built["events"].set_index("event_type")
    assert ev.loc["dismissal", "notice"] == "none"
    assert ev.loc["phone_call", "notice"] == "n/a"  # a call is no act of one side
    assert not built["events"].set_index("event_type").loc["dismissal", "operation"]


def test_a_notice_given_to_the_partner_carries_the_lead_its_sentence_states():
    """A type marked gives_notice (data/event_types.yaml) is the notice itself: 'Israel
    cautioned the US about an imminent action' gave minutes; the act it was about, told next,
    gets the same account; a notice whose lead no sentence states, or given to a third
    party, has no level."""
    types = {**EVENT_TYPES,
             "notification": {"plover": "CONSULT", "lane": "contacts", "operation": False,
                              "gives_notice": True, "verb": "informs"}}
    mentions = [mention("dA", 1, "notification", "Israel", ["US"], "2024-09-17",
                        text="Israel cautioned the US about an imminent action"),
                mention("dA", 2, "sabotage_detonation", "Israel", ["Hezbollah"], "2024-09-17",
                        text="Devices of Hezbollah detonated the same day"),
                mention("dB", 1, "notification", "Israel", ["US"], "2024-09-30",
                        text="Israel informed the US about its plans"),
                mention("dB", 3, "notification", "US", ["Iran"], "2024-10-01",
                        text="The US warned Iran of an imminent response")]
    signals = [_with_rule(signal("dA", 1, "minutes"), "surprise/told-of-imminent"),
               _with_rule(signal("dB", 3, "minutes", direction="Israel->US"),
                          "surprise/told-of-imminent")]
    docs = docs_frame([("dA", "Wire One", "2024-09-18", ""),
                       ("dB", "Gulf Daily", "2024-10-02", "")])
    built = events.build_events(found_frames(mentions, signals), docs, None, types,
                                rules=events.load_labels(DATA), gazetteer=GAZETTEER,
                                focus=FOCUS)
    notices = {(r["event_type"], r["date"]): (r["notice"], r["notice_to"])
               for r in built["events"].to_dict("records")}
    assert notices[("notification", "2024-09-17")] == ("minutes", "US")
    assert notices[("sabotage_detonation", "2024-09-17")] == ("minutes", "US")
    assert notices[("notification", "2024-09-30")] == ("n/a", "")
    assert notices[("notification", "2024-10-01")] == ("n/a", "")
    told = built["events"][built["events"]["event_type"] == "notification"]
    assert not told["operation"].astype(bool).any()  # no operation: no ledger entry


def test_a_belief_about_notice_links_to_no_operation():
    """'X appears to believe that last-minute briefings will help': every act of the sentence
    is unreal (planned, generic), so its 'last-minute' tells no operation's notice."""
    mentions = [mention("dA", 1, "airstrike", "Israel", ["Iran"], "2024-09-27",
                        text="Israel struck a depot in Iran on Friday"),
                mention("dA", 3, "phone_call", "US", ["Israel"], polarity="planned",
                        text="He believes that last-minute calls will help")]
    signals = [_with_rule(signal("dA", 3, "minutes"), "surprise/last-minute")]
    built = _build(mentions, signals)
    assert built["notice_accounts"].empty
    assert built["events"].set_index("event_type").loc["airstrike", "notice"] == "unknown"
    # told as done, the same account is the strike's
    mentions[1] = dict(mentions[1], polarity="asserted")
    assert _build(mentions, signals)["events"].set_index("event_type").loc[
        "airstrike", "notice"] == "minutes"


def test_unreal_sentences_are_the_ones_without_an_asserted_mention():
    import pandas as pd

    from trustbrief.events.notice_links import unreal_sentences
    mentions = pd.DataFrame({
        "doc_id": ["a", "a", "a", "b", "b"],
        "sent_id": ["a-s001", "a-s001", "a-s002", "b-s001", "b-s002"],
        "polarity": pd.array(["planned", "asserted", "hypothetical", pd.NA, "asserted"],
                             dtype="string")})
    # a sentence with one asserted mention is real; a missing polarity asserts nothing
    assert unreal_sentences({"mentions": mentions}) == {("a", "a-s002"), ("b", "b-s001")}
    assert unreal_sentences({"mentions": mentions.iloc[:0]}) == frozenset()
