# The two commands of the README: `make run` and `make test`. Everything they need is
# installed by scripts/install-deps.sh from Debian packages (and npm for the web front end).
SHELL := /bin/bash
.DEFAULT_GOAL := run
DATABASE ?= sqlite:var/taawun.db
LISTEN ?= 127.0.0.1:8080

.PHONY: run test deps build web debug bench bench-cooperation format clean

deps:
	@bash scripts/install-deps.sh run

build: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release

web: deps
	@bash scripts/build-web.sh

# Builds, prepares the database (migrations, reference data, demo data on first start only)
# and serves the API and the web application on http://$(LISTEN).
run: build web
	@mkdir -p var
	@build/release/taawun demo --if-empty --database $(DATABASE) --credentials var/demo-credentials.txt >/dev/null
	@echo
	@echo "  Taawun is starting on http://$(LISTEN)"
	@if [ -f var/demo-credentials.txt ]; then sed 's/^/  /' var/demo-credentials.txt; fi
	@echo "  (Ctrl-C stops the server; your data stays in var/.)"
	@echo
	@exec build/release/taawun serve --database $(DATABASE) --listen $(LISTEN)

# Installs, builds with sanitizers, runs every test on SQLite and PostgreSQL and in the
# browser, and ends with one line: N passed, N failed.
test:
	@bash scripts/install-deps.sh test
	@bash scripts/test.sh

debug: deps
	@cmake --preset debug >/dev/null
	@cmake --build --preset debug

bench:
	@bash scripts/install-deps.sh bench
	@bash bench/run.sh

# Technical cooperation at a million people (bench/cooperation.sh; about 2 GB under build/bench).
bench-cooperation:
	@bash scripts/install-deps.sh bench
	@bash bench/cooperation.sh

# Fuzzing (docs/adr/0011-fuzzing.md): every libFuzzer target of fuzz/ for FUZZ_SECONDS seconds
# each, one after the other (`make test` runs them for 12 s each); what fails is kept under
# build/fuzz/crashes/.
FUZZ_SECONDS ?= 600
.PHONY: fuzz
fuzz:
	@bash scripts/install-deps.sh fuzz
	@bash scripts/fuzz.sh $(FUZZ_SECONDS)

# Lays out the C++ sources with the checked-in .clang-format.
format:
	@find src tests fuzz -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	rm -rf build web/dist
