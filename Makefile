# Two commands for a newcomer: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# pytest workers (pytest-xdist); 0 runs the tests in this one process. Tests that touch the
# PostgreSQL server stay on one worker (tests/conftest.py): some stop and restart it.
PYTEST_WORKERS ?= 2
STAMP := $(VENV)/.installed

.PHONY: run test lint bench stress clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

run: $(STAMP)
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
