"""The trust finding: attributed statements of (dis)trust, by independent origin and sourcing.

Counts statements, not cue words: how many eroding statements of the focus direction were
made in the period, from how many independent origins, and how many on the record.
"""

from __future__ import annotations

from trustbrief.brief.findings.base import (
    Finding,
    cite_documents,
    join_words,
    parse_focus,
    period_words,
    plural,
    table_of,
)
from trustbrief.brief.views import statements as st
from trustbrief.brief.views.cells import side_adjective, side_noun, text_column


def period_statements(tables, start, end, focus: str):
    """The focus pair's trust statements made in the period (views.statements rows)."""
    frame = st.trust_statements(table_of(tables, "trust_signals"), table_of(tables, "claims"),
                                table_of(tables, "documents"), focus)
    return st.in_period(frame, start, end)


def other_cues(tables, observer: str, subject: str) -> str:
    """Why the brief cannot say more about trust: what the articles hold about the two
    instead (mutual strain, the other direction), or that they hold nothing."""
    signals = table_of(tables, "trust_signals")
    directions = [] if signals is None or signals.empty else [
        "<->" if "<->" in d else ("reverse" if d.replace(" ", "") == f"{subject}->{observer}"
                                  else "")
        for d in text_column(signals, "direction")]
    mutual, reverse = directions.count("<->"), directions.count("reverse")
    if not mutual and not reverse:
        return ("The articles hold no trust cue about the two governments at all, so trust "
                "can be read here only from the events and contacts above.")
    words = sorted({c.lower() for c, d in zip(text_column(signals, "cue"), directions,
                                              strict=True) if d == "<->"})[:3]
    quoted_words = ", ".join(f"'{w}'" for w in words)
    parts = ([f"{plural(mutual, 'cue')} of mutual strain ({quoted_words}), which do not say "
              "who distrusts whom"] if mutual else []) + \
        ([f"{plural(reverse, 'cue')} of {side_adjective(subject)} distrust of "
          f"{side_noun(observer)}"] if reverse else [])
    return f"What the articles hold about the two instead: {join_words(parts)}."


def statements_finding(tables, start, end, focus: str) -> Finding:
    observer, subject = parse_focus(focus)
    frame = period_statements(tables, start, end, focus)
    eroding = frame[frame["polarity"] < 0]
    if eroding.empty:
        return Finding(f"No attributed statement of {side_adjective(observer)} distrust of "
                       f"{side_noun(subject)} is dated "
                       f"{period_words(start, end)}. {other_cues(tables, observer, subject)}",
                       [], "trust", False)
    origins = sorted(set(eroding["origin"]))
    kinds = eroding["speaker_type"].value_counts()
    sourcing = [f"{kinds.get('named_official', 0)} by named officials on the record",
                f"{kinds.get('anonymous_official', 0)} by anonymous officials"]
    rest = len(eroding) - kinds.get("named_official", 0) - kinds.get("anonymous_official", 0)
    if rest:
        sourcing.append(f"{rest} otherwise attributed")
    text = (f"{plural(len(eroding), 'statement')} of {side_adjective(observer)} distrust of "
            f"{side_noun(subject)} "
            f"{period_words(start, end)} {'rests' if len(eroding) == 1 else 'rest'} on "
            f"{plural(len(origins), 'independent origin')}: {join_words(sourcing)}.")
    return Finding(text, cite_documents(list(dict.fromkeys(eroding["doc_id"])),
                                        table_of(tables, "documents")), "trust",
                   origins=tuple(origins))
