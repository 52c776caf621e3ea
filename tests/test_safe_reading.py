"""Reading seeds safely: regular files only, a size cap on the bytes actually read, nested
folders named in a warning, and make's seed signature built from the same rule."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import DATA, ROOT
from trustbrief import corpus

ARTICLE = "Officials meet\n\nOctober 1, 2024\n\nOfficials met in Washington on Tuesday.\n"


@pytest.fixture(scope="module")
def rules():
    return corpus.load_rules(DATA)


@pytest.fixture
def seeds(tmp_path) -> Path:
    """A seeds folder with one article, a link to a file outside it, a nested folder and a
    hidden file."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET first line outside the seeds\n\nmore text here.\n")
    (folder / "linked.txt").symlink_to(secret)
    (folder / "nested").mkdir()
    (folder / "nested" / "inner.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def test_symbolic_links_are_not_followed(seeds, rules, caplog):
    with caplog.at_level(logging.WARNING, logger="trustbrief"):
        raw = corpus.read_seeds(seeds, rules)
    assert list(raw["file"]) == ["article.txt"]
    assert not raw["text"].str.contains("SECRET").any()
    assert "linked.txt: a symbolic link" in caplog.text


def test_nested_folders_are_named_in_a_warning(seeds, rules, caplog):
    with caplog.at_level(logging.WARNING, logger="trustbrief"):
        corpus.read_seeds(seeds, rules)
    assert "nested/: a folder - not read" in caplog.text


def test_the_size_cap_counts_bytes_read_not_the_size_reported(tmp_path, rules, monkeypatch,
                                                              caplog):
    """/proc files report size 0 whatever they hold: the cap must not trust st_size."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    limit = rules.limits["max_bytes"]
    (folder / "huge.txt").write_text("word " * (limit // 5 + 100), encoding="utf-8")
    real_stat = Path.stat

    def reports_zero(self, *args, **kwargs):
        st = real_stat(self, *args, **kwargs)
        return os.stat_result((st.st_mode, st.st_ino, st.st_dev, st.st_nlink, st.st_uid,
                               st.st_gid, 0, st.st_atime, st.st_mtime, st.st_ctime))

    monkeypatch.setattr(Path, "stat", reports_zero)
    with caplog.at_level(logging.WARNING, logger="trustbrief"):
        raw = corpus.read_seeds(folder, rules)
    assert raw.empty
    assert "huge.txt: over the" in caplog.text


def test_a_proc_file_is_read_only_up_to_the_cap():
    from trustbrief.corpus.read import read_capped

    assert read_capped(Path("/proc/self/maps"), 64) is None
    assert len(read_capped(Path("/proc/self/maps"), 10_000_000)) > 64


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_signature_lists_exactly_the_files_read(seeds, rules):
    result = subprocess.run(["make", "-s", "-f", str(ROOT / "Makefile"), ".make/seeds.sig"],
                            cwd=seeds.parent, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    signature = (seeds.parent / ".make" / "seeds.sig").read_text(encoding="utf-8")
    listed = sorted(line.split("\t")[0] for line in signature.splitlines())
    assert listed == [p.name for p in corpus.read.seed_files(seeds, rules)] == ["article.txt"]
