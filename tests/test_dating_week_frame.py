"""A roundup of this week dates its bare weekdays within the week (dating.week_frame), and an
article left a few days by its clues dates its events as a dated one does where every day of
its range reads the weekday alike (dating.pinned RANGE_PIN_DAYS). Invented texts."""

from __future__ import annotations

from test_dating import article, dated_without_chronology, mention, ungoverned

KILLED = ("targeted_killing", "Omar Fell",
          "The militia commander Omar Fell was killed in a strike on March 5, 2025.")
FRAME = ("targeted_killing", "Omar Fell",
         "Tensions rose further this week after the killing of militia commander Omar Fell.")
CALL = ("phone_call", "Anna Berg;Carl Dunn",
        "President Anna Berg and Prime Minister Carl Dunn spoke by phone Thursday to discuss "
        "the situation.")
ON_WEDNESDAY = ("targeted_killing", "Omar Fell",
                "Omar Fell was killed in a drone strike on Wednesday, his group said.")
LEDE = ("phone_call", "Anna Berg;Carl Dunn",
        "Prime Minister Carl Dunn and President Anna Berg spoke on Thursday evening about the "
        "fighting.")


def _corpus(tmp_path, roundup: dict[int, tuple[str, str, str]]):
    # 2025-03-05 is a Wednesday; the dated article pins the killing by its full date
    docs = [article("dD", "dated.txt", "url", "2025-03-06"), article("dR", "roundup.txt"),
            article("dX", "call.txt")]
    mentions = [mention("dD", 1, *KILLED)]
    mentions += [mention("dR", n, *m) for n, m in roundup.items()]
    mentions.append(mention("dX", 1, *LEDE))
    return dated_without_chronology(tmp_path, docs, ungoverned(mentions))


def _range(out, doc_id: str) -> list[str]:
    return out.loc[doc_id, ["published", "published_earliest", "published_latest"]].tolist()


def test_a_weekday_below_a_this_week_frame_is_of_the_articles_week(tmp_path):
    out = _corpus(tmp_path, {1: FRAME, 2: ON_WEDNESDAY, 3: CALL})
    # the killing's week from its Wednesday (Mar 5-9); 'Thursday' of that week: Mar 6 or later
    assert _range(out, "dR") == ["", "2025-03-06", "2025-03-09"]
    # every day of that range reads 'Thursday' as Mar 6: the call is pinned there, and the
    # article whose lede reports it on Thursday is of that day or the next
    assert _range(out, "dX") == ["2025-03-06", "2025-03-06", "2025-03-07"]


def test_without_the_frame_the_range_reads_the_weekday_apart_and_pins_nothing(tmp_path):
    # of Mar 5-11 (neither weekday in the lede): published on Wednesday Mar 5, 'Thursday'
    # would be Feb 27
    out = _corpus(tmp_path, {3: ON_WEDNESDAY, 4: CALL})
    assert _range(out, "dR") == ["", "2025-03-05", "2025-03-11"]
    assert out.loc["dX", "published"] == ""
