# Set-up and everyday commands. Each target creates the virtual environment it needs, so
# `make run` and `make test` work on a fresh machine where only Python 3.11 exists.

PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE ?= sample.counterpoint

.PHONY: run test bench lint format check clean system-deps

$(STAMP): pyproject.toml packaging/system-deps.sh
	sh packaging/system-deps.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -qq --upgrade pip
	$(BIN)/python -m pip install -qq -e '.[dev]'
	touch $(STAMP)

system-deps:
	sh packaging/system-deps.sh

## Open the app on the bundled sample dossier (written to $(SAMPLE) the first time).
run: $(STAMP)
	test -f $(SAMPLE) || $(BIN)/counterpoint sample $(SAMPLE)
	$(BIN)/counterpoint $(SAMPLE)

## The whole test suite (what CI runs).
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

## Benchmarks: speed and memory, as ratios against baselines run in the same process.
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: lint test

clean:
	rm -rf $(VENV) build *.egg-info desktop/*.egg-info
