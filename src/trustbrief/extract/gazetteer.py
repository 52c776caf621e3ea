"""The actors extraction knows: data/gazetteer.yaml (or a story's composed gazetteer) plus every
country of data/world/ as a state actor, with the surface forms that name them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from trustbrief import knowledge
from trustbrief.extract.patterns import (
    check_regex,
    first_char_alternation,
    literal_regex,
    lookup_key,
    named_alternation,
    one_of,
    regex_of,
    str_list,
    words_alternation,
)
from trustbrief.knowledge import DataFileError

ACTOR_TYPES = ("person", "state", "organization", "outlet", "place")


@dataclass(frozen=True)
class Actor:
    name: str
    type: str
    side: str
    level: str
    roles: tuple[str, ...]


@dataclass(frozen=True)
class Form:
    """One gazetteer surface form: which actor (or side, for adjectives) it can mean."""

    actor: str
    side: str
    kind: str  # name | alias | title | epithet | adjective
    requires: tuple[str, ...] = ()


class _Forms(dict):
    """Normalized surface key -> the forms it can be, each once, in the order added."""

    def add(self, text: str, form: Form) -> None:
        found = self.setdefault(lookup_key(text), [])
        if form not in found:
            found.append(form)


def load_gazetteer(path: Path, data: dict | None = None):
    """The gazetteer file, or `data` already composed for a story (knowledge.story); side ids
    are the keys of its `sides` mapping, so a new pair of governments needs no code."""
    data = knowledge.load_yaml(path) if data is None else data
    knowledge.require_keys(path, "top level", data, ["sides", "actors"],
                           ["pronoun_phrases", "name_heads"])
    sides = data["sides"]
    if not isinstance(sides, dict):
        raise DataFileError(path, "sides", "expected a mapping side -> {adjectives: [...]}")
    if not isinstance(data["actors"], list):
        raise DataFileError(path, "actors", "expected a list of actors")
    actors: dict[str, Actor] = {}
    forms = _Forms()
    for i, item in enumerate(data["actors"]):
        _add_actor(path, f"actors[{i}]", item, tuple(str(s) for s in sides), actors, forms)
    _check_forms(path, forms, actors)
    side_actor = _side_adjectives(path, sides, actors, forms)
    texts = ([t for forms_ in data["actors"] for t in _surface_texts(forms_)]
             + [a for s in sides.values() for a in (s.get("adjectives") or [])])
    texts += _world_forms(path.parent, actors, forms.add, forms)
    pattern = regex_of(path, "actors", r"(?<!\w)(?:" + first_char_alternation(texts)
                       + r")(?![\w])" + _not_inside_a_name(path, data.get("name_heads")))
    pronoun_pattern, pronoun_rules = _pronoun_phrases(path, data.get("pronoun_phrases") or [])
    frozen_forms = {k: tuple(v) for k, v in forms.items()}
    return actors, frozen_forms, pattern, side_actor, pronoun_pattern, pronoun_rules


def _not_inside_a_name(path: Path, heads) -> str:
    """A lookahead refusing a form that only begins the proper name of something else
    ('American University of Portview', 'the Chad Hospital'): gazetteer `name_heads`."""
    if not heads:
        return ""
    if not isinstance(heads, list) or not all(isinstance(h, str) and h for h in heads):
        raise DataFileError(path, "name_heads", "expected a list of words")
    words = words_alternation(literal_regex(h) for h in heads)
    # capitalised, as a name's part is: 'a Chadian hospital' stays Chadian
    return rf"(?!(?-i:(?:\s+[A-Z][\w'’.-]*){{0,3}}?\s+(?:{words}))(?!\w))"


def _add_actor(path: Path, where: str, item, side_ids: tuple, actors: dict,
               forms: _Forms) -> None:
    knowledge.require_keys(path, where, item, ["name", "type", "side"],
                           ["level", "roles", "names", "aliases", "titles", "epithets"])
    name = str(item["name"]).strip()
    if name in actors:
        raise DataFileError(path, where, f"actor {name!r} listed twice")
    kind = one_of(path, f"{where}.type", item["type"], ACTOR_TYPES)
    side = one_of(path, f"{where}.side", item["side"], side_ids)
    level = str(item.get("level") or ("institution" if kind != "person" else ""))
    actors[name] = Actor(name, kind, side, level,
                         tuple(str_list(path, f"{where}.roles", item.get("roles"))))
    forms.add(name, Form(name, side, "name"))
    for key, form_kind in (("names", "name"), ("aliases", "alias"), ("titles", "title")):
        for text in str_list(path, f"{where}.{key}", item.get(key)):
            forms.add(text, Form(name, side, form_kind))
    for j, ep in enumerate(item.get("epithets") or []):
        if isinstance(ep, str):
            forms.add(ep, Form(name, side, "epithet"))
            continue
        knowledge.require_keys(path, f"{where}.epithets[{j}]", ep, ["text"], ["requires"])
        forms.add(str(ep["text"]), Form(name, side, "epithet", tuple(
            str_list(path, f"{where}.epithets[{j}].requires", ep.get("requires")))))


def _check_forms(path: Path, forms: _Forms, actors: dict) -> None:
    for key, form_list in forms.items():
        owners = {f.actor for f in form_list if f.kind in ("name", "alias")}
        if len(owners) > 1:
            raise DataFileError(path, key, f"name or alias shared by {', '.join(sorted(owners))}; "
                                "list it as a title so that context decides")
        for form in form_list:
            for req in form.requires:
                if req not in actors:
                    raise DataFileError(path, form.actor, f"epithet requires unknown actor {req!r}")


def _side_adjectives(path: Path, sides: dict, actors: dict, forms: _Forms) -> dict:
    """side -> the actor its adjectives stand for: the side's state, else its first
    organization; the adjectives are added as forms of that actor."""
    side_actor = {}
    for side, spec in sides.items():
        knowledge.require_keys(path, f"sides.{side}", spec, ["adjectives"])
        owners = [a for a in actors.values() if a.side == side]
        owners.sort(key=lambda a: (a.type != "state", a.type != "organization"))
        side_actor[side] = owners[0].name if owners else ""
        for adj in str_list(path, f"sides.{side}.adjectives", spec["adjectives"]):
            forms.add(adj, Form(side_actor[side], side, "adjective"))
    return side_actor


def _pronoun_phrases(path: Path, items: list):
    """('the two' ...) -> (compiled pattern or None, group name -> (refers, count))."""
    parts = []
    for i, item in enumerate(items):
        where = f"pronoun_phrases[{i}]"
        knowledge.require_keys(path, where, item, ["pattern", "refers", "count"])
        check_regex(path, where, item["pattern"])
        refers = one_of(path, f"{where}.refers", item["refers"], ACTOR_TYPES)
        parts.append((item["pattern"], (refers, int(item["count"]))))
    if not parts:
        return None, {}
    alt, rules = named_alternation(parts)
    return regex_of(path, "pronoun_phrases", rf"(?<!\w)(?:{alt})(?!\w)"), rules


WORLD_KINDS = {"country": "name", "adjective": "adjective", "metonym": "alias"}


def _world_forms(data_dir: Path, actors: dict, add, forms: dict) -> list[str]:
    """Every country of the world knowledge (data/world/) as a state actor, with its names,
    demonyms and metonyms ('the Kremlin'); a country the gazetteer already holds keeps the
    gazetteer's actor and side, and the gazetteer's forms win over the world's. Returns the
    surface texts added."""
    if not (data_dir / "world").is_dir():
        return []
    from trustbrief.knowledge.world import load_world

    world = load_world(data_dir)
    known = {lookup_key(n): a for a in actors.values() if a.type == "state"
             for n in (a.name,)}
    added = []
    for form in world.forms:
        kind = WORLD_KINDS.get(form.kind)
        if kind is None or not form.country:
            continue
        # the gazetteer wins, except its 'other' demonyms (kept there only to block titles)
        bare = form.text[4:] if form.text.lower().startswith("the ") else form.text
        if any(f.side != "other" for t in (form.text, bare) for f in forms.get(lookup_key(t), ())):
            continue
        forms.pop(lookup_key(form.text), None)
        country = world.country(form.country)
        if country is None:
            continue
        actor = next((known[lookup_key(n)] for n in country.names if lookup_key(n) in known), None)
        if actor is None:
            actor = actors.get(country.name) or Actor(country.name, "state", country.name,
                                                      "institution", ())
            actors[country.name] = actor
            known[lookup_key(country.name)] = actor
        add(form.text, Form(actor.name, actor.side, kind))
        added.append(form.text)
    return added


def _surface_texts(item: dict) -> list[str]:
    texts = [str(item["name"])]
    for key in ("names", "aliases", "titles"):
        texts += [str(t) for t in item.get(key) or []]
    for ep in item.get("epithets") or []:
        texts.append(ep if isinstance(ep, str) else str(ep["text"]))
    return texts
