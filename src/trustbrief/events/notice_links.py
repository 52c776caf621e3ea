"""Accounts of notice told in a sentence of their own, linked to the operation they are about.

News writing often tells the operation first and the notice in a later sentence that names it
only as 'the strike' or 'the operation' ('A-land struck the headquarters on Friday. ... He
added that US officials were not given pre-notification about the strike.'). Such a sentence
holds no mention of an operation event (an actor-less 'the strike' makes none), so the notice
it gives would be lost. Rule `notice-after-operation`: a sentence with an account of notice
and no operation event of its own gives that account to the operation(s) of the same
document told last before it; to the first told after it when none comes before (a headline's
account of a body's operation). A sentence whose every act is unreal (planned, hypothetical,
generic: 'X appears to believe that last-minute briefings will help avoid B-land
objections') tells a belief or a habit, no account of an operation's notice: it links nothing.
"""

from __future__ import annotations

from collections import defaultdict

from trustbrief.contract.ids import sentence_number
from trustbrief.events.context import Context
from trustbrief.events.labels import choose_type
from trustbrief.events.records import Rec

LINK_RULE = "notice-after-operation"


def _sentence_number(sent_id: str) -> int:
    """Its number in the document; -1 (before every sentence) for an id of another shape."""
    number = sentence_number(sent_id)
    return -1 if number is None else number


def linked_notice_sentences(clusters: list[list[Rec]], ctx: Context, has_notice,
                            types: list[str] | None = None) -> dict[int, list[tuple[str, str]]]:
    """cluster index -> [(doc_id, sent_id)] of the accounts of notice that name no operation.

    has_notice(signal) -> the level a trust signal states ('' if none); types: each
    cluster's event type (labels.choose_type), when known."""
    told: dict[str, list[tuple[int, int]]] = defaultdict(list)  # doc -> [(sentence, cluster)]
    covered = set()
    for i, cluster in enumerate(clusters):
        if not ctx.types.get(types[i] if types else choose_type(cluster), {}).get("operation"):
            continue
        own = {(r.doc_id, r.sent_id) for r in cluster}  # (the order of told's items is moot)
        covered |= own
        for doc_id, sent_id in own:
            told[doc_id].append((_sentence_number(sent_id), i))
    links: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for (doc_id, sent_id), signals in sorted(ctx.signals_by_sent.items()):
        if doc_id not in told or (doc_id, sent_id) in covered \
                or (doc_id, sent_id) in ctx.unreal_sents or not any(map(has_notice, signals)):
            continue
        here = _sentence_number(sent_id)
        before = [n for n, _ in told[doc_id] if n <= here]
        nearest = max(before) if before else min(n for n, _ in told[doc_id])
        for i in sorted({i for n, i in told[doc_id] if n == nearest}):
            links[i].append((doc_id, sent_id))
    return dict(links)


def unreal_sentences(found) -> frozenset:
    """(doc_id, sent_id) of the sentences with mentions, none of them asserted."""
    mentions = found.get("mentions")
    if mentions is None or mentions.empty or "polarity" not in mentions:
        return frozenset()
    # plain lists: a groupby over two text columns of every mention costs several times more
    sentences = set(zip(mentions["doc_id"].tolist(), mentions["sent_id"].tolist(),
                        strict=True))
    asserted = {key for key, polarity in zip(zip(mentions["doc_id"].tolist(),
                                                 mentions["sent_id"].tolist(), strict=True),
                                             mentions["polarity"].tolist(), strict=True)
                if type(polarity) is str and polarity == "asserted"}
    return frozenset(sentences - asserted)
