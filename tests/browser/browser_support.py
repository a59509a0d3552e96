"""Helpers for the browser tests."""

from __future__ import annotations

import time


def wait_until(page, expression: str, timeout_ms: int = 10_000) -> None:
    """Poll `expression` until it is truthy. Playwright's wait_for_function evaluates its predicate
    with eval() inside the page, which the site's Content-Security-Policy rightly forbids;
    page.evaluate goes through the browser's debugging protocol instead."""
    deadline = time.monotonic() + timeout_ms / 1000
    while not page.evaluate(f"Boolean({expression})"):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout_ms} ms: {expression}")
        page.wait_for_timeout(50)
