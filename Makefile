# NetOS — the targets a newcomer needs. Only Go is required for run, test,
# build and bench; lint also runs npm-based OpenAPI validators when npm exists.

GO      ?= go
BIN     ?= bin/netos
PKGS    := ./...
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)

.PHONY: run test test-sqlite test-postgres generate lint build bench clean

## run: serve NetOS on http://127.0.0.1:8000 with the demo network (embedded SQLite)
run:
	$(GO) run ./cmd/netos serve --demo

## test: the full suite on SQLite, and on PostgreSQL when NETOS_TEST_DATABASE_URL is set
test: test-sqlite
ifneq ($(strip $(NETOS_TEST_DATABASE_URL)),)
test: test-postgres
endif

test-sqlite:
	NETOS_TEST_ENGINE=sqlite $(GO) test -count=1 $(PKGS)

test-postgres:
	NETOS_TEST_ENGINE=postgres $(GO) test -count=1 -p 2 $(PKGS)

## generate: regenerate the GraphQL server code (graph/) from the schema
generate:
	$(GO) tool gqlgen generate

## lint: gofmt, go vet, and the OpenAPI validators
lint:
	@test -z "$$(gofmt -l .)" || (echo "gofmt needed:"; gofmt -l .; exit 1)
	$(GO) vet $(PKGS)
	./scripts/openapi-lint.sh

## build: the netos binary in bin/
build:
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/netos

## bench: the speed benchmarks (attribution engine, snapshot load, imports, dashboard)
bench:
	$(GO) test -run '^$$' -bench . -benchmem -cpu 1 $(PKGS)

clean:
	rm -rf bin netos.db netos.db-shm netos.db-wal data
