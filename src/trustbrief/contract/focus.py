"""Directions of trust ('A->B', 'A<->B') and the focus pair of a brief, parsed once.

A direction cell says who feels and about whom: 'A->B' reads "A distrusts (or is surprised
by) B", 'A<->B' is mutual, and '?' stands for a side extraction could not tell ('?->B').
A focus is the pair a brief is about, written 'OBSERVER->SUBJECT' in the story and brief
files ('how far the observer trusts the subject'); it is data, never a default in code.
"""

from __future__ import annotations

from dataclasses import dataclass

UNKNOWN_SIDE = "?"
ONE_WAY = "->"
MUTUAL = "<->"


@dataclass(frozen=True)
class Direction:
    """Who trusts (source) whom (target); mutual when both ways. '' or '?' = unknown side."""

    source: str
    target: str
    mutual: bool = False

    @classmethod
    def parse(cls, text) -> Direction:
        """'US->Israel' -> Direction('US', 'Israel'); 'Israel<->US' -> mutual; spaces are
        ignored; anything else (including '' and None) has unknown sides."""
        text = "" if text is None or text != text else str(text).replace(" ", "")
        if MUTUAL in text:
            left, _, right = text.partition(MUTUAL)
            return cls(left, right, True)
        left, _, right = text.partition(ONE_WAY)
        return cls(left, right, False)

    def format(self) -> str:
        return f"{self.source}{MUTUAL if self.mutual else ONE_WAY}{self.target}"

    def __str__(self) -> str:
        return self.format()

    def sides(self) -> tuple[str, str, bool]:
        """(source, target, mutual), the shape the stages unpack."""
        return self.source, self.target, self.mutual

    def involves(self, side: str) -> bool:
        return side in (self.source, self.target)


def known(side: str) -> bool:
    """A side extraction could tell ('' and '?' are unknown)."""
    return side not in ("", UNKNOWN_SIDE)


@dataclass(frozen=True)
class Focus:
    """The pair a brief is about: how far `observer` trusts `subject`."""

    observer: str
    subject: str

    def __post_init__(self):
        for role, side in (("observer", self.observer), ("subject", self.subject)):
            if not side or side == UNKNOWN_SIDE or ONE_WAY in side or ">" in side:
                raise ValueError(f"focus {role} {side!r} is not a side name")
        if self.observer == self.subject:
            raise ValueError(f"focus names one side twice: {self.observer!r}")

    @classmethod
    def parse(cls, value) -> Focus:
        """'US->Israel', ('US', 'Israel') or a Focus -> Focus; ValueError otherwise."""
        if isinstance(value, Focus):
            return value
        if isinstance(value, (tuple, list)) and len(value) == 2:
            return cls(str(value[0]).strip(), str(value[1]).strip())
        text = str(value)
        if ONE_WAY not in text or MUTUAL in text:
            raise ValueError(f"focus {text!r} must be written 'OBSERVER->SUBJECT'")
        observer, _, subject = text.partition(ONE_WAY)
        return cls(observer.strip(), subject.strip())

    def format(self) -> str:
        return f"{self.observer}{ONE_WAY}{self.subject}"

    def __str__(self) -> str:
        return self.format()

    def __iter__(self):
        """`a, b = focus` unpacks (observer, subject), as the stages' pairs did."""
        return iter((self.observer, self.subject))

    def other(self, side: str) -> str:
        """The other side of the pair ('' when `side` is not in it)."""
        if side == self.observer:
            return self.subject
        return self.observer if side == self.subject else ""

    def direction(self) -> Direction:
        return Direction(self.observer, self.subject)
