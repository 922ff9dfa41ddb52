# AI Race, Annotated. Every target sets itself up: only Python 3 and make are needed.
# make serve | site | test | check | bench | bench-quick | dist | lock | schema | clean

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
SITE   := site

# Reproducible builds: every date in the output derives from the last commit, not the clock.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1767225600)
export SOURCE_DATE_EPOCH
export NO_MKDOCS_2_WARNING := 1
# Compiled Python goes to .cache/pycache, not beside the sources: nothing new appears in the folders that
# `mkdocs serve` watches, and `make check` does not recompile the engine on every run.
export PYTHONPYCACHEPREFIX := $(CURDIR)/.cache/pycache
export PYTHONDONTWRITEBYTECODE :=

SITE_DEPS := $(VENV)/.site-deps
TEST_DEPS := $(VENV)/.test-deps

.PHONY: help serve site check test test-fast bench bench-quick dist lock schema clean

help:
	@echo "make serve        live site on http://127.0.0.1:$(PORT) (reloads on data, template and code edits)"
	@echo "make site         strict build into site/ (replaced only if the build succeeds)"
	@echo "make check        validate data/ and print every problem as path:line: subject: message [code]"
	@echo "make test         the whole test suite (unit, site, browser)"
	@echo "make bench        benchmarks (bench-quick: the small sizes only)"
	@echo "make dist         site and offline copy as archives in dist/"
	@echo "make lock         regenerate requirements*.lock from pyproject.toml"

$(SITE_DEPS): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . 2>/dev/null || \
	  $(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@touch $@

$(TEST_DEPS): requirements-test.lock $(SITE_DEPS)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.lock
	@touch $@

serve: $(SITE_DEPS)
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:$(PORT)

# The offline copy (Material's offline plugin: works from file://, search included) is built first,
# zipped, and published inside the site at downloads/ai-race-annotated-offline.zip.
site: $(SITE_DEPS)
	@tmp=$$(mktemp -d .site-build.XXXXXX) && chmod 755 "$$tmp" && off=$$(mktemp -d .site-build.XXXXXX) && \
	if OFFLINE=true $(BIN)/mkdocs build --strict --quiet --site-dir "$$off/offline" && \
	   $(BIN)/python -m explainer.dist --offline "$$off/offline" --out "$$off" >/dev/null && \
	   EXPLAINER_OFFLINE_ZIP="$$off/ai-race-annotated-offline.zip" $(BIN)/mkdocs build --strict --quiet --site-dir "$$tmp"; then \
	  rm -rf $(SITE).old "$$off"; if [ -d $(SITE) ]; then mv $(SITE) $(SITE).old; fi; \
	  mv "$$tmp" $(SITE) && rm -rf $(SITE).old && echo "built $(SITE)/"; \
	else rm -rf "$$tmp" "$$off"; echo "build failed: $(SITE)/ was left as it was" >&2; exit 1; fi

check: $(SITE_DEPS)
	@$(BIN)/python -m explainer check

test: $(TEST_DEPS)
	$(BIN)/python -m pytest

test-fast: $(TEST_DEPS)
	$(BIN)/python -m pytest -m "not site and not browser"

bench: $(TEST_DEPS)
	$(BIN)/python -m bench

bench-quick: $(TEST_DEPS)
	$(BIN)/python -m bench --quick

dist: site
	@mkdir -p dist && cp $(SITE)/downloads/ai-race-annotated-offline.zip dist/ && \
	$(BIN)/python -m explainer.dist --site $(SITE) --out dist && ls -l dist

schema: $(SITE_DEPS)
	$(BIN)/python -m explainer schema

lock:
	$(PYTHON) -m venv .lock-venv && .lock-venv/bin/pip install --quiet pip-tools==7.6.2
	.lock-venv/bin/pip-compile --quiet --no-emit-index-url --no-emit-find-links --strip-extras --allow-unsafe -o requirements.lock pyproject.toml
	.lock-venv/bin/pip-compile --quiet --no-emit-index-url --no-emit-find-links --strip-extras --allow-unsafe --extra test -o requirements-test.lock pyproject.toml
	rm -rf .lock-venv

clean:
	rm -rf $(SITE) $(SITE).old .site-build.* dist .pytest_cache
