# sencodesk: `make run` opens the app, `make test` runs the whole suite. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export QT_QPA_PLATFORM ?= $(if $(DISPLAY),xcb,offscreen)

.PHONY: run test lint typecheck pytest bench screenshots demo dist clean sysdeps sysdeps-display \
  pgdeps

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

# Qt needs a few shared libraries that a bare Debian/Ubuntu machine may lack: library=package.
QT_LIBS := libEGL.so.1=libegl1 libGL.so.1=libgl1 libxkbcommon.so.0=libxkbcommon0 \
  libfontconfig.so.1=libfontconfig1 libdbus-1.so.3=libdbus-1-3
# and to open a window on an X display (Qt's xcb plugin; without them Qt says only that it
# "could not load the Qt platform plugin xcb").
XCB_LIBS := libxcb-cursor.so.0=libxcb-cursor0 libxcb-icccm.so.4=libxcb-icccm4 \
  libxcb-image.so.0=libxcb-image0 libxcb-keysyms.so.1=libxcb-keysyms1 \
  libxcb-randr.so.0=libxcb-randr0 libxcb-render-util.so.0=libxcb-render-util0 \
  libxcb-shape.so.0=libxcb-shape0 libxcb-xfixes.so.0=libxcb-xfixes0 \
  libxcb-xkb.so.1=libxcb-xkb1 libxkbcommon-x11.so.0=libxkbcommon-x11-0

# Installs what is missing of $(1) when run as root with apt-get; otherwise names the packages.
define install_libs
	@missing=""; for pair in $(1); do lib="$${pair%%=*}"; package="$${pair#*=}"; \
	  ldconfig -p | grep -q "$$lib" || missing="$$missing $$package"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Qt's system libraries:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing \
	      >/dev/null; \
	  else echo "Qt needs these system packages; install them with:"; \
	    echo "  sudo apt-get install$$missing"; exit 1; fi; fi
endef

sysdeps:
	$(call install_libs,$(QT_LIBS))

# The tests start a throwaway PostgreSQL server of their own (tests/pg_cluster.py) from
# Debian's server package: installed when missing as root with apt-get, else named.
pgdeps:
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing PostgreSQL for the server-mode tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      --no-install-recommends postgresql >/dev/null; \
	  else echo "The tests need PostgreSQL's server; install it with:"; \
	    echo "  sudo apt-get install postgresql"; exit 1; fi; fi

# `make run` with a display also needs the X libraries.
sysdeps-display: sysdeps
ifeq ($(QT_QPA_PLATFORM),xcb)
	$(call install_libs,$(XCB_LIBS))
endif

# The SEN information report's web page is checked in a real headless browser (Debian's
# Chromium) by the tests: installed when missing, as root with apt-get; otherwise the test is
# skipped and says why.
.PHONY: sysdeps-browser
pytest: sysdeps-browser
sysdeps-browser:
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Chromium for the accessibility check of the web page"; \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      chromium >/dev/null; } || echo "Chromium could not be installed: its test is skipped"; \
	  else echo "Chromium is missing (sudo apt-get install chromium): its test is skipped"; fi; }

run: sysdeps-display $(STAMP)
	$(BIN)/sencodesk $(ARGS)

demo: $(STAMP)
	$(BIN)/sencodesk demo $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: sysdeps pgdeps $(STAMP)
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
