# One-command set-up on a fresh Debian/Ubuntu machine:
#   make run    installs everything and opens the app on the demo workspace
#   make test   installs everything and runs the whole test suite (what CI runs)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO := demo/demo.cxmap

.PHONY: run test lint format bench demo clean system-deps gui-deps

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test,crosscheck]"
	@touch $(STAMP)

system-deps:
	@scripts/install-system-deps.sh

gui-deps:
	@scripts/install-system-deps.sh --gui

$(DEMO): | $(STAMP)
	@mkdir -p demo
	$(BIN)/cxmapper demo $(DEMO)

demo: $(DEMO)

run: gui-deps $(STAMP) $(DEMO)
	$(BIN)/cxmapper $(DEMO)

test: system-deps $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) demo .pytest_cache .ruff_cache
