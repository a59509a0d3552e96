"""The settings files that list the content folders, written from the registry of kinds
(casebook/kinds.py) by `make schemas`: the editor's schema map (.vscode/settings.json), the
pre-commit hooks (.pre-commit-config.yaml) and the folders `mkdocs serve` watches (mkdocs.yml).

Each function takes the file's current text and returns it with only the generated part
rewritten, so comments and other settings stay as people wrote them.
"""

from __future__ import annotations

import re

from casebook.kinds import KINDS, SCHEMA_FILES, TAXONOMY

# What `mkdocs serve` watches besides the content: the code and templates a page is made from.
WATCH_EXTRA = ("templates", "synonyms.yml", "casebook", "mkdocs_adapter", "overrides")


def content_pattern() -> str:
    """The pre-commit `files:` pattern of every content file."""
    folders = "|".join(kind.folder for kind in KINDS)
    return rf"^({folders})/.*\.yml$|^{re.escape(TAXONOMY)}$"


def editor_settings(text: str) -> str:
    lines = [f'    "./schema/{kind.schema_file}": ["{kind.folder}/*.yml"],' for kind in KINDS]
    lines.append(f'    "./schema/{SCHEMA_FILES["taxonomy"]}": ["{TAXONOMY}"]')
    block = '"yaml.schemas": {\n' + "\n".join(lines) + "\n  }"
    return _replace(text, r'"yaml\.schemas": \{.*?\n  \}', block, ".vscode/settings.json")


def pre_commit(text: str) -> str:
    text = re.sub(
        r"(?m)^(        files: )\^\(.*\|\^taxonomy\\\.yml\$$", lambda match: match.group(1) + content_pattern(), text
    )
    hooks = [
        (f"{kind.folder}/ against schema/{kind.schema_file}", f"^{kind.folder}/.*\\.yml$", kind.schema_file)
        for kind in KINDS
    ]
    hooks.append(
        (f"{TAXONOMY} against schema/{SCHEMA_FILES['taxonomy']}", f"^{re.escape(TAXONOMY)}$", SCHEMA_FILES["taxonomy"])
    )
    block = "    hooks:\n" + "".join(
        f"      - id: check-jsonschema\n        name: {name}\n        files: {files}\n"
        f"        args: [--schemafile, schema/{schema}]\n"
        for name, files, schema in hooks
    )
    return _replace(
        text, r"    hooks:\n(      - id: check-jsonschema\n(        [^\n]*\n)+)+", block, ".pre-commit-config.yaml"
    )


def mkdocs_watch(text: str) -> str:
    items = [kind.folder for kind in KINDS] + [TAXONOMY, *WATCH_EXTRA]
    block = "watch:\n" + "".join(f"  - {item}\n" for item in items)
    return _replace(text, r"(?m)^watch:\n(  - [^\n]*\n)+", block, "mkdocs.yml")


def _replace(text: str, pattern: str, block: str, name: str) -> str:
    new, count = re.subn(pattern, lambda _: block, text, count=1, flags=re.DOTALL)
    if count != 1:
        raise SystemExit(f"{name}: the generated part was not found; restore it from git")
    return new


GENERATED = {
    ".vscode/settings.json": editor_settings,
    ".pre-commit-config.yaml": pre_commit,
    "mkdocs.yml": mkdocs_watch,
}
