# whosaid — see README.md.
#   make serve   build the site into dist/ and serve it on http://127.0.0.1:8080
#   make test    every test (installs what the tests need first: see `deps`)
GO ?= go
GOBIN := $(shell $(GO) env GOPATH)/bin
STATICCHECK_VERSION ?= v0.8.2
ADDR ?= 127.0.0.1:8080
FUZZTIME ?= 60s

.PHONY: test test-wasm deps vet staticcheck fmtcheck gotest fuzz bench build serve worker tagger loadtest loadtest-worker train train-edges train-sources train-checkworthy cv bench-web bench-hostile

test: deps fmtcheck vet staticcheck gotest test-wasm

# What the tests need beyond Go: staticcheck, Debian's chromium for the
# browser tests, and the npm tools pinned in package-lock.json (axe-core,
# wrangler, compromise). Each step runs only when its tool is missing.
deps: $(GOBIN)/staticcheck node_modules/.package-lock.json
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "chromium is missing: run 'sudo apt-get install chromium'"; exit 1; fi; }

$(GOBIN)/staticcheck:
	$(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

fmtcheck:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './node_modules/*')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./wasm/...

# The browser and Worker bridges' syscall/js glue, and the Worker's net/http
# stand-in, run under Node.
test-wasm:
	GOOS=js GOARCH=wasm $(GO) test -exec="$$($(GO) env GOROOT)/lib/wasm/go_js_wasm_exec" ./wasm/browser ./wasm/worker/jsbridge ./internal/api/httpshim

# The deployable site in dist/: wasm, minified hashed assets, .br/.gz, size report.
build:
	$(GO) run ./build

serve: build
	$(GO) run ./cmd/whosaid serve --addr $(ADDR) --dir dist

staticcheck:
	$(GOBIN)/staticcheck ./...

# The browser tests time the page's main thread, so they run after the
# rest, one package at a time, and without the race detector: beside the
# race-enabled tests of other packages on a two-core machine, Chromium's
# main thread starves (a 1.5 s gap in TestLargePasteHostile, 37 ms
# alone), and a race-enabled test binary alone still leaves gaps of
# 0.76 to 1.0 s against its 1 s limit (47 ms without). What they drive,
# the server and the engine, is race-tested in its own packages.
BROWSER_PKGS := ./internal/webtest ./internal/embedtest
gotest:
	$(GO) test -race -timeout 40m $$($(GO) list ./... | grep -v -e /internal/webtest -e /internal/embedtest)
	$(GO) test -timeout 40m -p 1 $(BROWSER_PKGS)

# Every parser's fuzz target, FUZZTIME each (the issue's three first: HTML
# input, segmenter, quote finder). FUZZ=pkg:Target,... picks others.
FUZZ ?= htmltext:FuzzExtract readable:FuzzExtract readable:FuzzAuthorNames segment:FuzzSplit quote:FuzzFind text:FuzzNew meta:FuzzParseDate meta:FuzzFind \
	claims:FuzzUnattributed attrib:FuzzFind brat:FuzzParse export:FuzzWrite api:FuzzExtractJSON tag:FuzzLoad \
	tag:FuzzMatchers perceptron:FuzzLoad edges:FuzzLoad sources:FuzzLoad checkworthy:FuzzLoad site:FuzzFileName site:FuzzAcceptedCodings entity:FuzzResolve entity:FuzzParseNames wasmbin:FuzzParse \
	minijson:FuzzParse minijson:FuzzAppendString wasmbin:FuzzMergeData tag:FuzzSanitizeQuotes pclntab:FuzzRead
fuzz:
	@set -e; for t in $(FUZZ); do pkg=$${t%%:*}; fn=$${t##*:}; \
	  echo "== $$pkg $$fn"; $(GO) test ./internal/$$pkg -run '^$$' -fuzz "^$$fn\$$" -fuzztime $(FUZZTIME); done

bench:
	$(GO) test ./internal/engine -run '^$$' -bench . -benchmem

# The engine on hostile text (internal/hostile) at 100 KB and 1 MB, one
# process per case for its peak memory, beside an ordinary article of the
# same size, on one core when taskset is there.
bench-hostile:
	$(GO) build -o bin/benchhostile ./build/benchhostile
	$$(command -v taskset >/dev/null && echo taskset -c 0) bin/benchhostile -json .cache/bench-hostile.json

# The page's figures in headless chromium, medians of 10 runs: time to ready
# (cold and warm) against Go's floor (a hello-world wasm in the same page),
# extract on the seed, 10k and 100k words, and compromise's .quotations() on
# the same texts as a ratio; JSON in .cache/bench-web.json.
bench-web: node_modules/.package-lock.json
	$(GO) test ./internal/webtest -run '^$$' -bench '^BenchmarkWeb$$' -benchtime 1x -timeout 30m

# The API as a Cloudflare Worker, built into wasm/worker/build/ for
# `wrangler dev` or `wrangler deploy` from wasm/worker.
worker:
	wasm/worker/build.sh

# A bounded load test of the native API on 127.0.0.1 (10,000 requests, 32 at once).
loadtest:
	$(GO) run ./cmd/loadtest -file ../shared/seed/text/syria-final-battle.txt

# The Worker under `wrangler dev` on 127.0.0.1 (2,000 seed requests to warm
# it, then 1,000 measured, 16 at once, over-limit bodies before, in the middle
# and after; workerd's memory and CPU), then the native handler with the same
# load in the same run.
loadtest-worker: node_modules/.package-lock.json
	wasm/worker/loadtest.sh

# Retrain the attribution model from ../shared/polnear/train and the
# check-worthiness model from ../shared/checkworthy/train.tsv (deterministic).
# The check-worthiness model comes second: its calibration reads the scores
# of the engine built with the new attribution model.
TRAIN_FLAGS := -runs 5 -epochs 12 -min-seen 6 -min-weight 7 -span-min-seen 8 -span-min-weight 8 -cue-bias 28 -cue-cost 30 -boundary
FOLDS ?= .cache/folds

# The attribution model, then the edge and source models (which learn from
# the engine's claims), then the check-worthiness model (calibrated on them).
train:
	$(GO) run ./build/train $(TRAIN_FLAGS)
	$(MAKE) train-edges
	$(MAKE) train-sources
	$(MAKE) train-checkworthy

# The edge model learns from the engine's claims on articles its attribution
# model did not see: three fold models, each trained as above without a
# third of train (about 25 minutes on two cores), then build/trainedges.
train-edges:
	mkdir -p $(FOLDS)
	for k in 0 1 2; do $(GO) run ./build/train $(TRAIN_FLAGS) -fold $$k/3 -out $(FOLDS)/f$$k.bin || exit 1; done
	$(GO) run ./build/trainedges -folds $(FOLDS) -cv -cv-out $(FOLDS)

# The source model learns from the same fold models' claims, once the edge
# model has placed their contents: each third's by the edge model trained
# without it, as new text's are (so after train-edges, which makes them).
train-sources:
	$(GO) run ./build/trainsources -folds $(FOLDS) -edges $(FOLDS) -cv

# Held-out figures on train (issue 15), fold by fold and their mean: each
# article analysed with models that never saw it. The fold attribution
# models are make train's (.cache/folds, trained here when missing: run
# make train-edges first after changing what they learn); the edge and source
# models are retrained without each fold into $(CV). About 90 seconds with
# the fold models there; without them, 15 to 25 minutes more on two cores.
CV ?= .cache/cv
cv:
	mkdir -p $(FOLDS) $(CV)
	for k in 0 1 2; do [ -f $(FOLDS)/f$$k.bin ] || $(GO) run ./build/train $(TRAIN_FLAGS) -fold $$k/3 -out $(FOLDS)/f$$k.bin || exit 1; done
	$(GO) run ./build/trainedges -folds $(FOLDS) -cv -cv-out $(CV) -out $(CV)/edges.bin
	$(GO) run ./build/trainsources -folds $(FOLDS) -edges $(CV) -cv -cv-out $(CV) -out $(CV)/sources.bin
	$(GO) run ./build/cv -folds $(FOLDS) -models $(CV)

train-checkworthy:
	$(GO) run ./build/traincw

# Regenerate the POS tagger's model from prose's weights, pruned on the
# PolNeAR train texts, the seed and the check-worthiness training
# sentences in ../shared.
tagger:
	$(GO) run ./build/tagger
