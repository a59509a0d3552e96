"""The library's breadth, over the real content (issue 12's floor): enough cases and statements,
for every audience, from this decade, beyond Twitter and beyond the UK. Adding content can only
keep these passing; removing it below the floor should be a deliberate decision."""

from __future__ import annotations

from support import real_casebook

OTHER_CHANNELS = {"facebook", "instagram", "whatsapp", "nextdoor", "youtube", "tiktok", "linkedin"}
FLOOR = {"cases": 60, "statements": 80, "per_audience": 12, "since_2020": 20, "other_channel_led": 6, "outside_uk": 8}


def test_the_library_meets_its_floor():
    book = real_casebook()
    cases = list(book.cases.values())
    counts = {
        "cases": len(cases),
        "statements": len(book.benefits),
        "per_audience": min(len(book.cases_for(kit)) for kit in book.kits),
        "since_2020": sum(case.year >= 2020 for case in cases),
        # "led by" = the first channel the contributor lists
        "other_channel_led": sum(bool(case.channels) and case.channels[0] in OTHER_CHANNELS for case in cases),
        "outside_uk": sum(case.country != "GB" for case in cases),
    }
    short = {name: (counts[name], floor) for name, floor in FLOOR.items() if counts[name] < floor}
    assert short == {}, f"below the floor (found, needed): {short}"
