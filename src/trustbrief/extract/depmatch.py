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
