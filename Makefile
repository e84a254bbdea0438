# anbud: build, test, sanitizer build, benchmark.
# Dependencies are Debian packages found with pkg-config (see README.md).

CC      ?= cc
PKGS    := lua5.4 libpcre2-8 gmp xlsxwriter libcrypto expat minizip zlib
CWARNS  := -Wall -Wextra -Werror -Wshadow -Wsign-compare -Wundef \
           -Wwrite-strings -Wredundant-decls -Wdouble-promotion \
           -Wmissing-declarations -Wmissing-prototypes -Wstrict-prototypes \
           -Wold-style-definition -Wformat=2 -Wvla -Wpointer-arith
# messages are cut to fit the one-line error on purpose
CWARNS  += -Wno-format-truncation
CSTD    := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
OPT     ?= -O2 -g
CFLAGS  += $(CSTD) $(OPT) $(CWARNS) $(shell pkg-config --cflags $(PKGS))
LDLIBS  += $(shell pkg-config --libs $(PKGS)) -lcsv -lm
BUILD   ?= build

CORE    := error xalloc text calendar decimal csvread xlsxread input model_lookup sandbox lnum regex model check evaluate award rank json export simulate workbook sha256 seed verify template cli
SCRIPTS := scripts/declare.lua scripts/price.lua scripts/added_value.lua scripts/total.lua
OBJS    := $(CORE:%=$(BUILD)/%.o) $(BUILD)/scripts.o
LIBOBJS := $(filter-out $(BUILD)/cli.o,$(OBJS))
UNITS   := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/test_*.c))

.PHONY: all test asan clean bench
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

test: anbud $(UNITS)
	tests/run $(BUILD)

asan:
	$(MAKE) BUILD=build-asan OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address,undefined" anbud-asan-bin
	ASAN_OPTIONS=detect_leaks=1 ANBUD=./build-asan/anbud tests/run build-asan

anbud-asan-bin: $(OBJS) $(UNITS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $(BUILD)/anbud $(OBJS) $(LDLIBS)

bench: anbud
	bench/run

clean:
	rm -rf build build-asan anbud
