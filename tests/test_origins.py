"""The one origin rule (trustbrief.origins), shared by events, metrics and the brief.

Invented documents: a wire story run by three sites, a scoop rewritten by another outlet,
a byte copy of an article, and articles whose outlet and origin are unknown."""

from __future__ import annotations

import pandas as pd

from trustbrief.contract import codecs
from trustbrief.contract.vocab import OriginBasis
from trustbrief.origins import Origins, document_keys, known_outlet, origin_finder

COLUMNS = ["doc_id", "outlet", "origin", "origin_basis", "duplicate_of", "cited_outlets"]


def documents() -> pd.DataFrame:
    rows = [
        ("d1", "Wire W", "Wire W", OriginBasis.SELF, "", []),  # the wire's own copy
        ("d2", "Portal P", "Wire W", OriginBasis.CREDIT, "", []),  # the wire's copy elsewhere
        ("d3", "Daily D", "wire w", OriginBasis.LEDE, "", []),  # another spelling, same wire
        ("d4", "Outlet A", "Outlet A", OriginBasis.SELF, "", ["Outlet Q"]),  # a scoop
        ("d5", "Outlet B", "Outlet A", OriginBasis.LEDE, "", ["Outlet A"]),  # its rewrite
        ("d6", "Outlet C", "Outlet C", OriginBasis.SELF, "d5", []),  # a byte copy of d5
        ("d7", "unknown", "unknown", OriginBasis.UNKNOWN, "", []),
        ("d8", "unknown", "", OriginBasis.UNKNOWN, "", []),
        ("d9", "Outlet E", "unknown", OriginBasis.UNKNOWN, "", ["Outlet Q"]),
        ("d10", "unknown", "Wire W", OriginBasis.CREDIT, "", []),  # unknown site, credited
        ("d11", "unknown", "unknown", OriginBasis.UNKNOWN, "", ["Outlet A", "Wire W"]),
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def claims() -> pd.DataFrame:
    rows = [("d9", "d9-s001", "Outlet Z"), ("d9", "d9-s002", ""),
            ("d4", "d4-s003", "unknown")]
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "cited_outlet"])


def test_syndicated_copies_and_rewrites_count_as_one_origin():
    origins = Origins.from_tables(documents(), claims())
    assert {origins.of_document(d) for d in ("d1", "d2", "d3", "d10")} == {"Wire W"}
    assert {origins.of_document(d) for d in ("d4", "d5", "d11")} == {"Outlet A"}
    assert len({origins.of(d) for d in ("d1", "d2", "d3", "d4", "d5", "d6", "d10")}) == 2


def test_a_copy_takes_its_roots_key_whatever_its_own_origin_says():
    assert document_keys(documents())["d6"] == "Outlet A"


def test_unknown_origin_falls_back_to_the_outlet_then_the_cited_source_then_itself():
    keys = document_keys(documents())
    assert keys["d9"] == "Outlet E" and keys["d4"] == "Outlet A"  # its own outlet first
    assert keys["d11"] == "Outlet A"  # nothing of its own: the source it cites first
    assert keys["d7"] == "d7" and keys["d8"] == "d8"  # each counts once


def test_an_account_goes_back_to_the_outlet_its_sentences_cite():
    origins = Origins.from_tables(documents(), claims())
    assert origins.of("d9", ["d9-s001"]) == "Outlet Z"
    assert origins.of("d9", ["d9-s002"]) == "Outlet E"  # no citation: the document's key
    assert origins.of("d4", ["d4-s003"]) == "Outlet A"  # 'unknown' is no citation
    assert origins.of_document("d9") == "Outlet E"  # one cited sentence is not the document


def test_an_account_of_several_sentences_counts_their_citations_together():
    cites = pd.DataFrame([("d9", "d9-s001", "Outlet Z"), ("d9", "d9-s002", "Outlet Y"),
                          ("d9", "d9-s002", "outlet z"), ("d9", "d9-s003", "Outlet Y"),
                          ("d9", "d9-s003", "Outlet X"), ("d9", "d9-s003", "Outlet X")],
                         columns=["doc_id", "sent_id", "cited_outlet"])
    origins = Origins.from_tables(documents(), cites)
    assert origins.of("d9", ["d9-s002"]) == "Outlet Y"  # a tie: alphabetical
    assert origins.of("d9", {"d9-s001", "d9-s002"}) == "Outlet Z"  # one outlet, two spellings
    assert origins.of("d9", ("d9-s002", "d9-s003")) == "Outlet X"  # X 2, Y 2, Z 1: a tie
    assert origins.of("d9", ["d9-s003", "d9-s003"]) == "Outlet X"  # a sentence counts once
    assert origins.of("d9", []) == "Outlet E" and origins.of("d1", ["d1-s001"]) == "Wire W"


def test_relays_tells_a_copy_or_rewrite_from_original_reporting():
    origins = Origins.from_tables(documents(), claims())
    assert not origins.relays("d1") and not origins.relays("d4") and not origins.relays("d7")
    assert origins.relays("d2") and origins.relays("d5") and origins.relays("d6")
    assert origins.relays("d9", ["d9-s001"]) and not origins.relays("d9", ["d9-s002"])


def test_tables_read_from_csv_and_missing_columns():
    docs = documents()
    as_read = docs.assign(cited_outlets=docs["cited_outlets"].map(codecs.format_list)).astype(str)
    assert Origins.from_tables(as_read).of("d2") == "Wire W"
    assert document_keys(as_read) == document_keys(docs)
    bare = documents()[["doc_id", "outlet"]]  # an older table without origin columns
    assert Origins.from_tables(bare).of("d2") == "Portal P"
    assert Origins.from_tables(None).of("dx") == "dx"


def test_finder_and_unknown_outlets():
    find = origin_finder({"claims": claims()}, documents())
    assert find("d9", ["d9-s001"]) == "Outlet Z"
    assert known_outlet("unknown") == "" and known_outlet(" Outlet A ") == "Outlet A"
