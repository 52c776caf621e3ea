"""Cleaning text that crosses a trust boundary: article text, table cells, log lines.

- Control characters (C0 and C1, but tab, newline and carriage return) and bidirectional
  controls (which make a line display differently from what it says, e.g. U+202E) become
  one space each, so character offsets into a text stay valid.
- Log messages escape them instead (`\\x1b`), so a terminal shows what was there without
  obeying it.
- CSV cells that a spreadsheet would run as a formula (starting with '=', '+', '-', '@', tab
  or carriage return) get a leading apostrophe, the OWASP-recommended neutraliser; a cell
  that already starts with an apostrophe before one of those gets one more, so
  `decode_csv_cell` gives back exactly the original. Numbers such as '-3.5' are left as they
  are.
"""

from __future__ import annotations

import re

# C0 controls but tab and line ends, DEL and C1 controls, and the bidirectional controls.
CONTROL_CHARS = ("\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
                 "\u2066-\u2069")
CONTROL_RE = re.compile(f"[{CONTROL_CHARS}]")
FORMULA_START = frozenset("=+-@\t\r")
QUOTE = "'"
NUMBER_RE = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def clean_text(text: str) -> str:
    """Each control or bidirectional character becomes a space (offsets stay valid)."""
    return CONTROL_RE.sub(" ", text) if CONTROL_RE.search(text) else text


def escape_controls(text: str) -> str:
    """For logs and terminal messages: control characters shown as escapes, not obeyed."""
    return CONTROL_RE.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)


def _needs_quote(cell: str) -> bool:
    if not cell:
        return False
    if cell[0] == QUOTE:
        return len(cell) > 1 and (cell[1] in FORMULA_START or cell[1] == QUOTE)
    return cell[0] in FORMULA_START and not NUMBER_RE.fullmatch(cell)


def encode_csv_cell(cell: str) -> str:
    """A text cell made safe for a spreadsheet (see the module docstring)."""
    cell = clean_text(cell)
    return QUOTE + cell if _needs_quote(cell) else cell


def decode_csv_cell(cell: str) -> str:
    """Inverse of encode_csv_cell's apostrophe (the cleaned characters stay spaces)."""
    if len(cell) > 1 and cell[0] == QUOTE and (cell[1] in FORMULA_START or cell[1] == QUOTE):
        return cell[1:]
    return cell


def encode_csv_column(values: list) -> list:
    """encode_csv_cell over a column's text cells; others (numbers, None) unchanged. One
    scan of the whole column first, so a clean column costs almost nothing."""
    texts = [v for v in values if isinstance(v, str) and v]
    if not texts:
        return values
    first = {t[0] for t in texts}
    if not (first & (FORMULA_START | {QUOTE})) and not CONTROL_RE.search("\n".join(texts)):
        return values
    return [encode_csv_cell(v) if isinstance(v, str) else v for v in values]


def decode_csv_column(values: list[str]) -> list[str]:
    if not any(v[:1] == QUOTE for v in values):
        return values
    return [decode_csv_cell(v) for v in values]
