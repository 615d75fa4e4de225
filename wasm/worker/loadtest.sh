#!/usr/bin/env bash
# The Worker's load figure: builds the Worker, serves it with `wrangler dev`
# on loopback, and runs cmd/loadtest against it (over-limit bodies before,
# in the middle and after; the memory and CPU time of wrangler's workerd
# processes), then the same load on the native handler in the same run.
#
#   wasm/worker/loadtest.sh [loadtest flags...]   (default: -warmup 2000 -n 1000 -c 16)
#
# Run from anywhere; `make loadtest-worker` runs it. Needs node_modules
# (make deps) and ../shared beside the repository.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
wrangler="${WHOSAID_WRANGLER:-$root/node_modules/.bin/wrangler}"
[ -x "$wrangler" ] || { echo "loadtest.sh: $wrangler is missing: run make deps" >&2; exit 1; }
seed="$root/../shared/seed/text/syria-final-battle.txt"
[ -f "$seed" ] || { echo "loadtest.sh: $seed is missing (../shared beside the repository)" >&2; exit 1; }

dir="$(mktemp -d)"
port="${PORT:-8787}"
pgid=""
cleanup() {
  if [ -n "$pgid" ]; then
    kill -TERM -- "-$pgid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 -- "-$pgid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pgid" 2>/dev/null || true
  fi
  rm -rf "$dir"
}
trap cleanup EXIT

"$here/build.sh" "$dir/build"
cp "$here/wrangler.toml" "$dir/"
# setsid: wrangler, esbuild and both workerd in a process group of their
# own, to measure and to stop them together.
# Started as a simple command in the background, setsid does not fork, so
# its pid is the group's id.
cd "$dir"
WRANGLER_SEND_METRICS=false XDG_CONFIG_HOME="$dir/.config" \
  setsid "$wrangler" dev --ip 127.0.0.1 --port "$port" --inspector-port $((port + 1)) >"$dir/wrangler.log" 2>&1 &
pgid=$!
for _ in $(seq 240); do
  curl -sf "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break
  kill -0 "$pgid" 2>/dev/null || { cat "$dir/wrangler.log" >&2; exit 1; }
  sleep 0.5
done
curl -sf "http://127.0.0.1:$port/api/health" >/dev/null || { echo "wrangler dev did not start:" >&2; cat "$dir/wrangler.log" >&2; exit 1; }

cd "$root"
[ $# -gt 0 ] || set -- -warmup 2000 -n 1000 -c 16
go run ./cmd/loadtest -url "http://127.0.0.1:$port/api/extract" -rss workerd -rss-pgid "$pgid" -oversize -native -file "$seed" "$@"
