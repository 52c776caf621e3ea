"""`python -m trustbrief evaluate`: extract every labelled corpus, score it, write the table.

I/O lives here; the scoring itself is in scoring.py (pure functions over frames).
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from trustbrief.evaluation.gold import GoldCorpus, load_agency_synonyms, load_gold
from trustbrief.evaluation.scoring import (
    Score,
    predicted_events_verdicts,
    score_documents,
    score_events,
    summarise,
)
from trustbrief.tables import atomic_write_text, read_table, to_csv_text

log = logging.getLogger("trustbrief")

# The goals of issue 13 for every labelled corpus: measure -> (bound, direction).
GOALS = {"dates_right": (0.90, ">="), "outlets_right": (0.90, ">="),
         "events_found": (0.75, ">="), "precision": (0.85, ">="),
         "precision_strict": (0.85, ">="), "fragments": (1.2, "<=")}
# Columns of the printed table, in order, with their headings.
COLUMNS = (("corpus", "corpus"), ("documents", "docs"), ("dates_right", "dates right"),
           ("dates_wrong", "dates wrong (one day)"), ("dates_range", "honest date ranges"),
           ("range_days", "range days (median)"),
           ("outlets_right", "outlets right"), ("origins_right", "origins right"),
           ("events_found", "gold events found"), ("fragments", "fragments/event"),
           ("precision", "precision (dated)"),
           ("precision_strict", "precision (strict: in the gold window)"),
           ("notice_right", "notice right"),
           ("seconds", "extract s"), ("story", "story"))


@dataclass
class CorpusResult:
    summary: dict
    documents: pd.DataFrame
    gold_events: pd.DataFrame
    predicted_events: pd.DataFrame
    notes: list[str] = field(default_factory=list)
    claims: pd.DataFrame | None = None  # the extracted claims (scored by --claims-sample)


def find_corpora(root: Path | str, names: list[str] | None = None) -> list[Path]:
    """Labelled corpus folders under root (articles/ + documents.csv + events.csv), sorted."""
    root = Path(root)
    if not root.is_dir():
        raise FileNotFoundError(f"corpora folder {root} does not exist")
    found = sorted(p for p in root.iterdir()
                   if (p / "articles").is_dir() and (p / "documents.csv").is_file()
                   and (p / "events.csv").is_file())
    if names:
        missing = sorted(set(names) - {p.name for p in found})
        if missing:
            raise FileNotFoundError(f"no labelled corpus named {', '.join(missing)} in {root} "
                                    f"(found: {', '.join(p.name for p in found) or 'none'})")
        found = [p for p in found if p.name in names]
    return found


def extract_corpus(gold: GoldCorpus, data_dir: Path, with_urls: bool = True,
                   oracle_dates: bool = False, held_out: bool = False
                   ) -> tuple[dict[str, pd.DataFrame], float, str]:
    """Run the extraction pipeline on a corpus's articles, in this process, with the story
    whose articles folder it is (its pair, period, actors); returns the story's name too.

    with_urls: give the pipeline what an analyst keeps with a saved article, its address (the
    gold documents.csv `url`, as a sidecar with only file and url); never the gold outlet or
    date. Without it the pipeline sees the text alone.

    oracle_dates (a diagnostic, never the default): every document gets its GOLD publication
    day after the dating stage, so event scores show what extraction reaches if dating were
    perfect - an upper bound that separates extraction errors from dating errors.

    held_out: read the corpus as one the project has never seen is read: the story file
    written for its folder is set aside, so its pair's other declared story (the default
    one first) or else a story inferred from the articles stands in (knowledge
    .inferred_story) - what `make evaluate` measures of a new corpus dropped beside these."""
    from trustbrief import pipeline
    from trustbrief.knowledge.inferred_story import story_for_folder
    from trustbrief.knowledge.story import story_for_articles
    from trustbrief.knowledge.world import load_world

    started = time.perf_counter()
    story, how = story_for_articles(data_dir, gold.articles), ""
    if story is None or held_out:
        ignore = frozenset({story.name}) if story is not None else frozenset()
        story, how = story_for_folder(data_dir, gold.articles, load_world(data_dir), gold.name,
                                      ignore)
        log.warning("%s: no story in %s/stories/ has this articles folder; its articles are "
                    "about %s: extracting with %s", gold.name, data_dir,
                    " and ".join(story.pair) if story else "no two countries",
                    f"the story {story.name!r}" if how == "declared" else
                    "a story inferred from them" if story else "the default story")
    if story is not None:  # evaluate gives the addresses itself (with_urls), or none
        story = dataclasses.replace(story, addresses=None)
    with _quiet(log):
        knowledge = pipeline.Knowledge(data_dir, story)
        if with_urls and "url" in gold.documents.columns:
            knowledge.sidecar = url_sidecar(gold)
        with _gold_publication_dates(gold) if oracle_dates else contextlib.nullcontext():
            tables = pipeline.run(gold.articles, data_dir, knowledge=knowledge)
    name = story.name if story is not None else ""
    name += f" ({how} story of the pair its articles name)" if how else ""
    return tables, time.perf_counter() - started, name


def url_sidecar(gold: GoldCorpus) -> pd.DataFrame:
    """file + url of every gold document, every other sidecar column empty."""
    from trustbrief.corpus import address_sidecar

    return address_sidecar(gold.documents["file"], gold.documents["url"])


@contextlib.contextmanager
def _gold_publication_dates(gold: GoldCorpus):
    """The dating stage, followed by the gold day for every document (oracle diagnostic)."""
    from trustbrief import dating

    real = dating.infer_publication_dates
    gold_day = dict(zip(gold.documents["file"].astype(str),
                        gold.documents["published"].astype(str), strict=True))

    def with_gold_days(documents, *args, **kwargs):
        docs = real(documents, *args, **kwargs).copy()
        days = docs["file"].astype(str).map(gold_day).fillna("")
        known = days != ""
        for column in ("published", "published_earliest", "published_latest"):
            docs.loc[known, column] = days[known]
        docs.loc[known, "published_basis"] = "sidecar"
        docs.loc[known, "published_evidence"] = "gold publication date (oracle diagnostic)"
        return docs

    dating.infer_publication_dates = with_gold_days
    try:
        yield
    finally:
        dating.infer_publication_dates = real


@contextlib.contextmanager
def _quiet(logger: logging.Logger):
    """The pipeline's per-article warnings are for analysts; the benchmark prints scores."""
    level = logger.level
    if logger.getEffectiveLevel() <= logging.INFO and logger.level != logging.NOTSET:
        yield  # verbose (-v): the analyst asked to see them
        return
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def read_predictions(folder: Path) -> dict[str, pd.DataFrame]:
    """Tables written earlier by `python -m trustbrief extract --out FOLDER` (claims if any)."""
    names = ["documents", "events"] + (["claims"] if (folder / "claims.csv").is_file() else [])
    return {name: read_table(folder / f"{name}.csv") for name in names}


def evaluate_corpus(gold: GoldCorpus, tables: dict[str, pd.DataFrame],
                    synonyms: dict[str, str], seconds: float | None = None) -> CorpusResult:
    documents = score_documents(gold, tables["documents"], synonyms)
    per_gold, pairs, event_scores = score_events(gold, tables["events"])
    summary = summarise(gold.name, documents, event_scores)
    summary["seconds"] = round(seconds, 1) if seconds is not None else None
    return CorpusResult(summary, documents, per_gold,
                        predicted_events_verdicts(tables["events"], pairs),
                        claims=tables.get("claims"))


def cell(value) -> str:
    if isinstance(value, Score):
        return "n/a" if value.share is None else \
            f"{value.right}/{value.total} ({100 * value.share:.0f} %)"
    if value is None:
        return "n/a"
    return str(value)


def meets_goal(measure: str, value) -> bool | None:
    if measure not in GOALS or value is None:
        return None
    bound, direction = GOALS[measure]
    number = value.share if isinstance(value, Score) else value
    if number is None:
        return None
    return number >= bound if direction == ">=" else number <= bound


def markdown_table(summaries: list[dict]) -> str:
    """The evaluation table; a measure that misses its goal is marked with a '✗'."""
    head = "| " + " | ".join(title for _, title in COLUMNS) + " |"
    rule = "|" + "|".join("---" for _ in COLUMNS) + "|"
    lines = [head, rule]
    for row in summaries:
        cells = []
        for key, _ in COLUMNS:
            text = cell(row.get(key))
            if meets_goal(key, row.get(key)) is False:
                text += " ✗"
            cells.append(text)
        lines.append("| " + " | ".join(cells) + " |")
    goals = ", ".join(f"{k.replace('_', ' ')} {d} {b:g}" if k == "fragments" else
                      f"{k.replace('_', ' ')} {d} {100 * b:.0f} %"
                      for k, (b, d) in GOALS.items())
    return "\n".join(lines) + f"\n\nGoals (issue 13): {goals}; ✗ marks a miss.\n"


def flat_rows(summaries: list[dict]) -> pd.DataFrame:
    """The table as CSV-friendly columns: each Score as right, total and share."""
    rows = []
    for row in summaries:
        flat = {}
        for key, value in row.items():
            if isinstance(value, Score):
                flat[f"{key}_right"], flat[f"{key}_total"] = value.right, value.total
                flat[key] = None if value.share is None else round(value.share, 4)
            else:
                flat[key] = value
        rows.append(flat)
    return pd.DataFrame(rows)


def chart(summaries: list[dict]):
    """Bars of every share measure per corpus, with the goal as a tick."""
    import altair as alt

    measures = [k for k, _ in COLUMNS if k in GOALS and k != "fragments"] + ["notice_right",
                                                                            "origins_right"]
    rows = [{"corpus": s["corpus"], "measure": m.replace("_", " "),
             "share": s[m].share, "goal": GOALS.get(m, (None,))[0]}
            for s in summaries for m in measures
            if isinstance(s.get(m), Score) and s[m].share is not None]
    data = alt.Data(values=rows)
    base = alt.Chart(data).encode(
        y=alt.Y("measure:N", title=None, sort=[m.replace("_", " ") for m in measures]))
    bars = base.mark_bar().encode(
        x=alt.X("share:Q", title="share right", scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%")),
        color=alt.Color("corpus:N", scale=alt.Scale(range=["#0072B2", "#E69F00", "#009E73",
                                                           "#CC79A7", "#56B4E9"])),
        yOffset="corpus:N")
    goals = base.mark_tick(color="black", thickness=2).encode(x="goal:Q")
    return (bars + goals).properties(
        width=420, title="trustbrief on labelled corpora (tick = goal)")


def write_report(results: list[CorpusResult], out_dir: Path) -> list[Path]:
    """Table (markdown, CSV), chart (SVG, PNG) and per-corpus detail tables."""
    summaries = [r.summary for r in results]
    written = {
        out_dir / "evaluation.md": "# trustbrief evaluation\n\n" + markdown_table(summaries),
        out_dir / "evaluation.csv": to_csv_text(flat_rows(summaries)),
    }
    for result in results:
        folder = out_dir / result.summary.get("folder", result.summary["corpus"])
        written[folder / "documents.csv"] = to_csv_text(result.documents)
        written[folder / "gold_events.csv"] = to_csv_text(result.gold_events)
        written[folder / "predicted_events.csv"] = to_csv_text(result.predicted_events)
    for path, text in written.items():
        atomic_write_text(path, text)
    paths = list(written)
    try:
        import vl_convert

        spec = chart(summaries).to_json()
        atomic_write_text(out_dir / "evaluation.svg", vl_convert.vegalite_to_svg(spec))
        (out_dir / "evaluation.png").write_bytes(vl_convert.vegalite_to_png(spec, scale=2))
        paths += [out_dir / "evaluation.svg", out_dir / "evaluation.png"]
    except ImportError:  # the table is the result; the chart is a convenience
        log.warning("vl-convert is not installed: no chart written")
    return paths


def evaluate(corpora_root: Path, data_dir: Path, out_dir: Path, names: list[str] | None = None,
             predictions: Path | None = None, with_urls: bool = True,
             oracle_dates: bool = False, held_out: bool = False) -> list[CorpusResult]:
    """Score every labelled corpus; with `predictions`, read FOLDER/NAME/*.csv instead of
    extracting (e.g. tables written by another checkout). oracle_dates, held_out: see
    extract_corpus;
    the corpus column then says so, since the scores are an upper bound, not a result."""
    synonyms = load_agency_synonyms(data_dir)
    results = []
    for folder in find_corpora(corpora_root, names):
        gold = load_gold(folder)
        story = ""
        if predictions is not None:
            tables, seconds = read_predictions(predictions / gold.name), None
        else:
            tables, seconds, story = extract_corpus(gold, data_dir, with_urls, oracle_dates,
                                                    held_out)
        result = evaluate_corpus(gold, tables, synonyms, seconds)
        if oracle_dates and predictions is None:
            result.summary["folder"] = gold.name
            result.summary["corpus"] += " [oracle dates: upper bound]"
        result.summary["story"] = story
        results.append(result)
    write_report(results, out_dir)
    return results


def claims_line(results: list[CorpusResult], sample: Path, out_dir: Path) -> str:
    """Score the claims of the corpora evaluated against a hand-labelled sample (claims.py)."""
    from trustbrief.evaluation.claims import report_claims

    claims = {r.summary.get("folder", r.summary["corpus"]): r.claims for r in results
              if r.claims is not None}
    return report_claims(sample, claims, out_dir)
