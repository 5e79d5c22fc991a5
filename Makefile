# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed
export DJANGO_SETTINGS_MODULE ?= portal.settings.dev

.PHONY: run test install setup migrate demo lint format messages bench clean

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

test: install
	$(BIN)/python manage.py compile_catalogues
	DJANGO_SETTINGS_MODULE=portal.settings.test $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Needs GNU gettext (xgettext); only developers adding strings run this.
# One catalogue per language of settings.MODELTRANSLATION_LANGUAGES, in Django's
# locale folder names (zh-hans -> locale/zh_Hans/).
messages: install
	$(BIN)/python manage.py makemessages --no-obsolete $$($(BIN)/python manage.py shell -v 0 -c "from django.conf import settings; from django.utils.translation import to_locale; print(' '.join('-l ' + to_locale(c) for c in settings.MODELTRANSLATION_LANGUAGES))") --ignore=.venv --ignore=var --ignore=tests --ignore=bench
	$(BIN)/python manage.py compile_catalogues

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) var/static
