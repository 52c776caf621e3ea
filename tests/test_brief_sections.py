"""A whole brief built from the small fixture story: the promises an analyst relies on.

A summary of at most 120 words, a confidence for every judgement, no file name or hash
outside the annex, a label or a number for every timeline point, and no rounding
difference reported as a conflict.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from fixtures.brief_tables import D1, D2, D3, D4, D5, brief_tables
from trustbrief.brief.annex import _said_once
from trustbrief.brief.citations import Sources
from trustbrief.brief.conflicts import accounts_conflict, measure_interval
from trustbrief.brief.front import SUMMARY_WORDS
from trustbrief.brief.judgements import CONFIDENCE_LEVELS
from trustbrief.brief.layout.timeline import timeline_layout
from trustbrief.brief.sections import Brief
from trustbrief.brief.style import NARROW_WIDTH, PLOT_WIDTH
from trustbrief.brief.tables import Tables

PARAMS = {"title": "A fixture story", "start": "2024-07-01", "end": "2024-10-31",
          "focus": "US->Israel", "min_origins": 1}
SECTIONS = ("front_page", "timeline", "relations", "notice", "cadence", "statements",
            "conflicts_section", "corroboration", "sources_section")


def count_conflicts() -> pd.DataFrame:
    """Two wordings of one silence (a rounding difference, as the metrics stage writes it)
    and one real disagreement about notice."""
    return pd.DataFrame({
        "fact": ["previous_gap_days", "previous_gap_days", "notice", "notice"],
        "channel": ["leaders", "leaders", "", ""],
        "event_id": ["", "", "e003", "e003"],
        "account": ["disagrees", "accepted", "accepted", "disagrees"],
        "value": ["two months", "nearly 50 days", "days", "none"],
        "last_contact": ["2024-08-10", "2024-08-19", "", ""],
        "doc_ids": [D2, D3, D1, D2], "outlets": ["", "", "", ""],
        "evidence": ["in two months", "in nearly 50 days", "told days ahead", "no notice"]})


@pytest.fixture(scope="module")
def brief() -> Brief:
    frames = brief_tables()
    frames["count_conflicts"] = count_conflicts()
    return Brief(Tables(frames), PARAMS)


@pytest.fixture(scope="module")
def page(brief) -> tuple[str, str]:
    """(main body, annex) as rendered HTML."""
    main = "".join(getattr(brief, name)()._repr_html_() for name in SECTIONS)
    return main, brief.annex()._repr_html_()


def text_of(markup: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", markup))


def test_summary_exists_and_stays_within_120_words(page):
    main, _ = page
    summary = re.search(r'class="tb-summary[^"]*"><p>(.*?)</p>', main, re.S)
    assert summary, "no summary on the front page"
    words = text_of(summary.group(1)).split()
    assert 10 <= len(words) <= SUMMARY_WORDS


def test_every_judgement_has_a_confidence(page):
    main, _ = page
    box = main.split('class="tb-judgements', 1)[1].split("</ol>", 1)[0]
    items = re.findall(r"<li>(.*?)</li>", box, re.S)
    assert 3 <= len(items) <= 5
    for item in items:
        level = re.search(r'tb-confidence tb-(\w+)">(\w+) confidence', item)
        assert level and level.group(1) in CONFIDENCE_LEVELS, item[:120]
        assert re.search(r'href="#source-\d+"', item), "a judgement without a source"


def test_no_file_name_or_hash_outside_the_annex(brief, page):
    main, annex = page
    docs = brief.tables["documents"]
    for file, sha, doc_id in zip(docs["file"], docs["sha256"], docs["doc_id"], strict=True):
        assert file not in main and sha not in main and doc_id not in text_of(main), file
    assert "000_post.txt" in annex and "a" * 64 not in main
    visible = re.sub(r"<(script|svg)\b.*?</\1>", " ", main, flags=re.S)
    assert not re.search(r"\b[0-9a-f]{16,}\b", text_of(visible))
    # nor the project's own files (a data file's path is for the methods annex)
    assert not re.search(r"[\w/-]+\.(?:txt|yaml|csv|html)\b", text_of(visible))


def test_citations_lead_to_numbered_sources(page):
    main, _ = page
    targets = set(re.findall(r'href="#(source-\d+)"', main))
    assert targets
    for target in targets:
        assert f'id="{target}"' in main


@pytest.mark.parametrize("width", [PLOT_WIDTH, NARROW_WIDTH])
def test_every_timeline_point_has_a_label_or_a_number(brief, width):
    """On the page and on a phone (where most points get numbers), every point drawn has
    its label beside it or a number whose key line gives that label whole."""
    layout = timeline_layout(brief.timeline_events, brief.start, brief.end, width=width)
    labelled = {b.key: b.text for b in layout.labels}
    numbered = {b.key: b.text for b in layout.numbers}
    assert len(layout.points) and set(layout.points["event_id"]) <= set(labelled) | set(numbered)
    full = dict(zip(brief.timeline_events["event_id"], brief.timeline_events["label"],
                    strict=True))
    for key, text in labelled.items():
        assert text == full[key]  # whole, never cut
    for key, number in numbered.items():
        assert any(line.startswith(f"{number} = {full[key]} (") for line in layout.footnotes)
    assert numbered or width == PLOT_WIDTH  # the phone layout exercises the numbers


def test_timeline_keeps_only_confident_events_of_the_period(brief):
    shown = brief.timeline_events
    assert (shown["date"] >= brief.start).all() and (shown["date"] <= brief.end).all()
    assert not shown["date_basis"].eq("open").any()


def test_an_event_within_one_side_is_not_on_the_bilateral_timeline():
    """Two officials of ONE government (a premier blocking his own minister's trip) say
    nothing about the pair: off the timeline, listed in the annex with the reason."""
    frames = brief_tables()
    events = frames["events"]
    agent = {"e006": ("Jake Sullivan", "US", "Ron Dermer"),  # Dermer's side unknown: kept
             "e007": ("Benjamin Netanyahu", "Israel", "Yoav Gallant")}
    frames["events"] = events.assign(
        agent=[agent.get(e, ("", "", ""))[0] for e in events["event_id"]],
        agent_side=[agent.get(e, ("", "", ""))[1] for e in events["event_id"]],
        targets=[agent.get(e, ("", "", ""))[2] for e in events["event_id"]])
    one = Brief(Tables(frames), PARAMS)
    shown = set(one.timeline_events["event_id"])
    assert "e007" not in shown and "e006" in shown
    annex = text_of(one.annex()._repr_html_())
    assert "within one side" in annex and "Gallant's trip" in annex


def test_a_statement_not_between_the_pair_is_not_on_the_bilateral_timeline():
    """One side's minister speaking of a third country, a third country speaking of one
    side, a statement naming no one: no contact between the two, so off the timeline and in
    the annex with the reason; a side speaking about the other stays."""
    from trustbrief.brief.views.events import aside_statements

    events = pd.DataFrame({
        "agent": ["Minister A", "Minister A", "C", "Minister B", "Minister B"],
        "agent_side": ["A", "A", "C", "B", ""], "targets": ["B", "C", "A", "", "Leader A"],
        "plover": ["OTHER"] * 4 + ["OTHER"], "lane": ["contacts"] * 5})
    sides = {"Minister A": "A", "Minister B": "B", "Leader A": "A"}
    assert list(aside_statements(events, sides, ("A", "B"))) == [False, True, True, True,
                                                                 False]
    # an act is no statement, and a statement outside the contacts lane is not drawn there
    acts = events.assign(plover=["ASSAULT"] * 5)
    assert not aside_statements(acts, sides, ("A", "B")).any()
    frames = brief_tables()
    e = frames["events"]
    assert "e002" in set(Brief(Tables(frames), PARAMS).timeline_events["event_id"])
    said = e["event_id"] == "e002"  # now: the US president speaking of a third country
    frames["events"] = e.assign(plover=e["plover"].mask(said, "OTHER"),
                                agent=["Joe Biden" if s else "" for s in said],
                                agent_side=["US" if s else "" for s in said],
                                targets=["Iran" if s else "" for s in said])
    brief = Brief(Tables(frames), PARAMS)
    assert "e002" not in set(brief.timeline_events["event_id"])
    annex = text_of(brief.annex()._repr_html_())
    assert "a statement not by one side to or about the other" in annex


def test_the_agents_own_side_decides_over_a_mismatched_agent_side():
    """Two leaders of the pair meeting are no event within one side, even when the event's
    agent_side names the target's side (the events stage's agent_side can disagree with
    the agent's own side in actor_mentions)."""
    from trustbrief.brief.views.events import within_one_side

    events = pd.DataFrame({"agent": ["Leader B", "Minister A"], "agent_side": ["A", "A"],
                           "targets": ["Leader A", "Leader A"]})
    sides = {"Leader A": "A", "Leader B": "B", "Minister A": "A"}
    assert list(within_one_side(events, sides)) == [False, True]


def test_no_conflict_is_a_rounding_difference(brief, page):
    found = brief.conflicts
    assert "two months" not in set(found["value"]) and "nearly 50 days" not in set(found["value"])
    assert {"days", "none"} <= set(found["value"])  # a real disagreement stays
    main, _ = page
    conflicts = main.split('id="conflicting-accounts"', 1)[1].split("<h2", 1)[0]
    assert "two months" not in conflicts and "none" in conflicts


@pytest.mark.parametrize("values, conflict", [
    (["two months", "nearly 50 days"], False),
    (["about 50 days", "seven weeks"], False),
    (["two weeks", "nearly 50 days"], True),
    (["more than a month", "10 days"], True),
    (["none", "minutes"], False),
    (["none", "days"], True),
    (["2024-10-01", "2024-10-02"], False),
    (["2024-10-01", "2024-10-09"], True),
    # a range is read whole, not by its first day: it overlaps the day it holds
    (["2024-10-08..2024-10-10", "2024-10-10"], False),
    (["2024-08-01..2024-08-31", "2024-10-09"], True),  # a month apart
    # 'in recent months' (a range over a month wide) dates nothing, so contradicts nothing
    (["2025-03-01..2025-06-29", "2024-12-25"], False),
])
def test_accounts_conflict_only_when_they_cannot_both_be_true(values, conflict):
    fact = "notice" if values[0] in ("none", "minutes") else "value"
    assert accounts_conflict(fact, values) is conflict


def test_measures_are_intervals_in_days():
    lo, hi = measure_interval("nearly 50 days")
    assert lo < 50 <= hi + 1e-9 and hi == 50
    assert measure_interval("no figure here") is None


def test_a_note_cites_the_strongest_five_sources_then_says_how_many_more():
    """Size does not grow with the corpus: past five sources a note says '+N more' and
    links to the sources list; named outlets with stated dates come before the rest."""
    docs = pd.DataFrame({
        "doc_id": [f"d{i:02d}" for i in range(12)],
        "outlet": ["Wire"] * 6 + [""] * 6, "title": [f"Title {i}" for i in range(12)],
        "published": [f"2024-10-{i + 1:02d}" for i in range(12)],
        "published_basis": ["inferred", "stated"] * 6, "duplicate_of": [""] * 12})
    sources = Sources(docs)
    note = sources.cite(docs["doc_id"])
    assert len(re.findall(r'href="#source-\d+"', note)) == 5
    assert '<a href="#sources" class="tb-more-sources">+7 more</a>' in note
    # named outlet and stated date (2, 4, 6), then named with an inferred date (1, 3)
    assert sources.cite_text(docs["doc_id"]) == "[1, 2, 3, 4, 6 +7 more]"
    assert sources.cite(["d00", "d01"]).count('href="#source-') == 2


def test_a_thin_brief_says_which_judgements_the_data_does_not_support():
    frames = brief_tables()
    events = frames["events"]
    frames["events"] = events.assign(lane="contacts", operation="false")  # no operation
    frames["notice_ledger"] = frames["notice_ledger"].iloc[0:0]
    front = Brief(Tables(frames), PARAMS).front_page()._repr_html_()
    assert "Not judged" in front
    judged = front.split('class="tb-judgements', 1)[1].split("Not judged", 1)
    assert "advance notice" not in judged[0]  # no notice judgement without an operation
    assert "operation" in text_of(judged[1])


def test_a_large_corpus_lists_only_the_sources_the_notes_cite():
    n = 120
    docs = pd.DataFrame({"doc_id": [f"d{i:03d}" for i in range(n)], "outlet": ["Wire"] * n,
                         "title": [f"Title {i}" for i in range(n)],
                         "published": [f"2024-{1 + i // 28:02d}-{1 + i % 28:02d}"
                                       for i in range(n)],
                         "published_basis": ["stated"] * n, "duplicate_of": [""] * n})
    sources = Sources(docs)
    sources.cite(["d003", "d050"])
    listing = sources.listing()
    assert re.findall(r'id="source-(\d+)"', listing) == ["4", "51"]
    assert f"the other {n - 2} articles" in listing
    small = Sources(docs.head(10))
    assert len(re.findall(r'id="source-', small.listing())) == 10  # a small corpus: all


def test_load_tables_returns_typed_frames_and_the_brief_reads_them(tmp_path):
    """load_tables decodes through the contract: integers, booleans, list cells."""
    from trustbrief.brief.tables import load_tables
    from trustbrief.tables import write_table

    for name, frame in brief_tables().items():
        write_table(frame, tmp_path / f"{name}.csv")
    tables = load_tables(tmp_path)
    events = tables["events"]
    assert events["n_origins"].dtype == "int64"
    assert events.set_index("event_id").loc["e001", "doc_ids"] == [D4, D5]
    main = Brief(tables, PARAMS)
    page = "".join(getattr(main, name)()._repr_html_() for name in SECTIONS)
    page += main.annex()._repr_html_()
    assert "['" not in text_of(re.sub(r"<script.*?</script>", "", page, flags=re.S))


def test_the_timeline_draws_the_best_corroborated_events_and_the_annex_says_why():
    """Past the limit, the timeline draws every dated operation first (the notice finding and
    ledger name each one), then the events with the most origins; the annex says why the
    rest are not drawn."""
    from trustbrief.brief.views.events import confident_events, unplaced_events

    events = brief_tables()["events"]
    shown = confident_events(events, "2024-07-01", "2024-10-31", limit=5)
    assert set(shown["event_id"]) == {"e001", "e003", "e004", "e009", "e005"}
    shown = confident_events(events, "2024-07-01", "2024-10-31", limit=2)
    assert set(shown["event_id"]) == {"e004", "e001"}  # operations, most origins, earliest
    left = unplaced_events(events, "2024-07-01", "2024-10-31", limit=2)
    assert "past the drawn events (operations first, then most origins)" in set(left["why"])


def test_the_timeline_counts_operations_as_the_findings_do():
    """'N operations' under the timeline is the notice finding's count of dated operations
    (the events' operation flag), and the operations lane draws the same ones: a defensive
    shootdown owes no notice, is no operation of the headline's 'X of N', and is drawn with
    the other actions (one definition: the heading never counts fewer dots than the lane)."""
    from trustbrief.brief.findings.notice import operations_in_period

    frames = brief_tables()
    events = frames["events"]
    shootdown = events[events["lane"] == "operations"].iloc[[0]].assign(
        event_id="e090", operation=False, notice="n/a", label="Israel shoots down drones")
    frames["events"] = pd.concat([events, shootdown], ignore_index=True)
    brief = Brief(Tables(frames), PARAMS)
    n = len(operations_in_period(brief.timeline_events, brief.start, brief.end))
    lanes = brief.timeline_events.set_index("event_id")["lane"]
    assert int((lanes == "operations").sum()) == n and lanes["e090"] == "third-party actions"
    text = text_of(brief.timeline()._repr_html_())
    assert f"; {n} operations, " in text and f"; {n + 1} operations" not in text


def test_the_timeline_takeaway_says_none_rather_than_zero_operations_with_little_notice():
    frames = brief_tables()
    frames["events"] = frames["events"].assign(notice="days")  # warned days ahead
    markup = Brief(Tables(frames), PARAMS).timeline()._repr_html_()
    assert "none with no or only minutes of notice to the US" in markup
    assert " 0 with no" not in markup


def test_the_timeline_takeaway_says_no_notice_is_at_stake_when_no_operation_owes_any():
    """Operations of one side on the other (not on a third party) owe no advance notice:
    the takeaway says so, not 'none with no or only minutes of notice', which reads as if
    notice had been given."""
    frames = brief_tables()
    frames["events"] = frames["events"].assign(notice="n/a")
    text = text_of(Brief(Tables(frames), PARAMS).timeline()._repr_html_())
    assert "operations, none against a third party, so no advance notice to the US is at " \
        "stake" in text
    assert "minutes of notice" not in text


def test_the_rewrites_takeaway_reads_for_none_one_and_several():
    from trustbrief.brief.findings.origins import rewrites_takeaway

    assert rewrites_takeaway(0, 16).startswith("Each of the 16 events is reported by as many "
                                               "independent origins as articles")
    assert rewrites_takeaway(0, 1).startswith("The event is reported by as many")
    assert rewrites_takeaway(1, 16).startswith("1 of 16 events is reported by more articles "
                                               "than it has independent origins")
    assert rewrites_takeaway(2, 3).startswith("2 of 3 events are reported by more articles "
                                              "than they have")
    assert not any(rewrites_takeaway(0, n).startswith("0 of") for n in (1, 5))
    # the matrix may show rewrites (each relaying an outlet of its own): never 'no rewrite'
    assert rewrites_takeaway(0, 16).endswith(
        "no two of an event's articles relay the same report.")
    assert "no rewrite" not in rewrites_takeaway(0, 1)


def test_the_annex_names_an_unnamed_outlets_origin_by_its_source_number_never_its_title():
    from trustbrief.brief.annex import origin_names

    docs = pd.DataFrame({"doc_id": ["d1", "d2", "d3"], "outlet": ["Wire", "", ""],
                         "title": ["Wire story", "A long title of a portal", "Another title"],
                         "published": ["2024-10-01", "2024-10-02", "2024-10-03"],
                         "published_basis": ["stated"] * 3, "duplicate_of": [""] * 3})
    events = pd.DataFrame({"origins": ["Wire;d3;d2", "d2", "Wire"]})
    names = origin_names(events, docs, Sources(docs))
    assert names == ["Wire, articles [2, 3]", "article [2]", "Wire"]
    assert not any("title" in n for n in names)


def test_a_quote_an_article_repeats_is_one_row_of_the_claims_annex():
    """A photo caption restating the lede's quote is the same words of the same speaker in
    the same article: said once (us-il's 'The answer is no' was listed twice)."""
    claims = pd.DataFrame({"doc_id": ["d1", "d1", "d2", "d1"],
                           "speaker": ["Joe Biden", "Joe Biden", "Joe Biden", "Jake Sullivan"],
                           "said": ["The answer is no", "“The answer is no,”",
                                    "The answer is no", "The answer is no"]})
    kept = _said_once(claims)
    assert list(zip(kept["doc_id"], kept["speaker"], strict=True)) == [
        ("d1", "Joe Biden"), ("d2", "Joe Biden"), ("d1", "Jake Sullivan")]


def test_the_timeline_note_explains_colour_only_when_a_point_is_coloured():
    """The chart shows the notice legend only when a drawn operation is coloured by its
    notice: above all-grey points (az-ru, October) the note says nothing of colour."""
    from trustbrief.brief.views.events import timeline_note
    events = brief_tables()["events"]
    assert "; colour: the notice the US had of an operation." in timeline_note(events, "US")
    grey = timeline_note(events.assign(notice="n/a", agent_side="Israel"), "US")
    assert "colour" not in grey and grey.startswith("Each point is one event")
