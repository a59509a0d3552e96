"""The site outlives MkDocs 1.x: ProperDocs, the maintained drop-in fork, builds the same
mkdocs.yml into the same files, apart from the generator tag."""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
from pathlib import Path

from shared_builds import REAL_SITE_ENV
from support import ROOT

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def build(runner: str, out: Path, epoch: str) -> None:
    # The same environment and date (casebook.clock) as the MkDocs build of `site_dir`.
    env = {**REAL_SITE_ENV, "SOURCE_DATE_EPOCH": epoch}
    result = subprocess.run(
        [str(Path(sys.executable).with_name(runner)), "build", "--strict", "-q", "-d", str(out)],
        cwd=ROOT,
        capture_output=True,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr.decode()[-3000:]


def contents(site: Path) -> dict[str, bytes]:
    files = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)  # the gzip header holds a time stamp
        files[path.relative_to(site).as_posix()] = GENERATOR.sub(b"", data)
    return files


def test_properdocs_builds_the_same_site(site_dir, tmp_path):
    """`site_dir` is the run's MkDocs build of the real site (tests/conftest.py)."""
    build("properdocs", tmp_path / "properdocs", (site_dir.parent / "epoch").read_text(encoding="utf-8"))
    mkdocs, properdocs = contents(site_dir), contents(tmp_path / "properdocs")
    assert sorted(mkdocs) == sorted(properdocs)
    different = [name for name in mkdocs if mkdocs[name] != properdocs[name]]
    assert different == []
    assert b"ProperDocs" in (tmp_path / "properdocs/index.html").read_bytes()
