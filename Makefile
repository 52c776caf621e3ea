# trustbrief: `make report` builds every brief, `make test` runs every test.
# Targets are real files where they can be, so a second `make report` with nothing
# changed does (almost) nothing.

SHELL := /bin/bash
.DEFAULT_GOAL := help
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := .make
PROCESSED := data/processed
# The venv is ready when requirements are installed and src/ is on its path.
VENV_READY := $(VENV)/.requirements-installed

SRC := $(shell find src/trustbrief -name '*.py' -o -name '*.j2' -o -name '*.css' -o -name '*.json' | LC_ALL=C sort)
# Shared knowledge and the stories (a brief definition change does not re-extract).
KNOWLEDGE := $(wildcard data/*.yaml data/world/*.yaml data/stories/*.yaml) \
             $(filter-out %/briefs.yaml,$(wildcard data/stories/*/*))
BRIEF_DEFS := $(wildcard data/stories/*.yaml data/stories/*/briefs.yaml)
# STORY=NAME builds the story of data/stories/NAME.yaml instead of the default one.
STORY ?=
NOTEBOOKS := $(wildcard notebooks/*.ipynb)

# A brief's parameters come from the command line and may hold anything: make must never
# expand them (a '$(shell ...)' would run) or pass them on as they are. The recipes below
# read them with $(value ...) and hand them to Python as TRUSTBRIEF_* variables.
unexport TITLE START END NAME PARAMS STORY

.PHONY: help report data test test-fast lab brief bench evaluate clean distclean lint lock freeze screenshots

help: ## show this help
	@echo "trustbrief - news coverage of a bilateral relationship -> evidence-traced briefs"
	@echo
	@grep -hE '^[a-z][a-zA-Z_-]*:.*## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'
	@echo
	@echo "  make brief START=YYYY-MM-DD END=YYYY-MM-DD TITLE=\"...\" [NAME=file-name]"

# requirements.txt is the lock (exact versions and hashes of every package, `make lock`);
# the project itself is then installed the standard way, editable, from pyproject.toml.
$(VENV_READY): requirements.txt pyproject.toml
	@test -x $(PY) || { echo "creating $(VENV) ..."; $(PYTHON) -m venv $(VENV); }
	@echo "installing the locked requirements into $(VENV) (first run only) ..."
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@# The project kernel, inside the venv: notebooks and papermill run with this Python.
	$(PY) -m ipykernel install --sys-prefix --name trustbrief --display-name "Python (trustbrief)" >/dev/null
	@touch $@

# Seed names may hold spaces, which make cannot list: a signature file of the seeds
# (name, size, mtime) changes only when a seed is added, removed or edited. Same rule as
# the reader (corpus.read.seed_files): regular files at the top level, not hidden; no
# symbolic links, no nested folders.
$(STAMP)/seeds.sig: FORCE
	@mkdir -p $(STAMP)
	@find seeds -mindepth 1 -maxdepth 1 -type f ! -name '.*' -printf '%P\t%s\t%T@\n' | \
	  LC_ALL=C sort > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv -f $@.tmp $@
FORCE:

$(PROCESSED)/datapackage.json: $(VENV_READY) $(STAMP)/seeds.sig $(KNOWLEDGE) $(SRC)
	$(PY) -m trustbrief extract --data data

data: $(PROCESSED)/datapackage.json ## extract the processed tables into data/processed/

# The stamp is touched only when every brief built, so a failed build is retried.
$(STAMP)/briefs.done: $(PROCESSED)/datapackage.json $(BRIEF_DEFS) $(NOTEBOOKS) $(SRC)
	$(PY) -m trustbrief brief
	@touch $@

ifeq ($(value STORY),)
report: $(STAMP)/briefs.done ## build every brief of the default story (STORY=NAME: that story's)
	@echo "briefs: $(abspath reports/index.html)"
else
report: export TRUSTBRIEF_STORY = $(value STORY)
report: $(VENV_READY)
	$(PY) -m trustbrief extract --story "$$TRUSTBRIEF_STORY"
	$(PY) -m trustbrief brief --story "$$TRUSTBRIEF_STORY"
	@echo "briefs: $(abspath reports/index.html)"
endif

# The brief's parameters reach Python as environment variables, unexpanded ($(value ...)),
# never as shell text: quotes, $(...), $(shell ...) and backticks in a title are just
# characters. (See `unexport` above: make must not expand them into the environment.)
brief: export TRUSTBRIEF_TITLE = $(value TITLE)
brief: export TRUSTBRIEF_START = $(value START)
brief: export TRUSTBRIEF_END = $(value END)
brief: export TRUSTBRIEF_NAME = $(value NAME)
brief: export TRUSTBRIEF_PARAMS = $(value PARAMS)
brief: export TRUSTBRIEF_STORY = $(value STORY)
brief: $(PROCESSED)/datapackage.json ## build one more brief: START=... END=... TITLE="..." [NAME=...]
	$(PY) -m trustbrief brief --from-env

test: $(VENV_READY) ## run every test (style, layering, unit, notebook, render and browser tests)
	$(PY) -m ruff check src tests notebooks
	$(VENV)/bin/lint-imports
	$(PY) -m pytest

test-fast: $(VENV_READY) ## the inner loop: style, layering and unit tests (no notebook, render or browser)
	$(PY) -m ruff check src tests notebooks
	$(VENV)/bin/lint-imports
	$(PY) -m pytest -m "not slow"

lint: $(VENV_READY) ## check style with ruff
	$(PY) -m ruff check src tests notebooks

# BRIEF=NAME: only reports/NAME.html; default: every brief in reports/ (index.html aside).
BRIEF ?=
screenshots: $(STAMP)/briefs.done ## PNGs of every brief (or BRIEF=NAME) at desktop and phone width in reports/screenshots/NAME/; the README's from the first
	@pages="$(if $(BRIEF),reports/$(BRIEF).html,$$(ls reports/*.html | grep -v '/index\.html$$'))"; \
	[ -n "$$pages" ] || { echo "no brief in reports/: run make report first" >&2; exit 1; }; \
	for page in $$pages; do \
	  name=$$(basename "$$page" .html); out="reports/screenshots/$$name"; echo "  $$name -> $$out/"; \
	  $(PY) -m trustbrief screenshot "$$page" "$$out/top.png" --width 1100 --height 1500 && \
	  $(PY) -m trustbrief screenshot "$$page" "$$out/phone.png" --width 390 --height 1600 && \
	  $(PY) -m trustbrief screenshot "$$page" "$$out/timeline.png" --width 900 --figure 0 || exit 1; \
	done; \
	first=reports/screenshots/$$(basename "$${pages%% *}" .html); mkdir -p reports/readme; \
	cp "$$first/top.png" reports/readme/brief-top.png; cp "$$first/timeline.png" reports/readme/timeline.png

# src/trustbrief/lab/ adds the project's Lab settings: outputs are stripped on every save.
lab: $(VENV_READY) $(PROCESSED)/datapackage.json ## open JupyterLab on notebooks/ with the project kernel
	JUPYTER_CONFIG_PATH="$(CURDIR)/src/trustbrief/lab$${JUPYTER_CONFIG_PATH:+:$$JUPYTER_CONFIG_PATH}" \
	  $(VENV)/bin/jupyter lab --notebook-dir=notebooks

bench: $(VENV_READY) ## measure speed and brief size (HTML MB, PDF pages) on 100 to 10,000 articles
	$(PY) -m trustbrief.bench --out reports/bench

CORPORA ?= ../shared/corpora
evaluate: $(VENV_READY) ## score extraction on the labelled corpora in $(CORPORA) (benchmark)
	$(PY) -m trustbrief evaluate --corpora $(CORPORA) --out reports/evaluation
	$(PY) -m trustbrief evaluate --corpora $(CORPORA) --held-out --out reports/evaluation/held-out

LOCK_EXTRAS := test lab bench dev
lock: $(VENV_READY) ## re-lock requirements.txt (versions + hashes) from pyproject.toml
	$(VENV)/bin/uv pip compile pyproject.toml $(foreach e,$(LOCK_EXTRAS),--extra $(e)) \
	  --generate-hashes --python-version 3.11 --custom-compile-command "make lock" \
	  --quiet -o requirements.txt

freeze: lock

# Cleaning takes the build lock without waiting: while a build runs it deletes nothing and
# says so (it must not pull files, or the lock, from under that build). Standard library
# only, so it also works before the venv exists.
CLEAN_PY := $(if $(wildcard $(PY)),$(PY),$(PYTHON))
clean: ## delete generated tables, briefs and build files (keeps the venv; refused while a build runs)
	@PYTHONPATH="src$${PYTHONPATH:+:$$PYTHONPATH}" $(CLEAN_PY) -m trustbrief.checkout clean \
	  $(PROCESSED) build $(STAMP) .pytest_cache reports

distclean: clean ## also delete the virtual environment
	rm -rf $(VENV)
