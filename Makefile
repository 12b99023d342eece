# Two commands do everything: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8001
DB ?= db/timeline.db

.PHONY: install demo crawl serve test bench bench-crawl bench-serve bench-real clean

$(BIN)/timeline: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing the project and its dependencies into $(VENV) …"
	@$(BIN)/python -m pip install --quiet --upgrade pip
	@$(BIN)/python -m pip install --quiet -e '.[test,distributed,bench]'
	@touch $@

install: $(BIN)/timeline

## demo: install, crawl the bundled offline corpus into $(DB), serve it on http://127.0.0.1:$(PORT)
demo: crawl serve

crawl: install
	@echo "Crawling the bundled corpus (corpus/sites, served on loopback) into $(DB) …"
	@$(BIN)/timeline crawl --config corpus/sources.yml --db $(DB) --replica corpus/sites
	@$(BIN)/timeline crawl --config corpus/sources-2023-06.yml --db $(DB) --replica corpus/sites

serve: install
	@echo "Open http://127.0.0.1:$(PORT)/ — the incident pages are under /incidents/<slug>. Ctrl-C stops."
	@$(BIN)/timeline serve --db $(DB) --port $(PORT)

## test: install, then run the whole suite
test: install
	@$(BIN)/python -m pytest -q

## bench: the tagger and extraction benchmarks (minutes); bench-crawl, bench-serve: one each
bench: install
	@$(BIN)/python bench/dates.py
	@$(BIN)/python bench/extract.py

## bench-crawl: crawl a 2,100-page synthetic site on loopback beside `scrapy bench` (~2 min)
bench-crawl: install
	@$(BIN)/python bench/crawl.py

## bench-real: every real-world figure beside its anchor (REAL: folder of the real-world sets, ~1 min)
REAL ?= ../shared/realworld
bench-real: install
	@$(BIN)/python bench/real.py $(REAL)

## bench-serve: a million documents through `timeline serve` (first run builds 7.6 GB, ~15 min)
bench-serve: install
	@$(BIN)/python bench/serve.py --repeat 20

clean:
	rm -rf $(DB) $(DB)-wal $(DB)-shm tests/output .pytest_cache
