#!/usr/bin/env bash
# Runs every benchmark side by side (karta, bare Automerge-rs, Automerge-JS,
# serde_json floor) and rewrites BENCHMARKS.md.
#   KARTA_BENCH_SIZES=all bench/run.sh        # the full matrix (slow)
#   bench/run.sh                              # quick: 1,000 activities × 10,000 edits
# KARTA_BENCH_RUNS (default 5) sets the runs per workload; the median is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
sizes=${KARTA_BENCH_SIZES:-1000x10000}
runs=${KARTA_BENCH_RUNS:-5}
soak_edits=${KARTA_SOAK_EDITS:-4000}
soak_compact=${KARTA_SOAK_COMPACT:-200}
cargo build --release --bins --features bench
bin=$CARGO_TARGET_DIR/release
export KARTA_BENCH_DIR=${KARTA_BENCH_DIR:-$CARGO_TARGET_DIR/karta-fixtures}
dir=$KARTA_BENCH_DIR
"$bin/karta-bench" fixtures --sizes "$sizes" > "$dir.list"
mkdir -p "$dir/samples"
for f in samples/*.karta; do
  "$bin/karta" export "$f" --format json -o "$dir/samples/$(basename "$f" .karta).json"
done
(cd bench/js && npm ci --no-audit --no-fund --silent)
stems=$(xargs -n1 basename < "$dir.list" | sed 's/\.karta$//')
# shellcheck disable=SC2086
node bench/js/bench.mjs "$dir" "$runs" $stems > "$dir/js.json"
machine="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB; $(rustc --version); node $(node --version)"
"$bin/karta-bench" measure --sizes "$sizes" --runs "$runs" --js "$dir/js.json" \
  --machine "$machine" --command "KARTA_BENCH_SIZES=$sizes bench/run.sh" --out BENCHMARKS.md
largest=$(tail -n1 "$dir.list")
{
  echo "## Editor open: first frame, cold and from the view cache"
  echo
  echo "The real editor on a test terminal; *document loaded* is when the document, loading"
  echo "behind the first frame, is ready for edits."
  while read -r f; do
    echo
    echo "### $(basename "$f" .karta)"
    echo
    "$bin/karta-bench" first-frame "$f" --runs 3
  done < "$dir.list"
  echo
  echo "## Soak: $soak_edits strided text edits on $(basename "$largest")"
  echo
  echo "Without compaction:"
  echo
  "$bin/karta-bench" soak "$largest" --edits "$soak_edits"
  echo
  echo "Compacting every $soak_compact edits (as the editor does in a pause):"
  echo
  "$bin/karta-bench" soak "$largest" --edits "$soak_edits" --compact-every "$soak_compact"
} >> BENCHMARKS.md
cat bench/targets.md >> BENCHMARKS.md
# Measured by bench/sync-js/bench.sh (Node, a running server): kept as measured.
cat bench/sync.md >> BENCHMARKS.md
echo "BENCHMARKS.md rewritten"
