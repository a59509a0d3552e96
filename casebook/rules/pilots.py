"""Rules for pilots: a kit that asks for a pilot finds in it a view for its audience
(`pilot-view-missing`). That the pilot exists is `kit-reference-unknown` (rules/kits.py)."""

from __future__ import annotations

from casebook.content.load import Document
from casebook.problems import Problem
from casebook.rules.context import Context, warning


def check_pilots(ctx: Context) -> list[Problem]:
    problems = []
    for kit in ctx.kits.values():
        problems += check_pilot_view(kit, ctx)
    return problems


def check_pilot_view(kit: Document, ctx: Context) -> list[Problem]:
    """The briefing still shows the shared facts without a view, but nothing from the
    audience's side: worth a warning, not a failed build."""
    pilot = ctx.pilots.get(kit.data.get("pilot", ""))
    if pilot is None or kit.id in pilot.data["views"]:
        return []
    return [
        warning(
            kit,
            ("pilot",),
            f"the pilot '{pilot.id}' has no view for the audience '{kit.id}'",
            f"a views.{kit.id} entry in {pilot.path}",
            f"add views.{kit.id} (lead and points) to {pilot.path}, saying what {kit.data['name']} "
            "need to know beyond the shared facts",
            "pilot-view-missing",
        )
    ]
