# covenant — the commands of the README.  Every target installs the Debian
# packages it needs first (scripts/deps.sh), so a fresh Debian 12 machine
# needs nothing else.
#
#   make demo      build and run covenant on examples/
#   make test      build and run the test suite (ctest)
#   make asan      the test suite under AddressSanitizer + UBSan
#   make fuzz      build the libFuzzer targets and run each for FUZZ_SECONDS
#   make bench     benchmarks against peers on ../shared/corpus
#   make install   PREFIX=/usr/local DESTDIR=

PREFIX ?= /usr/local
DESTDIR ?=
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 20
COVENANT = $(BUILD)/covenant

.PHONY: all deps build demo test asan fuzz bench install clean

all: build

deps:
	@scripts/deps.sh build

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=$(PREFIX) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@scripts/demo.sh $(COVENANT)

test:
	@scripts/deps.sh test
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=$(PREFIX) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

asan:
	@scripts/deps.sh test
	@cmake -S . -B $(BUILD)-asan -DCMAKE_BUILD_TYPE=Debug -DCOVENANT_SANITIZE=ON >/dev/null
	@cmake --build $(BUILD)-asan -j $(JOBS)
	@cd $(BUILD)-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

fuzz:
	@scripts/deps.sh fuzz
	@CC=clang cmake -S . -B $(BUILD)-fuzz -DCMAKE_BUILD_TYPE=Debug -DCOVENANT_FUZZ=ON -DCOVENANT_TESTS=OFF >/dev/null
	@cmake --build $(BUILD)-fuzz -j $(JOBS)
	@scripts/fuzz.sh $(BUILD)-fuzz $(FUZZ_SECONDS)

bench: build
	@$(BUILD)/bench/bench_parse ../shared/corpus
	@$(BUILD)/bench/bench_diff ../shared/corpus
	@$(BUILD)/bench/bench_pdf ../shared/corpus
	@$(BUILD)/bench/bench_scale ../shared/corpus
	@$(BUILD)/bench/bench_memory ../shared/corpus

install: build
	@DESTDIR=$(DESTDIR) cmake --install $(BUILD) --prefix $(PREFIX)

clean:
	rm -rf $(BUILD) $(BUILD)-asan $(BUILD)-fuzz
