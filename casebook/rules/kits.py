"""Rules for kits: objections and the briefing link to real statements and cases, the briefing's
choices are tagged for the kit's audience; the route exists."""

from __future__ import annotations

from ..hints import Hints
from ..problems import Problem
from .context import Context, problem, warning


def check_kits(ctx: Context) -> list[Problem]:
    problems = []
    orders: dict[int, str] = {}
    for doc in ctx.kits.values():
        hints = Hints()
        for index, objection in enumerate(doc.data["objections"]):
            for field, known, folder in (("benefits", ctx.ids["benefit"], "benefits/"),
                                         ("cases", ctx.ids["case"], "case_studies/")):
                for position, ref in enumerate(objection.get(field, [])):
                    problems += _check_reference(doc, ("objections", index, field, position), ref,
                                                 known, folder, hints)
        problems += check_briefing_choice(doc, ctx, hints)
        route = doc.data.get("training")
        if route:
            problems += _check_reference(doc, ("training",), route, ctx.ids["route"], "training/", hints)
        order = doc.data["order"]
        if order in orders:
            problems.append(warning(doc, ("order",), f"order {order} is also used by {orders[order]}",
                                    "a distinct position", "pick another number", "kit-order-repeat"))
        orders.setdefault(order, doc.path)
    return problems


def _check_reference(doc, keys, ref: str, known: frozenset, folder: str, hints: Hints) -> list[Problem]:
    if ref in known:
        return []
    close = hints.closest(ref, known)
    hint = f"did you mean '{close}'? " if close else ""
    return [problem(doc, keys, f"no entry '{ref}' in {folder}", f"a file name from {folder}",
                    hint + "fix the id or remove it", "kit-reference-unknown")]


def check_briefing_choice(doc, ctx: Context, hints: Hints) -> list[Problem]:
    """`briefing: {statements, cases}` name existing entries tagged for this audience: a briefing
    for councillors must not lead with evidence the kit's editor never meant for them."""
    problems = []
    chosen = doc.data.get("briefing", {})
    for field, entries, folder in (("statements", ctx.benefits, "benefits/"),
                                   ("cases", ctx.cases, "case_studies/")):
        known = ctx.ids["benefit" if field == "statements" else "case"]
        for position, ref in enumerate(chosen.get(field, [])):
            keys = ("briefing", field, position)
            found = _check_reference(doc, keys, ref, known, folder, hints)
            problems += found
            entry = entries.get(ref)
            if not found and entry is not None and doc.id not in entry.data["audiences"]:
                problems.append(problem(
                    doc, keys, f"'{ref}' is not tagged for the audience '{doc.id}'",
                    f"an entry whose audiences include {doc.id}",
                    f"choose another, or add {doc.id} to the audiences in {entry.path} if it "
                    "really speaks to them", "kit-briefing-audience"))
    return problems
