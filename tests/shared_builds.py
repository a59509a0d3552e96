"""One build of each site per test run, however many test files or pytest-xdist workers use it.

A site build costs seconds of CPU; several test files read the same built site (the browser tests,
the publishing checks, the ProperDocs comparison), and under `pytest -n 2` each worker would build
it again. `shared_build` builds into a folder every worker of the run can see (the run's base
temporary folder), under a file lock, and hands every later caller the finished folder. A build
that fails leaves no finished folder, so the next caller fails the same way instead of reading a
half-written site."""

from __future__ import annotations

import fcntl
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

# The environment of the real site's build (`site_dir` in tests/conftest.py), and of anything
# compared with it.
REAL_SITE_ENV = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The base temporary folder of the whole run: with xdist, each worker's base folder sits in
    the controller's, which is the one all workers share."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if base.name.startswith("popen-gw") else base


def shared_build(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """The folder `make(folder)` fills, made once per run. `make` must leave it complete or raise."""
    root = run_folder(tmp_path_factory) / "shared-builds"
    root.mkdir(exist_ok=True)
    folder, done = root / name, root / f"{name}.done"
    with (root / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a failed attempt left
            folder.mkdir()
            make(folder)
            done.touch()
    return folder
