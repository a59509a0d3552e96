"""Before `make serve`: is the port free? One line saying how to pick another if not, instead of
MkDocs' traceback ending "OSError: [Errno 98]". `python scripts/port_free.py PORT`."""

from __future__ import annotations

import socket
import sys


def main(argv: list[str]) -> int:
    port = int(argv[0]) if argv else 8000
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            print(
                f"Port {port} is already in use (is another make serve running?): stop it, or run "
                f"make serve PORT={port + 1}",
                file=sys.stderr,
            )
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
