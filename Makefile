# Everything a fresh machine needs: Python 3.10+, pip, git, make.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

DIST := dist

.PHONY: install demo build-example test lint typecheck bench clean dist test-wheel test-matrix

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

## Lint, type-check, run the whole test suite, build the docs, and test the built wheel
test: lint typecheck
	NO_MKDOCS_2_WARNING=1 DISABLE_MKDOCS_2_WARNING=true $(BIN)/python -m pytest -q tests
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir $(CURDIR)/.docs-site --quiet
	$(BIN)/python benchmarks/bench_build.py --smoke
	$(MAKE) test-wheel

## Build the sdist and the wheel and check them: metadata, every template inside, sdist -> same wheel
dist: install
	rm -rf $(DIST)
	$(BIN)/python -m build --outdir $(DIST) . > /dev/null
	$(BIN)/twine check --strict $(DIST)/*
	$(BIN)/python tools/check_dist.py $(DIST)

## Install the built wheel (not the checkout) in a fresh virtualenv; build the example site with it
test-wheel: dist
	rm -rf .venv-wheel .wheel-example
	$(PYTHON) -m venv .venv-wheel
	.venv-wheel/bin/python -m pip install --quiet --upgrade pip
	.venv-wheel/bin/python -m pip install --quiet $(DIST)/*.whl
	cp -r example_site .wheel-example
	cd .wheel-example && NO_MKDOCS_2_WARNING=1 ../.venv-wheel/bin/mkdocs build --strict --quiet
	rm -rf .wheel-example
	@echo "the wheel builds the example site --strict"

## Run the quick suite on every other CPython 3.10-3.13 found, and once on MkDocs 1.6.0
test-matrix: install
	$(BIN)/python tools/test_matrix.py

## Benchmark against bare MkDocs (and Material's blog when installed); see docs/performance.md
bench: install
	$(BIN)/python benchmarks/bench_build.py --posts 1000,10000 --themes mkdocs,material --runs 3

clean:
	rm -rf $(VENV) site example_site/site .docs-site .pytest_cache .mypy_cache .ruff_cache
	rm -rf $(DIST) .venv-wheel .venv-matrix .wheel-example
