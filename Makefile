# One-command set-up on a fresh Debian/Ubuntu machine:
#   make run    installs everything and opens the app on the demo workspace
#   make test   installs everything and runs the whole test suite (what CI runs)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
APP_STAMP := $(VENV)/.installed-app
TEST_STAMP := $(VENV)/.installed-test
DEMO := demo/demo.cxmap

.PHONY: run test lint format bench demo clean system-deps gui-deps screenshots translations

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# the app alone: what `make run` needs
$(APP_STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install -q -e .
	@touch $(APP_STAMP)

# plus pytest, ruff, import-linter and pm4py (AGPL; only the tests' reference cross-check)
$(TEST_STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install -q -e ".[test,crosscheck]"
	@touch $(TEST_STAMP) $(APP_STAMP)

system-deps:
	@scripts/install-system-deps.sh

gui-deps:
	@scripts/install-system-deps.sh --gui

$(DEMO): | $(APP_STAMP)
	@mkdir -p demo
	$(BIN)/cxmapper demo $(DEMO)

demo: $(DEMO)

run: gui-deps $(APP_STAMP) $(DEMO)
	$(BIN)/cxmapper $(DEMO)

test: system-deps $(TEST_STAMP)
	$(BIN)/python -m pytest -n auto --dist loadgroup

lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy  # files and strictness: [tool.mypy] in pyproject.toml

format: $(TEST_STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# the gallery in docs/images/gallery (README pictures come from it); needs xvfb, poppler-utils,
# and LibreOffice for the workbook pages
screenshots: $(APP_STAMP)
	@scripts/install-system-deps.sh --gallery
	scripts/make-gallery.sh

bench: $(APP_STAMP)
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) demo .pytest_cache .ruff_cache

# the Qt UI's catalogues: collect the strings into the .ts (translate them with pyside6-linguist),
# then compile the .qm that ships in the package (the app also compiles a stale one at start)
translations: | $(APP_STAMP)
	$(BIN)/pyside6-lupdate -extensions py cxmapper/ui -ts cxmapper/ui/i18n/cxmapper_it.ts \
		-no-obsolete -locations none -target-language it_IT
	$(BIN)/pyside6-lrelease -silent cxmapper/ui/i18n/cxmapper_it.ts
