#!/usr/bin/env bash
# bench_serve.sh — `covenant serve` under load: wrk against /api/search and a
# version's tree on loopback, with the 192 constitutions (and Kazakhstan 1995
# and 2026) imported.  Prints requests/s, latency percentiles, errors, and the
# server's resident memory before and after each run; the peer is the same
# answer from the command line (one `covenant search` / `covenant show`
# process a request), run in the same run.
#
#   bench/bench_serve.sh [BUILD_DIR] [CORPUS]      (BENCH_SECONDS=30, BENCH_CONNECTIONS=32)
#
# Targets: thousands of requests a second on 2 cores, zero errors, memory flat.
# Only 127.0.0.1 is contacted; every run stops by itself.
set -euo pipefail
build=${1:-build}
corpus=${2:-../shared/corpus}
secs=${BENCH_SECONDS:-30}
conns=${BENCH_CONNECTIONS:-32}
bin="$build/covenant"
command -v wrk >/dev/null || { echo "bench_serve: wrk is missing (scripts/deps.sh bench installs it)" >&2; exit 1; }
[ -x "$bin" ] || { echo "bench_serve: $bin is missing (make build)" >&2; exit 1; }
c192="$corpus/constitute-192-marcomorucci/constitutions"
[ -d "$c192" ] || { echo "bench_serve: $c192 is absent (the shared corpus): nothing to measure"; exit 0; }
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
db="$tmp/library.db"

"$bin" import "$c192" --db "$db" -q >/dev/null
tree_ref=afghanistan-constitution
kz95="$corpus/kz-adilet-ru-pdf/k950001000_.01-01-2023.rus.pdf"
kz26="$corpus/kz-constitution-2026-ru/k2600000000.01-07-2026.rus.txt"
if [ -f "$kz95" ] && [ -f "$kz26" ]; then
  "$bin" import "$kz95" --db "$db" -q --work kz-constitution --country KZ --date 1995-08-30 >/dev/null
  "$bin" import "$kz26" --db "$db" -q --work kz-constitution --date 2026-02-12 --status draft \
    --event in-force:2026-07-01 --replaces kz-constitution@1995-08-30 >/dev/null
  tree_ref=kz-constitution@2026-02-12
fi
counts=$("$bin" list --db "$db" | grep -c '@' || true)
echo "library: $counts versions, $(du -m "$db" | cut -f1) MB"

"$bin" serve --db "$db" --port 0 2>"$tmp/err" &
pid=$!
port=
for _ in $(seq 100); do
  port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]\{1,5\}\)/.*|\1|p' "$tmp/err" | head -1)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { echo "bench_serve: the server did not start:"; cat "$tmp/err"; exit 1; }
base="http://127.0.0.1:$port"
rss() { awk '/^VmRSS/ { print $2 / 1024 }' "/proc/$pid/status"; }

# the CLI answering the same question, one process a request, for $1 seconds
cli_rate() { # seconds, command...
  local s=$1 n=0 t0 t1; shift
  t0=$(date +%s.%N)
  while :; do
    "$@" >/dev/null 2>&1
    n=$((n + 1))
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" -v s="$s" 'BEGIN { exit !(b - a >= s) }' && break
  done
  awk -v n="$n" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", n / (b - a) }'
}

run() { # name, path, peer command...  (WRK_SCRIPT: a Lua script making each request)
  local name=$1 path=$2; shift 2
  curl -s -o /dev/null "$base$path" # warm: the thread's connection, the page cache
  local before after
  before=$(rss)
  wrk -t2 -c"$conns" -d"${secs}s" --latency ${WRK_SCRIPT:+-s "$WRK_SCRIPT"} "$base$path" >"$tmp/wrk" 2>&1
  after=$(rss)
  local rps p50 p90 p99 errs non2xx bytes
  rps=$(awk '/^Requests\/sec/ { print $2 }' "$tmp/wrk")
  p50=$(awk '$1 == "50%" { print $2 }' "$tmp/wrk")
  p90=$(awk '$1 == "90%" { print $2 }' "$tmp/wrk")
  p99=$(awk '$1 == "99%" { print $2 }' "$tmp/wrk")
  errs=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$tmp/wrk")
  non2xx=$(awk '/Non-2xx/ { print $NF }' "$tmp/wrk")
  bytes=$(curl -s "$base$path" | wc -c)
  [ -n "${WRK_SCRIPT:-}" ] && path="$path and others"
  local peer
  peer=$(cli_rate 5 "$@")
  echo "$name  ($path, $bytes bytes)"
  printf "  wrk -t2 -c%s -d%ss: %s requests/s  latency p50 %s  p90 %s  p99 %s  errors %s (socket) %s (non-2xx)\n" \
    "$conns" "$secs" "$rps" "$p50" "$p90" "$p99" "${errs:-0}" "${non2xx:-0}"
  printf "  server RSS: %.1f MB before, %.1f MB after\n" "$before" "$after"
  awk -v r="$rps" -v p="$peer" 'BEGIN { printf "  peer, the CLI (one process a request): %s requests/s  serve/CLI ratio: %.0f\n", p, r / p }'
}

echo "covenant serve on $base, 4 worker threads, $(nproc) cores; wrk on the same machine"
run "search «мирные собрания» (FTS5, stemmed, right filter, best of each work)" \
  "/api/search?q=%D0%BC%D0%B8%D1%80%D0%BD%D1%8B%D0%B5%20%D1%81%D0%BE%D0%B1%D1%80%D0%B0%D0%BD%D0%B8%D1%8F&right=21&best=1" \
  "$bin" search "мирные собрания" --right 21 --best --format json --db "$db"
run "search \"peaceful assembly\" (all works, 20 hits)" "/api/search?q=peaceful%20assembly" \
  "$bin" search "peaceful assembly" --format json --db "$db"
run "tree of $tree_ref (parse JSON)" "/api/versions/$tree_ref/tree" \
  "$bin" show "$tree_ref" --format json --db "$db"

# Without the kept answers: a different request each time (more of them than
# the 64 answers kept), so nearly every one is made afresh.
"$bin" show afghanistan-constitution --format text --db "$db" | tr -cs 'A-Za-z' '\n' | tr 'A-Z' 'a-z' |
  awk 'length >= 5 && !seen[$0]++' | head -2000 >"$tmp/words"
refs=$("$bin" list --db "$db" | awk '$1 ~ /@/ { print $1 }')
{
  echo 'local words = {'; sed 's/.*/"&",/' "$tmp/words"; echo '}'
  echo 'local i = math.random(1, #words)'
  echo 'request = function() i = i % #words + 1; return wrk.format("GET", "/api/search?q=" .. words[i] .. "&limit=20") end'
} >"$tmp/search.lua"
{
  echo 'local refs = {'; echo "$refs" | sed 's/.*/"&",/'; echo '}'
  echo 'local i = math.random(1, #refs)'
  echo 'request = function() i = i % #refs + 1; return wrk.format("GET", "/api/versions/" .. refs[i] .. "/tree") end'
} >"$tmp/tree.lua"
w=$(wc -l <"$tmp/words")
WRK_SCRIPT="$tmp/search.lua" run "search, $w different words in turn (answers made afresh)" "/api/search?q=liberty" \
  "$bin" search liberty --format json --db "$db"
WRK_SCRIPT="$tmp/tree.lua" run "trees of the $counts versions in turn (answers made afresh)" "/api/versions/$tree_ref/tree" \
  "$bin" show "$tree_ref" --format json --db "$db"
kill -TERM "$pid"
wait "$pid" || true
pid=
