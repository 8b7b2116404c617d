# covenant — the commands of the README.  Every target installs the Debian
# packages it needs first (scripts/deps.sh), so a fresh Debian 12 machine
# needs nothing else.
#
#   make demo      build and run covenant on examples/
#   make test      build and run the test suite (ctest)
#   make asan      the test suite under AddressSanitizer + UBSan
#   make fuzz      build the libFuzzer targets and run each for FUZZ_SECONDS
#   make bench     benchmarks against peers on ../shared/corpus
#   make e2e       the web app in Debian's headless Chromium (tests/e2e)
#   make install   PREFIX=/usr/local DESTDIR=
#   make fresh     make demo and make test on a fresh Debian 12 root (CI)

PREFIX ?= /usr/local
DESTDIR ?=
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 20
COVENANT = $(BUILD)/covenant

.PHONY: all deps build demo test asan fuzz bench e2e install fresh clean

all: build

deps:
	@scripts/deps.sh build

CONFIGURE = -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=$(PREFIX)

# The build is quiet unless it fails (scripts/build.sh keeps the log).
build: deps
	@JOBS=$(JOBS) scripts/build.sh $(BUILD) $(CONFIGURE)

demo: build
	@scripts/demo.sh $(COVENANT)

test:
	@scripts/deps.sh test
	@JOBS=$(JOBS) scripts/build.sh $(BUILD) $(CONFIGURE) -DCOVENANT_TESTS=ON -DCOVENANT_REQUIRE_TESTS=ON
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	@tests/e2e/run.sh --check

asan:
	@scripts/deps.sh test
	@JOBS=$(JOBS) scripts/build.sh $(BUILD)-asan -DCMAKE_BUILD_TYPE=Debug -DCOVENANT_SANITIZE=ON -DCOVENANT_REQUIRE_TESTS=ON
	@cd $(BUILD)-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

fuzz:
	@scripts/deps.sh fuzz
	@CC=clang JOBS=$(JOBS) scripts/build.sh $(BUILD)-fuzz -DCMAKE_BUILD_TYPE=Debug -DCOVENANT_FUZZ=ON -DCOVENANT_TESTS=OFF
	@scripts/fuzz.sh $(BUILD)-fuzz $(FUZZ_SECONDS)

bench: build
	@scripts/deps.sh bench
	@$(BUILD)/bench/bench_parse ../shared/corpus
	@COVENANT_DATA=$(CURDIR)/data $(BUILD)/bench/bench_store ../shared/corpus
	@$(BUILD)/bench/bench_diff ../shared/corpus
	@$(BUILD)/bench/bench_pdf ../shared/corpus
	@$(BUILD)/bench/bench_startup ../shared/corpus
	@$(BUILD)/bench/bench_scale ../shared/corpus
	@$(BUILD)/bench/bench_memory ../shared/corpus
	@bench/bench_serve.sh $(BUILD) ../shared/corpus
	@bench/bench_udhr.sh $(BUILD) ../shared/corpus
	@COVENANT_DATA=$(CURDIR)/data $(BUILD)/bench/bench_refs ../shared/corpus
	@bench/bench_pg.sh $(BUILD) ../shared/corpus

# The web app end to end: Debian's chromium and node, playwright-core from npm
# (tests/e2e/package-lock.json); here a missing piece fails instead of skipping.
e2e:
	@scripts/deps.sh e2e
	@JOBS=$(JOBS) scripts/build.sh $(BUILD) $(CONFIGURE) -DCOVENANT_TESTS=ON -DCOVENANT_REQUIRE_TESTS=ON
	@cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error
	@cd $(BUILD) && COVENANT_E2E_REQUIRED=1 ctest -R '^(e2e|serve)$$' --output-on-failure

# The README's two commands on a fresh Debian 12 root (mmdebstrap + chroot; root only).
fresh:
	@scripts/fresh-machine.sh

install: build
	@DESTDIR=$(DESTDIR) cmake --install $(BUILD) --prefix $(PREFIX)

clean:
	rm -rf $(BUILD) $(BUILD)-asan $(BUILD)-fuzz
