"""Claim speakers' sides and the kinds of attribution the hand-labelled sample found wrong
(issue #15), on invented sentences of the invented story of test_claims_speakers."""

from __future__ import annotations

from test_claims_speakers import claims_of, lex  # noqa: F401 (lex: the fixture)


def fields(claims, n: int) -> tuple[str, str, str]:
    row = claims.loc[f"dtest00000-s{n:03d}"]
    return row["speaker"], row["speaker_type"], row["speaker_side"]


def test_a_person_keeps_the_side_of_the_title_printed_with_the_name(lex):  # noqa: F811
    claims = claims_of(
        lex, "Mexican Foreign Ministry spokesman Tomas Vidal said the border would stay open.",
        "“We have not made an assessment yet,” Vidal told reporters.",
        "He added that more talks would follow.")
    assert [fields(claims, n) for n in (1, 2, 3)] == [
        ("Tomas Vidal", "named_official", "Mexico")] * 3


def test_a_side_named_in_an_apposition_or_by_a_body_noun_of_the_title(lex):  # noqa: F811
    claims = claims_of(
        lex, "The ships fired interceptors, according to Maj. Gen. Luis Mora, the top Mexican "
             "military spokesman.",
        "Mora said the ships had been ready for a week.",
        "The Canadian Foreign Ministry has closed the office, according to ministry "
        "spokesman Pierre Lavoie.",
        "Lavoie said the decision was final.")
    assert fields(claims, 2) == ("Luis Mora", "named_official", "Mexico")
    assert fields(claims, 4) == ("Pierre Lavoie", "named_official", "Canada")


def test_the_title_of_a_person_who_is_not_the_speaker_gives_the_side(lex):  # noqa: F811
    claims = claims_of(
        lex, "The news was reported by the agency with reference to Canadian presidential aide "
             "Oleg Petrov.",
        "“We received a message,” the agency quotes Oleg Petrov as stating.")
    assert fields(claims, 2) == ("Oleg Petrov", "named_official", "Canada")


def test_a_name_that_reports_citing_someone_is_an_outlet_relaying_them(lex):  # noqa: F811
    claims = claims_of(lex, "Mexico has delivered a formal protest to the Canadian ambassador, "
                            "Noticiaslibres reports citing the Mexican Foreign Ministry.")
    assert fields(claims, 1)[1:] == ("organization", "Mexico")


def test_it_speaking_is_the_body_whose_clause_it_is_or_that_spoke_last(lex):  # noqa: F811
    claims = claims_of(
        lex, "The Mexican Foreign Ministry summoned the Canadian envoy, protesting raids during "
             "which it said two citizens were killed.",
        "The airline announced that flights to three cities would be halted.",
        "Later, it said flights to two more cities would also be suspended.",
        "Ana Ruiz Prieto said the talks would go on.",
        "It added that the border would stay open.")
    assert fields(claims, 1) == ("Mexican Foreign Ministry", "organization", "Mexico")
    assert claims.loc["dtest00000-s001", "speaker_rule"].endswith("it+subject")
    assert fields(claims, 3)[:2] == ("The airline", "organization")
    # a person spoke since: 'it' is no body known, and certainly not the person
    assert "dtest00000-s005" not in claims.index or fields(claims, 5)[0] == ""


def test_the_countrys_body_is_of_the_state_named_before_it(lex):  # noqa: F811
    claims = claims_of(
        lex, "Mexico has closed its consulates near the Canadian border, the country's Interior "
             "Ministry announced.",
        "The Interior Ministry said the decision was final.")
    assert fields(claims, 1) == ("Interior Ministry", "organization", "Mexico")
    assert fields(claims, 2) == ("The Interior Ministry", "organization", "Mexico")


def test_a_body_noun_heading_a_name_is_a_body_not_a_person(lex):  # noqa: F811
    claims = claims_of(
        lex, "“The Ministry of Foreign Affairs of the United Mexican States emphasizes the "
             "responsibility of the Canadian government,” the statement read in part.",
        "The Prime Minister’s Office did not comment on the report, except to say that it "
        "“does not intervene in Canadian politics.”")
    assert fields(claims, 1)[:2] == ("The Ministry of Foreign Affairs", "organization")
    assert fields(claims, 2)[1] == "organization"


def test_a_country_an_office_is_for_is_its_portfolio_not_its_side(lex):  # noqa: F811
    """'Director of the Office for Mexico Luis Mora': the office deals with Mexico; whose
    office it is the sentence does not say."""
    claims = claims_of(
        lex, "“These men came to threaten us,” Director of the Office for Mexico and the Border "
             "Luis Mora told the portal.")
    assert fields(claims, 1)[2] != "Mexico"
