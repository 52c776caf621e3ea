"""The one origin rule (trustbrief.origins), shared by events, metrics and the brief."""

from __future__ import annotations

import pandas as pd

from trustbrief.origins import Origins, known_outlet, origin_finder


def documents() -> pd.DataFrame:
    rows = [("d1", "Outlet A", []), ("d2", "Outlet B", ["Wire W"]), ("d3", "unknown", []),
            ("d4", "Outlet C", ["Wire W", "Outlet A"]), ("d5", "", []),
            ("d6", "Outlet D", ["Wire W"])]
    return pd.DataFrame(rows, columns=["doc_id", "outlet", "cited_outlets"])


def claims() -> pd.DataFrame:
    rows = [("d1", "d1-s001", "Outlet Z"), ("d1", "d1-s002", ""), ("d4", "d4-s003", "Outlet A")]
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "cited_outlet"])


def test_an_account_goes_back_to_the_outlet_its_sentence_cites():
    origins = Origins.from_tables(documents(), claims())
    assert origins.of("d1", ["d1-s001"]) == "Outlet Z"
    assert origins.of("d4", ["d4-s003", "d4-s003"]) == "Outlet A"


def test_else_the_document_origin_else_its_outlet_else_itself():
    origins = Origins.from_tables(documents(), claims())
    assert origins.of("d2", ["d2-s001"]) == "Wire W"  # the outlet the document cites
    assert origins.of("d3") == "d3" and origins.of("d5") == "d5"  # unknown outlet: itself
    assert origins.of_document("d1") == "Outlet Z"  # its claims cite another outlet
    assert Origins.from_tables(documents()).of("d1") == "Outlet A"  # no claims: own outlet


def test_rewrites_of_one_report_count_once():
    origins = Origins.from_tables(documents(), claims())
    accounts = [("d2", ["d2-s001"]), ("d6", ["d6-s004"])]  # two outlets rewriting Wire W
    assert {origins.of(doc, sents) for doc, sents in accounts} == {"Wire W"}


def test_finder_and_unknown_outlets():
    find = origin_finder({"claims": claims()}, documents())
    assert find("d1", ["d1-s001"]) == "Outlet Z"
    assert known_outlet("unknown") == "" and known_outlet(" Outlet A ") == "Outlet A"
