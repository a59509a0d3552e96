"""Rules for training routes: every step's page exists."""

from __future__ import annotations

from ..contract import PAGE_FORMS, PAGE_KINDS
from ..problems import Problem
from .context import Context, problem


def check_routes(ctx: Context) -> list[Problem]:
    problems = []
    for doc in ctx.routes.values():
        for index, step in enumerate(doc.data["steps"]):
            if not page_exists(step["page"], ctx):
                problems.append(problem(doc, ("steps", index, "page"), f"page '{step['page']}' does not exist",
                                        f"{PAGE_FORMS} or a file under docs/",
                                        "check the id or the path (relative to docs/)", "route-page-unknown"))
    return problems


def page_exists(page: str, ctx: Context) -> bool:
    kind, _, ref = page.partition(":")
    if ref and kind in PAGE_KINDS:
        return ref in ctx.ids[kind]
    path = (ctx.root / "docs" / page).resolve()
    return path.is_file() and (ctx.root / "docs").resolve() in path.parents
