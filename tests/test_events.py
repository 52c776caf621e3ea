"""events.build_events on small invented frames: clustering, dates, labels, origins, notice."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from trustbrief import events, tables
from trustbrief.contract.vocab import Notice
from trustbrief.knowledge import DataFileError
from trustbrief.tables import to_csv_text

FOCUS = "US->Israel"  # the pair the invented mentions are about

DATA = Path(__file__).resolve().parents[1] / "data"

EVENT_TYPES = {
    "targeted_killing": {"plover": "ASSAULT", "lane": "operations", "operation": True,
                         "verb": "kills"},
    "airstrike": {"plover": "ASSAULT", "lane": "operations", "operation": True,
                  "verb": "strikes"},
    "sabotage_detonation": {"plover": "ASSAULT", "lane": "operations", "operation": True},
    "missile_attack": {"plover": "ASSAULT", "lane": "third-party actions", "operation": True},
    "phone_call": {"plover": "CONSULT", "lane": "contacts", "operation": False},
    "visit_blocked": {"plover": "REJECT", "lane": "contacts", "operation": False},
}

GAZETTEER = pd.DataFrame([
    ("Israel", "Israel", "state", ""), ("US", "US", "state", ""),
    ("Iran", "Iran", "state", ""), ("Hezbollah", "Hezbollah", "organization", ""),
    ("Hassan Nasrallah", "Hezbollah", "person", "Hezbollah leader"),
    ("Ismail Haniyeh", "Hamas", "person", "Hamas political leader"),
    ("Joe Biden", "US", "person", "US President"),
    ("Benjamin Netanyahu", "Israel", "person", "Prime Minister"),
    ("Yoav Gallant", "Israel", "person", "Defense Minister"),
    ("Beirut", "Lebanon", "place", ""), ("Tehran", "Iran", "place", ""),
], columns=["name", "side", "type", "roles"])

SIDES = dict(zip(GAZETTEER["name"], GAZETTEER["side"], strict=True))


def docs_frame(rows):
    """rows: (doc_id, outlet, published, duplicate_of)."""
    return pd.DataFrame([
        {"doc_id": d, "file": f"{d}.txt", "title": "", "outlet": o, "url": "",
         "published": p, "published_earliest": p, "published_latest": p,
         "published_basis": "stated" if p else "unknown", "duplicate_of": dup}
        for d, o, p, dup in rows])


def mention(doc, n, etype, agent, targets, date="", basis=None, polarity="asserted",
            text="", places=(), lo=None, hi=None):
    """One mention row in the extract contract; places go into actors only."""
    targets = list(targets)
    return {
        "mention_id": f"{doc}-s{n:03d}-m1", "event_id": "", "doc_id": doc,
        "sent_id": f"{doc}-s{n:03d}", "event_type": etype, "plover": "",
        "actors": ";".join([a for a in [agent, *targets, *places] if a]),
        "agent": agent, "agent_side": SIDES.get(agent, ""), "targets": ";".join(targets),
        "target_sides": ";".join(SIDES.get(t, "") for t in targets), "time_id": "",
        "date": date, "date_earliest": lo or date, "date_latest": hi or date,
        "date_basis": basis or ("explicit" if date else "open"), "time_text": "",
        "trigger": "", "polarity": polarity, "text": text or f"{etype} {targets}",
    }


def same_sentence(text, *told):
    """Mentions told in one sentence, in order: each (row, trigger word) gets its own
    mention id (m1, m2, ...) and the trigger's offset in text."""
    rows = []
    for i, (row, trigger) in enumerate(told, start=1):
        row.update(mention_id=f"{row['sent_id']}-m{i}", trigger=trigger,
                   trigger_start=text.index(trigger))
        rows.append(row)
    return rows


def signal(doc, n, notice, category="surprise", direction="US->Israel", negated=False):
    return {"signal_id": f"{doc}-s{n:03d}-g1", "doc_id": doc, "sent_id": f"{doc}-s{n:03d}",
            "cue": "cue", "category": category, "polarity": -1, "direction": direction,
            "negated": negated, "notice": notice, "weight": 1.0, "text": f"signal {notice}"}


def claim(doc, n, cited):
    return {"claim_id": f"{doc}-s{n:03d}-c1", "doc_id": doc, "sent_id": f"{doc}-s{n:03d}",
            "speaker": cited, "speaker_type": "outlet", "speaker_count": 1,
            "speaker_side": "media", "speaker_role": "", "cited_outlet": cited, "quote": "",
            "text": "claim"}


def found_frames(mentions, signals=(), claims=()):
    return {"mentions": pd.DataFrame(mentions),
            "trust_signals": pd.DataFrame(list(signals)),
            "claims": pd.DataFrame(list(claims)),
            "time_expressions": pd.DataFrame(), "actor_mentions": pd.DataFrame()}


@pytest.fixture(scope="module")
def rules():
    return events.load_labels(DATA)


# A story told by six invented articles from other outlets, one of them wrong about a date
# and one a verbatim duplicate.
DOCS = docs_frame([
    ("dA", "Wire One", "2024-10-02", ""), ("dB", "Gulf Daily", "2024-10-03", ""),
    ("dC", "Tel Aviv Times", "2024-10-05", ""), ("dD", "", "2024-10-06", ""),
    ("dE", "Beltway Blog", "2024-10-07", ""), ("dX", "Copy Site", "2024-10-07", "dE"),
])

MENTIONS = [
    # Nasrallah: killing (explicit date), airstrike on him (other words), open-dated
    # assassination, and one blog that gets the date wrong
    mention("dA", 1, "targeted_killing", "Israel", ["Hassan Nasrallah"], "2024-09-27",
            places=["Beirut"], text="Israel killed Hezbollah chief Hassan Nasrallah on Friday"),
    mention("dB", 2, "airstrike", "Israel", ["Hassan Nasrallah"], "2024-09-27",
            places=["Beirut"], text="Israeli jets bombed the bunker of Nasrallah in Beirut"),
    mention("dC", 3, "targeted_killing", "", ["Hassan Nasrallah"],
            text="the assassination of Nasrallah"),
    mention("dD", 4, "targeted_killing", "Israel", ["Hassan Nasrallah"], "2024-09-21",
            basis="relative", text="Nasrallah was eliminated last Saturday"),
    # Haniyeh: a different person, a different event
    mention("dB", 5, "targeted_killing", "Israel", ["Ismail Haniyeh"],
            places=["Tehran"], text="Israel's killing of Haniyeh in Tehran"),
    mention("dE", 6, "targeted_killing", "Israel", ["Ismail Haniyeh"],
            text="the Haniyeh assassination"),
    # Iran's missile attack: one mention names the target, one does not
    mention("dA", 7, "missile_attack", "Iran", ["Israel"], "2024-10-01",
            text="Iran fired 180 missiles at Israel on Tuesday"),
    mention("dC", 8, "missile_attack", "Iran", [], text="Tehran's missile barrage"),
    # a hypothetical attack on its own never becomes an event
    mention("dC", 9, "missile_attack", "Iran", ["US"], polarity="hypothetical",
            text="Iran could strike US bases"),
    # the duplicate repeats the blog: it must never count
    mention("dX", 6, "targeted_killing", "Israel", ["Ismail Haniyeh"],
            text="the Haniyeh assassination"),
]

SIGNALS = [
    signal("dA", 1, "minutes"),                       # Austin learned minutes before
    signal("dC", 3, "none"),                          # 'caught off guard'
    signal("dD", 4, "", category="surprise"),         # surprise cue without a level -> none
    signal("dB", 5, "none", category="withholding"),  # Haniyeh: not informed
    signal("dA", 1, "days", direction="Israel->US"),  # other direction: ignored
]

CLAIMS = [claim("dB", 2, "Axios"), claim("dC", 3, "Axios"), claim("dD", 4, "Axios")]


@pytest.fixture(scope="module")
def built(rules):
    return events.build_events(found_frames(MENTIONS, SIGNALS, CLAIMS), DOCS, None,
                               EVENT_TYPES, rules=rules, gazetteer=GAZETTEER, focus=FOCUS)


def event_of(built, target):
    ev = built["events"]
    rows = ev[ev["targets"].map(lambda ts: target in ts)]
    assert len(rows) == 1, rows[["event_id", "label", "targets"]]
    return rows.iloc[0]


def test_same_person_killed_once_is_one_event_across_wordings(built):
    row = event_of(built, "Hassan Nasrallah")
    assert row["n_documents"] == 4
    assert row["event_type"] == "targeted_killing"      # most specific type of the group
    assert row["date"] == "2024-09-27" and row["date_precision"] == "day"
    assert row["date_basis"] == "explicit"


def test_different_people_are_different_events(built):
    nas, han = event_of(built, "Hassan Nasrallah"), event_of(built, "Ismail Haniyeh")
    assert nas["event_id"] != han["event_id"]
    assert han["date"] == "" and han["date_precision"] == "unknown"


def test_wrong_date_is_a_conflict_not_a_second_event(built):
    row = event_of(built, "Hassan Nasrallah")
    conf = built["conflicts"]
    mine = conf[(conf["event_id"] == row["event_id"]) & (conf["fact"] == "date")]
    assert set(mine["account"]) == {"accepted", "disagrees"}
    wrong = mine[mine["account"] == "disagrees"].iloc[0]
    assert wrong["value"] == "2024-09-21" and wrong["doc_ids"] == ["dD"]


def test_label_from_template_with_role_and_place(built):
    assert event_of(built, "Hassan Nasrallah")["label"] == \
        "Israel kills Hezbollah leader Hassan Nasrallah in Beirut"
    assert all(len(label) <= 70 for label in built["events"]["label"])


def test_duplicates_never_count(built):
    han = event_of(built, "Ismail Haniyeh")
    assert han["doc_ids"] == ["dB", "dE"] and han["n_documents"] == 2
    assert (built["mentions"].set_index("doc_id").loc["dX", "event_id"] == "")


def test_origins_collapse_rewrites_of_one_report(built):
    row = event_of(built, "Hassan Nasrallah")
    # dB, dC, dD cite Axios in the sentence about the event; dA cites nothing
    assert row["origins"] == ["Axios", "Wire One"] and row["n_origins"] == 2
    # dD has no known outlet: counted as an outlet of its own
    assert row["outlets"] == ["Gulf Daily", "Tel Aviv Times", "Wire One"]
    assert row["n_outlets"] == 4


def test_notice_most_specific_account_wins_and_all_accounts_are_kept(built):
    nas = event_of(built, "Hassan Nasrallah")
    assert nas["notice"] == "minutes" and nas["notice_to"] == "US"
    conf = built["conflicts"]
    mine = conf[(conf["event_id"] == nas["event_id"]) & (conf["fact"] == "notice")]
    assert dict(zip(mine["value"], mine["account"], strict=True)) == {
        "minutes": "accepted", "none": "disagrees"}
    assert sorted(mine[mine["value"] == "none"].iloc[0]["doc_ids"]) == ["dC", "dD"]
    assert event_of(built, "Ismail Haniyeh")["notice"] == "none"
    accounts = built["notice_accounts"]
    own = accounts[accounts["event_id"] == nas["event_id"]]
    by_level = own.groupby("notice")["doc_id"].apply(sorted).to_dict()
    assert by_level["none"] == ["dC", "dD"] and Notice.MINUTES in by_level
    assert (own["evidence"] != "").all()
    assert set(accounts["event_id"]) <= set(built["events"]["event_id"])


def test_third_party_operation_and_hypotheticals(built):
    ev = built["events"]
    attacks = ev[ev["event_type"] == "missile_attack"]
    assert len(attacks) == 1                           # the hypothetical made no event
    attack = attacks.iloc[0]
    assert attack["n_documents"] == 2                  # targetless mention joined it
    assert attack["notice"] == "n/a" and attack["date"] == "2024-10-01"


def test_output_contract(built):
    for name, frame in built.items():
        if name == "mentions":  # the input's columns, event_id filled
            assert list(frame.columns) == list(pd.DataFrame(MENTIONS).columns)
            continue
        assert list(frame.columns) == list(events.SCHEMA[name]), name
    ev = built["events"]
    assert list(ev["event_id"]) == [f"e{i:03d}" for i in range(1, len(ev) + 1)]
    assert ev["key"].is_unique
    to_csv_text(ev)  # lists serialize


def test_deterministic_and_pure(rules):
    found = found_frames(MENTIONS, SIGNALS, CLAIMS)
    before = found["mentions"].copy()
    a = events.build_events(found, DOCS, None, EVENT_TYPES, rules=rules, gazetteer=GAZETTEER,
                            focus=FOCUS)
    shuffled = found_frames(MENTIONS[::-1], SIGNALS[::-1], CLAIMS[::-1])
    b = events.build_events(shuffled, DOCS.iloc[::-1], None, EVENT_TYPES, rules=rules,
                            gazetteer=GAZETTEER, focus=FOCUS)
    pd.testing.assert_frame_equal(found["mentions"], before)
    for name in ("events", "conflicts"):
        assert to_csv_text(a[name]) == to_csv_text(b[name])


def test_repeated_contacts_are_separate_events_and_plans_join_the_next(rules):
    docs = docs_frame([("d1", "A", "2024-10-08", ""), ("d2", "B", "2024-10-10", "")])
    ms = [
        mention("d1", 1, "phone_call", "Joe Biden", ["Benjamin Netanyahu"], "2024-08-21"),
        mention("d1", 2, "phone_call", "Benjamin Netanyahu", ["Joe Biden"], polarity="planned",
                text="Netanyahu and Biden are scheduled to speak"),
        mention("d2", 3, "phone_call", "Joe Biden", ["Benjamin Netanyahu"], "2024-10-09"),
        mention("d2", 4, "phone_call", "Joe Biden", ["Benjamin Netanyahu"], polarity="negated",
                text="they had not spoken in weeks"),
    ]
    out = events.build_events(found_frames(ms), docs, None, EVENT_TYPES, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)
    ev = out["events"].set_index("date")
    assert list(ev.index) == ["2024-08-21", "2024-10-09"]
    assert ev.loc["2024-10-09", "n_documents"] == 2      # the plan written on 10-08 joined
    assert ev.loc["2024-10-09", "label"] == "Benjamin Netanyahu and Joe Biden speak by phone"
    assert ev.loc["2024-08-21", "notice"] == "n/a"
    assert sorted(ev["key"]) == ["contact:benjamin-netanyahu-joe-biden",
                                 "contact:benjamin-netanyahu-joe-biden#2"]


def test_only_negated_mentions_make_no_event(rules):
    docs = docs_frame([("d1", "A", "2024-10-08", "")])
    ms = [mention("d1", 1, "visit_blocked", "Benjamin Netanyahu", ["Yoav Gallant"],
                  polarity="negated", text="Netanyahu did not block the trip")]
    out = events.build_events(found_frames(ms), docs, None, EVENT_TYPES, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)
    assert out["events"].empty and list(out["mentions"]["event_id"]) == [""]


def test_an_act_its_doer_did_only_in_a_charge_is_alleged(rules):
    """'Lawmakers blamed Iran for the attack': the event is Iran's, alleged, and its label
    says so; once an article tells it as Iran's own act, it is asserted."""
    docs = docs_frame([("d1", "A", "2024-10-08", ""), ("d2", "B", "2024-10-09", "")])
    charged = mention("d1", 1, "missile_attack", "Iran", ["Israel"], "2024-10-01",
                      text="Lawmakers blamed Iran for the missile attack on Israel")
    charged["factuality"] = "alleged"
    out = events.build_events(found_frames([charged]), docs, None, EVENT_TYPES, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)
    row = out["events"].iloc[0]
    assert (row["agent"], row["status"]) == ("Iran", "alleged")
    assert row["label"].endswith("(alleged)")
    told = mention("d2", 2, "missile_attack", "Iran", ["Israel"], "2024-10-01",
                   text="Iran fired missiles at Israel on Oct. 1")
    out = events.build_events(found_frames([charged, told]), docs, None, EVENT_TYPES,
                              rules=rules, gazetteer=GAZETTEER, focus=FOCUS)
    assert list(out["events"]["status"]) == ["asserted"]


def test_an_alleged_label_names_the_accused_when_its_words_do_not(rules):
    """'Pipeline blast in C-land (alleged)' reads as if C-land blew up its own pipeline: the
    label names who is charged unless its words already do (an adjective of the name does).
    Invented states."""
    from trustbrief.events.labels import _status_label

    assert _status_label("Pipeline blast in C-land", "alleged", "B-land", rules) == \
        "Pipeline blast in C-land (attributed to B-land)"
    assert _status_label("Examplestani cyberattack on C-land", "alleged", "Examplestan",
                         rules) == "Examplestani cyberattack on C-land (alleged)"
    assert _status_label("Visit to C-land", "planned", "B-land", rules) == \
        "Visit to C-land (planned)"
    assert _status_label("Visit to C-land", "asserted", "B-land", rules) == "Visit to C-land"


RESTRICTIONS = {"restriction": {"plover": "SANCTION", "lane": "contacts", "operation": False,
                                "verb": "restricts"}}


def told(row, trigger):
    """The mention with its trigger word and offset in its text."""
    row.update(trigger=trigger, trigger_start=row["text"].index(trigger))
    return row


def test_a_suspension_two_days_after_an_expulsion_is_another_act(rules):
    """A lede two days later, dated only by its article ('reported'), telling a suspension is
    not the expulsion retold: kinds of restriction are apart (labels.yaml group kinds)."""
    docs = docs_frame([("d1", "A", "2023-09-19", ""), ("d2", "B", "2023-09-21", "")])
    ms = [told(mention("d1", 1, "restriction", "Israel", ["Iran"], "2023-09-19",
                       basis="relative", text="Israel on Tuesday expelled an Iranian envoy"),
               "expelled"),
          told(mention("d2", 1, "restriction", "Israel", ["Iran"],
                       text="Israel suspended visa services for Iranians"), "suspended"),
          told(mention("d2", 3, "restriction", "Israel", ["Iran"],
                       text="the expulsion of the envoy"), "expulsion")]
    out = events.build_events(found_frames(ms), docs, None, RESTRICTIONS, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)
    by_date = out["events"].set_index("date")["mention_ids"].map(sorted).to_dict()
    assert by_date["2023-09-19"] == ["d1-s001-m1", "d2-s003-m1"]
    assert by_date["2023-09-20"] == ["d2-s001-m1"]


def test_one_day_dates_the_recall_not_the_expulsion_it_answers(rules):
    """'On Tuesday, Israel recalled its envoy, in response to Iran's expulsion of its staff a
    day earlier': one time expression dates one act; the expulsion, another kind of the same
    group, keeps its own day from the article that tells it, with no date conflict."""
    docs = docs_frame([("d1", "A", "2023-09-18", ""), ("d2", "B", "2023-09-20", "")])
    text = ("On Tuesday, Israel recalled its envoy, in response to Iran's expulsion of "
            "Israeli staff a day earlier")
    told_twice = same_sentence(
        text, (mention("d2", 2, "restriction", "Israel", ["Iran"], "2023-09-19",
                       basis="relative", text=text), "recalled its envoy"),
        (mention("d2", 2, "restriction", "Iran", ["Israel"], "2023-09-19", basis="relative",
                 text=text), "expulsion"))
    ms = [told(mention("d1", 1, "restriction", "Iran", ["Israel"], "2023-09-18",
                       basis="relative", text="Iran on Monday expelled Israeli staff"),
               "expelled"), *told_twice]
    out = events.build_events(found_frames(ms), docs, None, RESTRICTIONS, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)
    by_agent = out["events"].set_index("agent")
    assert by_agent.loc["Iran", "date"] == "2023-09-18"
    assert by_agent.loc["Israel", "date"] == "2023-09-19"
    assert out["conflicts"].empty or "date" not in set(out["conflicts"]["fact"])


def test_an_account_told_before_an_attack_is_not_that_attack(rules):
    """'rocket fire at Israel in recent days' (no doer, a vague week) in an article of 29 Sep
    cannot tell Iran's 1 Oct barrage: it stays apart, and no false date conflict arises."""
    docs = docs_frame([("d1", "A", "2024-09-29", ""), ("d2", "B", "2024-10-02", "")])
    ms = [mention("d1", 1, "missile_attack", "", ["Israel"], "2024-09-25", basis="relative",
                  lo="2024-09-22", hi="2024-09-29",
                  text="Rockets were fired at northern Israel in recent days"),
          mention("d2", 1, "missile_attack", "Iran", ["Israel"], "2024-10-01",
                  text="Iran fired missiles at Israel on Oct. 1")]
    out = events.build_events(found_frames(ms), docs, None, EVENT_TYPES, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)
    iran = out["events"][out["events"]["agent"] == "Iran"].iloc[0]
    assert list(iran["mention_ids"]) == ["d2-s001-m1"]
    assert out["conflicts"].empty or "date" not in set(out["conflicts"]["fact"])


CHRONOLOGY = pd.DataFrame([
    {"key": "haniyeh", "date": "2024-07-31", "date_latest": "", "event_type":
     "targeted_killing", "actors": "Israel;Ismail Haniyeh", "keywords": "Haniyeh",
     "label": "", "source": "Reuters 2024-07-31"},
    {"key": "never-mentioned", "date": "2024-08-25", "date_latest": "", "event_type":
     "airstrike", "actors": "Israel;Hezbollah", "keywords": "pre-emptive", "label": "",
     "source": "x"},
    {"key": "nasrallah", "date": "2024-09-27", "date_latest": "", "event_type":
     "targeted_killing", "actors": "Hassan Nasrallah", "keywords": "", "label": "",
     "source": "y"},
])


def test_chronology_fills_open_dates_only_and_adds_no_event(rules):
    plain = events.build_events(found_frames(MENTIONS, SIGNALS, CLAIMS), DOCS, None,
                                EVENT_TYPES, rules=rules, gazetteer=GAZETTEER, focus=FOCUS)
    out = events.build_events(found_frames(MENTIONS, SIGNALS, CLAIMS), DOCS, None,
                              EVENT_TYPES, CHRONOLOGY, rules=rules, gazetteer=GAZETTEER,
                              focus=FOCUS)
    assert len(out["events"]) == len(plain["events"])
    han = event_of(out, "Ismail Haniyeh")
    assert (han["date"], han["date_basis"], han["date_source"]) == \
        ("2024-07-31", "chronology", "Reuters 2024-07-31")
    nas = event_of(out, "Hassan Nasrallah")
    assert nas["date_basis"] == "explicit" and nas["chronology_key"] == "nasrallah"
    assert han["event_id"] == "e001"                      # ranks move with the new date


def write_annotations(tmp_path, body):
    (tmp_path / "annotations.yaml").write_text("# test\nannotations:\n" + body)
    return events.load_annotations(tmp_path)


def test_annotations_shipped_file_loads_empty():
    assert events.load_annotations(DATA).empty


@pytest.mark.parametrize("body, reason", [
    ("  - {id: a1, event: k, action: rename, value: x}\n", "action 'rename'"),
    ("  - {id: a1, event: k, action: date, value: 2024-13-01}\n", "month"),
    ("  - {id: a1, event: k, action: date, value: '24-09-01'}\n", "YYYY-MM-DD"),
    ("  - {id: a1, event: k, action: label, value: '" + "x" * 71 + "'}\n", "70"),
    ("  - {id: a1, event: k, action: split, value: d1}\n", "list"),
    ("  - {id: a1, event: k, action: merge, value: x}\n"
     "  - {id: a1, event: k, action: merge, value: y}\n", "used twice"),
    ("  - {id: a1, action: merge, value: y}\n", "missing key"),
])
def test_annotation_errors_name_the_annotation(tmp_path, body, reason):
    with pytest.raises(DataFileError, match=reason) as info:
        write_annotations(tmp_path, body)
    assert "annotations.yaml" in str(info.value)


def test_annotations_are_applied_and_listed(tmp_path, rules):
    anns = write_annotations(tmp_path, """\
  - {id: a1, event: "lethal_strike:ismail-haniyeh", action: date, value: 2024-07-31,
     note: chronology}
  - {id: a2, event: "missile:israel", action: label, value: Iran fires missiles at Israel}
  - {id: a3, event: "lethal_strike:hassan-nasrallah", action: split, value: [dD]}
  - {id: a4, event: "lethal_strike:nobody", action: merge, value: "missile:israel"}
""")
    out = events.build_events(found_frames(MENTIONS, SIGNALS, CLAIMS), DOCS, anns,
                              EVENT_TYPES, rules=rules, gazetteer=GAZETTEER, focus=FOCUS)
    ev = out["events"].set_index("key")
    assert ev.loc["lethal_strike:ismail-haniyeh", "date"] == "2024-07-31"
    assert ev.loc["lethal_strike:ismail-haniyeh", "date_basis"] == "annotation"
    assert ev.loc["missile:israel", "label"] == "Iran fires missiles at Israel"
    assert ev.loc["missile:israel", "label_source"] == "annotation"
    assert ev.loc["lethal_strike:hassan-nasrallah/a3", "doc_ids"] == ["dD"]
    nasrallah = ev.loc["lethal_strike:hassan-nasrallah", "event_id"]
    assert not ((out["conflicts"]["event_id"] == nasrallah)
                & (out["conflicts"]["fact"] == "date")).any()
    ov = out["overrides"].set_index("annotation")
    assert list(ov["applied"]) == ["yes", "yes", "yes", "no"]
    assert "no event has key" in ov.loc["a4", "why"]
    assert ov.loc["a1", "old"] == "" and ov.loc["a1", "new"] == "2024-07-31"


def test_merge_annotation_joins_two_events(tmp_path, rules):
    anns = write_annotations(tmp_path, """\
  - {id: m1, event: "lethal_strike:hassan-nasrallah", action: merge,
     value: "lethal_strike:ismail-haniyeh"}
""")
    out = events.build_events(found_frames(MENTIONS, SIGNALS, CLAIMS), DOCS, anns,
                              EVENT_TYPES, rules=rules, gazetteer=GAZETTEER, focus=FOCUS)
    assert "lethal_strike:ismail-haniyeh" not in set(out["events"]["key"])
    assert event_of(out, "Hassan Nasrallah")["n_documents"] == 5


def test_labels_file_errors(tmp_path):
    (tmp_path / "labels.yaml").write_text(
        "# x\ngroups: {g: {types: [a]}}\ntemplates: {a: ['{who} did it']}\n")
    with pytest.raises(DataFileError, match="unknown placeholder"):
        events.load_labels(tmp_path)
    (tmp_path / "labels.yaml").write_text(
        "# x\ngroups: {g: {types: [a]}, h: {types: [a]}}\ntemplates: {}\n")
    with pytest.raises(DataFileError, match="already in group"):
        events.load_labels(tmp_path)
    (tmp_path / "labels.yaml").write_text(
        "# x\ngroups: {}\ntemplates: {}\njoins: [{from: airstrike, to: [k]}]\n")
    with pytest.raises(DataFileError, match=r"joins\[1\]\.from"):
        events.load_labels(tmp_path)


def test_long_names_still_fit_in_a_label(rules):
    long_name = "Commander " + "Abdulrahman " * 6 + "al-Longname"
    gaz = pd.concat([GAZETTEER, pd.DataFrame([(long_name, "Hezbollah", "person",
                                               "senior Hezbollah military commander")],
                                             columns=GAZETTEER.columns)])
    docs = docs_frame([("d1", "A", "2024-10-08", "")])
    ms = [mention("d1", 1, "targeted_killing", "Israel", [long_name], "2024-10-01",
                  places=["Beirut"])]
    out = events.build_events(found_frames(ms), docs, None, EVENT_TYPES, rules=rules,
                              gazetteer=gaz, focus=FOCUS)
    label = out["events"].iloc[0]["label"]
    assert len(label) <= 70 and label.startswith("Israel kills")


def synthetic_mentions(n: int, n_events: int = 5000) -> tuple[pd.DataFrame, pd.DataFrame]:
    """n mentions of n_events invented events (type, target, true date) spread over 2,000
    documents; 30% of mentions undated, 10% dated a day or two off."""
    import random

    rnd = random.Random(7)
    types = list(EVENT_TYPES)
    truth = [(rnd.choice(types), f"Target {rnd.randrange(800)}", 738900 + rnd.randrange(365))
             for _ in range(n_events)]
    docs = docs_frame([(f"d{i:05d}", f"Outlet {i % 40}", "2024-12-31", "")
                       for i in range(2000)])
    rows = []
    for i in range(n):
        etype, target, day = truth[rnd.randrange(n_events)]
        day += rnd.choice((0,) * 8 + (-1, 2))
        iso = pd.Timestamp.fromordinal(day).date().isoformat()
        doc = f"d{rnd.randrange(2000):05d}"
        dated = rnd.random() < 0.7
        rows.append({
            "mention_id": f"{doc}-s{i:06d}-m1", "event_id": "", "doc_id": doc,
            "sent_id": f"{doc}-s{i:06d}", "event_type": etype, "plover": "",
            "actors": "", "agent": f"Agent {rnd.randrange(5)}", "agent_side": "",
            "targets": target, "target_sides": "", "time_id": "",
            "date": iso if dated else "", "date_earliest": iso if dated else "",
            "date_latest": iso if dated else "", "date_basis": "explicit" if dated else "open",
            "time_text": "", "trigger": "", "polarity": "asserted", "text": "x"})
    return pd.DataFrame(rows), docs


@pytest.mark.slow
def test_hundred_thousand_mentions_cluster_without_loss(rules):
    """Scale, not speed (speed is `make bench`'s): every one of 100,000 mentions ends in an
    event."""
    mentions, docs = synthetic_mentions(100_000)
    out = events.build_events({"mentions": mentions}, docs, None, EVENT_TYPES, rules=rules,
                              focus=FOCUS)
    assert len(out["mentions"]) == len(mentions)
    assert (out["mentions"]["event_id"] != "").all()


def test_agent_side_of_an_unattributed_operation_comes_from_the_surprise(rules):
    """'The US was caught off guard by the detonations of pagers used by Hezbollah': no agent
    in the clause, but the surprise points at Israel, so the notice is the US's."""
    docs = docs_frame([("d1", "A", "2024-10-08", "")])
    ms = [mention("d1", 1, "sabotage_detonation", "", ["Hezbollah"],
                  text="the US was caught off guard by detonations of Hezbollah pagers")]
    sig = [signal("d1", 1, "", category="surprise", direction="US->Israel")]
    out = events.build_events(found_frames(ms, sig), docs, None, EVENT_TYPES, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)
    row = out["events"].iloc[0]
    assert (row["agent_side"], row["notice"], row["notice_to"]) == ("Israel", "none", "US")
    assert row["label"] == "Israel detonates Hezbollah devices"


def test_unknown_side_in_direction_still_counts_as_notice(rules):
    docs = docs_frame([("d1", "A", "2024-10-08", "")])
    ms = [mention("d1", 1, "targeted_killing", "Israel", ["Ismail Haniyeh"])]
    out = events.build_events(found_frames(ms, [signal("d1", 1, "none", direction="?->Israel")]),
                              docs, None, EVENT_TYPES, rules=rules, gazetteer=GAZETTEER,
                              focus=FOCUS)
    assert out["events"].iloc[0]["notice"] == "none"


def test_negated_mentions_do_not_corroborate(rules):
    docs = docs_frame([("d1", "A", "2024-10-08", ""), ("d2", "B", "2024-10-08", "")])
    ms = [mention("d1", 1, "targeted_killing", "Israel", ["Ismail Haniyeh"]),
          mention("d2", 1, "targeted_killing", "Israel", ["Ismail Haniyeh"],
                  polarity="negated", text="Israel did not kill Haniyeh, it says")]
    row = events.build_events(found_frames(ms), docs, None, EVENT_TYPES, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)["events"].iloc[0]
    assert row["n_documents"] == 1 and row["n_mentions"] == 2


def test_mentions_naming_nobody_make_no_event(rules):
    docs = docs_frame([("d1", "A", "2024-10-08", "")])
    ms = [mention("d1", 1, "airstrike", "", [], "2024-10-01", text="airstrikes went on")]
    out = events.build_events(found_frames(ms), docs, None, EVENT_TYPES, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)
    assert out["events"].empty


def test_one_participant_contact_joins_the_pair(rules):
    """'Netanyahu blocked Gallant's trip' and 'Gallant postponed his trip' are one event."""
    docs = docs_frame([("d1", "A", "2024-10-09", ""), ("d2", "B", "2024-10-09", "")])
    ms = [mention("d1", 1, "visit_blocked", "Benjamin Netanyahu", ["Yoav Gallant"],
                  "2024-10-08", text="Netanyahu vetoed Gallant's trip"),
          mention("d2", 1, "visit_blocked", "Yoav Gallant", [], "2024-10-08",
                  basis="relative", text="Gallant postponed the trip")]
    out = events.build_events(found_frames(ms), docs, None, EVENT_TYPES, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)
    assert len(out["events"]) == 1
    assert out["events"].iloc[0]["label"].startswith("Benjamin Netanyahu blocks")


def test_chronology_breaks_ties_and_fills_one_event_per_row(rules):
    docs = docs_frame([("d1", "A", "", ""), ("d2", "B", "", "")])
    ms = [  # two articles, equally sure, one day apart
        mention("d1", 1, "phone_call", "Joe Biden", ["Benjamin Netanyahu"], "2024-10-08",
                basis="relative-inferred"),
        mention("d2", 1, "phone_call", "Benjamin Netanyahu", ["Joe Biden"], "2024-10-09",
                basis="relative-inferred"),
        # two open strikes whose sentences both name Haniyeh: only the one on him gets the row
        mention("d1", 2, "targeted_killing", "Israel", ["Ismail Haniyeh"]),
        mention("d2", 2, "airstrike", "Israel", ["Hezbollah"], places=["Ismail Haniyeh"],
                text="a strike on Hezbollah weeks after Haniyeh's death"),
    ]
    chron = pd.DataFrame([
        {"key": "call", "date": "2024-10-09", "date_latest": "", "event_type": "phone_call",
         "actors": ["Joe Biden", "Benjamin Netanyahu"], "keywords": "", "label": "c",
         "source": "s"},
        {"key": "haniyeh", "date": "2024-07-31", "date_latest": "", "event_type":
         "targeted_killing", "actors": ["Ismail Haniyeh"], "keywords": "", "label": "h",
         "source": "s"}])
    out = events.build_events(found_frames(ms), docs, None, EVENT_TYPES, chron, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)
    ev = out["events"].set_index("event_type")
    assert ev.loc["phone_call", "date"] == "2024-10-09"
    call = out["conflicts"][(out["conflicts"]["event_id"] == ev.loc["phone_call", "event_id"])
                            & (out["conflicts"]["account"] == "disagrees")]
    assert call[["fact", "value"]].values.tolist() == [["date", "2024-10-08"]]
    assert call["doc_ids"].tolist() == [["d1"]]
    assert ev.loc["targeted_killing", "date"] == "2024-07-31"
    assert ev.loc["airstrike", "date"] == "" and ev.loc["airstrike", "date_basis"] == "open"


def test_empty_input_gives_empty_tables_with_the_contract_columns():
    docs = docs_frame([("d1", "A", "2024-10-08", "")])
    out = events.build_events({"mentions": pd.DataFrame()}, docs, events.load_annotations(DATA),
                              focus=FOCUS)
    for name in ("events", "conflicts", "overrides"):
        assert out[name].empty and list(out[name].columns) == list(events.SCHEMA[name])


def test_strike_in_a_killing_sentence_joins_the_killing_and_plans_do_not_date(rules):
    docs = docs_frame([("d1", "A", "2024-10-08", ""), ("d2", "B", "2024-10-09", "")])
    row = {"key": "call", "date": "2024-10-09", "date_latest": "", "event_type": "phone_call",
           "actors": "Joe Biden;Benjamin Netanyahu", "keywords": "", "label": "call",
           "source": "readout"}
    ms = [
        mention("d1", 1, "targeted_killing", "", ["Hassan Nasrallah"],
                text="Austin learned of the killing of Nasrallah minutes before jets bombed"),
        dict(mention("d1", 1, "airstrike", "Israel", ["Beirut"], text="jets bombed Beirut"),
             mention_id="d1-s001-m2"),
        mention("d2", 2, "airstrike", "Israel", ["Iran"], text="Israel bombed Iran"),
        # a meeting is never dated by a phone-call row; a plan never dates what happened
        mention("d1", 3, "meeting_visit", "Benjamin Netanyahu", ["Joe Biden"],
                text="during their meeting"),
        mention("d2", 4, "phone_call", "Yoav Gallant", ["Lloyd Austin"], text="spoke often"),
        mention("d2", 5, "phone_call", "Yoav Gallant", ["Lloyd Austin"], "2024-10-09",
                polarity="planned", text="scheduled to speak today"),
    ]
    types = dict(EVENT_TYPES, meeting_visit={"plover": "CONSULT", "lane": "contacts"})
    out = events.build_events(found_frames(ms), docs, None, types, pd.DataFrame([row]),
                              rules=rules, gazetteer=GAZETTEER, focus=FOCUS)["events"]
    strikes = out[out["event_type"] == "airstrike"]
    assert list(strikes["targets"]) == [["Iran"]]           # Beirut joined the killing
    killing = out[out["event_type"] == "targeted_killing"].iloc[0]
    assert killing["n_mentions"] == 2
    meeting = out[out["event_type"] == "meeting_visit"].iloc[0]
    assert meeting["date"] == ""
    gallant = out[out["event_type"] == "phone_call"]
    assert sorted(zip(gallant["status"], gallant["date"], strict=True)) == [
        ("asserted", ""), ("planned", "2024-10-09")]


def test_label_without_object_is_the_evidence_sentences_phrase(rules):
    """The evidence mention's phrase wins over another mention's (and over a template)."""
    docs = docs_frame([("d1", "A", "2024-10-08", ""), ("d2", "B", "2024-10-08", "")])
    told = dict(mention("d1", 1, "demand", "Benjamin Netanyahu", [],
                        text="Netanyahu also asked to delay the trip, officials said"),
                trigger="asked", trigger_start=15, phrase="Netanyahu also asked to delay the trip")
    other = dict(mention("d2", 1, "demand", "Benjamin Netanyahu", [], polarity="hypothetical",
                         text="Netanyahu may demand a delay"),
                 trigger="demand", trigger_start=14, phrase="Netanyahu may demand a delay")
    out = events.build_events(found_frames([other, told]), docs, None,
                              {"demand": {"plover": "DEMAND", "verb": "urges"}},
                              rules=rules, gazetteer=GAZETTEER, focus=FOCUS)["events"]
    assert out.iloc[0]["label"] == "Netanyahu also asked to delay the trip"


def test_a_domestic_meeting_does_not_join_a_foreign_leaders_pair(rules):
    """'Netanyahu held a meeting with senior ministers' is no contact with Biden; 'Gallant is
    to meet US officials' is his contact with his US counterpart."""
    gaz = pd.concat([GAZETTEER, pd.DataFrame([("Lloyd Austin", "US", "person", "")],
                                             columns=GAZETTEER.columns)])
    docs = docs_frame([("d1", "A", "2024-10-09", "")])
    ms = [mention("d1", 1, "phone_call", "Joe Biden", ["Benjamin Netanyahu"], "2024-10-09"),
          mention("d1", 2, "phone_call", "Yoav Gallant", ["Lloyd Austin"], "2024-10-09"),
          mention("d1", 3, "phone_call", "Benjamin Netanyahu", [], "2024-10-08",
                  text="Netanyahu held a meeting last night with senior ministers"),
          mention("d1", 4, "phone_call", "Yoav Gallant", ["US"], "2024-10-09",
                  text="Gallant is to meet US officials")]
    out = events.build_events(found_frames(ms), docs, None, EVENT_TYPES, rules=rules,
                              gazetteer=gaz, focus=FOCUS)["events"].set_index("key")
    assert out.loc["contact:benjamin-netanyahu-joe-biden", "n_mentions"] == 1
    assert "contact:benjamin-netanyahu" not in out.index  # one party: no contact at all
    assert out.loc["contact:lloyd-austin-yoav-gallant", "n_mentions"] == 2


def test_frame_records_matches_to_dict_on_every_dtype():
    import math

    import numpy as np

    frame = pd.DataFrame({
        "s": pd.array(["a", None, "c"], dtype="str"), "i": [1, 2, 3],
        "f": [0.5, float("nan"), 2.0], "b": [True, False, True],
        "n": pd.array([1, None, 3], dtype="Int64"),
        "o": pd.Series([["x"], np.int64(4), None], dtype=object)})

    def norm(rows):
        return [{k: ("nan" if isinstance(v, float) and math.isnan(v) else (type(v), repr(v)))
                 for k, v in r.items()} for r in rows]
    assert norm(tables.frame_records(frame)) == norm(frame.to_dict("records"))
    assert norm(tables.frame_records(frame, ["i", "s"])) == \
        norm(frame[["i", "s"]].to_dict("records"))



@pytest.mark.parametrize("dtype", ["str", object])
def test_actors_by_sentence_is_the_same_for_a_text_and_an_object_actor_column(dtype):
    actor_mentions = pd.DataFrame({
        "doc_id": ["d1", "d1", "d1", "d2", "d2"], "sent_id": ["s1", "s1", "s2", "s1", "s1"],
        "actor": pd.Series(["Israel", "US", None, "", "Iran"], dtype=dtype)})
    mentions = pd.DataFrame({"doc_id": ["d2"], "sent_id": ["s1"], "actors": [["Hezbollah"]]})
    found = {"actor_mentions": actor_mentions, "mentions": mentions}
    assert tables.actors_by_sentence(found) == {("d1", "s1"): {"Israel", "US"},
                                                ("d2", "s1"): {"Iran"}}
    assert tables.actors_by_sentence(found, {("d2", "s1")}, with_event_actors=True) == {
        ("d2", "s1"): {"Iran", "Hezbollah"}}

def test_a_ledes_undated_news_is_dated_by_its_publication_and_never_disputes(rules):
    """reported_dates: 'In a phone call, Biden urged Netanyahu ...' opening an article of
    11-05 happened on 11-04 or 11-05, not at the pair's last dated call in August; the same
    undated words deeper in an article stay open, and a lede never counts as a conflict."""
    docs = docs_frame([("d1", "A", "2024-08-22", ""), ("d2", "B", "2024-11-05", ""),
                       ("d3", "C", "2024-10-01", "")])
    ms = [
        mention("d1", 1, "phone_call", "Joe Biden", ["Benjamin Netanyahu"], "2024-08-21"),
        mention("d2", 1, "phone_call", "Joe Biden", ["Benjamin Netanyahu"],
                text="In a phone call with Netanyahu, Biden urged ..."),
        mention("d3", 5, "targeted_killing", "Israel", ["Hassan Nasrallah"],
                text="the killing of Nasrallah"),
        mention("d2", 2, "targeted_killing", "Israel", ["Hassan Nasrallah"], polarity="negated",
                text="Israel did not kill Nasrallah"),
        mention("d2", 9, "targeted_killing", "Israel", ["Ismail Haniyeh"], "2024-07-31"),
        mention("d3", 1, "targeted_killing", "Israel", ["Ismail Haniyeh"],
                text="Israel killed Haniyeh"),
    ]
    out = events.build_events(found_frames(ms), docs, None, EVENT_TYPES, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)
    ev = out["events"]
    calls = ev[ev["event_type"] == "phone_call"].set_index("date")
    assert list(calls.index) == ["2024-08-21", "2024-11-04"]
    assert (calls.loc["2024-11-04", "date_latest"], calls.loc["2024-11-04", "date_basis"]) == \
        ("2024-11-05", "reported")
    nasrallah = event_of(out, "Hassan Nasrallah")  # not a lede, and the lede is negated
    assert (nasrallah["date"], nasrallah["date_basis"]) == ("", "open")
    haniyeh = event_of(out, "Ismail Haniyeh")      # the stated date wins; no conflict
    assert (haniyeh["date"], haniyeh["date_basis"]) == ("2024-07-31", "explicit")
    assert out["conflicts"].empty


def test_a_time_expression_dates_the_act_told_first_not_its_topic(rules):
    """'Biden spoke with Netanyahu on Wednesday about the strike on Hezbollah': one date,
    one dated event (the call); the strike it was about is not a second event that day."""
    docs = docs_frame([("d1", "A", "2024-08-22", "")])
    text = "Biden spoke with Netanyahu on Wednesday about Israel's strike on Hezbollah"
    call, strike = same_sentence(
        text, (mention("d1", 1, "phone_call", "Joe Biden", ["Benjamin Netanyahu"], "2024-08-21",
                       basis="relative", text=text), "spoke"),
        (mention("d1", 1, "airstrike", "Israel", ["Hezbollah"], "2024-08-21",
                 basis="relative", text=text), "strike"))
    # another sentence dating the strike itself keeps its own date
    other = mention("d1", 2, "airstrike", "Israel", ["Hezbollah"], "2024-08-19",
                    basis="relative", text="Israel struck Hezbollah on Monday")
    other.update(trigger="struck", trigger_start=7)
    out = events.build_events(found_frames([call, strike]), docs, None, EVENT_TYPES,
                              rules=rules, gazetteer=GAZETTEER, focus=FOCUS)
    dated = out["events"][out["events"]["date_earliest"] != ""]
    assert list(dated["event_type"]) == ["phone_call"]
    out = events.build_events(found_frames([call, strike, other]), docs, None, EVENT_TYPES,
                              rules=rules, gazetteer=GAZETTEER, focus=FOCUS)
    dates = out["events"].set_index("event_type")["date"]
    assert dates["phone_call"] == "2024-08-21" and dates["airstrike"] == "2024-08-19"


def test_a_month_alone_dates_an_event_to_the_month_and_a_day_beats_it(rules):
    """'spoke in September' gives no day: the event is dated to the month (an honest range,
    precision 'month'), a week or a relative span not at all; a day from another article
    dates it, and the month range does not widen it."""
    docs = docs_frame([("d1", "A", "2024-10-08", ""), ("d2", "B", "2024-09-13", "")])
    month = mention("d1", 1, "phone_call", "Joe Biden", ["Benjamin Netanyahu"],
                    lo="2024-09-01", hi="2024-09-30", basis="explicit",
                    text="Biden and Netanyahu spoke in September")
    out = events.build_events(found_frames([month]), docs, None, EVENT_TYPES, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)
    ev = out["events"]
    assert len(ev) == 1
    assert (ev.iloc[0]["date_earliest"], ev.iloc[0]["date_latest"],
            ev.iloc[0]["date_precision"]) == ("2024-09-01", "2024-09-30", "month")
    week = dict(month, date_earliest="2024-09-02", date_latest="2024-09-08", basis="relative",
                date_basis="relative")
    out = events.build_events(found_frames([week]), docs, None, EVENT_TYPES, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)
    assert out["events"].iloc[0]["date_earliest"] == ""
    day = mention("d2", 2, "phone_call", "Joe Biden", ["Benjamin Netanyahu"], "2024-09-12",
                  basis="relative", text="Biden spoke with Netanyahu on Thursday")
    out = events.build_events(found_frames([month, day]), docs, None, EVENT_TYPES,
                              rules=rules, gazetteer=GAZETTEER, focus=FOCUS)
    ev = out["events"]
    assert list(ev["date_earliest"]) == ["2024-09-12"] and list(ev["date_latest"]) == \
        ["2024-09-12"]


def test_an_official_without_a_target_joins_the_one_act_of_his_side(rules):
    """'the ambassador was summoned by the deputy minister' (no party named) is the summons
    his state made that day, not a second event; with two parties it stays apart."""
    docs = docs_frame([("d1", "A", "2024-10-27", "")])
    act = mention("d1", 1, "airstrike", "Israel", ["Iran"], "2024-10-26",
                  text="Israel struck Iran on Saturday")
    told = mention("d1", 2, "airstrike", "Yoav Gallant", [], "2024-10-26",
                   text="the strike was ordered by Gallant on Saturday")
    out = events.build_events(found_frames([act, told]), docs, None, EVENT_TYPES, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)
    assert len(out["events"]) == 1
    other = mention("d1", 3, "airstrike", "Israel", ["Hezbollah"], "2024-10-26",
                    text="Israel struck Hezbollah on Saturday")
    out = events.build_events(found_frames([act, told, other]), docs, None, EVENT_TYPES,
                              rules=rules, gazetteer=GAZETTEER, focus=FOCUS)
    assert len(out["events"]) == 3  # which of the two? unknown: the official's stays apart


def test_a_lede_retelling_within_days_is_the_event_not_a_new_one(rules):
    """'Flights were suspended, the president said' opening an article three days after the
    suspension is that suspension (a lede's publication is an upper bound), not a second one;
    the same lede three weeks later is news of its own."""
    docs = docs_frame([("d1", "A", "2024-12-27", ""), ("d2", "B", "2024-12-30", ""),
                       ("d3", "C", "2025-01-20", "")])
    ms = [mention("d1", 3, "airstrike", "Israel", ["Iran"], "2024-12-26",
                  text="Israel struck Iran on Thursday"),
          mention("d2", 1, "airstrike", "Israel", ["Iran"], text="Israel struck Iran")]
    out = events.build_events(found_frames(ms), docs, None, EVENT_TYPES, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)
    assert list(out["events"]["date"]) == ["2024-12-26"]
    ms.append(mention("d3", 1, "airstrike", "Israel", ["Iran"], text="Israel struck Iran"))
    out = events.build_events(found_frames(ms), docs, None, EVENT_TYPES, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)
    assert list(out["events"]["date"]) == ["2024-12-26", "2025-01-19"]


def test_a_contact_with_one_party_named_is_no_event(rules):
    """'Harris also joined the call' names one participant: no contact between two parties
    (and so no event); the same call with both named is one."""
    docs = docs_frame([("d1", "A", "2024-10-09", "")])
    alone = mention("d1", 1, "phone_call", "", ["Kamala Harris"], "2024-10-09",
                    text="Harris also joined the call")
    out = events.build_events(found_frames([alone]), docs, None, EVENT_TYPES, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)
    assert out["events"].empty
    pair = mention("d1", 2, "phone_call", "Joe Biden", ["Benjamin Netanyahu"], "2024-10-09")
    out = events.build_events(found_frames([alone, pair]), docs, None, EVENT_TYPES,
                              rules=rules, gazetteer=GAZETTEER, focus=FOCUS)
    assert list(out["events"]["key"]) == ["contact:benjamin-netanyahu-joe-biden"]


def test_a_call_between_the_parties_of_a_demand_told_first_is_the_dated_act(rules):
    """'Biden urged Netanyahu to close the deal in a call on Wednesday': the urging is what
    was said in the call; the call is the one dated event even though told second."""
    docs = docs_frame([("d1", "A", "2024-08-22", "")])
    text = "Biden urged Netanyahu to close the deal in a call on Wednesday"
    urge, call = same_sentence(
        text, (mention("d1", 1, "demand", "Joe Biden", ["Benjamin Netanyahu"], "2024-08-21",
                       basis="relative", text=text), "urged"),
        (mention("d1", 1, "phone_call", "Joe Biden", ["Benjamin Netanyahu"], "2024-08-21",
                 basis="relative", text=text), "call"))
    types = dict(EVENT_TYPES, demand={"plover": "COERCE", "lane": "contacts",
                                      "operation": False})
    out = events.build_events(found_frames([urge, call]), docs, None, types, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)
    dated = out["events"][out["events"]["date_earliest"] != ""]
    assert list(dated["event_type"]) == ["phone_call"]


def test_the_evidence_is_a_mention_that_dates_the_event(rules):
    """A relative range of weeks ('over the last few weeks') dates nothing, so the event's
    evidence is the lede that gives its days, though 'relative' outranks 'reported'."""
    docs = docs_frame([("dA", "Wire One", "2024-10-18", ""), ("dB", "Gulf Daily", "", "")])
    rows = [mention("dB", 4, "phone_call", "Joe Biden", ["Benjamin Netanyahu"],
                    basis="relative", lo="2024-09-28", hi="2024-10-18",
                    text="Biden has been in talks with Netanyahu over the last few weeks"),
            mention("dA", 1, "phone_call", "Joe Biden", ["Benjamin Netanyahu"],
                    basis="reported", lo="2024-10-17", hi="2024-10-18",
                    text="Biden called Netanyahu to congratulate him")]
    built = events.build_events(found_frames(rows), docs, event_types=EVENT_TYPES,
                                gazetteer=GAZETTEER, rules=rules, focus=FOCUS)["events"]
    assert list(built["date_earliest"]) == ["2024-10-17"]
    assert built["evidence"].iloc[0] == "Biden called Netanyahu to congratulate him"


def test_the_evidence_shows_the_events_agent_before_the_surest_date_basis(rules):
    """A state's statement told in the lede (dated by publication) and by a minister on a
    named day: the event is the state's, and so is the sentence that shows it."""
    docs = docs_frame([("dA", "Wire One", "2024-09-28", "")])
    rows = [mention("dA", 1, "statement", "US", ["Israel"], basis="reported",
                    lo="2024-09-27", hi="2024-09-28",
                    text="The US said it was not warned in advance of the strikes"),
            mention("dA", 2, "statement", "Joe Biden", ["Israel"], "2024-09-27",
                    text="Biden said on Friday that he had no warning")]
    types = {**EVENT_TYPES, "statement": {"plover": "OTHER", "lane": "contacts",
                                          "operation": False}}
    built = events.build_events(found_frames(rows), docs, event_types=types,
                                gazetteer=GAZETTEER, rules=rules, focus=FOCUS)["events"]
    assert list(built["agent"]) == ["US"]
    assert built["evidence"].iloc[0] == "The US said it was not warned in advance of the strikes"


def test_a_statement_in_a_lede_a_week_after_another_is_a_new_statement(rules):
    """A lede dated only by its publication retells an act of the week before (retold_days 7
    by default), but a statement is news on the day it is made (labels.yaml statement
    retold_days 1): the US statements of 5 and 12 November stay two events."""
    docs = docs_frame([("dA", "Wire One", "2024-11-06", ""),
                       ("dB", "Gulf Daily", "2024-11-13", "")])
    rows = [mention("dA", 1, "statement", "US", ["Israel"], basis="reported",
                    lo="2024-11-05", hi="2024-11-06",
                    text="US officials expressed deep shock at the dismissal"),
            mention("dB", 1, "statement", "US", ["Israel"], basis="reported",
                    lo="2024-11-12", hi="2024-11-13",
                    text="The administration sidestepped its deadline, saying")]
    types = {**EVENT_TYPES, "statement": {"plover": "OTHER", "lane": "contacts",
                                          "operation": False}}
    built = events.build_events(found_frames(rows), docs, event_types=types,
                                gazetteer=GAZETTEER, rules=rules, focus=FOCUS)["events"]
    assert sorted(built["date_earliest"]) == ["2024-11-05", "2024-11-12"]


def test_a_range_of_weeks_does_not_glue_two_calls_together(rules):
    """'in talks over the last few weeks' (three weeks) dates nothing and joins nothing: the
    calls of 9 and 17 October stay two events."""
    docs = docs_frame([("dA", "Wire One", "2024-10-09", ""), ("dB", "Gulf Daily", "", ""),
                       ("dC", "Beltway Blog", "2024-10-18", "")])
    rows = [mention("dA", 3, "phone_call", "Joe Biden", ["Benjamin Netanyahu"],
                    basis="relative", date="2024-10-09", text="Biden and Netanyahu spoke"),
            mention("dB", 4, "phone_call", "Joe Biden", ["Benjamin Netanyahu"],
                    basis="relative", lo="2024-09-28", hi="2024-10-18",
                    text="Biden has been in talks with Netanyahu over the last few weeks"),
            mention("dC", 1, "phone_call", "Joe Biden", ["Benjamin Netanyahu"],
                    basis="reported", lo="2024-10-17", hi="2024-10-18",
                    text="Biden called Netanyahu to congratulate him")]
    built = events.build_events(found_frames(rows), docs, event_types=EVENT_TYPES,
                                gazetteer=GAZETTEER, rules=rules, focus=FOCUS)["events"]
    assert sorted(built["date_earliest"]) == ["2024-10-09", "2024-10-17"]


def test_an_act_on_people_never_takes_a_whole_state_as_its_object(rules):
    """'Israel kills Iran' says nothing an analyst would sign: without a person or group as
    target, the label is what the sentence says ({phrase}, from the parse), else a noun
    phrase naming the agent - never a window of words cut around the trigger."""
    docs = docs_frame([("d1", "A", "2024-10-08", "")])
    m = dict(mention("d1", 1, "targeted_killing", "Israel", ["Iran"],
                     text="The strike killed 38 of 67 people aboard, officials said"),
             trigger="killed", trigger_start=11)
    types = {"targeted_killing": {"plover": "ASSAULT", "verb": "kills"}}
    out = events.build_events(found_frames([m]), docs, None, types, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)["events"]
    assert list(out[["label", "label_source"]].iloc[0]) == ["Killing by Israel", "template"]
    m["phrase"] = "The strike killed 38 of 67 people aboard"
    out = events.build_events(found_frames([m]), docs, None, types, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)["events"]
    assert list(out[["label", "label_source"]].iloc[0]) == [
        "The strike killed 38 of 67 people aboard", "phrase"]


def test_a_label_is_never_a_verb_without_its_object(rules):
    """'Israel urges' or 'Russia informs (informing them of the)' is no label: without a
    phrase from the parse, a verb with no target becomes '<type> by <agent>'."""
    docs = docs_frame([("d1", "A", "2024-10-08", "")])
    m = dict(mention("d1", 1, "warning", "Israel", [],
                     text="Israel had warned them of the consequences"),
             trigger="warned", trigger_start=10)
    out = events.build_events(found_frames([m]), docs, None,
                              {"warning": {"plover": "THREATEN", "verb": "warns"}},
                              rules=rules, gazetteer=GAZETTEER, focus=FOCUS)["events"]
    assert out.iloc[0]["label"] == "Warning by Israel"


def test_an_act_told_as_done_is_never_dated_after_its_article(rules):
    """'the Oct. 7 attack' in an article of August read as the coming October dates nothing;
    a plan may lie ahead."""
    docs = docs_frame([("dA", "Wire One", "2024-08-03", "")])
    mentions = [mention("dA", 1, "airstrike", "Iran", ["Israel"], "2024-10-07",
                        text="after the Oct. 7 strike on Israel"),
                mention("dA", 2, "phone_call", "US", ["Israel"], "2024-10-07",
                        polarity="planned", text="the two are to speak on Oct. 7")]
    built = events.build_events(found_frames(mentions), docs, None, EVENT_TYPES, rules=rules,
                                gazetteer=GAZETTEER, focus=FOCUS)
    ev = built["events"].set_index("event_type")
    assert ev.loc["airstrike", "date"] == ""
    assert ev.loc["phone_call", "date"] == "2024-10-07"


def test_a_report_by_the_outlet_a_document_relays_is_its_sourcing_not_an_event(rules):
    """'..., The Daily Ledger reported Monday' in a rewrite of the Ledger's scoop (its origin)
    and '..., reports Wire One' in Wire One's own copy are where the news comes from; a
    report by another outlet is still an event (data/labels.yaml own_source_types)."""
    docs = docs_frame([("dR", "Rewrite Site", "2024-10-14", ""),
                       ("dW", "Wire One", "2024-10-14", "")])
    docs["origin"] = ["The Daily Ledger", "Wire One"]
    types = dict(EVENT_TYPES, media_report={"plover": "OTHER", "lane": "reporting",
                                            "operation": False, "verb": "reports"})
    found = found_frames([
        mention("dR", 1, "media_report", "Daily Ledger", [], "2024-10-14", basis="relative",
                text="Netanyahu told the US ..., The Daily Ledger reported Monday"),
        mention("dW", 1, "media_report", "Wire One", [], "2024-10-14", basis="relative",
                text="Putin admitted ..., reports Wire One"),
        mention("dR", 2, "media_report", "Other Paper", [], "2024-10-13", basis="relative",
                text="Other Paper reported on Sunday that ..."),
    ])
    out = events.build_events(found, docs, None, types, rules=rules, gazetteer=GAZETTEER,
                              focus=FOCUS)
    assert "media_report" in rules.own_source_types
    assert out["events"]["agent"].tolist() == ["Other Paper"]
    assert out["mentions"].set_index("agent")["event_id"].to_dict()["Wire One"] == ""


def test_a_place_named_strike_joins_the_operation_on_a_party_its_article_tells(rules):
    """'strikes on the capital, Beirut' and 'the strike on Hezbollah's headquarters' in one
    article are one operation; in an article that tells no operation on a party, or with an
    agent of another side, or on another day, the place stays its own block; and a person's
    killing (it happens once) takes no place-named strike of its articles."""
    docs = docs_frame([("d1", "A", "2024-09-28", ""), ("d2", "B", "2024-09-28", ""),
                       ("d3", "C", "2024-10-27", "")])
    ms = [
        mention("d1", 1, "airstrike", "Israel", ["Hezbollah"], "2024-09-27",
                text="Israel struck Hezbollah's headquarters on Friday"),
        mention("d1", 2, "airstrike", "Israel", ["Beirut"],
                text="the strikes on the capital, Beirut"),
        mention("d1", 3, "airstrike", "Iran", ["Beirut"], text="Iran's strike on Beirut"),
        mention("d2", 1, "airstrike", "Israel", ["Beirut"], "2024-09-20",
                text="Israel struck Beirut a week earlier"),
        mention("d3", 1, "targeted_killing", "Israel", ["Ismail Haniyeh"], "2024-07-31",
                text="Israel killed Haniyeh in July"),
        mention("d3", 2, "airstrike", "Israel", ["Iran"], text="Israel struck Iran"),
    ]
    out = events.build_events(found_frames(ms), docs, None, EVENT_TYPES, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)
    strikes = out["events"]
    hezbollah = strikes[strikes["targets"].map(lambda ts: "Hezbollah" in ts)].iloc[0]
    assert hezbollah["n_mentions"] == 2 and hezbollah["date"] == "2024-09-27"
    mentions = out["mentions"].set_index("mention_id")["event_id"]
    assert mentions["d1-s002-m1"] == hezbollah["event_id"]
    assert mentions["d1-s003-m1"] != hezbollah["event_id"]       # another side's strike
    assert mentions["d2-s001-m1"] != hezbollah["event_id"]       # no party in its article
    haniyeh = strikes[strikes["targets"].map(lambda ts: "Ismail Haniyeh" in ts)].iloc[0]
    assert mentions["d3-s002-m1"] != haniyeh["event_id"]


def test_a_statement_told_with_its_speakers_act_that_day_is_the_acts_announcement(rules):
    """'Israel struck Beirut on Friday' ... 'Israel said the strike ...' in one article is one
    act; the other side's words on it, and the same speaker's words in another article on
    another day, stay statements (data/labels.yaml announcements)."""
    docs = docs_frame([("dA", "Wire One", "2024-09-27", ""), ("dB", "Gulf Daily",
                                                              "2024-10-03", "")])
    types = dict(EVENT_TYPES, statement={"plover": "OTHER", "lane": "contacts",
                                         "operation": False, "verb": "says"})
    found = found_frames([
        mention("dA", 1, "airstrike", "Israel", ["Hezbollah"], "2024-09-27",
                text="Israel struck Hezbollah's headquarters in Beirut on Friday"),
        mention("dA", 2, "statement", "Israel", ["Hezbollah"], "2024-09-27",
                basis="relative", text="Israel said the strike hit a command centre"),
        mention("dA", 3, "statement", "Joe Biden", ["Israel"], "2024-09-27",
                basis="relative", text="Biden said he was not told in advance"),
        mention("dB", 2, "statement", "Israel", ["Hezbollah"], "2024-10-02",
                text="Israel said on Wednesday that Hezbollah ..."),
    ])
    out = events.build_events(found, docs, None, types, rules=rules, gazetteer=GAZETTEER,
                              focus=FOCUS)
    assert "statement" in rules.announcements
    by_text = out["mentions"].set_index("text")["event_id"].to_dict()
    strike = by_text["Israel struck Hezbollah's headquarters in Beirut on Friday"]
    assert by_text["Israel said the strike hit a command centre"] == strike
    assert by_text["Biden said he was not told in advance"] not in ("", strike)
    assert by_text["Israel said on Wednesday that Hezbollah ..."] not in ("", strike)
    assert len(out["events"]) == 3
    evidence = out["events"].set_index("event_id").loc[strike, "evidence"]
    assert evidence.startswith("Israel struck")


def test_a_lede_retelling_what_was_said_before_gets_no_publication_date(rules):
    """'Authorities had said the jet was hit by Iranian fire' in an article a year later is
    background, not the news of its day; an undated lede of news is dated by publication."""
    docs = docs_frame([("dL", "Wire One", "2025-10-09", ""), ("dN", "Gulf Daily",
                                                              "2024-12-27", "")])
    found = found_frames([
        mention("dL", 1, "airstrike", "Iran", ["Israel"],
                text="Authorities had said the jet was hit by Iranian fire."),
        mention("dN", 1, "missile_attack", "Iran", ["Israel"],
                text="Iran fired missiles at Israel."),
    ])
    out = events.build_events(found, docs, None, EVENT_TYPES, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)
    dates = out["events"].set_index("event_type")["date"].to_dict()
    assert dates["missile_attack"] in ("2024-12-26", "2024-12-27")  # a day before, or that day
    assert dates["airstrike"] == ""
    assert rules.reported.background.search("officials previously asserted the jet was hit")
    assert rules.reported.background.search("These comments come after Chad acknowledged it")
    assert rules.reported.background.search("The move came two days after the strike")
    assert not rules.reported.background.search("Their call came amid mounting pressure")


def test_a_telling_within_one_side_takes_no_mention_told_to_the_other_side(rules):
    """'Netanyahu informed Gallant' (both of one side) and 'US officials were informed' or
    'Israel had informed the US' in the same article are two tellings: the one to the
    other side never joins the block about the agent's own minister."""
    docs = docs_frame([("d1", "A", "2024-10-09", "")])
    types = dict(EVENT_TYPES, notification={"plover": "CONSULT", "lane": "contacts",
                                            "operation": False})
    ms = [
        mention("d1", 1, "notification", "Benjamin Netanyahu", ["Yoav Gallant"], "2024-10-08",
                text="Netanyahu informed Gallant on Tuesday that his trip was off"),
        mention("d1", 2, "notification", "", ["US"],
                text="US officials were only informed after the jets took off"),
        mention("d1", 3, "notification", "Israel", ["US"],
                text="Israel had informed the US of the postponement"),
    ]
    out = events.build_events(found_frames(ms), docs, None, types, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)
    event_of = out["mentions"].set_index("mention_id")["event_id"]
    inward = out["events"].set_index("event_id").loc[event_of["d1-s001-m1"]]
    assert list(inward["targets"]) == ["Yoav Gallant"]
    assert event_of["d1-s002-m1"] != event_of["d1-s001-m1"]
    assert event_of["d1-s003-m1"] != event_of["d1-s001-m1"]


def test_the_general_word_for_an_act_joins_its_specific_mention_in_one_sentence(rules):
    """'pagers exploded ... after an attack, blamed on Israel': one operation (data/labels.yaml
    joins attack -> sabotage_detonation), even when the specific mention names no target; a
    party the specific act hits never does the general one ('to degrade Hezbollah's offensive
    capabilities')."""
    docs = docs_frame([("d1", "A", "2024-09-17", "")])
    told = same_sentence(
        "Radios exploded on Tuesday after an attack, blamed on Israel.",
        (mention("d1", 1, "sabotage_detonation", "Israel", [], "2024-09-17"), "exploded"),
        (mention("d1", 1, "attack", "Israel", [], "2024-09-17"), "attack"))
    hit = same_sentence(
        "Israel's measures to kill Hezbollah leaders and degrade Hezbollah's offensive.",
        (mention("d1", 2, "targeted_killing", "Israel", ["Hezbollah"], "2024-09-17"), "kill"),
        (mention("d1", 2, "attack", "Hezbollah", [], "2024-09-17"), "offensive"))
    types = dict(EVENT_TYPES, attack={"plover": "ASSAULT", "lane": "operations",
                                      "operation": True})
    out = events.build_events(found_frames(told + hit), docs, None, types, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)["events"]
    assert sorted(out["event_type"]) == ["attack", "sabotage_detonation", "targeted_killing"]
    blasts = out[out["event_type"] == "sabotage_detonation"].iloc[0]
    assert blasts["n_mentions"] == 2
    assert out[out["event_type"] == "attack"].iloc[0]["agent"] == "Hezbollah"


def test_a_stated_month_outside_an_events_days_is_another_occurrence(rules):
    """'had also sent a letter to Israel in April', told in an article about the October
    letter: a month that does not hold the dated event's days is another event."""
    docs = docs_frame([("d1", "A", "2024-10-15", "")])
    october = mention("d1", 1, "phone_call", "Joe Biden", ["Benjamin Netanyahu"],
                      "2024-10-13", text="Biden spoke with Netanyahu on Sunday")
    april = mention("d1", 5, "phone_call", "Joe Biden", ["Benjamin Netanyahu"],
                    lo="2024-04-01", hi="2024-04-30", basis="explicit",
                    text="Biden had also spoken with Netanyahu in April")
    out = events.build_events(found_frames([october, april]), docs, None, EVENT_TYPES,
                              rules=rules, gazetteer=GAZETTEER, focus=FOCUS)
    got = sorted(zip(out["events"]["date_earliest"], out["events"]["date_precision"],
                     strict=True))
    assert got == [("2024-04-01", "month"), ("2024-10-13", "day")]


def test_an_undated_recurring_act_joins_only_the_event_its_own_article_dates(rules):
    """A demand recurs: an undated 'Biden urged Netanyahu' of an article written weeks later
    may speak of any demand, so it stays an event without a date; the same article's undated
    telling, and one of an article written within days (news retold), are the demand the
    first article dates (labels.yaml pressure `recurring`)."""
    docs = docs_frame([("dA", "Wire One", "2024-10-14", ""),
                       ("dB", "Gulf Daily", "2024-10-30", ""),
                       ("dC", "Beltway Blog", "2024-10-16", "")])
    rows = [mention("dA", 1, "demand", "Joe Biden", ["Benjamin Netanyahu"], "2024-10-13",
                    text="Biden urged Netanyahu on Sunday to allow more aid"),
            mention("dA", 2, "demand", "Joe Biden", ["Benjamin Netanyahu"],
                    text="Biden also urged him to avoid oil sites"),
            mention("dB", 3, "demand", "Joe Biden", ["Benjamin Netanyahu"],
                    text="Biden has urged Netanyahu to reach a deal"),
            mention("dC", 4, "demand", "Joe Biden", ["Benjamin Netanyahu"],
                    text="Biden urged Netanyahu in a recent call to allow more aid")]
    types = {**EVENT_TYPES, "demand": {"plover": "DEMAND", "lane": "contacts",
                                       "operation": False}}
    built = events.build_events(found_frames(rows), docs, event_types=types,
                                gazetteer=GAZETTEER, rules=rules, focus=FOCUS)["events"]
    by_date = {str(d): n for d, n in zip(built["date"], built["n_mentions"], strict=True)}
    assert by_date == {"2024-10-13": 3, "": 1}
    # the story's chronology row for that demand is the dated event's: it dates no other one
    row = pd.DataFrame([{"key": "aid_demand", "date": "2024-10-13", "date_latest": "",
                         "event_type": "demand", "actors": "Joe Biden;Benjamin Netanyahu",
                         "keywords": "", "label": "", "source": "x"}])
    built = events.build_events(found_frames(rows), docs, None, types, row, rules=rules,
                                gazetteer=GAZETTEER, focus=FOCUS)["events"]
    assert sorted(built["date"]) == ["", "2024-10-13"]
    assert list(built["chronology_key"]) == ["aid_demand", ""]


@pytest.mark.parametrize(("event_type", "plover", "dated", "undated"), [
    ("accusation", "ACCUSE", "Biden accused Netanyahu on Monday of blocking aid",
     "An aide said on Wednesday, accusing Netanyahu of duplicity"),
    ("restriction", "SANCTION", "Biden expelled Netanyahu's envoy on Monday",
     "Earlier, Biden expelled six of Netanyahu's diplomats"),
])
def test_an_undated_recurring_act_of_an_undated_article_is_not_the_dated_one(
        rules, event_type, plover, dated, undated):
    """Accusations and restrictions recur (over each incident; diplomats expelled one year
    and again the next): an undated one in an article of unknown date may be any of them, so
    it does not join, nor corroborate, the one a wire dates (labels.yaml reproach and
    restriction `recurring`)."""
    docs = docs_frame([("dA", "Wire One", "2024-10-14", ""),
                       ("dB", "Gulf Daily", "", "")])
    rows = [mention("dA", 1, event_type, "Joe Biden", ["Benjamin Netanyahu"], "2024-10-14",
                    text=dated),
            mention("dB", 2, event_type, "", ["Benjamin Netanyahu"], text=undated)]
    types = {**EVENT_TYPES, event_type: {"plover": plover, "lane": "contacts",
                                         "operation": False}}
    built = events.build_events(found_frames(rows), docs, event_types=types,
                                gazetteer=GAZETTEER, rules=rules, focus=FOCUS)["events"]
    by_date = {str(d): n for d, n in zip(built["date"], built["n_mentions"], strict=True)}
    assert by_date == {"2024-10-14": 1, "": 1}


def _two_reports_of_a_call(rules, first_basis: str, more=()):
    """A call told on 2024-08-01 by a later report (dA, a stated day, basis 'relative') and
    by the first one (dB, `first_basis`), plus `more` mentions."""
    docs = docs_frame([("dA", "Wire One", "2024-08-04", ""),
                       ("dB", "Gulf Daily", "2024-08-02", "")])
    rows = [mention("dA", 1, "phone_call", "Joe Biden", ["Benjamin Netanyahu"],
                    "2024-08-01", basis="relative", text="Biden and Netanyahu spoke Thursday"),
            *more,
            mention("dB", 1, "phone_call", "Benjamin Netanyahu", ["Joe Biden"],
                    "2024-08-01", basis=first_basis,
                    text="Netanyahu and Biden spoke on Thursday evening")]
    return events.build_events(found_frames(rows), docs, event_types=EVENT_TYPES,
                               gazetteer=GAZETTEER, rules=rules, focus=FOCUS)["events"]


def test_a_calls_evidence_is_its_first_report_whichever_participant_it_names_first(rules):
    """Two articles tell one call on the same day with the same date basis: the evidence is
    the first published, though it names the participants the other way round (a call has
    participants, not an agent: 'X and Y spoke' names either first)."""
    built = _two_reports_of_a_call(rules, "relative", [
        mention("dA", 2, "phone_call", "Joe Biden", ["Benjamin Netanyahu"], "2024-08-01",
                basis="relative", text="Biden told Netanyahu on Thursday")])
    assert list(built["agent"]) == ["Joe Biden"]
    assert built["evidence"].iloc[0] == "Netanyahu and Biden spoke on Thursday evening"


def test_a_relative_day_shows_the_date_whether_its_anchor_was_stated_or_inferred(rules):
    """'spoke on Thursday evening' in the first report, whose publication day was inferred,
    shows the call's day as plainly as 'spoke by phone Thursday' in a later one with a
    stated day: the evidence is the first report (the surer anchor still votes the date)."""
    built = _two_reports_of_a_call(rules, "relative-inferred")
    assert (built["date"].iloc[0], built["date_basis"].iloc[0]) == ("2024-08-01", "relative")
    assert built["evidence"].iloc[0] == "Netanyahu and Biden spoke on Thursday evening"


def test_an_envoy_summoned_in_another_article_without_a_day_is_another_summons(rules):
    """Summonses recur between the same governments (labels.yaml summons `recurring`): an
    undated 'the ministry summoned the charge d'affaires' in an article written before a
    dated summons is not that summons."""
    docs = docs_frame([("dA", "Wire One", "2024-10-14", ""),
                       ("dB", "Gulf Daily", "2024-10-08", "")])
    rows = [mention("dA", 1, "summons", "Israel", ["US"], "2024-10-13",
                    text="Israel summoned the US ambassador on Sunday"),
            mention("dB", 4, "summons", "Israel", ["US"],
                    text="Earlier, the ministry summoned the US charge d'affaires")]
    types = {**EVENT_TYPES, "summons": {"plover": "PROTEST", "lane": "contacts",
                                        "operation": False}}
    built = events.build_events(found_frames(rows), docs, event_types=types,
                                gazetteer=GAZETTEER, rules=rules, focus=FOCUS)["events"]
    by_date = {str(d): n for d, n in zip(built["date"], built["n_mentions"], strict=True)}
    assert by_date == {"2024-10-13": 1, "": 1}


def test_reported_dates_count_body_sentences_not_headline_lines(rules):
    """A lede's undated news is its body's first sentences: an article opening with a
    headline, a standfirst and a photo caption tells its news in its fifth line. With the
    lede depths of its sentences (headline lines are no body) that sentence is in the lede
    and dated by publication; counted by raw sentence number it stays open."""
    docs = docs_frame([("d1", "A", "2024-09-17", "")])
    text = "The administration stressed the US was not involved in the operation."
    ms = [mention("d1", 5, "statement", "US", ["Israel"], text=text)]
    depths = {("d1", f"d1-s{n:03d}"): depth for n, depth in ((1, 1), (2, 1), (3, 1), (4, 2),
                                                           (5, 2))}
    by_depth = events.build_events(found_frames(ms), docs, None, EVENT_TYPES, rules=rules,
                                   gazetteer=GAZETTEER, focus=FOCUS, lede_depths=depths)
    by_number = events.build_events(found_frames(ms), docs, None, EVENT_TYPES, rules=rules,
                                    gazetteer=GAZETTEER, focus=FOCUS)
    dated = by_depth["events"].iloc[0]
    assert (dated["date_earliest"], dated["date_latest"], dated["date_basis"]) == \
        ("2024-09-16", "2024-09-17", "reported")
    assert by_number["events"].iloc[0]["date_basis"] == "open"


def test_a_states_block_keeps_its_doers_apart(rules):
    """'Iran ordered a strike on Israel' (key Israel, its target) and 'Israel's strikes' (key
    Israel, its doer, no target) share a block, not an act: two events, each with its doer;
    a person killed (unique key) stays one event whoever is said to have done it."""
    docs = docs_frame([("d1", "A", "2024-08-01", ""), ("d2", "B", "2024-10-27", "")])
    ms = [mention("d1", 1, "airstrike", "Iran", ["Israel"], polarity="planned",
                  text="Iran ordered a direct strike on Israel"),
          mention("d2", 1, "airstrike", "Israel", [],
                  text="a heads up ahead of the Israeli strikes")]
    ev = events.build_events(found_frames(ms), docs, None, EVENT_TYPES, rules=rules,
                             gazetteer=GAZETTEER, focus=FOCUS)["events"]
    assert sorted(ev["agent"]) == ["Iran", "Israel"]
    killed = [mention("d1", 1, "targeted_killing", "Israel", ["Ismail Haniyeh"], "2024-07-31"),
              mention("d2", 1, "targeted_killing", "Iran", ["Ismail Haniyeh"], "2024-07-31")]
    one = events.build_events(found_frames(killed), docs, None, EVENT_TYPES, rules=rules,
                              gazetteer=GAZETTEER, focus=FOCUS)["events"]
    assert len(one) == 1
