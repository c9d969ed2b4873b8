# sencodesk: `make run` opens the app, `make test` runs the whole suite. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= $(if $(DISPLAY),xcb,offscreen)

.PHONY: run test lint typecheck pytest bench screenshots demo dist clean sysdeps

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# Qt needs a few shared libraries that a bare Debian/Ubuntu machine may lack.
sysdeps:
	@missing=""; for lib in libEGL.so.1 libxkbcommon.so.0 libfontconfig.so.1 libdbus-1.so.3 libGL.so.1; do \
	  ldconfig -p | grep -q "$$lib" || missing="$$missing $$lib"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Qt's system libraries ($$missing)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 >/dev/null; \
	  else echo "Qt needs these system libraries:$$missing"; exit 1; fi; fi

run: sysdeps $(STAMP)
	$(BIN)/sencodesk $(ARGS)

demo: $(STAMP)
	$(BIN)/sencodesk demo $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: sysdeps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q $(ARGS)

test: lint typecheck pytest

bench: sysdeps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks $(ARGS)

screenshots: sysdeps $(STAMP)
	$(BIN)/python tools/screenshots.py docs/screenshots

dist: sysdeps $(STAMP)
	$(BIN)/python -m pip install --quiet 'pyinstaller>=6.6'
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN build.spec
	@du -sh dist/sencodesk

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache
