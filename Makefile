# Two commands on a fresh machine: `make demo` (set up, then see the bot work offline) and `make test`;
# `make run` starts the real bot.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: demo run test lint bench lock soak

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

# The suite N times in a row under CPU load, stopping at the first failure (scripts/soak.sh).
N ?= 10
soak: $(BIN)/.installed
	PYTHON=$(BIN)/python scripts/soak.sh $(N)

bench: $(BIN)/.installed
	$(BIN)/python bench/bench_detect.py
	$(BIN)/python bench/bench_relay.py
	$(BIN)/python bench/bench_engine.py
	$(BIN)/python bench/bench_latency.py

# The container's dependencies, pinned with hashes (deploy/Dockerfile installs nothing else): regenerate
# after changing pyproject.toml's dependencies or requirements-build.in. Resolved by pip-tools from PyPI
# alone (no local indexes or wheel folders), on Linux x86_64 with Python 3.11 like the image, in a
# throwaway virtualenv so that pip-tools never enters the project's own.
# Existing pins are kept where they still fit; delete a lock first to move everything to the newest.
PYTHON311 ?= python3.11
LOCK_VENV ?= /tmp/bridgebot-pip-tools
PIP_COMPILE = env -u PIP_FIND_LINKS -u PIP_EXTRA_INDEX_URL PIP_CONFIG_FILE=/dev/null CUSTOM_COMPILE_COMMAND="make lock" \
	$(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links --index-url https://pypi.org/simple

lock:
	$(PYTHON311) -c 'import platform, sys; assert sys.platform == "linux" and platform.machine() == "x86_64" \
		and sys.version_info[:2] == (3, 11), "make lock needs Linux x86_64 and Python 3.11, as in the image"'
	test -x $(LOCK_VENV)/bin/pip-compile || { $(PYTHON311) -m venv $(LOCK_VENV) \
		&& $(LOCK_VENV)/bin/pip install --quiet pip-tools; }
	$(PIP_COMPILE) --output-file requirements.lock pyproject.toml
	$(PIP_COMPILE) --output-file requirements-build.lock requirements-build.in
