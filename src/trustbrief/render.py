"""Render briefs: papermill executes the notebook, nbconvert makes offline HTML,
WeasyPrint makes the PDF, and publishing into reports/ is atomic.

A brief is built in build/<name>/ and its files are moved into reports/ only
when every step succeeded, so a failed build never replaces a good brief.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from trustbrief import audit_notebook, progress, provenance, safe_files, toc
from trustbrief.briefs import Brief
from trustbrief.cleaning import escape_controls
from trustbrief.kernels import project_kernel
from trustbrief.site import (  # noqa: F401 - render's public names
    index_html,
    read_manifests,
    readable_time,
    screenshot,
    write_index,
)

TEMPLATE_DIR = Path(__file__).parent / "templates"
TEMPLATE_NAME = "trustbrief"
BRIEF_SUFFIXES = (".html", ".pdf", ".ipynb", ".json")
ANSI_RE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# build/<brief name>.<random>/: a build's private folder (tempfile.mkdtemp)
PRIVATE_BUILD_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,79}\.[A-Za-z0-9_]{8}$")


@dataclass(frozen=True)
class Paths:
    """Where a build reads from and writes to (all absolute)."""

    root: Path
    notebook: Path
    processed: Path
    reports: Path
    build: Path

    @classmethod
    def from_root(cls, root: Path | str, notebook: str = "notebooks/brief.ipynb") -> Paths:
        root = Path(root).resolve()
        return cls(root=root, notebook=root / notebook, processed=root / "data" / "processed",
                   reports=root / "reports", build=root / "build")


class BuildError(RuntimeError):
    """A brief could not be built; the message says where and why."""


def say(message: str) -> None:
    """Progress and errors on stderr; control characters (from a notebook's output or an
    article) escaped, never obeyed by the terminal."""
    print(escape_controls(message), file=sys.stderr, flush=True)


# -- inputs and skipping -----------------------------------------------------------------

def _input_files(paths: Paths) -> list[Path]:
    files = [paths.notebook]
    files += sorted(paths.processed.glob("*.csv")) + sorted(paths.processed.glob("*.json"))
    files += sorted(Path(__file__).parent.rglob("*.py"))
    files += sorted(TEMPLATE_DIR.rglob("*.*"))
    return [f for f in files if f.is_file()]


def inputs_digest(brief: Brief, paths: Paths) -> str:
    """Hash of everything a brief depends on, so an unchanged brief is not rebuilt."""
    digest = hashlib.sha256(json.dumps(brief.params, sort_keys=True).encode())
    for path in _input_files(paths):
        # Names relative to a stable base, so a moved checkout keeps its digests.
        name = (path.relative_to(paths.root) if path.is_relative_to(paths.root)
                else path.relative_to(Path(__file__).parent)
                if path.is_relative_to(Path(__file__).parent) else path.name)
        digest.update(str(name).encode())
        digest.update(provenance.sha256_file(path).encode())
    return digest.hexdigest()


def is_up_to_date(brief: Brief, paths: Paths, digest: str) -> bool:
    manifest = paths.reports / f"{brief.name}.json"
    if not manifest.exists():
        return False
    try:
        meta = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(meta, dict) or meta.get("inputs_digest") != digest:
        return False
    try:  # the published files must still be the ones this manifest describes
        return meta.get("sha256") == file_hashes(paths.reports, brief.name)
    except OSError:
        return False


# -- the three build steps -----------------------------------------------------------------

def execute_notebook(brief: Brief, paths: Paths, out: Path, build_time: str,
                     slot: int | None = None) -> None:
    """Run the notebook with papermill; raise BuildError naming the failing cell."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from trustbrief.kernels import LocalKernelManager

    # Relative to the notebook (its working folder), so no machine path enters the brief.
    processed = os.path.relpath(paths.processed, paths.notebook.parent)
    params = dict(brief.params, processed_dir=processed, build_time=build_time,
                  brief_name=brief.name)
    env_before = os.environ.get("TRUSTBRIEF_EMBED_BUNDLE")
    os.environ["TRUSTBRIEF_EMBED_BUNDLE"] = "0"  # the template carries the bundle once
    try:
        papermill.execute_notebook(
            str(paths.notebook), str(out), parameters=params, kernel_name=project_kernel(),
            cwd=str(paths.notebook.parent), log_output=False,
            progress_bar=progress.notebook_bar(f"  {brief.name}: notebook", slot),
            kernel_manager_class=LocalKernelManager)
    except PapermillExecutionError as exc:
        trace = "\n".join(ANSI_RE.sub("", line) for line in exc.traceback[-6:])
        raise BuildError(
            f"brief {brief.name!r}: cell {exc.cell_index} (execution {exc.exec_count}) failed: "
            f"{exc.ename}: {exc.evalue}\n{trace}\npartial executed notebook: {out}") from None
    except Exception as exc:  # a dead kernel, a timeout: the notebook did not finish
        raise BuildError(f"brief {brief.name!r}: the notebook did not finish "
                         f"({type(exc).__name__}: {exc}); partial executed notebook: {out}"
                         ) from None
    finally:
        if env_before is None:
            os.environ.pop("TRUSTBRIEF_EMBED_BUNDLE", None)
        else:
            os.environ["TRUSTBRIEF_EMBED_BUNDLE"] = env_before
    _strip_volatile_metadata(out)


def _strip_volatile_metadata(path: Path) -> None:
    """Drop per-run timings so two builds differ only in the stated build time."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    pm = nb.get("metadata", {}).get("papermill", {})
    for key in ("start_time", "end_time", "duration", "input_path", "output_path"):
        pm.pop(key, None)
    for cell in nb.get("cells", []):
        if "injected-parameters" in cell.get("metadata", {}).get("tags", []):
            cell["id"] = "injected-parameters"  # papermill gives it a random id per run
        cell.get("metadata", {}).pop("execution", None)
        cpm = cell.get("metadata", {}).get("papermill", {})
        for key in ("start_time", "end_time", "duration"):
            cpm.pop(key, None)
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def notebook_to_html(ipynb: Path, title: str) -> str:
    """Offline HTML with no code: the project template, setup cells removed."""
    import nbformat
    import vl_convert
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    nb = nbformat.read(str(ipynb), as_version=4)
    nb.metadata["title"] = title
    config = Config()
    config.TemplateExporter.exclude_input = True
    config.TemplateExporter.exclude_input_prompt = True
    config.TemplateExporter.exclude_output_prompt = True
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = {"remove_cell"}
    config.TagRemovePreprocessor.remove_input_tags = {"remove_input"}
    exporter = HTMLExporter(config=config, template_name=TEMPLATE_NAME,
                            extra_template_basedirs=[str(TEMPLATE_DIR)])
    resources = {
        "brief_css": (TEMPLATE_DIR / TEMPLATE_NAME / "brief.css").read_text(encoding="utf-8"),
        # Escape the one sequence that could end the inline <script> early.
        "vega_bundle": vl_convert.javascript_bundle().replace("</script", "<\\/script"),
    }
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return toc.add_table_of_contents(focusable_tables(body))


TABLE_TAG_RE = re.compile(r"<table\b(?![^>]*\btabindex=)")
SCRIPT_SPLIT_RE = re.compile(r"(<script\b[^>]*>.*?</script>)", re.S | re.I)


def focusable_tables(page: str) -> str:
    """Every table may scroll sideways on a phone: focusable, so a keyboard can scroll it
    too. Scripts are left alone (the chart library holds '<table' in its strings)."""
    parts = SCRIPT_SPLIT_RE.split(page)
    return "".join(part if i % 2 else TABLE_TAG_RE.sub('<table tabindex="0"', part)
                   for i, part in enumerate(parts))


STYLE_RE = re.compile(r"<style[^>]*>.*?</style>", re.S | re.I)
SCRIPT_RE = re.compile(r"<script[^>]*>.*?</script>", re.S | re.I)
OWN_CSS_MARK = "trustbrief brief:"


def print_version(html_text: str) -> str:
    """The brief's HTML for print: only our stylesheet (the JupyterLab one keeps every
    output on one page and lays them out with flexbox, which paginates badly) and no
    scripts (print shows the static SVG charts)."""
    html_text = STYLE_RE.sub(lambda m: m.group(0) if OWN_CSS_MARK in m.group(0) else "",
                             html_text)
    return SCRIPT_RE.sub("", html_text)


def html_to_pdf(html_text: str, out: Path, base_url: Path) -> None:
    """A4 PDF of the brief's print version, with the SVG fallbacks as charts; tagged (its
    headings, paragraphs, tables and figures in a structure tree) for screen readers."""
    import logging

    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    HTML(string=print_version(html_text), base_url=str(base_url)).write_pdf(
        str(out), pdf_tags=True)


# -- checking a build is complete -----------------------------------------------------------

def check_notebook_complete(ipynb: Path) -> None:
    """Raise BuildError unless papermill ran every code cell to the end without error."""
    nb = json.loads(ipynb.read_text(encoding="utf-8"))
    for index, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") != "code" or not "".join(cell.get("source", "")).strip():
            continue
        failed = cell.get("metadata", {}).get("papermill", {}).get("exception")
        if cell.get("execution_count") is None or failed or any(
                out.get("output_type") == "error" for out in cell.get("outputs", [])):
            raise BuildError(f"{ipynb.name}: cell {index} did not finish; nothing published")


def check_html_complete(page: str, name: str) -> None:
    if not page.rstrip().endswith("</html>") or "<body" not in page:
        raise BuildError(f"{name}.html is incomplete (no closing </html>); nothing published")


def check_pdf_complete(pdf: Path) -> None:
    data = pdf.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise BuildError(f"{pdf.name} is incomplete (no PDF header or trailer); "
                         "nothing published")


def file_hashes(folder: Path, name: str) -> dict[str, str]:
    """sha256 of each published file except the manifest (which records them)."""
    return {s.lstrip("."): provenance.sha256_file(folder / f"{name}{s}")
            for s in BRIEF_SUFFIXES if s != ".json"}


# -- building and publishing ----------------------------------------------------------------

def build_brief(brief: Brief, paths: Paths, force: bool = False) -> str:
    """Build one brief in a private folder and publish it; returns 'built' or 'up to date'.

    Call it under `safe_files.checkout_lock` (build_all does) so two builds never publish
    at once."""
    digest = inputs_digest(brief, paths)
    if not force and is_up_to_date(brief, paths, digest):
        say(f"  {brief.name}: up to date")
        return "up to date"
    work = Path(tempfile.mkdtemp(prefix=f"{brief.name}.", dir=safe_files.make_dirs(paths.build)))
    started = time.monotonic()
    build_time = provenance.build_time()
    _render_into(work, brief, paths, build_time)
    manifest = {
        "name": brief.name, "title": brief.title, "start": brief.params["start"],
        "end": brief.params["end"], "focus": brief.params["focus"], "built": build_time,
        "git": provenance.git_revision(paths.root), "inputs_digest": digest,
        "files": {s.lstrip("."): f"{brief.name}{s}" for s in BRIEF_SUFFIXES},
        "sha256": file_hashes(work, brief.name),
    }
    (work / f"{brief.name}.json").write_text(json.dumps(manifest, indent=2) + "\n",
                                             encoding="utf-8")
    try:
        publish(work, paths.reports, brief.name)
    except safe_files.OutputError as exc:
        raise BuildError(f"brief {brief.name!r}: {exc}; published briefs were left as they "
                         "were") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    say(f"  {brief.name}: published in {time.monotonic() - started:.1f} s "
        f"-> {paths.reports / (brief.name + '.html')}")
    return "built"


def _render_into(work: Path, brief: Brief, paths: Paths, build_time: str) -> None:
    """Notebook, HTML and PDF into `work`, each checked complete before the next step."""
    ipynb = work / f"{brief.name}.ipynb"
    say(f"  {brief.name}: executing notebook ...")
    execute_notebook(brief, paths, ipynb, build_time)
    check_notebook_complete(ipynb)
    say(f"  {brief.name}: rendering HTML ...")
    page = notebook_to_html(ipynb, brief.title)
    check_html_complete(page, brief.name)
    (work / f"{brief.name}.html").write_text(page, encoding="utf-8")
    say(f"  {brief.name}: rendering PDF ...")
    with progress.working(f"  {brief.name}: PDF"):
        html_to_pdf(page, work / f"{brief.name}.pdf", work)
    check_pdf_complete(work / f"{brief.name}.pdf")
    audit_notebook.make_readable_everywhere(ipynb)  # after the HTML: it needs the inline SVG


def publish(work: Path, reports: Path, name: str) -> None:
    """Move finished files into reports/ all or nothing: every file is staged (exclusive
    temporary files, mode 0644) before any is renamed into place; the manifest goes last."""
    with safe_files.StagedFiles() as staged:
        for suffix in BRIEF_SUFFIXES:  # .json last: it marks the brief complete
            staged.add(reports / f"{name}{suffix}", (work / f"{name}{suffix}").read_bytes())
    write_index(reports)


def sweep_stale_builds(paths: Paths) -> None:
    """Remove private build folders left by earlier failed or killed builds (under the lock,
    so none of them belongs to a running build)."""
    if paths.build.is_dir():
        for folder in paths.build.iterdir():
            if PRIVATE_BUILD_RE.match(folder.name) and folder.is_dir() \
                    and not folder.is_symlink():
                shutil.rmtree(folder, ignore_errors=True)


def build_all(briefs: list[Brief], paths: Paths, force: bool = False,
              jobs: int | None = None) -> int:
    """Build every brief, two at a time on a multi-core machine (each waits mostly on its
    own kernel); keep going after a failure and return the number that failed.

    The checkout's build lock is held throughout: a concurrent build waits, then finds its
    briefs up to date (or builds them after this one)."""
    if not paths.processed.joinpath("documents.csv").exists():
        raise BuildError(f"no processed tables in {paths.processed}: run `make data` first")
    with safe_files.checkout_lock(paths.build, "brief"):
        sweep_stale_builds(paths)
        outcomes = _build_each(briefs, paths, force, jobs)
        failures = [o for o in outcomes if isinstance(o, BuildError)]
        for failure in failures:
            say(f"error: {failure}")
        if "built" in outcomes or not (paths.reports / "index.html").exists():
            try:
                write_index(paths.reports)  # once more: parallel builds each rewrote it
            except safe_files.OutputError as exc:
                raise BuildError(str(exc)) from None
    return len(failures)


def _build_each(briefs: list[Brief], paths: Paths, force: bool,
                jobs: int | None) -> list[str | BuildError]:
    jobs = jobs or max(1, min(len(briefs), os.cpu_count() or 1, 2))
    if jobs == 1:
        return [_try_build(brief, paths, force) for brief in briefs]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(jobs) as pool:
        return list(pool.map(_try_build, briefs, [paths] * len(briefs), [force] * len(briefs)))


def _try_build(brief: Brief, paths: Paths, force: bool) -> str | BuildError:
    try:
        return build_brief(brief, paths, force=force)
    except BuildError as exc:
        return exc
