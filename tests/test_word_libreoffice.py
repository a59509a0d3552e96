"""The standard briefing's Word file opens in LibreOffice and lays out on one A4 page.

LibreOffice is not installed by `make test` (it is large); where `soffice` is on the PATH this
test runs, elsewhere it says why it did not."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from casebook.pages.briefing import plan_briefings
from casebook.repository import load_casebook
from casebook.exports.word import briefing_docx
from support import TODAY

SOFFICE = shutil.which("soffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_word_briefing_opens_in_libreoffice_on_one_page(repo, tmp_path):
    brief = plan_briefings(load_casebook(repo, today=TODAY).casebook)["executives"]
    (tmp_path / "briefing.docx").write_bytes(briefing_docx(brief, site_address="https://example.org/kits/executives/"))
    subprocess.run([SOFFICE, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "briefing.docx")],
                   check=True, capture_output=True, timeout=180)
    pdf = (tmp_path / "briefing.pdf").read_bytes()
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
