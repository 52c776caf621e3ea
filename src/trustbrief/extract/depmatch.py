"""Matching the dependency patterns of data/syntax.yaml from one token, fast.

The patterns are spaCy DependencyMatcher patterns restricted to the operators '<' (the
node's head) and '>' (a child of the node), with token attributes compared for equality or
with IN / NOT_IN. syntax.py matches them from each trigger token only; this module does the
same matching on plain Python lists: a parsed sentence's token attributes are read from
spaCy once (TokenTable) and each pattern is compiled once (compile_pattern), instead of
asking spaCy for a token's attribute strings at every comparison (the factuality patterns
were about a third of extraction's own time). The bindings, and their order, are those of
syntax._match.
"""

from __future__ import annotations

ATTRIBUTES = ("LOWER", "LEMMA", "DEP", "POS", "TAG", "ORTH")
_GETTERS = {"LOWER": lambda t: t.lower_, "LEMMA": lambda t: t.lemma_, "DEP": lambda t: t.dep_,
            "POS": lambda t: t.pos_, "TAG": lambda t: t.tag_, "ORTH": lambda t: t.text}


class TokenTable:
    """One parsed sentence as lists: heads, children (in index order, as spaCy's
    Token.children gives them) and, per attribute, the tokens' values (each read from
    spaCy the first time a pattern asks for it: see value)."""

    __slots__ = ("tokens", "attrs", "heads", "children")

    def __init__(self, doc):
        self.tokens = list(doc)
        self.attrs: dict[str, list] = {}
        self.heads = [t.i + offset for t, offset in zip(
            self.tokens, doc.to_array("HEAD").astype("int64").tolist(), strict=True)]
        self.children: list[list[int]] = [[] for _ in self.heads]
        for i, head in enumerate(self.heads):
            if head != i:
                self.children[head].append(i)

    def value(self, name: str, i: int) -> str:
        column = self.attrs.get(name)
        if column is None:
            column = self.attrs[name] = [None] * len(self.tokens)
        found = column[i]
        if found is None:
            found = column[i] = _GETTERS[name](self.tokens[i])
        return found


def table_of(doc) -> TokenTable:
    """The TokenTable of a parsed sentence; the rules that match patterns on one sentence
    (triggers, factuality, ascriptions) share it: the last one is kept."""
    global _LAST
    if _LAST[0] is not doc:
        _LAST = (doc, TokenTable(doc))
    return _LAST[1]


_LAST: tuple = (None, None)


class FirstNodes:
    """Which of a list of compiled patterns a token can start (node 0 fits), memoized by
    the token's values of the attributes node 0 of any pattern checks: most tokens start
    none, and the same (DEP, POS, TAG, ...) values recur in every sentence."""

    __slots__ = ("patterns", "attributes", "memo")
    MEMO_MAX = 100_000

    def __init__(self, patterns):
        self.patterns = tuple(patterns)
        self.attributes = tuple(sorted({name for p in self.patterns for name, _, _ in p[1]}))
        self.memo: dict[tuple, tuple[int, ...]] = {}

    def fitting(self, table: TokenTable, i: int) -> tuple[int, ...]:
        """Positions (in list order) of the patterns whose node 0 fits token i."""
        key = tuple([table.value(name, i) for name in self.attributes])
        found = self.memo.get(key)
        if found is None:
            if len(self.memo) >= self.MEMO_MAX:
                self.memo.clear()
            found = self.memo[key] = tuple(n for n, p in enumerate(self.patterns)
                                           if _fits(table, i, p[1]))
        return found


def first_nodes(entries: tuple, at: int) -> FirstNodes:
    """The FirstNodes of the compiled patterns at position `at` of each entry of `entries`
    (e.g. (rule id, value, pattern) tuples), built once per tuple of entries."""
    found = _INDEXES.get((id(entries), at))
    if found is None or found[0] is not entries:
        found = _INDEXES[(id(entries), at)] = (entries, FirstNodes(e[at] for e in entries))
    return found[1]


_INDEXES: dict[tuple, tuple] = {}


def compile_pattern(pattern: list) -> tuple:
    """(node 0's id, node 0's checks, ((right id, left id, operator, checks), ...) of the
    other nodes); checks: ((attribute, test, value), ...) with test '==', 'in' or 'not in'."""
    rest = tuple((node["RIGHT_ID"], node["LEFT_ID"], node["REL_OP"],
                  _checks(node.get("RIGHT_ATTRS", {}))) for node in pattern[1:])
    for _, _, op, _ in rest:
        if op not in ("<", ">"):
            raise ValueError(f"operator {op!r} is not supported")
    return pattern[0]["RIGHT_ID"], _checks(pattern[0].get("RIGHT_ATTRS", {})), rest


def _checks(attrs: dict) -> tuple:
    out = []
    for name, want in attrs.items():
        if not isinstance(want, dict):
            out.append((name, "==", want))
            continue
        if "IN" in want:
            out.append((name, "in", frozenset(want["IN"])))
        if "NOT_IN" in want:
            out.append((name, "not in", frozenset(want["NOT_IN"])))
    return tuple(out)


def _fits(table: TokenTable, i: int, checks: tuple) -> bool:
    for name, test, want in checks:
        value = table.value(name, i)
        if test == "==":
            if value != want:
                return False
        elif (value in want) != (test == "in"):
            return False
    return True


def match(compiled: tuple, table: TokenTable, i: int) -> list[tuple[int, ...]]:
    """Bindings (token indices, in pattern order) of the pattern with node 0 on token i."""
    if not _fits(table, i, compiled[1]):
        return []
    return grow(compiled, table, i)


def grow(compiled: tuple, table: TokenTable, i: int) -> list[tuple[int, ...]]:
    """match() for a token i whose node 0 is known to fit (FirstNodes.fitting)."""
    first_id, _, rest = compiled
    partial = [{first_id: i}]
    for right_id, left_id, op, checks in rest:
        grown = []
        for bound in partial:
            left = bound[left_id]
            if op == ">":
                candidates = table.children[left]
            else:
                head = table.heads[left]
                candidates = (head,) if head != left else ()
            for c in candidates:
                if c not in bound.values() and _fits(table, c, checks):
                    grown.append({**bound, right_id: c})
        partial = grown
        if not partial:
            return []
    return [tuple(b.values()) for b in partial]
