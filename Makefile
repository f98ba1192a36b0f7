# The two commands: `make run` and `make test`. Everything else is a step of theirs.
# Python 3.12 or newer: on 3.11 gunicorn workers crash under load. scripts/find-python
# looks on PATH and in pyenv; it runs only when the venv has to be made.
PYTHON ?= $(shell scripts/find-python)
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run worker test install install-dev translations migrate demo lint browser bench \
	bench-scale soak clean FORCE

# A venv whose Python is older than 3.12, or gone, is made again from scratch. PYTHON is
# expanded once in the recipe, so the search runs once and an empty answer stops there.
VENV_PYTHON_OK := $(shell $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 12))' \
	2>/dev/null && echo yes)

$(VENV)/.python: $(if $(VENV_PYTHON_OK),,FORCE)
ifneq ($(VENV_PYTHON_OK),yes)
	@python="$(PYTHON)"; [ -n "$$python" ] || exit 1; \
	if ! "$$python" -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then \
	  echo "$$python is not Python 3.12 or newer." >&2; exit 1; fi; \
	if [ -e $(VENV) ]; then echo "$(VENV) has no Python 3.12 or newer; making it again."; fi; \
	echo "$$python -m venv $(VENV)"; rm -rf $(VENV) && "$$python" -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
endif
	touch $@

$(VENV)/.installed: requirements.txt $(VENV)/.python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

translations: $(VENV)/.installed
	$(FLASK) translate compile

migrate: $(VENV)/.installed
	$(FLASK) db upgrade

demo: migrate
	$(FLASK) demo-data --if-empty

## make run: install, compile translations, migrate, load the demo hotel, serve it with
## the worker beside it (messages, retries, timed jobs); Ctrl-C stops both.
run: translations demo
	@echo "Serving on http://$(HOST):$(PORT) (demo logins are listed above), with the worker"
	@$(FLASK) worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	PUBLIC_URL="$${PUBLIC_URL:-http://$(HOST):$(PORT)}" $(FLASK) run --host $(HOST) --port $(PORT)

## make worker: only the worker (when the web server runs elsewhere, e.g. gunicorn).
worker: migrate
	$(FLASK) worker

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .

# axe-core, which the accessibility test injects into every page, pinned by its lock file.
AXE := tests/browser/node_modules/axe-core/axe.min.js

browser: $(AXE)
	@bash scripts/ensure-chromium

$(AXE): tests/browser/package.json tests/browser/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "NOTE: npm not found: the accessibility test will be skipped." >&2; fi

## make test: install, lint, and run the whole suite (PostgreSQL too if TEST_DATABASE_URL is set).
test: $(VENV)/.installed-dev browser
	HOTEL_CONFIG=testing $(FLASK) translate compile
	$(BIN)/ruff check .
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.installed-dev translations
	$(BIN)/python bench/run.py

## make bench-scale: a year of a hotel group built in SQL on PostgreSQL (a private database
## on the server of SCALE_DATABASE_URL, else TEST_DATABASE_URL; SCALE_ARGS=--keep keeps it),
## and every page's speed on it against the demo data, and the workers' memory.
bench-scale: $(VENV)/.installed-dev translations
	$(BIN)/python bench/scale.py $(SCALE_ARGS)

## make soak: every page type under gunicorn for SOAK_MINUTES, counting worker deaths
## (SQLite; SOAK_DATABASE_URL=postgresql://... for a private database on that server).
SOAK_MINUTES ?= 10
soak: $(VENV)/.installed-dev translations
	$(BIN)/python bench/soak.py --minutes $(SOAK_MINUTES) $(SOAK_ARGS)

clean:
	rm -rf $(VENV) instance/*.db translations/*/LC_MESSAGES/*.mo
