"""What tree_speaker remembers from one sentence to the next of a document: the bodies and
outlets that spoke, so that a later 'the ministry', 'the statement' or 'the report' finds who
it is. The memory lives in the per-document `names` dict (surname -> full name otherwise),
under keys no surname looks like."""

from __future__ import annotations

from trustbrief.extract.papers import PAPER_ISSUERS

# Keys of tree_speaker's per-document `names` memory (surname -> full name) that hold the
# last body and the last outlet found speaking; no surname looks like them.
LAST_BODY, LAST_OUTLET = "<last body speaking>", "<last outlet speaking>"
BODIES = "<bodies speaking>"  # every named body that spoke, in order ('the ministry' finds one)
CITED_OUTLET = "<outlet cited last>"  # 'officials told Outlet' ... 'the report says'
LAST_GROUP = "<group speaking last>"  # 'senior officials said' ... 'they described'


def last_body_with(names: dict, noun: str) -> dict | None:
    for body in reversed(names.get(BODIES, [])):
        if noun in body["speaker"].lower().split():
            return dict(body)
    return None


def remember(names: dict, typed: dict) -> None:
    """A named body or outlet speaking is what a later 'the statement' / 'the publication'
    refers to; a group of sources or a body speaking last is what a later 'they' is. A bare 'the
    ministry' left unresolved names nobody to remember; one resolved
    to a named body ('+coref') is that body speaking again."""
    kind = typed["speaker_type"]
    rule = typed["speaker_rule"]
    fields = {k: v for k, v in typed.items() if k != "speaker_rule"}
    words = typed["speaker"].lower().split()
    if typed["speaker"]:  # 'they' is a group of sources or a body ('X's Office
        # said ... They also stressed'), only while no one else spoke since
        if kind == "anonymous_official" and typed.get("speaker_count") != 1 or (
                kind == "organization" and not rule.endswith("document-owner")):
            names[LAST_GROUP] = fields
        else:
            names.pop(LAST_GROUP, None)
    if not typed["speaker"] or (words[:1] == ["the"] and len(words) <= 2):
        return
    if kind == "organization" and not rule.endswith("document-owner"):
        names.setdefault(BODIES, []).append(fields)  # 'the Interior Ministry press service'
    if kind in ("organization", "outlet") and not rule.endswith(
            ("organization-noun", "outlet-noun+coref", "document-owner", "report-noun")):
        names[LAST_BODY if kind == "organization" else LAST_OUTLET] = fields
        if kind == "organization":  # a later 'the statement' is this body's, not an older paper's
            names.pop(PAPER_ISSUERS, None)


def last(names: dict, key: str, how: str) -> dict | None:
    """The body or outlet that spoke last in the document, as this sentence's speaker:
    'the statement' with no owner named, 'the publication' (rule `how`)."""
    found = names.get(key)
    return None if found is None else {**found, "how": how}


def cite(names: dict, outlet: str) -> None:
    """The outlet the sentence cites ('officials told Outlet'): what 'the report' is, later."""
    if outlet:
        names[CITED_OUTLET] = {"speaker": outlet, "speaker_type": "outlet",
                               "speaker_count": None, "speaker_side": "media"}


def unknown_paper(how: str) -> dict:
    """A paper whose owner the document never names ('"...," the statement said' and no
    statement introduced): the sentence names no speaker, not someone its quote names."""
    return {"speaker": "", "speaker_type": "unattributed", "speaker_count": None,
            "speaker_side": "", "how": how}
