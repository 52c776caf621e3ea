"""Quality on the real seeds: corpus -> extract -> dating -> timex -> events -> metrics.

Each key event of the story is exactly one event with the right date; the Axios story and
its rewrites are one origin; the advance notice reads as the articles tell it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from trustbrief import corpus, dating, events, extract, metrics, pipeline, timex

ROOT = Path(__file__).resolve().parents[1]
STORY_FILES = ROOT / "data" / "stories" / "us-israel"  # the default story's own files
DATA, SEEDS = ROOT / "data", ROOT / "seeds"


def run_pipeline(seeds_dir: Path) -> dict:
    rules = corpus.load_rules(DATA)
    lexicons = extract.load_lexicons(DATA)
    chronology = dating.load_chronology(STORY_FILES)
    docs, sents = corpus.build_corpus(corpus.read_seeds(seeds_dir, rules), rules,
                                      corpus.load_sidecar(STORY_FILES))
    found = extract.extract(sents, docs, lexicons)
    docs = dating.infer_publication_dates(docs, found, chronology)
    found["time_expressions"] = timex.resolve_time_expressions(found["time_expressions"], docs)
    found["mentions"] = extract.date_mentions(found["mentions"], found["time_expressions"])
    ev = events.build_events(found, docs, events.load_annotations(DATA), lexicons, chronology,
                             rules=events.load_labels(DATA),
                             focus="US->Israel")
    channels = pipeline.Knowledge(DATA).channels  # the default story's channels
    met = metrics.build_metrics(ev, found, docs, ("US", "Israel"), channels)
    return {"found": found, "docs": docs, **ev, **met}


@pytest.fixture(scope="module")
def built():
    return run_pipeline(SEEDS)


def only(frame, what):
    assert len(frame) == 1, f"{what}: expected one event, got\n" + frame[
        ["event_id", "date", "event_type", "label", "key"]].to_string()
    return frame.iloc[0]


def with_actors(ev, types, *names):
    return ev[ev["event_type"].isin(types)
              & ev["actors"].map(lambda actors: set(names) <= set(actors))]


def killing_of(built, person):
    ev = built["events"]
    return only(ev[(ev["event_type"] == "targeted_killing")
                   & ev["targets"].map(lambda t: person in t)], person)


def test_haniyeh_killed_on_31_july_with_no_notice(built):
    row = killing_of(built, "Ismail Haniyeh")
    assert row["date"] == "2024-07-31"
    assert row["notice"] == "none"


def test_nasrallah_killed_on_27_september_with_minutes_notice(built):
    row = killing_of(built, "Hassan Nasrallah")
    assert row["date"] == "2024-09-27"
    assert row["notice"] == "minutes"
    assert row["n_documents"] >= 4
    conflicts = built["conflicts"]
    notice = conflicts[(conflicts["event_id"] == row["event_id"])
                       & (conflicts["fact"] == "notice")]
    assert {"minutes", "none"} <= set(notice["value"])   # both accounts are kept


def test_pager_detonations_on_17_18_september_with_no_notice(built):
    ev = built["events"]
    row = only(ev[ev["event_type"] == "sabotage_detonation"], "pagers")
    assert (row["date_earliest"], row["date_latest"]) == ("2024-09-17", "2024-09-18")
    assert row["notice"] == "none"


def test_iran_missile_attack_on_1_october(built):
    ev = built["events"]
    row = only(ev[(ev["event_type"] == "missile_attack") & (ev["agent_side"] == "Iran")],
               "Iran's missile attack")
    assert row["date"] == "2024-10-01"
    assert row["notice"] == "n/a"


def test_sullivan_dermer_call_on_friday_4_october(built):
    row = only(with_actors(built["events"], ["phone_call", "meeting_visit"],
                           "Jake Sullivan", "Ron Dermer"), "Sullivan-Dermer call")
    assert row["date"] == "2024-10-04"


def test_gallant_trip_blocked_on_8_october(built):
    ev = built["events"]
    row = only(ev[ev["event_type"] == "visit_blocked"], "Gallant's trip blocked")
    assert row["date"] == "2024-10-08"
    assert "Yoav Gallant" in row["actors"]


def test_biden_netanyahu_call_on_9_october_is_only_planned(built):
    # the articles say the call is 'scheduled ... today': planned, dated by the plan
    calls = with_actors(built["events"], ["phone_call"], "Joe Biden", "Benjamin Netanyahu")
    planned = only(calls[calls["status"] == "planned"], "planned Biden-Netanyahu call")
    assert planned["date"] == "2024-10-09"
    asserted = calls[calls["status"] == "asserted"]
    assert "2024-10-09" not in set(asserted["date"])
    # no phone-call chronology row dates a meeting
    meetings = with_actors(built["events"], ["meeting_visit"], "Joe Biden", "Benjamin Netanyahu")
    assert not (meetings["date_basis"] == "chronology").any()


def test_airstrike_in_the_killing_sentence_is_the_killing(built):
    ev = built["events"]
    nasrallah = killing_of(built, "Hassan Nasrallah")
    assert nasrallah["notice"] == "minutes"
    strikes = ev[(ev["event_type"] == "airstrike") & ev["targets"].map(
        lambda t: "Lebanon" in t)]
    assert strikes.empty, strikes[["event_id", "label"]]
    assert "Hezbollah leader" in nasrallah["label"]


def test_planned_mentions_do_not_date_asserted_defence_contacts(built):
    ev = with_actors(built["events"], ["phone_call", "meeting_visit"], "Lloyd Austin",
                     "Yoav Gallant")
    asserted = ev[ev["status"] == "asserted"]
    assert (asserted["date"] == "").all()
    assert (ev[ev["status"] == "planned"]["date"] == "2024-10-09").any()


def test_axios_story_and_its_rewrites_are_one_origin(built):
    docs = built["docs"]
    citing = set(docs.loc[docs["cited_outlets"].map(lambda c: "Axios" in c), "doc_id"])
    assert len(citing) >= 2
    origin = events.origin_finder(built["found"], docs)
    assert {origin(d) for d in citing} == {"Axios"}
    # the call the Axios story reports is told by several documents, all from that one origin
    row = only(with_actors(built["events"], ["phone_call", "meeting_visit"],
                           "Jake Sullivan", "Ron Dermer"), "Sullivan-Dermer call")
    assert row["n_documents"] >= 2 and row["origins"] == ["Axios"] and row["n_origins"] == 1


def test_labels_are_short_and_unique_keys(built):
    ev = built["events"]
    assert ev["label"].map(len).max() <= 70
    assert ev["key"].is_unique
    assert killing_of(built, "Hassan Nasrallah")["label"].startswith("Israel kills")


def test_notice_ledger_and_cadence_on_the_seeds(built):
    ledger = built["notice_ledger"].set_index("event_id")
    nasrallah = killing_of(built, "Hassan Nasrallah")["event_id"]
    assert ledger.loc[nasrallah, "notice"] == "minutes"
    cadence = built["cadence"].set_index("channel")
    leaders = cadence.loc["leaders"]
    assert leaders["last_contact"] != "2024-10-09"
    assert (leaders["next_planned_status"], leaders["next_planned_date"]) == (
        "planned", "2024-10-09")
    assert leaders["previous_gap_days"] == 50 and leaders["previous_gap_basis"] == "stated"
    conflicts = built["count_conflicts"].set_index("value")
    assert conflicts.loc["two months", "account"] == "disagrees"
    defense = cadence.loc["defense"]
    stated = built["stated_measures"]
    counts = stated[(stated["channel"] == "defense") & (stated["measure"] == "contacts")]
    assert counts["value"].str.contains("125 times").any()
    assert (defense["next_planned_date"], defense["next_planned_status"]) == (
        "2024-10-09", "blocked")
    vague = built["events"][built["events"]["targets"].map(lambda t: "Middle East" in t)]
    assert not set(vague["event_id"]) & set(ledger.index)


# Invented articles in other outlets' styles: a wire story, an Israeli paper that gets the date
# wrong by a day, a blog. They retell events of the seeds in other words.
EXTRA = {
    "900_wire.txt": """Israel kills Hezbollah chief in Beirut strike
October 2, 2024
BEIRUT (Reuters) - Israel killed Hezbollah leader Hassan Nasrallah in a massive air strike on \
Beirut on September 27, 2024, the group confirmed.
U.S. officials said Washington received only a few minutes of warning before the strike.
""",
    "901_israeli.txt": """IDF eliminated Nasrallah: what comes next
Published October 3, 2024
The IDF eliminated Hezbollah Secretary-General Hassan Nasrallah on September 28, 2024 in the \
Dahiyeh district of Beirut.
Defense Minister Yoav Gallant informed his American counterpart only shortly before the \
operation.
""",
    "902_blog.txt": """Why Washington stopped trusting Jerusalem
October 5, 2024
Israel assassinated Hamas politburo chief Ismail Haniyeh in Tehran without telling the \
Americans.
They were caught off guard again when Nasrallah was assassinated.
""",
}


@pytest.fixture(scope="module")
def extended(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seeds_plus")
    for path in SEEDS.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    for name, text in EXTRA.items():
        (folder / name).write_text(text, encoding="utf-8")
    return run_pipeline(folder)


def test_retold_events_stay_one_event_and_the_wrong_date_is_a_conflict(built, extended):
    before, after = killing_of(built, "Hassan Nasrallah"), killing_of(extended, "Hassan Nasrallah")
    assert after["n_documents"] == before["n_documents"] + 3
    assert after["date"] == "2024-09-27" and after["date_basis"] == "explicit"
    docs = extended["docs"].set_index("file")
    wrong = docs.loc["901_israeli.txt", "doc_id"]
    conflicts = extended["conflicts"]
    mine = conflicts[(conflicts["event_id"] == after["event_id"]) & (conflicts["fact"] == "date")]
    disputed = mine[mine["account"] == "disagrees"]
    assert list(disputed["value"]) == ["2024-09-28"] and list(disputed["doc_ids"]) == [[wrong]]
    assert after["label"] == before["label"]
    assert after["notice"] == "minutes"
    ledger = extended["notice_ledger"].set_index("event_id")
    assert ledger.loc[after["event_id"], "notice"] == "minutes"
    haniyeh = killing_of(extended, "Ismail Haniyeh")
    assert haniyeh["date"] == "2024-07-31" and haniyeh["notice"] == "none"
    assert haniyeh["n_documents"] == killing_of(built, "Ismail Haniyeh")["n_documents"] + 1
