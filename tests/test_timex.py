"""timex: finding time expressions in invented news sentences and resolving them."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustbrief import timex
from trustbrief.knowledge import DataFileError

DATA = Path(__file__).resolve().parents[1] / "data"
WED = dt.date(2024, 10, 9)  # a Wednesday
D = dt.date.fromisoformat


def only(text: str) -> timex.TimeExpr:
    found = timex.find_time_expressions(text)
    assert len(found) == 1, found
    return found[0]


def resolved(text: str, anchor: dt.date = WED) -> timex.Resolved:
    return timex.resolve_spec(only(text).spec, anchor)


@pytest.mark.parametrize("sentence, surface, day", [
    ("Nasrallah was killed in a strike on Sept. 28, officials said.", "Sept. 28", "2024-09-28"),
    ("The report was published September 29, 2024 in Jerusalem.", "September 29, 2024",
     "2024-09-29"),
    ("Talks resumed on 9 October in Cairo.", "9 October", "2024-10-09"),
    ("Talks resumed on 9 October 2024 in Cairo.", "9 October 2024", "2024-10-09"),
    ("Iran fired about 180 missiles on Oct 1.", "Oct 1", "2024-10-01"),
    ("The barrage of Oct. 1st shocked planners.", "Oct. 1st", "2024-10-01"),
    ("Dated 2024-10-01 in the log.", "2024-10-01", "2024-10-01"),
    ("The attack came on 1 October, officials said.", "1 October", "2024-10-01"),
    ("UPDATED: OCTOBER 8, 2024 20:55", "OCTOBER 8, 2024", "2024-10-08"),
    ("The talks, held on Tuesday, Oct. 8, ended late.", "Tuesday, Oct. 8", "2024-10-08"),
    ("He spoke on the 5th of October.", "the 5th of October", "2024-10-05"),
    ("The visit took place on August 18-19, 2023.", "August 18-19, 2023", "2023-08-18"),
    ("The summit met on 18–19 August 2023 in Baku.", "18–19 August 2023", "2023-08-18"),
])
def test_explicit_dates(sentence, surface, day):
    expr = only(sentence)
    assert (expr.text, expr.kind) == (surface, "date")
    assert sentence[expr.start:expr.end] == surface
    r = timex.resolve_spec(expr.spec, WED)
    assert (r.date, r.precision, r.basis) == (D(day), "day", "explicit")


def test_yearless_date_takes_the_year_nearest_the_anchor():
    assert timex.resolve_spec("md:12-28", dt.date(2025, 1, 3)).date == dt.date(2024, 12, 28)
    assert timex.resolve_spec("md:01-02", dt.date(2024, 12, 30)).date == dt.date(2025, 1, 2)
    assert timex.resolve_spec("md:09-28", WED).date == dt.date(2024, 9, 28)
    assert timex.resolve_spec("md:09-28", None) == timex.UNRESOLVED
    assert timex.resolve_spec("md:02-29", dt.date(2025, 3, 1)).date == dt.date(2024, 2, 29)


@pytest.mark.parametrize("sentence, surface, day", [
    ("The cabinet met on Friday to discuss the response.", "on Friday", "2024-10-04"),
    ("In a call last Friday, Sullivan pressed Dermer.", "last Friday", "2024-10-04"),
    ("He was expected to depart on Tuesday night.", "on Tuesday night", "2024-10-08"),
    ("On Tuesday evening, officials said the trip was off.", "On Tuesday evening", "2024-10-08"),
    ("Officials spoke on Wednesday, hours before the call.", "on Wednesday", "2024-10-09"),
    ("The envoy lands this Wednesday.", "this Wednesday", "2024-10-09"),
    ("The envoy lands next Monday.", "next Monday", "2024-10-14"),
    ("The visit, originally set for Thursday, was called off.", "Thursday", "2024-10-10"),
    ("A meeting scheduled for Monday was postponed.", "Monday", "2024-10-14"),
    ("The minister will travel to Washington on Saturday.", "on Saturday", "2024-10-12"),
    ("Last Wednesday the envoy flew home.", "Last Wednesday", "2024-10-02"),
    ("Officials say the operation could begin as soon as Monday.", "Monday", "2024-10-14"),
    ("The vote may come as early as Friday.", "Friday", "2024-10-11"),
])
def test_weekdays(sentence, surface, day):
    expr = only(sentence)
    assert (expr.text, expr.kind) == (surface, "weekday")
    r = timex.resolve_spec(expr.spec, WED)
    assert (r.date, r.precision, r.basis) == (D(day), "day", "relative")


@pytest.mark.parametrize("sentence", [
    "We were told nothing, a US official said.",
    "Israel may strike soon, and we may never know.",
    "The May be a problem headline is not a date.",
    "Officials marched in protest.",
    "He said it was a one-day visit.",
])
def test_false_friends_are_not_dates(sentence):
    assert [e for e in timex.find_time_expressions(sentence) if e.kind != "duration"] == []


@pytest.mark.parametrize("sentence, surface, earliest, latest, precision", [
    ("The plan was announced earlier today.", "earlier today", "2024-10-09", "2024-10-09",
     "day"),
    ("Gallant announced late last night that he would stay.", "late last night", "2024-10-08",
     "2024-10-08", "day"),
    ("Yesterday, the Pentagon confirmed it.", "Yesterday", "2024-10-08", "2024-10-08", "day"),
    ("The cabinet meets tonight.", "tonight", "2024-10-09", "2024-10-09", "day"),
    ("The strike came two days ago.", "two days ago", "2024-10-07", "2024-10-07", "day"),
    ("The talks began three weeks ago.", "three weeks ago", "2024-09-15", "2024-09-21", "range"),
    ("Iran attacked Israel last week.", "last week", "2024-09-30", "2024-10-06", "week"),
    ("Officials met this week.", "this week", "2024-10-07", "2024-10-13", "week"),
    ("The envoy will return next week.", "next week", "2024-10-14", "2024-10-20", "week"),
    ("The leaders spoke earlier this month.", "earlier this month", "2024-10-01", "2024-10-08",
     "range"),
    ("The pagers exploded last month.", "last month", "2024-09-01", "2024-09-30", "month"),
    ("A call is expected in the coming days.", "in the coming days", "2024-10-10",
     "2024-10-16", "range"),
    ("Recent weeks have seen trust erode.", "Recent weeks", "2024-09-11", "2024-10-09",
     "range"),
    ("Envoys met over the weekend in Doha.", "over the weekend", "2024-10-05", "2024-10-06",
     "range"),
    ("Talks could resume in the days ahead.", "in the days ahead", "2024-10-10", "2024-10-16",
     "range"),
    ("The drone hit Haifa 48 hours ago.", "48 hours ago", "2024-10-07", "2024-10-07", "day"),
])
def test_relative_expressions(sentence, surface, earliest, latest, precision):
    expr = only(sentence)
    assert (expr.text, expr.kind) == (surface, "relative")
    r = timex.resolve_spec(expr.spec, WED)
    assert (r.earliest, r.latest, r.precision) == (D(earliest), D(latest), precision)
    assert r.earliest <= r.date <= r.latest
    assert r.basis == "relative"
    assert timex.resolve_spec(expr.spec, None) == timex.UNRESOLVED


@pytest.mark.parametrize("sentence, surface, earliest, latest, precision", [
    ("Haniyeh was killed in July in Tehran.", "in July", "2024-07-01", "2024-07-31", "month"),
    ("Devices exploded in late September.", "in late September", "2024-09-21", "2024-09-30",
     "range"),
    ("The offensive began in mid-August.", "in mid-August", "2024-08-11", "2024-08-20",
     "range"),
    ("Relations soured in October 2023.", "in October 2023", "2023-10-01", "2023-10-31", "month"),
])
def test_month_level(sentence, surface, earliest, latest, precision):
    expr = only(sentence)
    assert expr.text == surface
    r = timex.resolve_spec(expr.spec, WED)
    assert (r.earliest, r.latest, r.precision, r.basis) == (D(earliest), D(latest), precision,
                                                             "explicit")


@pytest.mark.parametrize("sentence, surface, kind, days, approx", [
    ("They have not spoken in nearly 50 days.", "nearly 50 days", "duration", 50, "under"),
    ("It was the first call in two months.", "two months", "duration", 60, ""),
    ("He had known of the trip for a week.", "for a week", "duration", 7, ""),
    ("The two spoke over 125 times during the war.", "over 125 times", "count", None, "over"),
    ("Talks lasted more than 48 hours.", "more than 48 hours", "duration", 2, "over"),
    ("The siege lasted about twenty-five days.", "about twenty-five days", "duration", 25,
     "about"),
])
def test_measures_are_never_dates(sentence, surface, kind, days, approx):
    expr = only(sentence)
    assert (expr.text, expr.kind, expr.measure_approx) == (surface, kind, approx)
    if days is None:
        assert expr.measure_days is None
    else:
        assert expr.measure_days == pytest.approx(days, abs=0.01)
    assert timex.resolve_spec(expr.spec, WED) == timex.UNRESOLVED


def test_count_and_window_in_one_phrase():
    found = timex.find_time_expressions("whom he tried to dismiss twice in the past two years")
    assert [(e.text, e.kind, e.spec) for e in found] == [
        ("twice", "count", "count:2"), ("two years", "duration", "dur:730")]


def test_expressions_do_not_overlap_and_are_ordered():
    text = ("On Tuesday evening, a day after Iran's Oct. 1 barrage and two days ago by some "
            "counts, officials said the call would come in the coming days.")
    found = timex.find_time_expressions(text)
    assert [e.text for e in found] == ["On Tuesday evening", "Oct. 1", "two days ago",
                                       "in the coming days"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def sentences_frame(texts: list[str], doc_id: str = "dA") -> pd.DataFrame:
    return pd.DataFrame({"doc_id": doc_id, "sent_id": [f"{doc_id}-s{i:03d}" for i in
                                                        range(1, len(texts) + 1)],
                         "start": 0, "end": [len(t) for t in texts], "text": texts})


def test_extract_and_resolve_tables():
    sents = sentences_frame(["Gallant left yesterday for a week.", "No dates here.",
                             "Iran attacked on Oct 1 and again on Friday."])
    times = timex.extract_time_expressions(sents)
    assert list(times.columns) == list(timex.BASE_COLUMNS)
    assert times["time_id"].tolist() == ["dA-s001-t1", "dA-s001-t2", "dA-s003-t1",
                                         "dA-s003-t2"]
    for row in times.to_dict("records"):
        text = sents.set_index("sent_id").loc[row["sent_id"], "text"]
        assert text[row["start"]:row["end"]] == row["text"]
    docs = pd.DataFrame({"doc_id": ["dA"], "published": ["2024-10-09"],
                         "published_earliest": ["2024-10-08"],
                         "published_latest": ["2024-10-09"], "published_basis": ["inferred"]})
    out = timex.resolve_time_expressions(times, docs)
    assert list(out.columns) == list(timex.SCHEMA["time_expressions"])
    by_text = out.set_index("text")
    assert by_text.loc["yesterday", "date"] == "2024-10-08"
    assert by_text.loc["yesterday", "date_earliest"] == "2024-10-07"  # anchor may be Oct 8
    assert by_text.loc["yesterday", "basis"] == "relative-inferred"
    assert by_text.loc["Oct 1", ["date", "basis", "precision"]].tolist() == [
        "2024-10-01", "explicit", "day"]
    assert by_text.loc["for a week", ["date", "basis"]].tolist() == ["", "unresolved"]
    assert pd.isna(by_text.loc["Oct 1", "measure_days"])
    assert by_text.loc["for a week", "measure_days"] == 7
    assert times.equals(timex.extract_time_expressions(sents))  # deterministic, input intact


def test_one_reading_of_a_spec_shared_by_articles_of_the_same_days():
    # resolve_time_expressions reads a spec once for articles of the same days; a day the
    # stage inferred still marks its relative readings, an article's stated day does not
    sents = pd.concat([sentences_frame(["They met yesterday."], doc_id=doc)
                       for doc in ("dA", "dB", "dC")], ignore_index=True)
    times = timex.extract_time_expressions(sents)
    docs = pd.DataFrame({"doc_id": ["dA", "dB", "dC"], "published": ["2024-10-09"] * 3,
                         "published_earliest": ["2024-10-08", "2024-10-08", ""],
                         "published_latest": ["2024-10-09", "2024-10-09", ""],
                         "published_basis": ["stated", "inferred", "inferred"]})
    out = timex.resolve_time_expressions(times, docs).set_index("doc_id")
    assert out["basis"].tolist() == ["relative", "relative-inferred", "relative-inferred"]
    assert out["date_earliest"].tolist() == ["2024-10-07", "2024-10-07", "2024-10-08"]


def test_unknown_document_date_leaves_relative_expressions_unresolved():
    sents = sentences_frame(["It happened yesterday, not on 2024-09-01."], "dB")
    docs = pd.DataFrame({"doc_id": ["dB"], "published": [""], "published_earliest": [""],
                         "published_latest": [""], "published_basis": ["unknown"]})
    out = timex.resolve_time_expressions(timex.extract_time_expressions(sents), docs)
    assert out[["text", "basis"]].values.tolist() == [["yesterday", "unresolved"],
                                                      ["2024-09-01", "explicit"]]


def test_empty_sentences_give_empty_typed_table():
    empty = timex.extract_time_expressions(sentences_frame([]))
    assert empty.empty and list(empty.columns) == list(timex.BASE_COLUMNS)
    out = timex.resolve_time_expressions(empty, pd.DataFrame(columns=["doc_id"]))
    assert list(out.columns) == list(timex.SCHEMA["time_expressions"])


def test_vocabulary_file_errors_name_the_problem(tmp_path):
    shutil.copy(DATA / "time_expressions.yaml", tmp_path / "time_expressions.yaml")
    path = tmp_path / "time_expressions.yaml"
    text = path.read_text()
    path.write_text(text.replace("  yesterday: reld:-1\n", "  yesterday: reld:minus-one\n"))
    with pytest.raises(DataFileError, match="relative: yesterday.*bad spec"):
        timex.load_vocabulary(tmp_path)
    path.write_text(text.replace("  13: ", "  13: ") .replace("  12: [December, Dec]",
                                                              "  13: [December, Dec]"))
    with pytest.raises(DataFileError, match="month number must be 1..12"):
        timex.load_vocabulary(tmp_path)
    path.write_text(text.replace("  nearly: under", "  nearly: below"))
    with pytest.raises(DataFileError, match="approximators: nearly"):
        timex.load_vocabulary(tmp_path)


def test_vocabulary_is_data_driven(tmp_path):
    text = (DATA / "time_expressions.yaml").read_text()
    (tmp_path / "time_expressions.yaml").write_text(
        text.replace("  the other day: rng:-5:-1\n", "  the other day: rng:-5:-1\n"
                                                     "  a fortnight back: rng:-16:-12\n"))
    vocab = timex.load_vocabulary(tmp_path)
    found = timex.find_time_expressions("It began a fortnight back.", vocab)
    assert [(e.text, e.spec) for e in found] == [("a fortnight back", "rng:-16:-12")]


# ---------------------------------------------------------------- properties

@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_find_never_crashes_and_spans_index_text(text):
    for expr in timex.find_time_expressions(text):
        assert text[expr.start:expr.end] == expr.text
        assert expr.kind in timex.KINDS
        assert timex.is_valid_spec(expr.spec)


NEWSY = st.lists(st.sampled_from(
    ["on", "last", "Friday", "Sept.", "28", "2024", "October", "9", "nearly", "50", "days",
     "ago", "two", "weeks", "late", "night", "May", "We", "in", "the", "coming", "times",
     "over", "125", "Oct", "1st", ",", "twenty-five", "this", "month", "earlier", "today"]),
    max_size=25).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(NEWSY, st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_newsy_text_resolves_against_any_anchor(text, anchor):
    for expr in timex.find_time_expressions(text):
        assert text[expr.start:expr.end] == expr.text
        r = timex.resolve_spec(expr.spec, anchor)
        assert r.precision in ("day", "range", "week", "month", "unknown")
        if r.date is not None:
            assert r.earliest <= r.date <= r.latest
        if expr.kind in timex.MEASURE_KINDS:
            assert r == timex.UNRESOLVED


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=40),
                 st.from_regex(r"(abs|md|ym|m|ys|s|weekday|reld|relw|relm|rely|rng|dur|count):"
                               r"[-0-9A-Za-z:]{0,20}", fullmatch=True)),
       st.one_of(st.none(), st.dates()))
def test_resolve_spec_never_crashes(spec, anchor):
    r = timex.resolve_spec(spec, anchor)
    assert isinstance(r, timex.Resolved)
    assert (r.date is None) == (r.earliest is None) == (r.latest is None)


@pytest.mark.parametrize("sentence, surface, anchor, earliest, latest", [
    # a past act retold: 'last December' is the December before, not the one ahead
    ("It admitted on Thursday that it shot down an airliner last December.", "last December",
     D("2025-10-09"), "2024-12-01", "2024-12-31"),
    ("The talks began this past August.", "this past August", D("2025-10-09"), "2025-08-01",
     "2025-08-31"),
    ("Said in December: the vote is set for next March.", "next March", D("2024-12-20"),
     "2025-03-01", "2025-03-31"),
    ("Last December the envoy resigned.", "Last December", D("2025-12-20"), "2024-12-01",
     "2024-12-31"),
])
def test_last_and_next_month_are_strictly_before_or_after(sentence, surface, anchor,
                                                          earliest, latest):
    found = [e for e in timex.find_time_expressions(sentence) if e.text == surface]
    assert len(found) == 1, timex.find_time_expressions(sentence)
    r = timex.resolve_spec(found[0].spec, anchor)
    assert (r.earliest, r.latest, r.precision) == (D(earliest), D(latest), "month")
    # with its year the cue says nothing more
    assert only("The plane was downed last December 2024.").spec == "ym:2024-12"


@pytest.mark.parametrize("anchor, month, year", [
    ("2024-10-15", "April", 2024),  # half a year either way: the past one
    ("2024-10-15", "November", 2024),  # next month: still the nearest
    ("2024-10-15", "February", 2025),  # four months ahead, eight back: ahead
    ("2025-06-29", "February", 2025),
])
def test_a_bare_month_half_a_year_away_is_the_past_one(anchor, month, year):
    expr = only(f"The government had sent a letter in {month}.")
    r = timex.resolve_spec(expr.spec, D(anchor))
    assert (r.earliest.year, r.earliest.month, r.precision) == (
        year, timex.default_vocabulary().months[month.lower()], "month")


@pytest.mark.parametrize("sentence, surface, month", [
    ("Lawmakers blamed Russia for February cyberattack.", "February", 2),
    ("The April letter asked for more aid.", "April", 4),
])
def test_a_month_naming_what_a_noun_tells_is_a_month(sentence, surface, month):
    expr = only(sentence)
    assert (expr.text, expr.spec) == (surface, f"m:{month:02d}")


@pytest.mark.parametrize("sentence", ["Theresa May said it may rain.",
                                      "Officials said June was hot."])
def test_a_name_or_a_verb_is_no_month(sentence):
    assert timex.find_time_expressions(sentence) == []
