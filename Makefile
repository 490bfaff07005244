# Every target creates .venv on first use: a fresh machine needs only Python 3.11.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HANDOFF := $(BIN)/handoff

.PHONY: help handoff plan check status test lint bench eval eval-styles sandbox sandbox-reset clean

help:
	@echo "make handoff ACCOUNT=acme   run the handoff (sandbox by default)"
	@echo "make plan ACCOUNT=acme      show what a run would change, write nothing"
	@echo "make check                  validate every account in the sheet"
	@echo "make status                 every account at a glance: readiness, status, doc, Vitally"
	@echo "make test                   linters + the test suite"
	@echo "make bench                  the performance benchmark"
	@echo "make eval                   score the TDD reader against the TDD corpus"
	@echo "make eval-styles            score it on the corpus rewritten in other styles"
	@echo "make sandbox                serve the sandbox for a person to browse"
	@echo "make sandbox-reset          reseed the sandbox state"

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found; install Python 3.11 or run 'make PYTHON=python3 ...'" >&2; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

handoff: $(STAMP)
	@if [ -z "$(ACCOUNT)" ]; then echo "usage: make handoff ACCOUNT=<slug>   (e.g. make handoff ACCOUNT=acme)" >&2; exit 2; fi
	$(HANDOFF) run $(ACCOUNT) $(ARGS)

plan: $(STAMP)
	@if [ -z "$(ACCOUNT)" ]; then echo "usage: make plan ACCOUNT=<slug>   (e.g. make plan ACCOUNT=acme)" >&2; exit 2; fi
	$(HANDOFF) plan $(ACCOUNT) $(ARGS)

check: $(STAMP)
	$(HANDOFF) check --all $(ARGS)

status: $(STAMP)
	$(HANDOFF) status $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check scripts tests bench setup.py
	$(BIN)/ruff format --check scripts tests bench setup.py
	$(BIN)/mypy

test: lint
	HANDOFF_SANDBOX_DIR= HANDOFF_SANDBOX_URL= $(BIN)/python -m pytest -q $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python -m bench.bench $(ARGS)

sandbox: $(STAMP)
	$(HANDOFF) sandbox serve $(ARGS)

sandbox-reset: $(STAMP)
	$(HANDOFF) sandbox reset

clean:
	rm -rf $(VENV) .sandbox out build dist .pytest_cache .mypy_cache .ruff_cache

eval: $(STAMP)
	$(BIN)/python -m bench.eval_tdd $(ARGS)

eval-styles: $(STAMP)
	$(BIN)/python -m bench.metamorphic $(ARGS)
