# The two commands that matter: `make run` (the line on the emulators) and
# `make test` (what CI runs). Both first check the machine (scripts/system-deps.sh:
# Java, Chromium and ChromeDriver come from Debian when run as root; what Debian does
# not carry is named), then set up their own virtual environment.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup system-run system-test run demo test lint bench clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements-dev.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $@

setup: $(STAMP)

system-run:
	@bash scripts/system-deps.sh run

system-test:
	@bash scripts/system-deps.sh test

run: system-run setup
	$(BIN)/python -m local.stack

demo: system-run setup
	$(BIN)/python -m local.demo

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: system-test lint
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis bench/results
