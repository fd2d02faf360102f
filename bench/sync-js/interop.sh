#!/usr/bin/env bash
# Interop check (not part of `cargo test`: it needs Node): karta clients
# and a plain automerge-repo client (client.mjs) edit one roadmap through
# the stock JS sync server and through `karta serve`, both ways. Stops by
# itself; exits non-zero on the first thing that does not match.
#   bench/sync-js/interop.sh            (from the project folder)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
(cd "$here" && npm install --no-audit --no-fund --silent)
cargo build --quiet --manifest-path "$root/Cargo.toml"
karta="$root/target/debug/karta"
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
export KARTA_CONFIG_DIR="$work/config" KARTA_CACHE_DIR=""
free_port() { python3 -c "import socket;s=socket.socket();s.bind(('127.0.0.1',0));print(s.getsockname()[1])"; }
wait_port() { for _ in $(seq 100); do (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; echo "server on $1 did not start"; exit 1; }
expect() { grep -q -- "$2" <<<"$1" || { echo "FAIL: expected «$2» in: $1"; exit 1; }; }

check() { # $1: server address, $2: name
  local server="$1" name="$2" mine="$work/$2-mine.karta" theirs="$work/$2-theirs.karta"
  cp "$root/samples/tynda.karta" "$mine"; cp "$mine" "$theirs"
  url="$("$karta" share "$mine" --server "$server" | grep -o 'automerge:[A-Za-z0-9]*')"
  "$karta" set "$mine" 1.1 deadline "Январь 2030" >/dev/null
  "$karta" sync "$mine" >/dev/null
  expect "$(node "$here/client.mjs" "$server" "$url" get 1.1)" "Январь 2030"
  node "$here/client.mjs" "$server" "$url" set 1.2 "Июнь 2031" >/dev/null
  expect "$("$karta" sync "$theirs" --server "$server")" "Июнь 2031"
  expect "$("$karta" sync "$mine")" "Июнь 2031"
  echo "$name: karta → JS client and JS client → karta: ok"
}

port="$(free_port)"
(cd "$work" && PORT="$port" DATA_DIR="$work/js-store" exec node "$here/node_modules/@automerge/automerge-repo-sync-server/src/index.js" >/dev/null) &
pids+=($!)
wait_port "$port"
check "ws://127.0.0.1:$port" "JS sync server"

port="$(free_port)"
"$karta" serve --port "$port" --dir "$work/karta-store" >/dev/null &
pids+=($!)
wait_port "$port"
check "ws://127.0.0.1:$port" "karta serve"
