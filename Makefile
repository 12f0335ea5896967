# The two set-up commands of the README: `make run` and `make test`.
# Each one does all of its own set-up and is idempotent.

PYTHON ?= python3
VENV   := .venv
VPY    := $(VENV)/bin/python
SAMPLE ?= software_ops_department

# Debian packages: the Graphviz binary, a CJK-capable font, a colour emoji font, and the shared
# libraries Qt's xcb/offscreen platforms load at run time.
SYSTEM_PACKAGES := graphviz fonts-noto-cjk fonts-noto-color-emoji fontconfig libegl1 libgl1 libxkbcommon0 \
                   libxkbcommon-x11-0 libdbus-1-3 libfontconfig1 libglib2.0-0 \
                   libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 \
                   libxcb-render-util0 libxcb-image0 libxcb-xkb1 libxcb-randr0 \
                   libxcb-xinerama0
TEST_SYSTEM_PACKAGES := poppler-utils xvfb xauth libreoffice-writer-nogui libreoffice-calc-nogui \
                        libreoffice-impress-nogui postgresql postgresql-contrib

.PHONY: run test lint stress system-deps test-system-deps venv samples clean

# The app opens a working copy of the sample in out/, so the bundled sample
# files stay as built from their sources whatever the user edits and saves.
run: system-deps $(VENV)/.runtime
	@mkdir -p out
	@test -f out/$(SAMPLE).orgdesk || $(VENV)/bin/orgdesk new out/$(SAMPLE).orgdesk --template $(SAMPLE)
	$(VENV)/bin/orgdesk out/$(SAMPLE).orgdesk

test: system-deps test-system-deps $(VENV)/.test lint
	QT_QPA_PLATFORM=offscreen ORGDESK_NO_SKIPS=1 $(VPY) -m pytest

# The linter and the type checker, configured in pyproject.toml; both keep a cache
# (.ruff_cache, .mypy_cache), so a second run takes seconds.
lint: $(VENV)/.test
	$(VENV)/bin/ruff check orgdesk tests tools benchmarks
	$(VENV)/bin/mypy

# The long adversarial run (tools/stress.py; docs/reliability.md): 1,000+ damaged files
# through every command and the window, 300 kills, fuzzing. Not part of `make test`.
stress: system-deps test-system-deps $(VENV)/.stress
	QT_QPA_PLATFORM=offscreen $(VPY) tools/stress.py $(STRESS_ARGS)

samples: $(VENV)/.runtime
	$(VPY) -m orgdesk.samples build

system-deps:
	@$(PYTHON) tools/system_deps.py $(SYSTEM_PACKAGES)

test-system-deps:
	@$(PYTHON) tools/system_deps.py $(TEST_SYSTEM_PACKAGES)

$(VPY):
	$(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime: pyproject.toml | $(VPY)
	$(VPY) -m pip install --quiet -e .
	touch $@

$(VENV)/.test: pyproject.toml $(VENV)/.runtime
	$(VPY) -m pip install --quiet -e '.[test]'
	touch $@

# atheris ships Linux wheels; where it cannot install, the fuzzers fall back to
# seeded random mutation (tools/fuzz_readers.py says which ran).
$(VENV)/.stress: pyproject.toml $(VENV)/.test
	$(VPY) -m pip install --quiet -e '.[test,stress]' || \
		echo "atheris did not install: fuzzing falls back to random mutation"
	touch $@

clean:
	rm -rf $(VENV) build *.egg-info
