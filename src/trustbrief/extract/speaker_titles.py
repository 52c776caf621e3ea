"""Where a speaker's title ends and which name it introduces (the parse of capitalised
titles: 'Deputy Chairman of the X Bureau Mousa Abu Marzook', 'Chief of General Staff'), and
which person a title with a side names ('the Russian president': that side's leader)."""

from __future__ import annotations

CLAUSE_MARKS = frozenset({",", ";", "—", "–", "(", '"', "“", "”"})
TITLE_GAP = 5  # title words ('Maj.', 'Gen.') a name may follow its title's head by


def name_after_title(head):
    """A capitalised title with no article whose person name the parse hung elsewhere:
    'Deputy Chairman of the X Bureau Mousa Abu Marzook' (the name as the object of 'of'),
    'according to Air Force Maj. Gen. Pat Ryder' (the name parsed apart). Rule: the PERSON
    the NER finds right after the title's proper nouns is the one speaking. A lowercase post
    ('the spokesman of the prime minister') keeps its own head: the spokesperson speaks."""
    if head.pos_ != "PROPN" or head.ent_type_ == "PERSON" or any(
            c.dep_ == "det" for c in head.children):
        return head
    of = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
          for g in c.children if g.dep_ == "pobj" and g.ent_type_ == "PERSON"]
    if of:
        return of[0]
    doc = head.doc
    for token in doc[head.i + 1:min(len(doc), head.i + 1 + TITLE_GAP)]:
        if token.ent_type_ == "PERSON":
            return next(e for e in doc.ents if e.start <= token.i < e.end).root
        if token.pos_ != "PROPN" and token.text != ".":
            break
    return head


def entity_text(token) -> str:
    """The words of the named entity the token is part of, else the token's own."""
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return ent.text if ent is not None else token.text


def title_end(head) -> int:
    """Where a capitalised title ends: 'Chief of General Staff', 'Minister of Defence' keep
    their 'of' part (a proper-noun object); 'officials of the ministry' end at their noun."""
    if head.pos_ != "PROPN":
        return head.i
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
               and any(g.dep_ == "pobj" and g.pos_ == "PROPN" and g.ent_type_ != "PERSON"
                       for g in c.children)), None)
    return head.i if of is None else of.right_edge.i


def source_end(head) -> int:
    """Where a source's phrase ends: its title's end, or the end of the adjective phrase
    that says how it knows ('sources familiar with the situation', 'an official close to
    the talks')."""
    end = title_end(head)
    for c in head.children:
        if c.dep_ == "amod" and c.i > head.i and any(g.dep_ == "prep" for g in c.children):
            end = max(end, _clause_end(c))
    return end


def _clause_end(token) -> int:
    """The last token of the token's phrase before a comma, dash or bracket sets off what
    follows ('familiar with the matter, who added ...' ends at 'matter')."""
    doc, end = token.doc, token.i
    while end < token.right_edge.i and doc[end + 1].text not in CLAUSE_MARKS:
        end += 1
    return end


def leader_of_side(people: list[str], side: str, post: str, lex) -> str:
    """'the Russian president' -> the last person named before in the document whose side it
    is and who holds a leader post (world roles level 'leader') or whose roles name the post;
    '' when nobody fits."""
    for name in reversed(people):
        actor = lex.actors.get(name)
        if actor is None or actor.side != side or "person" != actor.type:
            continue
        if (post in lex.syntax.leader_posts and actor.level == "leader") or any(
                post in role.lower() for role in actor.roles):
            return name
    return ""
