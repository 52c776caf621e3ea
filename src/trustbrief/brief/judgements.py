"""Key judgements with confidence, in the estimative language of ICD 203.

A judgement restates a finding as an assessment. Its confidence comes from the evidence
behind it, never from the wording: how many independent origins stand behind the cited
articles (the events stage's one origin rule), and whether any of them quotes an official
on the record rather than anonymous officials only.

- high:     at least three independent origins, and at least one on-record source;
- moderate: two independent origins, or three or more resting on anonymous sourcing only;
- low:      a single origin.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from trustbrief.brief.findings.base import Finding, parse_focus, table_of
from trustbrief.brief.views.cells import as_list, side_adjective, side_noun, text_column
from trustbrief.contract import SpeakerType
from trustbrief.origins import Origins

CONFIDENCE_LEVELS = ("high", "moderate", "low")
# ICD 203 expressions of likelihood, matched to the confidence the evidence supports: an
# adverb before the verb, or (low confidence) a hedge before the whole clause.
ADVERB = {"high": "very likely ", "moderate": "likely ", "low": ""}
HEDGE = {"high": "", "moderate": "", "low": "There is a roughly even chance that "}
# What each kind of finding supports, as a clause with {adv} before its verb.
CLAUSES = {
    "relations": "relations between {the_observer} and {the_subject} were {adv}more "
                 "conflictual than "
                 "cooperative in this period{counted}",
    "notice": "{the_subject} {adv}acted without giving {observer_adj} officials meaningful advance "
              "notice",
    "trust": "{observer_adj} officials {adv}distrust what {the_subject} tells them about its plans",
    "cadence": "direct contact between officials of {the_observer} and {the_subject} "
               "{adv}lapsed for "
               "{span} on at least one channel",
    "reciprocal": "{the_observer} and {the_subject} {adv}both took conflictual steps against each "
                  "other, not one side alone",
    "one_sided": "the conflictual steps between the two {adv}came from {the_actor}, not from "
                 "{the_other}",
    "established": "{event} ({day}) {adv}took place as reported",
    # the sides tell the act as different acts (an arrest, an abduction): it took place, but
    # no account of what it was is settled
    "contested": "{event} ({day}) {adv}took place, though the articles disagree on what it was",
}
ON_RECORD = (SpeakerType.NAMED_OFFICIAL,)
ANONYMOUS = (SpeakerType.ANONYMOUS_OFFICIAL,)


@dataclass(frozen=True)
class Evidence:
    n_documents: int
    origins: tuple[str, ...]
    n_on_record: int
    n_anonymous: int
    origins_of: str = ""  # what the origins stand behind, when not every article (Finding)

    @property
    def confidence(self) -> str:
        n = len(self.origins)
        if n >= 3 and self.n_on_record:
            return "high"
        if n >= 2:
            return "moderate"
        return "low"

    def basis(self) -> str:
        """'3 articles, 2 independent origins, 1 on-record and 2 anonymous sources'."""
        origins = _plural(len(self.origins), "independent origin")
        parts = [_plural(self.n_documents, "article"),
                 f"{origins} behind {self.origins_of}" if self.origins_of else origins]
        sourcing = []
        if self.n_on_record:
            sourcing.append(f"{self.n_on_record} on the record")
        if self.n_anonymous:
            sourcing.append(f"{self.n_anonymous} anonymous")
        if sourcing:
            parts.append("officials quoted: " + " and ".join(sourcing))
        return ", ".join(parts)


@dataclass(frozen=True)
class Judgement:
    statement: str  # the assessment, with its estimative word
    confidence: str  # high | moderate | low
    evidence: Evidence
    finding: Finding  # the measured sentence the judgement rests on
    doc_ids: list[str] = field(default_factory=list)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def weigh(tables, doc_ids, origins: tuple[str, ...] = (), origins_of: str = "") -> Evidence:
    """Independent origins and on-record sourcing behind a set of articles. Origins a
    finding counted sentence by sentence (or for a part of its articles, `origins_of`) are
    kept; otherwise each article's origin."""
    docs = list(dict.fromkeys(as_list(doc_ids) if isinstance(doc_ids, str) else doc_ids))
    claims = table_of(tables, "claims")
    if not origins:
        rule = Origins.from_tables(table_of(tables, "documents"), claims)
        origins = tuple(sorted({rule.of_document(d) for d in docs}))
    mine = claims[text_column(claims, "doc_id").isin(docs)] if len(claims) else claims
    kinds = text_column(mine, "speaker_type")
    return Evidence(len(docs), origins, int(kinds.isin(ON_RECORD).sum()),
                    int(kinds.isin(ANONYMOUS).sum()), origins_of)


def _statement(finding: Finding, focus: str, confidence: str) -> str:
    """The assessment a finding supports, with its estimative words."""
    observer, subject = parse_focus(focus)
    clause = CLAUSES.get(finding.kind)
    if clause is None:
        return finding.text
    terms = {**finding.terms, **{f"the_{k}": side_noun(v) for k, v in finding.terms.items()}}
    text = HEDGE[confidence] + clause.format(subject=subject, observer=observer,
                                             the_subject=side_noun(subject),
                                             the_observer=side_noun(observer),
                                             observer_adj=side_adjective(observer),
                                             adv=ADVERB[confidence], **terms)
    return text[0].upper() + text[1:] + "."


def _lower(first: str, second: str) -> str:
    """The lower of two confidence levels."""
    return max(first, second, key=CONFIDENCE_LEVELS.index)


def not_judged(findings: list[Finding], judgements: list[Judgement]) -> list[Finding]:
    """The findings of a kind that could carry a judgement but did not: the data lacks
    what the judgement needs (no dated operation, no statement) or shows the opposite.
    The front page says so, so a thin brief is honest about why it is thin."""
    judged = {j.finding.kind for j in judgements}
    # a supported finding left out only by the cap of five judgements is no want of evidence
    return [f for f in findings if f.kind in CLAUSES and f.kind not in judged
            and (not f.available or not f.supports)]


def judge(tables, findings: list[Finding], focus: str) -> list[Judgement]:
    """One judgement per available finding that supports one, with its confidence."""
    out = []
    for finding in findings:
        if not finding.available or finding.kind not in CLAUSES or not finding.supports:
            continue
        doc_ids = [c.doc_id for c in finding.citations]
        evidence = weigh(tables, doc_ids, finding.origins, finding.origins_of)
        confidence = _lower(evidence.confidence, finding.ceiling)
        statement = _statement(finding, focus, confidence)
        out.append(Judgement(statement, confidence, evidence, finding, doc_ids))
    return out[:5]
