"""Command line: `python -m trustbrief COMMAND --help`.

Heavy libraries are imported inside the commands so `--help` and parameter
errors answer at once.
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import sys
import time
from pathlib import Path

ROOT = Path.cwd()


class _WarningFormatter(logging.Formatter):
    """'warning: ...' lines; control characters from articles are shown escaped (\\x1b),
    never obeyed by the terminal."""

    def format(self, record: logging.LogRecord) -> str:
        from trustbrief.cleaning import escape_controls

        prefix = {"WARNING": "warning", "ERROR": "error", "INFO": "info"}.get(
            record.levelname, record.levelname.lower())
        return f"{prefix}: {escape_controls(record.getMessage())}"


def _setup_logging(verbose: bool):
    """Warnings to stderr; many of one kind end in one summary line (progress.py)."""
    from trustbrief.progress import CurrentStderr, GroupedWarnings

    handler = CurrentStderr()
    handler.setFormatter(_WarningFormatter())
    grouped = GroupedWarnings(handler)
    log = logging.getLogger("trustbrief")
    log.handlers[:] = [grouped]
    log.setLevel(logging.INFO if verbose else logging.WARNING)
    log.propagate = False
    return grouped


def _extract_and_write(seeds: Path, data: Path, out: Path, focus, story) -> dict:
    """Run the pipeline and write its tables (the caller holds the checkout's build lock)."""
    from trustbrief import pipeline, progress

    tables = pipeline.run(seeds, data, focus=focus, knowledge=pipeline.Knowledge(data, story),
                          **pipeline.cache_folders(out))
    progress.summarise_warnings()  # warnings of one kind end in one line, before the totals
    parse = tables["_parse"].iloc[0]
    print(f"parsed {int(parse['parsed'])} sentences (the others of the {int(parse['sentences'])}"
          f" needed no parse or came from {out}/parses/); {int(parse['cached'])} of "
          f"{len(tables['documents'])} documents' rows came from {out}/rows/", file=sys.stderr)
    docs = tables["documents"]
    raw_files = list(zip(docs["file"], docs["sha256"], strict=True))
    prov = pipeline.extraction_provenance(seeds, data, raw_files, story,
                                          "->".join(focus) if focus else "")
    pipeline.write_outputs(tables, out, prov)
    return tables


def _story_of_folder(args: argparse.Namespace, default):
    """A folder no story file names is read as its articles' pair: that pair's declared story
    (its people, chronology and period) or else a story inferred from the articles (the pair
    alone), as `evaluate` reads a new corpus; the default story only when the articles name
    fewer than two countries. Says which on stderr."""
    from trustbrief.knowledge.inferred_story import story_for_folder
    from trustbrief.knowledge.world import load_world

    seeds, data = Path(args.seeds), Path(args.data)
    story, how = story_for_folder(data, seeds, load_world(data))
    if story is None:
        if default is not None:
            print(f"warning: the articles in {seeds}/ do not name two countries; they are read "
                  f"as the default story {default.name!r} (pair {default.focus}); for another "
                  f"story write {data}/stories/NAME.yaml and give --story NAME", file=sys.stderr)
        return default
    which = (f"the declared story {story.name!r} of that pair" if how == "declared" else
             f"a story inferred from them (the pair alone: no people, period or chronology; "
             f"write {data}/stories/NAME.yaml to declare them)")
    print(f"note: no story in {data}/stories/ names {seeds}/; its articles are about "
          f"{' and '.join(story.pair)}: reading them with {which}", file=sys.stderr)
    return story


def cmd_extract(args: argparse.Namespace) -> int:
    from trustbrief.briefs import story_of_args
    from trustbrief.knowledge.story import story_for_articles
    from trustbrief.safe_files import checkout_lock

    started = time.perf_counter()
    story = story_of_args(args)
    if args.story is None and args.seeds and Path(args.seeds).is_dir():
        # the story whose folder this is; else the story of the pair its articles are about
        story = story_for_articles(args.data, args.seeds) or _story_of_folder(args, story)
    if story is None and not (args.seeds and args.focus):
        print(f"error: {args.data}/stories/ has no default story: give --story NAME, or "
              "--seeds and --focus", file=sys.stderr)
        return 2
    seeds = Path(args.seeds) if args.seeds else story.articles
    out = Path(args.out) if args.out else story.processed
    data = Path(args.data)
    if not seeds.is_dir():
        print(f"error: articles folder {seeds} does not exist", file=sys.stderr)
        return 2
    label = f"story {story.name}: " if story is not None else ""
    focus = tuple(part.strip() for part in args.focus.split("->")) if args.focus else None
    with checkout_lock(Path(args.root) / "build", "extract"):
        print(f"extracting {label}{seeds}/ with the knowledge in {data}/ ...", file=sys.stderr)
        tables = _extract_and_write(seeds, data, out, focus, story)
    counts = ", ".join(f"{len(tables[name])} {name}" for name in
                       ("documents", "sentences", "mentions", "events", "claims", "trust_signals"))
    print(f"wrote {out}/ ({counts}) in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


def cmd_brief(args: argparse.Namespace) -> int:
    from trustbrief.briefs import BriefParamError, briefs_from_args, story_of_args
    from trustbrief.knowledge import DataFileError

    try:
        briefs = briefs_from_args(args)
    except (BriefParamError, DataFileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.check:
        for brief in briefs:
            print(f"ok: {brief.name}: {brief.params}")
        return 0
    from trustbrief import render

    paths = render.Paths.from_root(args.root, notebook=args.notebook)
    story = story_of_args(args)
    if story is not None and not args.processed:
        paths = dataclasses.replace(paths, processed=story.processed.resolve())
    elif args.processed:
        paths = dataclasses.replace(paths, processed=Path(args.processed).resolve())
    print(f"building {len(briefs)} brief(s) into {paths.reports}/ ...", file=sys.stderr)
    try:
        failures = render.build_all(briefs, paths, force=args.force)
    except render.BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    index = paths.reports / "index.html"
    if failures:
        print(f"error: {failures} brief(s) failed; published briefs were left as they were",
              file=sys.stderr)
        return 1
    print(f"briefs are in {paths.reports}/ - open {index}", file=sys.stderr)
    return 0


def cmd_index(args: argparse.Namespace) -> int:
    from trustbrief import render

    out = render.write_index(Path(args.reports))
    print(f"wrote {out}", file=sys.stderr)
    return 0


def cmd_screenshot(args: argparse.Namespace) -> int:
    from trustbrief import render

    out = render.screenshot(Path(args.page), Path(args.png), args.width, args.height,
                            figure=args.figure)
    print(f"wrote {out}", file=sys.stderr)
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from trustbrief.briefs import story_briefs
    from trustbrief.knowledge import DataFileError
    from trustbrief.knowledge.story import load_stories
    from trustbrief.pipeline import Knowledge

    try:
        stories = load_stories(args.data)
        for story in stories.values() or [None]:
            _ = Knowledge(args.data, story).lexicons  # every story with the shared knowledge
            if story is not None and (story.briefs or story.companion("briefs.yaml")):
                story_briefs(story)
    except DataFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"ok: every data file in {args.data}/ is valid ({len(stories)} stories)",
          file=sys.stderr)
    return 0


def cmd_docs(args: argparse.Namespace) -> int:
    from trustbrief.contract.docs import with_contract

    page = Path(args.page)
    current = page.read_text(encoding="utf-8")
    wanted = with_contract(current)
    if args.check:
        if wanted != current:
            print(f"{page} is stale: run `python -m trustbrief docs`", file=sys.stderr)
            return 1
        print(f"{page} matches the contract", file=sys.stderr)
        return 0
    if wanted != current:
        page.write_text(wanted, encoding="utf-8")
    print(f"wrote {page}", file=sys.stderr)
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from trustbrief.evaluation import run

    corpora, out = Path(args.corpora), Path(args.out)
    predictions = Path(args.predictions) if args.predictions else None
    try:
        results = run.evaluate(corpora, Path(args.data), out, names=args.corpus or None,
                               predictions=predictions, with_urls=not args.text_only,
                               oracle_dates=args.oracle_dates, held_out=args.held_out)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not results:
        print(f"error: no labelled corpus (articles/, documents.csv, events.csv) in {corpora}",
              file=sys.stderr)
        return 2
    print(run.markdown_table([r.summary for r in results]))
    if args.claims_sample:
        print(run.claims_line(results, Path(args.claims_sample), out))
    print(f"wrote {out}/ (evaluation.md, evaluation.csv, evaluation.svg, per-corpus details)",
          file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m trustbrief",
        description="Turn news articles about a bilateral relationship into evidence tables "
                    "and HTML/PDF briefs.")
    parser.add_argument("-v", "--verbose", action="store_true", help="print progress details")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_extract(sub)
    _add_evaluate(sub)
    _add_brief(sub)
    _add_tools(sub)
    _add_docs(sub)
    return parser


def _add_extract(sub) -> None:
    p = sub.add_parser("extract", help="seeds -> processed tables (CSV + datapackage.json)",
                       description="Read every article in SEEDS, extract documents, sentences, "
                                   "mentions, events, claims, trust signals and metrics, and "
                                   "write them as CSV tables with a datapackage.json.")
    p.add_argument("--story", metavar="NAME",
                   help="story of data/stories/NAME.yaml (default: the default story)")
    p.add_argument("--seeds", help="folder of articles (default: the story's articles)")
    p.add_argument("--out", help="output folder (default: the story's processed folder, "
                                 "data/processed for the default story)")
    p.add_argument("--data", default="data", help="knowledge data files (default: data)")
    p.add_argument("--focus", help="focus pair OBSERVER->SUBJECT (default: the story's pair)")
    p.add_argument("--root", default=".",
                   help="checkout whose build lock (build/) is held while extracting")
    p.set_defaults(func=cmd_extract)


def _add_evaluate(sub) -> None:
    p = sub.add_parser("evaluate", help="score extraction on labelled corpora (benchmark)",
                       description="Extract every labelled corpus in CORPORA (folders with "
                                   "articles/, documents.csv, events.csv), score dates, outlets, "
                                   "events and notice against the gold, print the table and "
                                   "write it with a chart and per-corpus details to OUT.")
    p.add_argument("--corpora", default="../shared/corpora",
                   help="folder of labelled corpora (default: ../shared/corpora)")
    p.add_argument("--corpus", action="append", metavar="NAME", help="only this corpus (repeat)")
    p.add_argument("--data", default="data", help="knowledge data files (default: data)")
    p.add_argument("--out", default="reports/evaluation",
                   help="output folder (default: reports/evaluation)")
    p.add_argument("--predictions", metavar="FOLDER",
                   help="score tables already extracted into FOLDER/NAME/ instead of extracting")
    p.add_argument("--text-only", action="store_true",
                   help="extract from the article texts alone (default: the gold url of each "
                        "file is given as the analyst's sidecar, never its outlet or date)")
    p.add_argument("--oracle-dates", action="store_true",
                   help="diagnostic upper bound, not a result: every document gets its GOLD "
                        "publication date after dating (use another --out)")
    p.add_argument("--held-out", action="store_true", help="read each corpus as a never-seen "
                   "one: without the story file written for its folder")
    p.add_argument("--claims-sample", metavar="CSV", help="also score claim speakers against "
                   "this hand-labelled CSV (format: trustbrief.evaluation.claims)")
    p.set_defaults(func=cmd_evaluate)


def _add_brief(sub) -> None:
    p = sub.add_parser("brief", help="render briefs (HTML, PDF, executed notebook) into reports/",
                       description="Build the briefs of a story (data/stories/), or one custom "
                                   "brief given by --title/--start/--end. Unchanged briefs are "
                                   "skipped; a failed build leaves reports/ untouched.")
    p.add_argument("--story", metavar="NAME",
                   help="build this story's briefs from its tables (default: the default story)")
    p.add_argument("--briefs", help="brief definitions file (default: the story's briefs)")
    p.add_argument("--data", default="data", help="knowledge data files (default: data)")
    p.add_argument("--processed", help="processed tables (default: the story's)")
    p.add_argument("--name", help="build only this brief (or name the custom brief)")
    p.add_argument("--title", help="custom brief: title")
    p.add_argument("--start", help="custom brief: first day, YYYY-MM-DD")
    p.add_argument("--end", help="custom brief: last day, YYYY-MM-DD")
    p.add_argument("--param", action="append", metavar="NAME=VALUE",
                   help="custom brief: any other notebook parameter (repeatable)")
    p.add_argument("--root", default=".", help="project root (default: current folder)")
    p.add_argument("--notebook", default="notebooks/brief.ipynb", help="notebook to execute")
    p.add_argument("--force", action="store_true", help="rebuild even if nothing changed")
    p.add_argument("--check", action="store_true", help="only validate the parameters")
    p.add_argument("--from-env", action="store_true",
                   help="custom brief from TRUSTBRIEF_TITLE, _START, _END, _NAME and _PARAMS "
                        "(how `make brief` passes them)")
    p.set_defaults(func=cmd_brief)


def _add_tools(sub) -> None:
    p = sub.add_parser("index", help="rewrite reports/index.html from the published briefs")
    p.add_argument("--reports", default="reports", help="reports folder (default: reports)")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("screenshot", help="PNG of a brief in headless Chromium (offline)")
    p.add_argument("page", help="an HTML brief")
    p.add_argument("png", help="where to write the PNG")
    p.add_argument("--width", type=int, default=1200)
    p.add_argument("--height", type=int, default=3000)
    p.add_argument("--figure", type=int, help="only this figure of the brief (0 = first)")
    p.set_defaults(func=cmd_screenshot)

    p = sub.add_parser("validate", help="check every analyst data file and report problems")
    p.add_argument("--data", default="data", help="analyst data files (default: data)")
    p.set_defaults(func=cmd_validate)


def _add_docs(sub) -> None:
    p = sub.add_parser("docs", help="regenerate the table section of docs/PIPELINE.md",
                       description="Rewrite the generated table section of PAGE from the data "
                                   "contract (src/trustbrief/contract/); with --check, only "
                                   "report whether PAGE is up to date.")
    p.add_argument("--page", default="docs/PIPELINE.md", help="the page (default: %(default)s)")
    p.add_argument("--check", action="store_true", help="exit 1 if PAGE is stale, write nothing")
    p.set_defaults(func=cmd_docs)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    warnings = _setup_logging(args.verbose)
    from trustbrief.knowledge import DataFileError
    from trustbrief.safe_files import OutputError

    try:
        return args.func(args)
    except DataFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OutputError as exc:  # a full disk, a read-only folder: no traceback, no litter
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    finally:
        warnings.summarise()


if __name__ == "__main__":
    raise SystemExit(main())
