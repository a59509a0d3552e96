"""The standard briefing's Word file opens in LibreOffice and lays out on one A4 page, with no note
number alone at the start of a line.

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
from casebook.model.urls import briefing_docx_url
from support import TODAY

SOFFICE = shutil.which("soffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_word_briefing_opens_in_libreoffice_on_one_page(repo, tmp_path):
    brief = plan_briefings(load_casebook(repo, today=TODAY).casebook)["executives"]
    (tmp_path / "briefing.docx").write_bytes(briefing_docx(brief, site_address="https://example.org/kits/executives/"))
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
            str(tmp_path / "briefing.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = (tmp_path / "briefing.pdf").read_bytes()
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_real_word_briefings_lay_out_on_one_page_each(tmp_path, site_dir):
    """The Word files the real site ships (the pilot's shared facts, the audience's view and the
    printed site address at its real length): still one page each."""
    from support import real_casebook

    book = real_casebook()
    for kit in book.kits.values():
        shutil.copy(site_dir / briefing_docx_url(kit.id), tmp_path / f"{kit.id}.docx")
    pages = pdf_pages(tmp_path, sorted(tmp_path.glob("*.docx")))
    assert pages == {kit_id: 1 for kit_id in book.kits}, pages
    if shutil.which("pdftotext"):  # and no note number was set at the start of a line, away from its word
        for kit_id in book.kits:
            text = subprocess.run(
                ["pdftotext", "-layout", str(tmp_path / f"{kit_id}.pdf"), "-"], capture_output=True, check=True
            ).stdout.decode()
            assert re.findall(r"(?m)^\s*\[[\d,]+\]", text) == [], (kit_id, text)


def pdf_pages(tmp_path, files) -> dict[str, int]:
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
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return {f.stem: len(re.findall(rb"/Type\s*/Page[^s]", (tmp_path / f"{f.stem}.pdf").read_bytes())) for f in files}
