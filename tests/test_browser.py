"""Open briefs in a real browser (Debian's chromium via playwright), network blocked:
no console errors, every chart upgraded to an interactive SVG, article markup inert."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import STORY_FILES, tiny_notebook
from trustbrief import render
from trustbrief.briefs import Brief, validate_params

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
HOSTILE_TITLE = ('Hostile <img src=x onerror="window.__pwned=1"> '
                 "<script>document.title='PWNED'</script> title")
HOSTILE_CELL = '''
import altair as alt, pandas as pd
from trustbrief.brief import html
hostile = '<img src=x onerror="window.__pwned=2"><a href="javascript:window.__pwned=3">x</a>'
frame = pd.DataFrame({"label": [hostile, "plain"], "n": [2, 1]})
chart = alt.Chart(frame).mark_bar().encode(x="n", y="label", tooltip=["label", "n"])
display(html.section(title))
display(html.figure(chart, hostile, hostile, hostile))
html.table(frame)
'''


def open_page(browser, path: Path, width: int | None = None):
    """Load a file with every network request refused; return page and console errors."""
    page = browser.new_page(**({"viewport": {"width": width, "height": 900}} if width else {}))
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.route("**/*", lambda route: route.continue_()
               if route.request.url.startswith("file:") else route.abort())
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    return page, errors


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run"])
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def hostile_brief(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    processed = tmp / "processed"
    processed.mkdir()
    (processed / "documents.csv").write_text("doc_id,file\n", encoding="utf-8")
    paths = render.Paths(root=tmp, notebook=tiny_notebook(tmp / "brief.ipynb", HOSTILE_CELL),
                         processed=processed, reports=tmp / "reports", build=tmp / "build")
    brief = Brief("hostile", validate_params(
        {"title": HOSTILE_TITLE, "start": "2024-07-01", "end": "2024-10-31",
         "focus": "A->B"}))
    render.build_brief(brief, paths)
    return paths.reports / "hostile.html"


def assert_interactive(page):
    charts = page.locator(".tb-chart")
    count = charts.count()
    assert count >= 1, "no chart on the page"
    page.wait_for_function(
        "() => [...document.querySelectorAll('.tb-chart')]"
        ".every(c => c.dataset.interactive === 'true' || c.dataset.error)", timeout=15000)
    for i in range(count):
        chart = charts.nth(i)
        assert chart.get_attribute("data-error") is None, chart.get_attribute("data-error")
        assert chart.locator(".tb-chart-live svg.marks").count() == 1  # the chart, not an icon
    return count


def test_markup_in_articles_stays_inert(browser, hostile_brief):
    page, errors = open_page(browser, hostile_brief)
    assert_interactive(page)
    assert page.evaluate("() => window.__pwned") is None
    assert page.title() != "PWNED"
    assert "onerror" in page.inner_text("body")  # shown as text, not run
    # hovering the bar shows the hostile label as tooltip text without running it
    page.locator(".tb-chart-live svg path").first.hover()
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.__pwned") is None
    assert not [e for e in errors if "net::ERR" not in e], errors


def test_real_briefs_are_interactive_offline(browser, real_reports):
    briefs = sorted(p for p in real_reports.glob("*.html") if p.name != "index.html")
    assert len(briefs) >= 2
    for path in briefs:
        page, errors = open_page(browser, path)
        n = assert_interactive(page)
        assert n >= 4, f"{path.name}: only {n} charts"
        assert not errors, f"{path.name}: console errors {errors}"
        page.close()
    page, errors = open_page(browser, real_reports / "index.html")
    assert page.locator("a[href$='.html']").count() == len(briefs)
    assert not errors


def test_real_briefs_relayout_charts_on_a_phone(browser, real_reports):
    """At 390 px each chart with a phone variant shows that variant, laid out to fit (its
    text at full size, no sideways scrolling), and the wide one is hidden."""
    for path in sorted(p for p in real_reports.glob("*.html") if p.name != "index.html"):
        page, errors = open_page(browser, path, width=390)
        assert_interactive(page)
        sizes = page.evaluate(
            "() => [...document.querySelectorAll('.tb-narrow .tb-chart')]"
            ".map(c => [c.clientWidth, c.scrollWidth])")
        wide_shown = page.evaluate(
            "() => [...document.querySelectorAll('.tb-wide')].filter(w => w.offsetParent).length")
        assert len(sizes) >= 3, f"{path.name}: {len(sizes)} phone variants"
        assert all(0 < shown and full <= shown + 1 for shown, full in sizes), (path.name, sizes)
        assert wide_shown == 0
        # the export menu button sits below its chart, never over the legend or the marks
        over = page.evaluate(
            "() => [...document.querySelectorAll('.tb-narrow .vega-embed')].filter(e => {"
            " const s = e.querySelector('summary'), g = e.querySelector(':scope > svg');"
            " if (!s || !g) return false;"
            " const a = s.getBoundingClientRect(), b = g.getBoundingClientRect();"
            " return a.top < b.bottom && b.top < a.bottom && a.left < b.right"
            " && b.left < a.right; }).length")
        assert over == 0, f"{path.name}: {over} export buttons over their chart"
        assert not errors, f"{path.name}: console errors {errors}"
        page.close()


HOSTILE_ARTICLE = "\n".join([
    'Israel <script>window.__pwned=4</script> kills commander '
    '<img src=x onerror="window.__pwned=5">',
    "Published on October 3, 2024",
    "Israeli jets killed a Hezbollah commander in Beirut on Tuesday, and US officials said "
    "they were caught off guard <script>document.title='PWNED'</script>.",
    '"Our trust is low <img src=x onerror=window.__pwned=6>," a US official told '
    '<a href="javascript:window.__pwned=7">Axios</a>.',
    "",
])


@pytest.fixture(scope="module")
def hostile_corpus_brief(tmp_path_factory):
    """The real notebook over the seeds plus an article full of markup."""
    from conftest import DATA, ROOT, SEEDS
    from trustbrief.briefs import load_briefs
    from trustbrief.cli import main

    tmp = tmp_path_factory.mktemp("hostile-corpus")
    seeds = tmp / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / "zz hostile <b>.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    # ... and every kind of broken file: the briefs must still build.
    (seeds / "empty.txt").write_text("", encoding="utf-8")
    (seeds / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (seeds / "légacy cp1252.txt").write_bytes(
        "US officials were \x93caught off guard\x94 on Friday, they said.\n".encode("latin-1"))
    first = sorted(SEEDS.iterdir())[0]
    (seeds / "duplicate copy.txt").write_bytes(first.read_bytes())
    (seeds / "huge.txt").write_text("The talks went on. " * 200_000, encoding="utf-8")
    processed = tmp / "processed"
    assert main(["extract", "--seeds", str(seeds), "--out", str(processed),
                 "--data", str(DATA)]) == 0
    paths = render.Paths(root=ROOT, notebook=ROOT / "notebooks" / "brief.ipynb",
                         processed=processed, reports=tmp / "reports", build=tmp / "build")
    brief = load_briefs(STORY_FILES / "briefs.yaml")[0]
    render.build_brief(brief, paths)
    return paths.reports / f"{brief.name}.html"


def test_hostile_article_stays_inert_in_the_real_brief(browser, hostile_corpus_brief):
    page, errors = open_page(browser, hostile_corpus_brief)
    assert_interactive(page)
    # Show every mark's tooltip (article text inside) the way a pointer would.
    shown = page.evaluate("""() => {
        const marks = [...document.querySelectorAll('.tb-chart-live [role=graphics-symbol]')];
        for (const m of marks) {
            for (const type of ['pointerover', 'pointermove', 'mouseover', 'mousemove']) {
                m.dispatchEvent(new MouseEvent(type, {bubbles: true, clientX: 5, clientY: 5}));
            }
        }
        return marks.length;
    }""")
    assert shown > 10
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__pwned") is None
    assert page.title() != "PWNED"
    assert not errors, errors
