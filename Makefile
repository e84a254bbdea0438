# SPDX-License-Identifier: MIT
# anbud: build, test, sanitizer build, benchmark.
# Dependencies are Debian packages found with pkg-config (see README.md).

CC      ?= cc
PKGS    := lua5.4 libpcre2-8 gmp xlsxwriter libcrypto expat minizip zlib
CWARNS  := -Wall -Wextra -Werror -Wshadow -Wsign-compare -Wundef \
           -Wwrite-strings -Wredundant-decls -Wdouble-promotion \
           -Wmissing-declarations -Wmissing-prototypes -Wstrict-prototypes \
           -Wold-style-definition -Wformat=2 -Wvla -Wpointer-arith
# messages are cut to fit the one-line error on purpose
CWARNS  += -Wno-format-truncation $(CWARNS_EXTRA)
CSTD    := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
OPT     ?= -O2 -g
CFLAGS  += $(CSTD) $(OPT) $(CWARNS) $(shell pkg-config --cflags $(PKGS))
LDLIBS  += $(shell pkg-config --libs $(PKGS)) -lcsv -lm
BUILD   ?= build

# every core/*.c is a stage of the program (cli.c holds main)
CORE    := $(sort $(basename $(notdir $(wildcard core/*.c))))
SCRIPTS := scripts/declare.lua scripts/price.lua scripts/added_value.lua scripts/total.lua
OBJS    := $(CORE:%=$(BUILD)/%.o) $(BUILD)/scripts.o
LIBOBJS := $(filter-out $(BUILD)/cli.o,$(OBJS))
UNITS   := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/test_*.c))

.PHONY: all test asan clean bench fuzz fuzz-bins
all: anbud

anbud: $(OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/%.o: core/%.c core/*.h | $(BUILD)
	@echo CC $<
	@$(CC) $(CFLAGS) -Icore -c -o $@ $<

$(BUILD)/embed: tools/embed.c | $(BUILD)
	$(CC) $(CSTD) -O2 -o $@ $<

$(BUILD)/scripts.c: $(BUILD)/embed $(SCRIPTS)
	$(BUILD)/embed $(SCRIPTS) > $@

$(BUILD)/scripts.o: $(BUILD)/scripts.c
	$(CC) $(CFLAGS) -Wno-missing-prototypes -Wno-missing-declarations -Icore -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIBOBJS) | $(BUILD)
	@mkdir -p $(BUILD)/tests
	$(CC) $(CFLAGS) -Icore -o $@ $< $(LIBOBJS) $(LDLIBS)

$(BUILD):
	mkdir -p $(BUILD)

# The fuzz harnesses replayed on their regression inputs by an ordinary
# main (tests/fuzz/replay.c), so that `make test` needs no clang.
FUZZERS := fuzz_csv fuzz_xlsx fuzz_xlsx_raw fuzz_decimal fuzz_model
FUZZDEFS = -DFUZZ_MODEL='"$(CURDIR)/models/soderhamn/model.lua"'
REPLAYS := $(FUZZERS:%=$(BUILD)/tests/replay_%)

$(BUILD)/tests/replay_fuzz_xlsx_raw: tests/fuzz/fuzz_xlsx.c tests/fuzz/replay.c tests/fuzz/fuzz_common.h $(LIBOBJS) | $(BUILD)
	@mkdir -p $(BUILD)/tests
	$(CC) $(CFLAGS) $(FUZZDEFS) -DFUZZ_XLSX_RAW -Icore -o $@ tests/fuzz/fuzz_xlsx.c tests/fuzz/replay.c $(LIBOBJS) $(LDLIBS)

$(BUILD)/tests/replay_%: tests/fuzz/%.c tests/fuzz/replay.c tests/fuzz/fuzz_common.h $(LIBOBJS) | $(BUILD)
	@mkdir -p $(BUILD)/tests
	$(CC) $(CFLAGS) $(FUZZDEFS) -Icore -o $@ $< tests/fuzz/replay.c $(LIBOBJS) $(LDLIBS)

test: anbud $(UNITS) $(REPLAYS)
	tests/run $(BUILD)

asan:
	$(MAKE) BUILD=build-asan OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address,undefined" anbud-asan-bin
	ASAN_OPTIONS=detect_leaks=1 ANBUD=./build-asan/anbud tests/run build-asan

anbud-asan-bin: $(OBJS) $(UNITS) $(REPLAYS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $(BUILD)/anbud $(OBJS) $(LDLIBS)

# libFuzzer harnesses (tests/fuzz/README.md), built with clang under ASan
# and UBSan into build-fuzz/fuzz/, then run FUZZ_SECONDS each on seeds
# gathered from the test inputs.
FUZZ_SECONDS ?= 60
fuzz:
	$(MAKE) BUILD=build-fuzz CC=clang \
	    OPT="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    CWARNS_EXTRA="-Wno-unknown-warning-option -Wno-string-concatenation" fuzz-bins
	tests/fuzz/run build-fuzz $(FUZZ_SECONDS)

fuzz-bins: $(FUZZERS:%=$(BUILD)/fuzz/%)

$(BUILD)/fuzz/fuzz_xlsx_raw: tests/fuzz/fuzz_xlsx.c tests/fuzz/fuzz_common.h $(LIBOBJS)
	@mkdir -p $(BUILD)/fuzz
	$(CC) $(CFLAGS) $(FUZZDEFS) -DFUZZ_XLSX_RAW -fsanitize=fuzzer,address,undefined -Icore -o $@ $< $(LIBOBJS) $(LDLIBS)

$(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz_common.h $(LIBOBJS)
	@mkdir -p $(BUILD)/fuzz
	$(CC) $(CFLAGS) $(FUZZDEFS) -fsanitize=fuzzer,address,undefined -Icore -o $@ $< $(LIBOBJS) $(LDLIBS)

# the floor (libxlsxwriter writing the same cells), then the peer on its own workload
bench: anbud
	bench/run
	bench/peer

# the break-even search alone, bisection against the closed form (bench/README.md)
$(BUILD)/bench_breakeven: bench/breakeven.c $(LIBOBJS) | $(BUILD)
	$(CC) $(CFLAGS) -Icore -o $@ $< $(LIBOBJS) $(LDLIBS)

clean:
	rm -rf build build-asan build-fuzz anbud
