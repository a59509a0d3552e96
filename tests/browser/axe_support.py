"""axe-core for the browser tests: the copy vendored under vendor/axe-core/ (4.14.1, the version
Lighthouse 13.5.0 runs for its accessibility score), checked against its checksum, run with all
of its default rules (WCAG 2.0-2.2 A and AA and best practices)."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe-4.14.1.min.js"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"


@functools.cache
def axe_source() -> str:
    """The vendored script, refused if it is not the file the checksum names."""
    data = AXE.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != AXE_SHA256:
        raise AssertionError(f"{AXE} has SHA-256 {digest}, expected {AXE_SHA256}: see its README.md")
    return data.decode("utf-8")


def violations(page, where: str) -> list[str]:
    """axe's violations on the page as it is now, one readable block per rule: where (page and
    state), rule, impact, what it means, and up to five failing elements with axe's advice."""
    if not page.evaluate("Boolean(window.axe)"):
        # evaluate(), not add_script_tag(): the site's Content-Security-Policy forbids inline scripts.
        page.evaluate(axe_source())
    # Judge the colours a reader ends up seeing: a button caught mid-way through Material's colour
    # transition (after a click) measured 4.27:1 in a run under load, though its settled colours pass.
    page.evaluate("document.getAnimations().forEach(a => a.finish())")
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    found = []
    for rule in result["violations"]:
        lines = [f"{where}: {rule['id']} ({rule['impact']}): {rule['help']} <{rule['helpUrl']}>"]
        for node in rule["nodes"][:5]:
            advice = " ".join(node["failureSummary"].split())
            lines.append(f"    at {' '.join(map(str, node['target']))}: {node['html'][:120]}\n      {advice}")
        found.append("\n".join(lines))
    return found
