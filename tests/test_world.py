"""World knowledge: any government's actors resolve to a country and a sector from data."""

from pathlib import Path

import pytest

from trustbrief.knowledge import DataFileError
from trustbrief.knowledge.world import load_roles, load_world

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def world():
    return load_world(DATA)


@pytest.mark.parametrize(("phrase", "country", "sector", "role"), [
    ("Pakistan's High Commissioner in London", "PAK", "DIP", "ambassador"),
    ("Azerbaijan's Foreign Ministry", "AZE", "DIP", "foreign_ministry"),
    ("the Ministry of Foreign Affairs of Azerbaijan", "AZE", "DIP", "foreign_ministry"),
    ("a German official", "DEU", "GOV", "government"),
    ("the Pentagon", "USA", "MIL", "defence_ministry"),
    ("a Pentagon official", "USA", "MIL", "defence_ministry"),
    ("the Kremlin", "RUS", "GOV", "head_of_state"),
    ("Kremlin spokesman", "RUS", "GOV", "spokesperson"),
    ("the Quai d’Orsay", "FRA", "DIP", "foreign_ministry"),
    ("Whitehall", "GBR", "GOV", "government"),
    ("Beijing", "CHN", "GOV", "government"),
    ("Russian air defences", "RUS", "MIL", "armed_forces"),
    ("the Russian ambassador in Baku", "RUS", "DIP", "ambassador"),
    ("Indian High Commissioner to Canada", "IND", "DIP", "ambassador"),
    ("Türkiye's defence minister", "TUR", "MIL", "defence_minister"),
    ("South Korean President", "KOR", "GOV", "head_of_state"),
    # a state the libraries lack (user-assigned code XKX): data/world/countries.yaml
    ("a Kosovar official", "XKX", "GOV", "government"),
    ("Prishtina", "XKX", "GOV", "government"),
])
def test_titles_and_metonyms_resolve_to_country_and_sector(world, phrase, country, sector, role):
    code = world.resolve(phrase)
    assert (code.country, code.sector, code.role) == (country, sector, role)


def test_a_bare_role_or_lowercase_us_resolves_to_nothing(world):
    assert world.resolve("the foreign minister") is None
    assert world.resolve("told us") is None
    assert world.resolve("US officials").country == "USA"


def test_countries_come_from_the_libraries_by_code_name_or_adjective(world):
    assert world.country("Azerbaijani").code == "AZE"
    assert world.country("Russian Federation").name == "Russia"
    assert world.country("MEX").name == "Mexico"  # from pycountry/country_converter only
    assert world.country("Atlantis") is None


@pytest.mark.parametrize("proper, plain, country", [
    ("Bogotá", "Bogota", "COL"), ("the Élysée", "the Elysee", "FRA"),
    ("Chișinău", "Chisinau", "MDA"), ("Burkinabè officials", "Burkinabe officials", "BFA"),
])
def test_a_form_resolves_with_or_without_its_diacritics(world, proper, plain, country):
    assert world.resolve(proper).country == world.resolve(plain).country == country


def test_only_the_data_files_forms_get_plain_twins(world):
    # a library name such as 'Réunion' keeps its accent: 'reunion' is a common word
    assert world.resolve("a family reunion") is None


def test_channels_are_roles_found_for_any_pair(world):
    assert world.channel_of("head_of_government", "head_of_state").id == "leaders"
    assert world.channel_of("defence_minister", "defence_minister").id == "defence"
    assert world.channel_of("defence_minister", "spokesperson") is None


def test_role_file_errors_name_the_key(tmp_path):
    path = tmp_path / "roles.yaml"
    path.write_text("roles:\n  envoy: {sector: XYZ, forms: [envoy]}\n")
    with pytest.raises(DataFileError, match=r"roles.envoy.sector.*not one of"):
        load_roles(path)


def test_one_reading_of_the_roles_file_gives_its_roles_and_its_another_office_words(tmp_path):
    path = tmp_path / "roles.yaml"
    path.write_text("roles:\n  envoy: {sector: DIP, level: official, forms: [envoy]}\n"
                    "another_office: [Vice, former]\n")
    read = load_roles(path)
    assert read.roles["envoy"].forms == ("envoy",) and read.roles["envoy"].sector == "DIP"
    assert read.another_office == ("Vice", "former")
