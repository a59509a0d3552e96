"""The route's PowerPoint opens in LibreOffice Impress with every slide, and its pages render.

LibreOffice is not installed by `make test` (it is large); where `soffice` is on the PATH this
test runs, elsewhere it says why it did not."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from pptx import Presentation

from casebook.exports.slides import route_pptx
from casebook.pages.training import build_session
from casebook.repository import load_casebook
from support import TODAY

SOFFICE = shutil.which("soffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_route_pptx_opens_in_libreoffice_with_every_slide(repo, tmp_path):
    book = load_casebook(repo, today=TODAY).casebook
    data = route_pptx(book, build_session(book, book.routes["fixture-session"]))
    (tmp_path / "route.pptx").write_bytes(data)
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "route.pptx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = (tmp_path / "route.pdf").read_bytes()
    slides = len(Presentation(io.BytesIO(data)).slides)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == slides
