"""DOC claims"""

from __future__ import annotations

import re

from trustbrief.extract.lexicons import Attribution
from trustbrief.extract.person_sides import remember_titles
from trustbrief.extract.speaker_memory import cite
from trustbrief.extract.speakers import tree_speaker
from trustbrief.extract.speech_verbs import says_nothing

QUOTE = re.compile(r'"([^"]+)"|“([^”]+)”|“([^”]+)$')


def quote_matches(text: str) -> list[re.Match]:
    """QUOTE's matches; most sentences hold no quotation mark, so skip the scan there."""
    return list(QUOTE.finditer(text)) if '"' in text or "“" in text else []


def _quotes(text: str, att: Attribution) -> list[str]:
    out = []
    for m in quote_matches(text):
        body = next(g for g in m.groups() if g is not None).strip(" ,;:")
        if len(body.split()) >= att.min_quote_words:
            out.append(body)
    return out


def _cited_outlet(text, hits, att: Attribution) -> str:
    """The outlet named as origin; one introduced by 'citing'/'according to' wins."""
    before, after = [], []
    for h in hits:
        if "outlet" not in h.types:
            continue
        if att.citation_before.search(text, max(0, h.start - 60), h.start):
            before.append(h.actor)
        elif att.citation_after.search(text[h.end:h.end + 120]):
            after.append(h.actor)
    return (before or after or [""])[0]


def _speaks(text, start, end, att: Attribution) -> bool:
    """Is the phrase at start:end the one speaking (subject of a speech verb, or cited)?"""
    return bool(att.speaker_after.search(text[end:end + 120])
                or att.source_speaking.search(text[end:end + 40])
                or att.source_introduced.search(text, max(0, start - 25), start))


def _anonymous_speaker(text, hits, att: Attribution):
    found = _anonymous_source(text, hits, att)
    if found is not None:
        return found
    m = att.unnamed.search(text)
    if m:
        return m.start(), {"speaker": m.group(), "speaker_count": None, "speaker_side": "",
                           "speaker_role": "source"}
    return None


def _source_phrases(text: str, att: Attribution):
    """The matches of `att.anonymous`, as its finditer would give them, scanning only from
    the last character before each source noun that such a phrase cannot contain."""
    pos = 0
    while noun := att.source_noun.search(text, pos):
        barrier = att.phrase_barrier.match(text, pos, noun.start())
        # every phrase ends in a source noun, so one starts at or before this one
        m = att.anonymous.search(text, barrier.end() if barrier else pos)
        if m is None:
            return
        yield m
        pos = max(m.end(), pos + 1)  # never stall on an empty match


def _anonymous_source(text, hits, att: Attribution):
    """'four US officials said' -> (start, claim fields), or None."""
    titles = [h for h in hits if h.kind in ("title", "name", "alias", "epithet")]
    for m in _source_phrases(text, att):
        noun_start = m.start("noun")
        if any(h.start < m.end() and noun_start < h.end and "person" in h.types for h in titles):
            continue  # 'National Security Adviser' is a person's title, not a source
        if not _speaks(text, m.start(), m.end(), att):
            continue
        noun = m.group("noun")
        side_word, side = m.group("side"), ""
        if side_word and side_word.lower() not in att.modifiers:
            at = next((h for h in hits if h.start <= m.start("side") < h.end), None)
            if at is not None and at.side == "media":
                continue  # 'Outlet reporters' are not officials
            side = at.side if at is not None else ""
        count_word = (m.group("count") or "").lower()
        plural = noun.lower().endswith(("s", "people"))
        count = att.count_words.get(count_word) if count_word else (None if plural else 1)
        role = next((r for p, r in att.source_roles if p.match(noun)), noun.lower())
        return m.start(), {"speaker": m.group().strip(), "speaker_count": count or None,
                           "speaker_side": side, "speaker_role": role}
    return None


# list bullets, dashes and punctuation a speaker's words may start or end on: a speaker is
# the name a reader says ('• US officials' of a bulleted list is 'US officials')
SPEAKER_EDGES = re.compile(r"^[\s\-–—•·▪◦‣∙●*>|,;:.]+|[\s\-–—•·▪◦‣∙●*>|,;:]+$")
PERSON_TYPES = frozenset({"person"})
BODY_TYPES = frozenset({"organization", "state"})
CLAUSE_END = re.compile(r"\s*(?:[,.;:]|$)")


def _speaking_actor(text, hits, att, types: frozenset, lex):
    for i, h in enumerate(hits):
        if types.isdisjoint(h.types) or h.kind in ("pronoun-phrase", "adjective"):
            continue
        if h.side == "media":
            continue
        # the last hit of a phrase speaks ('Ministry deputy press secretary Jane Doe')
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        if nxt and nxt.actors == h.actors and nxt.start - h.end <= 3:
            continue
        # 'X said' / 'X, who ..., told' / '..., said X.' (the last only at a clause end)
        if att.speaker_after.search(text[h.end:h.end + 120]) or (
                CLAUSE_END.match(text, h.end)  # the cheaper test first
                and att.speaker_before.search(text, max(0, h.start - 20), h.start)):
            return h.start, i, h
    return None


def _named_role(text, hits, i, lex) -> str:
    """Title printed before the name ('Ministry deputy press secretary'), else the gazetteer's."""
    h = hits[i]
    first = i
    while first > 0 and hits[first - 1].end >= hits[first].start - 2 and (
            hits[first - 1].actors == h.actors or hits[first - 1].kind in ("alias", "name")
            and "person" not in hits[first - 1].types):
        first -= 1
    if first < i and any(hits[k].kind == "title" for k in range(first, i)):
        return text[hits[first].start:hits[i - 1].end]
    roles = lex.actors[h.actor].roles
    return roles[0] if roles else ""


def claim_row(sent, hits, last_outlet, lex, parsed=None, people=(), names=None) -> dict | None:
    att, text = lex.attribution, sent["text"]
    names = names if names is not None else {}
    if parsed is not None:  # 'spokesman Jane Doe' in any sentence: her side, for later ones
        remember_titles(parsed, hits, names, lex.syntax.organization_nouns)
    quotes = _quotes(text, att)
    outlet = _cited_outlet(text, hits, att)
    if not outlet and last_outlet and att.report_back.search(text):
        outlet = last_outlet
    if not (quotes or outlet or att.speech.search(text)):
        return None
    claim = {"speaker": "", "speaker_type": "unattributed", "speaker_count": None,
             "speaker_side": "", "speaker_role": "", "speaker_rule": ""}
    tree = tree_speaker(parsed, hits, lex, list(people), names) if parsed is not None else None
    if tree is None and not (quotes or outlet) and parsed is not None and \
            says_nothing(parsed, lex.syntax):
        return None  # 'X has responded with rocket fire': the cue words' verb says nothing
    cite(names, outlet)  # after this sentence: 'the report' in a later one
    # the official named first frames the sentence ('According to A-land officials, ... Doe
    # responded'); a government body speaks only when no official does ('what the A-land
    # government says ..., four B-land officials said')
    speakers = [(rank, found[0], kind, found) for rank, kind, found in (
        (0, "anonymous", _anonymous_speaker(text, hits, att)),
        (0, "named", _speaking_actor(text, hits, att, PERSON_TYPES, lex)),
        (1, "org", _speaking_actor(text, hits, att, BODY_TYPES, lex))) if found]
    kind, found = min(speakers)[2:] if speakers else ("", None)
    if kind == "anonymous":
        claim.update(found[1], speaker_type="anonymous_official")
    elif kind == "named":
        _, i, h = found
        claim.update(speaker=h.actor, speaker_type="named_official", speaker_count=1,
                     speaker_side=h.side, speaker_role=_named_role(text, hits, i, lex))
    elif kind == "org":
        h = found[2]
        claim.update(speaker=h.actor, speaker_type="organization", speaker_side=h.side,
                     speaker_role=lex.actors[h.actor].type)
    elif outlet:
        claim.update(speaker=outlet, speaker_type="outlet", speaker_side="media",
                     speaker_role="outlet")
    elif not quotes and tree is None:
        return None  # a speech verb with no speaker and nothing quoted: not a claim
    if kind:
        claim["speaker_rule"] = "window/" + kind
    if tree is not None:
        role = claim["speaker_role"] if tree["speaker"] == claim["speaker"] else ""
        claim.update(tree, speaker_role=role)
    claim["speaker"] = SPEAKER_EDGES.sub("", claim["speaker"])  # '• US officials' (a list)
    claim.update(claim_id=f"{sent['sent_id']}-c1", doc_id=sent["doc_id"],
                 sent_id=sent["sent_id"], cited_outlet=outlet, quote=" … ".join(quotes),
                 text=text)
    return claim


def quotes_speech(claim: dict) -> bool:
    """Does the claim quote someone, or close a quote opened in a sentence before it
    ('It's very hard to speculate," X said.' after '"This is something we ...')?"""
    text = claim.get("text") or ""
    return bool(claim["quote"]) or "”" in text.replace("“", "", 1) or text.count('"') % 2 == 1


# ---------------------------------------------------------------------- trust signals
