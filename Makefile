# calint developer tasks. `make help` lists them.
GOLANGCI_LINT_VERSION := v2.15.0
OPA_VERSION := v1.22.2
REGAL_VERSION := v0.35.1
GOBIN ?= $(shell go env GOPATH)/bin

.PHONY: help build test check lint generate fuzz bench tools screenshot

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

build: ## build ./calint
	go build -o calint ./cmd/calint

test: tools check ## the whole test suite (installs the pinned tools first): generated files, format, lint, go test (Rego tests, fixtures, CLI, SARIF validator), example policies
	go test -race -count=1 -timeout=45m ./...  # the first go install test compiles every dependency anew (internal/e2e)
	go run ./cmd/calint verify examples/policies
	go test -run=NONE -fuzz=FuzzParse -fuzztime=10s ./pkg/parse
	go test -run=NONE -bench=. -benchtime=1x ./...

check: lint ## static checks, and that the generated files are current
	go test -count=1 -run TestGeneratedFilesAreCurrent ./internal/gen

lint: ## gofmt, go vet, opa fmt, Regal (Rego) and golangci-lint
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt needed"; exit 1; }
	go vet ./...
	go run github.com/open-policy-agent/opa@$(OPA_VERSION) fmt --fail -l rules examples/policies || { echo "opa fmt needed on the files above"; exit 1; }
	$(GOBIN)/regal lint rules examples/policies
	$(GOBIN)/golangci-lint run ./...

generate: ## regenerate every generated file (go generate: internal/gen.Files)
	go generate ./...

fuzz: ## fuzz the parser for a minute
	go test -run=NONE -fuzz=FuzzParse -fuzztime=60s ./pkg/parse

bench: ## measure calint against the parse floor and conftest on 1 to 50,000 apps (docs/performance.md)
	scripts/bench

screenshot: ## render docs/images/html-report.png, the HTML report of testdata/example, with headless Chromium
	scripts/screenshot

tools: ## install the pinned tools the tests use
	go install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$(GOLANGCI_LINT_VERSION)
	scripts/install-regal $(REGAL_VERSION) $(GOBIN)
	npm ci --prefix tools/sarif --no-audit --no-fund
	chmod u+x tools/sarif/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
