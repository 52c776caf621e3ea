"""Trust cues (data/trust_cues.yaml) and attribution phrasing (data/attribution.yaml), loaded,
validated and compiled."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from trustbrief import knowledge
from trustbrief.contract.vocab import Notice, TrustCategory
from trustbrief.extract.patterns import (
    check_regex,
    named_alternation,
    one_of,
    regex_of,
    str_list,
    words_alternation,
)
from trustbrief.knowledge import DataFileError

CATEGORIES = tuple(TrustCategory)
# the levels a cue can state; 'unknown' and 'n/a' are the ledger's, never a cue's
NOTICES = tuple(n for n in Notice if n not in (Notice.UNKNOWN, Notice.NOT_APPLICABLE))
EXPERIENCER_MODES = ("subject", "nearest_before", "after")


@dataclass(frozen=True)
class Cue:
    family: str
    category: str
    polarity: int
    weight: float
    notice: str
    negative: bool
    experiencer: str
    mutual: bool
    inside: bool
    rule: str = ""  # '<family>/<cue id>' (the cue's `id`, else its position in the family)


@dataclass(frozen=True)
class Attribution:
    speech: re.Pattern
    speaker_after: re.Pattern
    speaker_before: re.Pattern
    anonymous: re.Pattern
    source_noun: re.Pattern  # a cheap test that `anonymous` may match at all
    unnamed: re.Pattern
    source_speaking: re.Pattern
    source_introduced: re.Pattern
    count_words: dict
    source_roles: tuple  # (compiled noun regex, role)
    modifiers: frozenset
    citation_before: re.Pattern
    citation_after: re.Pattern
    report_back: re.Pattern
    min_quote_words: int
    # up to the last character before a position that no anonymous-source phrase can hold
    # ('four senior US officials': words, spaces, hyphens), so a scan can start after it
    phrase_barrier: re.Pattern | None = None


def load_trust_cues(path: Path):
    data = knowledge.load_yaml(path)
    knowledge.require_keys(path, "top level", data, ["families", "negations", "intensifiers",
                                                     "not_stimulus_before", "experiencer_after"],
                           ["conditional", "not_party_before"])
    patterns = []
    for i, fam in enumerate(data["families"] or []):
        where = f"families[{i}]"
        knowledge.require_keys(path, where, fam, ["family", "category", "polarity", "cues"],
                               ["weight", "experiencer", "mutual", "experiencer_after"])
        category = one_of(path, f"{where}.category", fam["category"], CATEGORIES)
        if fam["polarity"] not in (-1, 1):
            raise DataFileError(path, f"{where}.polarity", "expected -1 or 1")
        mode = one_of(path, f"{where}.experiencer", fam.get("experiencer", "subject"),
                       EXPERIENCER_MODES)
        for j, cue in enumerate(fam["cues"] or []):
            cw = f"{where}.cues[{j}]"
            knowledge.require_keys(path, cw, cue, ["pattern"],
                                   ["id", "notice", "weight", "negative", "experiencer",
                                    "polarity"])
            notice = cue.get("notice", "")
            if notice:
                one_of(path, f"{cw}.notice", notice, NOTICES)
            weight = cue.get("weight", fam.get("weight", 1.0))
            if not isinstance(weight, (int, float)) or weight <= 0:
                raise DataFileError(path, f"{cw}.weight", "expected a positive number")
            polarity = cue.get("polarity", fam["polarity"])
            if polarity not in (-1, 1):
                raise DataFileError(path, f"{cw}.polarity", "expected -1 or 1")
            patterns.append((check_regex(path, cw, cue["pattern"]), Cue(
                str(fam["family"]), category, int(polarity), float(weight), notice,
                bool(cue.get("negative", False)),
                one_of(path, f"{cw}.experiencer", cue.get("experiencer", mode),
                        EXPERIENCER_MODES),
                bool(fam.get("mutual", False)), bool(fam.get("experiencer_after", False)),
                f"{fam['family']}/{cue.get('id', j + 1)}")))
    _refuse_duplicate_rules(path, [c.rule for _, c in patterns])
    alt, cues = named_alternation(patterns)
    cue_pattern = regex_of(path, "families", rf"(?<![\w-])(?:{alt})(?![\w-])")
    negs = str_list(path, "negations", data["negations"])
    negation = regex_of(path, "negations", rf"(?<![\w-])(?:{'|'.join(negs)})(?![\w-])")
    intensifiers = []
    for pat, factor in (data["intensifiers"] or {}).items():
        if not isinstance(factor, (int, float)) or factor <= 0:
            raise DataFileError(path, f"intensifiers.{pat}", "expected a positive number")
        intensifiers.append((knowledge.compile_pattern(
            path, f"intensifiers.{pat}", rf"(?<![\w-])(?:{pat})(?![\w-])"), float(factor)))
    not_stimulus = knowledge.compile_pattern(path, "not_stimulus_before",
                                             str(data["not_stimulus_before"]))
    inside = knowledge.compile_pattern(path, "experiencer_after", str(data["experiencer_after"]))
    conditional = knowledge.compile_pattern(path, "conditional", str(data["conditional"])) \
        if data.get("conditional") else None
    not_party = knowledge.compile_pattern(path, "not_party_before",
                                           str(data["not_party_before"])) \
        if data.get("not_party_before") else None
    return (cue_pattern, cues, negation, tuple(intensifiers), not_stimulus, inside, conditional,
            not_party)


def _refuse_duplicate_rules(path: Path, rules: list[str]) -> None:
    """Two cues of a family with one id would make the signals' `rule` ambiguous."""
    seen = set()
    for rule in rules:
        if rule in seen:
            raise DataFileError(path, "families", f"two cues have the rule id {rule!r}")
        seen.add(rule)


# ----------------------------------------------------------------------- attribution

def load_attribution(path: Path) -> Attribution:
    data = knowledge.load_yaml(path)
    keys = ["speech_verbs", "speech_adverbs", "count_words", "source_modifiers", "source_nouns",
            "source_speaking", "source_introduced", "unnamed_sources", "citation_before",
            "citation_after", "report_back", "min_quote_words"]
    knowledge.require_keys(path, "top level", data, keys)
    speech = [check_regex(path, "speech_verbs", p)
              for p in str_list(path, "speech_verbs", data["speech_verbs"])]
    # only ever tested for presence, so the faster trie order changes no result
    speech_alt = named_alternation([(p, None) for p in speech])[0]
    adverbs = words_alternation(str_list(path, "speech_adverbs", data["speech_adverbs"]))
    counts = data["count_words"]
    if not isinstance(counts, dict) or not all(isinstance(v, int) for v in counts.values()):
        raise DataFileError(path, "count_words", "expected a mapping word -> integer")
    mods = str_list(path, "source_modifiers", data["source_modifiers"])
    nouns = data["source_nouns"]
    if not isinstance(nouns, dict):
        raise DataFileError(path, "source_nouns", "expected a mapping regex -> role")
    for pat in nouns:
        check_regex(path, f"source_nouns.{pat}", pat)
    noun_alt = "|".join(f"(?:{p})" for p in nouns)
    count_alt = words_alternation([re.escape(str(w)) for w in counts])
    mod_alt = words_alternation([re.escape(m) for m in mods])
    anonymous = regex_of(path, "source_nouns", (
        rf"(?<![\w-])(?:(?P<count>{count_alt})\s+)?(?:(?:{mod_alt})\s+)*"
        rf"(?:(?P<side>(?-i:[A-Z][\w.’'-]*))\s+)?(?:(?:{mod_alt})\s+)*"
        rf"(?P<noun>{noun_alt})(?![\w-])"))
    phrase_chars = set("".join(str(w) for w in counts) + "".join(mods))
    extra = "".join(sorted(c for c in phrase_chars if not re.match(r"[\w\s.’'-]", c)))
    barrier = re.compile(rf"(?s:.*)[^\w\s.’'\-{re.escape(extra)}]")
    min_words = data["min_quote_words"]
    if not isinstance(min_words, int) or min_words < 1:
        raise DataFileError(path, "min_quote_words", "expected a positive integer")

    def joined(key):
        pats = [check_regex(path, key, p) for p in str_list(path, key, data[key])]
        return regex_of(path, key, "|".join(f"(?:{p})" for p in pats))

    return Attribution(
        speech=regex_of(path, "speech_verbs", rf"(?<![\w-])(?:{speech_alt})(?![\w-])"),
        speaker_after=regex_of(path, "speech_verbs", (
            rf"^(?:['’]s)?\s*(?:,[^,]{{1,90}},\s*)?(?:(?:{adverbs})\s+)*(?:{speech_alt})\b")),
        speaker_before=regex_of(path, "speech_verbs", rf"\b(?:{speech_alt})\s+$"),
        anonymous=anonymous,
        source_noun=regex_of(path, "source_nouns", rf"(?<![\w-])(?:{noun_alt})(?![\w-])"),
        unnamed=joined("unnamed_sources"),
        source_speaking=knowledge.compile_pattern(path, "source_speaking",
                                                  str(data["source_speaking"])),
        source_introduced=knowledge.compile_pattern(path, "source_introduced",
                                                    str(data["source_introduced"])),
        count_words={str(k).lower(): int(v) for k, v in counts.items()},
        source_roles=tuple((re.compile(rf"^(?:{p})$", re.I), str(r)) for p, r in nouns.items()),
        modifiers=frozenset(m.lower() for m in mods),
        citation_before=joined("citation_before"),
        citation_after=joined("citation_after"),
        report_back=joined("report_back"),
        min_quote_words=min_words,
        phrase_barrier=barrier,
    )
