# Two commands do everything: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8001
DB ?= db/timeline.db
REAL ?= ../shared/realworld
# The versions CI installs (pip install -c): one known set, rewritten by `make constraints`.
# -qq: errors only (setuptools warns of a shadowing folder no checkout has).
PIP_INSTALL := $(BIN)/python -m pip install -qq -c constraints.txt

.PHONY: install install-test demo crawl serve test bench bench-crawl bench-serve bench-real \
        bench-story constraints clean

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -qq --upgrade pip

# What the demo needs: the project and its own dependencies.
$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	@echo "Installing the project into $(VENV) …"
	@$(PIP_INSTALL) -e .
	@touch $@

# What the tests and benchmarks need besides.
$(VENV)/.installed-test: $(VENV)/.installed
	@echo "Installing the test and benchmark tools into $(VENV) …"
	@$(PIP_INSTALL) -e '.[test,distributed,bench]'
	@touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

## demo: install, crawl the bundled offline corpus into $(DB), serve it on http://127.0.0.1:$(PORT)
demo: crawl serve

crawl: install
	@echo "Crawling the bundled corpus (corpus/sites, served on loopback) into $(DB) …"
	@$(BIN)/timeline crawl --config corpus/sources.yml --db $(DB) --replica corpus/sites
	@$(BIN)/timeline crawl --config corpus/sources-2023-06.yml --db $(DB) --replica corpus/sites

serve: install
	@echo "Open http://127.0.0.1:$(PORT)/ — the incident pages are under /incidents/<slug>. Ctrl-C stops."
	@$(BIN)/timeline serve --db $(DB) --port $(PORT)

## test: install with the test tools, lint, then run the whole suite (doctests included)
test: install-test
	@$(BIN)/ruff check .
	@$(BIN)/ruff format --check --quiet .
	@$(BIN)/python -m pytest -q

## bench: the tagger and extraction benchmarks (minutes); bench-crawl, bench-serve: one each
bench: install-test
	@$(BIN)/python bench/dates.py
	@$(BIN)/python bench/extract.py

## bench-crawl: crawl a 2,100-page synthetic site on loopback beside `scrapy bench` (~2 min)
bench-crawl: install-test
	@$(BIN)/python bench/crawl.py

## bench-serve: a million documents through `timeline serve` (first run builds 7.6 GB, ~15 min)
bench-serve: install-test
	@$(BIN)/python bench/serve.py --repeat 20

## bench-real: every real-world figure beside its anchor (REAL=folder of the dev sets)
bench-real: install-test
	@$(BIN)/python bench/real.py $(REAL)

## bench-story: key moments against the gold stories of every bundled coverage
bench-story: install
	@$(BIN)/python bench/story.py

## constraints: pin what is installed now (run after changing pyproject.toml, then commit)
constraints: install-test
	@$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e ' > constraints.txt
	@echo "constraints.txt: $$(wc -l < constraints.txt) pinned packages"

clean:
	rm -rf $(DB) $(DB)-wal $(DB)-shm tests/output .pytest_cache
