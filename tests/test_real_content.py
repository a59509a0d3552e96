"""Tests over the repository's own content run on the real date, so a contributor's case dated
today passes them; a content error shows the validator's problem lines, not a traceback.

Each test copies the repository, changes one case and runs the content tests in the copy."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

from support import ROOT
from test_build import EXTRA_CASE

CONTENT_TESTS = ["tests/test_index.py", "tests/test_export.py"]
IGNORE = shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", ".pytest_cache", "node_modules")


def run_content_tests(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *CONTENT_TESTS],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )


def copy_with_case(tmp_path: Path, text: str) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(ROOT, root, ignore=IGNORE)
    (root / "case_studies/test-council-gritting.yml").write_text(text, encoding="utf-8")
    return root


def test_a_new_case_dated_today_passes_the_content_tests(tmp_path):
    today = date.today().isoformat()
    case = EXTRA_CASE.replace("added: 2026-11-21", f"added: {today}").replace(
        "last_verified: 2026-11-21", f"last_verified: {today}"
    )
    result = run_content_tests(copy_with_case(tmp_path, case))
    assert result.returncode == 0, result.stdout[-3000:]


def test_a_content_error_is_reported_as_the_validators_problem_lines(tmp_path):
    result = run_content_tests(copy_with_case(tmp_path, EXTRA_CASE.replace("country: GB", "country: UK")))
    assert result.returncode != 0
    assert "case_studies/test-council-gritting.yml:5:1: country: 'UK' is not one of" in result.stdout
    assert "AttributeError: " not in result.stdout
