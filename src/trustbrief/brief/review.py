"""Look at a brief as a reader does: a screenshot of every section of the HTML (headless
Chromium, network blocked) and a PNG of every PDF page (pdftoppm).

    python -m trustbrief.brief.review reports/NAME.html build/review/NAME

writes OUT/section-01-key-judgements.png ... and OUT/page-01.png ...; then open them. With
--build PROCESSED, the brief is first rendered from that folder of processed tables with
the parameters given (--title, --start, --end, --focus), into OUT.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

CHROMIUM = "chromium"
WIDTH = 1100


def section_screenshots(page: Path, out: Path, width: int = WIDTH) -> list[Path]:
    """One PNG per h1/h2 section: from its heading to the next one."""
    from playwright.sync_api import sync_playwright

    from trustbrief.site import open_offline_page

    out.mkdir(parents=True, exist_ok=True)
    shots = []
    with sync_playwright() as pw:
        browser, tab = open_offline_page(pw, page, width, CHROMIUM)
        tab.wait_for_function("() => [...document.querySelectorAll('.tb-chart')]"
                              ".every(c => c.dataset.interactive || c.dataset.error)",
                              timeout=30000)
        spans = tab.evaluate("""() => {
            const heads = [...document.querySelectorAll('h1, h2')];
            const end = document.body.scrollHeight;
            return heads.map((h, i) => ({
                name: h.id || h.textContent.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-'),
                top: h.getBoundingClientRect().top + window.scrollY,
                bottom: i + 1 < heads.length
                    ? heads[i + 1].getBoundingClientRect().top + window.scrollY : end}));
        }""")
        for n, span in enumerate(spans, 1):
            png = out / f"section-{n:02d}-{span['name'][:40]}.png"
            height = max(span["bottom"] - span["top"], 20)
            tab.screenshot(path=str(png), full_page=True, clip={
                "x": 0, "y": span["top"], "width": width, "height": height})
            shots.append(png)
        browser.close()
    return shots


def pdf_pages(pdf: Path, out: Path, dpi: int = 60) -> list[Path]:
    """Every page of the PDF as out/page-NN.png."""
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(out / "page")],
                   check=True, capture_output=True, timeout=300)
    return sorted(out.glob("page-*.png"))


def build(processed: Path, out: Path, params: dict) -> Path:
    """Render one brief from a folder of processed tables into out/; returns its HTML."""
    from trustbrief import render
    from trustbrief.briefs import Brief, validate_params

    root = Path(__file__).resolve().parents[3]
    name = params.pop("name")
    brief = Brief(name, validate_params(params))
    paths = render.Paths(root=root, notebook=root / "notebooks" / "brief.ipynb",
                         processed=processed, reports=out, build=out / "build")
    render.build_brief(brief, paths, force=True)
    return out / f"{name}.html"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("html", type=Path, help="the brief's HTML (its PDF sits beside it)")
    parser.add_argument("out", type=Path, help="folder for the PNGs")
    parser.add_argument("--build", type=Path, metavar="PROCESSED",
                        help="render the brief first, from this folder of processed tables")
    for name in ("title", "start", "end", "focus"):
        parser.add_argument(f"--{name}", default="")
    parser.add_argument("--width", type=int, default=WIDTH,
                        help=f"browser width in px (default {WIDTH}; 390 for a phone)")
    args = parser.parse_args(argv)
    html = args.html
    if args.build:
        params = {k: getattr(args, k) for k in ("title", "start", "end", "focus")
                  if getattr(args, k)}
        html = build(args.build, args.out, {"name": args.html.stem, **params})
    if not html.is_file():
        briefs = sorted(p.name for p in html.parent.glob("*.html")) if html.parent.is_dir() \
            else []
        parser.error(f"no brief at {html}" + (f" (there: {', '.join(briefs)})" if briefs else ""))
    shots = section_screenshots(html, args.out, args.width)
    pages = pdf_pages(html.with_suffix(".pdf"), args.out) if html.with_suffix(
        ".pdf").exists() else []
    print(f"{len(shots)} section screenshots and {len(pages)} PDF pages in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
