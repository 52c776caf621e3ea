"""A state's armed forces act for the state when one article's event is matched to another's.

'A-land has informed C-land about its intention to initiate a limited ground incursion' (a
plan of A-land) and 'the targeted raids launched by the A-land Defence Forces overnight' (an act
of its army, dated by its article) are the same act by the same party: a state's army is the state
at war. Extract names each actor as printed, so when a plan matches no dated event as
printed, the dating stage folds every actor the gazetteer gives the level `military` into the
state actor of its side, in the plan and in the dated events, and compares their parties
again (the agent too). Only plans: the plan came before the act, whichever of the army's acts
it is (the latest one matched bounds the article), while a past act, folded, would be matched
to any of the many strikes of one army on one enemy. Only armies: a minister or a ministry
is a person or an office of its own whose calls and statements recur (folded into the state,
every call between two governments would be one call); the gazetteer says which actors are
armies, so a new pair needs no code. Read: the shared data/gazetteer.yaml beside the code (as
the other dating knowledge with no `data_dir` given), not a story's actors nor the world
knowledge's army metonyms: a pair whose armies that file does not list folds none.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from trustbrief.dating.chronology import Pinned
from trustbrief.knowledge import load_yaml

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[3] / "data"
GAZETTEER_FILE = "gazetteer.yaml"
MILITARY = "military"


@lru_cache(maxsize=4)
def armed_forces(data_dir: Path | str = DEFAULT_DATA_DIR) -> dict[str, str]:
    """Army actor -> the state actor of its side (gazetteer.yaml: level military, type state);
    an army whose side has no state actor is left as it is."""
    raw = load_yaml(Path(data_dir) / GAZETTEER_FILE)
    actors = [a for a in (raw.get("actors") or []) if isinstance(a, dict)]
    states = {str(a.get("side")): str(a["name"]) for a in actors
              if a.get("type") == "state" and a.get("name")}
    return {str(a["name"]): states[str(a.get("side"))] for a in actors
            if a.get("level") == MILITARY and a.get("name") and str(a.get("side")) in states}


def fold(names: list[str], forces: dict[str, str]) -> list[str]:
    """The names with each army replaced by its state, each name once, in order."""
    out: list[str] = []
    for name in names:
        state = forces.get(name, name)
        if state not in out:
            out.append(state)
    return out


def planned_match(m: dict, pinned: list[Pinned],
                  match: Callable[[dict, list[Pinned]], list[Pinned]],
                  forces: dict[str, str] | None = None) -> list[Pinned]:
    """The events another article dates that a plan ('A-land intends to launch a ground
    incursion') matches once armies are folded into their states on both sides ('raids
    launched by A-land's army'), when it matched none as printed: the plan came before them (the
    'before' clue of clues._matched_clues). Only plans: an act reported as past, folded, would
    match any of the many strikes one army makes on the same enemy. `forces`: armed_forces()
    by default."""
    if (m.get("polarity") or "") != "planned":
        return []
    forces = armed_forces() if forces is None else forces
    if not any(name in forces for p in pinned for name in p.actors) \
            and not any(name in forces for name in m["actors"]):
        return []
    folded = {**m, "actors": fold(list(m["actors"]), forces),
              "agent": forces.get(m.get("agent") or "", m.get("agent") or "")}
    return match(folded, [dataclasses.replace(p, actors=frozenset(fold(sorted(p.actors), forces)),
                                              agent=forces.get(p.agent, p.agent))
                          for p in pinned])
