"""Modules of one concern stay small (issue 12): no module over 400 lines, no function over 60."""

from __future__ import annotations

import ast

from conftest import ROOT

SRC = ROOT / "src" / "trustbrief"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def _modules():
    return sorted(SRC.rglob("*.py"))


def test_no_module_is_over_400_lines():
    long = {str(p.relative_to(SRC)): n for p in _modules()
            if (n := p.read_text(encoding="utf-8").count("\n")) > MAX_MODULE_LINES}
    assert not long, f"split these modules: {long}"


def test_no_function_is_over_60_lines():
    long = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(SRC)}:{node.name} ({length} lines)")
    assert not long, f"split these functions: {long}"


def test_the_declared_import_layers_hold():
    """pyproject.toml's import-linter contracts (stages, contract, brief layers), checked in
    the unit tests too so the inner loop (`pytest -m "not slow"`) catches a broken layer."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    linter = Path(sys.executable).with_name("lint-imports")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([str(linter)], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout[-3000:]
