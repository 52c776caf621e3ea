"""Event labels that name their parties.

A label read from an article's own words can open on a bare noun that stands for a state
('the country informed Russia of its preparation of a dossier', said by one side's
president): out of its sentence, 'Country informed Russia ...' names no party. In a brief
about a pair, such a subject is the side the label does not already name (the other party of
a bilateral act), else the event's agent side; when neither is known, the label falls back to
the event's type and the parties the events table gives.
"""

from __future__ import annotations

import re

import pandas as pd

from trustbrief.brief.views.cells import as_list, text_column

# English nouns that stand for a state when used as a bare subject ('the country said'):
# grammar, not knowledge of any story (the parse drops the article: 'Country informed ...').
STATE_NOUNS = frozenset({"country", "nation", "state", "government", "side", "republic",
                         "kingdom", "administration"})
DETERMINERS = frozenset({"the", "this", "that", "its", "his", "her", "their"})
# Columns that hold an event's label, in any processed table the brief reads.
LABEL_COLUMNS = ("label", "last_contact_label", "next_planned_label")


def vague_subject(label: str) -> tuple[str, str] | None:
    """('country', rest) when the label opens on a bare state noun ('Country informed
    Russia ...', 'The country's envoy ...'), else None."""
    words = str(label).split()
    if words and words[0].lower() in DETERMINERS:
        words = words[1:]
    if len(words) < 2:
        return None
    head = words[0].lower()
    possessive = head.endswith(("'s", "’s"))
    noun = head[:-2] if possessive else head
    # 'State Department ...', 'Republic of ...': the noun opens a name, not a bare subject
    if noun not in STATE_NOUNS or (not possessive and (words[1][:1].isupper()
                                                       or words[1] == "of")):
        return None
    return noun, ("'s " if possessive else " ") + " ".join(words[1:])


def named_sides(text: str, sides) -> list[str]:
    """The sides of the pair the text names as words ('Russia', "Russia's"; not 'Russian')."""
    return [s for s in sides if s and re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text)]


def party_label(label: str, sides, agent_side: str = "", event_type: str = "",
                agent: str = "", targets=()) -> str:
    """The label with its bare state subject replaced by the side it stands for; labels
    that open on a name are returned unchanged."""
    vague = vague_subject(label)
    if vague is None:
        return label
    _, rest = vague
    pair = [s for s in sides if s]
    named = named_sides(rest, pair)
    others = [s for s in pair if s not in named]
    if len(pair) == 2 and len(named) == 1:
        return others[0] + rest  # a bilateral act: the subject is the other party
    if agent_side in pair and agent_side not in named:
        return agent_side + rest
    parties = [p for p in [agent, *as_list(targets)] if p]
    kind = (event_type or "event").replace("_", " ")
    return f"{kind[0].upper()}{kind[1:]} involving {' and '.join(parties)}" if parties else \
        f"{kind[0].upper()}{kind[1:]} ({label[0].lower()}{label[1:]})"


def event_party_labels(events: pd.DataFrame, sides) -> dict[str, str]:
    """event_id -> its label naming the party, for the events whose label needed it."""
    if events is None or events.empty or "label" not in events:
        return {}
    out = {}
    for row in events.to_dict("records"):
        label = str(row.get("label") or "")
        fixed = party_label(label, sides, str(row.get("agent_side") or ""),
                            str(row.get("event_type") or ""), str(row.get("agent") or ""),
                            row.get("targets") or ())
        if fixed != label:
            out[str(row["event_id"])] = fixed
    return out


def with_party_labels(frames: dict[str, pd.DataFrame], sides) -> dict[str, pd.DataFrame]:
    """The processed tables (name -> frame) with every label of a vague-subject event
    replaced, in every table that carries it (events, contacts, cooperation, notice ledger,
    cadence ...), so the timeline, the ledger, the findings and the annex name the same party."""
    events = frames.get("events", pd.DataFrame())
    by_event = event_party_labels(events, sides)
    if not by_event:
        return frames
    old = dict(zip(text_column(events, "event_id"), text_column(events, "label"), strict=True))
    by_text = {old[e]: new for e, new in by_event.items()}
    out = dict(frames)
    for name, frame in frames.items():
        columns = [c for c in LABEL_COLUMNS if c in frame] if len(frame) else []
        if not columns:
            continue
        frame = frame.copy()
        for column in columns:
            texts = text_column(frame, column)
            if "event_id" in frame:  # the row's own event decides (its label as written)
                frame[column] = [by_event[i] if i in by_event and t == old[i] else t
                                 for t, i in zip(texts, text_column(frame, "event_id"),
                                                 strict=True)]
            else:
                frame[column] = [by_text.get(t, t) for t in texts]
        out[name] = frame
    return out
