# Two commands on a fresh machine: `make demo` (set up, then see the bot work offline) and `make test`;
# `make run` starts the real bot.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: demo run test lint bench

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: $(BIN)/.installed
	$(BIN)/bridgebot demo

run: $(BIN)/.installed
	$(BIN)/bridgebot run

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint
	$(BIN)/pytest

bench: $(BIN)/.installed
	$(BIN)/python bench/bench_detect.py
	$(BIN)/python bench/bench_relay.py
	$(BIN)/python bench/bench_engine.py
