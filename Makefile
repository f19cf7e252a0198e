# Everything a fresh machine needs: Python 3.10+, pip, git, make.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo build-example test lint typecheck bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

build-example: install
	cd example_site && ../$(BIN)/mkdocs build --strict

## Build the example blog and serve it on http://127.0.0.1:8000/
demo: build-example
	cd example_site && ../$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy

## Lint, type-check and run the whole test suite
test: lint typecheck
	NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true $(BIN)/python -m pytest -q tests
	$(BIN)/mkdocs build --strict --site-dir $(CURDIR)/.docs-site --quiet
	$(BIN)/python benchmarks/bench_build.py --smoke

## Benchmark against bare MkDocs (and Material's blog when installed); see docs/performance.md
bench: install
	$(BIN)/python benchmarks/bench_build.py --posts 1000,10000 --themes mkdocs,material --runs 3

clean:
	rm -rf $(VENV) site example_site/site .docs-site .pytest_cache .mypy_cache .ruff_cache
