"""A table of contents for a rendered brief: every section heading (h2) gets an anchor, and
a list of links to them goes before the first section.

Works on the HTML nbconvert writes, whichever cell made a heading (a markdown cell, whose
heading nbconvert already gave an id, or an HTML output of the brief's code).
"""

from __future__ import annotations

import html
import re

H2_RE = re.compile(r"<h2(?P<attrs>\s[^>]*)?>(?P<body>.*?)</h2>", re.S | re.I)
ID_RE = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""")
TAG_RE = re.compile(r"<[^>]+>")
ANCHOR_LINK_RE = re.compile(r'<a class="anchor-link"[^>]*>.*?</a>', re.S)
MIN_SECTIONS = 3  # a short page needs no contents list


def heading_text(body: str) -> str:
    return html.unescape(TAG_RE.sub("", ANCHOR_LINK_RE.sub("", body))).strip()


def anchor(text: str, taken: set[str]) -> str:
    base = "sec-" + (re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "section")
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    taken.add(name)
    return name


def add_table_of_contents(page: str) -> str:
    """The page with ids on its h2 headings and a <nav> of links to them."""
    taken = set(ID_RE.findall(page))
    entries: list[tuple[str, str]] = []

    def with_id(match: re.Match) -> str:
        attrs, body = match.group("attrs") or "", match.group("body")
        text = heading_text(body)
        found = ID_RE.search(attrs)
        if found:
            entries.append((found.group(1), text))
            return match.group(0)
        name = anchor(text, taken)
        entries.append((name, text))
        return f'<h2 id="{name}"{attrs}>{body}</h2>'

    page = H2_RE.sub(with_id, page)
    if len(entries) < MIN_SECTIONS:
        return page
    items = "".join(f'<li><a href="#{html.escape(name, quote=True)}">{html.escape(text)}</a></li>'
                    for name, text in entries)
    nav = (f'<nav class="tb-toc" aria-label="Contents"><p class="tb-toc-title">Contents</p>'
           f"<ol>{items}</ol></nav>")
    first = H2_RE.search(page)
    return page[:first.start()] + nav + page[first.start():]
