"""Stage 3, rules: checks a schema cannot express, over documents that passed their schema.

One module per entry type; each rule is a function named for what it checks and reports
`Problem`s with a stable rule id registered in `casebook/rule_registry.py` (and documented, with a bad
and a good example, in CONTRIBUTING.md).
"""

from __future__ import annotations

from casebook.rules.common import (
    check_file_rules,
    check_markdown_fields,
    check_plain_text,
    check_real_dates,
    check_reserved_id,
)
from casebook.rules.cases import check_cases
from casebook.rules.benefits import check_benefits
from casebook.rules.kits import check_kits
from casebook.rules.routes import check_routes
from casebook.rules.pilots import check_pilots
from casebook.rules.taxonomy import check_unused_terms

__all__ = [
    "check_file_rules",
    "check_markdown_fields",
    "check_plain_text",
    "check_real_dates",
    "check_reserved_id",
    "check_cases",
    "check_benefits",
    "check_kits",
    "check_routes",
    "check_pilots",
    "check_unused_terms",
]
