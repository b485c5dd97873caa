# newsview: developer commands. `make help` lists them.
#
#   make demo   installs what is missing, builds, serves www/ on http://127.0.0.1:8080
#   make test   installs what is missing, then runs every check CI runs

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
# Steps of `test` must run in the order written, even under `make -j`.
.NOTPARALLEL:

# Binaries from `cargo install` (wasm-bindgen, wasm-bindgen-test-runner).
CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
export PATH := $(CARGO_BIN):$(PATH)

WASM_TARGET := wasm32-unknown-unknown
# The wasm tests run in headless Chromium through this driver (see .cargo/config.toml).
CHROMEDRIVER ?= /usr/bin/chromedriver
export CHROMEDRIVER
PORT ?= 8080
# The budget of the full client (what render() downloads): 70 KiB (issue 13), on the way to 45.
# It is 69.7 KiB (71 357 B, 2026-12-01); README "Size and speed" has each step.
SIZE_BUDGET_KIB ?= 70
# The hydration-only entry (newsview-hydrate.js + its wasm, issue 13: 25 KiB): what a
# server-rendered page downloads; 18.5 KiB (18 995 B) on 2026-12-01.
HYDRATE_BUDGET_KIB ?= 20
# The full client's QR module (newsview-qr.js + its wasm: the encoder), fetched when a reader
# first opens a QR code.
QR_BUDGET_KIB ?= 7
WIDTHS ?= 390,1280

# Inputs of the browser package; pkg/ is rebuilt only when one of them changed.
PKG_INPUTS := $(shell find src -type f 2>/dev/null) $(wildcard build.rs) Cargo.toml Cargo.lock \
	www/newsview.js www/newsview-hydrate.js www/newsview-qr.js www/newsview-qr-load.js www/newsview-error.js $(wildcard www/*.css) scripts/build.sh scripts/order-functions.mjs scripts/minify-names.mjs scripts/wasm-binary.mjs scripts/wasm-tools.sh package-lock.json
PKG_STAMP := pkg/.stamp
# Inputs of newsview/server (pkg-server/): the same Rust, its own JS entries.
SERVER_INPUTS := $(shell find src www/server -type f 2>/dev/null) www/newsview-error.js $(wildcard build.rs) Cargo.toml \
	Cargo.lock scripts/build-server.sh scripts/wasm-tools.sh package-lock.json
SERVER_STAMP := pkg-server/.stamp

.PHONY: help setup build demo serve test ci fmt fmt-check clippy lint contract test-native test-wasm \
	test-e2e size size-check screenshots clean build-server test-server node-server worker

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-12s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

setup: ## Install what is missing: wasm32 target, wasm-bindgen-cli, Chromium, chromedriver, npm deps (wasm-opt, playwright-core)
	@bash scripts/setup.sh

build: $(PKG_STAMP) ## Build the browser package into pkg/ (incremental)

$(PKG_STAMP): $(PKG_INPUTS)
	@bash scripts/build.sh
	@touch $@

build-server: $(SERVER_STAMP) ## Build newsview/server (Node, workerd) into pkg-server/ (incremental)

$(SERVER_STAMP): $(SERVER_INPUTS)
	@bash scripts/build-server.sh
	@touch $@

node-server: build build-server ## Serve server-rendered article pages with examples/node-server on http://127.0.0.1:8788
	node examples/node-server/server.mjs --port 8788

worker: build build-server ## Serve the seed article page with examples/worker in workerd on http://127.0.0.1:8787
	@test -x node_modules/.bin/workerd || { echo "make: workerd is missing; run 'make setup' (npm package workerd)" >&2; exit 1; }
	node_modules/.bin/workerd serve examples/worker/config.capnp

demo: setup build ## Install, build, and serve the demo on http://127.0.0.1:8080 (PORT=n to change)
	node scripts/serve.mjs --port $(PORT)

serve: build ## Serve www/ and pkg/ without running setup first
	node scripts/serve.mjs --port $(PORT)

test: setup fmt-check clippy test-native test-wasm build build-server size-check test-e2e test-server fuzz-short ## Install, then run every check (what CI runs)
	@echo "==> all checks passed"

ci: test ## Alias of test

fmt: ## Format the Rust code
	cargo fmt

fmt-check:
	@echo "==> cargo fmt --check"
	@cargo fmt --check || { echo "make: the Rust code is not formatted; run 'make fmt'" >&2; exit 1; }

# The native build checks the core, only the wasm32 builds compile the DOM layer (src/dom/): the
# full client, the server build, the hydration-only client and the QR module each have their own
# feature set.
clippy:
	@echo "==> cargo clippy --all-targets -- -D warnings"
	@cargo clippy --all-targets -- -D warnings || { echo "make: clippy found problems (native build)" >&2; exit 1; }
	@echo "==> cargo clippy --target $(WASM_TARGET) --all-targets -- -D warnings"
	@cargo clippy --target $(WASM_TARGET) --all-targets -- -D warnings || \
		{ echo "make: clippy found problems (wasm32 build, includes src/dom/)" >&2; exit 1; }
	@echo "==> cargo clippy --target $(WASM_TARGET) --lib --no-default-features --features server -- -D warnings"
	@cargo clippy --target $(WASM_TARGET) --lib --no-default-features --features server -- -D warnings || \
		{ echo "make: clippy found problems (wasm32 server build, src/server.rs)" >&2; exit 1; }
	@echo "==> cargo clippy --target $(WASM_TARGET) --lib --no-default-features --features hydrate -- -D warnings"
	@cargo clippy --target $(WASM_TARGET) --lib --no-default-features --features hydrate -- -D warnings || \
		{ echo "make: clippy found problems (wasm32 hydration-only build, src/dom/hydrate_api.rs)" >&2; exit 1; }
	@echo "==> cargo clippy --target $(WASM_TARGET) --lib --no-default-features --features qr-module -- -D warnings"
	@cargo clippy --target $(WASM_TARGET) --lib --no-default-features --features qr-module -- -D warnings || \
		{ echo "make: clippy found problems (wasm32 QR module build, src/qr_module.rs)" >&2; exit 1; }

contract: ## Regenerate what is generated from the declarations: .d.ts blocks, docs/schema.md tables, src/model.rs field lists
	NEWSVIEW_BLESS=1 cargo test --test typescript_types --test schema

lint: fmt-check clippy ## cargo fmt --check and clippy -D warnings (native and wasm32)

test-native:
	@echo "==> cargo test (core, native)"
	@cargo test

test-wasm:
	@echo "==> cargo test --target $(WASM_TARGET) (DOM layer, headless Chromium via $(CHROMEDRIVER))"
	@test -x "$(CHROMEDRIVER)" || { echo "make: $(CHROMEDRIVER) not found; run 'make setup'" >&2; exit 1; }
	@cargo test --target $(WASM_TARGET) --tests

test-e2e: build ## End-to-end tests: pkg/ in a host page in headless Chromium
	@echo "==> node --test tests/e2e/"
	@test -d node_modules/playwright-core || { echo "make: node_modules is missing; run 'make setup'" >&2; exit 1; }
	@node --test --test-reporter=spec tests/e2e/

test-server: build build-server ## newsview/server in Node and workerd, the examples, hydration in Chromium
	@echo "==> node --test tests/server/"
	@node --test --test-reporter=spec tests/server/

size: build ## Raw, gzip and brotli sizes of what a page downloads (full and hydration entries, the QR module)
	@node scripts/size.mjs

size-check: build
	@echo "==> size budgets: gzip full entry <= $(SIZE_BUDGET_KIB) KiB, hydration entry <= $(HYDRATE_BUDGET_KIB) KiB, QR module <= $(QR_BUDGET_KIB) KiB"
	@node scripts/size.mjs --budget $(SIZE_BUDGET_KIB) --hydrate-budget $(HYDRATE_BUDGET_KIB) --qr-budget $(QR_BUDGET_KIB)

screenshots: build ## Full-page PNGs of the demo at 390 and 1280 px in screenshots/ (not committed)
	@mkdir -p screenshots
	@node scripts/screenshot.mjs --widths=$(WIDTHS) --out=screenshots/demo

clean: ## Remove build outputs (target/, pkg/)
	cargo clean
	rm -rf pkg pkg-server dist tests/e2e/.tmp

.PHONY: package
package: ## npm package: dist/package/ and dist/newsview-VERSION.tgz (runs make build)
	@bash scripts/package.sh

# Fuzzing (cargo-fuzz, nightly): each target for a bounded time; see docs/fuzzing.md.
.PHONY: fuzz fuzz-short
fuzz: ## Run every fuzz target for 300 s
	bash scripts/fuzz.sh 300

fuzz-short: ## A fixed-seed pass of every fuzz target, a fixed number of runs each (what make test runs)
	FUZZ_FIXED=1 bash scripts/fuzz.sh 120

# Benchmarks in headless Chromium: newsview vs DOMPurify + innerHTML, the innerHTML floor and
# setHTML, cold start, memory, scale series, hostile bodies; see docs/benchmarks.md. Installs
# bench/'s own deps; the hostile bodies also time the release CLI.
.PHONY: bench bench-quick bench-hostile bench-deps bench-cli
bench: setup build build-server bench-deps bench-cli ## Run the full benchmark suite (about 15 min, plus the hostile bodies and server rendering)
	node bench/run.mjs
	node bench/hostile.mjs
	node bench/server.mjs

bench-quick: setup build bench-deps ## A shorter benchmark run (3–5 min)
	node bench/run.mjs --quick

# HOSTILE_ARGS: options of bench/hostile.mjs, e.g. HOSTILE_ARGS=--only=a-br-70k,b-x-300k
bench-hostile: setup build bench-deps bench-cli ## Only the hostile bodies (issue 10): browser and native CLI (at most 15 min)
	node bench/hostile.mjs $(HOSTILE_ARGS)

bench-deps:
	@cd bench && { [ -d node_modules/sanitize-html ] && [ -d node_modules/jsdom ] || npm ci --no-audit --no-fund; }

# Server rendering side by side: native, newsview/server in Node and in workerd, sanitize-html
# and DOMPurify on jsdom with a template string; 100 000 renders' memory; the server wasm's size.
.PHONY: bench-server
bench-server: setup build-server bench-deps ## Server rendering: renders/s per core on every path, memory after 100 000 renders (about 2 min)
	node bench/server.mjs

bench-cli:
	cargo build --release --bin newsview
