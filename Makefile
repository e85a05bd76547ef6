# The commands people and CI run. Everything happens in .venv, created on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: demo test lint bench knowledge run clean

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(INSTALLED)

demo: $(INSTALLED)
	@printf '%s\n' "who won Clacton?" "how many votes did he get?" "and Blackburn?" "Hussain" \
		"Perveen" "who won Preston?" "source" "how many seats did Reform win?" \
		"who won Islington North in 2019?" "who is the MP for Runcorn and Helsby?" "what do you know?" \
		| $(BIN)/electionbot chat --echo

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

run: $(INSTALLED)
	$(BIN)/electionbot run

bench: $(INSTALLED)
	$(BIN)/python -m bench

knowledge: $(INSTALLED)
	$(BIN)/python -m knowledge build

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
