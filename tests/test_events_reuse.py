"""events.reuse: the last run's tables are reused only when a full run would give them.

Each test runs the stage with a memo over the invented story of test_events, changes one
thing the stage reads, and runs it again: the tables must equal a run without the memo, and
for each kind of change the memo must not be reused (the stale tables differ: a check left
out of events/reuse.py fails its test here)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pandas as pd
import pytest

from test_events import (
    CHRONOLOGY,
    CLAIMS,
    DATA,
    DOCS,
    EVENT_TYPES,
    FOCUS,
    GAZETTEER,
    MENTIONS,
    SIGNALS,
    claim,
    docs_frame,
    found_frames,
    mention,
    write_annotations,
)
from trustbrief import events
from trustbrief.events import reuse
from trustbrief.extract.dated_mentions import DATES_IN_MENTIONS

# a copy of the blog (dE) that appeared later: its mention is no event's
COPY = ("dY", "Copy Two", "2024-10-08", "dE")
COPY_MENTION = mention("dY", 6, "targeted_killing", "Israel", ["Ismail Haniyeh"],
                       text="the Haniyeh assassination")


@pytest.fixture
def stage(tmp_path, monkeypatch):
    """stage(inputs, extracted=..., source=...) -> (tables, whether the memo was reused)."""
    rules = events.load_labels(DATA)
    hits: list[bool] = []
    read = reuse.reused

    def spied(*args, **kwargs):
        found = read(*args, **kwargs)
        hits.append(found is not None)
        return found

    monkeypatch.setattr(reuse, "reused", spied)

    def run(inputs: dict, extracted=frozenset(), source="rows", memo=True):
        memo = events.Memo(tmp_path, frozenset(extracted), source) if memo else None
        tables = events.build_events(
            found_frames(inputs["mentions"], SIGNALS, inputs["claims"]), inputs["docs"],
            inputs.get("annotations"), inputs.get("event_types", EVENT_TYPES),
            inputs.get("chronology"), rules=inputs.get("rules", rules),
            gazetteer=inputs.get("gazetteer", GAZETTEER), focus=inputs.get("focus", FOCUS),
            lede_depths=inputs.get("depths"), incidents=inputs.get("incidents"), memo=memo)
        return tables, bool(hits and hits.pop())
    return run


def story(**changes) -> dict:
    return {"docs": DOCS, "mentions": list(MENTIONS), "claims": list(CLAIMS), **changes}


def with_copy(inputs: dict) -> dict:
    return {**inputs, "docs": pd.concat([inputs["docs"], docs_frame([COPY])],
                                        ignore_index=True),
            "mentions": [*inputs["mentions"], COPY_MENTION]}


def same(tables: dict, cold: dict) -> None:
    assert tables.keys() == cold.keys()
    for name, frame in cold.items():
        pd.testing.assert_frame_equal(tables[name], frame, check_exact=True, obj=name)


def differ(tables: dict, other: dict) -> bool:
    return any(not tables[name].equals(other[name]) for name in tables)


def rerun(stage, first: dict, then: dict, **kwargs) -> tuple[dict, bool, dict]:
    """The stage on `first` (its memo written), then on `then`: (tables, reused, the
    tables of `first`)."""
    before, _ = stage(first, extracted={"all"})
    tables, hit = stage(then, **kwargs)
    cold, _ = stage(then, memo=False)
    same(tables, cold)
    return tables, hit, before


def test_nothing_changed_reuses_the_tables(stage):
    tables, hit, before = rerun(stage, story(), story())
    assert hit
    same(tables, before)


def test_a_copy_added_reuses_the_tables_and_its_mention_is_no_events(stage):
    tables, hit, _ = rerun(stage, story(), with_copy(story()), extracted={"dY"})
    assert hit
    assert tables["mentions"].set_index("doc_id").loc["dY", "event_id"] == ""


@pytest.mark.parametrize("extracted", [{"dZ"}, set()])
def test_a_new_account_runs_the_stage(stage, extracted):
    """A new article whose mention joins an event, extracted in this run or before (its
    rows in the extraction cache: an article put back)."""
    tables, hit, before = rerun(stage, story(), {**story(), "docs": pd.concat(
        [DOCS, docs_frame([("dZ", "Wire One", "2024-10-08", "")])], ignore_index=True),
        "mentions": [*MENTIONS, mention("dZ", 1, "targeted_killing", "Israel",
                                        ["Ismail Haniyeh"], text="Haniyeh was killed")]},
        extracted=extracted)
    assert not hit and differ(tables, before)


def changed(stage, then: dict, **kwargs) -> None:
    """The stage on `then` after the story: run in full, and its tables not the story's."""
    tables, hit, before = rerun(stage, story(), then, **kwargs)
    assert not hit and differ(tables, before)


def test_an_old_documents_row_changed_runs_the_stage(stage):
    docs = DOCS.copy()  # dated before the missile attack it tells: that date is misread
    docs.loc[docs["doc_id"] == "dA", ["published", "published_earliest",
                                      "published_latest"]] = "2024-09-25"
    changed(stage, story(docs=docs))


def test_an_old_mentions_date_changed_runs_the_stage(stage):
    mentions = [dict(m) for m in MENTIONS]
    mentions[3].update(date="2024-09-20", date_earliest="2024-09-20", date_latest="2024-09-20")
    changed(stage, story(mentions=mentions))


def test_a_lede_depth_changed_runs_the_stage(stage):
    changed(stage, story(depths={("dB", "dB-s005"): 0}))


def test_a_document_extracted_again_runs_the_stage(stage):
    # its mentions now make no record (the same ids and dates): only its being extracted
    # again tells that its rows may have changed
    mentions = [dict(m, event_type="") if m["doc_id"] == "dB" else m for m in MENTIONS]
    changed(stage, story(mentions=mentions), extracted={"dB"})


def test_a_document_extracted_again_into_an_event_runs_the_stage(stage):
    mentions = [dict(m) for m in MENTIONS]
    mentions[4].update(targets="Hassan Nasrallah", actors="Israel;Hassan Nasrallah;Tehran")
    changed(stage, story(mentions=mentions), extracted={"dB"})


def test_a_document_gone_runs_the_stage(stage):
    changed(stage, story(docs=DOCS[DOCS["doc_id"] != "dD"].reset_index(drop=True),
                         mentions=[m for m in MENTIONS if m["doc_id"] != "dD"],
                         claims=[c for c in CLAIMS if c["doc_id"] != "dD"]))


def test_a_new_spelling_of_an_origin_runs_the_stage(stage):
    # the copy's claim comes first: its spelling is the one every event shows
    changed(stage, with_copy(story(claims=[claim("dY", 6, "AXIOS"), *CLAIMS])),
            extracted={"dY"})


@pytest.mark.parametrize("what", ["focus", "annotations", "incidents", "chronology",
                                  "source", "rules", "event_types", "gazetteer"])
def test_what_the_stage_reads_corpus_wide_changed_runs_the_stage(stage, what, tmp_path):
    then, kwargs = story(), {}
    if what == "focus":
        then["focus"] = "Israel->US"
    elif what == "annotations":
        then["annotations"] = write_annotations(tmp_path, """\
  - {id: a1, event: "lethal_strike:ismail-haniyeh", action: date, value: 2024-07-31}
""")
    elif what == "incidents":
        then["incidents"] = {"crash": (re.compile("assassination"), dt.date(2024, 10, 1),
                                       dt.date(2024, 10, 1))}
    elif what == "chronology":
        then["chronology"] = CHRONOLOGY
    elif what == "rules":
        then["rules"] = dataclasses.replace(events.load_labels(DATA),
                                            planned_format="{label} (expected)")
    elif what == "event_types":
        then["event_types"] = {**EVENT_TYPES, "airstrike": {**EVENT_TYPES["airstrike"],
                                                            "verb": "bombs"}}
    elif what == "gazetteer":
        then["gazetteer"] = GAZETTEER.assign(roles=GAZETTEER["roles"].str.replace(
            "Hezbollah leader", "Hezbollah chief"))
    else:  # the same rows here; in a run, other extraction code or knowledge
        kwargs["source"] = "other rows"
    tables, hit, before = rerun(stage, story(), then, **kwargs)
    assert not hit  # (the tables may be the same: the fingerprint cannot tell)
    assert differ(tables, before) or what not in ("annotations", "chronology", "gazetteer")


def test_the_dated_columns_are_those_extraction_dates():
    assert set(reuse.DATED) == set(DATES_IN_MENTIONS)


def test_missing_cells_read_alike_are_no_change(stage):
    mentions = [dict(m, time_text=None) for m in MENTIONS]
    _, hit, _ = rerun(stage, story(mentions=mentions), story(mentions=mentions))
    assert hit


def test_old_mentions_in_another_order_are_matched_by_their_ids(stage):
    # two undated mentions of other events swap places: their dates read alike
    mentions = list(MENTIONS)
    mentions[4], mentions[7] = mentions[7], mentions[4]
    rerun(stage, story(), story(mentions=mentions))


def test_other_code_of_the_stage_runs_it(stage, monkeypatch):
    """The stage's own code is in the fingerprint: an edited module of events/ (or of what
    it imports) gives other tables from the same inputs."""
    stage(story(), extracted={"all"})
    monkeypatch.setattr(reuse, "code_digest", lambda root: f"edited {root}")
    tables, hit = stage(story())
    assert not hit
    same(tables, stage(story(), memo=False)[0])
