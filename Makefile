# Two entry points, each doing all set-up on a fresh Debian machine:
#   make report   render the embedded default report (data/biro-umum-ntt/2023)
#   make test     run the whole test suite
# Set-up that is already done is skipped on the next run.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
SYSTEM_STAMP := $(VENV)/.system-stamp

# Notebooks are committed without outputs, execution counts or volatile metadata: nbstripout
# is the git clean filter of *.ipynb (.gitattributes names it, `make setup` defines it in this
# clone's git config). Cell ids are kept: JupyterLab keeps them from save to save, so a diff
# shows only the cells that changed. tests/test_notebooks_clean.py reads these two variables.
NBSTRIPOUT_OPTIONS    := --keep-id
NBSTRIPOUT_EXTRA_KEYS := metadata.papermill cell.metadata.papermill metadata.language_info.version metadata.vscode

.PHONY: report test setup system-deps git-filter clean

report: setup
	$(BIN)/lkip render

test: setup
	$(BIN)/python -m pytest

setup: $(STAMP) $(SYSTEM_STAMP) git-filter

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# Debian packages: headless Chromium (PDF), poppler-utils (pdfinfo/pdftoppm), fonts.
$(SYSTEM_STAMP): scripts/install-system-deps.sh | $(STAMP)
	sh scripts/install-system-deps.sh
	touch $@

# The nbstripout filter, for this clone only (git config --local; never --global). Offline and
# idempotent; skipped outside a git checkout (e.g. an unpacked tarball) or without git.
NBSTRIPOUT := "$(abspath $(BIN))/python" -m nbstripout $(NBSTRIPOUT_OPTIONS)
git-filter: $(STAMP)
	@if [ "$$(git rev-parse --is-inside-work-tree 2>/dev/null)" = true ] \
	    && [ -z "$$(git rev-parse --show-prefix)" ]; then \
	  $(BIN)/nbstripout --install --attributes .gitattributes \
	  && git config --local filter.nbstripout.clean '$(NBSTRIPOUT)' \
	  && git config --local diff.ipynb.textconv '$(NBSTRIPOUT) --textconv' \
	  && git config --local filter.nbstripout.extrakeys '$(NBSTRIPOUT_EXTRA_KEYS)'; \
	else \
	  echo "Not a git checkout: nbstripout git filter not installed."; \
	fi

clean:
	rm -rf $(VENV) reports/*/ reports/index.html
