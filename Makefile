# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The public address (PORTAL_BASE_URL) defaults to http://127.0.0.1:$PORT: see portal/address.py.
export PORT
STAMP := $(VENV)/.installed
export DJANGO_SETTINGS_MODULE ?= portal.settings.dev

.PHONY: run test install setup migrate demo lint format messages bench clean check-html node-deps

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

var:
	mkdir -p var/static

setup: install var
	$(BIN)/python manage.py prepare --port $(PORT)

run: setup
	@echo "Serving http://127.0.0.1:$(PORT)/vi/  http://127.0.0.1:$(PORT)/en/  admin: http://127.0.0.1:$(PORT)/admin/"
	@# Scheduled publishing every minute beside the server; stopped with it.
	$(BIN)/python manage.py publish_scheduled_loop & loop=$$!; \
	trap 'kill $$loop 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Both cores by default (pytest-xdist; each worker builds its own test database).
PYTEST_ARGS ?= -n auto

test: install node-deps
	$(BIN)/python manage.py compile_catalogues
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python -m pytest $(PYTEST_ARGS)

# The checkers the tests run (package.json, exact versions): the Nu Html Checker
# (vnu-jar, needs Java) and Mozilla's ical.js (needs node).
node_modules/.package-lock.json: package.json package-lock.json
	@# Without npm, make test skips the two checks that need node and Java (CI fails instead).
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: the HTML and iCalendar checkers are skipped (apt-get install nodejs npm default-jre-headless)"; fi

node-deps: node_modules/.package-lock.json

# Every page type in both languages through the Nu Html Checker: 0 errors.
check-html: install node-deps
	$(BIN)/python manage.py compile_catalogues
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python -m pytest tests/portal/test_html_validity.py -q

# Python (ruff), templates (djLint: format and lint, settings in pyproject.toml) and our
# CSS and JS (Biome, biome.jsonc; installed by npm ci from package.json).
lint: install node-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint . --check
	$(BIN)/djlint . --lint
	node_modules/.bin/biome ci

format: install node-deps
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djlint . --reformat
	node_modules/.bin/biome check --write

# Needs GNU gettext (xgettext); only developers adding strings run this.
# One catalogue per language of settings.MODELTRANSLATION_LANGUAGES, in Django's
# locale folder names (zh-hans -> locale/zh_Hans/).
messages: install
	$(BIN)/python manage.py makemessages --no-obsolete $$($(BIN)/python manage.py shell -v 0 -c "from django.conf import settings; from django.utils.translation import to_locale; print(' '.join('-l ' + to_locale(c) for c in settings.MODELTRANSLATION_LANGUAGES))") --ignore=.venv --ignore=var --ignore=tests --ignore=bench
	$(BIN)/python manage.py compile_catalogues

bench: install
	$(BIN)/python bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var/static
