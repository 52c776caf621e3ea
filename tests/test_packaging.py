"""Dependencies are declared in pyproject.toml and locked, with hashes, in requirements.txt."""

from __future__ import annotations

import re
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LOCK_TEXT = (ROOT / "requirements.txt").read_text(encoding="utf-8")
PIN_RE = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+) \\$", re.M)


def declared() -> list[Requirement]:
    project = PYPROJECT["project"]
    extras = project.get("optional-dependencies", {})
    return [Requirement(r) for r in project["dependencies"] + sum(extras.values(), [])]


def locked() -> dict[str, str]:
    return {canonicalize_name(name): version for name, version in PIN_RE.findall(LOCK_TEXT)}


def test_the_lock_is_generated_and_every_package_has_hashes():
    assert "make lock" in LOCK_TEXT.splitlines()[1]
    entries = re.split(r"\n(?=[A-Za-z0-9])", LOCK_TEXT.split("\n", 2)[2].strip())
    assert len(entries) == len(locked()) > 50
    for entry in entries:
        assert "--hash=sha256:" in entry, f"no hash for {entry.splitlines()[0]}"


def test_every_declared_dependency_is_locked_at_a_version_it_allows():
    pins = locked()
    for requirement in declared():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement} is declared but not in requirements.txt: make lock"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"requirements.txt pins {name}=={pins[name]}, pyproject.toml asks {requirement}")


def test_extras_for_each_kind_of_work():
    assert {"test", "lab", "bench", "dev"} <= set(PYPROJECT["project"]["optional-dependencies"])


def test_installed_the_standard_way_with_a_console_script():
    assert PYPROJECT["project"]["scripts"]["trustbrief"] == "trustbrief.cli:main"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--require-hashes -r requirements.txt" in makefile
    assert "--no-deps --no-build-isolation -e ." in makefile
    assert ".pth" not in makefile  # no path written into the venv by hand
