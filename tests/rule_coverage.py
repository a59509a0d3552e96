"""A pytest plugin: every registered rule id is reported by at least one test (issue 20).

It records the rule id of every `Problem` made in the test process. When the whole suite ran
(`pytest` with no path, keyword or marker filter, as `make test` runs it) and passed, a
registered id that no test reported fails the session, naming the ids; a rule whose check is
never reached by any test cannot hide. Set CASEBOOK_RULES_SEEN=<file> to write the ids seen.
Under pytest-xdist (`make test` runs `pytest -n 2`) each worker sends the ids it saw to the
controller, which judges the union.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from casebook.problems import Problem
from casebook.rule_registry import RULES

SEEN: set[str] = set()
TESTS = Path(__file__).resolve().parent
OUTPUT_KEY = "casebook_rules_seen"  # in an xdist worker's workeroutput


def is_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


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


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:
    """xdist's controller: a worker finished; add the ids it saw."""
    SEEN.update(getattr(node, "workeroutput", {}).get(OUTPUT_KEY, ()))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if is_worker(session.config):  # it ran only its share of the tests: the controller judges
        session.config.workeroutput[OUTPUT_KEY] = sorted(SEEN)  # type: ignore[attr-defined]
        return
    if os.environ.get("CASEBOOK_RULES_SEEN"):
        Path(os.environ["CASEBOOK_RULES_SEEN"]).write_text("\n".join(sorted(SEEN)) + "\n", encoding="utf-8")
    if exitstatus == 0 and whole_suite(session.config) and unreported():
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    if not is_worker(config) and whole_suite(config) and unreported():
        terminalreporter.write_line(
            "Registered rules no test reported (add a test with the smallest bad fixture and the exact "
            f"message, see HACKING.md): {', '.join(unreported())}",
            red=True,
        )
