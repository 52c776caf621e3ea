"""An object that carries a possessive ending owns the noun after it: 'outlined X’s demands'
parsed as two objects ('X' with its ’s, and 'demands') gives the demands no target X
(extract/role_paths.py). A hand-built parse, as the parser gives it for such a sentence."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from trustbrief.extract.role_paths import RolePath, role_tokens

LIGHT_VERB_OBJECT = RolePath("light-verb-object", frozenset({"dobj", "dative"}),
                             from_head=frozenset({"dobj"}))


def _parsed(words, heads, deps):
    return Doc(Vocab(), words=words, heads=heads, deps=deps)


def test_an_object_with_a_possessive_ending_is_no_target():
    doc = _parsed(["Deby", "outlined", "Chad", "’s", "demands", "."],
                  [1, 1, 1, 2, 1, 1], ["nsubj", "ROOT", "dobj", "case", "dobj", "punct"])
    assert "Chad" not in [t.text for t in role_tokens(doc[4], LIGHT_VERB_OBJECT)]


def test_an_object_without_one_still_is():
    doc = _parsed(["Deby", "gave", "Chad", "demands", "."],
                  [1, 1, 1, 1, 1], ["nsubj", "ROOT", "dative", "dobj", "punct"])
    assert "Chad" in [t.text for t in role_tokens(doc[3], LIGHT_VERB_OBJECT)]
