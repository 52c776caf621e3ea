"""brief.review: the screenshot tool answers a missing brief with a clear error, not a trace."""

from __future__ import annotations

import pytest

from trustbrief.brief import review


def test_a_missing_brief_is_a_usage_error_naming_the_briefs_there(tmp_path, capsys):
    (tmp_path / "chad-niger-2024.html").write_text("<html></html>", encoding="utf-8")
    with pytest.raises(SystemExit) as ended:
        review.main([str(tmp_path / "chad-niger.html"), str(tmp_path / "shots")])
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert "no brief at" in err and "chad-niger-2024.html" in err
