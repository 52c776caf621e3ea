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
    """One parsed sentence as lists: an attribute's values per token (read from spaCy the
    first time a pattern asks for that attribute), heads, and children (in index order, as
    spaCy's Token.children gives them)."""

    __slots__ = ("attrs", "heads", "children")

    def __init__(self, doc):
        self.attrs = _Columns(doc)
        self.heads = [t.head.i for t in doc]
        self.children: list[list[int]] = [[] for _ in self.heads]
        for i, head in enumerate(self.heads):
            if head != i:
                self.children[head].append(i)


class _Columns(dict):
    def __init__(self, doc):
        super().__init__()
        self.doc = doc

    def __missing__(self, name: str) -> list[str]:
        get = _GETTERS[name]
        column = self[name] = [get(t) for t in self.doc]
        return column


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
    attrs = table.attrs
    for name, test, want in checks:
        value = attrs[name][i]
        if test == "==":
            if value != want:
                return False
        elif (value in want) != (test == "in"):
            return False
    return True


def match(compiled: tuple, table: TokenTable, i: int) -> list[tuple[int, ...]]:
    """Bindings (token indices, in pattern order) of the pattern with node 0 on token i."""
    first_id, first, rest = compiled
    if not _fits(table, i, first):
        return []
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
