# Local Offer CMS. `make run` to try it, `make test` to check it. See README.md.
SHELL := /bin/bash
VENV := .venv
PYTHON := $(VENV)/bin/python
UV := $(VENV)/bin/uv
UV_VERSION := 0.13.9
PORT ?= 8000
PYTEST_ARGS ?=
# One pytest-xdist worker per core. Tests are handed out in collection order, which
# pytest-django sorts so that each worker runs its transactional tests (they empty the
# database) after the rest. Each worker has its own test database, Redis database and
# data folder (cms/settings/test.py).
TEST_WORKERS ?= auto

# Never let uv fetch an interpreter: the project runs on the machine's python3.
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(CURDIR)/$(VENV)

.PHONY: help install run test lint format services test-tools lock bench

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(UV):
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

install: $(UV) ## Create or update .venv from the lock file (uv.lock)
	$(UV) sync --frozen

run: install ## Migrate, load demo content, create an admin, serve on http://127.0.0.1:8000 (PORT=… for another)
	$(PYTHON) manage.py runlocal --port $(PORT)

services: ## Make sure PostgreSQL and Redis answer (starting them if stopped)
	scripts/ensure-services

test-tools: ## Install the system tools the suite drives (docker-compose, Chromium)
	scripts/ensure-test-tools

test: install test-tools services ## Run the whole suite on PostgreSQL and Redis
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PYTHON) -m pytest -n $(TEST_WORKERS) --dist load $(PYTEST_ARGS)

bench: install services ## Benchmark /api/v1/ against Wagtail's API v2; writes docs/benchmarks.md
	$(PYTHON) bench/run.py

lint: install ## ruff check, format check, and the layers (import-linter)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache

format: install ## Apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

lock: $(UV) ## Re-resolve uv.lock after editing pyproject.toml
	$(UV) lock
