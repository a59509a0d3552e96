# Buy-in Casebook. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): requirements.txt requirements-test.txt constraints.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-test.txt -c constraints.txt
	PYTHONWARNINGS=ignore $(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $(STAMP)

# Pagefind, the search indexer, from npm (the PyPI wheel stops at 1.5.2), and Biome, the
# JavaScript linter and formatter (its binary comes as an optional dependency, so no install
# script runs): pinned in tools/node/package-lock.json, installed there; casebook/search/pagefind.py
# finds Pagefind, biome.jsonc configures Biome.
NODE_TOOLS := tools/node/node_modules/.installed
BIOME := tools/node/node_modules/.bin/biome
$(NODE_TOOLS): tools/node/package.json tools/node/package-lock.json
	@bash scripts/ensure_test_tools.sh npm
	cd tools/node && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $(NODE_TOOLS)

setup: $(STAMP) $(NODE_TOOLS) ## Create .venv and install the pinned dependencies (Python and Pagefind)

PORT ?= 8000
serve: $(STAMP) $(NODE_TOOLS) ## Serve the site at http://127.0.0.1:8000 with live reload (PORT=8001 for another port)
	@$(PY) scripts/port_free.py $(PORT)
	CASEBOOK_SITE_URL=http://127.0.0.1:$(PORT)/ $(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

build: $(STAMP) $(NODE_TOOLS) ## Build the site into site/ (fails on any content error, leaving the old site/)
	$(PY) scripts/build_site.py

validate: $(STAMP) ## Check every content file and list all problems (FILE=path checks one)
	$(PY) scripts/validate.py $(FILE)
	@test -n "$(FILE)" || $(PY) scripts/build_schemas.py --check

CONTENT_TESTS := tests/test_content_counts.py tests/test_content_sources.py tests/test_real_content.py
check: $(STAMP) $(NODE_TOOLS) ## The check for a content pull request, under a minute: validate, strict build, content tests
	$(PY) scripts/validate.py $(FILE)
	$(PY) scripts/build_schemas.py --check
	$(PY) scripts/build_site.py --quiet
	$(PY) -m pytest -q -p no:cacheprovider $(CONTENT_TESTS)

schemas: $(STAMP) ## Rewrite schema/ after changing taxonomy.yml or kits/
	$(PY) scripts/build_schemas.py

test-tools: ## Install Debian's chromium and nodejs for the tests (as root, when missing)
	@bash scripts/ensure_test_tools.sh

# pytest on two processes, a test file to each in turn (pytest-xdist): sites several files read are
# built once for the run (tests/shared_builds.py). PYTEST_WORKERS= runs it in one process.
PYTEST_WORKERS ?= -n 2 --dist loadfile
test: $(STAMP) $(NODE_TOOLS) test-tools ## Validate, build --strict, then run unit, JavaScript and browser tests
	$(PY) scripts/validate.py
	bash scripts/lint_workflows.sh
	$(PY) scripts/build_schemas.py --check
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	$(BIOME) ci --error-on-warnings
	$(PY) scripts/build_site.py --quiet
	node --test tests/js/
	$(PY) scripts/bench.py --quick
	$(PY) -m pytest $(PYTEST_WORKERS)

links: $(STAMP) ## Check every source link with lychee (needs the network)
	$(PY) scripts/check_links.py

stale: $(STAMP) ## List entries whose sources were last checked over two years ago
	$(PY) scripts/stale.py

lint: $(STAMP) $(NODE_TOOLS) ## Lint and format-check the Python (ruff) and the JavaScript (Biome), type-check casebook/ (mypy --strict), in seconds
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	$(BIOME) ci --error-on-warnings

lint-workflows: $(STAMP) ## Check .github/workflows with actionlint and zizmor
	bash scripts/lint_workflows.sh

LIGHTHOUSE := scripts/lighthouse/node_modules/.installed
$(LIGHTHOUSE): scripts/lighthouse/package.json scripts/lighthouse/package-lock.json
	cd scripts/lighthouse && npm ci --no-audit --no-fund --ignore-scripts
	@touch $(LIGHTHOUSE)

lighthouse: $(LIGHTHOUSE) ## Install the pinned Lighthouse for make bench (npm ci, scripts/lighthouse/)

bench: $(STAMP) $(NODE_TOOLS) test-tools $(LIGHTHOUSE) ## Benchmark the build against a plain Material build (about 10 minutes)
	$(PY) scripts/bench.py

.PHONY: help setup serve build validate check schemas test-tools test links stale lint lint-workflows bench lighthouse
