"""Key findings: derived from the tables (change a table, the sentence changes), cited, 3-5."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from fixtures.brief_tables import brief_tables
from trustbrief.brief import annex, front
from trustbrief.brief.findings import base as findings_base
from trustbrief.brief.findings import notice as findings_notice
from trustbrief.brief.findings import statements as findings_statements
from trustbrief.brief.findings import summary as findings_summary
from trustbrief.brief.views import cells as views_cells
from trustbrief.contract.vocab import Polarity, StatedMeasure, TrustCategory

START, END = "2024-07-01", "2024-10-31"
FOCUS = "US->Israel"  # the fixture story's pair (observer->subject)


@pytest.fixture
def tables():
    return brief_tables()


def by_kind(tables, start=START, end=END) -> dict[str, findings_base.Finding]:
    return {f.kind: f for f in findings_summary.key_findings(tables, start, end, FOCUS)}


def test_three_to_five_plain_text_findings_each_cited(tables):
    result = findings_summary.key_findings(tables, START, END, FOCUS)
    assert 3 <= len(result) <= len(findings_summary.FINDERS)
    for finding in result:
        assert finding.available and finding.citations, finding
        assert "<" not in finding.text and ">" not in finding.text.replace("->", "")
        for citation in finding.citations:
            assert len(citation) == 5 and citation.doc_id


def test_notice_finding_names_the_operations_from_the_ledger(tables):
    text = by_kind(tables)["notice"].text
    assert text.startswith("3 of the 4 dated operations")
    assert "Hassan Nasrallah" in text and "minutes of notice" in text
    # each named as the other findings name events: its label quoted, then its day
    assert re.search(r"“[^”]*Hassan Nasrallah[^”]*” on \d{1,2} \w{3} \d{4} \(", text)
    changed = dict(tables)
    changed["notice_ledger"] = tables["notice_ledger"].assign(
        notice=tables["notice_ledger"]["notice"].replace("none", "days"))
    text = by_kind(changed)["notice"].text
    assert text.startswith("1 of the 4 dated operations") and "Ismail Haniyeh" not in text


def test_notice_finding_falls_back_to_the_events_table(tables):
    without = {k: v for k, v in tables.items() if k != "notice_ledger"}
    assert by_kind(without)["notice"].text.startswith("3 of the 4 dated operations")




def test_cadence_finding_is_written_from_the_channel_table(tables):
    finding = by_kind(tables)["cadence"]
    text = finding.text
    assert text.startswith("Leaders (Biden - Netanyahu) had had no contact for nearly 50 days "
                           "(another account: two months) before the one planned for "
                           "9 Oct 2024")
    assert "Defense chiefs (Austin - Gallant), in contact over 125 times during the war" in text
    assert "blocked on 8 Oct 2024" in text
    assert "leaders channel" not in text and "security_advisers" not in text
    assert {"Al Mayadeen English", "The Jerusalem Post"} <= {c.outlet for c in
                                                           finding.citations}
    changed = dict(tables)
    stated = tables["stated_measures"]
    changed["stated_measures"] = stated[stated["measure"] != StatedMeasure.SILENCE]
    changed["cadence"] = tables["cadence"].assign(previous_gap_basis=["events", "", ""],
                                                  previous_gap_days=["61", "", ""])
    # a silence measured between reported contacts says so: it is no stated silence
    measured = by_kind(changed)["cadence"]
    assert "had had no reported contact for 61 days before" in measured.text
    assert "no contact for 61" not in measured.text


def test_cadence_finding_with_a_silence_but_no_dated_contact(tables):
    """'have not spoken in nearly 50 days' with no dated call: the gap ends at the planned
    contact, or at the time of writing - never at an empty date."""
    cadence = tables["cadence"].copy()
    leaders = cadence["channel"] == "leaders"
    cadence.loc[leaders, ["last_contact", "last_contact_status", "days_since"]] = ""
    changed = {**tables, "cadence": cadence}
    text = by_kind(changed)["cadence"].text
    assert text.startswith("Leaders (Biden - Netanyahu) had had no contact for nearly 50 days "
                           "(another account: two months) before the one planned for "
                           "9 Oct 2024")
    cadence.loc[leaders, ["next_planned_label", "next_planned_date", "next_planned_status"]] = ""
    text = by_kind({**tables, "cadence": cadence})["cadence"].text
    as_of = views_cells.day_label(views_cells.to_date(cadence.loc[leaders, "as_of"].iloc[0]))
    assert f"no contact for nearly 50 days (another account: two months) as of {as_of}" in text
    assert " on ;" not in text and " on ." not in text


def test_cadence_finding_never_repeats_a_channel(tables):
    doubled = dict(tables)
    doubled["cadence"] = pd.concat([tables["cadence"]] * 3, ignore_index=True)
    text = by_kind(doubled)["cadence"].text
    assert text.count("Leaders (Biden - Netanyahu)") == 1
    assert text.count("Defense chiefs") == 1


def test_cadence_finding_reads_the_older_table_and_the_stated_measures(tables):
    from fixtures.brief_tables import cadence_statements

    old = {k: v for k, v in tables.items() if k not in ("cadence", "contacts")}
    old["cadence"] = cadence_statements()
    text = by_kind(old)["cadence"].text
    assert "nearly 50 days" in text and "over 125 times" in text
    finding = by_kind(tables)["cadence"]
    assert "nearly 50 days (another account: two months)" in finding.text
    assert "(d3c4" not in finding.text  # the stating documents are citations, not text
    assert {"d3c4d5e6f70", "d2b3c4d5e6f"} <= {c.doc_id for c in finding.citations}


def test_operations_in_period_counts_only_dated_operations(tables):
    ops = findings_notice.operations_in_period(tables["events"], START, END)
    assert list(ops["event_id"]) == ["e001", "e003", "e009", "e004"]  # e010 is undated
    assert list(findings_notice.operations_in_period(tables["events"], "2024-09-01", "2024-09-30")
                ["event_id"]) == ["e003", "e009", "e004"]
    flagged = tables["events"].assign(operation="false")
    assert findings_notice.operations_in_period(flagged, START, END).empty
    n = len(ops)
    assert f"of the {n} dated operations" in by_kind(tables)["notice"].text


def test_origins_finding_counts_independent_origins(tables):
    text = by_kind(tables)["origins"].text
    assert "3 articles" in text and "1 independent origin: Axios" in text
    changed = dict(tables)
    claims = tables["claims"].copy()
    claims.loc[claims["doc_id"] == "d5e6f708192", "cited_outlet"] = "Reuters"
    changed["claims"] = claims
    assert "2 independent origins" in by_kind(changed)["origins"].text


def test_coverage_finding_picks_the_most_reported_dated_event(tables):
    text = by_kind(tables)["coverage"].text
    assert "Hassan Nasrallah" in text and "4 documents" in text and "3 independent" in text
    narrow = by_kind(tables, "2024-10-01", "2024-10-31")["coverage"].text
    assert "US officials say trust" in narrow


def test_citations_mark_unknown_outlets_and_inferred_dates(tables):
    citations = by_kind(tables)["notice"].citations
    formatted = [findings_base.format_citation(c) for c in citations]
    assert "unknown outlet (001_monitor.txt), 2024-10-09 (date inferred)" in formatted
    assert "unknown outlet (003_digest.txt), undated" in formatted
    assert "The Jerusalem Post, 2024-09-29" in formatted
    dates = [c.date for c in citations if c.date != "undated"]
    assert dates == sorted(dates)


def test_missing_tables_give_findings_that_say_what_is_missing():
    result = findings_summary.key_findings({}, START, END, FOCUS)
    assert len(result) == 3
    assert all(not f.available and not f.citations for f in result)
    assert "notice ledger is empty" in result[0].text
    only_events = {"events": brief_tables()["events"], "documents": pd.DataFrame()}
    kinds = [f.kind for f in findings_summary.key_findings(only_events, START, END, FOCUS)]
    assert kinds[:2] == ["notice", "coverage"] and len(kinds) == 3


def test_headline_states_the_finding_with_its_numbers(tables):
    line = front.headline(tables, START, END, FOCUS)
    # the fourth operation's notice is unknown: it is no operation with more notice
    assert line.startswith("Israel gave the US little or no notice of all 3 operations whose "
                           "notice is reported")
    reported = dict(tables)
    reported["notice_ledger"] = tables["notice_ledger"].assign(
        notice=tables["notice_ledger"]["notice"].replace({"unknown": "days"}))
    assert front.headline(reported, START, END, FOCUS).startswith(
        "Israel gave the US little or no notice of 3 of 4 operations, and")
    assert "statements voice US distrust" in line
    changed = dict(tables)
    changed["notice_ledger"] = tables["notice_ledger"].assign(notice="days")
    assert "little or no notice" not in front.headline(changed, START, END, FOCUS)
    assert front.headline({}, START, END, FOCUS).startswith("What 0 articles report")


def test_statements_finding_counts_statements_by_origin_and_sourcing(tables):
    text = by_kind(tables)["trust"].text
    assert text.startswith("5 statements of US distrust of Israel")
    assert "anonymous officials" in text and "independent origin" in text
    other = findings_statements.statements_finding(tables, START, END, "Israel->US")
    assert not other.available


def test_findings_accept_a_tables_object_with_getitem(tables):
    class Tables:
        def __init__(self, frames):
            self.frames = frames

        def __getitem__(self, name):
            return self.frames.get(name, pd.DataFrame())

    assert [f.text for f in findings_summary.key_findings(Tables(tables), START, END, FOCUS)] == [
        f.text for f in findings_summary.key_findings(tables, START, END, FOCUS)]


def test_an_outlet_written_as_unknown_is_treated_as_missing(tables):
    changed = dict(tables)
    docs = tables["documents"].copy()
    docs["outlet"] = docs["outlet"].replace("", "unknown")
    changed["documents"] = docs
    formatted = [findings_base.format_citation(c) for c in by_kind(changed)["notice"].citations]
    assert "unknown outlet (001_monitor.txt), 2024-10-09 (date inferred)" in formatted
    assert "(2 named outlets and 1 of unknown outlet)" in by_kind(changed)["origins"].text


def test_findings_do_not_mutate_the_tables(tables):
    before = {name: frame.copy() for name, frame in tables.items()}
    findings_summary.key_findings(tables, START, END, FOCUS)
    front.headline(tables, START, END, FOCUS)
    for name, frame in tables.items():
        pd.testing.assert_frame_equal(frame, before[name])




def test_central_claim_prefers_eroding_signals_as_the_pipeline_writes_them(tables):
    """Polarity is -1/1 in trust_signals.csv: a builds-trust category reported by more
    documents must not outrank the most repeated eroding one."""
    from trustbrief.brief.findings import origins as findings_origins

    positive = pd.DataFrame([
        {"signal_id": f"{d}-p", "doc_id": d, "sent_id": f"{d}-s001", "cue": "close partner",
         "category": TrustCategory.POSITIVE, "polarity": str(Polarity.BUILDS.value),
         "direction": "US->Israel", "negated": "False",
         "notice": "", "weight": "1", "text": "close partner"}
        for d in tables["documents"]["doc_id"]])
    changed = dict(tables)
    changed["trust_signals"] = pd.concat([tables["trust_signals"].astype(str), positive],
                                         ignore_index=True)
    claim = findings_origins.central_claim(changed, "US->Israel")
    assert claim["category"] == TrustCategory.DISTRUST
    only_positive = dict(tables, trust_signals=positive)
    assert findings_origins.central_claim(only_positive, "US->Israel")["category"] == "positive"


def test_a_silence_with_undated_contacts_on_its_channel_is_judged_at_low_confidence(tables):
    """A gap measured between dated contacts is an absence of dated reports: a call on the
    same channel that no article dates may fall inside it, so the judgement is held at low.
    A silence the articles state is evidence, not absence, and keeps its confidence."""
    from trustbrief.brief.judgements import judge

    def cadence_judgement(frame_tables):
        finding = by_kind(frame_tables)["cadence"]
        return finding, judge(frame_tables, [finding], FOCUS)[0]

    finding, judged = cadence_judgement(tables)
    assert (finding.ceiling, finding.ceiling_reason) == ("high", "")
    undated = tables["contacts"].iloc[[0]].assign(event_id="e099", date="", date_basis="open")
    with_undated = {**tables, "contacts": pd.concat([tables["contacts"], undated],
                                                    ignore_index=True)}
    stated, _ = cadence_judgement(with_undated)  # the fixture's silence is stated by articles
    assert stated.ceiling == "high"
    measured = tables["cadence"].assign(previous_gap_basis=["events", "", ""],
                                        previous_gap_days=["61", "", ""])
    with_undated["cadence"] = measured
    finding, judged = cadence_judgement(with_undated)
    assert finding.ceiling == "low" and judged.confidence == "low"
    assert finding.ceiling_reason == "1 reported contact on this channel could not be dated"
    assert judged.statement.startswith("There is a roughly even chance")
    # it says what is known: no DATED contact, and the undated one by name; never 'no contact'
    label = undated["label"].iloc[0]
    assert "the articles date no contact between" in finding.text
    assert f"(“{label}”), so the silence may be shorter" in finding.text
    assert "(61 days)" in finding.text and "had had no contact" not in finding.text
    # a contact only planned was not held: it fills no silence
    with_undated["contacts"] = pd.concat([tables["contacts"], undated.assign(status="planned")],
                                         ignore_index=True)
    planned, _ = cadence_judgement(with_undated)
    # press reports of some contacts cannot prove that there were no others: a measured
    # silence is held at moderate and says 'no reported contact', never 'no contact'
    assert planned.ceiling == "moderate" and planned.ceiling_reason.startswith(
        "the silence is measured between the contacts the articles report")
    assert "had had no reported contact for 61 days" in planned.text


def test_one_operation_without_little_notice_reads_as_one(tables):
    ledger = tables["notice_ledger"]
    one = ledger[(ledger["notice"] == "unknown") & (ledger["date"] != "")]
    assert len(one) == 1
    # the ledger's dated rows stand in when there is no events table
    only = {k: v for k, v in tables.items() if k != "events"}
    text = by_kind({**only, "notice_ledger": one})["notice"].text
    assert text.startswith("The only dated operation ") and "is not reported as" in text
    assert "None of the 1" not in text


def test_a_channel_without_a_stated_count_reads_without_a_stray_comma(tables):
    stated = tables["stated_measures"]
    no_counts = {**tables, "stated_measures": stated[stated["measure"] != StatedMeasure.CONTACTS]}
    text = by_kind(no_counts)["cadence"].text
    assert "Defense chiefs (Austin - Gallant) saw a contact blocked on 8 Oct 2024" in text


def test_a_plan_the_contacts_show_blocked_is_not_to_watch():
    events = pd.DataFrame({"event_id": ["e001", "e002"], "status": ["planned", "planned"],
                           "date": ["2024-10-09", "2024-10-10"], "doc_ids": ["d1", "d2"],
                           "label": ["A and B meet (planned)", "A and B speak by phone (planned)"]})
    contacts = pd.DataFrame({"channel": ["defense"], "event_id": ["e001"], "status": ["blocked"],
                             "date": ["2024-10-09"]})
    watched = front.what_to_watch({"events": events, "contacts": contacts}, START, END, FOCUS,
                                  pd.DataFrame(columns=["fact", "subject", "doc_ids"]))
    assert [w.text for w in watched] == [
        "“A and B speak by phone” (10 Oct 2024): planned; no article reports it held."]


def test_notice_finding_names_a_few_operations_whatever_the_corpus(tables):
    from trustbrief.brief.findings.notice import NAMED_OPERATIONS, notice_finding

    events = tables["events"]
    many = pd.concat([events[events["event_id"] == "e001"].assign(
        event_id=f"x{i:03d}", date=f"2024-08-{i + 1:02d}", date_earliest=f"2024-08-{i + 1:02d}",
        date_latest=f"2024-08-{i + 1:02d}") for i in range(20)], ignore_index=True)
    found = notice_finding({**tables, "events": many, "notice_ledger": pd.DataFrame()},
                           START, END, FOCUS)
    assert found.text.startswith("All 20 dated operations")
    assert found.text.count(" on ") <= NAMED_OPERATIONS + 1
    assert f"and {20 - NAMED_OPERATIONS} more operations." in found.text


def test_one_sides_corroborated_demand_of_the_other_is_an_open_question_to_watch():
    """A demand by one side of the pair on the other (its target, or a target's side),
    in the period or undated, from two or more origins, is watched for the answer; a demand
    within one side, from one origin, or whose label only says who asked whom is not."""
    events = pd.DataFrame({
        "event_id": ["e1", "e2", "e3", "e4", "e5"],
        "plover": ["DEMAND"] * 5, "status": ["asserted"] * 5,
        "date": ["2024-10-13", "", "2024-10-14", "2024-10-15", "2024-10-16"],
        "agent": ["US", "Israel", "Leader A", "US", "US"],
        "agent_side": ["US", "Israel", "US", "US", "US"],
        "targets": ["Israel", "Minister B", "Leader B", "Israel", "US"],
        "label": ["US urged Israel to calibrate its response", "Israel asked B to stay home",
                  "Leader A asked Leader B", "US asked Israel for clarity",
                  "US urged its own envoy"],
        "n_origins": [3, 2, 3, 1, 4], "doc_ids": ["d1", "d2", "d3", "d4", "d5"]})
    actor_mentions = pd.DataFrame({"actor": ["Minister B", "Leader A", "Leader B"],
                                   "side": ["US", "US", "Israel"]})
    contacts = pd.DataFrame(columns=["event_id", "status"])
    watched = front.what_to_watch({"events": events, "actor_mentions": actor_mentions,
                                   "contacts": contacts}, START, END, FOCUS,
                                  pd.DataFrame(columns=["fact", "subject", "doc_ids"]))
    assert [w.text for w in watched] == [
        "Open question: how Israel answers the demand by the US: “US urged Israel to calibrate "
        "its response” (13 Oct 2024).",
        "Open question: how the US answers the demand by Israel: “Israel asked B to stay home” "
        "(undated)."]
    assert watched[0].doc_ids == ["d1"]


def test_a_demand_the_articles_report_met_is_no_open_question():
    """'A demanded B apologize' holds B's apology as a wish: an apology by B asserted elsewhere,
    not dated wholly before the demand, answers it; one dated before it does not."""
    def watched(apology_latest: str) -> list[str]:
        events = pd.DataFrame({
            "event_id": ["e1", "e2"], "plover": ["DEMAND", "CONSULT"],
            "status": ["asserted"] * 2, "date": ["", apology_latest],
            "date_earliest": ["2024-10-10" if apology_latest else "", apology_latest],
            "date_latest": ["", apology_latest], "agent": ["US", "Israel"],
            "agent_side": ["US", "Israel"], "targets": ["Israel", "US"],
            "label": ["US demanded Israel apologize", "Leaders speak by phone"],
            "n_origins": [2, 2], "doc_ids": ["d1", "d2"], "mention_ids": ["d1-s001-m1", ""]})
        mentions = pd.DataFrame({
            "mention_id": ["d1-s001-m1", "d1-s001-m2", "d2-s001-m1"],
            "sent_id": ["d1-s001", "d1-s001", "d2-s001"], "event_id": ["e1", "", "e2"],
            "event_type": ["demand", "apology", "apology"],
            "polarity": ["asserted", "wish", "asserted"],
            "agent_side": ["US", "Israel", "Israel"]})
        return [w.text for w in front.what_to_watch(
            {"events": events, "mentions": mentions, "contacts": pd.DataFrame(
                columns=["event_id", "status"])}, START, END, FOCUS,
            pd.DataFrame(columns=["fact", "subject", "doc_ids"]))]
    assert watched("2024-10-12") == []
    assert watched("") == []
    assert watched("2024-10-01") == [
        "Open question: how Israel answers the demand by the US: “US demanded Israel "
        "apologize” (undated)."]


def test_a_month_dated_event_is_watched_with_its_month_never_a_made_up_day():
    """An event the articles date only to a month (date_precision 'month', its date the
    month's first day) is named with the month in 'What to watch', as on the timeline."""
    events = pd.DataFrame({
        "event_id": ["e1", "e2"], "status": ["planned", "asserted"],
        "date": ["2024-10-01", "2024-09-01"], "date_precision": ["month", "month"],
        "label": ["A and B meet (planned)", "US urged Israel to open the crossings"],
        "plover": ["CONSULT", "DEMAND"], "agent": ["A", "US"], "agent_side": ["US", "US"],
        "targets": ["B", "Israel"], "n_origins": [1, 2], "doc_ids": ["d1", "d2"]})
    watched = front.what_to_watch({"events": events, "contacts": pd.DataFrame(
        columns=["event_id", "status"])}, START, END, FOCUS,
        pd.DataFrame(columns=["fact", "subject", "doc_ids"]))
    texts = [w.text for w in watched]
    assert "“A and B meet” (October 2024): planned; no article reports it held." in texts
    assert ("Open question: how Israel answers the demand by the US: “US urged Israel to open the "
            "crossings” (September 2024).") in texts
    assert not any("1 Oct 2024" in t or "1 Sep 2024" in t for t in texts)


def test_a_contact_dated_only_to_a_month_bounds_a_silence_as_a_minimum(tables):
    """'They met in September' is no 1 September: the silence before it runs to the month's
    first day and is told as a minimum, the contact by its month, and the measured silence
    is held at moderate (reported contacts prove no silence)."""
    advisers = tables["contacts"][tables["contacts"]["channel"] == "security_advisers"]
    events = tables["events"]
    base = events[events["event_id"] == "e006"].iloc[[0]]
    month = base.assign(event_id="e030", date="2024-09-01", date_earliest="2024-09-01",
                        date_latest="2024-09-30", date_precision="month")
    day = base.assign(event_id="e031", date="2024-07-10", date_earliest="2024-07-10",
                      date_latest="2024-07-10")
    contacts = pd.concat([tables["contacts"], advisers.assign(event_id="e030", date="2024-09-01"),
                          advisers.assign(event_id="e031", date="2024-07-10")],
                         ignore_index=True)
    changed = {**tables, "contacts": contacts,
               "events": pd.concat([events, month, day], ignore_index=True)}
    finding = by_kind(changed)["cadence"]
    assert finding.text.startswith(
        "Security advisers (Sullivan - Dermer) had no reported contact between 10 Jul 2024 and "
        "their contact in September 2024 (at least 53 days); the last reported was on 4 Oct "
        "2024")
    assert "1 Sep" not in finding.text and finding.ceiling == "moderate" and finding.supports


def test_operations_where_notice_is_not_at_stake_are_never_unreported_notice(tables):
    """An operation of one side on the other, or of a third party, has notice 'n/a': no
    notice to the observer is at stake, so it is not one 'whose notice no article reports'."""
    events, ledger = tables["events"], tables["notice_ledger"]
    all_na = {**tables, "events": events.assign(notice="n/a"),
              "notice_ledger": ledger.assign(notice="n/a")}
    finding = findings_notice.notice_finding(all_na, START, END, FOCUS)
    assert finding.text.startswith("None of the 4 dated operations")
    assert "is an act of the US or Israel against a third party" in finding.text
    assert "no advance notice to the US is at stake" in finding.text and not finding.supports
    assert "no article reports" not in finding.text
    lone = {**all_na, "events": all_na["events"].head(1),
            "notice_ledger": all_na["notice_ledger"].head(1)}
    text = findings_notice.notice_finding(lone, START, END, FOCUS).text
    assert text.startswith("The only dated operation ") and "None of the 1" not in text
    assert "is not an act of the US or Israel against a third party: it was aimed" in text
    # the events table says whose act each is: the sentence names it instead of guessing
    cycle = ["Israel", "Hezbollah", "US", "Iran"]
    sides = all_na["events"].assign(agent_side=[cycle[i % 4] for i in range(len(events))])
    text = findings_notice.notice_finding({**lone, "events": sides.head(1)}, START, END,
                                          FOCUS).text
    assert text.startswith("The only dated operation between 1 Jul 2024 and 31 Oct 2024, “")
    assert "), is an act of Israel against the US, not an act of the US or Israel against a " \
        "third party, so no advance notice to the US is at stake." in text
    text = findings_notice.notice_finding({**all_na, "events": sides}, START, END, FOCUS).text
    assert text.count(") is an act of ") == 4 and "aimed at one of the two" not in text
    one_na = {**tables, "events": events.assign(notice=events["notice"].replace(
        {"none": "n/a", "minutes": "unknown"})), "notice_ledger": ledger.assign(
        notice=ledger["notice"].replace({"none": "n/a", "minutes": "unknown"}))}
    text = findings_notice.notice_finding(one_na, START, END, FOCUS).text
    assert "where notice is not at stake" in text and "whose notice no article reports" in text


def test_a_channels_lapse_is_its_longest_measured_silence_not_only_the_last_gap(tables):
    """Contacts on 10 Jul and 25 Sep, then the last on 4 Oct: the lapse to judge is the 77
    days between the first two, not the days before the last contact; the last contact is
    still told, and the measured silence is held at moderate."""
    advisers = tables["contacts"][tables["contacts"]["channel"] == "security_advisers"]
    events = tables["events"]
    base = events[events["event_id"] == "e006"].iloc[[0]]
    days = {"e030": "2024-07-10", "e031": "2024-09-25"}
    added = [base.assign(event_id=e, date=d, date_earliest=d, date_latest=d)
             for e, d in days.items()]
    contacts = pd.concat([tables["contacts"], *[advisers.assign(event_id=e, date=d)
                                                for e, d in days.items()]], ignore_index=True)
    cadence = tables["cadence"].copy()  # the metrics measured 9 days before the last contact
    advisers_row = cadence["channel"] == "security_advisers"
    cadence.loc[advisers_row, ["previous_gap_days", "previous_gap_basis"]] = ["9", "events"]
    changed = {**tables, "contacts": contacts, "cadence": cadence,
               "events": pd.concat([events, *added], ignore_index=True)}
    finding = by_kind(changed)["cadence"]
    assert finding.text.startswith(
        "Security advisers (Sullivan - Dermer) had no reported contact between 10 Jul 2024 and "
        "their contact on 25 Sep 2024 (77 days); the last reported was on 4 Oct 2024")
    assert finding.ceiling == "moderate" and finding.supports


def test_a_side_named_by_an_initialism_takes_the_as_a_noun():
    """'notice to the US', 'between the US and Israel'; so does a country whose name the world
    knowledge says takes it ('the Philippines'); a name or a word-like acronym takes none
    ('Israel', 'NATO'); as a modifier ('US officials') the templates use the bare name."""
    sides = ("US", "U.S.", "UK", "UAE", "Israel", "NATO", "Azerbaijan", "Philippines",
             "Netherlands", "United States", "Cyprus")
    assert [views_cells.side_noun(s) for s in sides] == [
        "the US", "the U.S.", "the UK", "the UAE", "Israel", "NATO", "Azerbaijan",
        "the Philippines", "the Netherlands", "the United States", "Cyprus"]
    assert views_cells.sentence_start("the US gave") == "The US gave"


def test_a_side_qualifying_a_noun_takes_its_adjective_from_the_world_knowledge():
    """'Azerbaijani distrust', 'Israeli officials'; an initialism keeps its name ('US
    officials'), and a side the world knowledge has no adjective for keeps its name."""
    sides = ("Azerbaijan", "Israel", "Japan", "US", "Hezbollah")
    assert [views_cells.side_adjective(s) for s in sides] == [
        "Azerbaijani", "Israeli", "Japanese", "US", "Hezbollah"]


def test_an_event_dated_to_a_few_days_is_told_by_its_span_never_its_first_day():
    """A lede dated by its publication window or a two-day summit ('8–9 Oct'): a sentence, a
    chart row and the annex name the span, as the cadence does; a day stays a day, a month
    a month, and a wide range (drawn as a bar) its best day."""
    day = pd.Timestamp
    assert views_cells.when_label(day("2025-10-08"), "range",
                                  (day("2025-10-08"), day("2025-10-09"))) == "8–9 Oct 2025"
    assert views_cells.short_day("2025-08-31", "range", (day("2025-08-31"),
                                                         day("2025-09-01"))) == "31 Aug – 1 Sep"
    assert views_cells.when_label(day("2025-10-08"), "day", (day("2025-10-08"),) * 2) == \
        "8 Oct 2025"
    assert views_cells.when_label(day("2025-06-01"), "month",
                                  (day("2025-06-01"), day("2025-06-30"))) == "June 2025"
    assert views_cells.short_day("2025-06-10", "range",
                                 (day("2025-06-01"), day("2025-06-20"))) == "10 Jun"
    assert views_cells.event_span({"date_earliest": "2025-10-08", "date_latest": ""}) == \
        (day("2025-10-08"), None)
    events = pd.DataFrame({"date": ["2025-10-08", "2025-08-31", "2025-06-01"],
                           "date_precision": ["range", "range", "month"],
                           "date_earliest": ["2025-10-08", "2025-08-31", "2025-06-01"],
                           "date_latest": ["2025-10-09", "2025-09-01", "2025-06-30"]})
    assert list(annex._month_dates(events)["date"]) == ["2025-10-08/09", "2025-08-31/09-01",
                                                         "2025-06"]


def test_operations_all_with_little_notice_say_all_and_their_dates_as_known():
    """'3 operations, all with no or only minutes of notice', never '3 operations, 3 with';
    a named operation is 'on 17–18 Sep 2024' when dated to a span, 'in February 2025' when
    only to a month."""
    ops = pd.DataFrame({"event_id": ["e1", "e2", "e3"], "notice": ["none", "minutes", "none"]})
    assert findings_notice.operations_takeaway(ops, "US", "Israel") == \
        "3 operations, all with no or only minutes of notice to the US"
    assert findings_notice.operations_takeaway(ops.head(1), "US", "Israel") == \
        "1 operation, with no or only minutes of notice to the US"
    assert findings_notice.operations_takeaway(ops.assign(notice=["none", "", "days"]), "US",
                                               "Israel") == \
        "3 operations, 1 with no or only minutes of notice to the US"
    assert findings_notice._on_when({"date_precision": "range", "date_earliest": "2024-09-17",
                                     "date_latest": "2024-09-18"}, "2024-09-17") == \
        "on 17–18 Sep 2024"
    assert findings_notice._on_when({"date_precision": "month"}, "2025-02-01") == \
        "in February 2025"


def test_a_claim_row_shows_a_scare_quoted_phrase_in_its_sentence():
    sentence = ("During the meeting, Galuzin handed over a note expressing disapproval of what "
                "it described as Baku's “unfriendly actions.”")
    assert annex.said("unfriendly actions.", sentence) == sentence
    assert annex.said("The answer is no", "“The answer is no,” the president said.") == \
        "The answer is no"
    assert annex.said("we will respond at a time of our choosing", "He said X.") == \
        "we will respond at a time of our choosing"
    assert annex.said("", sentence) == sentence


def test_a_part_that_is_the_whole_is_all_of_them_never_3_of_3():
    assert findings_base.some_of(3, 4, "dated operation", "the ") == "3 of the 4 dated operations"
    assert findings_base.some_of(3, 3, "operation") == "all 3 operations"
    assert findings_base.some_of(1, 1, "dated operation", "the ") == "the only dated operation"
