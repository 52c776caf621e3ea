"""The dyadic cooperation-conflict record (metrics.cooperation), its counts per period
(brief.views.cooperation), its chart, finding and judgement."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
import yaml

from fixtures.brief_tables import brief_tables, cooperation
from trustbrief import metrics
from trustbrief.brief.charts.cooperation import cooperation_chart
from trustbrief.brief.findings.cooperation import cooperation_finding
from trustbrief.brief.judgements import judge
from trustbrief.brief.views.cooperation import bin_rule, cooperation_counts
from trustbrief.knowledge import DataFileError

DATA = Path(__file__).resolve().parents[1] / "data"


def _events() -> pd.DataFrame:
    cols = ["event_id", "date", "date_earliest", "date_latest", "plover", "agent",
            "agent_side", "targets", "label", "n_origins", "doc_ids", "status"]
    rows = [
        ("e1", "2025-01-02", "2025-01-02", "2025-01-02", "ASSAULT", "A", "A", ["B"],
         "A strikes B", 3, ["d1", "d2"], "asserted"),
        ("e2", "2025-01-05", "2025-01-05", "2025-01-05", "CONSULT", "Leader B", "",
         ["Leader A"], "Leaders meet", 1, ["d1"], "asserted"),
        ("e3", "2025-01-06", "2025-01-06", "2025-01-06", "ASSAULT", "A", "A", ["C"],
         "A strikes C", 2, ["d2"], "asserted"),  # a third party: not dyadic
        ("e4", "", "", "", "PROTEST", "Minister A", "A", ["Leader A"],
         "within one side", 1, ["d2"], "asserted"),
        ("e5", "2025-02-01", "2025-02-01", "2025-02-01", "AGREE", "A", "A", ["B"],
         "planned talks", 1, ["d1"], "planned"),
        ("e6", "2025-01-07", "2025-01-07", "2025-01-07", "OTHER", "A", "A", ["B"],
         "A media report", 1, ["d1"], "asserted"),  # not on the scale
    ]
    return pd.DataFrame(rows, columns=cols)


def _actor_mentions() -> pd.DataFrame:
    return pd.DataFrame({"actor": ["Leader A", "Leader B", "Minister A"],
                         "side": ["A", "B", "A"]})


def test_cooperation_keeps_asserted_events_between_the_pair_on_the_scale():
    weights = metrics.load_goldstein(DATA)
    rows = metrics.cooperation({"events": _events()}, {"actor_mentions": _actor_mentions()},
                               ("A", "B"), weights)
    assert list(rows["event_id"]) == ["e1", "e2"]
    assert list(rows["direction"]) == ["A->B", "B->A"]  # person sides from actor_mentions
    assert list(rows["tone"]) == ["conflictual", "cooperative"]
    assert list(rows["goldstein"]) == [-9.0, 1.0]
    assert list(rows["cameo"]) == ["18", "04"]


def test_every_plover_category_has_a_goldstein_weight():
    """A category missing from data/goldstein.yaml would drop its events silently."""
    declared = yaml.safe_load((DATA / "event_types.yaml").read_text())["plover_categories"]
    weights = metrics.load_goldstein(DATA).categories
    assert set(declared) <= set(weights)
    assert weights["ASSAULT"].goldstein < 0 < weights["CONSULT"].goldstein
    assert weights["OTHER"].goldstein is None


def test_goldstein_weight_off_the_scale_is_refused(tmp_path):
    (tmp_path / "goldstein.yaml").write_text(
        "categories:\n  ASSAULT: {cameo: '18', goldstein: -19}\n")
    with pytest.raises(DataFileError, match="categories.ASSAULT"):
        metrics.load_goldstein(tmp_path)


def test_counts_per_month_include_quiet_months_and_leave_out_undated_rows():
    counts = cooperation_counts(cooperation(), "2024-07-01", "2024-10-31")
    assert list(counts["period"]) == ["Jul '24", "Aug", "Sep", "Oct"]
    assert list(counts["cooperative"]) == [0, 1, 0, 1]
    assert list(counts["conflictual"]) == [0, 0, 0, 2]  # e012 is undated: not in a bar


def test_periods_are_weeks_for_a_month_long_brief():
    assert bin_rule("2024-10-01", "2024-10-31")[0] == "W-MON"
    counts = cooperation_counts(cooperation(), "2024-10-01", "2024-10-31")
    assert counts["period_start"].iloc[0] == "2024-09-30"  # the Monday of the first week
    assert counts["conflictual"].sum() == 2 and counts["cooperative"].sum() == 1


def test_chart_draws_counts_not_a_sum():
    spec = cooperation_chart(cooperation_counts(cooperation(), "2024-07-01",
                                                "2024-10-31")).to_dict()
    values = [r for d in spec["datasets"].values() for r in d if "tone" in r]
    oct_conflict = [r for r in values if r["period"] == "Oct" and r["tone"] == "conflictual"]
    assert oct_conflict[0]["count"] == 2 and oct_conflict[0]["y"] == -2
    assert "cooperative" in json.dumps(spec) and "conflictual" in json.dumps(spec)


def test_finding_counts_dated_and_undated_and_judges_only_when_conflict_leads():
    tables = brief_tables()
    finding = cooperation_finding(tables, "2024-07-01", "2024-10-31", "US->Israel")
    assert finding.kind == "relations" and finding.available
    # e012 is undated but reported by an article of the period (D5, 10 Oct): counted
    assert "5 cooperative or conflictual events" in finding.text
    assert "3 conflictual, 2 cooperative" in finding.text
    assert finding.supports
    judgements = judge(tables, [finding], "US->Israel")
    assert len(judgements) == 1
    assert "more conflictual than cooperative" in judgements[0].statement
    assert judgements[0].confidence in ("high", "moderate", "low")
    tables["cooperation"] = cooperation().iloc[:2]  # two calls only: cooperation leads
    calm = cooperation_finding(tables, "2024-07-01", "2024-10-31", "US->Israel")
    assert not calm.supports and judge(tables, [calm], "US->Israel") == []


def test_a_lean_the_undated_events_tip_says_so_in_the_headline():
    """3 conflictual against 2, of which the dated ones are 2 against 2: the judgement's
    headline says the lean rests on undated events and gives the dated count; when the
    dated events lean the same way, the headline adds nothing."""
    tables = brief_tables()
    finding = cooperation_finding(tables, "2024-07-01", "2024-10-31", "US->Israel")
    statement = judge(tables, [finding], "US->Israel")[0].statement
    assert statement.endswith("in this period, a lean resting on events no article dates: "
                              "those dated in it are 2 conflictual against 2 cooperative.")
    rows = cooperation()
    dated = rows.iloc[[3]].assign(event_id="e013", date="2024-10-09",
                                  date_earliest="2024-10-09", date_latest="2024-10-09")
    tables["cooperation"] = pd.concat([rows, dated], ignore_index=True)
    leaning = cooperation_finding(tables, "2024-07-01", "2024-10-31", "US->Israel")
    assert leaning.terms["counted"] == ""
    assert judge(tables, [leaning], "US->Israel")[0].statement.endswith(
        "more conflictual than cooperative in this period.")


def test_a_narrow_margin_is_a_roughly_even_call_whatever_the_sourcing():
    """3 conflictual against 2 cooperative is no 'very likely': the finding caps the
    judgement at low confidence and says why; 11 against 1 with the dated ones agreeing
    does not cap it."""
    tables = brief_tables()
    finding = cooperation_finding(tables, "2024-07-01", "2024-10-31", "US->Israel")
    assert finding.ceiling == "low" and "margin is narrow: 3 conflictual against 2" in \
        finding.ceiling_reason
    judgement = judge(tables, [finding], "US->Israel")[0]
    assert judgement.confidence == "low" and "roughly even chance" in judgement.statement
    from trustbrief.brief.findings.cooperation import _margin_ceiling
    assert _margin_ceiling(11, 1, 7, 1) == ("high", "")
    assert _margin_ceiling(5, 3, 2, 2)[0] == "low"
    assert _margin_ceiling(8, 2, 1, 1)[0] == "low"  # the period's dated events do not lean


@pytest.mark.parametrize("values", [
    ["Israel", "Israel", "United States"], ["b", "a", "a", "b"], ["a", "b", "b", "a", "c"],
    ["x"], ["b", "c", "a", "c", "a", "b"],
])
def test_an_actors_side_is_its_commonest_with_ties_broken_as_pandas_does(values):
    from trustbrief.metrics.cooperation import _most_frequent

    assert _most_frequent(values) == pd.Series(values).value_counts().index[0]
