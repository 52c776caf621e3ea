"""Scoring of `make evaluate` on small invented gold and prediction frames (no ../shared)."""

from pathlib import Path

import pandas as pd
import pytest

from trustbrief.evaluation.gold import (
    GoldCorpus,
    holds_keywords,
    keyword_alternatives,
    load_agency_synonyms,
    load_gold,
    normalise_name,
    parse_gold_outlet,
)
from trustbrief.evaluation.run import find_corpora, markdown_table
from trustbrief.evaluation.scoring import Score, score_documents, score_events, summarise
from trustbrief.knowledge import DataFileError

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def synonyms():
    return load_agency_synonyms(DATA)


def gold_corpus(documents=(), events=()):
    docs = pd.DataFrame(list(documents), columns=["file", "outlet", "published",
                                                  "tolerance_days", "events"])
    evs = pd.DataFrame(list(events), columns=["key", "date", "date_latest", "keywords",
                                              "notice"])
    return GoldCorpus("invented", Path("invented"), docs, evs)


@pytest.mark.parametrize(("text", "outlet", "origin"), [
    ("World Herald", ("worldherald",), ("worldherald",)),
    ("The Sun (Malaysia), Reuters copy", ("sun", "malaysia"), ("reuters",)),
    ("Rediff (AP-based)", ("rediff",), ("associatedpress",)),
    ("Daily Mail (AFP wire)", ("dailymail",), ("agencefrancepresse",)),
    ("A Blog (Axios rewrite)", ("ablog",), ("axios",)),
    ("Wire Daily (citing Outlet One/Outlet Two)", ("wiredaily",), ("outletone", "outlettwo")),
    ("The Japan Times (Reuters)", ("japantimes",), ("reuters",)),
    ("Arutz Sheva (Israel National News)", ("arutzsheva", "israelnationalnews"),
     ("arutzsheva", "israelnationalnews")),
    ("105.7 The Bull / iHeartRadio (Reuters rewrite)", ("1057thebull", "iheartradio"),
     ("reuters",)),
])
def test_gold_outlet_strings_split_into_outlet_and_origin(synonyms, text, outlet, origin):
    parsed = parse_gold_outlet(text, synonyms)
    assert parsed.outlet == outlet
    assert parsed.origin == origin


def test_names_compare_without_case_accents_punctuation_or_leading_the(synonyms):
    assert normalise_name("Türkiye Today") == normalise_name("turkiye today")
    assert normalise_name("The Times of Israel") == normalise_name("Times of Israel")
    assert normalise_name("Pravda.ru") == "pravdaru"
    assert normalise_name("AP", synonyms) == normalise_name("Associated Press", synonyms)
    assert normalise_name("Anadolu Agency", synonyms) == normalise_name("Anadolu", synonyms)


def test_keywords_need_every_plus_word_in_one_unit():
    alternatives = keyword_alternatives("Leader+kill|central headquarters")
    assert alternatives == [("leader", "kill"), ("central headquarters",)]
    assert holds_keywords(["Army kills the leader"], alternatives)
    assert holds_keywords(["Strike on the Central  Headquarters"], alternatives)
    assert not holds_keywords(["the leader spoke", "a kill was claimed"], alternatives)
    assert holds_keywords(["the minister’s call"], keyword_alternatives("minister's call"))


def test_documents_score_date_tolerance_outlet_and_origin(synonyms):
    gold = gold_corpus(documents=[
        ("a.txt", "Rediff (AP-based)", "2024-10-09", 0, ""),
        ("b.txt", "World Herald", "2024-10-09", 1, ""),
        ("c.txt", "World Herald", "2024-10-09", 0, ""),
        ("d.txt", "World Herald", "2024-10-09", 0, ""),
    ])
    predicted = pd.DataFrame([
        {"file": "a.txt", "published": "2024-10-09", "outlet": "Rediff",
         "origin": "Associated Press"},
        {"file": "b.txt", "published": "2024-10-10", "outlet": "The World Herald", "origin": ""},
        {"file": "c.txt", "published": "2024-10-10", "outlet": "unknown", "origin": ""},
    ])
    scored = score_documents(gold, predicted, synonyms).set_index("file")
    assert scored["date_right"].tolist() == [True, True, False, False]
    assert scored["date_verdict"].tolist() == ["right", "right", "wrong", "missing"]
    assert scored["outlet_right"].tolist() == [True, True, False, False]
    # no origin given: the outlet is its own origin (right for b, wrong for a copy)
    assert scored["origin_right"].tolist() == [True, True, False, False]
    assert not scored.loc["d.txt", "extracted"]


def test_events_match_on_date_window_and_keywords():
    gold = gold_corpus(events=[
        ("call", "2024-08-21", "2024-08-21", "phone call|spoke by phone", ""),
        ("strike", "2024-09-27", "2024-09-27", "leader+strike", "minutes"),
        ("letter", "2024-04-01", "2024-04-30", "letter+April", ""),
    ])
    predicted = pd.DataFrame([
        # a day late, keyword in the label: matches 'call'
        {"event_id": "e1", "date": "2024-08-22", "date_earliest": "2024-08-22",
         "date_latest": "2024-08-22", "label": "A and B phone call", "evidence": "",
         "actors": "", "notice": ""},
        # same occurrence again: a fragment
        {"event_id": "e2", "date": "2024-08-21", "date_earliest": "", "date_latest": "",
         "label": "B calls", "evidence": "They spoke by phone on Wednesday.", "actors": "",
         "notice": ""},
        # right words, but a vague two-week range: not the right date (not found by it),
        # though an honest range of a real event (precision counts it)
        {"event_id": "e3", "date": "2024-08-20", "date_earliest": "2024-08-20",
         "date_latest": "2024-09-03", "label": "phone call", "evidence": "", "actors": "",
         "notice": ""},
        # words split between label and actors count as one unit
        {"event_id": "e4", "date": "2024-09-27", "date_earliest": "2024-09-27",
         "date_latest": "2024-09-27", "label": "Air strike", "evidence": "",
         "actors": "Group leader;Group", "notice": "minutes"},
        # a dated event no gold event describes
        {"event_id": "e5", "date": "2024-10-01", "date_earliest": "2024-10-01",
         "date_latest": "2024-10-01", "label": "Talks", "evidence": "", "actors": "",
         "notice": ""},
        # undated: not counted in precision
        {"event_id": "e6", "date": "", "date_earliest": "", "date_latest": "",
         "label": "phone call", "evidence": "", "actors": "", "notice": ""},
    ])
    per_gold, pairs, summary = score_events(gold, predicted)
    per_gold = per_gold.set_index("key")
    assert per_gold["found"].to_dict() == {"call": True, "strike": True, "letter": False}
    assert per_gold.loc["call", "event_ids"] == "e1;e2"
    assert summary["events_found"] == Score(2, 3)
    assert summary["fragments"] == 1.5
    assert summary["precision"] == Score(4, 5)
    assert summary["precision_strict"] == Score(3, 5)  # without e3's honest range
    assert summary["notice_right"] == Score(1, 1)
    assert set(pairs["event_id"]) == {"e1", "e2", "e4"}


def test_month_window_accepts_a_day_inside_it():
    gold = gold_corpus(events=[("letter", "2024-04-01", "2024-04-30", "letter+April", "")])
    predicted = pd.DataFrame([{"event_id": "e1", "date": "2024-04-12", "label": "letter",
                               "evidence": "The letter sent in April."}])
    _, _, summary = score_events(gold, predicted)
    assert summary["events_found"] == Score(1, 1)


def test_table_marks_missed_goals(synonyms):
    gold = gold_corpus(documents=[("a.txt", "World Herald", "2024-10-09", 0, "")])
    docs = score_documents(gold, pd.DataFrame([{"file": "a.txt", "published": "2024-10-09",
                                                "outlet": "unknown"}]), synonyms)
    row = summarise("invented", docs, {"events_found": Score(1, 4), "fragments": 1.0,
                                       "precision": Score(0, 0), "notice_right": Score(0, 0)})
    table = markdown_table([row])
    assert "| invented | 1 | 1/1 (100 %) | 0/1 (0 %) | 0/1 (0 %) | n/a | 0/1 (0 %) ✗ |" in table
    assert "1/4 (25 %) ✗" in table
    assert "n/a" in table


def test_gold_folder_errors_name_the_file(tmp_path):
    (tmp_path / "articles").mkdir()
    with pytest.raises(DataFileError, match="documents.csv: file not found"):
        load_gold(tmp_path)
    (tmp_path / "documents.csv").write_text("file,outlet,published,tolerance_days,events\n"
                                            "a.txt,X,2024-13-01,0,\n")
    (tmp_path / "events.csv").write_text("key,date,date_latest,keywords,notice\n")
    with pytest.raises(DataFileError, match="not YYYY-MM-DD"):
        load_gold(tmp_path)


def test_find_corpora_lists_only_labelled_folders(tmp_path):
    labelled = tmp_path / "one"
    (labelled / "articles").mkdir(parents=True)
    for name in ("documents.csv", "events.csv"):
        (labelled / name).write_text("")
    (tmp_path / "unlabelled" / "articles").mkdir(parents=True)
    assert find_corpora(tmp_path) == [labelled]
    with pytest.raises(FileNotFoundError, match="no labelled corpus named two"):
        find_corpora(tmp_path, ["two"])


def test_evaluate_scores_tables_written_earlier_and_writes_the_report(tmp_path):
    from trustbrief.evaluation.run import evaluate

    corpus = tmp_path / "corpora" / "invented"
    (corpus / "articles").mkdir(parents=True)
    (corpus / "documents.csv").write_text(
        "file,url,outlet,published,tolerance_days,events\n"
        "a.txt,,World Herald (Reuters copy),2024-10-09,0,call\n")
    (corpus / "events.csv").write_text(
        "key,date,date_latest,agent,action,target,keywords,notice,note\n"
        "call,2024-10-09,2024-10-09,A,calls,B,phone call,,\n")
    tables = tmp_path / "predicted" / "invented"
    tables.mkdir(parents=True)
    (tables / "documents.csv").write_text(
        "doc_id,file,outlet,origin,published\nd1,a.txt,World Herald,Reuters,2024-10-09\n")
    (tables / "events.csv").write_text(
        "event_id,date,date_earliest,date_latest,label,evidence,actors\n"
        "e1,2024-10-09,2024-10-09,2024-10-09,A and B phone call,,A;B\n")
    out = tmp_path / "out"
    results = evaluate(tmp_path / "corpora", DATA, out, predictions=tmp_path / "predicted")
    summary = results[0].summary
    assert (summary["dates_right"], summary["origins_right"]) == (Score(1, 1), Score(1, 1))
    assert summary["events_found"] == Score(1, 1)
    csv = pd.read_csv(out / "evaluation.csv")
    assert csv.loc[0, "corpus"] == "invented" and csv.loc[0, "precision"] == 1.0
    assert "| invented | 1 |" in (out / "evaluation.md").read_text()
    assert (out / "invented" / "gold_events.csv").exists()


@pytest.mark.parametrize(("published", "earliest", "latest", "verdict"), [
    ("2024-10-10", "", "", "right"),       # within the tolerance of one day
    ("2024-10-12", "", "", "wrong"),       # one day given, three days off
    ("", "2024-10-05", "2024-10-08", "range"),  # an honest range (widened by the tolerance)
    ("", "2024-10-01", "2024-10-03", "wrong-range"),
    ("", "", "", "missing"),
])
def test_date_verdicts_tell_a_confident_error_from_an_honest_range(
        synonyms, published, earliest, latest, verdict):
    gold = gold_corpus(documents=[("a.txt", "World Herald", "2024-10-09", 1, "")])
    predicted = pd.DataFrame([{"file": "a.txt", "published": published,
                               "published_earliest": earliest, "published_latest": latest,
                               "outlet": ""}])
    assert score_documents(gold, predicted, synonyms).loc[0, "date_verdict"] == verdict


def test_range_days_measure_the_width_of_ranges_only(synonyms):
    gold = gold_corpus(documents=[(f"{n}.txt", "World Herald", "2024-10-09", 1, "")
                                  for n in "abcd"])
    predicted = pd.DataFrame([
        {"file": "a.txt", "published": "2024-10-09", "published_earliest": "2024-10-09",
         "published_latest": "2024-10-10"},  # a day: its stamp's slack is no range
        {"file": "b.txt", "published": "", "published_earliest": "2024-10-05",
         "published_latest": "2024-10-08"},
        {"file": "c.txt", "published": "", "published_earliest": "2024-10-01",
         "published_latest": "2024-10-31"},
    ])
    docs = score_documents(gold, predicted, synonyms).set_index("file")
    assert docs["range_days"].fillna(-1).tolist() == [-1, 3, 30, -1]
    row = summarise("invented", docs.reset_index(), {})
    assert row["range_days"] == 16.5
    assert summarise("invented", docs.reset_index().iloc[:1], {})["range_days"] is None


def test_oracle_dates_give_every_document_its_gold_day_only_inside_the_diagnostic():
    """--oracle-dates: an upper bound 'if dating were perfect', never the default."""
    from trustbrief import dating
    from trustbrief.evaluation.run import _gold_publication_dates

    gold = gold_corpus(documents=[("a.txt", "World Herald", "2024-10-09", 0, "call"),
                                  ("b.txt", "World Herald", "2024-10-11", 0, "")])
    real = dating.infer_publication_dates
    docs = pd.DataFrame({"doc_id": ["d1", "d2", "d3"], "file": ["a.txt", "b.txt", "c.txt"],
                         "published": ["2024-01-01", "", ""], "published_basis": ["stated",
                                                                                "unknown", ""]})
    with _gold_publication_dates(gold):
        dated = dating.infer_publication_dates(docs, {}, pd.DataFrame())
    assert dating.infer_publication_dates is real
    assert dated["published"].tolist()[:2] == ["2024-10-09", "2024-10-11"]
    assert dated["published_latest"].tolist()[:2] == ["2024-10-09", "2024-10-11"]
    assert dated.loc[2, "published"] == ""  # not in the gold: left as dating found it
    assert docs.loc[0, "published"] == "2024-01-01"  # the input is not modified


def test_an_event_matching_two_gold_events_is_a_fragment_of_the_one_its_agent_did():
    """A US denial of warning holds the strike's keywords too: it is found for both, but a
    piece only of the gold event whose agent is its agent."""
    gold = GoldCorpus("invented", Path("invented"), pd.DataFrame(), pd.DataFrame([
        {"key": "strike", "date": "2024-09-27", "date_latest": "2024-09-27",
         "agent": "Israel", "keywords": "Beirut+strike", "notice": ""},
        {"key": "no_warning", "date": "2024-09-27", "date_latest": "2024-09-27",
         "agent": "United States (Pentagon, Austin)", "keywords": "not warned", "notice": ""},
    ]))
    predicted = pd.DataFrame([
        {"event_id": "e1", "date": "2024-09-27", "date_earliest": "2024-09-27",
         "date_latest": "2024-09-27", "label": "Israeli strike", "agent": "Israel",
         "agent_side": "Israel", "evidence": "Israel's strike in Beirut", "actors": "",
         "notice": ""},
        {"event_id": "e2", "date": "2024-09-27", "date_earliest": "2024-09-27",
         "date_latest": "2024-09-27", "label": "Austin says", "agent": "Lloyd Austin",
         "agent_side": "US", "evidence": "Austin said he was not warned of the strike in "
         "Beirut", "actors": "", "notice": ""},
    ])
    per_gold, pairs, summary = score_events(gold, predicted)
    per_gold = per_gold.set_index("key")
    assert per_gold["found"].all() and per_gold.loc["strike", "event_ids"] == "e1;e2"
    assert per_gold["fragments"].to_dict() == {"strike": 1, "no_warning": 1}
    assert summary["fragments"] == 1.0


def test_an_event_whose_sentence_tells_another_is_a_fragment_of_the_one_its_label_tells():
    """'X and Y were on the phone, hours after the raids' and 'X briefed Y on the raids': the
    call and the raids each hold the other's keywords through their sentence; each is a piece
    of the gold event its own label (or its agent by name) tells, not of both."""
    gold = GoldCorpus("invented", Path("invented"), pd.DataFrame(), pd.DataFrame([
        {"key": "call", "date": "2024-09-30", "date_latest": "2024-10-01",
         "agent": "Chad (Mahamat)", "keywords": "briefed Dupont|on the phone", "notice": ""},
        {"key": "raids", "date": "2024-09-30", "date_latest": "2024-10-01",
         "agent": "Chad", "keywords": "targeted raids|entered", "notice": ""},
    ]))
    day = {"date": "2024-09-30", "date_earliest": "2024-09-30", "date_latest": "2024-09-30",
           "actors": "", "notice": ""}
    predicted = pd.DataFrame([
        {**day, "event_id": "e1", "label": "Ali Mahamat and Jean Dupont speak by phone",
         "agent": "Ali Mahamat", "agent_side": "Chad",
         "evidence": "Mahamat and Dupont were on the phone hours after Chad's forces entered"},
        {**day, "event_id": "e2", "label": "Targeted raids launched by the army",
         "agent": "army", "agent_side": "Chad",
         "evidence": "Mahamat briefed Dupont on the targeted raids launched by the army"},
    ])
    per_gold, _, summary = score_events(gold, predicted)
    per_gold = per_gold.set_index("key")
    assert per_gold.loc["call", "event_ids"] == "e1;e2"  # both found through their sentence
    assert per_gold["fragments"].to_dict() == {"call": 1, "raids": 1}
    assert summary["fragments"] == 1.0


def test_an_honest_month_of_a_real_event_is_precise_but_does_not_find_it():
    """'met in September' for a summit of 31 Aug - 1 Sep: a real event with an honest month
    range counts for precision, not as found; a month of another event, or a wider range,
    counts for neither."""
    gold = GoldCorpus("invented", Path("invented"), pd.DataFrame(), pd.DataFrame([
        {"key": "summit", "date": "2025-08-31", "date_latest": "2025-09-01",
         "agent": "Chad", "keywords": "summit", "notice": ""},
    ]))
    def event(event_id, lo, hi, evidence):
        return {"event_id": event_id, "date": lo, "date_earliest": lo, "date_latest": hi,
                "label": "", "agent": "Chad", "agent_side": "Chad", "evidence": evidence,
                "actors": "", "notice": ""}
    predicted = pd.DataFrame([
        event("e1", "2025-09-01", "2025-09-30", "They met in September at the summit"),
        event("e2", "2025-05-01", "2025-05-31", "They met in May at the summit"),
        event("e3", "2025-07-01", "2025-09-30", "They met at the summit this summer"),
        event("e4", "2025-09-01", "2025-09-30", "They traded in September"),
    ])
    per_gold, _, summary = score_events(gold, predicted)
    assert not per_gold["found"].any()
    assert summary["precision"] == Score(1, 4)
    assert summary["precision_strict"] == Score(0, 4)
