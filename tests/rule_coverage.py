"""A pytest plugin: every registered rule id is reported by at least one test (issue 20).

It records the rule id of every `Problem` made in the test process. When the whole suite ran
(`pytest` with no path, keyword or marker filter, as `make test` runs it) and passed, a
registered id that no test reported fails the session, naming the ids; a rule whose check is
never reached by any test cannot hide. Set CASEBOOK_RULES_SEEN=<file> to write the ids seen.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from casebook.problems import Problem
from casebook.rule_registry import RULES

SEEN: set[str] = set()
TESTS = Path(__file__).resolve().parent


def pytest_configure(config: pytest.Config) -> None:
    original = Problem.__post_init__

    def recording(self: Problem) -> None:
        original(self)
        SEEN.add(self.rule)

    Problem.__post_init__ = recording  # type: ignore[method-assign]
    config.add_cleanup(lambda: setattr(Problem, "__post_init__", original))


def whole_suite(config: pytest.Config) -> bool:
    """True when pytest ran every test: no path narrower than tests/, no -k or -m."""
    paths = {Path(arg.split("::")[0]).resolve() for arg in config.args}
    return (
        paths <= {TESTS, TESTS.parent}
        and not config.option.keyword
        and not config.option.markexpr
        and not config.option.deselect
        and not config.option.ignore
        and not config.option.ignore_glob
        and not getattr(config.option, "lf", False)
        and not config.option.collectonly
    )


def unreported() -> list[str]:
    return sorted(set(RULES) - SEEN)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if os.environ.get("CASEBOOK_RULES_SEEN"):
        Path(os.environ["CASEBOOK_RULES_SEEN"]).write_text("\n".join(sorted(SEEN)) + "\n", encoding="utf-8")
    if exitstatus == 0 and whole_suite(session.config) and unreported():
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    if whole_suite(config) and unreported():
        terminalreporter.write_line(
            "Registered rules no test reported (add a test with the smallest bad fixture and the exact "
            f"message, see HACKING.md): {', '.join(unreported())}",
            red=True,
        )
