# balans: two commands for a newcomer on a fresh machine.
#
#   make demo   installs what is missing, builds the packages, serves www/ on http://127.0.0.1:$(PORT)
#   make test   installs what is missing, then runs every test (native, wasm in Node and Chromium,
#               the built packages from Node and from a real Chromium) and type-checks the fuzz
#               targets and the native bench, which it does not run
#
# Everything comes from the package registries (crates.io, npm, Debian); nothing else is fetched.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PORT ?= 8080
# wasm-bindgen's CLI must be the exact version the crate is locked to, or glue and .wasm disagree.
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"/\1/p}' Cargo.lock)
WASM_PACK_VERSION := 0.15.1
NODE_BIN := $(CURDIR)/pkg-tests/node_modules/.bin
# npm's binaryen (wasm-opt 132): Debian's is too old for today's wasm-bindgen output.
export PATH := $(NODE_BIN):$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# The WebAssembly features rustc emits by default; wasm-opt must accept exactly these, and must
# not add others (Safari 16 is the oldest browser we run in).
WASM_FEATURES := --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int \
	--enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
	--enable-call-indirect-overlong
WASM_PACK := wasm-pack --quiet
PACK_FLAGS := --mode no-install --release --out-name balans

.PHONY: help demo test build package serve tools browser-tools cxx-tools test-native check-extras \
	test-wasm-node test-wasm-browser test-pkg fmt clippy fuzz fuzz-tools

help:
	@echo "make demo   build and serve the demo on http://127.0.0.1:$(PORT) (PORT=… to change)"
	@echo "make test   run every test"

demo: build
	node pkg-tests/serve.mjs --port $(PORT)

test: tools browser-tools test-native check-extras build test-wasm-node test-wasm-browser test-pkg
	@echo "make test: every suite passed"

# --- tools: installed only when missing or of the wrong version -------------------------------

tools: pkg-tests/node_modules/.installed
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
		|| rustup target add wasm32-unknown-unknown
	@wasm-pack --version 2>/dev/null | grep -qF "$(WASM_PACK_VERSION)" \
		|| cargo install wasm-pack --locked --version $(WASM_PACK_VERSION)
	@# Without --locked: the CLI's own lock file names a crate version the registry lacks.
	@wasm-bindgen --version 2>/dev/null | grep -qF "$(WASM_BINDGEN_VERSION)" \
		|| cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	@wasm-bindgen-test-runner --version 2>/dev/null | grep -qF "$(WASM_BINDGEN_VERSION)" \
		|| cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --force

pkg-tests/node_modules/.installed: pkg-tests/package.json pkg-tests/package-lock.json
	cd pkg-tests && npm ci --no-audit --no-fund
	touch $@

browser-tools:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
		$(SUDO) apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium chromium-driver; \
	fi

# libfuzzer-sys compiles libFuzzer (C++) in its build script, even for `cargo check`.
cxx-tools:
	@if ! command -v c++ >/dev/null; then \
		$(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q g++; \
	fi

# What a page that embeds the widget loads: the web package and the element with its modules
# (README, "Embedding kit"), each gzipped on its own as a server sends them. lib/trusted.js is
# the app's alone; lib/xlsx.js is loaded only when someone exports.
# The package's snippets (its IndexedDB store) are a shell glob: they exist only once built.
SHIPPED = pkg/balans_bg.wasm pkg/balans.js pkg/index.js pkg/guards.js pkg/snippets/*/js/store.js www/balans-widget.js www/toolbar.js \
	$(sort $(filter-out www/lib/trusted.js www/lib/xlsx.js,$(wildcard www/lib/*.js))) \
	$(sort $(wildcard www/views/*.js)) www/balans-widget.css $(sort $(wildcard www/views/*.css))

# --- build: pkg/ (--target web) and pkg-node/ (--target nodejs), optimised and measured -------

build: tools
	$(WASM_PACK) build $(PACK_FLAGS) --target web --out-dir pkg
	$(WASM_PACK) build $(PACK_FLAGS) --target nodejs --out-dir pkg-node
	@command -v wasm-opt >/dev/null || { echo "wasm-opt is missing: run 'make tools'" >&2; exit 1; }
	@for dir in pkg pkg-node; do \
		before=$$(stat -c %s $$dir/balans_bg.wasm); \
		wasm-opt -Oz $(WASM_FEATURES) $$dir/balans_bg.wasm -o $$dir/balans_bg.opt.wasm; \
		mv $$dir/balans_bg.opt.wasm $$dir/balans_bg.wasm; \
		after=$$(stat -c %s $$dir/balans_bg.wasm); \
		if [ "$$after" -ge "$$before" ]; then \
			echo "wasm-opt did not shrink $$dir/balans_bg.wasm ($$before → $$after bytes)" >&2; exit 1; \
		fi; \
		echo "wasm-opt -Oz $$dir/balans_bg.wasm: $$before → $$after bytes"; \
	done
	@# The entries that guard the glue (js/guards.js): a call before init() or on a freed Workspace.
	cp js/index.js js/index.d.ts pkg/ && cp js/guards.js pkg/guards.js
	cp js/index.mjs js/index.d.mts pkg-node/ && cp js/guards.js pkg-node/guards.mjs
	@printf '%-30s %10s %10s\n' "shipped file" "raw B" "gzip B"
	@for f in $(SHIPPED); do printf '%-30s %10s %10s\n' $$f $$(stat -c %s $$f) $$(gzip -9c $$f | wc -c); done
	@printf '%-30s %10s %10s\n' "total" $$(cat $(SHIPPED) | wc -c) \
		$$(for f in $(SHIPPED); do gzip -9c $$f | wc -c; done | awk '{ s += $$1 } END { print s }')

serve:
	node pkg-tests/serve.mjs --port $(PORT)

# --- package: the npm tarball (README, "The npm package") ------------------------------------
#
# npm/package.json is the manifest (its version is Cargo.toml's: package.test.mjs checks); the
# element's files are the README's lists ("Copying the files"), the builds go to pkg/ and
# pkg-node/. pkg-node/ is CommonJS inside a "type": "module" package, and its snippets (the
# IndexedDB store) are ES modules it loads with require() (Node 20.19 and later), so each gets a
# package.json saying which it is.
NPM_STAGE := target/npm/balans
ELEMENT_FILES := balans-widget.js balans-widget.css toolbar.js lib views
EMBED_FILES := embed.html embed.js embed.css favicon.svg embed-host.js
BUILD_FILES := balans.js balans_bg.wasm balans.d.ts

package: build
	rm -rf target/npm && mkdir -p $(NPM_STAGE)/pkg $(NPM_STAGE)/pkg-node
	cp npm/package.json README.md $(NPM_STAGE)/
	cd www && cp -R $(ELEMENT_FILES) $(EMBED_FILES) ../$(NPM_STAGE)/
	cp -R $(addprefix pkg/,$(BUILD_FILES) index.js index.d.ts guards.js) pkg/snippets $(NPM_STAGE)/pkg/
	cp -R $(addprefix pkg-node/,$(BUILD_FILES) index.mjs index.d.mts guards.mjs) pkg-node/snippets $(NPM_STAGE)/pkg-node/
	echo '{ "type": "commonjs" }' > $(NPM_STAGE)/pkg-node/package.json
	echo '{ "type": "module" }' > $(NPM_STAGE)/pkg-node/snippets/package.json
	cd target/npm && npm pack --silent ./balans

# --- tests --------------------------------------------------------------------------------------

test-native:
	cargo test --all-targets

test-wasm-node: tools
	wasm-pack test --mode no-install --node -- --test node

test-wasm-browser: tools browser-tools
	wasm-pack test --mode no-install --headless --chrome --chromedriver "$$(command -v chromedriver)" \
		-- --test browser

test-pkg: package browser-tools
	node --test pkg-tests/*.test.mjs pkg-tests/*.test.cjs

# The fuzz targets (fuzz/, a workspace of their own) and the native bench (`test = false`,
# `bench = false` in Cargo.toml) are outside `cargo test --all-targets`, and both once stopped
# compiling unseen when `DeviationOptions` gained fields. A type check catches that in seconds;
# running them stays with `make fuzz` and `make bench`. `--bench '*'` names every bench, even
# those `bench = false` keeps out of `--benches`.
check-extras: cxx-tools
	cargo check --bench '*'
	cargo check --manifest-path fuzz/Cargo.toml --bins

fmt:
	cargo fmt --all

clippy:
	cargo clippy --all-targets -- -D warnings

# --- fuzzing: not part of `make test` --------------------------------------------------------------
#
#   make fuzz                 every target for FUZZ_SECONDS each, one after another
#   make fuzz-sie             one target (amount, csv, paste, sie)
#
# cargo-fuzz needs nightly rustc flags; RUSTC_BOOTSTRAP=1 lets the stable toolchain take them.
# Each target keeps its corpus in fuzz/corpus/<target>; the SIE target also starts from the real
# files in tests/data/sie (libFuzzer writes new inputs only to the first folder it is given, so
# the seeds, second, stay as they are). A crash lands in fuzz/artifacts/<target>/ and fails the run.

FUZZ_SECONDS ?= 600
FUZZ_TARGETS := amount csv paste sie
SIE_SEEDS := tests/data/sie

fuzz-tools: cxx-tools
	@cargo fuzz --version >/dev/null 2>&1 || cargo install cargo-fuzz --locked

fuzz: $(addprefix fuzz-,$(FUZZ_TARGETS))

fuzz-%: fuzz-tools
	mkdir -p fuzz/corpus/$*
	RUSTC_BOOTSTRAP=1 cargo fuzz run -O $* fuzz/corpus/$* $(if $(filter sie,$*),$(SIE_SEEDS)) \
		-- -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -rss_limit_mb=1024 -print_final_stats=1

# --- bench: not part of `make test` (minutes long; figures depend on the machine) --------------

.PHONY: bench
# BENCH_ARGS: e.g. "--sizes 10000,100000 --runs 3 --shapes dense,sparse"; see benches/run.mjs.
BENCH_ARGS ?=
bench: build browser-tools benches/node_modules/.installed
	node benches/run.mjs $(BENCH_ARGS)

benches/node_modules/.installed: benches/package.json benches/package-lock.json
	cd benches && npm ci --no-audit --no-fund
	touch $@
