"""Serve a built site on 127.0.0.1 for a browser, and how to start Debian's Chromium.

Shared by the browser tests, the benchmark and the screenshot script.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from pathlib import Path
from collections.abc import Iterator

CHROMIUM = "/usr/bin/chromium"
# Headless, and quiet towards a network this machine does not have.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve_with(handler) -> Iterator[str]:
    """Yield the base URL (with a trailing slash) of `handler` served on a free port of 127.0.0.1."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def serve(directory: Path):
    """Yield the base URL of `directory` served on a free port of 127.0.0.1."""
    return serve_with(functools.partial(_Quiet, directory=str(directory)))
