"""One act told as different acts by the two sides (data/labels.yaml groups.detention,
told_apart): one event, and each article's words for it as conflicting accounts."""

from __future__ import annotations

from test_events import EVENT_TYPES, FOCUS, GAZETTEER, docs_frame, found_frames, mention
from trustbrief import events

TYPES = {**EVENT_TYPES,
         "arrest": {"plover": "COERCE", "lane": "third-party actions", "operation": False},
         "abduction": {"plover": "COERCE", "lane": "third-party actions", "operation": False}}


def told(doc, etype, trigger, text):
    row = mention(doc, 1, etype, "Israel", ["US"], date="2024-06-14", text=text)
    row.update(trigger=trigger, trigger_start=text.index(trigger))
    return row


def events_of(mentions: list[dict]) -> dict:
    """The events stage on two articles of one day, one mention each."""
    docs = docs_frame([("d1", "A", "2024-06-14", ""), ("d2", "B", "2024-06-14", "")])
    return events.build_events(found_frames(mentions), docs, None, TYPES, gazetteer=GAZETTEER,
                               rules=events.load_labels("data"), focus=FOCUS)


def test_an_arrest_one_side_tells_and_an_abduction_the_other_tells_are_one_contested_act():
    out = events_of([
        told("d1", "arrest", "arrested", "Israeli police arrested three US guards."),
        told("d2", "abduction", "abducted", "The US said Israeli forces abducted its guards.")])
    assert len(out["events"]) == 1
    conf = out["conflicts"]
    assert sorted(zip(conf["fact"], conf["value"], strict=True)) == [
        ("nature", "abducted"), ("nature", "arrested")]
    # the wording of the type the event carries is the accepted account, the other disagrees
    word = {"arrest": "arrested", "abduction": "abducted"}[out["events"]["event_type"].iloc[0]]
    accounts = dict(zip(conf["value"], conf["account"], strict=True))
    assert accounts.pop(word) == "accepted" and list(accounts.values()) == ["disagrees"]


def test_articles_that_use_the_same_word_do_not_conflict():
    out = events_of([
        told("d1", "arrest", "arrested", "Israeli police arrested three US guards."),
        told("d2", "arrest", "detained", "Israeli police detained three US guards.")])
    assert out["conflicts"].empty or "nature" not in set(out["conflicts"]["fact"])
