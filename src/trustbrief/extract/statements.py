"""Statements as events: what a government, an official or an unnamed official of one side says
about another party ('Chad's foreign ministry said France bears responsibility', 'the Palace
declined to comment, saying it will await the investigation') is an event of the relationship
(CAMEO 01, 'make public statement'), dated by the time expression of its sentence or, in a
lede, by its publication; told in the present perfect ('the Palace has declined to comment',
'officials have announced'), it is the report's news wherever it stands, dated by the
publication too (rule suffix /perfect; data/syntax.yaml speech.news_perfect).

Enabled by an event type with `from_claims: true` in data/event_types.yaml (its id is the
mention's event_type); a statement mention is made from a claim (claims.py) when the speaker is
an actor or speaks for a side, the sentence names a party of another side, and no other event
mention of the sentence already has an agent of the speaker's side (the statement is then the
way that event is told, not an event of its own). A sentence telling another side's act ('the
ministry said Argentina struck Uruguay') is that act's telling too, unless the speaker denies
its own side's part in it ('the US said it was not warned of the strike', 'stressing the US
was not involved') or reacts to it ('expressed deep shock at the dismissal'): a denial or a
reaction is news of its own (data/syntax.yaml speech.own_side_pronouns, speech.reaction_nouns;
the mention's rule ends in /denial or /reaction).
"""

from __future__ import annotations

from trustbrief.extract.actors import Hit
from trustbrief.extract.lexicons import MEASURE_KINDS, Lexicons
from trustbrief.extract.role_paths import phrase_tokens, token_at
from trustbrief.extract.syntax import factuality_of
from trustbrief.extract.vows import vowed_act

# a statement is made on a day: only expressions that name one ('on Friday', 'June 28',
# 'yesterday') date it, never a week, month or year ('this year' dates no statement)
DAY_SPECS = ("weekday:", "abs:", "md:", "reld:")
SPEAKING_TYPES = frozenset({"named_official", "organization", "anonymous_official"})
PARTY_TYPES = frozenset({"state", "organization", "person"})


def statement_type(lex: Lexicons):
    return next((t for t in lex.event_types.values() if t.from_claims), None)


def speaker_actor(claim: dict, lex: Lexicons) -> tuple[str, str]:
    """(actor, side) the claim's speaker stands for, or ('', '')."""
    side = claim.get("speaker_side") or ""
    speaker = claim.get("speaker") or ""
    if speaker in lex.actors:
        actor = lex.actors[speaker]
        return actor.name, side or actor.side
    agent = lex.side_actor.get(side) or (side if side in lex.actors else "")
    return (agent, side) if agent else ("", "")


def _other_parties(hits: list[Hit], side: str) -> list[str]:
    names = [a for h in hits if h.kind != "pronoun-phrase"
             for a, s, t in zip(h.actors, h.sides, h.types, strict=True)
             if s not in ("", "media", side) and t in PARTY_TYPES]
    return list(dict.fromkeys(names))


def _government(party: str, lex: Lexicons) -> str:
    """What one side says of another is said of that side's government ('no warning of the
    A-land airstrikes', 'Doe's role' -> A-land): statements of one speaker about the same side
    on one day are one event, whichever of its bodies or people each article names. A party
    whose side has no state of its own (a movement) stays itself."""
    actor = lex.actors.get(party)
    return (lex.side_actor.get(actor.side) if actor is not None else None) or party


def _statement_time(text: str, times: list[dict], quotes: list[str], verb=None
                    ) -> dict | None:
    """The sentence's first day outside the quoted words ('said on Friday'); with the parsed
    verb of saying, only a day in that verb's own subtree ('the US said on Friday', not 'said
    ... the election on 5 November' when the verb is elsewhere)."""
    quoted = [(text.find(q), text.find(q) + len(q)) for q in quotes if q and q in text]
    for t in sorted(times, key=lambda t: t["start"]):
        if t["kind"] in MEASURE_KINDS or any(a <= t["start"] < b for a, b in quoted) or \
                not str(t.get("spec") or "").startswith(DAY_SPECS):
            continue
        if verb is not None and not _under(verb, t["start"], t["end"]):
            continue
        return t
    return None


def _under(verb, start: int, end: int) -> bool:
    span = verb.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) > 0 and (
        span.root is verb or verb in span.root.ancestors)


def _speech_verb(text: str, hits: list[Hit], parsed, lex: Lexicons):
    """(start, words, token) of the verb of saying that makes the statement, outside every
    actor's name ('the United States' holds no 'states'): in the parse, a verb whose lemma is
    a verb of saying (data/syntax.yaml speech) or 'according (to)'; without a parse, the
    first match of the attribution cues. None when there is none."""
    def in_name(start: int) -> bool:
        return any(h.start <= start < h.end for h in hits)
    if parsed is None:
        verb = next((m for m in lex.attribution.speech.finditer(text)
                     if not in_name(m.start())), None)
        return (verb.start(), verb.group(), None) if verb else None
    syntax = lex.syntax
    for token in parsed:
        if in_name(token.idx):
            continue
        if (token.pos_ == "VERB" and token.lemma_ in syntax.speech_verbs) or \
                token.lower_ in syntax.according:
            return token.idx, token.text, token
    return None


SUBJECT_DEPS = ("nsubj", "nsubjpass")
OBJECT_DEPS = ("dobj", "attr")


def _denial_or_reaction(parsed, hits: list[Hit], side: str, lex: Lexicons):
    """'denial' for a verb of saying whose complement denies something of the speaker's own
    side (its subject a pronoun of speech.own_side_pronouns or an actor of `side`, the clause
    negated: 'was not involved', 'got no advance warning'), 'reaction' for one whose object
    is a reaction noun ('expressed deep shock at'), else '': with that verb of saying (None)."""
    if parsed is None:
        return "", None
    syntax = lex.syntax
    for token in parsed:
        if token.pos_ != "VERB" or token.lemma_ not in syntax.speech_verbs:
            continue
        for child in token.children:
            if child.dep_ == "dobj" and child.lemma_.lower() in syntax.reaction_nouns:
                return "reaction", token
            if child.dep_ == "ccomp" and _negated(child) and any(
                    _own_side(s, hits, side, syntax) for s in _subjects(child, token)):
                return "denial", token
    return "", None


NEGATIONS = frozenset({"not", "n't", "n’t", "never"})


def _clause_words(clause) -> list:
    """The clause's children and its auxiliaries' ('it was n't involved' parsed with 'it'
    and "n't" under 'was')."""
    kids = list(clause.children)
    return kids + [g for c in kids if c.dep_ in ("aux", "auxpass") for g in c.children]


def _subjects(clause, verb) -> list:
    """The complement's subjects; when it has none, the object of the verb of saying right
    before it ('stressing the US was not involved' parsed as 'stressing [the US]' + clause)."""
    found = [s for s in _clause_words(clause) if s.dep_ in SUBJECT_DEPS]
    return found or [c for c in verb.children if c.dep_ == "dobj" and c.i < clause.i]


def _negated(clause) -> bool:
    """'was not involved', "wasn't involved", 'did not have any warning', 'got no advance
    warning'."""
    return any(c.dep_ == "neg" or c.lower_ in NEGATIONS or (c.dep_ in OBJECT_DEPS and any(
        d.dep_ == "det" and d.lower_ == "no" for d in c.children)) for c in _clause_words(clause))


def _own_side(subject, hits: list[Hit], side: str, syntax) -> bool:
    if subject.lower_ in syntax.own_side_pronouns:
        return True
    return any(h.start <= t.idx < h.end and side in h.sides  # 'the Brazilian government'
               for t in subject.subtree for h in hits)


TOLD_AS_DONE_OR_PLANNED = ("asserted", "planned")
NEWS_PERFECT_RULE = "/perfect"  # events/records.py reads it: dated by the publication
PERFECT_AUXILIARIES = frozenset({"has", "have", "'s", "’s", "'ve", "’ve"})
SPEECH_CHAIN_DEPS = ("xcomp", "conj")  # 'has declined to comment', 'has met and said'


def _news_perfect(verb, syntax) -> bool:
    """The verb of saying is told in the present perfect ('the ministry has declined to
    comment', 'officials have announced'), the report's news: not background or habit ('has
    previously said', 'has repeatedly urged', 'has since acknowledged') nor a stance held
    ('has said he would not support'; data/syntax.yaml speech.news_perfect)."""
    if verb is None or verb.lemma_ in syntax.perfect_stance_verbs:
        return False
    while verb.dep_ in SPEECH_CHAIN_DEPS and not present_perfect(verb):
        verb = verb.head
    if not present_perfect(verb) or verb.lemma_ in syntax.perfect_stance_verbs:
        return False
    return not told_as_background(verb, syntax)


def present_perfect(verb) -> bool:
    """'has announced', 'have been published': a past participle with 'has'/'have'."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in PERFECT_AUXILIARIES
                                      for c in verb.children)


def told_as_background(verb, syntax) -> bool:
    """A background adverb on the verb or in its prepositions ('has previously said', 'has
    since acknowledged'; data/syntax.yaml speech.news_perfect.background_adverbs)."""
    words = list(verb.children) + [g for c in verb.children if c.dep_ == "prep"
                                   for g in c.children]
    return any(w.lower_ in syntax.perfect_background_adverbs for w in words)


ASKED_RULE = "/said-with-modal"


def _asked(verb, hits: list[Hit], side: str, lex: Lexicons):
    """The event type (data/event_types.yaml `said_with`) of a statement whose verb of saying
    takes a clause with one of the type's modals on a verb whose subject is a party of another
    side ('X emphasized, "B-land must apologize to A-land"': a demand), else None;
    never after a verb that concedes or judges ('acknowledged that X must respond')."""
    if verb is None:
        return None
    for etype in lex.event_types.values():
        if not etype.said_with or verb.lemma_ in etype.said_with[1]:
            continue
        for clause in verb.children:
            if clause.dep_ == "ccomp" and any(
                    c.dep_ == "aux" and c.lower_ in etype.said_with[0] for c in clause.children) \
                    and any(_other_side(s, hits, side) for s in clause.children
                            if s.dep_ in SUBJECT_DEPS):
                return etype
    return None


def _other_side(subject, hits: list[Hit], side: str) -> bool:
    """The subject names a party of another side than the speaker's ('B-land', 'the B-land
    government'; never a place, an outlet or the speaker's own side; its phrase without
    prepositions: 'a war with X should be avoided' asks nothing of X)."""
    tokens = phrase_tokens(subject)
    return bool(_other_parties([h for h in hits if any(h.start <= t.idx < h.end
                                                       for t in tokens)], side))


def _denied_party(found: list[dict], parties: list[str], side: str, verb,
                  lex: Lexicons) -> str:
    """Whom a denial answers: the doer of the act it is about ('stressing the US was not
    involved in the operation, which was widely attributed to Argentina' -> Argentina; 'would
    not support an Argentine strike on Uruguay' -> Argentina), an act in the denying verb's
    clause first; with no doer named, the first other party that is no act's victim ('not
    involved in the Uruguayan mine blasts' names nobody it answers: '')."""
    acts = [f for f in found if f["agent"] in lex.actors
            and lex.actors[f["agent"]].side not in ("", side)]
    inside = [f for f in acts if _under(verb, f["trigger_start"], f["trigger_start"] + 1)]
    if inside or acts:
        return (inside or acts)[0]["agent"]
    victims = {t for f in found for t in f["targets"]}
    return next((p for p in parties if p not in victims), "")


def _speakers_act(found: list[dict], side: str, lex: Lexicons) -> bool:
    """A mention of the sentence whose agent is of the speaker's side: the statement is how
    that act is told."""
    return any(f["polarity"] in TOLD_AS_DONE_OR_PLANNED and f["agent"] in lex.actors
               and lex.actors[f["agent"]].side == side for f in found)


def _side_of(name: str, lex: Lexicons) -> str:
    """The side of a party (a state, body or person; a place is no party: '')."""
    actor = lex.actors.get(name)
    return actor.side if actor is not None and actor.type in PARTY_TYPES else ""


def _answered_party(earlier: list[dict], side: str, lex: Lexicons) -> str:
    """Whom a statement naming no other party answers: the other side of the nearest act
    told before it in the article between the speaker's side and another ('the plane was shot
    down by an Argentine missile' ... 'the Argentine foreign ministry has declined to comment
    on the allegations' -> the downed plane's state); '' when none. A statement told before
    is no act to answer: what the speaker's side said earlier ('X told Y on Friday that ...')
    leaves a later 'X told reporters ...' naming nobody."""
    said = statement_type(lex)
    for f in reversed(earlier):
        if f["polarity"] != "asserted" or (said is not None and f["event_type"] == said.id):
            continue
        doer = _side_of(f["agent"], lex)
        others = [t for t in f["targets"] if _side_of(t, lex) not in ("", "media", side)]
        if doer == side and others:
            return others[0]
        if doer not in ("", "media", side) and any(_side_of(t, lex) == side
                                                   for t in f["targets"]):
            return f["agent"]
    return ""


def _targets(alone: str, found: list[dict], hits: list[Hit], side: str, agent: str,
             denying, vowed: dict | None, earlier: list[dict], lex: Lexicons
             ) -> tuple[list[str], str]:
    """(the statement's target, as its government, or [], target_rule)."""
    targets = [t for t in _other_parties(hits, side) if t != agent]
    target_rule = "named-other-side"
    if alone == "denial":  # denied to the government behind the act, not to its victim
        targets, target_rule = [_denied_party(found, targets, side, denying, lex)], "denied"
    elif vowed is not None:  # threatened against the vowed act's target
        targets, target_rule = vowed["targets"][:1], "vowed-act"
    elif not targets:  # 'declined to comment on the allegations': the act told before
        targets, target_rule = [_answered_party(earlier, side, lex)], "answers-earlier-act"
    if not targets or not targets[0]:
        return [], target_rule
    return [_government(targets[0], lex)], target_rule


def statement(sent: dict, claim: dict | None, hits: list[Hit], times: list[dict],
              found: list[dict], lex: Lexicons, parsed=None, earlier: list[dict] = ()
              ) -> dict | None:
    """A statement mention (in the shape windows.sentence_mentions gives) or None;
    `earlier`: the mentions of the article's sentences before this one."""
    etype = statement_type(lex)
    if etype is None or claim is None or claim["speaker_type"] not in SPEAKING_TYPES:
        return None
    agent, side = speaker_actor(claim, lex)
    if not agent or side in ("", "media") or _speakers_act(found, side, lex):
        return None
    text, quote = sent["text"], claim.get("quote") or ""
    alone, denying, vowed = "", None, None  # why a statement beside an act is news of its own
    if any(f["polarity"] in TOLD_AS_DONE_OR_PLANNED for f in found):
        alone, denying = _denial_or_reaction(parsed, hits, side, lex)
        vowed = None if alone else vowed_act(found, quote, text, parsed)
        alone = alone or ("threat" if vowed is not None else "")
        if not alone:
            return None
    targets, target_rule = _targets(alone, found, hits, side, agent, denying, vowed,
                                    list(earlier), lex)
    if not targets:
        return None
    verb = _speech_verb(text, hits, parsed, lex)
    if verb is None and vowed is not None:  # the vow's quote alone: its act's word
        verb = (vowed["trigger_start"], vowed["trigger"], token_at(
            parsed, vowed["trigger_start"], vowed["trigger_start"] + len(vowed["trigger"])))
    if verb is None:
        return None  # a quote alone: no verb of saying to stand as the trigger
    start, words, token = verb
    if denying is not None:  # the verb that denies or reacts, and its own day
        start, words, token = denying.idx, denying.text, denying
    asked = None if alone else _asked(token, hits, side, lex)
    etype = asked or etype
    # 'Multiple times, B-land has urged A-land': the verb of saying is told as habitual (a
    # generic mention of the sentence has it as its trigger): no statement of one day
    habitual = any(f["trigger_start"] == start and f["polarity"] == "generic" for f in found)
    # 'as the minister has said, ...': the verb itself told as generic (data/syntax.yaml)
    generic_rule = _generic_rule(token, start, words, lex) if not habitual else ""
    time = _statement_time(text, times, [quote], token)
    news = time is None and _news_perfect(token, lex.syntax)
    return {"event_type": etype.id, "clause": (0, len(text)), "agent": agent,
            "targets": targets, "locations": [], "time": time, "measure": None,
            "trigger": words, "form": "verb", "trigger_start": start,
            "rule": f"{etype.id}/claim/{claim.get('speaker_rule') or claim['speaker_type']}"
                    + (f"/{alone}" if alone else "") + (ASKED_RULE if asked else "")
                    + (NEWS_PERFECT_RULE if news else ""),
            "agent_rule": "speaker", "target_rule": target_rule,
            "polarity": "generic" if habitual or generic_rule else "asserted",
            "factuality_rule": "habitual-speech" if habitual else generic_rule}


def _generic_rule(token, start: int, words: str, lex: Lexicons) -> str:
    """The id of the data/syntax.yaml factuality pattern that tells the verb of saying as
    generic (no one statement of a day), or ''."""
    if token is None or lex.reader is None:
        return ""
    value, rule = factuality_of(lex.reader.factualities(token.doc), token, start,
                                start + len(words))
    return rule if value == "generic" else ""
