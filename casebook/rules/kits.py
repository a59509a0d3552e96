"""Rules for kits, one function per rule: objections, the briefing, the training route and the pilot link to
real entries (`kit-reference-unknown`), the briefing's choices are tagged for the kit's audience
(`kit-briefing-audience`), and no two kits share a place on the home page (`kit-order-repeat`)."""

from __future__ import annotations

from collections.abc import Iterator

from typing import Any

from casebook.content.hints import Hints
from casebook.kinds import FOLDERS
from casebook.content.load import Document
from casebook.problems import Problem
from casebook.rules.context import Context, problem, warning
from casebook.rules.kit_evidence import check_dated_choices
from casebook.rules.kit_prose import check_kit_prose


def check_kits(ctx: Context) -> list[Problem]:
    problems = []
    for doc in ctx.kits.values():
        problems += check_kit_references(doc, ctx)
        problems += check_briefing_audience(doc, ctx)
        problems += check_dated_choices(doc, ctx)
        problems += check_kit_prose(doc)
    return problems + check_kit_orders(ctx)


def _references(doc: Document) -> Iterator[tuple[tuple[Any, ...], str, Any]]:
    """(keys, kind, id) for every entry a kit names."""
    for index, objection in enumerate(doc.data["objections"]):
        for field, kind in (("benefits", "benefit"), ("cases", "case")):
            for position, ref in enumerate(objection.get(field, [])):
                yield ("objections", index, field, position), kind, ref
    for field, kind in (("statements", "benefit"), ("cases", "case")):
        for position, ref in enumerate(doc.data.get("briefing", {}).get(field, [])):
            yield ("briefing", field, position), kind, ref
    if doc.data.get("training"):
        yield ("training",), "route", doc.data["training"]
    if doc.data.get("pilot"):
        yield ("pilot",), "pilot", doc.data["pilot"]


def check_kit_references(doc: Document, ctx: Context) -> list[Problem]:
    """Every id a kit names is a file in its folder (did-you-mean from one budget per kit)."""
    hints, problems = Hints(), []
    for keys, kind, ref in _references(doc):
        known, folder = ctx.ids[kind], FOLDERS[kind] + "/"
        if ref in known:
            continue
        close = hints.closest(ref, known)
        hint = f"did you mean '{close}'? " if close else ""
        problems.append(
            problem(
                doc,
                keys,
                f"no entry '{ref}' in {folder}",
                f"a file name from {folder}",
                hint + "fix the id or remove it",
                "kit-reference-unknown",
            )
        )
    return problems


def check_briefing_audience(doc: Document, ctx: Context) -> list[Problem]:
    """`briefing: {statements, cases}` name entries tagged for this audience: a briefing for
    councillors must not lead with evidence the kit's editor never meant for them."""
    problems = []
    for keys, kind, ref in _references(doc):
        entry = {"benefit": ctx.benefits, "case": ctx.cases}.get(kind, {}).get(ref)
        if keys[0] != "briefing" or entry is None or doc.id in entry.data["audiences"]:
            continue
        problems.append(
            problem(
                doc,
                keys,
                f"'{ref}' is not tagged for the audience '{doc.id}'",
                f"an entry whose audiences include {doc.id}",
                f"choose another, or add {doc.id} to the audiences in {entry.path} if it really speaks to them",
                "kit-briefing-audience",
            )
        )
    return problems


def check_kit_orders(ctx: Context) -> list[Problem]:
    problems: list[Problem] = []
    orders: dict[Any, str] = {}
    for doc in ctx.kits.values():
        order = doc.data["order"]
        if order in orders:
            problems.append(
                warning(
                    doc,
                    ("order",),
                    f"order {order} is also used by {orders[order]}",
                    "a distinct position",
                    "pick another number",
                    "kit-order-repeat",
                )
            )
        orders.setdefault(order, doc.path)
    return problems
