#!/bin/sh
# Validates the OpenAPI document with two independent validators
# (@apidevtools/swagger-parser and @redocly/cli lint); each catches errors the
# other misses. The tools are installed with npm into .tools/ (gitignored) on
# first use; later runs work offline. Usage: scripts/openapi-lint.sh [FILE]
# (default: the document `go run ./cmd/netos openapi` prints). Without npm it
# skips, unless OPENAPI_LINT_REQUIRED=1 (CI) makes that a failure.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/.tools"
cd "$root"
if ! command -v npm >/dev/null 2>&1; then
	if [ "${OPENAPI_LINT_REQUIRED:-0}" = 1 ]; then
		echo "openapi-lint: npm not found" >&2
		exit 1
	fi
	echo "openapi-lint: npm not found; skipping the OpenAPI validators" >&2
	exit 0
fi
if [ ! -x "$tools/node_modules/.bin/redocly" ] || [ ! -d "$tools/node_modules/@apidevtools/swagger-parser" ]; then
	mkdir -p "$tools"
	[ -f "$tools/package.json" ] || printf '{"name": "netos-tools", "private": true}\n' >"$tools/package.json"
	(cd "$tools" && npm install --no-audit --no-fund --silent @apidevtools/swagger-parser@13 @redocly/cli@2)
fi
if [ $# -ge 1 ]; then
	doc=$1
else
	doc="$tools/openapi.json"
	go run ./cmd/netos openapi >"$doc"
fi
node -e '
const SwaggerParser = require(process.argv[1]);
SwaggerParser.validate(process.argv[2])
  .then(() => console.log("swagger-parser: valid"))
  .catch((e) => { console.error("swagger-parser:", e.message); process.exit(1); });
' "$tools/node_modules/@apidevtools/swagger-parser" "$doc"
"$tools/node_modules/.bin/redocly" lint --format=stylish --config "$root/scripts/redocly.yaml" "$doc"
