"""Claims: is the speaker right? Scored against a sample labelled by hand.

`python -m trustbrief evaluate --claims-sample PATH` extracts the corpora (as for the table)
and scores the claims named in PATH, a CSV kept OUTSIDE the repository (it quotes article
sentences, which must never be committed). Its columns:

- `corpus`: the labelled corpus folder name (e.g. `us-israel-2024`);
- `claim_id`: the claim as extraction names it (`<doc_id>-s<NNN>-c<N>`; doc ids are content
  hashes, so they survive re-extraction);
- `gold_speaker`: who says it, as a careful reader names them; alternatives separated by `|`
  ('White House|United States' when an institution speaks for its state); the speaker of a
  pronoun or of a quote continued from another sentence is the person it refers to;
  `(none)` when the text names nobody (a pronoun with no antecedent in the article, or a
  sentence that is no claim): right only if extraction names no speaker either;
- optional: `sentence` (the sentence, for the labeller and to detect a claim id that now
  points elsewhere), `gold_type` (named_official | anonymous_official | outlet | organization
  | unattributed), any other column (notes) is ignored.

A predicted speaker is right when, folded (case, accents, punctuation, a leading 'the', 'a'
or 'an'), it equals one alternative, or both name a person and their last words agree
('Pat Roe' = 'Patrick Roe'), or the gold is an anonymous source and the predicted phrase
is a run of its words ('senior officials' of 'senior officials in the US administration').
A claim the extraction no longer produces, or whose sentence
changed (beyond a leading dateline of a few words that the corpus cleaning now cuts off),
counts as wrong (`verdict` says which), except where the gold is `(none)`: a
sentence that is no claim is right to give none. The score measures the speakers of claims
extraction finds (a precision), not the claims it misses.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from trustbrief.knowledge import DataFileError
from trustbrief.tables import cell_text, read_table

SAMPLE_COLUMNS = ("corpus", "claim_id", "gold_speaker")
NO_SPEAKER = "(none)"  # gold: the text names nobody
_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_NOT_WORD = re.compile(r"[^\w\s]")


@dataclass(frozen=True)
class ClaimsScore:
    right: int
    total: int
    type_right: int
    typed: int  # sample rows with a gold_type

    @property
    def share(self) -> float | None:
        return self.right / self.total if self.total else None


def load_claims_sample(path: Path | str) -> pd.DataFrame:
    """The labelled sample; DataFileError names the file and what is missing."""
    path = Path(path)
    if not path.is_file():
        raise DataFileError(path, "file", "no such claims sample")
    sample = read_table(path)
    missing = [c for c in SAMPLE_COLUMNS if c not in sample.columns]
    if missing:
        raise DataFileError(path, "header", f"missing column(s): {', '.join(missing)} "
                                            f"(needs {', '.join(SAMPLE_COLUMNS)})")
    blank = sample[[c for c in SAMPLE_COLUMNS]].map(cell_text).eq("").any(axis=1)
    if blank.any():
        raise DataFileError(path, f"row {int(blank.idxmax()) + 2}",
                            "corpus, claim_id and gold_speaker must all be filled")
    for column in ("sentence", "gold_type"):
        if column not in sample.columns:
            sample[column] = ""
    return sample


def fold(name: str) -> str:
    """'The  Pentagon’s' -> 'pentagons'; accents and punctuation dropped."""
    text = unicodedata.normalize("NFKD", cell_text(name)).encode("ascii", "ignore").decode()
    text = " ".join(_NOT_WORD.sub("", text.lower()).split())
    return _ARTICLE.sub("", text)


DATELINE_WORDS = 5  # words a later cleaning may cut off a labelled sentence's start


def same_sentence(labelled: str, extracted: str) -> bool:
    """The extracted sentence is the labelled one, folded, or the labelled one whose leading
    dateline or caption ('BUELLTON: ...') the corpus cleaning now cuts off: a few words."""
    mine, theirs = fold(extracted), fold(labelled)
    if mine == theirs:
        return True
    cut = len(theirs.split()) - len(mine.split())
    return bool(mine) and 0 < cut <= DATELINE_WORDS and theirs.endswith(" " + mine)


def speaker_right(predicted: str, gold: str, gold_type: str = "") -> bool:
    """Does the predicted speaker name one of the gold alternatives (see the module doc)?"""
    mine = fold(predicted)
    if cell_text(gold).strip() == NO_SPEAKER:
        return not mine
    if not mine:
        return False
    for alternative in (fold(a) for a in cell_text(gold).split("|")):
        if mine == alternative:
            return True
        if gold_type == "named_official" and len(alternative.split()) >= 2 and \
                len(mine.split()) >= 2 and mine.split()[-1] == alternative.split()[-1]:
            return True
        if gold_type == "anonymous_official" and f" {mine} " in f" {alternative} ":
            return True  # 'senior officials' of 'senior officials in the US administration'
    return False


def score_claims(sample: pd.DataFrame, claims: dict[str, pd.DataFrame]
                 ) -> tuple[pd.DataFrame, ClaimsScore]:
    """Per sample row the predicted speaker and verdict; the overall score.
    claims: corpus name -> that corpus's extracted claims table."""
    rows = []
    for item in sample.to_dict("records"):
        corpus = cell_text(item["corpus"])
        rows.append({**item, **_verdict(item, _find_claim(claims.get(corpus), item))})
    out = pd.DataFrame(rows)
    typed = out[out["gold_type"].map(cell_text) != ""]
    score = ClaimsScore(int(out["right"].sum()), len(out), int(typed["type_right"].sum()),
                        len(typed))
    return out, score


def _find_claim(table: pd.DataFrame | None, item: dict) -> dict | None:
    """The claim of the sample row: by claim_id; when the document's sentences were split
    differently since the labelling, the claim of the same document whose sentence is the
    labelled one."""
    if table is None or not len(table):
        return None
    claim_id, sentence = cell_text(item["claim_id"]), cell_text(item.get("sentence", ""))
    match = table[table["claim_id"].astype(str) == claim_id]
    if len(match) and (not sentence or same_sentence(sentence, match.iloc[0]["text"])):
        return match.iloc[0].to_dict()
    if sentence:
        doc_id = claim_id.rsplit("-s", 1)[0]
        same = table[(table["doc_id"].astype(str) == doc_id)
                     & table["text"].map(lambda text: same_sentence(sentence, text))]
        if len(same):
            return same.iloc[0].to_dict()
    return match.iloc[0].to_dict() if len(match) else None


def _verdict(item: dict, found: dict | None) -> dict:
    if found is None:  # no claim names no speaker: right where the text names nobody
        none = cell_text(item["gold_speaker"]).strip() == NO_SPEAKER
        return {"speaker": "", "speaker_type": "", "speaker_rule": "", "right": none,
                "type_right": none and cell_text(item.get("gold_type")) == "unattributed",
                "verdict": "right (no claim)" if none else "claim not extracted"}
    sentence = cell_text(item.get("sentence"))
    if sentence and not same_sentence(sentence, found.get("text", "")):
        return {"speaker": "", "speaker_type": "", "speaker_rule": "", "right": False,
                "type_right": False, "verdict": "claim id now names another sentence"}
    gold_type = cell_text(item.get("gold_type"))
    right = speaker_right(found.get("speaker", ""), item["gold_speaker"], gold_type)
    type_right = bool(gold_type) and cell_text(found.get("speaker_type")) == gold_type
    return {"speaker": cell_text(found.get("speaker")),
            "speaker_type": cell_text(found.get("speaker_type")),
            "speaker_rule": cell_text(found.get("speaker_rule")), "right": right,
            "type_right": type_right, "verdict": "right" if right else "wrong speaker"}


def summary_line(score: ClaimsScore, parts: dict[str, ClaimsScore]) -> str:
    """One line: overall, then per corpus and per `sample` (if the CSV names samples)."""
    def pct(right: int, total: int) -> str:
        return f"{right}/{total} ({100 * right / total:.0f} %)" if total else "n/a"

    each = "; ".join(f"{name} {pct(s.right, s.total)}" for name, s in parts.items())
    return (f"claims speaker right: {pct(score.right, score.total)} of the hand-labelled "
            f"sample ({each}); speaker type right: {pct(score.type_right, score.typed)}; "
            f"goal (issue 15) >= 90 %")


def report_claims(sample_path: Path | str, claims: dict[str, pd.DataFrame], out_dir: Path
                  ) -> str:
    """Score the sample rows of the corpora evaluated (claims: corpus -> claims table), write
    OUT/claims_sample.csv (every row with the predicted speaker, its rule and the verdict) and
    return the summary line."""
    from trustbrief.tables import atomic_write_text, to_csv_text

    sample = load_claims_sample(sample_path)
    sample = sample[sample["corpus"].map(cell_text).isin(claims)].reset_index(drop=True)
    rows, score = score_claims(sample, claims)
    parts = {}
    for column in ("corpus", "sample"):
        if column in rows and len(rows):
            for name, part in rows.groupby(rows[column].map(cell_text)):
                if name:
                    parts[name] = ClaimsScore(int(part["right"].sum()), len(part), 0, 0)
    atomic_write_text(Path(out_dir) / "claims_sample.csv", to_csv_text(rows))
    return summary_line(score, parts)
