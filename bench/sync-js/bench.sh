#!/usr/bin/env bash
# The sync load benchmark on loopback: CLIENTS clients × EDITS edits, one
# edit per client every PAUSE_MS milliseconds, through `karta serve`, then
# through the stock JS sync server; prints the machine's load average and one
# table row each (time to converge, p50/p99 of an edit reaching every other
# client, delivered/made, the server's peak RSS, the CPU seconds of the
# server and of the clients during the run). Bounded: each run stops by
# itself after LIMIT seconds at most.
#   bench/sync-js/bench.sh [CLIENTS] [EDITS] [LIMIT] [PAUSE_MS]   (default 50 100 300 100)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
clients="${1:-50}" edits="${2:-100}" limit="${3:-300}" pause="${4:-100}"
(cd "$here" && npm install --no-audit --no-fund --silent)
cargo build --release --quiet --features bench --bin karta --bin karta-bench --manifest-path "$root/Cargo.toml"
karta="$root/target/release/karta" bench="$root/target/release/karta-bench"
work="$(mktemp -d)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export KARTA_CONFIG_DIR="$work/config" KARTA_CACHE_DIR=""
free_port() { python3 -c "import socket;s=socket.socket();s.bind(('127.0.0.1',0));print(s.getsockname()[1])"; }
wait_port() { for _ in $(seq 100); do (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; echo "server on $1 did not start"; exit 1; }
roadmap="$root/samples/lysva.karta"
run() { "$bench" sync --server "ws://127.0.0.1:$port" --server-pid "$pid" --label "$1" \
  --clients "$clients" --edits "$edits" --pause-ms "$pause" --limit-s "$limit" "$roadmap"; }

echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
echo "| server | clients × edits | converged | p50 to every client | p99 | delivered | server peak RSS | server CPU | clients CPU |"
echo "|---|---|---|---|---|---|---|---|---|"
port="$(free_port)"
"$karta" serve --port "$port" --dir "$work/karta-store" >/dev/null &
pid=$!
wait_port "$port"
run "karta serve"
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""

port="$(free_port)"
(cd "$work" && PORT="$port" DATA_DIR="$work/js-store" exec node "$here/node_modules/@automerge/automerge-repo-sync-server/src/index.js" >/dev/null) &
pid=$!
wait_port "$port"
run "JS automerge-repo-sync-server $(node -e 'console.log(require(process.argv[1]).version)' "$here/node_modules/@automerge/automerge-repo-sync-server/package.json")"
echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
