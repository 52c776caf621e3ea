"""events.partial: a new account summarizes again only the events it may change.

Each test runs the stage with a memo over the invented story of test_events (with a few
articles of its own), adds an article whose mention joins events, and runs it again: the
tables must equal a run without the memo, some events' summaries must come from the memo,
and the new article must change an old event's summary through one of the reads
events/partial.py compares (a comparison left out fails its test here)."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
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
    docs_frame,
    found_frames,
    mention,
    signal,
    write_annotations,
)
from test_events_reuse import same
from trustbrief import events
from trustbrief.events import build, partial


@pytest.fixture
def stage(tmp_path, monkeypatch):
    """stage(docs, mentions, signals, extracted, memo, **knowledge) -> (tables, the keys of
    the events whose summary was kept). stage.check() then asserts that every summary kept
    is the one summarize gave those mentions in the last run without the memo."""
    rules = events.load_labels(DATA)
    kept: list[list[str]] = []
    given: dict[tuple, tuple] = {}  # mention ids -> what summarize gave them
    taken: dict[tuple, tuple] = {}  # mention ids -> the summary kept for them
    keep, summarize = partial.kept_summaries, build.summarize

    def spied(clusters, keys, *args):
        found = keep(clusters, keys, *args)
        kept.append(sorted(keys[i] for i in found))
        taken.update({tuple(r.mention_id for r in clusters[i]): _copy(summary)
                      for i, summary in found.items()})
        return found

    def summarized(recs, *args):
        summary = summarize(recs, *args)
        given[tuple(r.mention_id for r in recs)] = _copy(summary)
        return summary

    monkeypatch.setattr(partial, "kept_summaries", spied)
    monkeypatch.setattr(build, "summarize", summarized)

    def run(docs, mentions, signals=SIGNALS, extracted=frozenset(), memo=True, **knowledge):
        memo = events.Memo(tmp_path / "memo", frozenset(extracted), "rows") if memo else None
        given.clear()
        tables = events.build_events(
            found_frames(mentions, signals, CLAIMS), docs, knowledge.get("annotations"),
            EVENT_TYPES, knowledge.get("chronology"), rules=rules, gazetteer=GAZETTEER,
            focus=FOCUS, memo=memo)
        return tables, kept.pop() if kept else []

    def check():
        assert taken
        for ids, summary in taken.items():
            assert summary == given[ids], ids
    run.check = check
    return run


def _copy(summary: tuple) -> tuple:
    """A summary without event ids (set later, in place: so are the chronology's dates)."""
    row, conflicts, accounts = summary
    return ({**row, "event_id": ""}, *([{k: v for k, v in r.items() if k != "event_id"}
                                        for r in rows] for rows in (conflicts, accounts)))


def grown(stage, old: tuple, new: tuple, **knowledge) -> tuple[dict, list[str], dict]:
    """The stage on the story with `old` (docs, mentions, signals added), then with `new`
    too: (the tables, the keys of the events kept, the first run's tables). Every summary
    kept is summarize's (stage.check)."""
    def inputs(*parts):
        docs = pd.concat([DOCS, *(docs_frame(p[0]) for p in parts)], ignore_index=True)
        return (docs, [*MENTIONS, *(m for p in parts for m in p[1])],
                [*SIGNALS, *(s for p in parts for s in p[2])])
    before, _ = stage(*inputs(old), extracted={"all"}, **knowledge)
    new_docs = {d for d, *_ in new[0]}
    tables, kept = stage(*inputs(old, new), extracted=new_docs, **knowledge)
    same(tables, stage(*inputs(old, new), memo=False, **knowledge)[0])
    if kept:
        stage.check()
    return tables, kept, before


def row(tables: dict, key: str) -> dict:
    found = tables["events"].set_index("key").loc[key].to_dict()
    return {k: v for k, v in found.items() if k != "event_id"}


NOTHING = ((), (), ())
# a new account of the Haniyeh killing
HANIYEH = ([("dZ", "Wire Two", "2024-10-08", "")],
           [mention("dZ", 1, "targeted_killing", "Israel", ["Ismail Haniyeh"],
                    text="Haniyeh was killed")], [])


def test_a_new_account_of_one_event_keeps_the_others(stage):
    tables, kept, before = grown(stage, NOTHING, HANIYEH)
    haniyeh = "lethal_strike:ismail-haniyeh"
    assert haniyeh not in kept and kept  # the others are
    assert row(tables, haniyeh) != row(before, haniyeh)
    for key in kept:
        assert row(tables, key) == row(before, key)


def test_an_earlier_event_of_a_block_numbers_the_later_one_again(stage):
    """cluster_keys: the key of an event whose mentions are unchanged changes (#2)."""
    tables, kept, before = grown(stage, NOTHING, (
        [("dZ", "Wire Two", "2024-08-03", "")],
        [mention("dZ", 1, "missile_attack", "Iran", ["Israel"], "2024-08-01",
                 text="Iran fired missiles at Israel on Thursday")], []))
    assert set(tables["events"]["key"]) - set(before["events"]["key"]) == {
        "missile:israel#2"}
    assert kept and "missile:israel#2" not in kept


def test_a_new_operation_told_nearer_takes_an_old_account_of_notice(stage):
    """notice_links: an old article's account of notice goes to the operation told last
    before it; a new article makes an event of an act the old article told only as a
    possibility, nearer to the account: the old operation loses it."""
    old = ([("dF", "Wire Three", "2024-10-12", "")],
           [mention("dF", 1, "airstrike", "Israel", ["Hezbollah"], "2024-10-11",
                    text="Israel struck Hezbollah on Friday"),
            mention("dF", 3, "missile_attack", "Israel", ["Iran"], "2024-10-12",
                    polarity="hypothetical", text="Israel could strike Iran on Saturday")],
           [signal("dF", 4, "none")])
    new = ([("dZ", "Wire Two", "2024-10-13", "")],
           [mention("dZ", 1, "missile_attack", "Israel", ["Iran"], "2024-10-12",
                    text="Israel struck Iran on Saturday")], [])
    if stage is None:
        return old, new
    tables, kept, before = grown(stage, old, new)
    strike = "lethal_strike:hezbollah"
    assert row(tables, strike) != row(before, strike) and strike not in kept
    assert kept


def test_a_contact_held_during_acts_the_corpus_now_dates_to_one_day(stage):
    """answers.date_contacts_during_acts: the acts an old article tells were dated to two
    days; a new account dates them to one, and the old call held during them takes it."""
    old = ([("dF", "Wire Three", "2024-10-13", "")],
           [mention("dF", 1, "airstrike", "Israel", ["Hezbollah"], lo="2024-10-10",
                    hi="2024-10-11", basis="explicit",
                    text="Israel struck Hezbollah on Thursday and Friday"),
            mention("dF", 9, "phone_call", "Joe Biden", ["Benjamin Netanyahu"],
                    text="Biden spoke with Netanyahu while the strikes were underway")], [])
    new = ([("dZ", "Wire Two", "2024-10-12", "")],
           [mention("dZ", 1, "airstrike", "Israel", ["Hezbollah"], "2024-10-10",
                    text="Israel struck Hezbollah on Thursday"),
            mention("dZ", 2, "airstrike", "Israel", ["Hezbollah"], "2024-10-10",
                    text="the strikes on Hezbollah on Thursday")], [])
    if stage is None:
        return old, new
    tables, kept, before = grown(stage, old, new)
    call = "contact:benjamin-netanyahu-joe-biden"
    assert row(before, call)["date"] == "" and row(tables, call)["date"] == "2024-10-10"
    assert call not in kept and kept


def test_an_old_event_that_loses_a_mention_is_summarized_again(stage):
    """targetless.attach_targetless: Iran's targetless barrage joined its one attack on
    someone; a new article tells another (on the US): the barrage is ambiguous and leaves,
    and the old attack, its other mentions unchanged, is one mention smaller."""
    tables, kept, before = grown(stage, NOTHING, (
        [("dZ", "Wire Two", "2024-10-03", "")],
        [mention("dZ", 1, "missile_attack", "Iran", ["US"], "2024-10-02",
                 text="Iran fired missiles at US bases on Wednesday")], []))
    attack = "missile:israel"
    assert row(before, attack)["n_mentions"] == 2 and row(tables, attack)["n_mentions"] == 1
    assert attack not in kept and kept


def test_with_annotations_every_event_is_summarized(stage, tmp_path):
    """The annotations change rows after summarize."""
    annotations = write_annotations(tmp_path, """\
  - {id: a1, event: "lethal_strike:hassan-nasrallah", action: label, value: Killed}
""")
    _, kept, _ = grown(stage, NOTHING, HANIYEH, annotations=annotations)
    assert kept == []


def test_an_event_the_chronology_dates_keeps_what_summarize_gave(stage):
    """fill_from_chronology dates it after summarize, over all events: its kept summary is
    the one before (the memo keeps it), or a row would stay dated by a row it lost."""
    new = ([("dZ", "Wire Two", "2024-10-08", "")],
           [mention("dZ", 1, "phone_call", "Joe Biden", ["Benjamin Netanyahu"], "2024-10-07",
                    text="Biden spoke with Netanyahu on Monday")], [])
    tables, kept, _ = grown(stage, NOTHING, new, chronology=CHRONOLOGY)
    assert row(tables, "lethal_strike:ismail-haniyeh")["chronology_key"] == "haniyeh"
    assert "lethal_strike:ismail-haniyeh" in kept


def _rec(pos: int, **changed) -> SimpleNamespace:
    """What kept_summaries reads of a record: its place and the cross-document fields."""
    fields = {"pos": pos, "group": SimpleNamespace(name="g1"), "lo": 5, "hi": 6,
              "basis": "article", "said_in_contact": False}
    return SimpleNamespace(**{**fields, **changed})


def _memo_of(cluster: list, key: str, links: dict) -> dict[str, pd.DataFrame]:
    """The memo frames of a last run with one event, e1, of `cluster`."""
    reads = partial.cluster_reads(len(cluster), [cluster])
    no_rows = pd.DataFrame({"event_id": pd.Series([], dtype=object)})
    return {"mentions": pd.DataFrame({**reads, "event_id": ["e1"] * len(cluster)}),
            "events": pd.DataFrame({"event_id": ["e1"], "key": [key], "label": ["x"]}),
            "conflicts": no_rows, "notice_accounts": no_rows,
            partial.LINKS: partial.links_frame({0: "e1"}, links),
            partial.UNFILLED: partial.unfilled_frame({0: "e1"}, {})}


@pytest.mark.parametrize("changed", [
    {"group": SimpleNamespace(name="g2")}, {"lo": 4}, {"lo": None}, {"hi": 7},
    {"basis": "chronology"}, {"said_in_contact": True}])
def test_each_compared_read_alone_summarizes_again(changed):
    """One mention's read changed (the others as they were) and the event is summarized
    again: each read is compared on its own, not only through the dates it moves."""
    last = [_rec(0), _rec(1)]
    frames, old = _memo_of(last, "k", {}), np.ones(2, dtype=bool)
    assert list(partial.kept_summaries([last], ["k"], {}, frames, old)) == [0]
    assert partial.kept_summaries([[_rec(0), _rec(1, **changed)]], ["k"], {}, frames,
                                  old) == {}


def test_a_changed_key_or_linked_sentence_summarizes_again():
    last = [_rec(0), _rec(1)]
    frames = _memo_of(last, "k", {0: [("d1", "s1")]})
    old = np.ones(2, dtype=bool)
    assert list(partial.kept_summaries([last], ["k"], {0: [("d1", "s1")]}, frames, old)) == [0]
    assert partial.kept_summaries([last], ["k2"], {0: [("d1", "s1")]}, frames, old) == {}
    assert partial.kept_summaries([last], ["k"], {0: [("d1", "s2")]}, frames, old) == {}
    assert partial.kept_summaries([last[::-1]], ["k"], {0: [("d1", "s1")]}, frames, old) == {}
