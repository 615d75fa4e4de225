#!/usr/bin/env bash
# Builds the whosaid API Worker into a deployable folder.
#
#   wasm/worker/build.sh [OUTDIR]     (default: wasm/worker/build)
#
# OUTDIR gets worker.mjs, runtime.mjs, wasm_exec.js (the syumai/workers glue,
# from workers-assets-gen -mode=go) and app.wasm (the Go program). The glue
# imports ./app.wasm, so both must sit in the same folder; wrangler.toml
# points at build/worker.mjs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-$here/build}"
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
# workers-assets-gen empties its output folder: never let it be the repo or /.
case "$out" in "/" | "$root" | "$root/" | "$here" | "$here/") echo "build.sh: refusing to use $out as the output folder" >&2; exit 2 ;; esac

cd "$root"
go run github.com/syumai/workers/cmd/workers-assets-gen -mode=go -o "$out"
GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' -o "$out/app.wasm" ./wasm/worker
raw=$(stat -c %s "$out/app.wasm")
gz=$(gzip -9 -c "$out/app.wasm" | wc -c)
echo "worker: $out/app.wasm: $raw bytes raw, $gz bytes gzip -9 (free plan limit 3145728 gzip)"
