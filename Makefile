# whosaid — see README.md. `make serve` builds and serves the app; `make test` runs every test.
GO ?= go
STATICCHECK ?= $(shell $(GO) env GOPATH)/bin/staticcheck
STATICCHECK_VERSION ?= v0.8.2

.PHONY: test vet staticcheck fmtcheck gotest fuzz bench serve build tools

test: fmtcheck vet staticcheck gotest

fmtcheck:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

$(STATICCHECK):
	$(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

staticcheck: $(STATICCHECK)
	$(STATICCHECK) ./...

gotest:
	$(GO) test -race ./...

FUZZTIME ?= 60s
fuzz:
	$(GO) test ./internal/text -run '^$$' -fuzz FuzzNew -fuzztime $(FUZZTIME)

bench:
	$(GO) test ./internal/engine -run '^$$' -bench . -benchmem
