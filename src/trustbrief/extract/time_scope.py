"""The clause a time expression belongs to, read from the dependency parse: in 'A blamed X,
and B skipped the parade in May', 'in May' sits in the second of two coordinated clauses,
each with its own subject; it dates what that clause tells, never the first clause's act
(the nearest-trigger rule of windows.py decides within the clause). A date standing before a
noun as its modifier ('the response to Chad's Oct. 1 attack', 'Tuesday's strike') dates that
noun alone, with what its relative clause tells ('the Sept. 27 strike that killed X'): the
response is not of October 1. A date in a participial clause that opens the
sentence ('Speaking to X on Thursday, Y said that ...') dates that clause and its verb, not
the acts that verb reports. What a concessive phrase names ('struck on Saturday despite
warnings from X', 'in spite of the protests') stood before the clause's act, which went
against it: the clause's date does not date it. Nor does it date what a 'since' phrase names
('have continued to sour in recent months since X's downing of the plane'): that act opened the
period the clause tells, before it. A date inside a clause of its own subject that 'since',
'after', 'before', 'until' or 'because' joins (APART: 'demanded an apology, the first incident
since the presidents met in December') dates that clause alone, as a coordinated clause's
does. A 'by' deadline of an act
yet to be done ('asked to leave by Saturday') dates at most that act, never the asking."""

from __future__ import annotations

from trustbrief.extract.role_paths import token_at

SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
# how a date hangs on the noun it stands before: 'Oct. 1 attack' (nmod, compound), "Tuesday's
# strike" (poss), 'the 1 October talks' (nummod)
PREMODIFIERS = ("nmod", "compound", "poss", "nummod", "amod")
# prepositions that put a clause's act inside what their noun names: 'urged X in the Oct. 13
# letter', "said during Tuesday's briefing": the noun's date is the act's too
FRAMES = ("during", "in", "at")
# prepositions that name what came before a clause's act or state: what it went against
# ('despite warnings from X'; 'in spite of' is 'in' with the object 'spite'), or what opened it
# ('soured in recent months since X's downing of the plane')
CONCESSIVE = ("despite", "notwithstanding", "since")


# conjunctions of a clause whose act stands apart in time from the act it modifies: 'demanded
# their release on Tuesday, the first incident since the presidents met in December' (December
# dates the meeting alone), 'struck after B fired in May'; not 'when', 'as' or 'while', whose
# clause shares the day of the act it frames
APART = ("since", "after", "before", "until", "till", "because")


def _conjunct_clause(token):
    """The nearest clause above the token that has a subject of its own and is coordinated to
    another ('and the president skipped ...') or subordinate by a conjunction of APART ('since
    the presidents met in December'), or None."""
    for node in (token, *token.ancestors):
        if node.pos_ not in ("VERB", "AUX") or not any(c.dep_ in SUBJECTS
                                                        for c in node.children):
            continue
        if node.dep_ == "conj" or (node.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in APART for c in node.children)):
            return node
    return None


def _modified_noun(token):
    """The common noun a date stands before as its modifier ("Chad's Oct. 1 attack"), or
    None: also when the noun is part of the time itself ('Thursday evening') or frames the
    clause's act ('in the Oct. 13 letter')."""
    head = token.head
    if token.dep_ not in PREMODIFIERS or head.pos_ != "NOUN" or head.i < token.i:
        return None
    if head.ent_type_ in ("DATE", "TIME"):
        return None
    if head.dep_ == "pobj" and head.head.lower_ in FRAMES:
        return None
    return head


def _fronted_participle(token):
    """The participial clause without a subject of its own that the token stands in, when it
    opens the sentence before the verb it modifies ('Speaking to X on Thursday, Y said that
    ...'), or None."""
    for node in (token, *token.ancestors):
        if node.pos_ in ("VERB", "AUX") and node.dep_ != "aux":
            if node.dep_ == "advcl" and node.tag_ == "VBG" and node.i < node.head.i and \
                    not any(c.dep_ in SUBJECTS for c in node.children):
                return node
            return None
    return None


NOUNS = ("NOUN", "PROPN")


def _noun_conjunct(token) -> tuple[int, int] | None:
    """The character span of the coordinated noun phrase the token stands in, without its
    coordinates ('deaths of X rounded up by police in June and a series of arrests': June
    dates the deaths, not the arrests), or None; looked for below the nearest clause with a
    subject of its own."""
    for node in (token, *token.ancestors):
        if node.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECTS for c in node.children):
            return None
        coordinates = [c for c in node.children if c.dep_ in ("conj", "cc")]
        if node.pos_ in NOUNS and (node.dep_ == "conj" or any(
                c.dep_ == "conj" and c.pos_ in NOUNS for c in coordinates)):
            outside = {t.i for c in coordinates for t in c.subtree}
            own = [t for t in node.subtree if t.i not in outside]
            return own[0].idx, own[-1].idx + len(own[-1].text)
    return None


def _within(token) -> tuple[int, int] | None:
    """The character span a time expression (its head word `token`) may date, or None for
    the whole sentence: from the date to the noun it modifies; in a fronted participial
    clause, that clause and the verb it modifies with its subject, not what that verb reports
    ('adding that two missiles exploded'); else its coordinated clause."""
    noun = _modified_noun(token)
    if noun is None:
        prior = _prior_within(token)
        if prior is not None:
            return prior
    if noun is not None:
        # the noun's relative clause tells its event ('the Sept. 27 strike that killed X')
        told = [c.right_edge for c in noun.children if c.dep_ in ("relcl", "acl")
                and c.i > noun.i] or [noun]
        last = max(told, key=lambda t: t.i)
        return token.idx, last.idx + len(last.text)
    participle = _fronted_participle(token)
    if participle is not None:
        head = participle.head
        return participle.left_edge.idx, head.idx + len(head.text)
    clause = _conjunct_clause(token)
    if clause is None:
        return _noun_conjunct(token)
    first, last = clause.left_edge, clause.right_edge
    return first.idx, last.idx + len(last.text)


def _concessions(token) -> list[tuple[int, int]]:
    """The character spans of the concessive and 'since' phrases of the clause the time
    expression (`token`) stands in, when it stands outside them ('on Saturday despite warnings
    from X': the warnings; 'in recent months since the downing': the downing); and of the
    sentence's phrases naming an earlier act (`prior_phrases`) it stands outside."""
    verb = next((n for n in (token, *token.ancestors) if n.pos_ in ("VERB", "AUX")
                 and n.dep_ != "aux"), None)
    spans = [] if verb is None else [
        _span(child) for child in verb.children if child.dep_ == "prep" and (
            child.lower_ in CONCESSIVE or (child.lower_ == "in" and any(
                c.lower_ == "spite" for c in child.children))) and token not in child.subtree]
    spans += [_span(node) for node in prior_phrases(token.doc)
              if token not in node.subtree and not _right_after(node, token)]
    return spans


def _right_after(node, token) -> bool:
    """The time expression (`token`) follows the phrase the node heads with nothing between
    ('its response to B-land's missile attack last week'): the parser may hang it on the verb,
    but it may date the phrase's act; the nearest trigger takes it."""
    between = token.doc[node.right_edge.i + 1:token.left_edge.i]
    return token.i > node.right_edge.i and all(t.pos_ == "ADP" for t in between)


def _span(node) -> tuple[int, int]:
    """The character span of the node's subtree."""
    first, last = node.left_edge, node.right_edge
    return first.idx, last.idx + len(last.text)


# what an act came after or answered: 'bolster its defences after B-land's missile attacks',
# 'following B-land's attacks', 'two weeks after B-land fired 180 missiles', 'strikes in
# response to B-land's attack', 'fired in retaliation for the killing of X on Friday'. The
# phrase names an act before the one it modifies: the sentence's date of that act ('the
# ministry said Sunday')
# is not its day, nor is the phrase's own date the act's ('Friday' is the killing's).
PRIOR_PREPS = ("after", "following")
PRIOR_MARKS = ("after", "since")
ANSWER_NOUNS = ("response", "retaliation", "reprisal", "revenge", "answer")
ANSWER_PREPS = ("to", "for")
# what two sides are at odds over is a matter already there: 'reaffirmed ties on Thursday while
# remaining at odds over A-land's ban on B-land beef' (the ban is not of Thursday)
DISPUTE_NOUNS = ("odds", "odd", "row", "dispute", "tension", "tensions", "difference",
                 "disagreement", "standoff", "feud", "spat", "quarrel", "rift", "friction")
# what one is credited for was done before ('congratulated X on the killing of Y', 'thanked
# X for its support'): the congratulating's day is not its day
CREDIT_VERBS = ("congratulate", "thank", "praise", "commend", "hail")
CREDIT_PREPS = ("on", "for")


def prior_phrases(doc) -> list:
    """The heads of the phrases of the sentence that name an earlier act: an 'after' or
    'following' phrase of a noun (the parser may read 'following X' as a participle), a
    clause of its own subject that 'after' or 'since' joins (not 'crashed on Monday after
    being struck': one doer's acts in a row, mostly of one day), the object phrase of 'in
    response to' / 'in retaliation for', what one is congratulated or thanked for."""
    found = []
    for node in doc:
        if node.lower_ in PRIOR_PREPS and node.dep_ in ("prep", "acl", "advcl") and \
                any(c.dep_ in ("pobj", "dobj") for c in node.children):
            found.append(node)
        elif node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in PRIOR_MARKS
                                          for c in node.children) and \
                any(c.dep_ in SUBJECTS for c in node.children):
            found.append(node)
        elif node.dep_ == "prep" and (
                (node.lower_ in ANSWER_PREPS and node.head.lemma_.lower() in ANSWER_NOUNS) or
                (node.lower_ in CREDIT_PREPS and node.head.lemma_.lower() in CREDIT_VERBS)):
            found.append(node)
        elif node.dep_ == "prep" and node.lower_ == "over" and \
                node.head.lemma_.lower() in DISPUTE_NOUNS:
            found.append(node)
    return found


def _prior_within(token) -> tuple[int, int] | None:
    """The span of the innermost earlier-act phrase the time expression stands in ('in
    retaliation for the killing of X on Friday': the killing's), or None; not when it is
    that phrase's object ('after Tuesday')."""
    phrases = [n for n in prior_phrases(token.doc) if token in n.subtree and token.head != n]
    if not phrases:
        return None
    return _span(min(phrases, key=lambda n: len(list(n.subtree))))


# 'since' opens the start of a state or of a count, never an act's day: 'have not spoken since
# August', 'their first call since Aug. 21' (the call is not of August 21)
SINCE = "since"
NOWHERE = (0, 0)  # a 'within' span no trigger starts in


def _since(token) -> bool:
    """The time expression is the object of 'since' (or begins with it)."""
    before = token.left_edge.i - 1
    return token.lower_ == SINCE or (token.dep_ == "pobj" and token.head.lower_ == SINCE) or \
        (before >= 0 and token.doc[before].lower_ == SINCE)


# verbs whose object is a day they name, not a time they happen at: 'to declare 3 May a day
# of mourning', 'will mark 12 March' (the declaring is not of 3 May)
NAMING_VERBS = frozenset({"declare", "designate", "proclaim", "mark", "commemorate", "name"})


def _named_day(token) -> bool:
    """The time expression is the object of a verb that names a day."""
    return token.dep_ == "dobj" and token.head.lemma_.lower() in NAMING_VERBS


# participles whose date is a record's own ('a letter dated Oct. 13', 'the documents are
# dated October 15'): the day the record bears, not a day anything the sentence tells happened
RECORD_PARTICIPLES = frozenset({"date"})
RECORD_SUBJECTS = ("nsubj", "nsubjpass")


def _record_date(token) -> tuple[int, int] | None:
    """The span a record's date may date, when the time expression is the date a record
    bears (it hangs on 'dated', directly or through 'on'): the verb the record is the subject
    of ('a letter dated Oct. 13 warned X': the warning is the letter's own act), the clause
    the record frames ('warned X in a letter dated Oct. 13', as FRAMES), else nothing
    ('they are dated October 15 and describe drills for a strike'); None for any other time."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "on":
        head = head.head
    if head is token or head.tag_ != "VBN" or head.lemma_.lower() not in RECORD_PARTICIPLES:
        return None
    record = head.head
    if head.dep_ == "acl" and record.dep_ == "pobj" and record.head.lower_ in FRAMES:
        return None  # 'warned X in a letter dated Oct. 13': the record frames the act
    if head.dep_ == "acl" and record.dep_ in RECORD_SUBJECTS and record.head.pos_ == "VERB":
        verb = record.head
        return verb.idx, verb.idx + len(verb.text)
    return NOWHERE


# how a time hangs inside its 'by' phrase: 'by October 10', 'by 11:59 pm on Saturday'
DEADLINE_PATH = ("pobj", "prep", "npadvmod", "nummod", "compound", "nmod", "appos")


def _deadline(token) -> tuple[int, int] | None:
    """The span of the act a 'by' time is the deadline of, when that act is yet to be done (a
    'to' infinitive or a modal verb: 'asked to leave A-land by Saturday', 'told B-land to
    withdraw 40 diplomats by October 10', 'must leave by Friday'), else None. The time dates
    at most that act, never the asking ('asked', 'told') around it."""
    node = token
    while node.dep_ in DEADLINE_PATH and node.lower_ != "by" and \
            node.head.pos_ not in ("VERB", "AUX"):
        node = node.head
    if node.dep_ == "prep" and node.lower_ != "by":
        # 'by 11:59 pm on Saturday' parsed as two phrases of the verb: the day is the deadline's
        node = next((c for c in node.head.children if c.lower_ == "by" and c.dep_ == "prep"
                     and c.right_edge.i + 1 == node.i), node)
    if node.lower_ != "by" or node.dep_ != "prep":
        return None
    verb = node.head
    if verb.pos_ not in ("VERB", "AUX") or not any(
            c.dep_ == "aux" and (c.tag_ in ("TO", "MD")) for c in verb.children):
        return None
    first, last = verb.left_edge, verb.right_edge
    return first.idx, last.idx + len(last.text)


def scoped_times(parsed, times: list[dict]) -> list[dict]:
    """The time expressions, each that may date only part of its sentence given that part's
    character span as 'within' (triggers outside it are not its to date): a date modifying a
    noun, the noun; one inside a coordinated clause with its own subject, that clause; and the
    concessive phrases of its clause, which it may not date, as 'outside'. The object of
    'since', or of a verb naming a day ('declare 3 May a day of mourning'), dates
    nothing; the date a record bears ('a letter dated Oct. 13') only the record's own act."""
    if parsed is None:
        return times
    out = []
    for t in times:
        token = token_at(parsed, t["start"], t["end"])
        if token is not None and (_since(token) or _named_day(token)):
            out.append({**t, "within": NOWHERE})
            continue
        within = token is not None and (_record_date(token) or _deadline(token)) or (
            _within(token) if token is not None else None)
        outside = _concessions(token) if token is not None else []
        scope = ({"within": within} if within is not None else {}) | \
            ({"outside": outside} if outside else {})
        out.append({**t, **scope} if scope else t)
    return out


def in_prior_phrase(parsed, start: int) -> bool:
    """The word starting at `start` stands in a phrase naming an earlier act
    (`prior_phrases`): undated there, it is no news of the article's day."""
    return parsed is not None and any(
        first <= start < last for first, last in map(_span, prior_phrases(parsed)))


def in_scope(time: dict, start: int) -> bool:
    """The trigger starting at `start` may take the time expression."""
    within = time.get("within")
    return (within is None or within[0] <= start < within[1]) and \
        not any(first <= start < last for first, last in time.get("outside", ()))


# how a time adverbial hangs on its verb: 'accused X on Monday' (prep), 'said Monday'
# (npadvmod), 'said yesterday' (advmod)
ADVERBIAL_DEPS = ("prep", "npadvmod", "advmod")


def adverbial_hosts(parsed, time: dict) -> list:
    """The words a time expression may be an adverbial of, nearest first: the verb it hangs
    on ('accused X on Monday of boarding': 'accused', whatever trigger stands nearer); or, when
    the parser hangs it on a verb's direct object ('summoned the ambassador on Monday over the
    arrest'), that noun, then its verb: the noun's day if the noun tells an event ('condemned
    the attack on Monday'), else the verb's, since a person or thing has no day. Empty when
    it hangs elsewhere."""
    root = token_at(parsed, time["start"], time["end"])
    if root is None:
        return []
    if root.dep_ == "pobj":  # the expression without its preposition: 'Monday' of 'on Monday'
        root = root.head
    if root.dep_ not in ADVERBIAL_DEPS:
        return []
    host = root.head
    if host.pos_ == "VERB":
        return [host]
    if root.dep_ == "prep" and host.pos_ == "NOUN" and host.dep_ == "dobj" and \
            host.head.pos_ == "VERB":
        return [host, host.head]
    return []
