"""Brief definitions (data/briefs.yaml), parameter validation, and which briefs a command
line asks for (briefs_from_args: the `brief` command's selection, kept out of cli.py).

Parameters are checked here, before any kernel starts, so a typo costs a clear
message rather than a half-built brief.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

from trustbrief.cleaning import CONTROL_RE
from trustbrief.contract import Focus
from trustbrief.knowledge import DataFileError, load_yaml

NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$")

# The notebook's `parameters` cell defines exactly these (tests check it).
# name -> (kind, required in a definition, default)
PARAMETERS: dict[str, tuple[str, bool, object]] = {
    "title": ("text", True, None),
    "start": ("date", True, None),
    "end": ("date", True, None),
    "focus": ("focus", True, None),  # the story's pair, filled in from the story file
    "min_origins": ("int", False, 1),
    "crisis_start": ("date?", False, ""),
    "crisis_end": ("date?", False, ""),
}
# Set by the renderer, not by brief definitions.
RUNTIME_PARAMETERS = ("processed_dir", "build_time", "brief_name")


class BriefParamError(ValueError):
    """A brief definition or a command-line brief has an invalid parameter."""


@dataclass(frozen=True)
class Brief:
    name: str
    params: dict

    @property
    def title(self) -> str:
        return self.params["title"]


def _check_date(name: str, value, optional: bool) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    text = "" if value is None else str(value).strip()
    if not text and optional:
        return ""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise BriefParamError(f"{name}: {text!r} is not a date in YYYY-MM-DD form")
    try:
        dt.date.fromisoformat(text)
    except ValueError as exc:
        raise BriefParamError(f"{name}: {text!r} is not a real date ({exc})") from None
    return text


def validate_params(raw: dict) -> dict:
    """Return normalized parameters or raise BriefParamError with a readable reason."""
    unknown = sorted(set(raw) - set(PARAMETERS))
    if unknown:
        raise BriefParamError(
            f"unknown parameter(s): {', '.join(unknown)}; known: {', '.join(PARAMETERS)}")
    params = {}
    for name, (kind, required, default) in PARAMETERS.items():
        value = raw.get(name)
        if value is None or (isinstance(value, str) and not value.strip() and required):
            if required:
                raise BriefParamError(f"{name}: missing (required)")
            value = default
        if kind == "text":
            value = str(value).strip()
            if not value:
                raise BriefParamError(f"{name}: must not be empty")
            if len(value) > 200:
                raise BriefParamError(f"{name}: longer than 200 characters")
            if CONTROL_RE.search(value):
                raise BriefParamError(f"{name}: contains control or bidirectional characters")
        elif kind in ("date", "date?"):
            value = _check_date(name, value, optional=kind == "date?")
        elif kind == "int":
            try:
                value = int(str(value).strip())
            except ValueError:
                raise BriefParamError(f"{name}: {value!r} is not a whole number") from None
            if value < 1:
                raise BriefParamError(f"{name}: must be 1 or more, got {value}")
        elif kind == "focus":
            try:
                value = Focus.parse(value).format()
            except ValueError:
                raise BriefParamError(
                    f"{name}: {value!r} is not of the form 'OBSERVER->SUBJECT', e.g. 'A->B' "
                    "(how far A trusts B)") from None
        params[name] = value
    if params["end"] < params["start"]:
        raise BriefParamError(f"end {params['end']} is before start {params['start']}")
    crisis = (params["crisis_start"], params["crisis_end"])
    if bool(crisis[0]) != bool(crisis[1]):
        raise BriefParamError("crisis_start and crisis_end go together: give both or neither")
    if crisis[0] and crisis[1] < crisis[0]:
        raise BriefParamError(f"crisis_end {crisis[1]} is before crisis_start {crisis[0]}")
    return params


def validate_name(name: str) -> str:
    name = str(name).strip()
    if not NAME_RE.match(name):
        raise BriefParamError(
            f"name: {name!r} must be letters, digits, '-' or '_' (at most 80), "
            "starting with a letter or digit")
    if name.lower() in RESERVED_NAMES:
        raise BriefParamError(f"name: {name!r} is reserved for the site "
                              f"({', '.join(sorted(RESERVED_NAMES))}); choose another")
    return name


# File names in reports/ that a brief may not take (reports/index.html lists the briefs;
# reports/readme/ holds the README's screenshots). Compared without case, for file
# systems that ignore it.
RESERVED_NAMES = frozenset({"index", "readme"})


def check_custom_name(name: str, defaults: list[Brief]) -> str:
    """A custom brief's name: valid, not reserved, and not the name of one of the default
    briefs (`make report`'s): a custom brief never replaces one."""
    name = validate_name(name)
    if name.lower() in {b.name.lower() for b in defaults}:
        raise BriefParamError(
            f"name: {name!r} is a default brief of the story; a custom brief may not "
            "replace it: choose another NAME")
    return name


def slugify(title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return (slug or "brief")[:60].strip("-")


def load_briefs(path: Path | str, defaults: dict | None = None,
                entries: list | None = None) -> list[Brief]:
    """Read a briefs file (or `entries` of a story file at `path`); errors name the file, the
    brief and the problem. `defaults` fill parameters a brief leaves out (a story's focus)."""
    doc = load_yaml(path) if entries is None else {"briefs": entries}
    if not isinstance(doc, dict) or not isinstance(doc.get("briefs"), list) or not doc["briefs"]:
        raise DataFileError(path, "briefs", "expected a non-empty list under 'briefs:'")
    briefs, seen = [], set()
    for index, entry in enumerate(doc["briefs"], start=1):
        where = f"briefs[{index}]"
        if not isinstance(entry, dict):
            raise DataFileError(path, where, "each brief must be a mapping of parameters")
        entry = {**(defaults or {}), **entry}
        try:
            name = validate_name(entry.pop("name", ""))
            params = validate_params(entry)
        except BriefParamError as exc:
            raise DataFileError(path, f"{where} ({entry.get('title', '?')})", str(exc)) from None
        if name in seen:
            raise DataFileError(path, where, f"duplicate brief name {name!r}")
        seen.add(name)
        briefs.append(Brief(name, params))
    return briefs


def story_briefs(story) -> list[Brief]:
    """Every brief of a story (knowledge.story.Story): those in its file, then those in its
    companion briefs.yaml; each brief's focus is the story's pair unless it says otherwise."""
    defaults = {"focus": story.focus}
    briefs = load_briefs(story.path, defaults, list(story.briefs)) if story.briefs else []
    companion = story.companion("briefs.yaml")
    if companion is not None:
        briefs += load_briefs(companion, defaults)
    names = [b.name for b in briefs]
    duplicate = next((n for n in names if names.count(n) > 1), None)
    if duplicate:
        raise DataFileError(story.path, "briefs", f"duplicate brief name {duplicate!r}")
    return briefs


# `make brief` hands its parameters over in these environment variables, never as shell text.
ENV_PARAMETERS = {"title": "TRUSTBRIEF_TITLE", "start": "TRUSTBRIEF_START",
                  "end": "TRUSTBRIEF_END", "name": "TRUSTBRIEF_NAME",
                  "param": "TRUSTBRIEF_PARAMS", "story": "TRUSTBRIEF_STORY"}
MAKE_BRIEF_USAGE = 'usage: make brief START=YYYY-MM-DD END=YYYY-MM-DD TITLE="..." [NAME=...] ' \
    '[PARAMS="focus=A->B min_origins=2"]'


def options_from_env(args) -> None:
    """Fill a custom brief's command-line options (an argparse Namespace) from the
    TRUSTBRIEF_* variables `make brief` sets."""
    for option, variable in ENV_PARAMETERS.items():
        value = os.environ.get(variable, "")
        if option == "param":
            try:  # split like a shell would, without running anything
                args.param = shlex.split(value)
            except ValueError as exc:
                raise SystemExit(f"error: PARAMS: {exc}") from None
        elif value or option != "story":  # no STORY: the default story (or --story)
            setattr(args, option, value or None)
    if not (args.title and args.start and args.end):
        raise SystemExit(MAKE_BRIEF_USAGE)


# -- the briefs a command line asks for (`python -m trustbrief brief`, `make brief`) --------

def story_of_args(args):
    """The story named by --story, else the default story of --data (None if it has none)."""
    from trustbrief.knowledge.story import find_story

    return find_story(args.data, getattr(args, "story", None))


def _default_briefs(args, story) -> list:
    """The briefs `make report` builds (a custom brief may not take one of their names)."""
    if args.briefs:
        return load_briefs(args.briefs, {"focus": story.focus} if story else None)
    return story_briefs(story) if story is not None else []


def _custom_brief(args):
    story = story_of_args(args)
    raw = {"title": args.title, "start": args.start, "end": args.end}
    # the pair the tables were extracted for (--processed of a folder no story names) comes
    # before the default story's: a brief is never titled with another pair than its tables'
    focus = tables_focus(getattr(args, "processed", None)) or (story.focus if story else "")
    if focus:
        raw["focus"] = focus
    for extra in args.param or []:
        if "=" not in extra:
            raise SystemExit(f"error: --param {extra!r} is not NAME=VALUE")
        key, value = extra.split("=", 1)
        raw[key.strip()] = value
    params = validate_params(raw)
    name = check_custom_name(args.name or slugify(params["title"]), _default_briefs(args, story))
    return Brief(name, params)


def tables_focus(processed_dir) -> str:
    """The focus pair ('A->B') the provenance.json of processed tables records, '' if none."""
    path = Path(processed_dir) / "provenance.json" if processed_dir else None
    if path is None or not path.is_file():
        return ""
    return str(json.loads(path.read_text(encoding="utf-8")).get("focus") or "")


def briefs_from_args(args) -> list[Brief]:
    """The briefs a `brief` command line asks for (an argparse Namespace): one custom
    brief (--title/--start/--end, or `make brief` through --from-env), else those of
    --briefs or of the story, or only the one --name names."""
    if args.from_env:
        options_from_env(args)
    if args.title or args.start or args.end:
        return [_custom_brief(args)]
    story = story_of_args(args)
    if not args.briefs and story is None:
        raise SystemExit(f"error: no default story in {args.data}/stories/: give --story or "
                         "--briefs")
    briefs = _default_briefs(args, story)
    if args.name:
        briefs = [b for b in briefs if b.name == args.name]
        if not briefs:
            raise SystemExit(f"error: no brief named {args.name!r} in "
                             f"{args.briefs or story.path}")
    return briefs


# -- a brief opened by hand (JupyterLab): parameters left '' come from the story -------------

STORY_FILLED = ("title", "start", "end", "focus")


def story_of_tables(processed_dir: Path | str):
    """The story (knowledge.story.Story) whose processed tables are in `processed_dir`: the
    data folder is the nearest one above it with a stories/ folder; None if none matches."""
    from trustbrief.knowledge.story import load_stories

    processed = Path(processed_dir).resolve()
    data_dir = next((p for p in [processed, *processed.parents] if (p / "stories").is_dir()),
                    None)
    if data_dir is None:
        return None
    stories = list(load_stories(data_dir).values())
    return next((s for s in stories if Path(s.processed).resolve() == processed), None)


def fill_from_story(params: dict, processed_dir: Path | str) -> dict:
    """`params` with an empty title, start, end or focus taken from the story whose tables
    are in `processed_dir` (its first brief; the pair and period of the story file when it
    defines none). With the title empty, the crisis window comes from that brief too. The
    notebook's parameters carry no story of their own: this is where its defaults live."""
    if all(str(params.get(name) or "") for name in STORY_FILLED):
        return dict(params)
    story = story_of_tables(processed_dir)
    if story is None:
        missing = [n for n in STORY_FILLED if not str(params.get(n) or "")]
        raise BriefParamError(f"{', '.join(missing)} not given and no story in data/stories/ "
                              f"writes its tables to {processed_dir}: set them")
    found = story_briefs(story)
    first = found[0].params if found else {"title": story.title, "start": story.period[0],
                                           "end": story.period[1], "focus": story.focus}
    names = STORY_FILLED + (("crisis_start", "crisis_end") if not params.get("title") else ())
    return {**params, **{n: first.get(n, "") for n in names if not str(params.get(n) or "")}}
