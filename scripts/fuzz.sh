#!/usr/bin/env bash
# fuzz.sh BUILD SECONDS — run each fuzz target for SECONDS on a copy of its
# seed corpus; a crash fails the run and leaves the input in BUILD/crashes.
set -euo pipefail
build=$1 seconds=$2
root=$(cd "$(dirname "$0")/.." && pwd)
export COVENANT_DATA="$root/data"
mkdir -p "$build/crashes"
for t in text html akn pdftext; do
  work="$build/fuzz-corpus-$t"
  mkdir -p "$work"
  cp -n "$root/fuzz/corpus/$t/"* "$work/" 2>/dev/null || true
  echo "fuzz_$t: ${seconds}s"
  if ! "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
      -artifact_prefix="$build/crashes/$t-" -print_final_stats=1 "$work" > "$build/fuzz-$t.log" 2>&1; then
    grep -A25 -E "ERROR|SUMMARY|deadly signal" "$build/fuzz-$t.log" | head -60
    echo "fuzz_$t: failed; the input is in $build/crashes/" >&2
    exit 1
  fi
  tail -4 "$build/fuzz-$t.log"
done
