# Concerto — the two commands of the README, and a few more.
#   make run     install what is missing, build, launch the desktop app (embedded database)
#   make test    install what is missing, build, run the whole test suite (PostgreSQL and GUI included)
#   make bench   build and run the benchmarks (tests/bench), printing ratios against baselines
#   make package build the Debian package (build/concerto_VERSION_ARCH.deb) with CPack
#   make deps    install the Debian packages only
#   make build   configure and build only
#   make clean   remove the build folder

BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
# One compiler more than cores: while one waits on the disk, the cores stay busy.
BUILD_JOBS ?= $(shell echo $$(( $(JOBS) + 1 )))

.PHONY: all deps configure build run test bench package clean format

all: build

deps:
	@sh installer/deps.sh

$(BUILD_DIR)/CMakeCache.txt:
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

configure: $(BUILD_DIR)/CMakeCache.txt

build: deps configure
	cmake --build $(BUILD_DIR) -j $(BUILD_JOBS)

run: build
	$(BUILD_DIR)/src/app/concerto $(ARGS)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

bench: build
	cmake --build $(BUILD_DIR) -j $(JOBS) --target benchmarks
	sh tests/bench/run.sh $(BUILD_DIR)

package: build
	cd $(BUILD_DIR) && cpack -G DEB

format:
	find src db reports dialogs tests -name '*.cpp' -o -name '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR)
