"""The site around the briefs: reports/index.html (every published brief, from the
manifests) and screenshots of a brief in headless Chromium (offline)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from trustbrief import safe_files

# -- the index page -----------------------------------------------------------------------

INDEX_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;
color:#1d1d1f;max-width:52em;margin:2.5em auto;padding:0 1.5em;line-height:1.5}
h1{font-size:1.8em;margin-bottom:0.1em}p.dek{color:#5f6368;margin-top:0}
table{border-collapse:collapse;width:100%;margin-top:1.5em}
th,td{text-align:left;padding:0.5em 0.6em;border-bottom:1px solid #d9d9de;vertical-align:top}
th{background:#f6f6f8;font-size:0.85em}td.t{font-weight:600}
a{color:#0072B2;text-decoration:underline;text-underline-offset:0.15em}
a:focus-visible{outline:2px solid #0072B2;outline-offset:2px}
caption{text-align:left;color:#5f6368;font-size:0.85em;padding-bottom:0.3em}
.small{font-size:0.85em;color:#5f6368}
@media (max-width:600px){body{margin:1em auto;padding:0 0.8em}
 table,thead,tbody,tr,th,td{display:block}thead{position:absolute;left:-9999px}
 tr{border-bottom:1px solid #d9d9de;padding:0.4em 0}td{border:0;padding:0.15em 0}}
"""


def read_manifests(reports: Path) -> list[dict]:
    manifests = []
    for path in sorted(reports.glob("*.json")):
        try:
            meta = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(meta, dict) and {"name", "title", "files"} <= set(meta):
            manifests.append(meta)
    return sorted(manifests, key=lambda m: (m.get("start", ""), m["name"]))


def readable_time(stamp: str) -> str:
    """'2024-10-09T12:00:05Z' -> '2024-10-09 12:00'; anything else unchanged."""
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}):\d{2}Z", stamp or "")
    return f"{match.group(1)} {match.group(2)}" if match else str(stamp)


def index_html(manifests: list[dict]) -> str:
    esc = html.escape
    rows = []
    for m in manifests:
        links = " · ".join(
            f'<a href="{esc(m["files"][kind])}">{label}</a>'
            for kind, label in (("html", "HTML"), ("pdf", "PDF"), ("ipynb", "notebook"))
            if kind in m["files"])
        rows.append(
            f'<tr><th scope="row" class="t">{esc(m["title"])}</th>'
            f'<td>{esc(m.get("start", ""))} – {esc(m.get("end", ""))}</td>'
            f'<td class="small">{esc(readable_time(m.get("built", "")))}<br>'
            f'git {esc(m.get("git", ""))}</td>'
            f"<td>{links}</td></tr>")
    body = "\n".join(rows) or '<tr><td colspan="4">No briefs built yet: run make report.</td></tr>'
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>trustbrief: briefs</title><style>{INDEX_CSS}</style></head><body>"
        "<main><h1>trustbrief briefs</h1><p class=\"dek\">Evidence-traced briefs on the "
        "relationship between two governments, each built from its story's articles (seeds/ "
        "or the corpus folder its story file names). Every figure cites its sources.</p>"
        "<table><caption>Every published brief: open it as a web page, a PDF or "
        "the executed notebook.</caption><thead><tr><th scope=\"col\">Brief</th>"
        "<th scope=\"col\">Period</th><th scope=\"col\">Built (UTC)</th>"
        "<th scope=\"col\">Open</th></tr>"
        f"</thead><tbody>\n{body}\n</tbody></table></main></body></html>\n")


def write_index(reports: Path) -> Path:
    out = reports / "index.html"
    safe_files.atomic_write_text(out, index_html(read_manifests(reports)))
    return out


# -- looking at a brief as a reader does ----------------------------------------------------

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--hide-scrollbars")


def screenshot(page: Path, png: Path, width: int = 1200, height: int = 3000,
               chromium: str = "chromium", figure: int | None = None) -> Path:
    """A PNG of a page in headless Chromium (offline), e.g. for the README.

    With `figure`, only that figure (0-based), after its chart turned interactive."""
    import subprocess
    import tempfile

    png.parent.mkdir(parents=True, exist_ok=True)
    if figure is not None:
        return _figure_screenshot(page, png, width, figure, chromium)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
             f"--window-size={width},{height}", "--virtual-time-budget=4000",
             f"--screenshot={png.resolve()}", page.resolve().as_uri()],
            check=True, capture_output=True, timeout=120)
    return png


def open_offline_page(pw, page: Path, width: int, chromium: str = "chromium"):
    """Debian's Chromium through playwright, with every request but file: refused, on `page`.
    Returns (browser, tab); the caller closes the browser."""
    import shutil as _shutil

    browser = pw.chromium.launch(executable_path=_shutil.which(chromium) or chromium,
                                 args=["--no-sandbox", "--disable-gpu"])
    tab = browser.new_page(viewport={"width": width, "height": 1200})
    tab.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:")
              else r.abort())
    tab.goto(page.resolve().as_uri())
    return browser, tab


def _figure_screenshot(page: Path, png: Path, width: int, figure: int, chromium: str) -> Path:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser, tab = open_offline_page(pw, page, width, chromium)
        tab.wait_for_function("() => [...document.querySelectorAll('.tb-chart')]"
                              ".every(c => c.dataset.interactive)", timeout=15000)
        tab.locator("figure.tb-figure").nth(figure).screenshot(path=str(png))
        browser.close()
    return png
