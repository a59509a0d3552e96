"""Every problem the validator (and the weekly source check) can report: its stable id, how severe it
is and one line saying what it means.

This is the one list of rule ids. `Problem` refuses an id that is not here (a typo in code is a bug,
so it raises), takes its severity from here, CONTRIBUTING.md has one section per id (a test checks
both ways), and the `/contribute/` field reference can name them. A new rule is a line here, its
check, and its section in CONTRIBUTING.md with a bad and a good example.
"""

from __future__ import annotations

from typing import NamedTuple

ERROR = "error"
WARNING = "warning"


class Rule(NamedTuple):
    id: str
    severity: str
    summary: str


class UnknownRule(ValueError):
    """Code reported a problem under an id that is not registered: a bug, not a content mistake."""


def _rules(*rows: tuple[str, str, str]) -> dict[str, Rule]:
    return {rule_id: Rule(rule_id, severity, summary) for rule_id, severity, summary in rows}


RULES: dict[str, Rule] = _rules(
    # Stage 1, load: the file itself and its YAML (casebook/content/load.py, yaml_hints.py, repository.py).
    ("file-too-large", ERROR, "A content file is over 100 kB."),
    ("file-not-utf8", ERROR, "The file has bytes that are not UTF-8."),
    ("file-empty", ERROR, "The file holds nothing but comments."),
    ("file-not-mapping", ERROR, "The file holds a list or a single value instead of keys and values."),
    ("file-extension", ERROR, "A file in a content folder does not end in .yml."),
    ("file-missing", ERROR, "taxonomy.yml is missing, so no id can be checked."),
    ("file-not-regular", ERROR, "A content folder holds a link, a folder, a device or a pipe."),
    ("folder-not-plain", ERROR, "A content folder is a link (or not a folder), so nothing in it is read."),
    ("file-hidden", ERROR, "A content folder holds a hidden file (its name starts with '.')."),
    ("yaml-syntax", ERROR, "The YAML cannot be read."),
    ("yaml-tab-indent", ERROR, "A tab is used for indentation."),
    ("yaml-duplicate-key", ERROR, "The same key appears twice in one mapping."),
    ("yaml-anchor", ERROR, "An anchor (&name) or alias (*name) is used (one problem per file)."),
    ("number-too-long", ERROR, "An unquoted number is too long to read (over 4,300 digits)."),
    ("yaml-tag", ERROR, "An explicit tag such as !!python/object is used."),
    ("yaml-comment-in-text", ERROR, "Text holds ' #' without quotes."),
    ("yaml-brace-value", ERROR, "A value starts with {, which YAML reads as a mapping."),
    ("yaml-multiple-documents", ERROR, "The file holds more than one YAML document."),
    ("yaml-key-type", ERROR, "A list or mapping is used as a key."),
    ("yaml-too-deep", ERROR, "Lists and mappings are nested too deep."),
    # Stage 1-2, the file's name and first line (casebook/rules/common.py).
    ("id-format", ERROR, "The file name (the entry's id) is not lowercase kebab-case of at most 80 characters."),
    ("id-reserved", ERROR, "The file name is the address of a page the site already has."),
    ("schema-comment", ERROR, "The first line is not the schema comment that lets editors check the file."),
    # Stage 2, shape: the JSON Schema from casebook/content/contract.py (casebook/content/shape.py).
    ("missing-key", ERROR, "A required key is missing."),
    ("unknown-key", ERROR, "A key is not part of the contract."),
    ("wrong-type", ERROR, "A value has the wrong type."),
    ("unknown-id", ERROR, "A sector, topic, channel or audience id is not declared."),
    ("unknown-country", ERROR, "The country is not an ISO 3166-1 alpha-2 code."),
    ("unknown-grade", ERROR, "A source's grade is not one of primary, secondary, unconfirmed."),
    ("too-short", ERROR, "A text is shorter than the contract allows."),
    ("too-long", ERROR, "A text is longer than the contract allows."),
    ("empty-list", ERROR, "A list that needs at least one item is empty."),
    ("repeated-item", ERROR, "A list names the same id twice."),
    ("out-of-range", ERROR, "A number is outside its range."),
    ("url-scheme", ERROR, "A source address does not start with http:// or https://."),
    ("bad-date", ERROR, "A date is not ISO or not a real day."),
    ("bad-id", ERROR, "A reference or taxonomy key is not kebab-case."),
    ("bad-page-ref", ERROR, "A training step's page is not case:, kit:, benefit: or a docs/ page."),
    ("evidence-kind", ERROR, "A piece of evidence is neither {case: <id>} nor {source: {...}}."),
    ("too-many-problems", ERROR, "The file has so many problems that only the first 200 are listed."),
    ("schema-other", ERROR, "Any other mismatch with the JSON Schema."),
    # Stage 3, rules over one file's text (casebook/rules/common.py).
    ("placeholder-left", ERROR, "A value still holds the TODO text from the template."),
    ("text-html", ERROR, "A plain-text field holds an HTML tag."),
    ("text-control-char", ERROR, "A key or a value holds an invisible character."),
    ("markdown-html", ERROR, "A Markdown field holds raw HTML."),
    ("link-scheme", ERROR, "A link in Markdown does not go to an http(s) address."),
    ("markdown-too-complex", ERROR, "A Markdown field has too many links or lines."),
    ("markdown-image", ERROR, "A Markdown field holds an image."),
    ("markdown-heading", ERROR, "A Markdown field has a heading of level 1 or 2."),
    # Stage 3, rules across files (casebook/rules/).
    ("case-outcome-source-range", ERROR, "An outcome's source number is larger than the number of sources."),
    ("case-quote-source-range", ERROR, "The quote's source number is larger than the number of sources."),
    ("case-headline-repeat", ERROR, "More than one outcome says headline: true."),
    ("related-unknown", ERROR, "A related case id is not a file in case_studies/."),
    ("related-self", ERROR, "A case lists itself as related."),
    ("year-future", ERROR, "The year the work happened is after this year."),
    ("date-future", ERROR, "added or last_verified is after today."),
    ("date-order", ERROR, "last_verified is before added."),
    ("stale-entry", WARNING, "The sources were last checked more than two years ago."),
    ("source-not-original", WARNING, "A source's address is a copy, not the publisher's page."),
    ("value-abbreviated", WARNING, "An outcome's value abbreviates the figure (2.4k, 1.2m, ~300)."),
    (
        "case-probable-duplicate",
        ERROR,
        "A case repeats an earlier one: same organisation and year, and a "
        "shared source address or a near-identical title.",
    ),
    ("evidence-unknown-case", ERROR, "A statement's evidence names a case that is not in case_studies/."),
    ("evidence-self", ERROR, "A statement's evidence names the statement's own id."),
    ("kit-reference-unknown", ERROR, "A kit links a statement, case, training route or pilot that does not exist."),
    ("kit-briefing-audience", ERROR, "A kit's briefing names an entry not tagged for the kit's audience."),
    ("kit-order-repeat", WARNING, "Two kits share the same order."),
    (
        "kit-briefing-dated-choice",
        WARNING,
        "A kit's briefing names evidence over ten years old while a newer "
        "one of the same sector and a wanted kind exists.",
    ),
    ("kit-figure-uncited", ERROR, "A sentence with a figure in a kit's framing or answers cites no source."),
    ("kit-citation-unknown", ERROR, "A kit's prose cites a source number the kit does not list."),
    ("kit-figure-source-predates", ERROR, "A sentence speaking of a year cites only sources published before it."),
    ("pilot-view-missing", WARNING, "A kit asks for a pilot that says nothing from its audience's side."),
    ("route-page-unknown", ERROR, "A training step points at a page that does not exist."),
    ("route-kit-section-unknown", ERROR, "A training step names a kit section that does not exist."),
    ("route-page-section-unknown", ERROR, "A training step names a heading its page does not have."),
    ("route-too-long", ERROR, "A training route's steps add up to more than 240 minutes."),
    ("taxonomy-unused", WARNING, "An id declared in taxonomy.yml is used by no case or statement."),
    # The weekly source check (casebook/scheduled/linkcheck.py, `make links`), never the validator.
    ("source-link-dead", WARNING, "A source's address answers with an error such as 404."),
    ("source-link-moved", WARNING, "A source's address redirects permanently to a new one."),
    ("source-link-unreachable", WARNING, "A source's address timed out or kept refusing requests."),
)


def rule(rule_id: str) -> Rule:
    """The registered rule, or `UnknownRule` naming this file so the fix is obvious."""
    try:
        return RULES[rule_id]
    except KeyError:
        raise UnknownRule(
            f"rule id {rule_id!r} is not registered: add it to casebook/rule_registry.py "
            "and give it a section in CONTRIBUTING.md"
        ) from None
