# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
NPM ?= npm
# The real outside servers the tests run (OpenID Connect provider, Agents Playground), pinned
# in tests/node/package-lock.json; the stamp is remade whenever the lock file changes.
NODE_SERVERS := tests/node/node_modules/.installed

.PHONY: run test install install-dev test-servers lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[microsoft]'
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev,microsoft]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

$(NODE_SERVERS): tests/node/package.json tests/node/package-lock.json
	$(NPM) ci --prefix tests/node --no-audit --no-fund --loglevel=error
	touch $@

test-servers: $(NODE_SERVERS)

run: install
	$(BIN)/fvis-bot run

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint $(NODE_SERVERS)
	$(BIN)/python -m pytest -q

# Every benchmark, each printing its figures against its baseline; not part of `make test`.
bench: install-dev
	$(BIN)/python bench/intake.py
	$(BIN)/python bench/schedule.py
	$(BIN)/python bench/slack_ack.py
	$(BIN)/python bench/word.py
	$(BIN)/python bench/report_load.py
	$(BIN)/python bench/libreoffice.py
	$(BIN)/python bench/teams.py
	$(BIN)/python bench/hardening.py
	$(BIN)/python bench/pii_rates.py
	$(BIN)/python bench/turns.py
	$(BIN)/python bench/replicas.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache tests/node/node_modules
