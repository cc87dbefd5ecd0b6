# Two entry points, each doing all set-up on a fresh Debian machine:
#   make report   render the embedded default report (data/biro-umum-ntt/2023)
#   make test     run the whole test suite
# Set-up that is already done is skipped on the next run.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
SYSTEM_STAMP := $(VENV)/.system-stamp

.PHONY: report test setup system-deps clean

report: setup
	$(BIN)/lkip render

test: setup
	$(BIN)/python -m pytest

setup: $(STAMP) $(SYSTEM_STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# Debian packages: headless Chromium (PDF), poppler-utils (pdfinfo/pdftoppm), fonts.
$(SYSTEM_STAMP): scripts/install-system-deps.sh | $(STAMP)
	sh scripts/install-system-deps.sh
	touch $@

clean:
	rm -rf $(VENV) reports/*/ reports/index.html
