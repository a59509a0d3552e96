#!/usr/bin/env bash
# The browser tests drive Debian's Chromium at /usr/bin/chromium, and the JavaScript unit tests
# run under Node's built-in test runner; the reproducible-build test runs one build under faketime.
# Install what is missing when we are root; otherwise fail loudly with what to do.
# `ensure_test_tools.sh npm` checks only npm (make setup installs Pagefind with it).
set -euo pipefail
if [ $# -gt 0 ]; then wanted=("$@"); else wanted=(chromium node faketime poppler-utils); fi
missing=()
for tool in "${wanted[@]}"; do
  case "$tool" in
    chromium) [ -x /usr/bin/chromium ] || missing+=(chromium) ;;
    node) command -v node >/dev/null 2>&1 || missing+=(nodejs) ;;
    npm) command -v npm >/dev/null 2>&1 || missing+=(npm) ;;
    faketime) command -v faketime >/dev/null 2>&1 || missing+=(faketime) ;;  # builds on another day must match
    poppler-utils) command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils) ;;  # printed pages read back as text and images
  esac
done
[ ${#missing[@]} -eq 0 ] && exit 0
# As root, or where sudo needs no password (the dev container's user).
as_root=()
[ "$(id -u)" = "0" ] || { sudo -n true 2>/dev/null && as_root=(sudo -n); }
if { [ "$(id -u)" = "0" ] || [ ${#as_root[@]} -gt 0 ]; } && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]}..."
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "ERROR: missing ${missing[*]}. Install Debian's packages (sudo apt-get install ${missing[*]}) and run make again." >&2
exit 1
