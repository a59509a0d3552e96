#!/usr/bin/env bash
# The GitHub workflows: actionlint (syntax, expressions, shell) and zizmor (security: injection,
# permissions, pinning), both from pinned wheels. Offline; accepted findings are in .github/zizmor.yml.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
"$bin/actionlint" .github/workflows/*.yml
"$bin/zizmor" --offline --quiet --persona pedantic --config .github/zizmor.yml .github/workflows/
