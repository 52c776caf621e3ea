"""Reading a labelled corpus (documents.csv, events.csv beside articles/) and its syntax.

The gold format is the one of ../shared/corpora/*/README.md:
- documents.csv: file, url, outlet, published, tolerance_days, events (';'-joined keys);
  `outlet` may name a relayed origin: 'The Sun (Chad), Agency copy', 'Outlet X (EP-based)',
  'Outlet X (citing Outlet Y)', 'The Portview Times (Agency)'.
- events.csv: key, date, date_latest, agent, action, target, keywords, notice, note;
  `keywords` are alternatives joined by '|', each a '+'-joined set of words that must all
  occur (case-insensitive) in one sentence.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from trustbrief.knowledge import DataFileError, load_yaml, require_keys

GOLD_DOCUMENT_COLUMNS = ("file", "outlet", "published", "tolerance_days", "events")
GOLD_EVENT_COLUMNS = ("key", "date", "date_latest", "keywords", "notice")

# Words that mark a part of a gold outlet string as the relayed origin ('Agency copy',
# 'EP-based', 'Outlet rewrite', 'Agency wire', 'citing Outlet'): the README's syntax.
_ORIGIN_MARKER = re.compile(r"(?i)(?:^citing\s+|\s*-?\b(?:copy|based|rewrite|wire)\b)")


@dataclass(frozen=True)
class GoldOutlet:
    """A gold outlet string read: the outlet's accepted names and its origin's."""

    outlet: tuple[str, ...]  # normalised names the outlet may be given ('thesun' ...)
    origin: tuple[str, ...]  # normalised names of the origin (the outlet's own when no relay)


@dataclass(frozen=True)
class GoldCorpus:
    name: str
    folder: Path
    documents: pd.DataFrame  # GOLD_DOCUMENT_COLUMNS, tolerance_days as int
    events: pd.DataFrame     # GOLD_EVENT_COLUMNS (+ the rest), dates as ISO strings

    @property
    def articles(self) -> Path:
        return self.folder / "articles"


def normalise_name(text: str, synonyms: dict[str, str] | None = None) -> str:
    """Fold case, accents, punctuation, spaces and a leading 'the'; map agency aliases.

    'The Times of Portview' -> 'timesofportview'; 'Portview.ru' -> 'portviewru'; with synonyms,
    'EP' -> 'examplepress'.
    """
    folded = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    folded = re.sub(r"(?i)^\s*the\s+", "", folded.strip())
    key = re.sub(r"[^a-z0-9]", "", folded.casefold())
    if synonyms:
        return synonyms.get(key, key)
    return key


def load_agency_synonyms(data_dir: Path | str) -> dict[str, str]:
    """Normalised name or alias of every news agency -> normalised canonical name."""
    path = Path(data_dir) / "world" / "news_agencies.yaml"
    raw = load_yaml(path) or {}
    require_keys(path, "top level", raw, ["agencies"])
    synonyms: dict[str, str] = {}
    for i, item in enumerate(raw["agencies"] or []):
        require_keys(path, f"agencies[{i}]", item, ["name"], ["aliases"])
        canonical = normalise_name(str(item["name"]))
        for alias in [item["name"], *(item.get("aliases") or [])]:
            synonyms[normalise_name(str(alias))] = canonical
    return synonyms


def parse_gold_outlet(text: str, synonyms: dict[str, str]) -> GoldOutlet:
    """Split a gold outlet string into the outlet's names and the origin's names.

    Parts are the text before the first bracket or comma, each bracketed part and each
    comma part. A part with an origin marker names the origin; a bare part that is a news
    agency ('The Portview Times (Agency)') names the origin too; any other bare part is
    another name or a qualifier of the outlet ('(Portview News)', '(Chad)').
    Names joined by '/' are alternatives ('Portview FM / Outlet Radio').
    """
    head = re.split(r"\s*[(,]", text, maxsplit=1)[0]
    parts = re.findall(r"\(([^)]*)\)", text) + [p for p in re.findall(r",\s*([^,()]+)", text)]
    outlet = _alternatives(head, synonyms)
    origin: list[str] = []
    for part in parts:
        stripped = _ORIGIN_MARKER.sub("", part).strip()
        names = _alternatives(stripped, synonyms)
        if stripped != part.strip() or any(n in synonyms.values() for n in names):
            origin.extend(names)
        else:
            outlet.extend(names)
    return GoldOutlet(tuple(dict.fromkeys(outlet)),
                      tuple(dict.fromkeys(origin)) or tuple(dict.fromkeys(outlet)))


def _alternatives(text: str, synonyms: dict[str, str]) -> list[str]:
    names = [normalise_name(p, synonyms) for p in re.split(r"\s*/\s*", text)]
    return [n for n in names if n]


def keyword_alternatives(keywords: str) -> list[tuple[str, ...]]:
    """'Leader+kill|central HQ' -> [('leader', 'kill'), ('central hq',)]."""
    alternatives = []
    for alternative in (keywords or "").split("|"):
        words = tuple(_fold_text(w).strip() for w in alternative.split("+") if w.strip())
        if words:
            alternatives.append(words)
    return alternatives


def _fold_text(text: str) -> str:
    """Case-fold and straighten quotes and dashes so keywords compare with article text."""
    text = (text or "").translate(str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"',
                                                 "\u201d": '"', "\u2013": "-", "\u2014": "-"}))
    return re.sub(r"\s+", " ", text).casefold()


def holds_keywords(units: list[str], alternatives: list[tuple[str, ...]]) -> bool:
    """True when one text unit (a sentence, a label) holds every word of one alternative."""
    folded = [_fold_text(u) for u in units if u]
    return any(all(word in unit for word in words) for words in alternatives for unit in folded)


def load_gold(folder: Path | str) -> GoldCorpus:
    """Read a labelled corpus folder; DataFileError names the file and the problem."""
    folder = Path(folder)
    documents = _read_gold_csv(folder / "documents.csv", GOLD_DOCUMENT_COLUMNS)
    events = _read_gold_csv(folder / "events.csv", GOLD_EVENT_COLUMNS)
    path = folder / "documents.csv"
    try:
        documents["tolerance_days"] = documents["tolerance_days"].replace("", "0").astype(int)
    except ValueError:
        raise DataFileError(path, "tolerance_days", "not a whole number of days") from None
    events["date_latest"] = events["date_latest"].where(events["date_latest"] != "",
                                                        events["date"])
    for table, frame, columns in ((path, documents, ["published"]),
                                  (folder / "events.csv", events, ["date", "date_latest"])):
        for column in columns:
            bad = pd.to_datetime(frame[column], format="%Y-%m-%d", errors="coerce").isna()
            if bad.any():
                first = frame.loc[bad, column].iloc[0]
                raise DataFileError(table, column, f"{first!r} is not YYYY-MM-DD")
    return GoldCorpus(folder.name, folder, documents, events)


def _read_gold_csv(path: Path, required: tuple[str, ...]) -> pd.DataFrame:
    if not path.exists():
        raise DataFileError(path, None, "file not found (a labelled corpus needs documents.csv "
                                        "and events.csv beside articles/)")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[])
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise DataFileError(path, "header", f"lacks column(s): {', '.join(missing)}")
    return frame
