#!/usr/bin/env bash
# The browser tests drive Debian's Chromium at /usr/bin/chromium, and the JavaScript unit tests
# run under Node's built-in test runner; the reproducible-build test runs one build under faketime.
# Install what is missing when we are root; otherwise fail loudly with what to do.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v faketime >/dev/null 2>&1 || missing+=(faketime)  # builds on another day must match
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)  # printed pages read back as text and images
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} for the tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "ERROR: missing ${missing[*]}. Install Debian's packages (sudo apt-get install ${missing[*]}) and run 'make test' again." >&2
exit 1
