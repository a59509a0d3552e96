"""mkdocs-macros entry point: exposes the casebook to hand-written pages that opt in with
`render_macros: true`. Each macro returns HTML rendered by an autoescaping template, so
contributor text never reaches a page unescaped; generated pages never pass through here."""

from pathlib import Path

from casebook.pages import contribute
from casebook.content.contract import BASES_EXPLAINED, GRADES_EXPLAINED, OUTCOME_KINDS_EXPLAINED, schemas
from casebook.pages.render import render_page
from casebook.model.relevance import reader_from
from casebook.repository import current_vocabulary, load_cached
from casebook.model.strength import KINDS

LATEST = 6


def define_env(env):
    root = Path(env.conf.config_file_path).resolve().parent
    book = load_cached(root, reader=reader_from(env.conf.extra.get("reader"))).casebook
    env.variables["casebook"] = book

    @env.macro
    def audience_cards():
        """One card per audience, in kit order, with what moves them and counts."""
        return render_page("home-audiences.html.j2", url=env.page.url, book=book)

    @env.macro
    def field_reference():
        """Every field of every entry type, read from the JSON Schemas the validator uses."""
        return contribute.field_reference(schemas(current_vocabulary(root)), book, url=env.page.url)

    @env.macro
    def propose_form():
        """The propose-a-case form; repository and e-mail come from mkdocs.yml, nowhere else."""
        settings = {"repo_url": env.conf.repo_url or "", **env.conf.extra.get("contribute", {})}
        return contribute.propose_form(
            schemas(current_vocabulary(root))["case"], book, url=env.page.url, settings=settings
        )

    @env.macro
    def latest_cases(count: int = LATEST):
        """The cases with the most recent figures (Casebook.latest_cases)."""
        return render_page("home-latest.html.j2", url=env.page.url, book=book, cases=book.latest_cases(count))

    @env.macro
    def evidence_labels():
        """The strength labels, strongest first, as the "How we grade evidence" page shows them."""
        return render_page("evidence-kinds.html.j2", url=env.page.url, kinds=KINDS)

    @env.macro
    def evidence_bases():
        """How a figure was obtained (contract.BASES_EXPLAINED), in the schema's wording."""
        return render_page("evidence-terms.html.j2", url=env.page.url, prefix="basis", terms=BASES_EXPLAINED)

    @env.macro
    def outcome_kinds():
        """What a figure measures (contract.OUTCOME_KINDS_EXPLAINED), in the schema's wording."""
        return render_page("evidence-terms.html.j2", url=env.page.url, prefix="kind", terms=OUTCOME_KINDS_EXPLAINED)

    @env.macro
    def evidence_grades():
        """The three source grades in the one wording the schema and the guide use."""
        return render_page("evidence-grades.html.j2", url=env.page.url, grades=GRADES_EXPLAINED)
