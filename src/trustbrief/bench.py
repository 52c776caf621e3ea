"""`make bench`: measure the pipeline on synthetic corpora of 100 to 10,000 articles.

The corpora are made deterministically (seeded) from the seeds' paragraphs:
recombined, with outlets, datelines and people varied (names swapped for other
people of the same side from the gazetteer), so clustering has real work to do.

Each size runs in its own process so its peak memory is its own. Prints per size:
wall time, articles/s, MB/s, peak memory and the number of events; then, per size, the
first default brief built from that corpus (build time, HTML MB, PDF pages: a brief must
not grow with the corpus); then the end-to-end `make report` times (cold and no-op) and
our time-expression pass against dateparser.search_dates on the same sentences. Writes
reports/bench/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from trustbrief.tables import write_table

ROOT = Path(__file__).resolve().parents[2]
SIZES = (100, 500, 1000, 10000)


# -- synthetic corpus ------------------------------------------------------------------------

def seed_paragraphs(seeds_dir: Path) -> list[str]:
    """Body paragraphs of the seeds (long lines), the material we recombine."""
    paragraphs = []
    for path in sorted(seeds_dir.iterdir()):
        if path.suffix not in (".txt", ".md"):
            continue
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if len(line.split()) >= 12:
                paragraphs.append(line.strip())
    return paragraphs


def people_by_side(data_dir: Path) -> dict[str, list[str]]:
    """Surnames of the gazetteer's people, by side, to swap names within a side."""
    from trustbrief.knowledge import load_yaml
    from trustbrief.knowledge.story import story_gazetteer

    gazetteer = story_gazetteer(data_dir) or load_yaml(data_dir / "gazetteer.yaml") or {}
    actors = gazetteer.get("actors", gazetteer) if isinstance(gazetteer, dict) else gazetteer
    sides: dict[str, list[str]] = {}
    for actor in actors if isinstance(actors, list) else []:
        if isinstance(actor, dict) and actor.get("type") == "person" and actor.get("name"):
            sides.setdefault(str(actor.get("side", "other")), []).append(str(actor["name"]))
    return sides


def outlet_domains(data_dir: Path) -> list[str]:
    from trustbrief.knowledge import load_yaml

    outlets = load_yaml(data_dir / "outlets.yaml") or {}
    entries = outlets.get("outlets", []) if isinstance(outlets, dict) else outlets
    domains = []
    for entry in entries if isinstance(entries, list) else []:
        for domain in (entry.get("domains") or []) if isinstance(entry, dict) else []:
            domains.append(str(domain))
    return sorted(set(domains)) or ["example.com"]


def make_corpus(n: int, out: Path, seeds_dir: Path = ROOT / "seeds",
                data_dir: Path = ROOT / "data", seed: int = 7) -> int:
    """Write n synthetic articles into out/; returns the total bytes written."""
    out.mkdir(parents=True, exist_ok=True)
    articles = list(_articles(n, seeds_dir, data_dir, seed))
    for i, article in enumerate(articles):
        (out / f"{i:05d}.txt").write_text(article, encoding="utf-8")
    return sum(len(article.encode("utf-8")) for article in articles)


def new_article(n: int, seeds_dir: Path = ROOT / "seeds", data_dir: Path = ROOT / "data",
                seed: int = 7) -> str:
    """One more article of the story, new to make_corpus(n, seed=seed)'s corpus: the last
    of n + 1 drawn with the next seed (the same seed's may be a near copy of another)."""
    *_, last = _articles(n + 1, seeds_dir, data_dir, seed + 1)
    return last


def _articles(n: int, seeds_dir: Path, data_dir: Path, seed: int):
    """The n synthetic articles' texts, in order."""
    rng = random.Random(seed)
    paragraphs = seed_paragraphs(seeds_dir)
    sides = people_by_side(data_dir)
    domains = outlet_domains(data_dir)
    swaps = [(name, side) for side, names in sides.items() for name in names if len(names) > 1]
    start = dt.date(2024, 9, 1)
    for i in range(n):
        body = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(4, 9)))
        text = "\n\n".join(body)
        # Swap a few people for others of the same side: new, distinct events to cluster.
        for name, side in rng.sample(swaps, k=min(len(swaps), 2)):
            other = rng.choice([p for p in sides[side] if p != name])
            text = re.sub(rf"\b{re.escape(name.split()[-1])}\b", other.split()[-1], text)
        day = start + dt.timedelta(days=rng.randint(0, 60))
        headline = body[0].split(".")[0][:90]
        domain = rng.choice(domains)
        yield (f"{headline}\n\nPublished on {day:%B} {day.day}, {day.year}\n\n{text}\n\n"
               f"Content retrieved from: https://www.{domain}/news/{i:05d}.\n")


# -- measurements ------------------------------------------------------------------------------

def run_one(seeds_dir: Path, cache: Path | None = None) -> dict:
    """Extraction + events on one corpus, in this process (called in a child process), with
    the parse, extraction and corpus caches in `cache`/parses, `cache`/rows and
    `cache`/records. The peak memory and
    the CPU seconds count the worker processes too; `load` is the 1-minute load average at
    the end (the machine may be shared: wall time then says little, CPU time more)."""
    import logging

    from trustbrief import pipeline

    logging.getLogger("trustbrief").setLevel(logging.ERROR)
    started, cpu_started = time.perf_counter(), _cpu_seconds()
    tables = pipeline.run(seeds_dir, ROOT / "data",
                          parse_cache=cache / "parses" if cache else None,
                          row_cache=cache / "rows" if cache else None,
                          record_cache=cache / "records" if cache else None)
    wall = time.perf_counter() - started
    peak_kib = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                   resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    timings = tables["_timings"]
    stages = dict(zip(timings["stage"], timings["seconds"], strict=True))
    stages_cpu = dict(zip(timings["stage"], timings["cpu_seconds"], strict=True))
    parse = tables["_parse"].iloc[0]
    return {"wall_s": round(wall, 2), "cpu_s": round(_cpu_seconds() - cpu_started, 2),
            "load": round(os.getloadavg()[0], 1), "peak_mib": round(peak_kib / 1024, 1),
            "documents": int(len(tables["documents"])), "events": int(len(tables["events"])),
            "mentions": int(len(tables["mentions"])),
            "mentions_in_events": int((tables["mentions"]["event_id"] != "").sum()),
            "sentences": int(len(tables["sentences"])), "parsed": int(parse["parsed"]),
            "parsed_with_ner": int(parse["parsed_ner"]), "parse_cpu_s": float(parse["parse_s"]),
            "extract_cpu_s": float(parse["extract_s"]),
            "cached_documents": int(parse["cached"]),
            "parse_share": round(float(parse["parse_s"]) / max(float(parse["extract_s"]), 1e-9),
                                 3),
            "stages": stages, "stages_cpu": stages_cpu}


def _cpu_seconds() -> float:
    """User + system CPU seconds of this process and its finished children."""
    own, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                          resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _child(corpus_dir: Path, cache: Path) -> dict:
    """run_one in a new process; `process_s`: its whole wall time, start-up and imports
    included (what a user waits for)."""
    started = time.perf_counter()
    child = subprocess.run([sys.executable, "-m", "trustbrief.bench", "--run-one",
                            str(corpus_dir), "--cache", str(cache)], capture_output=True,
                           text=True)
    if child.returncode != 0:
        raise RuntimeError(child.stderr[-2000:])
    result = json.loads(child.stdout.strip().splitlines()[-1])
    return {**result, "process_s": round(time.perf_counter() - started, 2)}


def cached_runs(corpus_dir: Path, cache: Path) -> dict:
    """After a cold run: the same corpus again (nothing to parse), then with one added
    article, a copy of one already there (only it is parsed; its mentions are no event's:
    `one_added`), then with one more, new to the corpus (one that joins events: `one_new`)."""
    size = sum(1 for _ in corpus_dir.iterdir())
    again = _child(corpus_dir, cache)
    extra = sorted(corpus_dir.iterdir())[0].read_text(encoding="utf-8")
    (corpus_dir / "zz-added.txt").write_text(extra.replace("Published on", "Updated; published on",
                                                           1) + "\nOne more line.\n",
                                             encoding="utf-8")
    added = _child(corpus_dir, cache)
    (corpus_dir / "zz-new.txt").write_text(new_article(size), encoding="utf-8")
    new = _child(corpus_dir, cache)
    # stages_cpu: where a cached run's time goes (CPU s per stage; Python start-up, imports
    # and loading the knowledge are the rest of cpu_s)
    figures = {f"{name}_{key}": run[field] for name, run in (
        ("unchanged", again), ("one_added", added), ("one_new", new)) for key, field in (
        ("s", "wall_s"), ("cpu_s", "cpu_s"), ("process_s", "process_s"),
        ("parsed", "parsed"), ("stages_cpu", "stages_cpu"))}
    return {**figures, "one_added_extracted": added["documents"] - added["cached_documents"],
            "one_new_extracted": new["documents"] - new["cached_documents"],
            # the new article's mentions in events (the copy's are none)
            "one_new_joined": new["mentions_in_events"] - added["mentions_in_events"]}


def first_brief():
    """The first default brief (its period and focus pair come from the story's data)."""
    from trustbrief.briefs import load_briefs

    candidates = [ROOT / "data" / "briefs.yaml", *sorted(ROOT.glob("data/stories/*/briefs.yaml"))]
    return load_briefs(next(p for p in candidates if p.exists()))[0]


def brief_one(seeds_dir: Path) -> dict:
    """Extract a corpus and build its first default brief; the brief's size and build time.
    (Called in a child process; the brief is built in a scratch folder, never in reports/.)"""
    import logging

    from pypdf import PdfReader

    from trustbrief import pipeline, render

    logging.getLogger("trustbrief").setLevel(logging.ERROR)
    work = seeds_dir.parent / f"{seeds_dir.name}-brief"
    processed = work / "processed"
    tables = pipeline.run(seeds_dir, ROOT / "data")
    docs = tables["documents"]
    pipeline.write_outputs(tables, processed, pipeline.extraction_provenance(
        seeds_dir, ROOT / "data", list(zip(docs["file"], docs["sha256"], strict=True))))
    paths = render.Paths(root=ROOT, notebook=ROOT / "notebooks" / "brief.ipynb",
                         processed=processed, reports=work / "reports", build=work / "build")
    brief = first_brief()
    started = time.perf_counter()
    if render.build_all([brief], paths, force=True, jobs=1):  # under the checkout's lock
        raise RuntimeError(f"the brief {brief.name} failed to build (see above)")
    built = time.perf_counter() - started
    out = paths.reports / brief.name
    return {"brief_s": round(built, 1),
            "html_mb": round(out.with_suffix(".html").stat().st_size / 1e6, 2),
            "pdf_pages": len(PdfReader(str(out.with_suffix(".pdf"))).pages),
            "pdf_mb": round(out.with_suffix(".pdf").stat().st_size / 1e6, 2),
            "ipynb_mb": round(out.with_suffix(".ipynb").stat().st_size / 1e6, 2)}


def briefs_by_size(sizes: list[int], tmp: Path) -> list[dict]:
    """Brief size and build time per corpus size: a brief must not grow with the corpus."""
    rows = []
    for size in sizes:
        corpus_dir = tmp / f"corpus-{size}"
        child = subprocess.run([sys.executable, "-m", "trustbrief.bench", "--brief-one",
                                str(corpus_dir)], capture_output=True, text=True)
        if child.returncode != 0:
            print(child.stderr[-2000:], file=sys.stderr)
            rows.append({"articles": size, "brief_error": child.stderr[-300:]})
            continue
        row = {"articles": size, **json.loads(child.stdout.strip().splitlines()[-1])}
        print(f"{size:>6} articles: brief built in {row['brief_s']:>7.1f} s  HTML "
              f"{row['html_mb']:>6.2f} MB  PDF {row['pdf_pages']:>4} pages "
              f"({row['pdf_mb']:.2f} MB)  notebook {row['ipynb_mb']:.2f} MB", flush=True)
        rows.append(row)
    return rows


def timex_vs_dateparser(seeds_dir: Path, limit: int = 400) -> dict:
    """Our time-expression pass against dateparser.search_dates on the same sentences."""
    import warnings

    from trustbrief import corpus, timex
    from trustbrief.pipeline import Knowledge

    kb = Knowledge(ROOT / "data")  # the default story's sidecar (data/stories/NAME/)
    raw = corpus.read_seeds(seeds_dir, kb.rules)
    _, sentences = corpus.build_corpus(raw, kb.rules, kb.sidecar)
    sentences = sentences.head(limit)
    started = time.perf_counter()
    ours = timex.extract_time_expressions(sentences)
    ours_s = time.perf_counter() - started
    from dateparser.search import search_dates

    warnings.filterwarnings("ignore")
    started = time.perf_counter()
    found = 0
    for text in sentences["text"]:
        found += len(search_dates(text, languages=["en"]) or [])
    theirs_s = time.perf_counter() - started
    return {"sentences": len(sentences), "ours_s": round(ours_s, 4),
            "ours_found": int(len(ours)), "dateparser_s": round(theirs_s, 2),
            "dateparser_found": found, "speedup": round(theirs_s / max(ours_s, 1e-9), 1)}


def time_make_report() -> dict:
    """`make report` in a scratch copy of the project: cold (venv present) and no-op."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "project"
        shutil.copytree(ROOT, copy, symlinks=True, ignore=shutil.ignore_patterns(
            ".venv", "reports", "processed", "build", ".make", ".git", "__pycache__"))
        (copy / ".venv").symlink_to(ROOT / ".venv")
        (copy / "reports").mkdir(exist_ok=True)
        timings = {}
        for label in ("cold", "no-op"):
            started = time.perf_counter()
            result = subprocess.run(["make", "report"], cwd=copy, capture_output=True, text=True)
            timings[f"make_report_{label}_s"] = round(time.perf_counter() - started, 2)
            if result.returncode != 0:
                timings[f"make_report_{label}_error"] = result.stderr[-400:]
        return timings


def chart(results: pd.DataFrame, out: Path) -> None:
    import altair as alt
    import vl_convert

    base = alt.Chart(results).encode(
        x=alt.X("articles:Q", scale=alt.Scale(type="log"), title="articles (log scale)"),
        y=alt.Y("wall_s:Q", scale=alt.Scale(type="log"), title="seconds (log scale)"))
    spec = (base.mark_line(point=True) + base.mark_text(dy=-10).encode(text="wall_s:Q")).properties(
        width=420, height=240, title="Extraction + events: time against corpus size")
    (out / "bench.svg").write_text(vl_convert.vegalite_to_svg(spec.to_dict()), encoding="utf-8")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m trustbrief.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default="reports/bench", help="where to write bench.csv")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="corpus sizes")
    parser.add_argument("--run-one", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--skip-make", action="store_true", help="skip the make report timing")
    parser.add_argument("--cache", help=argparse.SUPPRESS)
    parser.add_argument("--skip-briefs", action="store_true",
                        help="skip building a brief per size (HTML size, PDF pages, time)")
    parser.add_argument("--brief-one", metavar="DIR", help=argparse.SUPPRESS)
    return parser


def _bench_size(size: int, tmp: Path) -> dict:
    """Extraction figures for one synthetic corpus size (cold, unchanged, one added, one new)."""
    corpus_dir = tmp / f"corpus-{size}"
    n_bytes = make_corpus(size, corpus_dir)
    print(f"{size:>6} articles ({n_bytes / 1e6:.1f} MB): running ...", flush=True)
    cache = tmp / f"caches-{size}"
    result = _child(corpus_dir, cache)
    result.update(cached_runs(corpus_dir, cache))
    row = {"articles": size, "mb": round(n_bytes / 1e6, 2), **result}
    row["articles_per_s"] = round(size / row["wall_s"], 1)
    row["mb_per_s"] = round(row["mb"] / row["wall_s"], 2)
    print(f"{size:>6} articles: cold {row['wall_s']:>7.2f} s ({row['cpu_s']} CPU s, load "
          f"{row['load']})  {row['articles_per_s']:>8.1f} articles/s  {row['mb_per_s']:>6.2f} "
          f"MB/s  peak {row['peak_mib']:>7.1f} MiB  {row['events']:>6} events  parse share "
          f"{row['parse_share']:.0%} of extraction CPU ({row['parsed']} sentences parsed, "
          f"{row['parsed_with_ner']} with NER)  unchanged "
          f"{row['unchanged_s']} s ({row['unchanged_cpu_s']} CPU s, {row['unchanged_parsed']} "
          f"parsed)  one added {row['one_added_s']} s ({row['one_added_cpu_s']} CPU s, "
          f"{row['one_added_process_s']} s with start-up; {row['one_added_parsed']} parsed, "
          f"{row['one_added_extracted']} extracted: a copy)  one new {row['one_new_s']} s "
          f"({row['one_new_cpu_s']} CPU s, {row['one_new_process_s']} s with start-up; "
          f"{row['one_new_parsed']} parsed, {row['one_new_joined']} mentions joined events)"
          f"   stages (wall s) {row['stages']} (CPU s) "
          f"{row['stages_cpu']}; unchanged (CPU s) {row['unchanged_stages_cpu']}; one added "
          f"(CPU s) {row['one_added_stages_cpu']}; one new (CPU s) "
          f"{row['one_new_stages_cpu']}", flush=True)
    return row


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.run_one:
        cache = Path(args.cache) if args.cache else None
        print(json.dumps(run_one(Path(args.run_one), cache)))
        return 0
    if args.brief_one:
        print(json.dumps(brief_one(Path(args.brief_one))))
        return 0
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        try:
            rows = [_bench_size(size, Path(tmp)) for size in sizes]
        except RuntimeError as err:
            print(err, file=sys.stderr)
            return 1
        baseline = timex_vs_dateparser(Path(tmp) / f"corpus-{min(sizes)}")
        brief_rows = [] if args.skip_briefs else briefs_by_size(sizes, Path(tmp))
    print(f"time expressions on {baseline['sentences']} sentences: ours {baseline['ours_s']} s, "
          f"dateparser.search_dates {baseline['dateparser_s']} s -> {baseline['speedup']}x faster")
    results = pd.DataFrame(rows)
    if brief_rows:
        results = results.merge(pd.DataFrame(brief_rows), on="articles", how="left")
    extra = {} if args.skip_make else time_make_report()
    for key, value in extra.items():
        print(f"{key}: {value}")
    for column in ("stages", "stages_cpu", "unchanged_stages_cpu", "one_added_stages_cpu",
                   "one_new_stages_cpu"):
        results[column] = results[column].map(json.dumps)
    write_table(results, out / "bench.csv")  # the same spreadsheet-safe CSV as every table
    (out / "baseline.json").write_text(json.dumps({**baseline, **extra}, indent=2) + "\n")
    chart(results, out)
    print(f"wrote {out}/bench.csv, {out}/bench.svg, {out}/baseline.json")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
