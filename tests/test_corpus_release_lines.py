"""A government release's place and day alone under its title ('Niamey, 4 October 2024') dates
the page; a photo caption of the same words never does (data/datelines.yaml `release_lines`,
trustbrief.corpus.release_line).

Every text is invented, one per KIND of layout; none is an outlet's or a file's. The places are
capitals the world knowledge holds (data/world/countries.yaml) or invented ones."""

from __future__ import annotations

import pytest

from conftest import DATA
from test_corpus_credit_lines import page_document
from test_corpus_datelines import stated
from test_corpus_datelines_layouts import BODY, iso
from trustbrief import corpus

TITLE = "Statement by the Ministry of Foreign Affairs"


@pytest.fixture(scope="module")
def grammar():
    return corpus.load_rules(DATA).datelines


@pytest.mark.parametrize("head, date", [
    (f"{TITLE}\nNiamey, 4 October 2024", "2024-10-04"),
    (f"{TITLE.upper()}\nGeorgetown, December 6, 2023", "2023-12-06"),
    ("Readout of the call\nWashington, D.C., May 2, 2024", "2024-05-02"),
    # a masthead and a label above the title
    (f"Ministry of Foreign Affairs\nPress release\n{TITLE}\nBaku, 3 August 2024.", "2024-08-03"),
])
def test_a_release_line_under_the_title_dates_the_page(grammar, head, date):
    found = stated(f"{head}\n{BODY}", grammar)
    assert (iso(found.date), found.date_shape) == (date, "seat_date_release_line")


@pytest.mark.parametrize("text", [
    # a place no world knowledge holds as a seat of government: a caption's
    f"Talks to resume\nPortville Heights, October 28, 2023\n{BODY}",
    # a city that names a government in speech, but issues no releases (not_seats)
    f"Talks to resume\nTel Aviv, October 28, 2023\n{BODY}",
    # a caption's credit in brackets on the line above, or a photo credit below
    f"Soldiers stand guard at a checkpoint (Agency/Jane Doe)\nJerusalem, October 28, 2023\n{BODY}",
    f"Talks to resume\nJerusalem, October 28, 2023\nPhoto: Jane Doe\n{BODY}",
    f"Talks to resume\nWashington, October 28, 2023\nJane Doe/Agency\n{BODY}",
    f"Talks to resume\nWashington, October 28, 2023\nAgency Photo/Jane Doe\n{BODY}",
    f"Talks to resume\nWashington, October 28, 2023\nThe photo of the week\n{BODY}",
    f"Talks to resume\nFILE - Leaders meet in the capital.\nMoscow, May 2, 2019\n{BODY}",
    # no title above it, or deep in the page
    f"Moscow, 3 October 2024\n{BODY}",
    f"Talks to resume\n{BODY}{BODY}Moscow, 3 October 2024\n{BODY}",
])
def test_a_caption_of_place_and_date_still_gives_nothing(grammar, text):
    assert stated(text, grammar).date is None


def test_a_stamp_wins_over_a_release_line(grammar):
    found = stated(f"{TITLE}\nMoscow, 3 October 2024\nPublished: 5 October 2024\n{BODY}",
                   grammar)
    assert iso(found.date) == "2024-10-05"
    assert [iso(d) for d in found.also] == ["2024-10-03"]


@pytest.mark.parametrize("stamp, url, expected", [
    ("", "https://example.org/world/statement", ("2024-10-04",) * 3),
    # an update before it, or the address's day weeks away: a range between them
    ("Last updated: 1 October 2024", "https://example.org/world/statement",
     ("", "2024-10-01", "2024-10-04")),
    ("", "https://example.org/2024/10/20/statement/", ("", "2024-10-04", "2024-10-20")),
])
def test_a_release_line_disputed_by_the_page_gives_a_range(stamp, url, expected):
    doc = page_document(f"{TITLE}\nNiamey, 4 October 2024\n{stamp}\n{BODY}", url)
    assert (doc["published"], doc["published_earliest"], doc["published_latest"]) == expected


def test_a_not_seat_must_be_a_place_the_world_knowledge_has(tmp_path):
    import shutil

    import yaml

    from trustbrief.corpus import datelines
    from trustbrief.knowledge import DataFileError

    data = yaml.safe_load((DATA / "datelines.yaml").read_text())
    data["release_lines"]["not_seats"] = ["Portville Heights"]
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (tmp_path / "datelines.yaml").write_text(text)
    shutil.copy(DATA / "time_expressions.yaml", tmp_path / "time_expressions.yaml")
    shutil.copytree(DATA / "world", tmp_path / "world")
    with pytest.raises(DataFileError, match="not_seats.*Portville Heights"):
        datelines.load_grammar(tmp_path)


# ---------------------------------------------------------------- at the end, or in words

LONG_BODY = BODY * 3  # the end of the page lies past the head lines


@pytest.mark.parametrize("tail, date", [
    # the place and day above the signature (francophone and Caribbean releases)
    ("Niamey, 4 October 2024\nThe Ministry of Foreign Affairs", "2024-10-04"),
    ("Washington, 28 October 2024\nThe Chargé d'Affaires a.i.", "2024-10-28"),
    ("Niamey, le 4 octobre 2024\nLe Ministre", "2024-10-04"),
    ("Georgetown, December 6, 2023", "2023-12-06"),
])
def test_a_release_line_above_the_signature_dates_the_page(grammar, tail, date):
    found = stated(f"{TITLE}\n{LONG_BODY}{tail}\n", grammar)
    assert (iso(found.date), found.date_shape) == (date, "seat_date_release_tail")


@pytest.mark.parametrize("text", [
    # a caption among the last lines: a credit beside it, or a sentence under it
    f"{TITLE}\n{LONG_BODY}Washington, October 28, 2023\nPhoto: Jane Doe\n",
    f"{TITLE}\n{LONG_BODY}Washington, October 28, 2023\n"
    "The president spoke to reporters at the White House on Monday.\n",
    # a related story's line under it has a date; a caption's town is no seat
    f"{TITLE}\n{LONG_BODY}Moscow, 3 October 2024\nMore on this story\n"
    "Talks resume, 4 October 2024\n",
    f"{TITLE}\n{LONG_BODY}Portville Heights, 3 October 2024\nThe Mayor\n",
    # a line in the middle of the page
    f"{TITLE}\n{LONG_BODY}Moscow, 3 October 2024\n{LONG_BODY}",
])
def test_a_place_and_date_at_the_end_that_is_no_release_gives_nothing(grammar, text):
    assert stated(text, grammar).date is None


@pytest.mark.parametrize("line, where", [
    ("Issued in Niamey on 4 October 2024", "head"),
    ("Done at Baku on 4 October 2024.", "tail"),
    ("Fait à Niamey, le 4 octobre 2024", "tail"),
    ("Signed in Georgetown, Guyana, on 4 October 2024", "tail"),
])
def test_a_release_saying_where_and_when_it_was_issued_dates_the_page(grammar, line, where):
    text = f"{TITLE}\n{line}\n{LONG_BODY}" if where == "head" else \
        f"{TITLE}\n{LONG_BODY}{line}\nMinistry of Foreign Affairs\n"
    assert iso(stated(text, grammar).date) == "2024-10-04"


def test_a_sentence_citing_where_a_text_was_done_gives_nothing(grammar):
    text = f"{TITLE}\n{LONG_BODY}The treaty was done at Paris on 4 October 2024.\n"
    assert stated(text, grammar).date is None


@pytest.mark.parametrize("line, date", [
    ("Baku, 3 August 2024, Ministry of Foreign Affairs", "2024-08-03"),
    ("Niamey, 4 October 2024 - Press Service of the Presidency", "2024-10-04"),
])
def test_a_release_line_naming_its_body_dates_the_page(grammar, line, date):
    assert iso(stated(f"{TITLE}\n{line}\n{BODY}", grammar).date) == date


def test_a_caption_naming_a_ministry_building_gives_nothing(grammar):
    text = f"{TITLE}\nPortville Heights, 3 August 2024, Ministry of Defence building\n{BODY}"
    assert stated(text, grammar).date is None
