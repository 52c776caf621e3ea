"""A reporter of a news outlet speaking is the outlet reporting, not an official of a side.

'According to Outlet's Jane Doe, officials said ...', 'Outlet reporter Jane Doe wrote',
'Jane Doe of Outlet said': the person is a source of reporting. Read from the parse: the
outlet owns the name (possessive), is a compound of the title before it, or is the object
of its 'of/from/at'; a person the knowledge files put on the media side is one too. The
outlet (or, when no outlet is printed, the reporter) speaks as an outlet, which yields to the
officials it relays (speakers.TYPE_RANK).

A name no list holds that 'reports, citing' someone ('Newsname reports citing the Foreign
Ministry') is an outlet too: people and governments say, outlets report what they cite, and
the one cited speaks."""

from __future__ import annotations

from trustbrief.extract.speaker_titles import entity_text

OWNER_DEPS = frozenset({"poss", "compound", "nmod"})
OUTLET_PREPOSITIONS = frozenset({"of", "from", "at", "for", "with"})


def _outlet_hit(token, hits):
    return next((h for h in hits if h.start <= token.idx < h.end and h.side == "media"
                 and "person" not in h.types), None)


def reporters_outlet(head, hits) -> str:
    """The news outlet whose reporter the person heading the phrase is, '' if none is."""
    for child in head.children:
        if child.dep_ in OWNER_DEPS:
            tokens = list(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in OUTLET_PREPOSITIONS:
            tokens = [g for g in child.children if g.dep_ == "pobj"]
            tokens = [t for g in tokens for t in g.subtree]
        else:
            continue
        found = next((h for t in tokens if (h := _outlet_hit(t, hits)) is not None), None)
        if found is not None:
            return found.actor
    return ""


def _outlet(name: str, how: str) -> dict:
    return {"speaker": name, "speaker_type": "outlet", "speaker_count": None,
            "speaker_side": "media", "how": how}


def _reports_citing(head) -> bool:
    """Is the word the subject of 'report' that cites ('X reports, citing Y')?"""
    verb = head.head
    return head.dep_ == "nsubj" and verb.lemma_ == "report" and any(
        c.lemma_ == "cite" and c.dep_ in ("xcomp", "advcl", "conj") for c in verb.children)


def as_reporter(head, hits, own) -> dict | None:
    """Claim fields of an outlet speaking (`own`, the hit covering the phrase's head, is an
    outlet) or of a reporter (a person of an outlet, or of the media side), else None."""
    if own is not None and "person" not in own.types:
        return _outlet(own.actor, "outlet") if own.side == "media" else None
    if own is None and head.pos_ != "PROPN":
        return None
    if own is None and _reports_citing(head):
        return _outlet(entity_text(head), "reporting-outlet")
    outlet = reporters_outlet(head, hits)
    if not outlet and (own is None or own.side != "media"):
        return None
    return _outlet(outlet or own.actor, "reporter")
