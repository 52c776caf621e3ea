"""Key judgements the data support, for any pair: who acted against whom, the best-attested
act, a silence held lower by undated events between the channel's officials, and a front
page that says so when fewer than three judgements stand."""

from __future__ import annotations

import pandas as pd

from fixtures.brief_tables import brief_tables
from trustbrief.brief.findings.cadence import cadence_finding
from trustbrief.brief.findings.coverage import central_event_finding, named_origins
from trustbrief.brief.findings.direction import direction_finding
from trustbrief.brief.judgements import Evidence, judge
from trustbrief.brief.sections import Brief
from trustbrief.brief.tables import Tables

START, END, FOCUS = "2024-07-01", "2024-10-31", "US->Israel"


def test_conflict_in_both_directions_is_judged_reciprocal_on_the_weaker_side():
    tables = brief_tables()  # e008 US->Israel, e011 and e012 Israel->US, all conflictual
    finding = direction_finding(tables, START, END, FOCUS)
    assert finding.kind == "reciprocal" and finding.supports
    assert "1 by the US against Israel, namely “" in finding.text  # one act: no 'such as'
    assert "2 by Israel against the US, such as “" in finding.text
    # the example of a direction is its dated act before an undated one
    assert ", such as “Israel rejects a US request” on 8 Oct 2024." in finding.text
    [judgement] = judge(tables, [finding], FOCUS)
    assert judgement.statement.startswith("The US and Israel")
    assert "both took conflictual steps" in judgement.statement
    # its origins are the weaker direction's, fewer than all the events', and the basis says so
    assert "origins behind the less attested direction, Israel against the US" in \
        judgement.evidence.basis()


def test_a_basis_whose_origins_are_a_part_of_its_articles_says_which_part():
    # never '11 articles, 3 independent origins' for articles that trace back to eleven
    evidence = Evidence(11, ("Axios", "Reuters", "d1"), 2, 0,
                        "the less attested direction, Israel against US")
    assert evidence.basis() == ("11 articles, 3 independent origins behind the less attested "
                                "direction, Israel against US, officials quoted: 2 on the record")


def test_conflict_from_one_side_only_is_a_claim_of_absence_held_at_moderate():
    tables = brief_tables()
    coop = tables["cooperation"]
    tables["cooperation"] = coop[coop["event_id"] != "e008"]  # no US act against Israel
    finding = direction_finding(tables, START, END, FOCUS)
    assert finding.kind == "one_sided" and "none by the US against Israel" in finding.text
    assert finding.ceiling == "moderate" and "absence" in finding.ceiling_reason
    [judgement] = judge(tables, [finding], FOCUS)
    assert "came from Israel, not from the US" in judgement.statement
    assert judgement.confidence in ("moderate", "low")


def test_no_conflictual_event_gives_no_direction_judgement():
    tables = brief_tables()
    coop = tables["cooperation"]
    tables["cooperation"] = coop[coop["tone"] == "cooperative"]
    finding = direction_finding(tables, START, END, FOCUS)
    assert not finding.available and judge(tables, [finding], FOCUS) == []


def test_the_best_attested_act_is_judged_to_have_taken_place():
    tables = brief_tables()
    finding = central_event_finding(tables, START, END, FOCUS)
    assert finding.kind == "established" and finding.supports
    assert "Hassan Nasrallah" in finding.text and "3 independent origins" in finding.text
    [judgement] = judge(tables, [finding], FOCUS)
    assert judgement.statement.startswith(
        "“Israel kills Hezbollah leader Hassan Nasrallah in Beirut” (27 Sep 2024)")
    adverb = {"high": "very likely", "moderate": "likely"}.get(judgement.confidence, "")
    assert f"{adverb} took place as reported".strip() in judgement.statement


def test_an_act_the_articles_tell_as_different_acts_is_judged_contested():
    """'arrested' in one article, 'abducted' in another (conflict fact 'nature'): the act took
    place, but the judgement does not take the label's word for what it was."""
    tables = brief_tables()
    top = central_event_finding(tables, START, END, FOCUS)
    event_id = tables["events"].set_index("label").loc[top.terms["event"].strip("“”"),
                                                      "event_id"]
    tables["conflicts"] = pd.DataFrame([
        {"fact": "nature", "event_id": event_id, "account": account, "value": value,
         "doc_ids": doc, "outlets": "", "evidence": ""}
        for account, value, doc in (("accepted", "killed", "d1"),
                                    ("disagrees", "struck", "d2"))])
    finding = central_event_finding(tables, START, END, FOCUS)
    assert finding.kind == "contested"
    assert "disagree on what it was: “killed” versus “struck”" in finding.text
    [judgement] = judge(tables, [finding], FOCUS)
    assert "though the articles disagree on what it was" in judgement.statement


def test_an_act_with_one_origin_or_a_statement_is_no_central_event():
    tables = brief_tables()
    events = tables["events"]
    tables["events"] = events.assign(n_origins=1)
    assert not central_event_finding(tables, START, END, FOCUS).supports
    tables["events"] = events.assign(plover="OTHER")  # statements and reports, not acts
    assert not central_event_finding(tables, START, END, FOCUS).available


def test_origins_that_are_articles_are_counted_never_shown_as_ids():
    documents = pd.DataFrame({"doc_id": ["d4d5e6f7081", "d5e6f708192"]})
    text = named_origins(["Axios", "d4d5e6f7081", "d5e6f708192"], documents)
    assert text == "Axios and 2 articles of unnamed outlets"


def test_an_undated_event_between_the_channel_officials_holds_a_measured_silence_low():
    tables = brief_tables()
    cadence = tables["cadence"].copy()
    cadence.loc[cadence["channel"] == "leaders", "previous_gap_basis"] = "events"
    tables["cadence"] = cadence
    # measured between reported contacts: moderate at most (reports prove no silence)
    assert cadence_finding(tables, START, END, FOCUS).ceiling == "moderate"
    apology = pd.DataFrame([{"event_id": "e020", "date": "", "agent": "Benjamin Netanyahu",
                             "targets": "Joe Biden", "status": "asserted",
                             "label": "Netanyahu apologises to Biden"}])
    tables["events"] = pd.concat([tables["events"], apology], ignore_index=True).fillna("")
    finding = cadence_finding(tables, START, END, FOCUS)
    assert finding.ceiling == "low"
    assert "1 undated event between its two officials" in finding.ceiling_reason


def test_a_brief_with_fewer_than_three_judgements_says_so():
    frames = brief_tables()
    frames["events"] = frames["events"].assign(lane="contacts", operation="false", n_origins=1)
    frames["notice_ledger"] = frames["notice_ledger"].iloc[0:0]
    frames["cooperation"] = frames["cooperation"].iloc[0:0]
    frames["trust_signals"] = frames["trust_signals"].iloc[0:0]
    params = {"title": "Thin", "start": START, "end": END, "focus": FOCUS, "min_origins": 1}
    front = Brief(Tables(frames), params).front_page()._repr_html_()
    judged = front.split('class="tb-judgements', 1)[1].split("</ol>", 1)[0].count("<li>")
    assert judged < 3
    assert "support only" in front or "support no key judgement" in front


def test_statement_origins_are_named_never_ids():
    from trustbrief.brief.views.statements import trust_statements

    tables = brief_tables()
    # articles of unknown outlet citing no one: each is its own origin, named by its doc_id
    documents = tables["documents"].assign(outlet="unknown")
    claims = tables["claims"].assign(cited_outlet="")
    frame = trust_statements(tables["trust_signals"], claims, documents, FOCUS)
    ids = set(tables["documents"]["doc_id"])
    assert len(frame) and not ids & set(frame["origin"])


def test_a_finding_left_out_by_the_cap_of_five_is_not_listed_as_unsupported():
    from trustbrief.brief.findings.base import Finding
    from trustbrief.brief.judgements import not_judged

    findings = [Finding("x", kind="established"), Finding("y", kind="trust", available=False)]
    assert [f.text for f in not_judged(findings, [])] == ["y"]


def test_a_lapse_is_told_in_weeks_months_or_years_as_long_as_it_lasted():
    from trustbrief.brief.findings.cadence import lapse_words

    assert [lapse_words(d) for d in (13, 14, 49, 59, 60, 246, 364, 365, 500)] == [
        "", "weeks", "weeks", "weeks", "months", "months", "months", "a year",
        "over a year"]  # 365 days ('their first talks in a year') is a year, not over one


def test_the_cadence_judgement_says_months_for_a_silence_of_months():
    tables = brief_tables()
    cadence = tables["cadence"].copy()
    leaders = cadence["channel"] == "leaders"
    cadence.loc[leaders, "previous_gap_days"] = 246
    cadence.loc[leaders, "previous_gap_basis"] = "stated"
    tables["cadence"] = cadence
    finding = cadence_finding(tables, START, END, FOCUS)
    assert finding.supports and finding.terms["span"] == "months"
    [judgement] = judge(tables, [finding], FOCUS)
    assert "lapsed for months on at least one channel" in judgement.statement
    cadence.loc[leaders, "previous_gap_days"] = 30
    tables["cadence"] = cadence
    [judgement] = judge(tables, [cadence_finding(tables, START, END, FOCUS)], FOCUS)
    assert "lapsed for weeks on at least one channel" in judgement.statement


def test_a_silence_stated_as_in_a_year_lapsed_for_a_year():
    # 'their first formal talks in a year': 365 days, told without its preposition
    tables = brief_tables()
    cadence, stated = tables["cadence"].copy(), tables["stated_measures"].copy()
    leaders = cadence["channel"] == "leaders"
    cadence.loc[leaders, "previous_gap_days"] = 365
    cadence.loc[leaders, "previous_gap_basis"] = "stated"
    silence = stated[stated["channel"] == "leaders"].iloc[:1].assign(value="in a year",
                                                                      days="365.0")
    tables["cadence"] = cadence
    tables["stated_measures"] = pd.concat([silence, stated[stated["channel"] != "leaders"]],
                                          ignore_index=True)
    finding = cadence_finding(tables, START, END, FOCUS)
    assert finding.terms["span"] == "a year"
    assert "no contact for a year" in finding.text and "for in a year" not in finding.text


def test_direction_counts_say_how_many_are_dated_when_undated_events_are_counted():
    tables = brief_tables()  # one of the three conflictual rows has no date
    text = direction_finding(tables, START, END, FOCUS).text
    assert text.startswith("Of the 3 conflictual events between the US and Israel the articles "
                           "of the period report (2 dated between 1 Jul 2024 and 31 Oct 2024),")
    coop = tables["cooperation"]
    tables["cooperation"] = coop[coop["date"] != ""]
    text = direction_finding(tables, START, END, FOCUS).text
    assert text.startswith("Of the 2 conflictual events between the US and Israel between "
                           "1 Jul 2024 and 31 Oct 2024, ")


def test_an_act_dated_only_to_a_month_is_given_its_month_not_a_made_up_day():
    tables = brief_tables()
    coop, events = tables["cooperation"], tables["events"]
    us_act = coop[(coop["direction"].str.replace(" ", "") == "US->Israel")
                  & (coop["tone"] == "conflictual")]["event_id"].iloc[0]
    day = coop.loc[coop["event_id"] == us_act, "date"].iloc[0]
    tables["events"] = events.assign(date_precision=[
        "month" if e == us_act else p for e, p in zip(events["event_id"],
                                                      events["date_precision"], strict=True)])
    text = direction_finding(tables, START, END, FOCUS).text
    assert f"” in {pd.Timestamp(day):%B %Y}" in text
    assert f"” on {pd.Timestamp(day).day} {pd.Timestamp(day):%b %Y}" not in text
