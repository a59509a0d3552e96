"""Rules for kits: objections link to real statements and cases; the route exists."""

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
