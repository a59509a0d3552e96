"""Take the README's screenshots from a built site: `python scripts/screenshots.py [SITE_DIR]`.

Serves the site on 127.0.0.1 and saves PNGs of key pages to docs/assets/screenshots/.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from static_site import CHROMIUM, CHROMIUM_ARGS, serve

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "assets" / "screenshots"
PAGES = {
    "home": "",
    "case": "cases/greater-manchester-police-24-hour-tweets/",
    "kit": "kits/elected-members/",
    "briefing": "kits/executives/briefing/",
    "explorer": "cases/?audience=customer-service&topic=emergencies",
    "calculator": "tools/channel-shift/",
    "training": "training/",
    "builder": "briefing/",
    "propose": "contribute/propose/",
}


def main(argv: list[str]) -> int:
    site = Path(argv[0]) if argv else ROOT / "site"
    OUT.mkdir(parents=True, exist_ok=True)
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        for name, url in PAGES.items():
            response = page.goto(base + url)
            if response is None or not response.ok:
                print(f"skipped {name}: {url} not found")
                continue
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(OUT / f"{name}.png"))
            print(f"saved {name}.png")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
