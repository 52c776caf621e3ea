"""Reading the dependency parse: factuality, roles and speakers (patterns in data/syntax.yaml).

Every answer carries the id of the pattern that gave it, so a row can say why. Positions are
character offsets in the sentence text, the same the actor hits use; a spaCy Doc here is one
parsed sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from trustbrief import knowledge
from trustbrief.extract import depmatch
from trustbrief.extract.role_paths import RolePath
from trustbrief.knowledge import DataFileError

FACTUALITY_VALUES = ("asserted", "negated", "planned", "hypothetical", "wish", "generic",
                     "alleged")
# what an ascription makes of the act it gives a doer: a charge ('blamed on X': alleged) or
# the doer's own word ('X claimed responsibility': asserted)
ASCRIPTION_FACTUALITIES = ("alleged", "asserted")


@dataclass(frozen=True)
class Syntax:
    pipeline: str
    factuality: tuple  # (id, value, DependencyMatcher pattern)
    roles: dict  # 'verb' / 'noun' -> {'agent': [RolePath], 'target': [...]}; 'participants'
    speech_verbs: frozenset
    source_nouns: frozenset
    according: frozenset
    organization_nouns: frozenset = frozenset()
    posts: frozenset = frozenset()
    outlet_nouns: frozenset = frozenset()
    document_nouns: frozenset = frozenset()  # 'a White House statement said': its owner speaks
    leader_posts: frozenset = frozenset()  # 'the Russian president': that side's leader
    triggers: tuple = ()  # (id, event type, DependencyMatcher pattern): event words by syntax
    report_nouns: frozenset = frozenset()  # 'the report says': the outlet spoken of last
    # (id, index of the node `agent`, index of the node `act` or None, compiled pattern,
    # factuality it gives the act: alleged or asserted): 'an attack blamed on X' (ascribed.py)
    ascribed: tuple = ()
    # (id, DependencyMatcher pattern): 'subsequent attacks' continue the series before (series.py)
    series: tuple = ()
    # a statement of its own beside another event: a denial of its own part, a reaction
    own_side_pronouns: frozenset = frozenset()  # 'the US said it was not warned'
    reaction_nouns: frozenset = frozenset()  # 'expressed deep shock at'
    # a statement in the present perfect is the report's news, unless one of these adverbs
    # makes it background ('has previously said') or its verb tells a stance held ('has said')
    perfect_background_adverbs: frozenset = frozenset()
    perfect_stance_verbs: frozenset = frozenset()
    # verbs of making public whose present perfect makes the act noun they tell the news, and
    # the nouns that carry an act noun ('the information about X's refusal'): news_nouns.py
    perfect_publishing_verbs: frozenset = frozenset()
    perfect_carrier_nouns: frozenset = frozenset()
    # (trigger pattern id, event types it retypes): a vocabulary trigger of such a type that
    # the pattern matches is of the pattern's type ('cautioned X about an imminent action')
    retypes: tuple = ()
    # verbs by which someone issues a paper ('X issued a statement', 'a letter signed by X')
    issuing_verbs: frozenset = frozenset()
    # verbs of answering whose 'with' object is how they answer ('responded with rocket fire')
    answering_verbs: frozenset = frozenset()
    # verbs that speak when they defend a stance ('has defended Chad's right to ...')
    stance_verbs: frozenset = frozenset()
    stance_objects: frozenset = frozenset()
    # verbs that speak with a clause, a quote or no object, and do a deed with a thing as
    # object ('adding armoured vehicles', 'claiming the region'), unless that object is said
    # ('claimed responsibility')
    thing_verbs: frozenset = frozenset()
    spoken_objects: frozenset = frozenset()


def _news_perfect(spec: dict) -> tuple[frozenset, ...]:
    """(background adverbs, stance verbs, publishing verbs, carrier nouns) of
    speech.news_perfect."""
    return tuple(frozenset(spec.get(key, ())) for key in (
        "background_adverbs", "stance_verbs", "publishing_verbs", "carrier_nouns"))


def _paths(path: Path, where: str, entries) -> list[RolePath]:
    if not isinstance(entries, list):
        raise DataFileError(path, where, "must be a list of {id, dep, ...}")
    out = []
    for n, e in enumerate(entries):
        if not isinstance(e, dict) or "id" not in e or "dep" not in e:
            raise DataFileError(path, f"{where}[{n}]", "needs an id and a dep list")
        out.append(RolePath(str(e["id"]), frozenset(e["dep"]), frozenset(e.get("through", ())),
                            frozenset(e.get("from_head", ())), frozenset(e.get("types", ())),
                            frozenset(e.get("via", ())), frozenset(e.get("not_from", ())),
                            frozenset(e.get("only_from", ())), bool(e.get("bare", False)),
                            bool(e.get("not_seats", False)), frozenset(e.get("lemmas", ())),
                            frozenset(e.get("reported_by", ())),
                            frozenset(e.get("acts_of", ()))))
    return out


def _checked_pattern(path: Path, where: str, pattern) -> list:
    """A DependencyMatcher pattern whose first node is the trigger, with the operators and
    token attributes the Reader supports."""
    if not isinstance(pattern, list) or not pattern or not isinstance(pattern[0], dict) \
            or pattern[0].get("RIGHT_ID") != "trigger":
        raise DataFileError(path, where, "the first node must be 'trigger'")
    for node in pattern:
        if node is not pattern[0] and node.get("REL_OP") not in ("<", ">"):
            raise DataFileError(path, where, "REL_OP must be '<' or '>'")
        unknown = set(node.get("RIGHT_ATTRS", {})) - set(ATTRS)
        if unknown:
            raise DataFileError(path, where,
                                f"unknown token attribute(s) {', '.join(sorted(unknown))}")
    return pattern


def _trigger_patterns(path: Path, entries) -> tuple:
    out = []
    for n, entry in enumerate(entries or []):
        where = f"triggers[{n}]"
        if not isinstance(entry, dict) or not entry.get("id") or not entry.get("event_type"):
            raise DataFileError(path, where, "needs an id, an event_type and a pattern")
        out.append((str(entry["id"]), str(entry["event_type"]),
                    _checked_pattern(path, where, entry.get("pattern"))))
    return tuple(out)


def _trigger_retypes(path: Path, entries) -> tuple:
    """(id, sorted event types) of the trigger patterns with a `retypes` list."""
    out = []
    for n, entry in enumerate(entries or []):
        retypes = entry.get("retypes") if isinstance(entry, dict) else None
        if retypes is None:
            continue
        if not isinstance(retypes, list) or not all(isinstance(t, str) for t in retypes):
            raise DataFileError(path, f"triggers[{n}]", "retypes must be a list of event types")
        out.append((str(entry["id"]), tuple(sorted(set(retypes)))))  # a stable fingerprint
    return tuple(out)


def _series_patterns(path: Path, entries) -> tuple:
    """roles.series: {id, pattern} whose first node is the trigger."""
    out = []
    for n, entry in enumerate(entries or []):
        where = f"roles.series[{n}]"
        if not isinstance(entry, dict) or not entry.get("id"):
            raise DataFileError(path, where, "needs an id and a pattern")
        out.append((str(entry["id"]), _checked_pattern(path, where, entry.get("pattern"))))
    return tuple(out)


def _ascription_patterns(path: Path, entries) -> tuple:
    """roles.ascribed: patterns whose first node is `cue` and one of whose nodes is `agent`
    (optionally `act`: the one act ascribed), with the factuality they give the act (alleged
    unless the entry says asserted)."""
    out = []
    for n, entry in enumerate(entries or []):
        where = f"roles.ascribed[{n}]"
        pattern = entry.get("pattern") if isinstance(entry, dict) else None
        ids = [node.get("RIGHT_ID") for node in pattern or [] if isinstance(node, dict)]
        if not entry.get("id") or not ids or ids[0] != "cue" or "agent" not in ids:
            raise DataFileError(path, where, "needs an id and a pattern with nodes 'cue' "
                                "(first) and 'agent'")
        trigger_form = [{**pattern[0], "RIGHT_ID": "trigger"}] + [
            {**node, "LEFT_ID": "trigger"} if node.get("LEFT_ID") == "cue" else node
            for node in pattern[1:]]
        _checked_pattern(path, where, trigger_form)  # the operators and attributes it uses
        act_at = ids.index("act") if "act" in ids else None
        factuality = entry.get("factuality", "alleged")
        if factuality not in ASCRIPTION_FACTUALITIES:
            raise DataFileError(path, where, "factuality must be alleged or asserted")
        out.append((str(entry["id"]), ids.index("agent"), act_at,
                    depmatch.compile_pattern(pattern), factuality))
    return tuple(out)


def load_syntax(data_dir: Path | str) -> Syntax:
    path = Path(data_dir) / "syntax.yaml"
    raw = knowledge.load_yaml(path) or {}
    facts = []
    for n, entry in enumerate(raw.get("factuality") or []):
        if entry.get("value") not in FACTUALITY_VALUES:  # asserted: an exception to later ones
            raise DataFileError(path, f"factuality[{n}]",
                                f"value must be one of {', '.join(FACTUALITY_VALUES)}")
        pattern = _checked_pattern(path, f"factuality[{n}]", entry.get("pattern"))
        facts.append((str(entry["id"]), entry["value"], pattern))
    roles_raw = raw.get("roles") or {}
    roles = {form: {role: _paths(path, f"roles.{form}.{role}", roles_raw[form][role])
                    for role in ("agent", "target")} for form in ("verb", "noun")}
    roles["participants"] = _paths(path, "roles.participants", roles_raw.get("participants"))
    undergoer = roles_raw.get("undergoer") or {}
    roles["undergoer_lemmas"] = frozenset(undergoer.get("lemmas") or ())
    roles["undergoer"] = {role: _paths(path, f"roles.undergoer.{role}", undergoer.get(role) or [])
                          for role in ("agent", "target")}
    answered = roles_raw.get("answered") or {}
    roles["answered"] = {key: frozenset(answered.get(key) or ())
                         for key in ("event_types", "prepositions", "pronouns")}
    speech = raw.get("speech") or {}
    return Syntax(str(raw.get("pipeline") or ""), tuple(facts), roles,
                  frozenset(speech.get("verbs", ())), frozenset(speech.get("source_nouns", ())),
                  frozenset(speech.get("according_to", ())),
                  frozenset(speech.get("organization_nouns", ())),
                  frozenset(speech.get("posts", ())),
                  frozenset(speech.get("outlet_nouns", ())),
                  frozenset(speech.get("document_nouns", ())),
                  frozenset(speech.get("leader_posts", ())),
                  _trigger_patterns(path, raw.get("triggers")),
                  frozenset(speech.get("report_nouns", ())),
                  _ascription_patterns(path, roles_raw.get("ascribed")),
                  _series_patterns(path, roles_raw.get("series")),
                  frozenset(speech.get("own_side_pronouns", ())),
                  frozenset(speech.get("reaction_nouns", ())),
                  *_news_perfect(speech.get("news_perfect") or {}),
                  _trigger_retypes(path, raw.get("triggers")),
                  frozenset(speech.get("issuing_verbs", ())),
                  frozenset(speech.get("answering_verbs", ())),
                  frozenset((speech.get("stance") or {}).get("verbs", ())),
                  frozenset((speech.get("stance") or {}).get("objects", ())),
                  frozenset((speech.get("things") or {}).get("verbs", ())),
                  frozenset((speech.get("things") or {}).get("spoken_objects", ())))


class Reader:
    """Applies a Syntax to parsed sentences. The factuality patterns are written as spaCy
    DependencyMatcher patterns (operators '<' and '>', token attributes with IN / NOT_IN);
    they are matched from each trigger token only, which is much cheaper than running a
    DependencyMatcher over every token of every sentence."""

    def __init__(self, syntax: Syntax):
        self.syntax = syntax
        self.factuality = tuple((rule_id, value, depmatch.compile_pattern(pattern))
                                for rule_id, value, pattern in syntax.factuality)
        self.triggers = tuple((rule_id, type_id, depmatch.compile_pattern(pattern))
                              for rule_id, type_id, pattern in syntax.triggers)
        self.factuality_starts = depmatch.FirstNodes(p for _, _, p in self.factuality)
        self.trigger_starts = depmatch.FirstNodes(p for _, _, p in self.triggers)

    def factualities(self, doc) -> dict[int, list[tuple]]:
        """token index -> [(order, factuality, rule id, cue token indices)], computed lazily
        for the tokens asked (see factuality_of)."""
        return _LazyFacts(self, doc)

    def dependency_triggers(self, doc) -> list[tuple]:
        """(token, pattern id, event type) for each token of the parsed sentence that a
        trigger pattern (data/syntax.yaml `triggers`) matches on, first pattern first (the
        bindings of _match, on depmatch's lists)."""
        table, found = depmatch.table_of(doc), []
        for i in range(len(table.tokens)):
            for n in self.trigger_starts.fitting(table, i):
                rule_id, event_type, pattern = self.triggers[n]
                if depmatch.grow(pattern, table, i):
                    found.append((table.tokens[i], rule_id, event_type))
                    break
        return found


class _LazyFacts(dict):
    """The patterns matched on lists of the sentence's token attributes (depmatch: the same
    bindings as _match, without asking spaCy for a string at each comparison), from the
    patterns whose first node fits the token only."""

    def __init__(self, reader: Reader, doc):
        super().__init__()
        self.reader, self.doc, self.table = reader, doc, None

    def get(self, i, default=()):
        if i not in self:
            if self.table is None:
                self.table = depmatch.table_of(self.doc)
            patterns = self.reader.factuality
            self[i] = [(n, patterns[n][1], patterns[n][0], bound[1:])
                       for n in self.reader.factuality_starts.fitting(self.table, i)
                       for bound in depmatch.grow(patterns[n][2], self.table, i)]
        return self[i] or default


ATTRS = {"LOWER": lambda t: t.lower_, "LEMMA": lambda t: t.lemma_, "DEP": lambda t: t.dep_,
         "POS": lambda t: t.pos_, "TAG": lambda t: t.tag_, "ORTH": lambda t: t.text}


def _fits(token, attrs: dict) -> bool:
    for name, want in attrs.items():
        value = ATTRS[name](token)
        if isinstance(want, dict):
            if "IN" in want and value not in want["IN"]:
                return False
            if "NOT_IN" in want and value in want["NOT_IN"]:
                return False
        elif value != want:
            return False
    return True


def _match(pattern: list, trigger) -> list[list]:
    """Bindings of the pattern's nodes (in pattern order) with node 0 on the trigger."""
    if not _fits(trigger, pattern[0].get("RIGHT_ATTRS", {})):
        return []
    partial = [{pattern[0]["RIGHT_ID"]: trigger}]
    for node in pattern[1:]:
        grown = []
        for bound in partial:
            left = bound[node["LEFT_ID"]]
            if node["REL_OP"] == ">":
                candidates = list(left.children)
            elif node["REL_OP"] == "<":
                candidates = [left.head] if left.head is not left else []
            else:
                raise ValueError(f"operator {node['REL_OP']!r} is not supported")
            for c in candidates:
                if c not in bound.values() and _fits(c, node.get("RIGHT_ATTRS", {})):
                    grown.append({**bound, node["RIGHT_ID"]: c})
        partial = grown
        if not partial:
            return []
    return [list(b.values()) for b in partial]


def series_rule(syntax: Syntax, trigger) -> str:
    """The id of the first roles.series pattern that matches on the trigger token, or ''."""
    return next((rule_id for rule_id, pattern in syntax.series if _match(pattern, trigger)), "")


def factuality_of(facts: dict, trigger, start: int, end: int) -> tuple[str, str]:
    """(factuality, rule id) of the trigger token; a cue inside the trigger's own words does
    not count ('refused to share' is an asserted withholding)."""
    doc = trigger.doc
    for _, value, rule_id, cues in facts.get(trigger.i, ()):
        if any(not start <= doc[i].idx < end for i in cues):
            return value, rule_id
    head = _sharing_head(trigger)
    if head is not None:
        value, rule_id = factuality_of(facts, head, head.idx, head.idx + len(head.text))
        if value != "asserted":
            return value, f"{rule_id}{CONJUNCT_SUFFIX}"
    return "asserted", ""


# marks a factuality rule id that a conjoined verb took from the verb it is conjoined to
CONJUNCT_SUFFIX = "+conjunct"
# what makes a conjoined verb a clause of its own, with its own reading
OWN_CLAUSE_DEPS = frozenset({"aux", "auxpass", "neg", "nsubj", "nsubjpass", "mark"})


def _sharing_head(trigger):
    """The verb a conjoined verb shares its modal, tense and subject with ('A-land must
    withdraw its troops, pay for the damage': 'pay' is what must be done, as 'withdraw' is;
    'could strike Chadian posts and kill soldiers'), or None: also when the conjunct has an
    auxiliary, negation or subject of its own ('could retaliate and has warned X')."""
    if trigger.dep_ != "conj" or trigger.pos_ != "VERB" or trigger.head.pos_ != "VERB":
        return None
    if any(c.dep_ in OWN_CLAUSE_DEPS for c in trigger.children):
        return None
    return trigger.head
