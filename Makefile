# Two commands for a newcomer: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# pytest workers (pytest-xdist); 0 runs the tests in this one process. Tests that touch the
# PostgreSQL server stay on one worker (tests/conftest.py): some stop and restart it.
PYTEST_WORKERS ?= 2
STAMP := $(VENV)/.installed
# `make run` installs what the app needs (and psycopg, for a team's PostgreSQL store), not
# the test and benchmark tools: the first run is shorter, and says what it is doing (qa9
# Q25: pip --quiet left the terminal silent for over a minute).
APP_STAMP := $(VENV)/.installed-app

.PHONY: run test lint bench stress clean

$(APP_STAMP): pyproject.toml
	@echo "Installing workbench and the libraries it needs into $(VENV) (first run only, about a minute)..."
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[postgres]'
	touch $(APP_STAMP)

$(STAMP): pyproject.toml
	@echo "Installing workbench with its test and benchmark tools into $(VENV) (first time only, a minute or two)..."
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(STAMP) $(APP_STAMP)

run: $(APP_STAMP)
	$(BIN)/workbench

test: $(STAMP)
	$(BIN)/ruff check workbench store tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest -q -n $(PYTEST_WORKERS) --dist loadgroup

lint: $(STAMP)
	$(BIN)/ruff check workbench store tests bench
	$(BIN)/ruff format --check workbench store tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

bench: $(STAMP)
	$(BIN)/python -m bench

stress: $(STAMP)
	$(BIN)/python -m pytest -q -m stress tests/reliability

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .import_linter_cache
