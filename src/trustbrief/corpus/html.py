"""An HTML page -> its article text and what the page states about the article.

trafilatura finds the main text (no navigation, adverts or comments) and the page's own
metadata (title, author, canonical URL, site name); htmldate reads the publication and update
dates the way archivists do (JSON-LD datePublished, Open Graph article:published_time,
<time datetime>, dates in the URL). Both are the field's standard tools; nothing here parses
markup by hand.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import warnings

log = logging.getLogger("trustbrief")

TAG_LIKE = re.compile(r"</?[A-Za-z!][^>]*>")


def article_from_html(markup: str) -> tuple[str, dict[str, str]]:
    """(article text with the headline as its first line, meta). meta holds what the page
    states, each only when present: url, published and updated ('htmldate: YYYY-MM-DD'),
    author, outlet (the site's name), title."""
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # trafilatura warns about its own deprecated options
        doc = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_recall=True)
    if doc is None:
        return "", {}
    found = doc if isinstance(doc, dict) else doc.as_dict()
    # Escaped markup inside the article ('&lt;script&gt;') decodes to tag-like text: it is
    # blanked, so nothing that looks like markup ever reaches the text or a rendered brief.
    text = TAG_LIKE.sub(" ", found.get("text") or "").strip()
    title = (found.get("title") or "").strip()
    if title and text and not text.startswith(title):
        text = f"{title}\n{text}"
    meta = {"url": found.get("url") or "", "author": found.get("author") or "",
            "outlet": found.get("sitename") or "", "title": title}
    published, updated = page_dates(markup, meta["url"])
    if published:
        meta["published"] = f"htmldate: {published}"
    if updated and updated != published:
        meta["updated"] = f"htmldate: {updated}"
    return text, {k: v.strip() for k, v in meta.items() if v and v.strip()}


def page_dates(markup: str, url: str = "") -> tuple[str, str]:
    """(publication date, last update date) as ISO strings, '' when the page states none.
    Only what the page states: no guessing from free text (extensive_search off)."""
    from htmldate import find_date

    latest = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    dates = []
    for original in (True, False):
        try:
            value = find_date(markup, url=url or None, original_date=original,
                              extensive_search=False, max_date=latest)
        except (ValueError, TypeError) as exc:  # htmldate rejects some malformed pages
            log.info("htmldate could not read the page: %s", exc)
            value = None
        dates.append(value or "")
    return dates[0], dates[1]
