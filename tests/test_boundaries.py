"""The domain package never imports the site generator (issue 20): casebook/ imports neither
mkdocs, material nor markdown (Python-Markdown); Python-Markdown is reached only through
mkdocs_adapter.markdown_engine, which itself imports neither MkDocs nor Material."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = ("mkdocs", "material", "markdown")
ENGINE = "mkdocs_adapter.markdown_engine"  # the one door from casebook/ to Python-Markdown


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every import in a file; relative imports resolved from the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


def top(module: str) -> str:
    return module.split(".")[0]


def violations(package: Path, forbidden: tuple[str, ...], allowed: set[str]) -> list[str]:
    return [
        f"{path.relative_to(ROOT)}:{line}: imports {module}"
        for path in sorted(package.rglob("*.py"))
        for line, module in imported_modules(path)
        if (top(module) in forbidden or top(module) == "mkdocs_adapter") and module not in allowed
    ]


def test_casebook_imports_no_site_generator():
    assert violations(ROOT / "casebook", FORBIDDEN, {ENGINE}) == []


def test_the_markdown_engine_imports_no_mkdocs_or_material():
    engine = ROOT / "mkdocs_adapter" / "markdown_engine.py"
    assert [module for _, module in imported_modules(engine) if top(module) in ("mkdocs", "material")] == []


def test_the_check_sees_an_import(tmp_path):
    """The check itself fails on each forbidden form, so a green run means something."""
    package = tmp_path / "casebook"
    package.mkdir()
    (package / "a.py").write_text("import markdown\n")
    (package / "b.py").write_text("from mkdocs.structure.files import File\n")
    (package / "c.py").write_text("def f():\n    from material.plugins import x\n")
    (package / "d.py").write_text("from mkdocs_adapter.buildcache import CACHE\n")
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        found = violations(package, FORBIDDEN, {ENGINE})
    finally:
        ROOT = saved
    assert [item.split(": ")[1] for item in found] == [
        "imports markdown",
        "imports mkdocs.structure.files",
        "imports material.plugins",
        "imports mkdocs_adapter.buildcache",
    ]


def test_template_lines_stay_readable():
    """No template line over 300 characters (issue 20): a long line is cut before a tag with an
    empty Jinja comment across the newline (`{#` at the end, `#}` at the start of the next), which
    changes no byte of the output."""
    long = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("templates", "overrides")
        for path in sorted((ROOT / folder).rglob("*"))
        if path.is_file() and path.suffix in (".j2", ".html")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if len(line) > 300
    ]
    assert long == []
