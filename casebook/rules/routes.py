"""Rules for training routes: every step's page (and section) exists, and the session fits a day."""

from __future__ import annotations

from typing import Any

from casebook.content.contract import PAGE_FORMS
from casebook.content.load import Document
from casebook.problems import Problem
from casebook.content.steps import KIT_SECTIONS, page_sections, parse_target, read_page
from casebook.rules.context import Context, problem

MAX_ROUTE_MINUTES = 240  # half a day: longer sessions should be split into routes


def check_routes(ctx: Context) -> list[Problem]:
    problems = []
    for doc in ctx.routes.values():
        for index, step in enumerate(doc.data["steps"]):
            problems += check_step_page(doc, index, step["page"], ctx)
        problems += check_route_length(doc)
    return problems


def check_step_page(doc: Document, index: int, page: str, ctx: Context) -> list[Problem]:
    keys = ("steps", index, "page")
    target = parse_target(page)
    if not page_exists(target, ctx):
        return [
            problem(
                doc,
                keys,
                f"page '{page}' does not exist",
                f"{PAGE_FORMS} or a file under docs/",
                "check the id or the path (relative to docs/)",
                "route-page-unknown",
            )
        ]
    if target.section and target.kind == "kit" and target.section not in KIT_SECTIONS:
        return [
            problem(
                doc,
                keys,
                f"kit section '#{target.section}' does not exist",
                f"one of {', '.join('#' + s for s in KIT_SECTIONS)}",
                "use one of those sections, or drop '#...' to show the kit's overview",
                "route-kit-section-unknown",
            )
        ]
    if target.section and target.kind == "guide":
        anchors = page_sections(read_page(ctx.root / "docs" / target.ref)[1])
        if target.section not in anchors:
            return [
                problem(
                    doc,
                    keys,
                    f"'{target.ref}' has no section '#{target.section}'",
                    f"the anchor of one of its '##' headings: {', '.join(anchors) or 'none'}",
                    "copy the anchor from the heading's link on the page, or drop '#...'",
                    "route-page-section-unknown",
                )
            ]
    return []


def check_route_length(doc: Document) -> list[Problem]:
    minutes = [step["minutes"] for step in doc.data["steps"]]
    total = sum(minutes)
    if total <= MAX_ROUTE_MINUTES:
        return []
    return [
        problem(
            doc,
            ("steps",),
            f"the steps add up to {total} minutes",
            f"at most {MAX_ROUTE_MINUTES} minutes in one route",
            "shorten steps, or split the session into two routes",
            "route-too-long",
        )
    ]


def page_exists(target: Any, ctx: Context) -> bool:
    if target.kind != "guide":
        return target.ref in ctx.ids[target.kind]
    path = (ctx.root / "docs" / target.ref).resolve()
    return path.is_file() and (ctx.root / "docs").resolve() in path.parents
