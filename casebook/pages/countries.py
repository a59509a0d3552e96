"""Country names for ISO 3166-1 alpha-2 codes, short English forms ("United Kingdom")."""

from __future__ import annotations

from functools import cache

import iso3166
from babel import Locale


@cache
def country_name(code: str) -> str:
    short = Locale("en").territories.get(code)
    return short or iso3166.countries_by_alpha2[code].name
