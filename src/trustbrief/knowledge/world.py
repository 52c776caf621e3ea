"""World knowledge shared by every story: countries, their metonyms, roles and channels.

Countries come from pycountry and country_converter (every ISO 3166-1 country with its
official, common and short names) plus data/world/countries.yaml (abbreviations, demonyms,
capitals, metonyms). Roles (head of state, foreign ministry, ambassador, armed forces, ...) come
from data/world/roles.yaml with their CAMEO/PLOVER-style sector (GOV, MIL, DIP, ...), and
channels (leaders, foreign ministers, ...) from data/world/channels.yaml. No story is named
here: a story only says which two countries it is about.

    world = load_world("data")
    world.resolve("Pakistan's High Commissioner in London")
    # ActorCode(country='PAK', sector='DIP', role='ambassador', ...)
"""

from __future__ import annotations

import functools
import importlib.util
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from trustbrief.knowledge import DataFileError, load_yaml, require_keys

SECTORS = ("GOV", "MIL", "DIP", "SPY", "LEG", "JUD", "COP", "IGO", "NSA")
LEVELS = ("leader", "minister", "official", "spokesperson", "military", "institution")
# A country right after these words is where the actor is, not whose it is.
HOST_WORDS = re.compile(r"(?i)\b(?:in|to|at|into|toward|towards|against|with|from)\s+(?:the\s+)?$")


@dataclass(frozen=True)
class Role:
    id: str
    sector: str
    level: str
    forms: tuple[str, ...]
    person: bool = False  # a full name after a qualified title of it is a story actor


@dataclass(frozen=True)
class Country:
    code: str         # ISO 3166-1 alpha-3, or an organisation's short code
    name: str         # short English name: 'Russia', 'United States'
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    metonyms: dict    # surface form -> role id ('the Kremlin' -> 'head_of_state')
    sector: str = ""  # '' for a country; IGO / NSA for an organisation
    the: bool = False  # its short name takes 'the' as a noun ('the Philippines')


@dataclass(frozen=True)
class SurfaceForm:
    text: str
    country: str      # code, or '' for a role form
    sector: str       # '' for a country's name or adjective
    kind: str         # country | adjective | metonym | role
    canonical: str    # 'Azerbaijan', 'the Kremlin' -> 'Russia', a role's id in words
    role: str         # role id for roles and metonyms


@dataclass(frozen=True)
class ActorCode:
    country: str
    sector: str
    role: str
    canonical: str    # 'Azerbaijan foreign ministry', 'Russia', 'Pakistan ambassador'
    text: str         # the phrase resolved


@dataclass(frozen=True)
class Channel:
    id: str
    name: str
    roles: tuple[str, ...]


def _strings(path, where, value) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        raise DataFileError(path, where, "expected a list of words")
    return tuple(str(v).strip() for v in value if str(v).strip())


@dataclass(frozen=True)
class RolesFile:
    """data/world/roles.yaml: the roles, and the words before a title that make it another
    office or a past holder ('Vice', 'former')."""
    roles: dict[str, Role]
    another_office: tuple[str, ...]


def load_roles(path: Path) -> RolesFile:
    """The one reader of roles.yaml (its roles and its another_office words)."""
    raw = load_yaml(path) or {}
    require_keys(path, "top level", raw, ["roles"], ["another_office"])
    roles = {}
    for role_id, spec in (raw["roles"] or {}).items():
        where = f"roles.{role_id}"
        require_keys(path, where, spec, ["sector", "forms"], ["level", "person"])
        if spec["sector"] not in SECTORS:
            raise DataFileError(path, f"{where}.sector", f"{spec['sector']!r} is not one of "
                                f"{', '.join(SECTORS)}")
        level = spec.get("level") or "institution"
        if level not in LEVELS:
            raise DataFileError(path, f"{where}.level", f"{level!r} is not one of "
                                f"{', '.join(LEVELS)}")
        roles[str(role_id)] = Role(str(role_id), spec["sector"], level,
                                   _strings(path, f"{where}.forms", spec["forms"]),
                                   spec.get("person") is True)
    return RolesFile(roles, _strings(path, "another_office", raw.get("another_office") or []))


def _library_names() -> dict[str, tuple[str, set[str]]]:
    """ISO alpha-3 -> (short name, every library name) from country_converter and pycountry."""
    import csv
    import json

    # Both libraries' data files are read directly: importing pycountry costs seconds, and
    # country_converter's own loader breaks on Namibia's code 'NA' with current pandas.
    table = Path(importlib.util.find_spec("country_converter").origin).parent / "country_data.tsv"
    names: dict[str, tuple[str, set[str]]] = {}
    with table.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            code = row["ISO3"]
            if len(code) == 3 and code.isalpha():
                names[code] = (row["name_short"], {row["name_short"], row["name_official"]})
    spec = importlib.util.find_spec("pycountry")
    iso = Path(spec.origin).parent / "databases" / "iso3166-1.json"
    for country in json.loads(iso.read_text(encoding="utf-8"))["3166-1"]:
        short, known = names.get(country["alpha_3"], (country["name"], set()))
        known |= {country.get(k, "") for k in ("name", "official_name", "common_name")}
        # library names such as 'Iran, Islamic Republic of' are catalogue forms, not prose
        names[country["alpha_3"]] = (short, {n for n in known if n and "," not in n})
    return names


def with_plain_twins(forms) -> tuple[str, ...]:
    """The forms, each followed by its spelling without diacritics when it has any ('Bogotá',
    'Bogota'): articles write a capital or a demonym either way, and the data file keeps one
    spelling, the proper one. Only the file's own forms get twins; a library name such as
    'Réunion' would give a common word."""
    out = []
    for form in forms:
        plain = "".join(c for c in unicodedata.normalize("NFKD", form)
                        if not unicodedata.combining(c))
        out += [form, plain] if plain != form else [form]
    return tuple(dict.fromkeys(out))


def load_countries(path: Path, roles: dict[str, Role]) -> dict[str, Country]:
    raw = load_yaml(path) or {}
    require_keys(path, "top level", raw, ["countries"], ["organizations", "with_the"])
    library = _library_names()
    extra = raw["countries"] or {}
    unknown = sorted(set(extra) - set(library))
    if unknown:
        raise DataFileError(path, f"countries.{unknown[0]}", "not an ISO 3166-1 alpha-3 code")
    with_the = set(_strings(path, "with_the", raw.get("with_the")))
    if with_the - set(library):
        raise DataFileError(path, "with_the", f"{sorted(with_the - set(library))[0]!r}: not an "
                                              "ISO 3166-1 alpha-3 code")
    countries = {}
    for code, (short, names) in sorted(library.items()):
        spec = extra.get(code) or {}
        where = f"countries.{code}"
        require_keys(path, where, spec, [], ["names", "adjectives", "capital", "metonyms"])
        metonyms = dict(spec.get("metonyms") or {})
        for form, role in metonyms.items():
            if role not in roles:
                raise DataFileError(path, f"{where}.metonyms", f"{form!r}: unknown role {role!r}")
        if spec.get("capital"):
            metonyms.setdefault(str(spec["capital"]), "government")
        metonyms = {twin: role for form, role in metonyms.items()
                    for twin in with_plain_twins([form])}
        all_names = sorted(names | set(with_plain_twins(
            _strings(path, f"{where}.names", spec.get("names")))))
        countries[code] = Country(code, short, tuple(all_names),
                                  with_plain_twins(_strings(path, f"{where}.adjectives",
                                                            spec.get("adjectives"))),
                                  metonyms, the=code in with_the)
    for i, item in enumerate(raw.get("organizations") or []):
        where = f"organizations[{i}]"
        require_keys(path, where, item, ["code", "name", "sector"], ["names", "adjectives"])
        if item["sector"] not in SECTORS:
            raise DataFileError(path, f"{where}.sector", f"{item['sector']!r} is not a sector")
        names = (item["name"], *_strings(path, f"{where}.names", item.get("names")))
        countries[item["code"]] = Country(item["code"], item["name"], tuple(dict.fromkeys(names)),
                                          _strings(path, f"{where}.adjectives",
                                                   item.get("adjectives")), {}, item["sector"])
    return countries


def load_channels(path: Path, roles: dict[str, Role]) -> tuple[Channel, ...]:
    raw = load_yaml(path) or {}
    require_keys(path, "top level", raw, ["channels"], ["contact_types"])
    channels = []
    for i, item in enumerate(raw["channels"] or []):
        where = f"channels[{i}]"
        require_keys(path, where, item, ["id", "name", "roles"])
        wanted = _strings(path, f"{where}.roles", item["roles"])
        missing = [r for r in wanted if r not in roles]
        if missing:
            raise DataFileError(path, f"{where}.roles", f"unknown role(s): {', '.join(missing)}")
        channels.append(Channel(str(item["id"]), str(item["name"]), wanted))
    return tuple(channels)


def load_contact_types(path: Path) -> tuple[str, ...]:
    return _strings(path, "contact_types", (load_yaml(path) or {}).get("contact_types"))


class World:
    """Countries, roles and channels, with a phrase resolver (see the module docstring)."""

    def __init__(self, countries: dict[str, Country], roles: dict[str, Role],
                 channels: tuple[Channel, ...], contact_types: tuple[str, ...] = (),
                 another_office: tuple[str, ...] = ()):
        self.countries, self.roles, self.channels = countries, roles, channels
        self.another_office = another_office  # 'Vice', 'former': no holder of the title after
        self.contact_types = contact_types  # event types that are a contact on a channel
        self.forms = tuple(sorted(self._forms(), key=lambda f: (-len(f.text), f.text, f.kind)))
        self._by_text: dict[str, list[SurfaceForm]] = {}
        for form in self.forms:
            self._by_text.setdefault(_fold(form.text), []).append(form)
        self._pattern = _alternation([f.text for f in self.forms])

    def _forms(self):
        for c in self.countries.values():
            for name in c.names:
                yield SurfaceForm(name, c.code, c.sector, "country", c.name, "")
            for adjective in c.adjectives:
                yield SurfaceForm(adjective, c.code, c.sector, "adjective", c.name, "")
            for text, role in c.metonyms.items():
                yield SurfaceForm(text, c.code, self.roles[role].sector, "metonym", c.name, role)
        for role in self.roles.values():
            for text in role.forms:
                yield SurfaceForm(text, "", role.sector, "role", role.id.replace("_", " "),
                                  role.id)

    def country(self, name_or_code: str) -> Country | None:
        """A country by code ('AZE'), name ('Azerbaijan') or adjective ('Azerbaijani')."""
        text = (name_or_code or "").strip()
        if text.upper() in self.countries:
            return self.countries[text.upper()]
        for form in self._by_text.get(_fold(text), []):
            if form.kind in ("country", "adjective"):
                return self.countries[form.country]
        return None

    def find(self, text: str) -> list[tuple[int, int, SurfaceForm]]:
        """Every surface form in a text, longest first at each place: (start, end, form)."""
        hits = []
        for match in self._pattern.finditer(text):
            forms = self._by_text.get(_fold(match.group(0)), [])
            forms = [f for f in forms if not _caps_only(f.text) or f.text == match.group(0)]
            if forms:
                hits.append((match.start(), match.end(), forms[0]))
        return hits

    def resolve(self, phrase: str) -> ActorCode | None:
        """The country and sector of an actor phrase; None when no country qualifies it."""
        hits = self.find(phrase)
        role = next((f for _, _, f in hits if f.kind == "role"), None)
        owners = [(s, f) for s, _, f in hits if f.kind != "role"
                  and not HOST_WORDS.search(phrase[:s])]
        if not owners:
            return None
        start, owner = owners[0]
        country = self.countries[owner.country]
        if owner.kind == "metonym" and (role is None or role.role == "government"):
            role = owner  # 'the Pentagon', 'a Pentagon official'; 'Kremlin spokesman' keeps his
        if role is None:
            return ActorCode(country.code, country.sector, "", country.name, phrase)
        sector = self.roles[role.role].sector if role.role in self.roles else role.sector
        return ActorCode(country.code, sector, role.role,
                         f"{country.name} {role.role.replace('_', ' ')}", phrase)

    def channel_of(self, role_a: str, role_b: str) -> Channel | None:
        """The first channel on which these two roles (one per side) talk."""
        for channel in self.channels:
            if role_a in channel.roles and role_b in channel.roles:
                return channel
        return None


def _fold(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u00a0", " ")
    text = re.sub(r"(?i)^the\s+", "", text.strip())
    return re.sub(r"\s+", " ", text).casefold()


def _caps_only(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) <= 5 and all(c.isupper() for c in letters)


def _alternation(texts) -> re.Pattern:
    """One regex of every form (any whitespace run, either apostrophe, optional 'the')."""
    parts = []
    for text in sorted({_fold(t) for t in texts}, key=lambda t: (-len(t), t)):
        escaped = re.escape(text).replace("\\ ", r"\s+").replace("'", "['\u2019]")
        parts.append(escaped)
    return re.compile(r"(?i)(?<![\w.])(?:" + "|".join(parts) + r")(?!\w)")


@functools.lru_cache(maxsize=8)
def _load(world_dir: Path) -> World:
    roles_file = load_roles(world_dir / "roles.yaml")
    roles = roles_file.roles
    countries = load_countries(world_dir / "countries.yaml", roles)
    channels = world_dir / "channels.yaml"
    return World(countries, roles, load_channels(channels, roles), load_contact_types(channels),
                 roles_file.another_office)


def load_world(data_dir: Path | str = "data") -> World:
    """The world knowledge of data_dir/world/ (cached per folder)."""
    return _load((Path(data_dir) / "world").resolve())
