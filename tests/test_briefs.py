"""Brief definitions and parameter validation (before any kernel starts)."""

from __future__ import annotations

import pytest

from conftest import STORY_FILES
from trustbrief.briefs import BriefParamError, load_briefs, slugify, validate_name, validate_params
from trustbrief.knowledge import DataFileError

GOOD = {"title": "A brief", "start": "2024-09-01", "end": "2024-10-31", "focus": "A->B"}


def test_defaults_filled_and_normalized():
    params = validate_params(dict(GOOD, focus=" US -> Israel ", min_origins="2"))
    assert params["focus"] == "US->Israel" and params["min_origins"] == 2
    assert params["crisis_start"] == ""


@pytest.mark.parametrize("change, message", [
    ({"start": "2024-13-01"}, "not a real date"),
    ({"start": "01/09/2024"}, "YYYY-MM-DD"),
    ({"end": "2024-08-01"}, "before start"),
    ({"colour": "red"}, "unknown parameter"),
    ({"title": "  "}, "title"),
    ({"min_origins": "many"}, "whole number"),
    ({"min_origins": 0}, "1 or more"),
    ({"focus": "US"}, "OBSERVER->SUBJECT"),
    ({"crisis_start": "2024-09-20"}, "go together"),
    ({"focus": ""}, "focus"),
    ({"focus": "A->A"}, "OBSERVER->SUBJECT"),
])
def test_bad_parameters_are_rejected_with_reason(change, message):
    with pytest.raises(BriefParamError, match=message):
        validate_params(dict(GOOD, **change))


def test_names_are_safe_file_names():
    assert validate_name("oct-2024_v2") == "oct-2024_v2"
    for bad in ("../etc", "a b", "", "-x", "x" * 81):
        with pytest.raises(BriefParamError):
            validate_name(bad)
    assert slugify("October 2024: the stand-off!") == "october-2024-the-stand-off"


def test_default_briefs_load():
    briefs = load_briefs(STORY_FILES / "briefs.yaml")
    assert len(briefs) >= 2
    assert len({b.name for b in briefs}) == len(briefs)
    assert len({(b.params["start"], b.params["end"]) for b in briefs}) == len(briefs)


def test_malformed_brief_file_names_file_and_entry(tmp_path):
    path = tmp_path / "briefs.yaml"
    path.write_text("briefs:\n  - name: a\n    title: A\n    start: 2024-10-01\n"
                    "    end: 2024-09-01\n    focus: A->B\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"briefs.yaml, briefs\[1\].*before start"):
        load_briefs(path)
    path.write_text("briefs: [\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"line \d+: invalid YAML"):
        load_briefs(path)


def test_a_brief_opened_by_hand_takes_what_it_leaves_empty_from_its_story(tmp_path):
    from conftest import DATA
    from trustbrief.briefs import fill_from_story, story_briefs
    from trustbrief.knowledge.story import find_story

    story = find_story(DATA)
    first = story_briefs(story)[0].params
    empty = {"title": "", "start": "", "end": "", "focus": "", "min_origins": 2,
             "crisis_start": "", "crisis_end": ""}
    filled = fill_from_story(empty, story.processed)
    for name in ("title", "start", "end", "crisis_start", "crisis_end"):
        assert filled[name] == first.get(name, ""), name
    assert filled["focus"] == story.focus and filled["min_origins"] == 2
    mine = fill_from_story({**empty, "title": "Mine", "start": "2024-08-01"}, story.processed)
    assert (mine["title"], mine["start"], mine["crisis_start"]) == ("Mine", "2024-08-01", "")
    with pytest.raises(BriefParamError, match="focus"):
        fill_from_story(empty, tmp_path / "processed")
