"""The real default briefs, built from the seeds: sections, citations, PDF, offline HTML."""

from __future__ import annotations

import re
import subprocess

import pytest

from conftest import STORY_FILES
from trustbrief.briefs import load_briefs
from trustbrief.render import SCRIPT_RE

pytestmark = pytest.mark.slow

SECTIONS = ["Key judgements", "What happened",
            "Cooperation and conflict between the two governments", "Notice ledger",
            "Channel cadence",
            "Trust statements", "Conflicting accounts", "Corroboration and sourcing", "Sources",
            "Annex"]
MAIN_BODY_PAGES = 8
EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I)


@pytest.fixture(scope="module")
def pages(real_reports):
    """Each brief's HTML without its scripts (the vega bundle holds HTML-like strings)."""
    return {b.name: (b, SCRIPT_RE.sub("", (real_reports / f"{b.name}.html").read_text(
        encoding="utf-8"))) for b in load_briefs(STORY_FILES / "briefs.yaml")}


def test_sections_in_order(pages):
    for name, (_, page) in pages.items():
        found = re.findall(r"<h2[^>]*>(.*?)</h2>", page)  # headings carry anchors (toc.py)
        assert found == SECTIONS, name


def test_judgements_have_confidence_and_cite_numbered_sources(pages):
    for name, (_, page) in pages.items():
        box = page.split('class="tb-judgements', 1)[1].split("</ol>", 1)[0]
        items = re.findall(r"<li>(.*?)</li>", box, re.S)
        assert 1 <= len(items) <= 5, name
        for item in items:
            assert re.search(r"tb-confidence tb-(high|moderate|low)", item), item[:80]
            targets = re.findall(r'href="#(source-\d+)"', item)
            assert targets, f"{name}: a judgement without a source: {item[:80]}"
            for target in targets:
                assert f'id="{target}"' in page, f"{name}: citation {target} leads nowhere"


def test_html_is_offline_and_charts_have_fallbacks(pages):
    for name, (_, page) in pages.items():
        hrefs = [m for m in EXTERNAL.findall(page)]
        # Only article URLs in the sources list may point outside, as plain links.
        scripts_or_styles = re.findall(r"<(?:script|link|img)[^>]+(?:src|href)=", page)
        assert not scripts_or_styles, f"{name} loads something: {scripts_or_styles[:3]}"
        assert all("href" in h for h in hrefs)
        charts = page.count('class="tb-chart"')
        assert charts >= 5 and page.count('class="tb-chart-static"><svg') == charts


def test_pdf_is_a4_with_page_numbers_and_findings_first(real_reports, pages):
    from pypdf import PdfReader

    for name, (brief, _) in pages.items():
        pdf = real_reports / f"{name}.pdf"
        reader = PdfReader(str(pdf))
        assert len(reader.pages) >= 4
        first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"],
                               capture_output=True, text=True, check=True).stdout
        assert brief.title.split(":")[0] in " ".join(first.split())
        assert "Key judgements" in first, "the judgements belong on the first page"
        assert f"Page 1 of {len(reader.pages)}" in first
        texts = [subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), str(pdf), "-"],
                                capture_output=True, text=True, check=True).stdout
                 for i in range(1, len(reader.pages) + 1)]
        # the main body ends on the page where the annex begins (it flows on, unforced)
        annex_page = next(i for i, text in enumerate(texts, 1)
                          if "Annex" in [line.strip() for line in text.splitlines()])
        assert annex_page <= MAIN_BODY_PAGES, f"{name}: main body of {annex_page} pages"


def test_rebuilding_a_brief_changes_only_its_build_time(real_reports, real_processed, tmp_path):
    from conftest import ROOT
    from trustbrief import render

    brief = load_briefs(STORY_FILES / "briefs.yaml")[-1]
    paths = render.Paths(root=ROOT, notebook=ROOT / "notebooks" / "brief.ipynb",
                         processed=real_processed, reports=tmp_path / "reports",
                         build=tmp_path / "build")
    render.build_brief(brief, paths)
    built = {}
    for folder in (real_reports, paths.reports):
        meta = (folder / f"{brief.name}.json").read_text(encoding="utf-8")
        stamp = __import__("json").loads(meta)["built"]
        built[folder] = (folder / f"{brief.name}.html").read_text(encoding="utf-8").replace(
            stamp, "BUILD-TIME")
    first, second = built.values()
    assert first == second
