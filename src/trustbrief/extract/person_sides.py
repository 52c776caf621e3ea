"""The side of a person no list names, read from the title printed with their name and kept
for the rest of the document.

News writing gives a person's post once, with the full name ('State Department spokesman
Jane Doe said', 'according to Maj. Gen. John Roe, the top Pentagon spokesman', 'according
to ministry spokesman Jan Kos' after the ministry was named), then the surname or a pronoun
alone ('Doe told reporters', 'he added'). The side the title names (an actor of the title's
words or of its apposition; for a nameless body noun such as 'ministry', the body with that
noun named before in the sentence) is the person's side wherever the document names them
again. The title a person is first named with wins.
"""

from __future__ import annotations

from trustbrief.extract.role_paths import hits_in, phrase_tokens, without_portfolio

PERSON_SIDES = "<person sides>"  # key of tree_speaker's per-document `names` memory


def remember_titles(doc, hits, names: dict, organization_nouns: frozenset) -> None:
    """Note the side of every full person name the NER finds in the sentence whose title
    (its noun phrase or apposition) names one; persons of the gazetteer keep their own."""
    sides = names.setdefault(PERSON_SIDES, {})
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len(ent) < 2 or ent.text in sides or any(
                h.start < ent.end_char and ent.start_char < h.end and "person" in h.types
                for h in hits):
            continue
        side = title_side(ent.root, hits, organization_nouns)
        if side:
            sides[ent.text] = side


def title_side(head, hits, organization_nouns: frozenset) -> str:
    """The side of the actors in the name's phrase and apposition ('the top Pentagon
    spokesman'), persons and outlets aside; else of the body a nameless body noun of the
    title ('ministry spokesman') stands for: the last actor before it in the sentence whose
    words hold that noun."""
    tokens = phrase_tokens(head)
    for c in head.children:
        if c.dep_ == "appos":
            tokens += phrase_tokens(c)
    tokens = without_portfolio(tokens, organization_nouns)
    found = [h.side for h in hits_in(tokens, hits)
             if h.side and h.side != "media" and "person" not in h.types]
    if found:
        return found[0]
    nouns = {t.lemma_.lower() for t in tokens if t.i != head.i} & organization_nouns
    text = head.doc.text
    for h in reversed([h for h in hits if h.end <= tokens[0].idx and h.actors and h.side]):
        if h.side != "media" and nouns & set(text[h.start:h.end].lower().split()):
            return h.side
    return ""


def with_person_side(typed: dict, names: dict) -> dict:
    """A named official the sentence gives no side takes the one their title gave earlier."""
    if typed["speaker_type"] == "named_official" and not typed["speaker_side"]:
        side = names.get(PERSON_SIDES, {}).get(typed["speaker"], "")
        if side:
            return {**typed, "speaker_side": side}
    return typed
