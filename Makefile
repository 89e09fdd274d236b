# Parcours — the two commands are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 5000
WORKERS ?= 2
FLASK  := $(BIN)/flask --app app
CATALOGS := $(wildcard hr/translations/*/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGS:.po=.mo)

.PHONY: run dev test lint format translations extract-messages clean help bench

help:
	@echo "make run    install, migrate, load the demo company if empty, serve on http://$(HOST):$(PORT)"
	@echo "make dev    the same with Flask's reloading development server"
	@echo "make test   install test tools, lint, run the test suite (TEST_DATABASE_URL for PostgreSQL)"
	@echo "make bench  5,000 employees × 8 years under gunicorn + wrk, next to a bare-Flask baseline"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

hr/translations/%/LC_MESSAGES/messages.mo: hr/translations/%/LC_MESSAGES/messages.po | $(VENV)/.installed
	$(BIN)/pybabel compile --statistics -f -d hr/translations -l $* 2>&1 | sed 's/^/  /'

translations: $(VENV)/.installed $(COMPILED)

extract-messages: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -o hr/translations/messages.pot --no-location --sort-output .
	$(BIN)/pybabel update -i hr/translations/messages.pot -d hr/translations --no-fuzzy-matching --ignore-obsolete

instance:
	mkdir -p instance

run: translations | instance
	$(FLASK) db upgrade && $(FLASK) hr load-grids
	$(FLASK) hr seed-demo --if-empty
	-$(FLASK) hr mail-retry
	@echo ""
	@echo "Parcours on http://$(HOST):$(PORT)  (demo logins above; password: demo)"
	$(BIN)/gunicorn --workers $(WORKERS) --bind $(HOST):$(PORT) --access-logfile - app:app

dev: translations | instance
	$(FLASK) db upgrade
	$(FLASK) hr seed-demo --if-empty
	$(FLASK) run --debug --host $(HOST) --port $(PORT)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Mozilla's ical.js (Thunderbird's parser) checks the feeds in tests/calendars.
tests/js/node_modules/.package-lock.json: tests/js/package.json tests/js/package-lock.json
	cd tests/js && npm ci --no-audit --no-fund --loglevel=error

test: $(VENV)/.installed-test translations lint tests/js/node_modules/.package-lock.json
	$(BIN)/pytest $(PYTEST_ARGS)

bench: translations
	$(BIN)/python -m bench.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) hr/translations/*/LC_MESSAGES/*.mo .pytest_cache .ruff_cache
