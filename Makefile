# Set-up and everyday commands. Each target creates the virtual environment it needs, so
# `make run` and `make test` work on a fresh machine where only Python 3.11 or newer exists.

# The first of these that runs and is Python 3.11 or newer makes the virtual environment;
# `make PYTHON=/path/to/python3.x` picks another.
PYTHON_CANDIDATES := python3.13 python3.12 python3.11 python3
IS_SUPPORTED := -c 'import sys; sys.exit(sys.version_info < (3, 11))'
ifeq ($(origin PYTHON),undefined)
PYTHON := $(firstword $(foreach p,$(PYTHON_CANDIDATES),$(shell $(p) $(IS_SUPPORTED) >/dev/null 2>&1 && echo $(p))))
endif
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE ?= sample.counterpoint

.PHONY: run test bench lint format check clean system-deps bundle install uninstall

$(STAMP): pyproject.toml packaging/system-deps.sh
	@if [ -z "$(PYTHON)" ] || ! $(PYTHON) $(IS_SUPPORTED) >/dev/null 2>&1; then \
	    echo "Counterpoint needs Python 3.11 or newer, and found none (tried: $(or $(PYTHON),$(PYTHON_CANDIDATES)))." >&2; \
	    echo "Install one (Debian 12, Ubuntu 24.04: sudo apt-get install python3 python3-venv; or python.org," >&2; \
	    echo "pyenv, uv python install 3.12), then run make again, or name it: make PYTHON=/path/to/python3.x" >&2; \
	    exit 1; \
	fi
	PYTHON=$(PYTHON) sh packaging/system-deps.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -qq --upgrade pip
	$(BIN)/python -m pip install -qq -e '.[dev]'
	touch $(STAMP)

system-deps:
	PYTHON=$(PYTHON) sh packaging/system-deps.sh

## Open the app on the bundled sample dossier (written to $(SAMPLE) the first time).
run: $(STAMP)
	test -f $(SAMPLE) || $(BIN)/counterpoint sample $(SAMPLE)
	$(BIN)/counterpoint $(SAMPLE)

## The whole test suite (what CI runs), with the tools the packaging tests need.
test: $(STAMP)
	@PYTHON=$(PYTHON) sh packaging/system-deps.sh --test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

## Benchmarks: speed and memory, as ratios against baselines run in the same process.
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run.py $(if $(QUICK),--quick)

## The standalone app: dist/counterpoint/ (run dist/counterpoint/counterpoint) and a .tar.gz of it.
bundle: $(STAMP)
	@PYTHON=$(PYTHON) sh packaging/system-deps.sh --bundle
	$(BIN)/python packaging/bundle.py --dist dist --work build/pyinstaller

## Install the bundle for this user (~/.local: launcher, menu entry, icons, file type); uninstall removes it.
install: bundle
	sh packaging/install.sh install dist/counterpoint

uninstall:
	sh packaging/install.sh uninstall

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: lint test

clean:
	rm -rf $(VENV) build dist *.egg-info desktop/*.egg-info

## Fit the contrast engine's ranker on every labelled set (writes resources/engine/ranker.json), and
## the engine's headline figure: leave one whole set out, fit on the rest, score it, pooled.
ENGINE_SETS := ../shared/data/contrast-dev.json ../shared/data/contrast-train-a.json \
	../shared/data/contrast-train-b.json $(sort $(wildcard tests/engine/data/memory-*.json)) \
	$(sort $(wildcard tests/engine/data/real-pairs*.json)) tests/engine/data/blind-dec2026.json \
	tests/engine/data/blind-dec2026-b.json tests/engine/data/blind-dec2026-c.json \
	tests/engine/data/blind-dec2026-d.json tests/engine/data/blind-dec2026-e.json \
	tests/engine/data/blind-dec2026-f.json \
	tests/engine/data/paraphrase-dev.json@contrast-dev
.PHONY: fit-engine eval-engine
fit-engine: $(STAMP)
	$(BIN)/counterpoint eval --fit resources/engine/ranker.json $(ENGINE_SETS)
eval-engine: $(STAMP)
	$(BIN)/counterpoint eval --cross-validate $(ENGINE_SETS)

## Re-extract WordNet 3.0 for the engine (resources/lexicons/wordnet/) from Debian's wordnet-base.
.PHONY: wordnet
wordnet: $(STAMP)
	test -d /usr/share/wordnet || apt-get install -y wordnet-base
	$(BIN)/python tools/wordnet_extract.py /usr/share/wordnet resources/lexicons/wordnet
