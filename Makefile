# The two commands a newcomer needs: `make run` and `make test`.
# Only Python >= 3.11 is required for `make run` (SQLite, translations compiled in pure Python).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test setup lint messages bench

# Reinstalls only when pyproject.toml changed since the last install.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

# Translations, migrations and demo data in one Django process; each step skips what is already in place.
setup: $(STAMP)
	$(BIN)/python manage.py setup_portal

run: setup
	@echo "ねりま地域福祉ポータル: http://127.0.0.1:$(PORT)/"
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: $(STAMP)
	$(BIN)/python manage.py compile_catalogs -v 0
	DJANGO_ALLOW_ASYNC_UNSAFE=true scripts/with-postgres.sh $(BIN)/pytest -n $${PYTEST_WORKERS:-2} $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run

messages: $(STAMP)
	$(BIN)/python manage.py makemessages -l en -l zh_Hans -l ko -l tl --ignore=.venv --ignore=tests --no-obsolete

# Ward-scale data, gunicorn + PostgreSQL + Redis as in production, beside a bare Django page (docs/performance.md).
bench: $(STAMP)
	scripts/with-postgres.sh $(BIN)/python bench/run.py $(ARGS)
