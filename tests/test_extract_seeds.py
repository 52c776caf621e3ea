"""Quality fixture on the real seeds: an analyst's list of every event sentence.

Each entry names a sentence by a snippet of its text and states what extraction must find
there: the event type, actors that must take part, and the governing time expression (or None:
the mention must stay open). The corpus and time expressions come from the real stages.
"""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd
import pytest

from trustbrief import corpus, extract, timex

ROOT = Path(__file__).resolve().parents[1]
STORY_FILES = ROOT / "data" / "stories" / "us-israel"  # the default story's own files
SEEDS, DATA = ROOT / "seeds", ROOT / "data"

# (sentence snippet, event type, actors that must be among the mention's actors,
#  governing time text or None for open, expected polarity or None for any)
EVENTS = [
    # the Nasrallah killing and how little notice Austin had
    ("the IDF was about to kill Hezbollah chief", "targeted_killing",
     {"IDF", "Hassan Nasrallah"}, None, "asserted"),
    ("lost it with Gallant over the Nasrallah killing", "targeted_killing",
     {"Hassan Nasrallah"}, None, "asserted"),
    ("the decision itself to kill Nasrallah", "targeted_killing", {"Hassan Nasrallah"}, None,
     None),
    ("recent assassination of Hezbollah leader Hassan Nasrallah", "targeted_killing",
     {"Hassan Nasrallah"}, None, "asserted"),
    ("learned of the assassination of Hezbollah", "targeted_killing", {"Hassan Nasrallah"}, None,
     "asserted"),
    ("learned of the assassination of Hezbollah", "airstrike", {"IDF", "Lebanon"}, None,
     "asserted"),
    ("the assassination of the militia's leader", "targeted_killing",
     {"Hassan Nasrallah", "Lebanon"}, None, "asserted"),
    ("when Gallant informed Austin of the strike", "phone_call",
     {"Yoav Gallant", "Lloyd Austin"}, None, "asserted"),
    ("when Gallant informed Austin of the strike", "notification",
     {"Yoav Gallant", "Lloyd Austin"}, None, "asserted"),
    ("In a second call later that same day", "phone_call", {"Yoav Gallant", "Lloyd Austin"},
     None, "asserted"),
    # the Haniyeh assassination
    ("assassination of Hamas leader Ismail Haniyeh in Tehran", "targeted_killing",
     {"Ismail Haniyeh", "Iran"}, None, "asserted"),
    ("decision to assassinate Hamas leader Ismail Haniyeh", "targeted_killing",
     {"Israel", "Ismail Haniyeh"}, None, "asserted"),
    ("recent killing of Hamas leader Ismail Heniyye", "targeted_killing", {"Ismail Haniyeh"},
     None, None),
    # the pager and walkie-talkie detonations
    ("remote detonations of pagers", "sabotage_detonation", {"Hezbollah"}, None, "asserted"),
    # Iran's missile attack
    ("response to Iran's missile strike", "missile_attack", {"Iran"}, None, "asserted"),
    ("a recent Iranian missile attack", "missile_attack", {"Iran"}, None, "asserted"),
    ("Following Iran's retaliation against", "retaliation_plan", {"Iran", "Israel"},
     "last week", "asserted"),
    # the Sullivan-Dermer call
    ("In a call last Friday", "phone_call", {"Jake Sullivan", "Ron Dermer"}, "last Friday",
     "asserted"),
    ("In a call last Friday", "demand", {"Jake Sullivan", "Ron Dermer"}, "last Friday",
     "asserted"),
    ("During a recent call, White House", "phone_call", {"Jake Sullivan", "Ron Dermer"}, None,
     "asserted"),
    # the Gallant trip, vetoed on Tuesday evening
    ("Netanyahu has vetoed Defence Minister Yoav Gallant", "visit_blocked",
     {"Benjamin Netanyahu", "Yoav Gallant"}, None, "asserted"),
    ("Gallant announced late last night", "visit_blocked", {"Yoav Gallant"}, "late last night",
     "asserted"),
    ("On Tuesday evening, Israeli officials said", "visit_blocked", {"Yoav Gallant"},
     "On Tuesday evening", None),
    ("On Tuesday evening, Israeli officials said", "notification",
     {"Benjamin Netanyahu", "Yoav Gallant"}, "On Tuesday evening", "asserted"),
    ("postponed his scheduled trip to Washington", "visit_blocked",
     {"Benjamin Netanyahu", "Yoav Gallant"}, None, "asserted"),
    ("Gallant was scheduled to meet with US Defence Secretary", "meeting_visit",
     {"Yoav Gallant", "Lloyd Austin"}, "today", "planned"),
    ("Gallant's visit, originally set for Wednesday", "meeting_visit", {"Yoav Gallant"},
     "Wednesday", None),
    ("expected to depart", "meeting_visit", {"Yoav Gallant"}, "on Tuesday night", "planned"),
    # the Biden-Netanyahu call
    ("Netanyahu and Biden are scheduled to speak by phone today", "phone_call",
     {"Joe Biden", "Benjamin Netanyahu"}, "today", "planned"),
    ("first conversation between Biden and Netanyahu", "phone_call",
     {"Joe Biden", "Benjamin Netanyahu"}, None, "planned"),
    ("attempting to arrange a phone call with President Biden", "phone_call",
     {"Joe Biden", "Benjamin Netanyahu"}, None, "planned"),
    ("efforts are ongoing to schedule a phone call", "phone_call",
     {"Joe Biden", "Benjamin Netanyahu"}, "in the coming days", "planned"),
    # the ~50 days without a leader call; the 125 Gallant-Austin calls
    ("have not spoken in nearly 50 days", "phone_call", {"Joe Biden", "Benjamin Netanyahu"},
     None, "negated"),
    # counts and frequencies are habitual, not one occurrence: generic (no event of their own)
    ("the two have spoken by phone over 125 times", "phone_call",
     {"Yoav Gallant", "Lloyd Austin"}, None, "generic"),
    ("the two have met more often", "meeting_visit", {"Yoav Gallant", "Lloyd Austin"}, None,
     "generic"),
    # the Axios 'trust is very low' report and the WSJ report
    ("Our trust of the Israelis is very low right now, and", "media_report", {"Axios"}, None,
     "asserted"),
    ("Axios reported citing two sources familiar", "media_report", {"Axios"}, None, "asserted"),
    ("According to a report by the Wall Street Journal", "media_report",
     {"The Wall Street Journal"}, None, "asserted"),
    ("According to a report by the Wall Street Journal", "withholding",
     {"Israel", "United States"}, None, "asserted"),
    ("the Jerusalem Post has learned", "media_report", {"The Jerusalem Post"}, None, "asserted"),
    ("Citing two Israeli officials, Axios reported", "meeting_visit", {"Benjamin Netanyahu"},
     "last night", "asserted"),
    # other contacts
    ("Multiple times, the US has urged Israel", "demand", {"United States", "Israel"}, None,
     "generic"),
    ("assured President Biden of steps", "assurance", {"Benjamin Netanyahu", "Joe Biden"}, None,
     "asserted"),
    ("Israeli jets bombed targets in Beirut", "airstrike", {"IDF"}, None, "asserted"),
]

# (sentence snippet, speaker_type, speaker, speaker_count, speaker_side, cited_outlet)
CLAIMS = [
    ("four US officials speaking to Axios", "anonymous_official", "four US officials", 4, "US",
     "Axios"),
    ("Pentagon deputy press secretary Sabrina Singh reportedly confirmed", "named_official",
     "Sabrina Singh", 1, "US", ""),
    ("According to three US officials who spoke to Axios", "anonymous_official",
     "three US officials", 3, "US", "Axios"),
    ("Citing two Israeli officials, Axios reported", "anonymous_official",
     "two Israeli officials", 2, "Israel", "Axios"),
    ("a US official told Axios", "anonymous_official", "a US official", 1, "US", "Axios"),
    ("According to a report by the Wall Street Journal", "anonymous_official", "US officials",
     None, "US", "The Wall Street Journal"),
    ("The report notes growing frustration", "outlet", "The Wall Street Journal", None, "media",
     "The Wall Street Journal"),
    ("the Jerusalem Post has learned", "outlet", "The Jerusalem Post", None, "media",
     "The Jerusalem Post"),
    ("Caliber.Az reports, citing Axios", "outlet", "Axios", None, "media", "Axios"),
    ("A Netanyahu aide told Axios", "anonymous_official", "A Netanyahu aide", 1, "Israel",
     "Axios"),
    ("increasingly distrustful of what the Israeli government says", "anonymous_official",
     "four US officials", 4, "US", ""),
    ("Netanyahu's Office said", "organization", "Prime Minister's Office", None, "Israel", ""),
]

# (sentence snippet, category, direction, notice, negated)
SIGNALS = [
    ("was furious with Defense Minister", "anger", "US->Israel", "", False),
    ("was furious with Defense Minister", "surprise", "US->Israel", "minutes", False),
    ("just minutes before Israeli jets", "surprise", "US->Israel", "minutes", False),
    ("just minutes before Israeli jets", "distrust", "US->Israel", "", False),
    ("Our trust of the Israelis is very low right now, and", "distrust", "US->Israel", "", False),
    ("not made aware of Israel's dramatic decision", "surprise", "US->Israel", "none", False),
    ("While the US is not opposed", "anger", "US->Israel", "", True),
    ("trust deficit has been magnified", "distrust", "US->Israel", "", False),
    ("refused to share specifics", "withholding", "US->Israel", "", False),
    ("spoken by phone over 125 times", "positive", "Israel<->US", "", False),
    ("informed the US very late", "surprise", "US->Israel", "minutes", False),
    ("clarity and transparency\" on the plans", "transparency_demand", "US->Israel", "", False),
]


@pytest.fixture(scope="module")
def seeds():
    rules = corpus.load_rules(DATA)
    documents, sentences = corpus.build_corpus(corpus.read_seeds(SEEDS, rules), rules,
                                               corpus.load_sidecar(STORY_FILES))
    lex = extract.load_lexicons(DATA)
    started = time.perf_counter()
    found = extract.extract(sentences, documents, lex)
    seconds = time.perf_counter() - started
    return documents, sentences, found, seconds


def sentence_id(sentences: pd.DataFrame, snippet: str) -> str:
    hits = sentences[sentences["text"].str.contains(snippet, regex=False)]
    assert len(hits) == 1, f"{snippet!r} found in {len(hits)} sentences"
    return hits["sent_id"].iloc[0]


@pytest.mark.parametrize("snippet, event_type, actors, time_text, polarity", EVENTS,
                         ids=[f"{e[1]}:{e[0][:30]}" for e in EVENTS])
def test_event_sentence_is_found(seeds, snippet, event_type, actors, time_text, polarity):
    _, sentences, found, _ = seeds
    sent_id = sentence_id(sentences, snippet)
    rows = found["mentions"][(found["mentions"]["sent_id"] == sent_id)
                             & (found["mentions"]["event_type"] == event_type)]
    assert len(rows) >= 1, found["mentions"].loc[
        found["mentions"]["sent_id"] == sent_id, ["event_type", "trigger", "actors"]]
    fitting = [r for r in rows.itertuples() if actors <= set(r.actors)]
    assert fitting, f"actors {actors} not in {list(rows['actors'])}"
    m = fitting[0]
    assert (m.time_text or None) == time_text
    assert (m.date_basis == "open") == (time_text is None)
    if polarity:
        assert m.polarity == polarity


@pytest.mark.parametrize("snippet, speaker_type, speaker, count, side, outlet", CLAIMS,
                         ids=[c[0][:30] for c in CLAIMS])
def test_claim_attribution(seeds, snippet, speaker_type, speaker, count, side, outlet):
    _, sentences, found, _ = seeds
    claim = found["claims"][found["claims"]["sent_id"] == sentence_id(sentences, snippet)]
    assert len(claim) == 1
    c = claim.iloc[0]
    assert (c["speaker_type"], c["speaker"], c["speaker_side"], c["cited_outlet"]) == (
        speaker_type, speaker, side, outlet)
    assert (None if pd.isna(c["speaker_count"]) else int(c["speaker_count"])) == count


@pytest.mark.parametrize("snippet, category, direction, notice, negated", SIGNALS,
                         ids=[f"{s[1]}:{s[0][:30]}" for s in SIGNALS])
def test_trust_signal(seeds, snippet, category, direction, notice, negated):
    _, sentences, found, _ = seeds
    sig = found["trust_signals"]
    rows = sig[(sig["sent_id"] == sentence_id(sentences, snippet)) & (sig["category"] == category)]
    assert len(rows) >= 1
    assert (direction, notice, negated) in set(zip(
        rows["direction"], rows["notice"], rows["negated"], strict=True))


def test_quotes_are_kept_and_scare_quotes_are_not(seeds):
    _, sentences, found, _ = seeds
    claims = found["claims"].set_index("sent_id")
    assert "Our trust of the Israelis is very low" in claims.loc[
        sentence_id(sentences, "as reported by Axios"), "quote"]
    assert claims.loc[sentence_id(sentences, "In a second call later"), "quote"] == "go it alone"
    singh = claims.loc[sentence_id(sentences, "Sabrina Singh reportedly confirmed")]
    assert singh["quote"] == "" and "deputy press secretary" in singh["speaker_role"]


def test_framing_surfaces_of_the_seeds(seeds):
    _, _, found, _ = seeds
    am = found["actor_mentions"]
    gallant = set(am.loc[am["actor"] == "Yoav Gallant", "surface"])
    assert {"Security Minister", "Defense Minister", "Defence Minister"} <= gallant
    israel = set(am.loc[am["actor"] == "Israel", "surface"])
    assert {"Israel", '"Israel"', "Israeli occupation", "Tel Aviv"} <= israel
    austin = set(am.loc[am["actor"] == "Lloyd Austin", "surface"])
    assert {"Secretary of Defense", "Defence Secretary"} <= austin
    assert set(am["kind"]) <= {"name", "alias", "title", "epithet", "pronoun-phrase"}


def test_no_mention_carries_a_date_its_sentence_contradicts(seeds):
    documents, sentences, found, _ = seeds
    mentions = found["mentions"]
    te = found["time_expressions"].set_index("time_id")
    dated = mentions[mentions["time_id"] != ""]
    assert len(dated) >= 10
    for m in dated.itertuples():
        t = te.loc[m.time_id]
        assert t["sent_id"] == m.sent_id and t["kind"] not in ("duration", "count")
        assert t["text"] == m.time_text
    # measures never become dates
    measured = mentions[mentions["measure_id"] != ""]
    assert set(te.loc[measured["measure_id"], "kind"]) <= {"duration", "count"}
    # once resolved, an asserted event is never dated after its article was published (the
    # undated seeds get the day the Gallant-trip story broke, as an analyst's sidecar would)
    undated = documents["published"] == ""
    docs = documents.copy()
    for col in ("published", "published_earliest", "published_latest"):
        docs.loc[undated, col] = "2024-10-09"
    docs.loc[undated, "published_basis"] = "sidecar"
    resolved = timex.resolve_time_expressions(found["time_expressions"], docs)
    with_dates = extract.date_mentions(mentions, resolved)
    published = docs.set_index("doc_id")["published_latest"]
    checked = with_dates[(with_dates["date"] != "") & (with_dates["polarity"] == "asserted")]
    assert len(checked) >= 5
    for m in checked.itertuples():
        assert m.date_earliest <= published[m.doc_id], (m.trigger, m.time_text, m.text)
    assert set(with_dates.loc[with_dates["time_id"] == "", "date_basis"]) == {"open"}


def test_seed_sentences_extracted_once(seeds):
    _, sentences, found, _ = seeds
    assert len(sentences) > 50
    assert found["mentions"]["mention_id"].is_unique


def mentions_in(seeds, snippet: str, event_type: str) -> pd.DataFrame:
    _, sentences, found, _ = seeds
    m = found["mentions"]
    return m[(m["sent_id"] == sentence_id(sentences, snippet)) & (m["event_type"] == event_type)]


def test_seed_codename_is_irans_missile_attack(seeds):
    rows = mentions_in(seeds, "its own Operation True Promise II", "missile_attack")
    assert list(rows["agent"]) == ["Iran"]


def test_seed_pronoun_informed_party_is_austin_not_israel(seeds):
    rows = mentions_in(seeds, "when he was informed with very little notice", "notification")
    assert [list(t) for t in rows["targets"]] == [["Lloyd Austin"]]


def test_seed_their_meeting_is_netanyahu_and_gallant(seeds):
    rows = mentions_in(seeds, "during their meeting, Netanyahu expressed", "meeting_visit")
    meeting = rows[rows["trigger"] == "meeting"].iloc[0]
    assert {meeting["agent"], *meeting["targets"]} == {"Benjamin Netanyahu", "Yoav Gallant"}
    visit = rows[rows["trigger"] == "visit"].iloc[0]
    assert (visit["agent"], list(visit["targets"])) == ("Yoav Gallant", ["United States"])


def test_seed_generic_response_is_no_retaliation_plan(seeds):
    assert mentions_in(seeds, "what the response will entail", "retaliation_plan").empty
    kept = mentions_in(seeds, "discuss the response to a recent Iranian missile attack",
                       "retaliation_plan")
    assert len(kept) == 1
