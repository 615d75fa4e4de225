#!/usr/bin/env bash
# Builds the whosaid API Worker into a deployable folder.
#
#   wasm/worker/build.sh [OUTDIR]     (default: wasm/worker/build)
#
# OUTDIR gets worker.mjs (our glue: one Go instance per isolate),
# wasm_exec.js (Go's own, from this Go's GOROOT) and app.wasm (the Go
# program). The glue imports ./app.wasm and ./wasm_exec.js, so all three
# sit in one folder; wrangler.toml points at build/worker.mjs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-$here/build}"
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
case "$out" in "/" | "$root" | "$root/" | "$here" | "$here/") echo "build.sh: refusing to use $out as the output folder" >&2; exit 2 ;; esac

cd "$root"
mkdir -p "$out"
rm -f "$out/runtime.mjs" # left by the earlier syumai/workers glue
cp "$here/worker.mjs" "$out/worker.mjs"
cp "$(go env GOROOT)/lib/wasm/wasm_exec.js" "$out/wasm_exec.js"
GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' -o "$out/app.wasm" ./wasm/worker
raw=$(stat -c %s "$out/app.wasm")
gz=$(gzip -9 -c "$out/app.wasm" | wc -c)
echo "worker: $out/app.wasm: $raw bytes raw, $gz bytes gzip -9 (free plan limit 3145728 gzip)"
