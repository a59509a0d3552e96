"""Rules for kits: objections link to real statements and cases; the route exists."""

from __future__ import annotations

import difflib

from ..problems import Problem
from .context import Context, problem, warning


def check_kits(ctx: Context) -> list[Problem]:
    problems = []
    orders: dict[int, str] = {}
    for doc in ctx.kits.values():
        for index, objection in enumerate(doc.data["objections"]):
            for field, known, folder in (("benefits", ctx.ids["benefit"], "benefits/"),
                                         ("cases", ctx.ids["case"], "case_studies/")):
                for position, ref in enumerate(objection.get(field, [])):
                    problems += _check_reference(doc, ("objections", index, field, position), ref,
                                                 known, folder)
        route = doc.data.get("training")
        if route:
            problems += _check_reference(doc, ("training",), route, ctx.ids["route"], "training/")
        order = doc.data["order"]
        if order in orders:
            problems.append(warning(doc, ("order",), f"order {order} is also used by {orders[order]}",
                                    "a distinct position", "pick another number", "kit-order-repeat"))
        orders.setdefault(order, doc.path)
    return problems


def _check_reference(doc, keys, ref: str, known: frozenset, folder: str) -> list[Problem]:
    if ref in known:
        return []
    close = difflib.get_close_matches(ref, known, n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return [problem(doc, keys, f"no entry '{ref}' in {folder}", f"a file name from {folder}",
                    hint + "fix the id or remove it", "kit-reference-unknown")]
