"""DOC actors"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from trustbrief.extract.lexicons import Lexicons, lookup_key
from trustbrief.knowledge.titled_people import CALENDAR_WORDS
from trustbrief.knowledge.titled_people import WORD as NAME_WORD

# ----------------------------------------------------------------------- actor finding

@dataclass(slots=True, eq=False)
class Hit:
    """An actor reference in a sentence. `actors` holds several names for 'the two'.
    Compared by identity: each hit is one occurrence, and membership tests among a
    sentence's hits ('h not in locations') need no field-by-field comparison."""

    start: int
    end: int
    surface: str
    kind: str
    actors: tuple = ()
    sides: tuple = ()
    types: tuple = ()
    forms: tuple = field(default=(), repr=False)

    @property
    def side(self) -> str:
        return self.sides[0] if self.sides else ""

    @property
    def actor(self) -> str:
        return self.actors[0] if self.actors else ""


def _resolved(hit: Hit, names, lex: Lexicons, kind: str | None = None) -> Hit:
    names = tuple(n for n in names if n)
    return Hit(hit.start, hit.end, hit.surface, kind or hit.kind, names,
               tuple(lex.actors[n].side for n in names), tuple(lex.actors[n].type for n in names))


def _raw_hits(text: str, lex: Lexicons) -> list[Hit]:
    """Gazetteer matches; direct forms (names, aliases, plain epithets) resolve at once."""
    hits, readings = [], lex.readings
    for m in lex.form_pattern.finditer(text):
        surface = m.group()
        reading = readings.get(surface)
        if reading is None:
            reading = readings[surface] = _reading(surface, lex)
        hits.append(Hit(*m.span(), surface, *reading))
    return hits


def _reading(surface: str, lex: Lexicons) -> tuple:
    """(kind, actors, sides, types, forms) of a gazetteer surface form out of context."""
    forms = lex.forms.get(lookup_key(surface), ())
    direct = [f for f in forms if f.kind in ("name", "alias")
              or (f.kind == "epithet" and not f.requires)]
    if direct:
        actor = lex.actors[direct[0].actor]
        return direct[0].kind, (actor.name,), (actor.side,), (actor.type,), ()
    adj = next((f for f in forms if f.kind == "adjective"), None)
    if adj is not None:
        return ("adjective", (adj.actor,) if adj.actor else (), (adj.side,),
                (lex.actors[adj.actor].type,) if adj.actor else ("state",), ())
    return "contextual", (), (), (), tuple(forms)


TITLE_NAME_GAP = re.compile(r"[\s,]{0,3}")  # 'Defense Secretary, John Roe'
OWNER_TITLE_GAP = re.compile(r"(?:['’]s)?\s{0,3}")  # "A-land's defense minister"


def _resolve_title(hit: Hit, hits: list[Hit], i: int, text: str, context: list[set[str]],
                   lex: Lexicons, titled: dict[str, str]) -> Hit | None:
    """A title means the person named right after it, or the one its owner's side holds
    ("A-land's defence chief"); a bare title ('the defence secretary also warned') means the
    person the document last named with these words, else the candidate its context fits.
    `titled` (title words -> person) learns from the first two and serves the third."""
    nxt = hits[i + 1] if i + 1 < len(hits) else None
    if (nxt and nxt.kind in ("name", "alias") and "person" in nxt.types
            and TITLE_NAME_GAP.fullmatch(text, hit.end, nxt.start)):
        titled[lookup_key(hit.surface)] = nxt.actor
        return _resolved(hit, [nxt.actor], lex, "title")
    candidates = [f for f in hit.forms if f.kind == "title"]
    if _not_the_holder(hit, nxt, text, lex):
        # only a holder whose name the one after the title spells another way is meant
        # ('President Jan Tariev' is the gazetteer's 'Jan Tariyev')
        name = NAME_AFTER_TITLE.match(text, hit.end)
        candidates = [f for f in candidates if name and _spelled_alike(f.actor, name)]
        if not candidates:
            return None
    prev = hits[i - 1] if i > 0 else None
    if prev and prev.sides and OWNER_TITLE_GAP.fullmatch(text, prev.end, hit.start):
        candidates = [f for f in candidates if f.side == prev.side]
        if len(candidates) == 1:
            titled[lookup_key(hit.surface)] = candidates[0].actor
            return _resolved(hit, [candidates[0].actor], lex, "title")
    named_before = titled.get(lookup_key(hit.surface))
    if named_before in {f.actor for f in candidates}:
        return _resolved(hit, [named_before], lex, "title")
    return _by_context(hit, candidates, context, lex, "title")


# a capitalised word right after a title, or after its comma: the name of its holder
# ('President X', 'the incoming president, Jane Doe'), and the words after it
NAME_AFTER_TITLE = re.compile(rf",?[ \t]+(?P<word>{NAME_WORD})\b"
                              rf"(?P<rest>(?:[ \t]+{NAME_WORD}\b)*)")
# a word joined to the title by a hyphen makes it another word, and another office
JOINED_AFTER = re.compile(r"[-‐‑][^\W\d_]")
SAME_NAME_RATIO = 0.8  # 'Tariev' and 'Tariyev' are one name; 'Doe' and 'Roe' are not


def _spelled_alike(person: str, name: re.Match) -> bool:
    """The person's last name and the name's last word differ by a transliteration at most."""
    last = (name.group("rest").split() or [name.group("word")])[-1]
    return SequenceMatcher(None, person.split()[-1].casefold(), last.casefold()).ratio() \
        >= SAME_NAME_RATIO


def _not_the_holder(hit: Hit, nxt: Hit | None, text: str, lex: Lexicons) -> bool:
    """A title that cannot mean the person the gazetteer gives it: part of another office or
    after a past holder's word ('Vice President', 'former President'; data/world/roles.yaml),
    joined to another word ('president-elect', '-designate'),
    or followed by a name the gazetteer does not know ('President X': his title, not
    the story's president's)."""
    before = lex.another_office_before
    if before is not None and before.search(text, max(0, hit.start - 40), hit.start):
        return True
    if JOINED_AFTER.match(text, hit.end):
        return True  # 'president-elect', 'Prime Minister-designate': one word, another office
    name = NAME_AFTER_TITLE.match(text, hit.end)
    if name and name.group().startswith(",") and not name.group("rest"):
        return False  # 'told the president, A-land officials said': after a comma, a full name
    return bool(name) and name.group("word").casefold() not in CALENDAR_WORDS and not (
        nxt is not None and nxt.start == name.start("word"))


def _by_context(hit, candidates, context, lex, kind) -> Hit | None:
    """Pick the candidate whose side is present closest (sentence, neighbours, document);
    `context` holds the sides named at each level."""
    for level in context:
        present = [f for f in candidates if f.side in level]
        if len({f.actor for f in present}) == 1:
            return _resolved(hit, [present[0].actor], lex, kind)
        if present:
            return None
    return None


def document_hits(doc_sents: list[str], lex: Lexicons) -> list[list[Hit]]:
    """Resolve every actor reference of one document, in reading order."""
    raw = [_raw_hits(text, lex) for text in doc_sents]
    sent_sides = [_named_sides(hits) for hits in raw]
    doc_sides = set().union(*sent_sides)
    out: list[list[Hit]] = []
    titled: dict[str, str] = {}  # title words -> the person the document named with them
    for n, (text, hits) in enumerate(zip(doc_sents, raw, strict=True)):
        if any(hit.kind == "contextual" for hit in hits):
            near = sent_sides[max(0, n - 1)] | (
                sent_sides[n + 1] if n + 1 < len(raw) else set())
            resolved = _resolve_contextual(text, hits, raw[n - 1] if n else [],
                                           [sent_sides[n], near, doc_sides], lex, titled)
        else:
            resolved = list(hits)
        pronouns = _pronoun_hits(text, resolved, out[-PRONOUN_REACH:], lex)
        if pronouns:  # gazetteer hits come in reading order already
            resolved += pronouns
            resolved.sort(key=lambda h: (h.start, -h.end))
        out.append(resolved)
    return out


def _named_sides(hits: list[Hit]) -> set[str]:
    """Sides a sentence names outright (titles and epithets still unresolved; not media)."""
    return {s for h in hits if h.kind != "contextual" for s in h.sides if s != "media"}


def _resolve_contextual(text: str, hits: list[Hit], previous: list[Hit],
                        context: list[set[str]], lex: Lexicons,
                        titled: dict[str, str]) -> list[Hit]:
    """The sentence's hits with titles and epithets resolved (dropped where unresolved).
    `context`: sides present in the sentence, its neighbours and the document."""
    named = None  # actors named in this sentence or the previous one, for epithets
    resolved = []
    for i, hit in enumerate(hits):
        if hit.kind != "contextual":
            resolved.append(hit)
            continue
        if any(f.kind == "title" for f in hit.forms):
            res = _resolve_title(hit, hits, i, text, context, lex, titled)
        else:
            if named is None:
                named = {h.actor for h in hits + previous
                         if h.kind not in ("contextual", "adjective")}
            eps = [f for f in hit.forms
                   if f.kind == "epithet" and not named.isdisjoint(f.requires)]
            res = _resolved(hit, [eps[0].actor], lex, "epithet") if eps else None
        if res is not None:
            resolved.append(res)
    return resolved


PRONOUN_REACH = 3  # sentences back where 'the two' looks for whom it means


def _pronoun_hits(text, hits, history, lex) -> list[Hit]:
    """'the two' -> the last N distinct actors of the phrase's type before it.
    `history`: the resolved hits of the sentences before, oldest first."""
    if lex.pronoun_pattern is None:
        return []
    found = []
    for m in lex.pronoun_pattern.finditer(text):
        refers, count = lex.pronoun_rules[m.lastgroup]
        before = [pair for sentence in history for pair in _actor_pairs(sentence)]
        before += _actor_pairs(h for h in hits if h.end <= m.start())
        chosen: list[str] = []
        for actor, kind in reversed(before):
            if kind == refers and actor not in chosen:
                chosen.append(actor)
            if len(chosen) == count:
                break
        if len(chosen) == count:
            found.append(_resolved(Hit(m.start(), m.end(), m.group(), ""), chosen[::-1], lex,
                                   "pronoun-phrase"))
    return found


def _actor_pairs(hits) -> list[tuple[str, str]]:
    """(actor, type) of each actor the hits name, in order (adjectives name no one)."""
    return [(a, t) for h in hits if h.kind != "adjective"
            for a, t in zip(h.actors, h.types, strict=True)]


# ------------------------------------------------------------------------- clauses
