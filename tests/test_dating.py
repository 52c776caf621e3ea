"""dating: publication dates of undated articles from what they report, on invented articles."""

from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd
import pytest

from trustbrief import dating, timex
from trustbrief.knowledge import DataFileError

HEADER = "key,date,date_latest,event_type,actors,keywords,label,source\n"
FIXTURE_CHRONOLOGY = HEADER + "\n".join([
    "nasrallah,2024-09-27,,targeted_killing,Hassan Nasrallah,,Nasrallah killed,Wire",
    "iran_missiles,2024-10-01,,missile_attack,Iran,,Iran missile attack,Wire",
    "envoy_call,2024-10-04,,phone_call,Jake Sullivan;Ron Dermer,,Envoy call,Wire",
    "leaders_call,2024-10-09,,phone_call,Joe Biden;Benjamin Netanyahu,,Leaders call,Wire",
    "trip_blocked,2024-10-08,,visit_blocked,Yoav Gallant,,Trip blocked,Wire",
    "trip,2024-10-09,,meeting_visit,Yoav Gallant,trip|visit|travel,Planned trip,Wire",
    "devices,2024-09-17,2024-09-18,sabotage_detonation,Hezbollah,pager|radio,Devices,Wire",
]) + "\n"


@pytest.fixture
def chronology(tmp_path: Path) -> pd.DataFrame:
    (tmp_path / "chronology.csv").write_text("# fixture\n" + FIXTURE_CHRONOLOGY)
    return dating.load_chronology(tmp_path)


def article(doc_id: str, file: str, basis: str = "unknown", published: str = "") -> dict:
    return {"doc_id": doc_id, "file": file, "published": published,
            "published_earliest": published, "published_latest": published,
            "published_basis": basis, "published_evidence": ""}


def mention(doc_id: str, n: int, event_type: str, actors: str, text: str,
            polarity: str = "asserted") -> dict:
    sent_id = f"{doc_id}-s{n:03d}"
    return {"mention_id": f"{sent_id}-m1", "doc_id": doc_id, "sent_id": sent_id,
            "event_type": event_type, "actors": actors, "text": text, "polarity": polarity,
            "time_id": ""}


def found_for(mentions: list[dict]) -> dict:
    frame = pd.DataFrame(mentions)
    sentences = frame[["doc_id", "sent_id", "text"]].drop_duplicates()
    return {"mentions": frame, "time_expressions": timex.extract_time_expressions(sentences)}


def infer(docs: list[dict], mentions: list[dict], chronology: pd.DataFrame) -> pd.DataFrame:
    return dating.infer_publication_dates(pd.DataFrame(docs), found_for(mentions), chronology)


def test_wire_story_two_days_after_the_barrage(chronology):
    # Invented wire copy published Thursday 2024-10-03.
    docs = [article("dW", "wire.txt")]
    mentions = [
        mention("dW", 1, "missile_attack", "Iran;Israel",
                "Iran fired some 180 ballistic missiles at Israel two days ago, the IDF said."),
        mention("dW", 2, "targeted_killing", "Israel;Hassan Nasrallah",
                "The barrage followed the killing of Hassan Nasrallah in Beirut on Sept. 27."),
    ]
    out = infer(docs, mentions, chronology).iloc[0]
    assert out["published"] == "2024-10-03"
    assert out["published_basis"] == "inferred"
    assert "two days ago" in out["published_evidence"]


def test_israeli_daily_on_wednesday_and_late_last_night(chronology):
    # Invented Israeli-press story published Wednesday 2024-10-09.
    docs = [article("dI", "daily.txt")]
    mentions = [
        mention("dI", 1, "visit_blocked", "Benjamin Netanyahu;Yoav Gallant",
                "Netanyahu barred Gallant from flying to Washington late last night."),
        mention("dI", 2, "phone_call", "Joe Biden;Benjamin Netanyahu",
                "Biden and Netanyahu finally spoke on Wednesday, officials in Jerusalem said."),
        mention("dI", 3, "missile_attack", "Iran",
                "The leaders discussed Iran's Oct 1 missile barrage, which came earlier this "
                "month."),
    ]
    out = infer(docs, mentions, chronology).iloc[0]
    assert (out["published"], out["published_earliest"]) == ("2024-10-09", "2024-10-09")
    assert out["published_latest"] == "2024-10-09"
    assert out["published_evidence"].count(" | ") == 2


def test_blog_dated_by_earlier_this_month_and_late_last_night(chronology):
    # Invented blog post published Saturday 2024-10-05.
    docs = [article("dB", "blog.md")]
    mentions = [
        mention("dB", 1, "phone_call", "Jake Sullivan;Ron Dermer",
                "Sullivan pressed Dermer for clarity in a tense call late last night."),
        mention("dB", 2, "missile_attack", "Iran",
                "Iran's missile attack earlier this month changed the calculus."),
    ]
    out = infer(docs, mentions, chronology).iloc[0]
    assert out["published"] == "2024-10-05"


def test_arab_press_future_weekday_and_explicit_full_date(chronology):
    # Invented report published 2024-10-08: the visit is 'set for Wednesday' (upcoming).
    docs = [article("dA", "arab.txt")]
    mentions = [
        mention("dA", 1, "meeting_visit", "Yoav Gallant;Lloyd Austin",
                "Gallant's trip to the Pentagon, set for Wednesday, is in doubt.", "planned"),
        mention("dA", 2, "visit_blocked", "Benjamin Netanyahu;Yoav Gallant",
                "Netanyahu blocked the trip on 8 October 2024, sources said."),
    ]
    out = infer(docs, mentions, chronology).iloc[0]
    assert out["published"] == "2024-10-08"
    assert out["published_earliest"] == "2024-10-08"
    assert out["published_latest"] == "2024-10-09"


def test_explicit_dates_alone_bound_the_article_from_below(chronology):
    # A past event is a lower bound, not a day: the article gets an honest range, no day.
    docs = [article("dE", "explainer.txt")]
    mentions = [mention("dE", 1, "airstrike", "Israel;Lebanon",
                        "Israeli jets struck Beirut's southern suburbs on 2024-10-03.")]
    out = infer(docs, mentions, chronology).iloc[0]
    assert out["published"] == ""
    assert (out["published_earliest"], out["published_latest"]) == ("2024-10-03", "2024-10-17")
    assert out["published_basis"] == "inferred"
    assert "2024-10-03" in out["published_evidence"]


def test_background_events_only_give_a_range_up_to_the_corpus_end(chronology):
    # The only dated event is months old background; a dated article of the corpus is much
    # later: the range must reach it (the article may be as late as the corpus), not stop
    # a guessed lag after the old event.
    docs = [article("dB", "background.txt"), article("dL", "late.txt", "stated", "2025-03-01")]
    mentions = [mention("dB", 1, "missile_attack", "Iran",
                        "The talks come months after Iran's missile attack on 2024-10-01.")]
    out = infer(docs, mentions, chronology).set_index("doc_id").loc["dB"]
    # 'months after' the attack: two months less half of one after it (dating.explicit)
    assert out["published"] == "" and out["published_earliest"] == "2024-11-16"
    assert out["published_latest"] >= "2025-03-01"


def test_event_pinned_by_a_dated_article(chronology):
    # The chronology does not know the strike; a dated article dates it explicitly.
    docs = [article("dD", "dated.txt", "stated", "2024-10-27"), article("dU", "undated.txt")]
    mentions = [
        mention("dD", 1, "airstrike", "Israel;Iran",
                "Israeli jets struck military sites in Iran on 26 October, the IDF said."),
        mention("dU", 1, "airstrike", "Israel;Iran",
                "Israel's airstrike on Iran came late last night, Tehran said."),
    ]
    out = infer(docs, mentions, chronology).set_index("doc_id")
    assert out.loc["dU", "published"] == "2024-10-27"
    assert out.loc["dD", ["published", "published_basis"]].tolist() == ["2024-10-27", "stated"]


def test_majority_of_clues_beats_a_misread_one(chronology):
    docs = [article("dM", "mixed.txt")]
    mentions = [
        mention("dM", 1, "visit_blocked", "Yoav Gallant", "Gallant's trip was called off "
                "late last night."),
        mention("dM", 2, "phone_call", "Joe Biden;Benjamin Netanyahu",
                "Biden and Netanyahu will speak by phone today."),
        mention("dM", 3, "meeting_visit", "Yoav Gallant", "Gallant was due to visit today."),
        # misread: the envoy call was on a Friday, not 'yesterday' of the publication day
        mention("dM", 4, "phone_call", "Jake Sullivan", "Sullivan said yesterday that the "
                "envoy call had gone badly."),
    ]
    out = infer(docs, mentions, chronology).iloc[0]
    assert out[["published", "published_earliest", "published_latest"]].tolist() == [
        "2024-10-09", "2024-10-09", "2024-10-09"]


def test_multi_day_event_matches_any_of_its_days(chronology):
    docs = [article("dP", "pagers.txt")]
    mentions = [mention("dP", 1, "sabotage_detonation", "Hezbollah",
                        "Thousands of pagers exploded across Lebanon yesterday.")]
    out = infer(docs, mentions, chronology).iloc[0]
    assert (out["published"], out["published_latest"]) == ("2024-09-18", "2024-09-19")


def test_keywords_and_actors_must_match(chronology):
    docs = [article("dK", "k.txt")]
    mentions = [
        mention("dK", 1, "meeting_visit", "Yoav Gallant", "Gallant met troops yesterday."),
        mention("dK", 2, "phone_call", "Antony Blinken", "Blinken called his counterpart "
                "yesterday."),
    ]
    out = infer(docs, mentions, chronology).iloc[0]
    assert out["published_basis"] == "unknown" and out["published"] == ""


def test_no_evidence_keeps_unknown_and_warns(chronology, caplog):
    docs = [article("dN", "nothing.txt"), article("dS", "stated.txt", "stated", "2024-10-01")]
    mentions = [mention("dN", 1, "criticism", "Iran", "Iran criticised the plan.")]
    frame = pd.DataFrame(docs)
    before = frame.copy()
    with caplog.at_level(logging.INFO, logger="trustbrief"):
        out = dating.infer_publication_dates(frame, found_for(mentions), chronology)
    assert frame.equals(before)  # input untouched
    assert out.set_index("doc_id").loc["dN", "published_basis"] == "unknown"
    assert ("nothing.txt: no publication date found; add the row 'nothing.txt,,,YYYY-MM-DD,,,' "
            "to data/sources.csv") in caplog.text
    assert "stated.txt" not in caplog.text


def test_warnings_name_the_story_sidecar(chronology, caplog):
    docs = [article("dN", "nothing.txt")]
    mentions = [mention("dN", 1, "criticism", "Iran", "Iran criticised the plan.")]
    with caplog.at_level(logging.WARNING, logger="trustbrief"):
        dating.infer_publication_dates(pd.DataFrame(docs), found_for(mentions), chronology,
                                       sidecar_file="data/stories/pair/sources.csv")
    assert "'nothing.txt,,,YYYY-MM-DD,,,' to data/stories/pair/sources.csv" in caplog.text


def test_a_file_the_sidecar_lists_gets_its_cell_to_fill_not_a_second_row(chronology, caplog):
    # a second row for one file is refused by the sidecar: fill the row it has (its url)
    docs = [article("dN", "nothing.txt"), article("dL", "listed.txt")]
    mentions = [mention("dN", 1, "criticism", "Iran", "Iran criticised the plan."),
                mention("dL", 1, "criticism", "Iran", "Iran criticised the plan.")]
    with caplog.at_level(logging.WARNING, logger="trustbrief"):
        dating.infer_publication_dates(pd.DataFrame(docs), found_for(mentions), chronology,
                                       sidecar_file="data/stories/pair/sources.csv",
                                       sidecar_listed={"listed.txt"})
    assert ("listed.txt: no publication date found; put the day (YYYY-MM-DD) in the "
            "published column of its row in data/stories/pair/sources.csv") in caplog.text
    assert "add the row 'listed.txt" not in caplog.text
    assert "add the row 'nothing.txt,,,YYYY-MM-DD,,,'" in caplog.text


def test_inferred_dates_are_logged(chronology, caplog):
    docs = [article("dW", "wire.txt")]
    mentions = [mention("dW", 1, "missile_attack", "Iran", "Iran attacked Israel yesterday.")]
    with caplog.at_level(logging.INFO, logger="trustbrief"):
        infer(docs, mentions, chronology)
    assert "wire.txt: publication date 2024-10-02 (range 2024-10-02..2024-10-02)" in caplog.text


def test_sidecar_date_contradicted_by_the_text_is_reported(chronology, caplog):
    docs = [article("dX", "side.txt", "sidecar", "2024-09-20")]
    mentions = [mention("dX", 1, "visit_blocked", "Benjamin Netanyahu;Yoav Gallant",
                        "Netanyahu blocked Gallant's trip late last night.")]
    with caplog.at_level(logging.WARNING, logger="trustbrief"):
        out = infer(docs, mentions, chronology).iloc[0]
    assert out["published"] == "2024-09-20" and out["published_basis"] == "sidecar"
    assert "side.txt: sidecar date 2024-09-20" in caplog.text


def test_works_without_time_expressions_and_with_list_actors(chronology):
    docs = [article("dL", "lists.txt")]
    m = mention("dL", 1, "missile_attack", "", "Iran's missile attack came two days ago.")
    m["actors"] = ["Iran", "Israel"]
    out = dating.infer_publication_dates(pd.DataFrame(docs), {"mentions": pd.DataFrame([m])},
                                         chronology)
    assert out.iloc[0]["published"] == "2024-10-03"


def test_no_mentions_at_all(chronology):
    out = dating.infer_publication_dates(pd.DataFrame([article("d0", "x.txt")]),
                                         {"mentions": pd.DataFrame()}, chronology)
    assert out.iloc[0]["published_basis"] == "unknown"


def ungoverned(mentions: list[dict]) -> dict:
    """found_for without extract's choice of governing expressions (every expression of a
    sentence may date its mention, at full weight)."""
    found = found_for(mentions)
    found["mentions"] = found["mentions"].drop(columns=["time_id"])
    return found


def dated_without_chronology(tmp_path, docs: list[dict], found: dict) -> pd.DataFrame:
    """The stage's dates for docs, by doc_id, with an empty story chronology: only the
    articles themselves can anchor each other."""
    (tmp_path / "chronology.csv").write_text(HEADER)
    return dating.infer_publication_dates(pd.DataFrame(docs), found,
                                          dating.load_chronology(tmp_path)).set_index("doc_id")


def test_weekday_in_a_dated_article_pins_the_event_for_another(tmp_path):
    # No chronology: a dated article's 'on Wednesday' pins the call to 2024-10-09; an
    # undated one reporting the same call 'on Wednesday' in its lede is of Oct 9 or 10.
    docs = [article("dD", "dated.txt", "url", "2024-10-10"), article("dU", "undated.txt")]
    mentions = [
        mention("dD", 1, "phone_call", "Joe Biden;Benjamin Netanyahu",
                "Biden and Netanyahu spoke on Wednesday, the White House said."),
        mention("dU", 1, "phone_call", "Joe Biden;Benjamin Netanyahu",
                "Joe Biden and Benjamin Netanyahu agreed on Wednesday to stay in close contact."),
    ]
    out = dated_without_chronology(tmp_path, docs, ungoverned(mentions))
    assert out.loc["dU", ["published", "published_earliest", "published_latest"]].tolist() == [
        "2024-10-09", "2024-10-09", "2024-10-10"]


def test_an_article_event_without_actors_dates_nothing_else(tmp_path):
    # 'A strike on Friday' in a dated article names no actor: any strike could be it.
    docs = [article("dD", "dated.txt", "url", "2024-10-12"), article("dU", "undated.txt")]
    mentions = [mention("dD", 1, "airstrike", "", "A strike hit the port on Friday."),
                mention("dU", 1, "airstrike", "Israel;Lebanon",
                        "Israel struck Lebanon late last night.")]
    out = dated_without_chronology(tmp_path, docs, ungoverned(mentions))
    assert (out.loc["dU", "published"], out.loc["dU", "published_earliest"]) == ("", "")


def test_an_event_pinned_by_a_date_wins_over_one_pinned_by_a_weekday(tmp_path):
    # The dated article's 'Sunday' belongs to another verb: its attack is not of Oct 13.
    docs = [article("dA", "a.txt", "url", "2024-10-02"), article("dB", "b.txt", "url",
                                                                  "2024-10-14"),
            article("dU", "undated.txt")]
    mentions = [
        mention("dA", 1, "missile_attack", "Iran;Israel",
                "Iran fired missiles at Israel on Oct. 1, 2024, the army said."),
        mention("dB", 1, "missile_attack", "Iran;Israel",
                "The US said on Sunday it will send troops after missile attacks by Iran on "
                "Israel."),
        mention("dU", 1, "missile_attack", "Iran;Israel",
                "Israel weighs its response to a missile attack by Iran last week."),
    ]
    out = dated_without_chronology(tmp_path, docs, ungoverned(mentions))
    # 'last week' of 1 Oct: the week after it, and its Sunday 6 Oct (a Sunday-to-Saturday
    # week's 'last week')
    assert out.loc["dU", ["published_earliest", "published_latest"]].tolist() == [
        "2024-10-06", "2024-10-13"]


def test_a_weak_lede_weekday_never_makes_a_range_on_its_own(chronology):
    # The killing was on a Friday: 'on Tuesday' cannot be it (contradicted, left out); the
    # lede's weekdays alone bound nothing, so no day and no range rather than a wrong one.
    docs = [article("dW", "weak.txt")]
    mentions = [mention("dW", 1, "targeted_killing", "Israel;Hassan Nasrallah",
                        "Israel killed Hassan Nasrallah on Tuesday, officials said on "
                        "Thursday.")]
    out = dating.infer_publication_dates(pd.DataFrame(docs), ungoverned(mentions),
                                         chronology).iloc[0]
    assert (out["published"], out["published_earliest"]) == ("", "")


def test_a_lede_weekday_chooses_inside_the_range_and_never_moves_it(chronology):
    # 'yesterday' pins the day (Oct 10) whatever the lede's 'on Monday' says.
    docs = [article("dL", "lede.txt")]
    mentions = [mention("dL", 1, "phone_call", "Joe Biden;Benjamin Netanyahu",
                        "Biden and Netanyahu spoke yesterday; aides met on Monday.")]
    out = infer(docs, mentions, chronology).iloc[0]
    assert out["published"] == "2024-10-10"


def test_a_yearless_printed_date_older_than_every_dated_article(chronology):
    # '30 Dec.' on an article of a corpus whose dated articles are of July: last December.
    docs = [article("dT", "stamp.txt"), article("dJ", "july.txt", "url", "2025-07-01")]
    docs[0]["published_printed"] = "--12-30"
    mentions = [mention("dJ", 1, "criticism", "Iran", "Iran criticised the plan.")]
    out = infer(docs, mentions, chronology).set_index("doc_id").loc["dT"]
    assert (out["published"], out["published_basis"]) == ("2024-12-30", "stated")


@pytest.mark.parametrize(("lede", "expected"), [
    # 18 Sep 2023 was a Monday, 18 Sep 2024 a Wednesday: the lede's weekday says which year
    ("France on Monday expelled a senior Chadian diplomat.", "2023-09-18"),
    # a Wednesday agrees with the year that ends with the corpus's span: it stays
    ("France on Wednesday expelled a senior Chadian diplomat.", "2024-09-18"),
    # no year agrees with a Friday (nor the day after it): the first reading stands
    ("France on Friday expelled a senior Chadian diplomat.", "2024-09-18"),
])
def test_the_lede_weekday_chooses_the_year_of_a_yearless_printed_date(chronology, lede,
                                                                     expected):
    """A wire's 'PLACE, Sept 18 (Wire) -' in a corpus of two years' articles."""
    docs = [article("dT", "wire.txt"), article("dA", "a.txt", "url", "2023-09-20"),
            article("dB", "b.txt", "url", "2024-10-14")]
    docs[0]["published_printed"] = "--09-18"
    mentions = [mention("dT", 1, "restriction", "France;Chad", lede),
                mention("dA", 1, "criticism", "Chad", "Chad criticised the plan."),
                mention("dB", 1, "criticism", "Chad", "Chad criticised the plan.")]
    out = infer(docs, mentions, chronology).set_index("doc_id").loc["dT"]
    assert (out["published"], out["published_basis"]) == (expected, "stated")


def test_the_lede_weekday_may_choose_the_year_after_the_span(chronology):
    # 'PLACE, Nov 16 (Wire) -' after a corpus whose one dated article is of August: 16 Nov
    # 2022 was a Wednesday, 16 Nov 2023 a Thursday, and the lede says Thursday
    docs = [article("dT", "wire.txt"), article("dA", "a.txt", "url", "2023-08-28")]
    docs[0]["published_printed"] = "--11-16"
    mentions = [mention("dT", 1, "meeting_visit", "France;Chad",
                        "France and Chad agreed on Thursday to resume talks."),
                mention("dA", 1, "criticism", "Chad", "Chad criticised the plan.")]
    out = infer(docs, mentions, chronology).set_index("doc_id").loc["dT"]
    assert (out["published"], out["published_basis"]) == ("2023-11-16", "stated")


def test_one_event_reported_in_many_sentences_is_one_vote(chronology):
    # A printed '5 Oct.' (weight 3) against one dated event (Oct 8) the article mentions in
    # three sentences: three sentences are still one event, so the printed day wins.
    docs = [article("dP", "printed.txt"), article("dD", "dated.txt", "url", "2024-10-20")]
    docs[0]["published_printed"] = "--10-05"
    mentions = [mention("dP", n, "visit_blocked", "Yoav Gallant", text) for n, text in (
        (1, "Gallant's trip was blocked."), (2, "The blocked trip angered the Pentagon."),
        (3, "Officials discussed the blocked trip."))]
    out = infer(docs, mentions, chronology).set_index("doc_id").loc["dP"]
    assert (out["published"], out["published_basis"]) == ("2024-10-05", "stated")


# ---------------------------------------------------------------- chronology file

def test_real_chronology_loads_with_sources():
    story_files = Path(__file__).resolve().parents[1] / "data" / "stories" / "us-israel"
    chron = dating.load_chronology(story_files)
    assert list(chron.columns) == list(dating.CHRONOLOGY_COLUMNS)
    assert len(chron) >= 10 and chron["key"].is_unique
    assert (chron["source"].str.len() > 10).all()
    assert (chron["date"] <= chron["date_latest"]).all()
    assert all(isinstance(a, list) for a in chron["actors"])


@pytest.mark.parametrize("row, message", [
    ("k1,2024-13-01,,phone_call,A,,L,S", "line 3.*2024-13-01"),
    ("k1,2024/10/01,,phone_call,A,,L,S", "not YYYY-MM-DD"),
    (",2024-10-01,,phone_call,A,,L,S", "line 3: empty key"),
    ("k1,2024-10-01,,phone_call,A,(unclosed,L,S", "bad pattern"),
    ("k1,2024-10-05,2024-10-01,phone_call,A,,L,S", "date_latest .* is before date"),
    ("k1,2024-10-01,,,A,,L,S", "empty event_type"),
    ("k1,2024-10-01,,phone_call,A,,L,S\nk1,2024-10-02,,phone_call,A,,L,S",
     "line 4: duplicate key 'k1'"),
])
def test_chronology_errors_name_line_and_reason(tmp_path, row, message):
    (tmp_path / "chronology.csv").write_text("# c\n" + HEADER + row + "\n")
    with pytest.raises(DataFileError, match=message):
        dating.load_chronology(tmp_path)


def test_chronology_unknown_column(tmp_path):
    (tmp_path / "chronology.csv").write_text(
        "key,date,event_type,label,source,colour\nk,2024-10-01,phone_call,L,S,red\n")
    with pytest.raises(DataFileError, match="unknown column.*colour"):
        dating.load_chronology(tmp_path)


def test_explicit_dates_with_and_without_year(chronology):
    # Invented explainer published 2024-10-10: every clue is an explicit date or a bound.
    docs = [article("dX", "explainer.txt")]
    mentions = [
        mention("dX", 1, "phone_call", "Joe Biden;Benjamin Netanyahu",
                "Biden and Netanyahu spoke on 9 October 2024 for the first time since August."),
        mention("dX", 2, "targeted_killing", "Hassan Nasrallah",
                "Hezbollah confirmed on Sept. 28 that Nasrallah had been killed."),
        mention("dX", 3, "phone_call", "Joe Biden;Benjamin Netanyahu",
                "The leaders spoke again yesterday.", "asserted"),
    ]
    out = infer(docs, mentions, chronology).iloc[0]
    assert out["published"] == "2024-10-10"


def test_time_expression_claimed_by_another_mention_is_not_borrowed(chronology):
    # extract gave 'late last night' to the trip mention; the missile attack in the same
    # sentence must not be read as 'late last night' too.
    docs = [article("dG", "governed.txt")]
    text = ("Gallant called off his trip late last night, a week after Iran's missile attack.")
    trip = mention("dG", 1, "visit_blocked", "Yoav Gallant", text)
    trip["time_id"] = "dG-s001-t1"
    missiles = mention("dG", 1, "missile_attack", "Iran", text)
    out = infer(docs, [trip, missiles], chronology).iloc[0]
    assert (out["published"], out["published_latest"]) == ("2024-10-09", "2024-10-09")


# ---------------------------------------------------------------- explicit dates in the text

def sentences_of(doc_id: str, texts: list[str]) -> pd.DataFrame:
    return pd.DataFrame([{"doc_id": doc_id, "sent_id": f"{doc_id}-s{n:03d}", "text": text}
                         for n, text in enumerate(texts, start=1)])


def infer_texts(texts: list[str], dated: list[str], chronology: pd.DataFrame) -> pd.Series:
    """Date an article made of `texts` (no mention extracted), in a corpus whose other
    articles are of the `dated` days."""
    docs = [article("dA", "undated.txt")] + [
        article(f"d{n}", f"dated{n}.txt", "url", day) for n, day in enumerate(dated)]
    sentences = sentences_of("dA", texts)
    found = {"mentions": pd.DataFrame(columns=["doc_id", "sent_id", "event_type", "actors",
                                               "text", "time_id", "polarity"]),
             "time_expressions": timex.extract_time_expressions(sentences)}
    out = dating.infer_publication_dates(pd.DataFrame(docs), found, chronology,
                                         sentences=sentences)
    return out.set_index("doc_id").loc["dA"]


def test_lede_weekday_on_the_lede_date_pins_the_day(chronology):
    # 30 June 2025 is a Monday: the lede's 'on Monday' is the date of its second sentence.
    out = infer_texts(["Police raided the office of a news agency on Monday.",
                       "On June 30, officers searched the building, the ministry said."],
                      ["2025-07-03"], chronology)
    assert (out["published"], out["published_basis"]) == ("2025-06-30", "inferred")
    assert "June 30" in out["published_evidence"]


def test_a_lede_weekday_on_another_day_than_the_date_only_bounds(chronology):
    # 13 October 2024 is a Sunday: the Monday of the lede is some later Monday.
    out = infer_texts(["The minister on Monday pressed for more aid, as the deadline of an "
                       "Oct. 13 letter approaches."], ["2024-11-20"], chronology)
    assert out["published"] == ""
    assert out["published_earliest"] == "2024-10-14"


def test_a_weekday_printed_with_a_date_gives_the_year_and_the_week(chronology):
    # Dated articles of both Decembers: 28 December is a Saturday in 2024 only.
    texts = ["The two presidents spoke again about the crash.",
             "Aides to both leaders declined to comment on the call.",
             "Talks on compensation are expected early next year.",
             "Background on the crash follows below this paragraph.",
             "On Saturday, December 28, the two presidents called each other."]
    out = infer_texts(texts, ["2024-12-20", "2025-12-20"], chronology)
    assert out["published"] == ""
    assert (out["published_earliest"], out["published_latest"]) == ("2024-12-28",
                                                                     "2025-01-03")


def test_a_yearless_date_deep_in_the_article_bounds_nothing(chronology):
    # 'October 7' may be an anniversary of another year: far from the lede it counts not.
    texts = ["Officials met.", "They talked.", "Nothing was agreed.",
             "The war has gone on since October 7, officials said."]
    out = infer_texts(texts, ["2024-08-01"], chronology)
    assert (out["published"], out["published_earliest"]) == ("", "")


NARRATIVE_TEXTS = ["The ministry closed the agency's office.", "It gave no reason.",
                   "A note was sent to the embassy on March 3, 2025, the ministry said.",
                   "Officials declined to comment on the closure."]


@pytest.mark.parametrize(("sentence", "earliest"), [
    # a day of the narrative, of the one year the article prints: a lower bound
    ("Note that, on March 12, the cultural centre announced it would suspend its work.",
     "2025-03-12"),
    # a span's start, or the date as a name, may be an anniversary of another year
    ("The dispute, which began on March 12, has hurt trade, officials said.", "2025-03-03"),
    ("The March 12 decision was criticised, officials said.", "2025-03-03"),
])
def test_a_yearless_day_of_the_narrative_takes_the_printed_year(chronology, sentence,
                                                                 earliest):
    out = infer_texts([*NARRATIVE_TEXTS, sentence], ["2025-04-01"], chronology)
    assert (out["published"], out["published_earliest"]) == ("", earliest)


def test_a_yearless_day_of_the_narrative_needs_one_printed_year(chronology):
    # two printed years: which one the yearless day is of is not known
    texts = [*NARRATIVE_TEXTS, "The centre opened on March 1, 2024, officials said.",
             "Note that, on March 12, the centre announced it would suspend its work."]
    out = infer_texts(texts, ["2025-04-01"], chronology)
    assert out["published_earliest"] == "2025-03-03"


def test_a_yearless_day_the_corpus_prints_with_another_year_is_no_narrative_day(chronology):
    # another article prints 'March 12, 2023': the story remembers that day, so a yearless
    # 'on March 12,' may be its anniversary, not a day of the printed year
    docs = [article("dA", "undated.txt"), article("dB", "dated.txt", "url", "2025-04-01")]
    sentences = pd.concat([
        sentences_of("dA", [*NARRATIVE_TEXTS, "Note that, on March 12, the centre announced "
                                              "it would suspend its work."]),
        sentences_of("dB", ["The centre first closed its doors on March 12, 2023."])])
    found = {"mentions": pd.DataFrame(columns=["doc_id", "sent_id", "event_type", "actors",
                                               "text", "time_id", "polarity"]),
             "time_expressions": timex.extract_time_expressions(sentences)}
    out = dating.infer_publication_dates(pd.DataFrame(docs), found, chronology,
                                         sentences=sentences).set_index("doc_id").loc["dA"]
    assert out["published_earliest"] == "2025-03-03"


def test_a_date_in_a_clause_that_looks_ahead_bounds_from_above(chronology):
    out = infer_texts(["The ministers will meet on 9 October 2024 in Paris."],
                      ["2024-09-01"], chronology)
    assert out["published"] == ""
    assert out["published_latest"] == "2024-10-09"


def test_an_article_this_stage_dates_anchors_the_others(tmp_path):
    # The wire copy's printed '9 Oct.' finds its year in the corpus and dates its call
    # 'on Wednesday'; the undated article reporting the same call on Wednesday follows.
    docs = [article("dW", "wire.txt"), article("dU", "undated.txt"),
            article("dD", "dated.txt", "url", "2024-10-20")]
    docs[0]["published_printed"] = "--10-10"
    mentions = [
        mention("dW", 1, "phone_call", "Joe Biden;Benjamin Netanyahu",
                "Biden and Netanyahu spoke on Wednesday, the White House said."),
        mention("dU", 1, "phone_call", "Joe Biden;Benjamin Netanyahu",
                "Joe Biden and Benjamin Netanyahu agreed on Wednesday to stay in close contact."),
        mention("dD", 1, "criticism", "Iran", "Iran criticised the plan."),
    ]
    out = dated_without_chronology(tmp_path, docs, ungoverned(mentions))
    assert out.loc["dW", ["published", "published_basis"]].tolist() == ["2024-10-10", "stated"]
    assert out.loc["dU", ["published", "published_basis"]].tolist() == ["2024-10-09",
                                                                         "inferred"]


def test_an_event_known_only_by_its_sentences_names_dates_nothing_else(tmp_path):
    # The dated article's 'briefing' has no party of its own: the sentence's names
    # (a department, its country) say nothing of which briefing the undated one reports.
    docs = [article("dD", "dated.txt", "url", "2024-10-16"), article("dU", "undated.txt")]
    dated = mention("dD", 1, "notification", "",
                    "The State Department of the United States held a briefing on Tuesday.")
    undated = mention("dU", 1, "notification", "State Department;United States",
                      "The State Department of the United States said in a briefing Tuesday.")
    found = ungoverned([dated, undated])
    found["actor_mentions"] = pd.DataFrame([
        {"doc_id": "dD", "sent_id": "dD-s001", "actor": actor}
        for actor in ("State Department", "United States")])
    out = dated_without_chronology(tmp_path, docs, found)
    assert (out.loc["dU", "published"], out.loc["dU", "published_earliest"]) == ("", "")


def test_an_event_a_dated_article_places_in_its_week_dates_a_weekday(tmp_path):
    # The Sunday article's 'this week' is 29 July - 4 August 2024: the undated lede's
    # Wednesday is 31 July, and it is published that day or the next.
    docs = [article("dD", "dated.txt", "url", "2024-08-04"), article("dU", "undated.txt")]
    mentions = [
        mention("dD", 1, "targeted_killing", "Israel;Hamas",
                "Tensions rose this week after Israel killed a Hamas leader."),
        mention("dU", 1, "targeted_killing", "Israel;Hamas",
                "Israel killed a Hamas leader in the capital on Wednesday, officials said."),
    ]
    out = dated_without_chronology(tmp_path, docs, ungoverned(mentions))
    assert out.loc["dU", ["published", "published_earliest", "published_latest"]].tolist() == [
        "2024-07-31", "2024-07-31", "2024-08-01"]


def test_an_event_known_by_its_week_yields_to_one_known_by_its_day(tmp_path):
    # The same killing is dated to a day (Friday 26 July) by one article and to a week by
    # another: the day is the anchor, the week never widens it.
    docs = [article("dD", "dated.txt", "url", "2024-08-04"),
            article("dE", "daily.txt", "url", "2024-07-27"), article("dU", "undated.txt")]
    mentions = [
        mention("dD", 1, "targeted_killing", "Israel;Hamas",
                "Tensions rose last week after Israel killed a Hamas leader."),
        mention("dE", 1, "targeted_killing", "Israel;Hamas",
                "Israel killed a Hamas leader on Friday, the army said."),
        mention("dU", 1, "targeted_killing", "Israel;Hamas",
                "Israel killed a Hamas leader two days ago, officials said."),
    ]
    out = dated_without_chronology(tmp_path, docs, ungoverned(mentions))
    assert out.loc["dU", "published"] == "2024-07-28"


def test_another_articles_one_party_event_is_not_a_two_party_one(tmp_path):
    # 'Russia restricted ... on Monday' (one party) says nothing of which restriction the
    # undated article's 'the airline suspended its flights to Russia' (two parties) is.
    docs = [article("dD", "dated.txt", "url", "2025-02-05"), article("dU", "undated.txt")]
    mentions = [
        mention("dD", 1, "restriction", "Russia", "Russia restricted the agency on Monday."),
        mention("dU", 1, "restriction", "Azerbaijan;Russia",
                "The airline of Azerbaijan suspended its flights to Russia."),
    ]
    out = dated_without_chronology(tmp_path, docs, ungoverned(mentions))
    assert (out.loc["dU", "published"], out.loc["dU", "published_earliest"]) == ("", "")


def test_another_articles_one_party_weekday_event_is_not_this_ones(tmp_path):
    # 'a briefing Tuesday' (the US, one party, dated by a weekday of a November article) is
    # not the briefing an undated September article says the US received.
    docs = [article("dD", "dated.txt", "url", "2024-11-13"), article("dU", "undated.txt")]
    mentions = [
        mention("dD", 1, "notification", "United States",
                "The US was told of the decision in a briefing Tuesday."),
        mention("dU", 1, "notification", "United States",
                "The US received another briefing following the strike."),
    ]
    out = dated_without_chronology(tmp_path, docs, ungoverned(mentions))
    assert (out.loc["dU", "published"], out.loc["dU", "published_earliest"]) == ("", "")


def test_a_date_after_a_future_cue_is_a_plan(chronology):
    # 'set for Nov. 5, 2024': the vote is ahead, not past (an upper bound, not a lower one).
    out = infer_texts(["The vote is set for Nov. 5, 2024, officials said."], ["2024-10-20"],
                      chronology)
    assert out["published"] == ""
    assert out["published_latest"] == "2024-11-05"


def test_extracts_reading_of_the_verb_a_date_governs_outranks_the_clause(chronology):
    # no auxiliary in the clause, but extract reads the summit as planned: an upper bound;
    # a hypothetical one's date bounds nothing
    docs = [article("dA", "undated.txt"), article("dD", "dated.txt", "url", "2024-10-20")]
    text = "A summit on Nov. 20, 2024 would settle the matter."
    summit = mention("dA", 1, "meeting_visit", "Iran;Israel", text, "planned")
    summit["time_id"] = "dA-s001-t1"
    for polarity, latest in (("planned", "2024-11-20"), ("hypothetical", "")):
        summit["polarity"] = polarity
        out = infer(docs, [summit], chronology).set_index("doc_id").loc["dA"]
        assert (out["published"], out["published_latest"]) == ("", latest)


def test_a_weekday_with_a_full_date_is_no_sign_of_the_past_week(chronology):
    # A retrospective dates an old day with weekday and year: it bounds from below only.
    texts = ["Officials looked back on the year of fighting.",
             "Nothing new was said at the briefing, aides added.",
             "A review of the campaign is due in the spring.",
             "On Monday, 30 September 2024, the first raids began."]
    out = infer_texts(texts, ["2024-12-01"], chronology)
    assert (out["published"], out["published_earliest"]) == ("", "2024-09-30")
    assert out["published_latest"] > "2024-10-06"


def test_last_week_of_a_sunday_paper_holds_the_wednesday_just_past(tmp_path):
    # An American Sunday paper (29 December) calls Wednesday 25 December 'last week': its
    # week runs Sunday to Saturday. Read Monday-to-Sunday only, the clue would put the
    # article in 30 December - 5 January, a range that misses its day.
    docs = [article("dD", "dated.txt", "url", "2024-12-26"), article("dU", "undated.txt")]
    mentions = [
        mention("dD", 1, "shootdown", "Norland;Southia",
                "Norland shot down a Southia airliner on Dec. 25, 2024, officials said."),
        mention("dU", 1, "shootdown", "Norland;Southia",
                "Southia demands an apology after Norland shot down its airliner last week."),
    ]
    out = dated_without_chronology(tmp_path, docs, ungoverned(mentions))
    earliest, latest = out.loc["dU", ["published_earliest", "published_latest"]].tolist()
    assert earliest <= "2024-12-29" <= latest
    assert (earliest, latest) == ("2024-12-29", "2025-01-05")
