"""Numbered citation notes and the sources list they point to.

Every article gets one number, fixed for the whole brief (ordered by publication date, then
by name), so a note reads the same in every section and in a re-run cell. A source is named
by its outlet; an article whose outlet is unknown is named by its title. File names and
hashes never appear here: they belong to the audit annex.
"""

from __future__ import annotations

import html

import pandas as pd

from trustbrief.brief.views.cells import as_list, range_text, text_column, to_date
from trustbrief.brief.views.outlets import article_name, is_unknown_outlet, looks_like_doc_id

esc = html.escape
CITE_LIMIT = 5  # sources named in one note; the rest are '+N more' (see the sources list)
LIST_ALL = 40  # a corpus this small lists every article; a larger one, the sources cited


def day_text(day: pd.Timestamp | None) -> str:
    return "" if day is None else f"{day.day} {day:%b %Y}"


# A range of publication days longer than this is no date an analyst can use: the article
# is undated, and the range only bounds it ('undated: between 7 Oct 2023 and 13 Jan 2025').
WIDE_RANGE_DAYS = 31


def published_text(doc: dict) -> str:
    """The publication date with its certainty: '8 Oct 2024', '8–10 Oct 2024 (range)',
    'c. 8 Oct 2024 (inferred)', 'undated: between 1 Jul and 30 Nov 2024' (a range too wide
    to date it), 'undated: not before 1 Jul 2024' or 'date unknown'."""
    day = to_date(doc.get("published"))
    first, last = to_date(doc.get("published_earliest")), to_date(doc.get("published_latest"))
    if day is None and (first is None) != (last is None):
        return (f"undated: not before {day_text(first)}" if first is not None else
                f"undated: not after {day_text(last)}")
    if day is None and first is not None and last is not None:
        if (last - first).days > WIDE_RANGE_DAYS:
            return f"undated: between {_between(first, last)}"
        return f"{range_text(first, last)} (range)"
    if day is None:
        return "date unknown"
    if doc.get("published_basis") == "inferred":
        return f"c. {day_text(day)} (inferred)"
    return day_text(day)


def _between(first: pd.Timestamp, last: pd.Timestamp) -> str:
    """'1 Jul and 30 Nov 2024', '7 Oct 2023 and 13 Jan 2025'."""
    head = f"{first.day} {first:%b}" if first.year == last.year else day_text(first)
    return f"{head} and {day_text(last)}"


UNKNOWN_OUTLET = "Outlet unknown"
ENTRY_TITLE_CHARS = 160  # a 'title' taken from an article's first sentence can run long


def entry_title(title: str) -> str:
    """The title for the sources list, inside the entry's double quotes: its own quotation
    marks become single ones (‘’), and a very long one is cut between words."""
    title = " ".join(title.split()).strip()
    if title[:1] in "\"“" and title[-1:] in "\"”" and title.count('"') + title.count("“") <= 2:
        title = title[1:-1].strip()  # quoted whole: the entry's own quotes say it
    title = title.replace("“", "‘").replace("”", "’")
    parts = title.split('"')
    title = "".join(p + ("‘" if i % 2 == 0 else "’") for i, p in enumerate(parts[:-1])) + parts[-1]
    if len(title) > ENTRY_TITLE_CHARS:
        cut = title[:ENTRY_TITLE_CHARS - 1]
        title = cut.rsplit(" ", 1)[0].rstrip(" ,:;-–") + "…"
    return title


def source_name(doc: dict) -> str:
    """The outlet, or the article's title when the outlet is unknown."""
    return article_name(str(doc.get("outlet") or ""), str(doc.get("title") or ""))


class Sources:
    """The brief's sources, numbered once; `cite` writes the notes, `listing` the list."""

    COLUMNS = ("doc_id", "outlet", "origin", "title", "url", "published",
               "published_earliest", "published_latest", "published_basis", "duplicate_of")

    def __init__(self, documents: pd.DataFrame | None):
        frame = pd.DataFrame({c: text_column(documents, c) for c in self.COLUMNS})
        frame["sort_day"] = [p or e or "9999" for p, e in
                             zip(frame["published"], frame["published_earliest"], strict=True)]
        frame["name"] = [source_name(r) for r in frame.to_dict("records")]
        frame = frame.sort_values(["sort_day", "name", "doc_id"]).reset_index(drop=True)
        self.records = {r["doc_id"]: r for r in frame.to_dict("records")}
        self.number = {doc_id: i for i, doc_id in enumerate(self.records, start=1)}
        self.by_number = {i: self.records[d] for d, i in self.number.items()}
        self.cited: set[int] = set()  # numbers a note has shown: the sources list's entries

    def numbers(self, doc_ids) -> list[int]:
        ids = as_list(doc_ids) if isinstance(doc_ids, str) else list(doc_ids)
        return sorted({self.number[d] for d in ids if d in self.number})

    def strength(self, number: int) -> tuple:
        """Sort key, strongest source first: an original (not a copy), a named outlet, a
        publication date stated or given rather than inferred or unknown, then earliest."""
        r = self.by_number[number]
        return (bool(r["duplicate_of"]), r["name"].startswith("“"),
                r["published_basis"] in ("inferred", "unknown", "") or not r["published"],
                number)

    def strongest(self, doc_ids, limit: int | None = CITE_LIMIT) -> tuple[list[int], int]:
        """The `limit` strongest numbers (in number order) and how many more were cited."""
        found = self.numbers(doc_ids)
        more = 0
        if limit is not None and len(found) > limit:
            found, more = sorted(sorted(found, key=self.strength)[:limit]), len(found) - limit
        self.cited.update(found)
        return found, more

    def cite_text(self, doc_ids, limit: int | None = CITE_LIMIT) -> str:
        """'[1, 3]' or '[1, 3, 4, 6, 9 +12 more]' for plain text; '' when nothing is cited."""
        found, more = self.strongest(doc_ids, limit)
        if not found:
            return ""
        return f"[{', '.join(map(str, found))}{f' +{more} more' if more else ''}]"

    def cite(self, doc_ids, limit: int | None = CITE_LIMIT) -> str:
        """Escaped HTML: '[1, 3]' with each number linking to its entry in the sources; past
        `limit` sources, the strongest and '+N more' linking to the sources list, so a note
        does not grow with the corpus."""
        found, more = self.strongest(doc_ids, limit)
        if not found:
            return ""
        links = ", ".join(f'<a href="#source-{n}">{n}</a>' for n in found)
        if more:
            links += f' <a href="#sources" class="tb-more-sources">+{more} more</a>'
        return f'<span class="tb-cite">[{links}]</span>'

    def entry(self, doc_id: str) -> str:
        """'Outlet, “Title”, 8 Oct 2024.' (plain text) for one source; an article of unknown
        outlet starts with its title whole (the list says once which outlets are unknown),
        and a wire origin other than the outlet is named ('Origin: Agency.')."""
        r = self.records[doc_id]
        title = entry_title(str(r["title"]))
        parts = ([] if self.unknown_outlet(doc_id) else [r["name"]]) + (
            [f"“{title}”"] if title else [])
        if not parts:
            parts = [UNKNOWN_OUTLET]
        origin = str(r["origin"]).strip()
        relayed = "" if is_unknown_outlet(origin) or origin == r["outlet"] or \
            looks_like_doc_id(origin) else f" Origin: {origin}."
        return ", ".join(parts + [published_text(r)]) + "." + relayed

    def unknown_outlet(self, doc_id: str) -> bool:
        """Whether the article names no outlet (the notes then name it by its title)."""
        name = self.records[doc_id]["name"]
        return name.startswith("“") or not name

    def listing(self, list_all: int = LIST_ALL) -> str:
        """The numbered sources list (escaped HTML), one anchor per source: every article
        of a small corpus; of a large one, the sources the notes above cite, and where the
        rest are (the annex's article table, documents.csv), so the list does not grow
        with the corpus."""
        shown = (list(self.number.values()) if len(self.number) <= list_all
                 else sorted(self.cited))
        items = [self._item(n) for n in shown]
        if not items:
            return '<p class="tb-note">No articles.</p>'
        rest = len(self.number) - len(shown)
        note = (f'<p class="tb-note">The sources cited above; the other {rest:,} articles, '
                "with their numbers, are in the annex (E) and in documents.csv.</p>"
                if rest else "")
        return (self._unknown_note(shown) + f'<ol class="tb-sources">{"".join(items)}</ol>'
                + note)

    def _unknown_note(self, shown: list[int]) -> str:
        """Said once above the list, not on every entry: how many of the listed articles
        name no outlet, and that they are listed by their title."""
        unknown = [n for n in shown if self.unknown_outlet(self.by_number[n]["doc_id"])]
        if not unknown:
            return ""
        no_address = all(not str(self.by_number[n]["url"]).strip() for n in unknown)
        one = len(unknown) == 1
        which = (f"{len(unknown)} of the {len(shown)} articles below" if len(unknown) < len(
            shown) else "The article below" if one else f"All {len(shown)} articles below")
        return (f'<p class="tb-note">{which} {"names" if one else "name"} no outlet in '
                f"{'its' if one else 'their'} text"
                + (f" and {'comes' if one else 'come'} without a web address" if no_address
                   else "")
                + f": {'it is' if one else 'they are'} listed by title, with the origin "
                f"of {'its' if one else 'their'} report when it is known.</p>")

    def _item(self, n: int) -> str:
        r = self.by_number[n]
        url = str(r["url"])
        link = (f' <a href="{esc(url, quote=True)}" rel="noopener">link</a>'
                if url.startswith(("https://", "http://")) else "")
        copy = " Copy of another source; not counted twice." if r["duplicate_of"] else ""
        return (f'<li id="source-{n}" value="{n}">{esc(self.entry(r["doc_id"]))}'
                f"{esc(copy)}{link}</li>")
