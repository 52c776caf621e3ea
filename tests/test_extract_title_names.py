"""A title followed by a name no list knows is that person's title, never the holder the
gazetteer knows for it (extract/actors.py _not_the_holder), also after a comma ('the incoming
president, X Y'), unless the name is the holder's spelled another way ('Aliev', 'Aliyev')."""

from __future__ import annotations

import pytest

from trustbrief.extract.actors import document_hits


def _titles(lex, text: str) -> dict[str, tuple]:
    return {h.surface: h.actors for h in document_hits([text], lex)[0] if h.kind == "title"}


@pytest.mark.parametrize("text", [
    "US President Hiram Walker spoke on Monday.",
    "The war began before the inauguration of the incoming US president, Hiram Walker.",
])
def test_a_title_before_an_unknown_name_is_not_the_known_holder(lex, text):
    assert _titles(lex, text) == {}


@pytest.mark.parametrize(("text", "title"), [
    ("The US president spoke on Monday.", "president"),  # no name: the holder
    ("US President Joe Bidden spoke on Monday.", "President"),  # his name, misspelled
    ("The US president, in Paris, spoke on Monday.", "president"),  # no name after the comma
])
def test_a_title_alone_or_before_its_holders_name_is_the_holder(lex, text, title):
    assert _titles(lex, text) == {title: ("Joe Biden",)}
