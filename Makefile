# samen: the two commands a new user needs are `make run` and `make test`.
# Both call scripts/bootstrap.sh, which installs missing Debian packages
# (apt-get, as root) and configures and builds with CMake.

BUILD ?= build
JOBS  ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all bootstrap build run test asan test-asan clean check-banned

all: build

bootstrap:
	@scripts/bootstrap.sh deps

build: bootstrap
	@scripts/bootstrap.sh build $(BUILD)

# The main job on the bundled example study, in a scratch copy so the
# repository's example stays clean.
run: build
	@scripts/run-example.sh $(BUILD)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	@$(MAKE) --no-print-directory test-asan

# The whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer.
asan: bootstrap
	@scripts/bootstrap.sh build $(BUILD)-asan -DSAMEN_SANITIZE=ON

test-asan: asan
	@cd $(BUILD)-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD) $(BUILD)-asan
