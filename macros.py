"""mkdocs-macros entry point: exposes the casebook to hand-written pages that opt in with
`render_macros: true`. Generated pages never pass through here, so contributor text is never
evaluated as a template."""

from pathlib import Path

from casebook.pages import render_page
from casebook.repository import load_cached


def define_env(env):
    root = Path(env.conf.config_file_path).resolve().parent
    result = load_cached(root)
    env.variables["casebook"] = result.casebook

    @env.macro
    def home_counts():
        """Counts of cases and statements per audience, as escaped HTML."""
        return render_page("home-counts.html.j2", url=env.page.url, book=result.casebook)
