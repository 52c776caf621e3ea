"""metrics.build_metrics on small invented frames."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from trustbrief import metrics
from trustbrief.contract.vocab import ContactStatus, Notice, StatedMeasure
from trustbrief.knowledge import DataFileError

DATA = Path(__file__).resolve().parents[1] / "data"


def docs_frame(rows):
    """rows: (doc_id, outlet, published, duplicate_of)."""
    return pd.DataFrame([{"doc_id": d, "outlet": o, "published": p, "published_earliest": p,
                          "published_latest": p, "published_basis": "stated",
                          "duplicate_of": dup} for d, o, p, dup in rows])


def signal(doc, n, polarity=-1, direction="US->Israel", negated=False, weight=1.0,
           category="distrust", notice=""):
    return {"signal_id": f"{doc}-s{n:03d}-g1", "doc_id": doc, "sent_id": f"{doc}-s{n:03d}",
            "cue": "c", "category": category, "polarity": polarity, "direction": direction,
            "negated": negated, "notice": notice, "weight": weight, "text": "t"}


def claim(doc, n, speaker_type="anonymous_official", cited=""):
    return {"claim_id": f"{doc}-s{n:03d}-c1", "doc_id": doc, "sent_id": f"{doc}-s{n:03d}",
            "speaker": "x", "speaker_type": speaker_type, "speaker_count": 1,
            "speaker_side": "US", "speaker_role": "", "cited_outlet": cited, "quote": "",
            "text": "t"}


def event(eid, date, etype, label, actors, operation=False, agent_side="", notice="n/a",
          notice_to="", origins=(), status="asserted", docs=("d1",)):
    return {"event_id": eid, "date": date, "date_earliest": date, "date_latest": date,
            "event_type": etype, "label": label, "actors": list(actors),
            "operation": operation, "agent": "", "agent_side": agent_side, "notice": notice,
            "notice_to": notice_to, "origins": list(origins), "status": status,
            "evidence": f"evidence of {label}", "doc_ids": list(docs), "outlets": [],
            "n_origins": len(origins)}


def event_tables(rows, mentions=(), accounts=()):
    """The events stage's tables; each event has one notice account from d1 unless
    `accounts` ((event_id, notice, doc_id) rows) are given."""
    accounts = list(accounts) or [(e["event_id"], e["notice"], "d1") for e in rows]
    return {"events": pd.DataFrame(rows),
            "mentions": pd.DataFrame(list(mentions),
                                     columns=["mention_id", "event_id", "doc_id", "sent_id"]),
            "notice_accounts": pd.DataFrame(accounts, columns=["event_id", "notice", "doc_id"])}


@pytest.fixture(scope="module")
def channels():
    from trustbrief.pipeline import Knowledge

    return Knowledge(DATA).channels  # the shared settings with the default story's channels


def test_rewrites_of_one_report_are_one_origin_and_the_band_shrinks_with_origins():
    docs = docs_frame([("d1", "A", "2024-10-08", ""), ("d2", "B", "2024-10-08", ""),
                       ("d3", "C", "2024-10-08", "")])
    sigs = [signal(d, 1) for d in ("d1", "d2", "d3")]
    citing = {"trust_signals": pd.DataFrame(sigs),
              "claims": pd.DataFrame([claim(d, 1, "outlet", "Axios") for d in docs["doc_id"]])}
    own = {"trust_signals": pd.DataFrame(sigs), "claims": pd.DataFrame()}
    one = metrics.trust_index(event_tables([]), citing, docs, "US->Israel").iloc[0]
    three = metrics.trust_index(event_tables([]), own, docs, "US->Israel").iloc[0]
    assert (one["n_origins"], three["n_origins"]) == (1, 3)
    assert one["index"] == three["index"] == -1.0       # corroboration is not magnitude
    assert three["high"] - three["low"] < one["high"] - one["low"]


def test_the_origins_the_caller_built_are_the_ones_read():
    # the pipeline builds the origin rule once for events and metrics (Origins.from_tables):
    # given, it is read instead of built again from the claims
    from trustbrief.origins import Origins

    docs = docs_frame([("d1", "A", "2024-10-08", ""), ("d2", "B", "2024-10-08", ""),
                       ("d3", "C", "2024-10-08", "")])
    sigs = pd.DataFrame([signal(d, 1) for d in ("d1", "d2", "d3")])
    citing = {"trust_signals": sigs,
              "claims": pd.DataFrame([claim(d, 1, "outlet", "Axios") for d in docs["doc_id"]])}
    built = metrics.trust_index(event_tables([]), citing, docs, "US->Israel")
    given = metrics.trust_index(event_tables([]), citing, docs, "US->Israel",
                                origins=Origins.from_tables(docs, citing["claims"]))
    pd.testing.assert_frame_equal(given, built, check_exact=True)
    own = metrics.trust_index(event_tables([]), citing, docs, "US->Israel",
                              origins=Origins.from_tables(docs, pd.DataFrame()))
    assert (built.iloc[0]["n_origins"], own.iloc[0]["n_origins"]) == (1, 3)


def test_signals_are_dated_by_sentence_then_operation_then_publication():
    docs = docs_frame([("d1", "A", "2024-10-08", ""), ("dup", "A", "2024-10-08", "d1")])
    found = {
        "trust_signals": pd.DataFrame([
            signal("d1", 1, category="surprise"),           # about the strike
            signal("d1", 2),                                  # 'last Friday'
            signal("d1", 5, category="surprise"),             # strike + 'last Friday'
            signal("d1", 3),                                  # nothing: publication
            signal("d1", 4, direction="Israel->US"),          # other direction: left out
            signal("dup", 1),                                 # duplicate: left out
        ]),
        "time_expressions": pd.DataFrame([
            {"time_id": "d1-s002-t1", "doc_id": "d1", "sent_id": "d1-s002", "kind": "weekday",
             "text": "last Friday", "date": "2024-10-04", "measure_days": float("nan")},
            {"time_id": "d1-s005-t1", "doc_id": "d1", "sent_id": "d1-s005", "kind": "weekday",
             "text": "last Friday", "date": "2024-10-04", "measure_days": float("nan")}]),
    }
    tables = event_tables(
        [event("e001", "2024-09-27", "targeted_killing", "Israel kills X", ["Israel", "X"],
               operation=True, agent_side="Israel", notice="minutes", notice_to="US",
               origins=["A"])],
        [{"mention_id": "d1-s001-m1", "event_id": "e001", "doc_id": "d1",
          "sent_id": "d1-s001"},
         {"mention_id": "d1-s005-m1", "event_id": "e001", "doc_id": "d1",
          "sent_id": "d1-s005"}])
    ti = metrics.trust_index(tables, found, docs, "US->Israel").set_index("date")
    assert list(ti.index) == ["2024-09-27", "2024-10-04", "2024-10-08"]
    dated_by = ["n_dated_by_sentence", "n_dated_by_event", "n_dated_by_publication"]
    assert ti.loc["2024-09-27", dated_by].tolist() == [0, 2, 0]  # the signal and the impact
    assert ti.loc["2024-09-27", "events"] == ["Israel kills X"]
    assert ti.loc["2024-10-04", dated_by].tolist() == [2, 0, 0]
    assert ti.loc["2024-10-04", "events"] == ["Israel kills X"]
    assert ti.loc["2024-10-08", dated_by].tolist() == [0, 0, 1]
    assert ti["index"].is_monotonic_decreasing


def test_operations_without_notice_weigh_on_their_day(channels):
    docs = docs_frame([("d1", "A", "2024-10-08", "")])
    tables = event_tables([
        event("e001", "2024-07-31", "targeted_killing", "K", ["Israel"], operation=True,
              agent_side="Israel", notice="none", notice_to="US", origins=["A"]),
        event("e002", "2024-10-01", "missile_attack", "M", ["Iran"], operation=True,
              agent_side="Iran"),                             # third party: no impact
    ])
    ti = metrics.trust_index(tables, {}, docs, ("US", "Israel"), channels)
    assert list(ti["date"]) == ["2024-07-31"]
    assert ti.iloc[0]["change"] == channels.notice_impact["none"]


def test_negated_cues_flip_and_shrink(channels):
    docs = docs_frame([("d1", "A", "2024-10-08", "")])
    found = {"trust_signals": pd.DataFrame([signal("d1", 1, negated=True)])}
    ti = metrics.trust_index(event_tables([]), found, docs, "US->Israel", channels)
    assert ti.iloc[0]["index"] == pytest.approx(channels.negated_factor)


def test_notice_ledger_lists_operations_only():
    tables = event_tables([
        event("e001", "2024-09-27", "targeted_killing", "K", [], operation=True,
              agent_side="Israel", notice="minutes", notice_to="US"),
        event("e002", "2024-10-09", "phone_call", "C", []),
    ])
    ledger = metrics.notice_ledger(tables)
    assert list(ledger["event_id"]) == ["e001"] and ledger.iloc[0]["notice"] == "minutes"
    assert list(ledger.columns) == list(metrics.SCHEMA["notice_ledger"])


def cadence_inputs():
    docs = docs_frame([("d1", "A", "2024-10-08", ""), ("d2", "B", "2024-10-09", ""),
                       ("d3", "C", "2024-09-29", "")])
    people = {"d1-s001": ["Joe Biden", "Benjamin Netanyahu"],
              "d2-s001": ["Joe Biden", "Benjamin Netanyahu"],
              "d3-s001": ["Lloyd Austin", "Yoav Gallant"],
              "d3-s002": ["Lloyd Austin", "Yoav Gallant"]}
    texts = {"d1-s001": "Biden and Netanyahu have not talked in nearly 50 days.",
             "d2-s001": "It will be the first conversation of Biden and Netanyahu in two months.",
             "d3-s001": "The two have spoken by phone over 125 times during the war.",
             "d3-s002": "Austin and Gallant spoke several times in a day."}
    times = [("d1-s001", "duration", "nearly 50 days", 50.0),
             ("d2-s001", "duration", "two months", 60.0),
             ("d3-s001", "count", "over 125 times", float("nan")),
             ("d3-s002", "duration", "in a day", 1.0)]
    found = {
        "actor_mentions": pd.DataFrame([{"doc_id": s[:2], "sent_id": s, "actor": a}
                                        for s, names in people.items() for a in names]),
        "mentions": pd.DataFrame([{"doc_id": s[:2], "sent_id": s, "actors": "", "text": t}
                                  for s, t in texts.items()]),
        "time_expressions": pd.DataFrame([
            {"time_id": f"{s}-t1", "doc_id": s[:2], "sent_id": s, "kind": k, "text": t,
             "measure_days": m, "date": ""} for s, k, t, m in times]),
    }
    tables = event_tables([
        event("e001", "2024-10-09", "phone_call", "Biden and Netanyahu speak by phone",
              ["Joe Biden", "Benjamin Netanyahu"], docs=("d2",)),
        event("e002", "2024-10-12", "phone_call", "Biden and Netanyahu to speak again",
              ["Joe Biden", "Benjamin Netanyahu"], status="planned", docs=("d2",)),
    ])
    return tables, found, docs


def test_cadence_reads_events_and_stated_silences(channels):
    tables, found, docs = cadence_inputs()
    out = metrics.cadence(tables, found, docs, channels)
    cad, conflicts, contacts = out["cadence"], out["count_conflicts"], out["contacts"]
    assert list(cad.columns) == list(metrics.SCHEMA["cadence"])
    assert cad["channel"].is_unique
    leaders = cad.set_index("channel").loc["leaders"]
    assert leaders["last_contact"] == "2024-10-09" and leaders["days_since"] == 0
    assert leaders["channel_label"].startswith("Leaders")
    # one dated contact only: the gap before it comes from the most precise stated silence
    assert leaders["previous_gap_days"] == 50 and leaders["previous_gap_basis"] == "stated"
    stated = out["stated_measures"]
    said = {(r.channel, r.measure, r.value, r.doc_id) for r in stated.itertuples()}
    assert {("leaders", StatedMeasure.SILENCE, "nearly 50 days", "d1"),
            ("leaders", StatedMeasure.SILENCE, "two months", "d2"),
            # 'in a day' is no silence
            ("defense", StatedMeasure.CONTACTS, "over 125 times", "d3")} == said
    assert stated.set_index("value").loc["nearly 50 days", "days"] == 50
    assert pd.isna(stated.set_index("value").loc["over 125 times", "days"])
    assert leaders["next_planned_label"].startswith("Biden and Netanyahu to speak again")
    assert (leaders["next_planned_date"], leaders["next_planned_status"]) == (
        "2024-10-12", ContactStatus.PLANNED)
    defense = cad.set_index("channel").loc["defense"]
    assert defense["last_contact"] == "" and pd.isna(defense["days_since"])
    assert dict(zip(conflicts["value"], conflicts["account"], strict=True)) == {
        "nearly 50 days": "accepted", "two months": "disagrees"}
    assert list(contacts.columns) == list(metrics.SCHEMA["contacts"])
    assert dict(zip(contacts["event_id"], contacts["status"], strict=True)) == {
        "e001": "asserted", "e002": "planned"}


def test_cadence_gap_from_two_dated_contacts_and_blocked_plans(channels):
    docs = docs_frame([("d1", "A", "2024-10-09", "")])
    tables = event_tables([
        event("e001", "2024-08-21", "phone_call", "call 1", ["Joe Biden", "Benjamin Netanyahu"]),
        event("e002", "2024-10-01", "phone_call", "call 2", ["Joe Biden", "Benjamin Netanyahu"]),
        event("e003", "2024-10-15", "phone_call", "call 3", ["Joe Biden", "Benjamin Netanyahu"],
              status="planned"),
        event("e004", "2024-10-09", "meeting_visit", "visit", ["Lloyd Austin", "Yoav Gallant"],
              status="planned"),
        dict(event("e005", "2024-10-08", "visit_blocked", "block",
                   ["Benjamin Netanyahu", "Yoav Gallant"]), targets=["Yoav Gallant"]),
    ])
    out = metrics.cadence(tables, {}, docs, channels)
    cad, contacts = out["cadence"], out["contacts"]
    leaders = cad.set_index("channel").loc["leaders"]
    assert leaders["last_contact"] == "2024-10-01" and leaders["days_since"] == 8
    assert leaders["previous_gap_days"] == 41 and leaders["previous_gap_basis"] == "events"
    status = dict(zip(contacts["event_id"], contacts["status"], strict=True))
    # Netanyahu's block stopped Gallant's trip, not Netanyahu's own call
    assert status == {"e001": "asserted", "e002": "asserted", "e003": "planned",
                      "e004": "blocked"}
    assert cad.set_index("channel").loc["defense", "next_planned_status"] == "blocked"


def test_a_contact_dated_only_to_a_month_is_no_day_to_count_a_gap_from(channels):
    """'They met in September' is a contact somewhere in September: neither the last contact
    nor the start of a silence counted in days (the 1st of the month is no day it happened).
    The gap before the last contact cannot be counted, and no stated gap stands for it here."""
    docs = docs_frame([("d1", "A", "2024-10-09", "")])
    people = ["Joe Biden", "Benjamin Netanyahu"]
    month = dict(event("e002", "2024-09-01", "meeting_visit", "they met in September", people),
                 date_latest="2024-09-30")
    tables = event_tables([event("e001", "2024-05-20", "phone_call", "call 1", people), month,
                           event("e003", "2024-10-08", "phone_call", "call 3", people)])
    leaders = metrics.cadence(tables, {}, docs, channels)["cadence"].set_index(
        "channel").loc["leaders"]
    assert leaders["last_contact"] == "2024-10-08" and leaders["days_since"] == 1
    assert pd.isna(leaders["previous_gap_days"]) and leaders["previous_gap_basis"] == ""
    # the same month-dated contact BEFORE the last two day-dated ones leaves their gap whole
    earlier = dict(month, date="2024-04-01", date_earliest="2024-04-01",
                   date_latest="2024-04-30")
    tables = event_tables([event("e001", "2024-05-20", "phone_call", "call 1", people), earlier,
                           event("e003", "2024-10-08", "phone_call", "call 3", people)])
    leaders = metrics.cadence(tables, {}, docs, channels)["cadence"].set_index(
        "channel").loc["leaders"]
    assert leaders["previous_gap_days"] == 141 and leaders["previous_gap_basis"] == "events"


def test_notice_ledger_accounts_name_outlets_and_vague_operations_can_be_left_out():
    docs = docs_frame([("d1", "Wire One", "2024-09-29", ""), ("d2", "unknown", "", "")])
    docs["file"] = ["a.txt", "b.txt"]
    vague = dict(event("e002", "", "airstrike", "vague strikes", [], operation=True,
                       agent_side="Israel", notice="none", notice_to="US"), named_targets=[])
    named = dict(vague, event_id="e003", named_targets=["Hezbollah"])
    tables = event_tables([
        event("e001", "2024-09-27", "targeted_killing", "K", [], operation=True,
              agent_side="Israel", notice="minutes", notice_to="US"), vague, named],
        accounts=[("e001", Notice.MINUTES, "d1"), ("e001", Notice.MINUTES, "d2"),
                  ("e001", Notice.NONE, "d2")])
    ledger = metrics.notice_ledger(tables, docs, "dated_or_target")
    assert list(ledger["event_id"]) == ["e003", "e001"] or \
        set(ledger["event_id"]) == {"e001", "e003"}
    row = ledger.set_index("event_id").loc["e001"]
    assert row["accounts"] == ("minutes: Wire One (2024-09-29), unknown outlet (b.txt); "
                               "none: unknown outlet (b.txt)")
    assert row["n_accounts"] == 3
    assert set(metrics.notice_ledger(tables, docs, "any")["event_id"]) == {
        "e001", "e002", "e003"}


def test_sourcing_counts_claims_per_outlet():
    docs = docs_frame([("d1", "A", "2024-10-08", ""), ("d2", "unknown", "2024-10-08", ""),
                       ("d3", "A", "2024-10-08", "d1"), ("d4", "", "2024-10-08", "")])
    docs["file"] = ["1.txt", "2.txt", "3.txt", "4.txt"]
    found = {"claims": pd.DataFrame([claim("d1", 1), claim("d1", 2, "named_official"),
                                     claim("d2", 1, "outlet", "Axios"), claim("d3", 1),
                                     claim("d4", 1)])}
    src = metrics.sourcing(found, docs)
    assert list(src.columns)[:4] == ["outlet", "named_official", "anonymous_official",
                                     "cited_outlet"]
    src = src.set_index("outlet")
    assert src.loc["A", "anonymous_official"] == 1 and src.loc["A", "total"] == 2  # no dup
    assert src.loc["unknown outlet (2.txt)", "cited_outlet"] == 1
    assert src.loc["unknown outlet (4.txt)", "total"] == 1


def test_build_metrics_contract(channels):
    tables, found, docs = cadence_inputs()
    out = metrics.build_metrics(tables, found, docs, ("US", "Israel"), channels)
    assert set(out) == set(metrics.SCHEMA)
    for name, frame in out.items():
        assert list(frame.columns) == list(metrics.SCHEMA[name]), name
    assert "origin" in metrics.METHOD and "sqrt" in metrics.METHOD


@pytest.mark.parametrize("body, reason", [
    ("channels: [{id: a, name: A, actors: [X], contact_types: [phone_call]}]\n", "two actors"),
    ("channels: [{id: a, name: A, actors: [X, Y]}]\n", "missing key"),
    ("channels: []\ncontact_cues: ['(unclosed']\n", "bad pattern"),
    ("channels: []\nindex: {sd: 0}\n", "above 0"),
    ("channels: []\nindex: {notice_impact: {weeks: 1}}\n", "levels"),
])
def test_channel_file_errors(tmp_path, body, reason):
    (tmp_path / "channels.yaml").write_text("# test\n" + body)
    with pytest.raises(DataFileError, match=reason):
        metrics.load_channels(tmp_path)


def test_ledger_evidence_is_the_accepted_notice_account():
    import pandas as pd

    from trustbrief import metrics

    conflicts = pd.DataFrame({
        "fact": ["notice", "notice", "date"], "event_id": ["e1", "e1", "e1"],
        "account": ["accepted", "disagrees", "accepted"],
        "evidence": ["told minutes before", "caught off guard", "on Friday"]})
    assert metrics.notice._accepted_notice_evidence(conflicts) == {"e1": "told minutes before"}
    assert metrics.notice._accepted_notice_evidence(pd.DataFrame()) == {}
