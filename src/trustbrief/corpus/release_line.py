"""A government release's place and day alone on a line under its title: 'Niamey, 4 October
2024', 'Georgetown, December 6, 2023'.

Ministries, presidencies and embassies print their statements and readouts so, with no clock
and no agency. A photo caption can be the very same words ('Portville, October 28, 2023' under
a picture), so such a line (a shape marked `release_line: true` in data/datelines.yaml) dates
the page only with evidence that it is the release's own line (`release_lines` there):
  - its place is a seat of government the world knowledge knows (data/world/countries.yaml: a
    capital, or a place standing for a government, but for the `not_seats`: a city or street
    that names a government in speech but issues no releases); a caption's town is not;
  - it is among the first `depth` lines, under the title (and a masthead), never the first;
  - neither line beside it is a caption's (`caption_cues`: a credit in brackets, 'Photo:',
    'FILE -', a copyright sign);
  - no other stamp of the page states its day: a stamp line wins, and the release line's day
    is then only another printed date of the page (it settles a numeric stamp's order);
  - an update stamp before it disputes it (no day, the span between them), as the address's
    day more than a day away does (trustbrief.corpus.published).
At the END of a statement (`tail_depth`: 'Niamey, 4 October 2024' above the signature, as
francophone, Caribbean and many ministries' releases print it) the same evidence holds, and
every line under it must be a signature's: short, with no date and no full sentence (a
caption or a related story's dateline among the last lines has text after it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from trustbrief import knowledge
from trustbrief.knowledge import DataFileError


@dataclass(frozen=True)
class ReleaseRules:
    seats: frozenset[str]  # casefolded places that stand for a government ('niamey')
    depth: int  # the deepest head line (0 = the first) a release line may be
    cues: tuple[re.Pattern, ...]  # a caption's line ('Photo: ...', '... (Agency/Jane Doe)')
    tail_depth: int = 0  # how many of the last lines a release line at the end may be


def load_release(path: Path, data: dict, data_dir: Path) -> ReleaseRules | None:
    """datelines.yaml's `release_lines` with the seats of government of data_dir/world/."""
    spec = data.get("release_lines")
    if not spec:
        return None
    knowledge.require_keys(path, "release_lines", spec, ("depth", "caption_cues"),
                           ("not_seats", "tail_depth"))
    for key in ("depth", "tail_depth"):
        if not isinstance(spec.get(key, 1), int) or spec.get(key, 1) < 1:
            raise DataFileError(path, f"release_lines.{key}", "expected a whole number >= 1")
    if not isinstance(spec["caption_cues"], list):
        raise DataFileError(path, "release_lines.caption_cues", "expected a list of patterns")
    cues = []
    for i, item in enumerate(spec["caption_cues"]):
        try:
            cues.append(re.compile(item))
        except (re.error, TypeError) as exc:
            raise DataFileError(path, f"release_lines.caption_cues[{i}]",
                                f"bad pattern: {exc}") from None
    not_seats = spec.get("not_seats") or []
    if not isinstance(not_seats, list) or not all(isinstance(p, str) for p in not_seats):
        raise DataFileError(path, "release_lines.not_seats", "expected a list of place names")
    seats = _seats(data_dir)
    unknown = [place for place in not_seats if _fold(place) not in seats]
    if seats and unknown:
        raise DataFileError(path, "release_lines.not_seats", f"{unknown[0]!r}: no place "
                            "data/world/countries.yaml has stand for a government")
    seats -= {_fold(place) for place in not_seats}
    return ReleaseRules(seats, spec["depth"], tuple(cues), spec.get("tail_depth", 0))


def _seats(data_dir: Path) -> frozenset[str]:
    if not (Path(data_dir) / "world" / "countries.yaml").is_file():
        return frozenset()
    from trustbrief.knowledge.world import load_world

    world = load_world(data_dir)
    return frozenset(_fold(text) for country in world.countries.values() if not country.sector
                     for text, role in country.metonyms.items() if role == "government")


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip().rstrip(".,").casefold()


def is_release_line(rules: ReleaseRules | None, place: str, lines: list[str],
                    index: int) -> bool:
    """True when line `index` (a head line, or one of the last), a place and a date alone, is
    a release's own line (see the module docstring) rather than a caption."""
    if rules is None or _fold(place) not in rules.seats:
        return False
    at_head = 1 <= index <= rules.depth
    at_end = index > rules.depth and index >= len(lines) - rules.tail_depth \
        and all(map(_signature, lines[index + 1:]))
    if not (at_head or at_end):
        return False
    beside = lines[index - 1:index] + lines[index + 1:index + 2]
    return not any(cue.search(line) for line in beside for cue in rules.cues)


SIGNATURE_MAX_WORDS = 10  # 'The Charge d'Affaires a.i.', 'Spokesperson of the Ministry'
DIGIT_OR_SENTENCE = re.compile(r"\d|[a-z]{2}[.!?]\s*$|[.!?]\s+[A-Z]")


def _signature(line: str) -> bool:
    """A line that can stand under a release's place and date: a signatory, a title, an
    office - short, without a date or a sentence (a related story's line has them)."""
    return len(line.split()) <= SIGNATURE_MAX_WORDS and not DIGIT_OR_SENTENCE.search(line)
