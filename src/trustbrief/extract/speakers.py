"""Who speaks in a sentence, read from the parse of its verbs of saying.

The speaker is the subject of the verb of saying that frames the sentence ('..., the White
House says', ', according to an official' set off by a comma) or else of the highest one
('four US officials said', 'X told reporters'; the relative clause of 'officials who spoke to
Outlet' gives its noun), the object of 'citing', or the object of 'according to'; a bare
negated verb ('have not commented') says nothing. Its phrase is then typed:
- a person (gazetteer, or a PERSON the NER finds that no list names) -> named_official;
  a reporter of an outlet ("Outlet's Jane Doe", 'Jane Doe of Outlet') -> outlet;
- 'he'/'she' -> the last person named before in the document (rule '+coref');
- a source noun with no name ('officials', 'a Doe aide') -> anonymous_official, with
  the count its number gives and the side its modifiers name;
- an outlet -> outlet; an organization or state -> organization; a nameless body ('the
  ministry', "the ministry's press service") -> the body with that noun named before;
- a post with no side or name ('the head of state', 'the top diplomat') -> the person spoken
  of last.
- a paper ('the statement', 'a letter signed by X', 'X issued a statement saying', 'X handed
  over a note expressing') -> whoever issued it (papers.py), or the issuer an earlier
  sentence named for that paper, or the body that spoke last.
A spokesperson speaking about a leader is the spokesperson: the subject, not a name inside
the quote or the reported clause.
"""

from __future__ import annotations

from trustbrief.extract.body_names import body_name, counted_members, named_owner
from trustbrief.extract.body_pronoun import pronoun_body, vague_owner_side
from trustbrief.extract.papers import issuer_token, known_issuer, remember_issuers, speaking_paper
from trustbrief.extract.person_sides import with_person_side
from trustbrief.extract.reporters import as_reporter
from trustbrief.extract.role_paths import (
    PRONOUNS,
    covering_hit,
    hits_in,
    phrase_tokens,
    without_portfolio,
)
from trustbrief.extract.speaker_memory import (
    CITED_OUTLET,
    LAST_BODY,
    LAST_OUTLET,
    last,
    last_body_with,
    remember,
    unknown_paper,
)
from trustbrief.extract.speaker_titles import (
    entity_text,
    leader_of_side,
    name_after_title,
    source_end,
    title_end,
)
from trustbrief.extract.speech_verbs import says, speech_verb

ROLE_DETERMINERS = frozenset({"the", "his", "her", "its", "their"})
# outlets relay the people and bodies they quote ('X admitted ..., reports Agency': X speaks);
# a body framing the sentence speaks for what it says a person did ('X "stressed ...",
# the presidency says': its readout)
TYPE_RANK = {"named_official": 0, "anonymous_official": 0, "organization": 0, "outlet": 1,
             "unattributed": 0}
SIDE_PREPOSITIONS = frozenset({"for", "of", "at", "from", "in"})


def _speech_heads(doc, syntax) -> list:
    """(phrase head token, rule id) candidates, the highest in the tree first."""
    out = []
    for t in doc:
        if speech_verb(t, syntax) and says(t, syntax):
            if t.lemma_ in ("cite", "quote"):
                out += [(c, "citing-object") for c in t.children
                        if c.dep_ in ("dobj", "advmod", "npadvmod", "attr", "oprd")]
                continue
            paper = speaking_paper(t, syntax)
            if paper is not None:  # 'X issued a statement saying', 'a note expressing'
                out.append((paper, "speech-verb-paper"))
                continue
            subj = [c for c in t.children if c.dep_ == "nsubj"]
            if not subj and t.dep_ in ("conj", "advcl"):
                # 'X called it ... and said', 'X did not confirm ..., stating that ...'
                subj = [c for c in t.head.children if c.dep_ == "nsubj"]
            if subj and subj[0].lower_ in ("who", "that") and t.dep_ == "relcl":
                out.append((t.head, "speech-verb-relative"))
            elif subj:
                out.append((subj[0], "speech-verb-subject"))
            else:  # '..., added the statement': the parser made the speaker an object
                out += [(c, "speech-verb-inverted") for c in t.children
                        if c.dep_ == "dobj" and c.i > t.i
                        and c.lemma_.lower() in syntax.document_nouns]
        elif t.lower_ in syntax.according and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            out += [(c, "according-to") for c in doc[t.i + 1].children if c.dep_ == "pobj"]
    # '..., the White House says' (a parataxis) and ', according to X' (set off at the start
    # or the end of a clause, wherever the parser hung it) frame the whole sentence; else the
    # highest in the tree
    return sorted(out, key=lambda pair: (not _frames(*pair), _depth(pair[0])))


def _frames(head, rule: str) -> bool:
    if rule == "according-to":
        according = head.head.head
        return according.i == 0 or according.nbor(-1).text in (",", "—", "–", "(")
    return head.head.dep_ == "parataxis"


def _depth(token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:  # spaCy makes a new Token per access
        token, depth = token.head, depth + 1
    return depth


def _side_tokens(head) -> list:
    """The phrase plus its 'for/of/at X' ('a spokesperson for the Pentagon')."""
    tokens = phrase_tokens(head)
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in SIDE_PREPOSITIONS:
            tokens += list(c.subtree)
    return tokens


def _count(head, count_words: dict):
    for c in head.children:
        if c.dep_ == "nummod":
            word = c.lower_
            if word.isdigit():
                return int(word)
            return count_words.get(word) or None
        if c.dep_ == "det" and c.lower_ in ("a", "an", "one"):
            return 1
    return None if head.tag_ in ("NNS", "NNPS") else 1


def tree_speaker(doc, hits, lex, people: list[str], names: dict) -> dict | None:
    """Claim fields (speaker, speaker_type, speaker_count, speaker_side, speaker_rule) of
    the parsed sentence, or None when no verb of saying has a subject found here.
    `people`: persons named before in the document; `names`: surname -> full name of the
    persons the NER found earlier in the document (filled here)."""
    syntax, att = lex.syntax, lex.attribution
    for ent in doc.ents:  # full names seen, for the surnames that follow
        if ent.label_ == "PERSON" and len(ent) > 1:
            names.setdefault(ent[-1].text, ent.text)
    found = []
    for n, (head, rule) in enumerate(_speech_heads(doc, syntax)):
        typed = _typed(doc, head, hits, lex, people, names, att)
        if typed is not None:
            typed = with_person_side(typed, names)
            typed["speaker_rule"] = f"{rule}/{typed.pop('how')}"
            relays = not typed["speaker_rule"].endswith("report-noun")
            found.append((TYPE_RANK[typed["speaker_type"]] if relays else 0, n, typed))
    # the frame or highest verb of saying wins ('X, a government that says ..., four
    # officials said'); outlets yield to the people they relay ('X admitted ..., reports
    # Agency'), but 'the report says' is the report speaking, and 'Outlet A reports, citing
    # Outlet B' yields to B, the origin
    best = _best(found) if found else None
    for _, _, typed in sorted(found, key=lambda f: -f[1]):  # the highest in the tree last
        remember(names, typed)
    # after the bodies that spoke: a paper named here is the newest 'the letter' may be
    remember_issuers(doc, syntax, lambda token: _typed(doc, token, hits, lex, people, names, att),
                     names)
    return best


def _best(found: list) -> dict:
    best = min(found, key=lambda f: f[:2])[2]
    if best["speaker_type"] == "unattributed":  # an unknown paper relayed by an outlet
        best = next((f[2] for f in sorted(found, key=lambda f: f[1])
                     if f[2]["speaker_type"] == "outlet"), best)
    if best["speaker_type"] == "outlet":
        cited = [f[2] for f in found if f[2]["speaker_rule"].startswith("citing-object")]
        best = cited[0] if cited else best
    return best


def _real_head(head, posts):
    """'Two of the officials' -> officials; "A-land's President, John Roe" -> Roe;
    a capitalised title printed before a name -> the name (speaker_titles)."""
    if head.pos_ in ("NUM", "PRON", "DET", "ADJ"):
        of = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]
        if of:
            return of[0]
    if head.lemma_.lower() in posts:
        named = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if named:
            return named[0]
    return name_after_title(head)


def _person_name(doc, head, hits, syntax) -> str:
    """The run of capitalised proper nouns ending at the head that no list names
    ('Spokesperson Adrienne Watson' -> 'Adrienne Watson'); '' when shorter than two words."""
    titles = syntax.posts | syntax.organization_nouns | syntax.source_nouns
    if head.pos_ != "PROPN" or not head.text[:1].isupper() or head.lemma_.lower() in titles:
        return ""
    words = [head]
    for t in reversed(doc[head.left_edge.i:head.i]):
        if (t.pos_ != "PROPN" or t.dep_ not in ("compound", "flat") or not t.text[:1].isupper()
                or t.lemma_.lower() in titles or any(h.start <= t.idx < h.end for h in hits)):
            break
        words.insert(0, t)
    return " ".join(w.text for w in words) if len(words) > 1 else ""


def _typed(doc, head, hits, lex, people, names, att) -> dict | None:
    head = _real_head(head, lex.syntax.posts)
    phrase = without_portfolio(_side_tokens(head), lex.syntax.organization_nouns)
    in_phrase = hits_in(phrase, hits)
    sides = [h.side for h in in_phrase if h.side and h.side != "media"]
    own = covering_hit(in_phrase, head)
    found = as_reporter(head, hits, own)  # an outlet, or its reporter ("Outlet's Jane Doe")
    if found is None and own is not None and "person" in own.types:
        found = _named(own.actor, own.side, "gazetteer-person")
    if found is not None:
        return found
    if head.lemma_.lower() in lex.syntax.document_nouns | lex.syntax.report_nouns:
        return _paper(doc, head, hits, lex, people, names, in_phrase, sides)
    if _noun_in(head, lex.syntax.outlet_nouns) and _definite_bare(head):
        found = last(names, LAST_OUTLET, "outlet-noun+coref")  # 'the publication explained'
        if found is not None:
            return found
    if head.lower_ in ("they", "it"):  # 'Officials said ... They described', 'it said'
        return pronoun_body(head, lambda t: _typed(doc, t, hits, lex, people, names, att), names)
    if head.lower_ in PRONOUNS:
        if people:
            actor = lex.actors.get(people[-1])
            return _named(people[-1], actor.side if actor else "", "pronoun+coref")
        return None
    nouns = {t.lower_ for t in phrase_tokens(head)}
    if own is None and _noun_in(head, lex.syntax.outlet_nouns) and (
            head.pos_ == "PROPN" or nouns & {"news", "tv", "media", "newspaper"}):
        return {"speaker": doc[phrase_tokens(head)[0].i:head.i + 1].text,
                "speaker_type": "outlet", "speaker_count": None, "speaker_side": "media",
                "how": "outlet-noun"}
    if own is None and head.ent_type_ != "PERSON" and _person_name(doc, head, hits, lex.syntax):
        name = _person_name(doc, head, hits, lex.syntax)
        names.setdefault(head.text, name)
        return _named(name, sides[0] if sides else "", "proper-name")
    if own is None and not _noun_in(head, lex.syntax.posts | lex.syntax.organization_nouns) and (
            head.ent_type_ == "PERSON" or head.text in names or (
            head.pos_ == "PROPN" and head.ent_type_ in ("ORG", "") and _single(doc, head))):
        # a bare surname speaking ('Doe said', tagged ORG by NER) is a person too
        name = entity_text(head)
        full = names.get(name.split()[-1], name) if name else name
        if len(name.split()) > 1:
            names[name.split()[-1]] = name
        return _named(full, sides[0] if sides else "", "ner-person")
    if head.lemma_.lower() in lex.syntax.source_nouns:
        return _source_noun(doc, head, in_phrase, sides, people, lex)
    counted = counted_members(head, att.count_words) if own is None else None
    if counted is not None:  # 'eight groups including X and Y'
        return {"speaker": counted[0], "speaker_type": "organization",
                "speaker_count": counted[1], "speaker_side": "", "how": "counted-bodies"}
    if own is not None and set(own.types) & {"organization", "state"}:
        return {"speaker": body_name(own, lex), "speaker_type": "organization",
                "speaker_count": None,
                "speaker_side": own.side, "how": "gazetteer-body"}
    if head.lemma_.lower() in lex.syntax.organization_nouns and head.pos_ in ("NOUN", "PROPN"):
        return _organization_noun(doc, head, hits, sides, people, names)
    if head.ent_type_ in ("ORG", "NORP", "GPE") and own is None:
        return {"speaker": entity_text(head), "speaker_type": "organization",
                "speaker_count": None, "speaker_side": sides[0] if sides else "",
                "how": "ner-" + head.ent_type_.lower()}
    return None


def _noun_in(head, words: frozenset) -> bool:
    """The noun's lemma or its printed form is one of the words ('media', lemmatized 'medium')."""
    return head.lemma_.lower() in words or head.lower_ in words


def _organization_noun(doc, head, hits, sides, people, names) -> dict:
    """A nameless body: 'the ministry' is the body named before (in this sentence, else the
    last one speaking) whose name holds that noun; 'his office' speaks for the person 'his'
    is; 'the country's Culture Ministry' names no more than 'Culture Ministry'."""
    side = sides[0] if sides else vague_owner_side(head, hits, names)  # "the country's"
    poss = next((c for c in head.children if c.dep_ == "poss"), None)
    bare = _definite_bare(head) or (poss is not None and _definite_bare(poss))
    if bare:
        noun = (poss if poss is not None and not _definite_bare(head) else head).lemma_.lower()
        found = _named_body(doc, head, hits, noun) or last_body_with(names, noun)
        if found is not None:
            return {**found, "how": "organization-noun+coref"}
    owner = named_owner(head) if head.pos_ == "NOUN" else ""
    if owner:  # 'the press service of the X Investigative Committee': the committee speaks
        return {"speaker": owner, "speaker_type": "organization", "speaker_count": None,
                "speaker_side": side, "how": "organization-noun+of"}
    # a possessor that names nobody ('its', 'the country's') is left out of the name
    vague = poss is not None and (poss.lower_ in PRONOUNS | {"its", "their"}
                                  or (poss.pos_ == "NOUN" and _definite_bare(poss)))
    tokens = [t for t in phrase_tokens(head) if not vague or t not in poss.subtree]
    text = doc[tokens[0].i:title_end(head) + 1].text if tokens else head.text
    if poss is not None and poss.lower_ in PRONOUNS and people:
        actor = people[-1]
        return {"speaker": f"{actor}'s {text}", "speaker_type": "organization",
                "speaker_count": None, "speaker_side": side, "how": "organization-noun+coref"}
    return {"speaker": text, "speaker_type": "organization", "speaker_count": None,
            "speaker_side": side, "how": "organization-noun"}


def _named_body(doc, head, hits, noun: str) -> dict | None:
    """The last actor named before `head` in the sentence whose words hold the noun
    ('summoned to the Chadian Foreign Ministry ..., the ministry's press service said')."""
    for h in reversed([h for h in hits if h.end <= head.idx and h.actors]):
        words = doc.text[h.start:h.end]
        if noun in words.lower().split() and h.side != "media":
            return {"speaker": words, "speaker_type": "organization", "speaker_count": None,
                    "speaker_side": h.side}
    return None


def _definite_bare(head) -> bool:
    """'the publication', 'the newspaper': a definite noun with no name or modifier."""
    kids = [c for c in head.children if c.dep_ not in ("punct", "case")]  # "the ministry's"
    return len(kids) == 1 and kids[0].dep_ == "det" and kids[0].lower_ == "the"


def _paper(doc, head, hits, lex, people, names, in_phrase, sides) -> dict | None:
    """A statement or a report speaking: its issuer named with it ('a statement by X', 'a
    White House statement', 'an Outlet report'), else the body (for a statement) or outlet (for
    a report) that spoke or was cited last; a bare 'the statement' nobody issued is nobody."""
    if head.lemma_.lower() in lex.syntax.document_nouns:
        return _paper_owner(doc, head, hits, lex, people, names, lex.attribution) or \
            _document_owner(in_phrase, sides, lex, names) or (
                known_issuer(names, head.lemma_.lower(), "document-issuer")
                if _definite_bare(head) else None) or \
            last(names, LAST_BODY, "document-owner") or (
                unknown_paper("document-unknown") if _definite_bare(head) else None)
    media = next((h for h in in_phrase if h.side == "media" and h.actors), None)
    if media is not None:  # 'an Outlet report'
        return {"speaker": media.actor, "speaker_type": "outlet", "speaker_count": None,
                "speaker_side": "media", "how": "report-owner"}
    if _definite_bare(head):
        return last(names, LAST_OUTLET, "report-noun") or last(
            names, CITED_OUTLET, "report-noun") or unknown_paper("report-unknown")
    return None


def _paper_owner(doc, head, hits, lex, people, names, att) -> dict | None:
    """'a statement by X's office said', 'a letter signed by X', 'X issued a statement
    saying': whoever issued it (papers.issuer_token) speaks (rule 'document-by-owner'), typed
    like any speaker."""
    owner = issuer_token(head, lex.syntax)
    typed = None if owner is None else _typed(doc, owner, hits, lex, people, names, att)
    return None if typed is None or not typed["speaker"] else {**typed,
                                                             "how": "document-by-owner"}


def _document_owner(in_phrase, sides, lex, names) -> dict | None:
    """'a White House statement said' -> the body or person named in the phrase (rule
    'document-owner'); a statement with no owner named here speaks for nobody known. A
    paper named by its state alone ('the brief US readout adds') is that state's body that
    spoke last ('..., the White House says.'), if one did (rule 'document-owner+body')."""
    owner = next((h for h in in_phrase if h.actors and h.side != "media"
                  and set(h.types) & {"person", "organization", "state"}), None)
    if owner is None:
        return None
    if "person" in owner.types:
        return _named(owner.actor, owner.side, "document-owner")
    body, name = names.get(LAST_BODY), body_name(owner, lex)
    if "state" in owner.types and name == owner.actor and body is not None and owner.side \
            and body["speaker_side"] == owner.side:  # the state, not its institution
        return {**body, "how": "document-owner+body"}
    return {"speaker": name, "speaker_type": "organization",
            "speaker_count": None, "speaker_side": owner.side or (sides[0] if sides else ""),
            "how": "document-owner"}


def _source_noun(doc, head, in_phrase, sides, people, lex) -> dict:
    """'four US officials' -> anonymous; 'the French foreign minister' -> one known post,
    the side's leader named before when the post is a leader's ('the Russian president')."""
    people_in = [h for h in in_phrase if "person" in h.types]
    det = next((c.lower_ for c in head.children if c.dep_ in ("det", "poss")), "")
    if (det in ROLE_DETERMINERS and head.tag_ in ("NN", "NNP") and not people_in
            and head.lemma_ in lex.syntax.posts):
        kind, count = "named_official", 1  # 'the French foreign minister': one known post
        leader = leader_of_side(people, sides[0], head.lemma_.lower(), lex) \
            if sides else (people[-1] if people and det == "the" else "")
        if leader:  # no side named: 'the head of state added' is the one spoken of last
            actor = lex.actors.get(leader)
            return _named(leader, sides[0] if sides else (actor.side if actor else ""),
                          "source-noun+title-coref")
    else:
        kind, count = "anonymous_official", _count(head, lex.attribution.count_words)
    text = doc[phrase_tokens(head)[0].i:source_end(head) + 1].text
    return {"speaker": text, "speaker_type": kind, "speaker_count": count,
            "speaker_side": sides[0] if sides else "", "how": "source-noun"}


def _single(doc, head) -> bool:
    """A one-word proper name: no compound or flat name parts around it."""
    return not any(c.dep_ in ("compound", "flat") for c in head.children)


def _named(actor: str, side: str, how: str) -> dict:
    return {"speaker": actor, "speaker_type": "named_official", "speaker_count": 1,
            "speaker_side": side, "how": how}
