# Two commands matter: `make run` (the site with the sample newsletters, on SQLite) and `make test`.
# Everything else is here for people working on Puente.

SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
# Django 6 needs Python 3.12 or newer: take the first one found.
PYTHON ?= $(shell for p in python3.13 python3.12 $$HOME/.pyenv/versions/3.13*/bin/python3 $$HOME/.pyenv/versions/3.12*/bin/python3 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { command -v $$p; break; }; done)
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/puente

.PHONY: run test test-sqlite test-postgres install dev-install messages screenshots bench lint worker clean

$(BIN)/puente: pyproject.toml
	@test -n "$(PYTHON)" || { echo "Puente needs Python 3.12 or newer (Django 6)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	@touch $@

install: $(BIN)/puente

messages: install
	cd puente && ../$(BIN)/django-admin compilemessages --ignore='.venv' -v 0

# The site with the bundled sample newsletters ingested, on SQLite, at http://$(HOST):$(PORT)/
run: export PUENTE_SITE_URL ?= http://$(HOST):$(PORT)
run: install messages
	$(BIN)/puente migrate --no-input -v 0
	$(BIN)/puente demo
	$(BIN)/puente collectstatic --no-input -v 0
	@echo "Puente is at http://$(HOST):$(PORT)/  (Ctrl-C stops it)"
	$(BIN)/gunicorn puente.wsgi --bind $(HOST):$(PORT) --workers 2 --worker-class gthread --threads 8 \
		--keep-alive 5 --access-logfile -

worker: install
	$(BIN)/puente worker

# The whole suite: lint, then every test on SQLite, then on PostgreSQL when a server answers
# (always under CI=true). Browser tests use Debian's chromium, installed here when missing.
test: install messages browsers
	$(BIN)/ruff check puente tests benchmarks
	$(BIN)/pytest -p no:cacheprovider -n 2 --dist loadfile
	@if [ "$$CI" = "true" ] || pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then \
		echo "== the same suite on PostgreSQL"; \
		DATABASE_URL=$(PG_URL) $(BIN)/pytest -p no:cacheprovider -n 2 --dist loadfile -m "not browser"; \
	else echo "PostgreSQL is not running on 127.0.0.1:5432: its run is skipped"; fi

# Debian packages the tests use: chromium (browser tests), fonts for Arabic/Hindi/Chinese PDFs,
# poppler (reading PDFs back), HarfBuzz subsetting (WeasyPrint embeds only the glyphs a PDF uses),
# nginx and wrk (benchmarks). Installed when missing and root.
DEB_PACKAGES := chromium fonts-noto-core fonts-noto-cjk poppler-utils libharfbuzz-subset0 nginx-light wrk
browsers:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then echo "installing$$missing"; apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		else echo "missing Debian packages:$$missing (tests that need them will skip)"; fi; fi
	@[ -f node_modules/axe-core/axe.min.js ] || npm install --no-audit --no-fund --silent \
		|| echo "npm is missing: accessibility tests will skip"

screenshots: install messages browsers
	$(BIN)/puente screenshots

bench: install
	$(BIN)/python -m benchmarks.all

lint: install
	$(BIN)/ruff check puente tests benchmarks
	$(BIN)/ruff format --check puente tests benchmarks

clean:
	rm -rf $(VENV) var
