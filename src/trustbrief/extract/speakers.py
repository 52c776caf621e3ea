"""Who speaks in a sentence, read from the parse of its verbs of saying.

The speaker is the subject of the highest verb of saying ('four US officials said', 'X told
reporters'; the relative clause of 'officials who spoke to Axios' gives its noun), the object
of 'citing', or the object of 'according to'. Its phrase is then typed:
- a person (gazetteer, or a PERSON the NER finds that no list names) -> named_official;
- 'he'/'she' -> the last person named before in the document (rule '+coref');
- a source noun with no name ('officials', 'a Netanyahu aide') -> anonymous_official, with
  the count its number gives and the side its modifiers name;
- an outlet -> outlet; an organization or state -> organization.
A spokesperson speaking about a leader is the spokesperson: the subject, not a name inside
the quote or the reported clause.
"""

from __future__ import annotations

from trustbrief.extract.syntax import PRONOUNS, hits_in, phrase_tokens

ROLE_DETERMINERS = frozenset({"the", "his", "her", "its", "their"})
TYPE_RANK = {"named_official": 0, "anonymous_official": 0, "organization": 1, "outlet": 2}
SIDE_PREPOSITIONS = frozenset({"for", "of", "at", "from", "in"})


def _speech_heads(doc, syntax) -> list:
    """(phrase head token, rule id) candidates, the highest in the tree first."""
    out = []
    for t in doc:
        if t.lemma_ in syntax.speech_verbs and t.pos_ in ("VERB", "AUX"):
            if t.lemma_ in ("cite", "quote"):
                out += [(c, "citing-object") for c in t.children
                        if c.dep_ in ("dobj", "advmod", "npadvmod", "attr", "oprd")]
                continue
            subj = [c for c in t.children if c.dep_ == "nsubj"]
            if not subj and t.dep_ == "conj":  # 'X called it ... and said'
                subj = [c for c in t.head.children if c.dep_ == "nsubj"]
            if subj and subj[0].lower_ in ("who", "that") and t.dep_ == "relcl":
                out.append((t.head, "speech-verb-relative"))
            elif subj:
                out.append((subj[0], "speech-verb-subject"))
        elif t.lower_ in syntax.according and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            out += [(c, "according-to") for c in doc[t.i + 1].children if c.dep_ == "pobj"]
    # '..., the White House says' (a parataxis) frames the whole sentence; else the highest
    return sorted(out, key=lambda pair: (pair[0].head.dep_ != "parataxis", _depth(pair[0])))


def _depth(token) -> int:
    depth = 0
    while token.head is not token and depth < 50:
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


def _covering(hits, token):
    return next((h for h in hits if h.start <= token.idx < h.end and h.actors), None)


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
            typed["speaker_rule"] = f"{rule}/{typed.pop('how')}"
            found.append((TYPE_RANK[typed["speaker_type"]], n, typed))
    # people outrank the bodies and outlets that relay them ('X, a government that says ...,
    # four officials said'; 'Outlet A reports, citing Outlet B': B is the origin)
    if not found:
        return None
    best = min(found, key=lambda f: f[:2])[2]
    if best["speaker_type"] == "outlet":
        cited = [f[2] for f in found if f[2]["speaker_rule"].startswith("citing-object")]
        best = cited[0] if cited else best
    return best


def _real_head(head, posts):
    """'Two of the officials' -> officials; "Russia's President, Vladimir Putin" -> Putin."""
    if head.pos_ in ("NUM", "PRON", "DET", "ADJ"):
        of = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]
        if of:
            return of[0]
    if head.lemma_.lower() in posts:
        named = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if named:
            return named[0]
    return head


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
    phrase = _side_tokens(head)
    in_phrase = hits_in(phrase, hits)
    sides = [h.side for h in in_phrase if h.side and h.side != "media"]
    own = _covering(in_phrase, head)
    if own is not None and "person" in own.types:
        return _named(own.actor, own.side, "gazetteer-person")
    if own is not None and own.side == "media":
        return {"speaker": own.actor, "speaker_type": "outlet", "speaker_count": None,
                "speaker_side": "media", "how": "outlet"}
    if head.lower_ in PRONOUNS:
        if people:
            actor = lex.actors.get(people[-1])
            return _named(people[-1], actor.side if actor else "", "pronoun+coref")
        return None
    nouns = {t.lower_ for t in phrase_tokens(head)}
    if own is None and head.lemma_.lower() in lex.syntax.outlet_nouns and (
            head.pos_ == "PROPN" or nouns & {"news", "tv", "media", "newspaper"}):
        return {"speaker": doc[phrase_tokens(head)[0].i:head.i + 1].text,
                "speaker_type": "outlet", "speaker_count": None, "speaker_side": "media",
                "how": "outlet-noun"}
    if own is None and head.ent_type_ != "PERSON" and _person_name(doc, head, hits, lex.syntax):
        name = _person_name(doc, head, hits, lex.syntax)
        names.setdefault(head.text, name)
        return _named(name, sides[0] if sides else "", "proper-name")
    if own is None and head.lemma_.lower() not in lex.syntax.posts and (
            head.ent_type_ == "PERSON" or head.text in names or (
            head.pos_ == "PROPN" and head.ent_type_ in ("ORG", "") and _single(doc, head))):
        # a bare surname speaking ('Hagari said', tagged ORG by NER) is a person too
        name = _entity_text(doc, head)
        full = names.get(name.split()[-1], name) if name else name
        if len(name.split()) > 1:
            names[name.split()[-1]] = name
        return _named(full, sides[0] if sides else "", "ner-person")
    if head.lemma_.lower() in lex.syntax.source_nouns:
        people_in = [h for h in in_phrase if "person" in h.types]
        det = next((c.lower_ for c in head.children if c.dep_ in ("det", "poss")), "")
        if (det in ROLE_DETERMINERS and head.tag_ in ("NN", "NNP") and not people_in
                and head.lemma_ in lex.syntax.posts):
            kind, count = "named_official", 1  # 'the French foreign minister': one known post
        else:
            kind, count = "anonymous_official", _count(head, att.count_words)
        text = doc[phrase_tokens(head)[0].i:head.i + 1].text
        return {"speaker": text, "speaker_type": kind, "speaker_count": count,
                "speaker_side": sides[0] if sides else "", "how": "source-noun"}
    if own is not None and set(own.types) & {"organization", "state"}:
        return {"speaker": own.actor, "speaker_type": "organization", "speaker_count": None,
                "speaker_side": own.side, "how": "gazetteer-body"}
    if head.lemma_.lower() in lex.syntax.organization_nouns and head.pos_ in ("NOUN", "PROPN"):
        text = doc[phrase_tokens(head)[0].i:head.i + 1].text
        return {"speaker": text, "speaker_type": "organization", "speaker_count": None,
                "speaker_side": sides[0] if sides else "", "how": "organization-noun"}
    if head.ent_type_ in ("ORG", "NORP", "GPE") and own is None:
        return {"speaker": _entity_text(doc, head), "speaker_type": "organization",
                "speaker_count": None, "speaker_side": sides[0] if sides else "",
                "how": "ner-" + head.ent_type_.lower()}
    return None


def _single(doc, head) -> bool:
    """A one-word proper name: no compound or flat name parts around it."""
    return not any(c.dep_ in ("compound", "flat") for c in head.children)


def _named(actor: str, side: str, how: str) -> dict:
    return {"speaker": actor, "speaker_type": "named_official", "speaker_count": 1,
            "speaker_side": side, "how": how}


def _entity_text(doc, token) -> str:
    ent = next((e for e in doc.ents if e.start <= token.i < e.end), None)
    return ent.text if ent is not None else token.text
