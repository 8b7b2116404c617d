#!/usr/bin/env bash
# bench_pg.sh — the library on PostgreSQL against the same on SQLite, in the
# same run, on the same files: the 192 constitutions plus the versioned
# texts of the shared corpus (Russia's 17 editions, Belarus 1994–2022,
# Kazakhstan 1995 and 2026) imported by 4 processes at once (imports/s),
# then search latency through `covenant serve` under wrk with 0, 1 and 4
# clients importing all the while.  The PostgreSQL server is started here
# (tests/test_store_pg_server.sh: a temporary directory, a Unix socket, no
# TCP) and stopped at the end.
#
#   bench/bench_pg.sh [BUILD_DIR] [CORPUS]      (BENCH_SECONDS=10, BENCH_CONNECTIONS=16)
set -euo pipefail
build=${1:-build}
corpus=${2:-../shared/corpus}
secs=${BENCH_SECONDS:-10}
conns=${BENCH_CONNECTIONS:-16}
bin="$build/covenant"
here=$(cd "$(dirname "$0")" && pwd)
command -v wrk >/dev/null || { echo "bench_pg: wrk is missing (scripts/deps.sh bench installs it)" >&2; exit 1; }
command -v jq >/dev/null || { echo "bench_pg: jq is missing (scripts/deps.sh bench installs it)" >&2; exit 1; }
[ -x "$bin" ] || { echo "bench_pg: $bin is missing (make build)" >&2; exit 1; }
c192="$corpus/constitute-192-marcomorucci/constitutions"
[ -d "$c192" ] || { echo "bench_pg: $c192 is absent (the shared corpus): nothing to measure"; exit 0; }
export COVENANT_DATA=${COVENANT_DATA:-$here/../data}
. "$here/../tests/test_store_pg_server.sh"
tmp=$(mktemp -d /tmp/covenant-bench-pg-XXXXXX)
chmod 0711 "$tmp"
spid= wpids=()
cleanup() {
  [ -n "$spid" ] && kill "$spid" 2>/dev/null
  for p in "${wpids[@]}"; do kill "$p" 2>/dev/null; done
  pg_server_stop; rm -rf "$tmp"
}
trap cleanup EXIT
pg_server_start "$tmp/pg" || { echo "bench_pg: no PostgreSQL server (apt-get install postgresql-15)"; exit 0; }
"$PG_BIN/postgres" --version | sed 's/^/server: /'

# the 4 importers' shares: whole works each, so they never wait on one another
for p in 0 1 2 3; do : >"$tmp/share$p"; done
n=0
for f in "$c192"/*.txt; do echo "import|$f" >>"$tmp/share$((n % 4))"; n=$((n + 1)); done
ru="$corpus/ru-constitution-history-akamaus/versions"
by="$corpus/by-constitution-versions-bes-internal"
kz95="$corpus/kz-adilet-ru-pdf/k950001000_.01-01-2023.rus.pdf"
kz26="$corpus/kz-constitution-2026-ru/k2600000000.01-07-2026.rus.txt"
[ -d "$ru" ] && for f in "$ru"/*.txt; do echo "import|$f" >>"$tmp/share0"; n=$((n + 1)); done
if [ -d "$by" ]; then
  for d in "$by"/*/; do
    y=$(basename "$d"); y=${y%%_*}
    for f in "$d"*.txt; do echo "import|$f|--work|by-$(basename "$f" .txt)|--country|BY|--date|$y-01-01" >>"$tmp/share1"; n=$((n + 1)); done
  done
fi
[ -f "$kz95" ] && echo "import|$kz95|--work|kz-constitution|--country|KZ|--date|1995-08-30" >>"$tmp/share2" && n=$((n + 1))
[ -f "$kz26" ] && echo "import|$kz26|--work|kz-constitution|--date|2026-02-12|--status|draft|--event|in-force:2026-07-01|--replaces|kz-constitution@1995-08-30" >>"$tmp/share2" && n=$((n + 1))

importer() { # library, share file: one import (one transaction) of the share's files
  local db=$1 share=$2 plain=() line
  while IFS= read -r line; do
    IFS='|' read -r -a a <<<"$line"
    if [ "${#a[@]}" -eq 2 ]; then plain+=("${a[1]}"); else
      "$bin" import "${a[@]:1}" --db "$db" -q >/dev/null 2>>"$tmp/import.err" || true; fi
  done <"$share"
  [ ${#plain[@]} -gt 0 ] && { "$bin" import "${plain[@]}" --db "$db" -q >/dev/null 2>>"$tmp/import.err" || true; }
  return 0
}

now() { date +%s.%N; }
declare -A rate versions p50 p99 rps
import_all() { # name, library
  local name=$1 db=$2 t0 t1 pids=()
  t0=$(now)
  for p in 0 1 2 3; do importer "$db" "$tmp/share$p" & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p"; done
  t1=$(now)
  local v
  v=$("$bin" list --db "$db" --format json | jq '[.works[].versions | length] | add')
  versions[$name]=$v
  rate[$name]=$(awk -v n="$v" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", n / (b - a) }')
  printf "%-10s 4 importers: %s versions of %s files in %.1f s: %s imports/s\n" "$name" "$v" "$n" \
    "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" "${rate[$name]}"
}

lite="$tmp/library.db"
pg_createdb library
pg=$(pg_url library)
import_all sqlite "$lite"
import_all postgresql "$pg"
[ -s "$tmp/import.err" ] && { echo "import errors (first lines):"; sort -u "$tmp/import.err" | head -5; }

# search words: a different request each time, so answers are made afresh
"$bin" show afghanistan-constitution --format text --db "$lite" | tr -cs 'A-Za-z' '\n' | tr 'A-Z' 'a-z' |
  awk 'length >= 5 && !seen[$0]++' | head -1000 >"$tmp/words"
{
  echo 'local words = {'; sed 's/.*/"&",/' "$tmp/words"; echo '}'
  echo 'local i = math.random(1, #words)'
  echo 'request = function() i = i % #words + 1; return wrk.format("GET", "/api/search?q=" .. words[i] .. "&limit=20") end'
} >"$tmp/search.lua"

# clients importing all the while: a new version of a small work, again and again
writer() { # library, id
  local db=$1 id=$2 k=0
  while :; do
    k=$((k + 1))
    sed "s/Veridia/Veridia $id $k/" "$here/../examples/veridia-2024.txt" >"$tmp/w$id.txt"
    "$bin" import "$tmp/w$id.txt" --work "load-$id-$k" --date 2024-02-12 --db "$db" -q >/dev/null 2>&1 || true
  done
}

serve_search() { # name, library, importing clients
  local name=$1 db=$2 writers=$3 port=
  "$bin" serve --db "$db" --port 0 2>"$tmp/serve.err" &
  spid=$!
  for _ in $(seq 100); do
    port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]\{1,5\}\)/.*|\1|p' "$tmp/serve.err" | head -1)
    [ -n "$port" ] && break; sleep 0.1
  done
  [ -n "$port" ] || { echo "bench_pg: serve did not start: $(cat "$tmp/serve.err")"; exit 1; }
  curl -s -o /dev/null "http://127.0.0.1:$port/api/search?q=liberty"
  wpids=()
  for w in $(seq 1 "$writers"); do writer "$db" "$name$w" & wpids+=($!); done
  wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$tmp/search.lua" "http://127.0.0.1:$port/api/search?q=liberty" >"$tmp/wrk" 2>&1
  for p in "${wpids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null || true; done
  wpids=()
  kill "$spid"; wait "$spid" 2>/dev/null || true; spid=
  local k="$name/$writers" errs non2xx
  rps[$k]=$(awk '/^Requests\/sec/ { print $2 }' "$tmp/wrk")
  p50[$k]=$(awk '$1 == "50%" { print $2 }' "$tmp/wrk")
  p99[$k]=$(awk '$1 == "99%" { print $2 }' "$tmp/wrk")
  local p90; p90=$(awk '$1 == "90%" { print $2 }' "$tmp/wrk")
  errs=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$tmp/wrk")
  non2xx=$(awk '/Non-2xx/ { print $NF }' "$tmp/wrk")
  printf "%-10s search under wrk -c%s, %s importing: %8s requests/s  p50 %-8s p90 %-8s p99 %-8s errors %s, non-2xx %s\n" \
    "$name" "$conns" "$writers" "${rps[$k]}" "${p50[$k]}" "$p90" "${p99[$k]}" "${errs:-0}" "${non2xx:-0}"
}

ms() { # wrk's 1.23ms / 456.00us / 1.2s in ms
  awk -v x="$1" 'BEGIN { v = x + 0; if (x ~ /us$/) v /= 1000; else if (x ~ /ms$/) v = v; else if (x ~ /s$/) v *= 1000; print v }'
}

echo "covenant serve: 4 worker threads (on PostgreSQL: a pool of 4 connections); $(nproc) cores; all on this machine"
for w in 0 1 4; do
  serve_search sqlite "$lite" "$w"
  serve_search postgresql "$pg" "$w"
done

echo "ratios, PostgreSQL / SQLite:"
awk -v a="${rate[postgresql]}" -v b="${rate[sqlite]}" 'BEGIN { printf "  imports/s (4 importers): %.2f\n", a / b }'
for w in 0 1 4; do
  awk -v a="${rps[postgresql/$w]}" -v b="${rps[sqlite/$w]}" -v pa="$(ms "${p50[postgresql/$w]}")" -v pb="$(ms "${p50[sqlite/$w]}")" \
      -v qa="$(ms "${p99[postgresql/$w]}")" -v qb="$(ms "${p99[sqlite/$w]}")" -v w="$w" \
    'BEGIN { printf "  search with %d importing: requests/s %.2f, p50 latency %.2f, p99 latency %.2f\n", w, a / b, pa / pb, qa / qb }'
done
