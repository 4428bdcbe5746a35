# One set of task commands for developers and CI (.ci/run calls `make test`).
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed

.PHONY: install demo test lint typecheck unit browser-deps evaluate bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	# torch first and pinned: an unpinned torch pulls a multi-GB CUDA build
	$(PIP) install -q torch==2.13.0
	$(PIP) install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: install  ## set up, then analyse the bundled sample corpus into out/demo
	$(VENV)/bin/accord demo -o out/demo

lint: install
	$(VENV)/bin/ruff check accord tests bench evaluation
	$(VENV)/bin/ruff format --check accord tests bench evaluation

typecheck: install
	$(VENV)/bin/mypy

unit: install
	$(VENV)/bin/pytest -q

test: browser-deps lint typecheck unit  ## set up, then lint, type-check and run the tests

browser-deps:  ## Debian's chromium for the browser tests (never `playwright install`)
	-command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "chromium not installed: browser tests will skip" >&2

evaluate: install  ## accuracy scripts against ../shared/data; prints P/R/F1
	for s in evaluation/eval_*.py; do $(PY) $$s || exit 1; done

bench: install  ## cost scripts; prints articles/s and peak RSS
	for s in bench/bench_*.py; do $(PY) $$s || exit 1; done

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
