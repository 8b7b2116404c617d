#!/usr/bin/env bash
# test_store_pg.sh — the library on PostgreSQL, on a real server this script
# starts (initdb in a temporary directory, a Unix socket there, no TCP) and
# stops: the store's tests (test_store) on it, PostgreSQL's own
# (test_store_pg), the commands giving the same JSON on both backends, the
# same works found by a fixed set of queries on both, parallel imports of
# the same files (stored once), an importer killed and a server restarted in
# the middle of an import (nothing half-imported; the next import succeeds),
# db copy both ways, and covenant serve on PostgreSQL.
#   tests/test_store_pg.sh TEST_STORE TEST_STORE_PG     (exit 77: skipped, saying why)
set -u
test_store=${1:?test_store}
test_store_pg=${2:?test_store_pg}
bin=${COVENANT_BIN:?}
src=${COVENANT_SOURCE:?}
corpus=${COVENANT_CORPUS:-$src/../shared/corpus}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/test_store_pg_server.sh"
tmp=$(mktemp -d /tmp/covenant-test-pg-XXXXXX)
chmod 0711 "$tmp" # the server, run as postgres when we are root, reaches its directory inside
spid=
trap '[ -n "$spid" ] && kill "$spid" 2>/dev/null; pg_server_stop; rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass+1)); }
bad() { fail=$((fail+1)); echo "FAIL: $*"; }
check() { # name, expected exit code, command...
  local name=$1 want=$2; shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -eq "$want" ]; then ok; else bad "$name: exit $got, wanted $want"; head -5 "$tmp/err"; fi
}
contains() { if grep -qF -- "$3" "$2"; then ok; else bad "$1: '$3' not in $2:"; head -5 "$2"; fi; }
lacks() { if grep -qF -- "$3" "$2"; then bad "$1: '$3' in $2"; else ok; fi; }

# without libpq: a clear message, before any server is needed
check "no libpq" 3 env COVENANT_LIBPQ=/nonexistent/libpq.so.5 "$bin" list --db "postgresql://u:s3cret@localhost/x"
contains "no libpq says" "$tmp/err" "apt-get install libpq5"
if ! [ -e /usr/lib/x86_64-linux-gnu/libpq.so.5 ] && ! ldconfig -p 2>/dev/null | grep -q 'libpq\.so\.5 '; then
  echo "SKIP: libpq.so.5 is not installed (apt-get install libpq5)"; exit 77
fi
# the password is never echoed
check "no server" 3 "$bin" list --db "postgresql://reviewer:s3cret@127.0.0.1:1/library?connect_timeout=3"
contains "no server says" "$tmp/err" "cannot connect to the PostgreSQL server"
contains "no server names it" "$tmp/err" "postgresql://reviewer@127.0.0.1:1/library"
lacks "no password shown" "$tmp/err" "s3cret"

pg_server_start "$tmp/pg"
case $? in 0) ;; 1) exit 77 ;; *) exit 1 ;; esac
export COVENANT_TEST_PG_HOST=$PG_DIR COVENANT_TEST_PG_PORT=$PG_PORT

# the store's own tests, on PostgreSQL, and PostgreSQL's own
"$test_store" >"$tmp/out" 2>&1 && ok || { bad "test_store on PostgreSQL"; tail -30 "$tmp/out"; }
"$test_store_pg" >"$tmp/out" 2>&1 && ok || { bad "test_store_pg"; tail -30 "$tmp/out"; }
unset COVENANT_TEST_PG_HOST COVENANT_TEST_PG_PORT

ex="$src/examples"
lite="$tmp/lib.db"
pg_createdb lib
pg=$(pg_url lib)
check "db init" 0 "$bin" db init --db "$pg"
contains "db init says" "$tmp/out" "PostgreSQL, schema 1 (latest 1)"
check "db init again" 0 "$bin" db init --db "$pg"

# the same commands, the same JSON (but the library's name and search scores)
both() { # name, command args (run against both; JSON compared)
  local name=$1; shift
  "$bin" "$@" --db "$lite" >"$tmp/a.json" 2>"$tmp/a.err"; local ra=$?
  COVENANT_DB=$pg "$bin" "$@" >"$tmp/b.json" 2>"$tmp/b.err"; local rb=$?
  if [ "$ra" -ne "$rb" ]; then bad "$name: exit $ra on SQLite, $rb on PostgreSQL"; cat "$tmp/b.err"; return; fi
  # search: the same articles found (ranked in their own ways); --best: the same works
  local f='del(.library) | if .hits then .hits |= (map(del(.score, .snippet)) | sort_by(.work, .date, .eid)) else . end'
  case " $* " in *" --best "*) f='[.hits[].work] | sort' ;; esac
  if [ -s "$tmp/a.json" ] && ! diff <(jq -S "$f" "$tmp/a.json") <(jq -S "$f" "$tmp/b.json") >"$tmp/diff"; then
    bad "$name: the JSON differs"; head -20 "$tmp/diff"
  else ok; fi
}
imp() { # import the same file into both
  "$bin" import "$@" --db "$lite" -q >/dev/null && "$bin" import "$@" --db "$pg" -q >/dev/null && ok ||
    bad "import $*"
}
imp "$ex/veridia-2015.txt" --work veridia --country VE --date 2015-05-01 --event adopted:2015-05-01
imp "$ex/veridia-2024.txt" --work veridia --date 2024-02-12 --status draft \
  --event referendum:2024-03-15:turnout=73.12:for=87.15 --event in-force:2024-07-01 --replaces veridia@2015-05-01
imp "$ex/veridia-2015.txt" --work x --date 2020-01-01 --title "'); DROP TABLE works; --"
check "re-import is a no-op" 0 "$bin" import "$ex/veridia-2024.txt" --work veridia --date 2024-02-12 --db "$pg"
contains "unchanged" "$tmp/out" "0 imported, 0 updated, 1 unchanged, 0 failed"
both "list" list --format json
both "history" history veridia --format json
both "show" show veridia:2024-07-01 --format json
both "show article" show veridia@2015-05-01 --article 10 --format json
both "search" search assembly --limit 1000 --format json
both "search in force" search assembly --in-force-at 2020-01-01 --limit 1000 --format json
both "search right" search "right" --right iccpr:21 --limit 1000 --format json
both "search best" search "everyone" --best --format json
both "search country" search "right" --country ve --limit 1000 --format json
both "no work" show atlantis --format json
check "search syntax" 2 "$bin" search "'); DROP TABLE works; --" --db "$pg"
contains "search syntax message" "$tmp/err" "cannot read the query"
check "check stored" 0 "$bin" check veridia:2024-07-01 --db "$pg"
check "diff stored" 0 "$bin" diff veridia:2024-06-30 veridia:2024-07-01 --db "$pg"
contains "diff stored" "$tmp/out" "covenant diff: veridia@2015-05-01 → veridia@2024-02-12"
check "COVENANT_DB" 0 env COVENANT_DB="$pg" "$bin" list
contains "COVENANT_DB lists" "$tmp/out" "veridia@2015-05-01"
check "sqlite: keeps SQLite" 0 "$bin" list --db "sqlite:$lite"
contains "sqlite: lists" "$tmp/out" "(library $lite)"
printf '%s\n' "$pg" >"$tmp/db.url"; chmod 644 "$tmp/db.url"
check "URL file readable by others" 2 "$bin" list --db "$tmp/db.url"
contains "URL file message" "$tmp/err" "chmod 600"
chmod 600 "$tmp/db.url"
check "URL file" 0 "$bin" list --db "$tmp/db.url"

# db copy, both ways, verified
check "copy pg → sqlite" 0 "$bin" db copy "$pg" "$tmp/copy.db"
contains "copy verified" "$tmp/out" "counts and checksums agree"
check "copy into a full library" 2 "$bin" db copy "$pg" "$tmp/copy.db"
contains "copy refuses" "$tmp/err" "copy into an empty library"
pg_createdb back
check "copy sqlite → pg" 0 "$bin" db copy "$tmp/copy.db" "$(pg_url back)"
contains "copy back verified" "$tmp/out" "counts and checksums agree"
COVENANT_DB=$pg "$bin" search assembly --format json | jq -c '[.hits[] | .work + "@" + .date + " " + .num]' >"$tmp/s2"
"$bin" search assembly --db "$tmp/copy.db" --format json | jq -c '[.hits[] | .work + "@" + .date + " " + .num] | sort' >"$tmp/s3"
COVENANT_DB=$(pg_url back) "$bin" search assembly --format json | jq -c '[.hits[] | .work + "@" + .date + " " + .num]' >"$tmp/s1"
if cmp -s "$tmp/s1" "$tmp/s2" && [ "$(jq -c sort "$tmp/s2")" = "$(cat "$tmp/s3")" ]; then ok; else
  bad "search after the copies differs: $(cat "$tmp/s1") / $(cat "$tmp/s2") / $(cat "$tmp/s3")"; fi
check "import after copy" 0 "$bin" import "$ex/veridia-2024.txt" --work y --date 2024-02-12 --db "$(pg_url back)"

# a batched import (a version's articles and rights in one statement) stores
# exactly the rows SQLite's import stores: the same files into both, SQLite's
# library copied (db copy, verified) to PostgreSQL, then the counts and a
# checksum of each table's rows without ids and times compared there.
mkdir -p "$tmp/same"
{ sed -n '1,/^Article 3\./p' "$ex/veridia-2024.txt" | sed '$d'
  printf 'Article 3. [Quotes "and" back\\slashes]\n1. A "quoted" {brace}, a comma, and C:\\path\\ with \\\\ two; NULL and "" stay words.\n'
  printf '2. Свобода слова гарантируется. Everyone has the right to freedom of expression.\n\n'
  sed -n '/^Article 4\./,$p' "$ex/veridia-2024.txt"; } >"$tmp/same/quotes.txt"
same=()
c192="$corpus/constitute-192-marcomorucci/constitutions"
[ -d "$c192" ] && mapfile -t same < <(ls "$c192"/*.txt | head -8)
[ -d "$corpus/ru-constitution-history-akamaus/versions" ] &&
  same+=("$corpus/ru-constitution-history-akamaus/versions/constitution_ru_1993-12-12.txt")
pg_createdb same
pg_createdb same_lite
same_imp() { # import args, into both
  "$bin" import "$@" --db "$tmp/same.db" -q >/dev/null 2>>"$tmp/same.err" &&
    "$bin" import "$@" --db "$(pg_url same)" -q >/dev/null 2>>"$tmp/same.err" || bad "same: import $*"
}
same_imp "$ex/veridia-2015.txt" --work veridia --country VE --date 2015-05-01 --event adopted:2015-05-01
same_imp "$ex/veridia-2024.txt" --work veridia --date 2024-02-12 --status draft \
  --event referendum:2024-03-15:turnout=73.12:for=87.15 --event in-force:2024-07-01 --replaces veridia@2015-05-01
same_imp "$tmp/same/quotes.txt" --work quotes --date 2024-01-01
[ ${#same[@]} -gt 0 ] && same_imp "${same[@]}"
check "same: copy SQLite → pg" 0 "$bin" db copy "$tmp/same.db" "$(pg_url same_lite)"
contains "same: copy verified" "$tmp/out" "counts and checksums agree"
rows() { # DB: each table's count and md5 of its rows, ids replaced by what they stand for
  pg_psql "$1" -c "SELECT 'versions ' || count(*) || ' ' || md5(coalesce(string_agg(concat_ws('|', work, date, lang, status,
      source, sha256, title, in_force_from, in_force_until, n_articles, data_hash, text_size, tree_size, analysis_size),
      E'\n' ORDER BY work, date, lang, source), '')) FROM versions" \
    -c "SELECT 'events ' || count(*) || ' ' || md5(coalesce(string_agg(concat_ws('|', v.work, v.date, v.lang, e.kind, e.date,
      e.act, e.ref, e.result, e.turnout, e.votes_for, e.votes_against, e.source), E'\n'
      ORDER BY v.work, v.date, v.lang, v.source, e.id), '')) FROM events e JOIN versions v ON v.id = e.version" \
    -c "SELECT 'articles ' || count(*) || ' ' || md5(coalesce(string_agg(concat_ws('|', v.work, v.date, v.lang, a.eid, a.num,
      a.heading, a.text, a.line, a.cfg, a.tsv), E'\n' ORDER BY v.work, v.date, v.lang, v.source, a.id), '')) FROM articles a
      JOIN versions v ON v.id = a.version" \
    -c "SELECT 'rights ' || count(*) || ' ' || md5(coalesce(string_agg(concat_ws('|', v.work, v.date, v.lang, a.eid, a.num,
      r.standard, r.\"right\"), E'\n' ORDER BY v.work, v.date, v.lang, v.source, a.id, r.standard, r.\"right\"), ''))
      FROM article_rights r JOIN articles a ON a.id = r.article JOIN versions v ON v.id = a.version" \
    -c "SELECT 'order ' || count(*) FROM articles a WHERE EXISTS (SELECT 1 FROM articles b WHERE b.version = a.version
      AND b.id > a.id AND b.line < a.line)"
}
rows same >"$tmp/rows.pg"; rows same_lite >"$tmp/rows.lite"
if [ -s "$tmp/rows.pg" ] && diff "$tmp/rows.lite" "$tmp/rows.pg" >"$tmp/diff"; then ok; else
  bad "same: the rows PostgreSQL's import stores differ from SQLite's"; cat "$tmp/diff" "$tmp/same.err"; fi
awk '$1 == "rights" && $2 > 0 { r = 1 } $1 == "articles" && $2 > 0 { a = 1 } END { exit !(a && r) }' "$tmp/rows.pg" && ok ||
  bad "same: no articles or no rights stored: $(cat "$tmp/rows.pg")"
pg_psql same -c "SELECT text FROM articles WHERE heading LIKE 'Quotes%'" | grep -qF 'C:\path\ with \\ two' && ok ||
  bad "same: the article with quotes and backslashes is not stored as written"
echo "same rows: $((${#same[@]} + 3)) files, $(tr '\n' ' ' <"$tmp/rows.pg" | sed 's/ \([0-9a-f]\{8\}\)[0-9a-f]*/ \1…/g')"

# parallel imports of the same files: each stored once, every import succeeds
mkdir -p "$tmp/many/2024"
for i in $(seq 1 12); do sed "s/Veridia/Veridia$i/" "$ex/veridia-2024.txt" >"$tmp/many/2024/v$i.txt"; done
pg_createdb race
race=$(pg_url race)
"$bin" db init --db "$race" >/dev/null
pids=()
for p in 1 2 3 4; do "$bin" import "$tmp/many" --work many --db "$race" -q >"$tmp/race$p" 2>&1 & pids+=($!); done
rfail=0
for p in "${pids[@]}"; do wait "$p" || rfail=$((rfail+1)); done
versions=$(pg_psql race -c "SELECT count(*) FROM versions")
dups=$(pg_psql race -c "SELECT count(*) FROM (SELECT 1 FROM versions GROUP BY work, date, sha256 HAVING count(*) > 1) d")
imported=$(cat "$tmp"/race? | awk '/imported,/ { s += $1 } END { print s + 0 }')
if [ "$rfail" -eq 0 ] && [ "$versions" -eq 12 ] && [ "$dups" -eq 0 ] && [ "$imported" -eq 12 ]; then ok; else
  bad "parallel imports: $rfail failed, $versions versions, $dups duplicated, $imported imported (wanted 0, 12, 0, 12)"
  cat "$tmp"/race?; fi
echo "parallel: 4 imports of the same 12 files at once: $versions versions stored, $imported imported in all"

# an importer killed (SIGKILL) in the middle, and the server restarted in the
# middle: the library is as before, and the next import completes it
mkdir -p "$tmp/big/2024"
for i in $(seq 1 40); do sed "s/Veridia/Veridia$i/" "$ex/veridia-2024.txt" >"$tmp/big/2024/v$i.txt"; done
pg_createdb faults
fdb=$(pg_url faults)
"$bin" import "$ex/veridia-2015.txt" --work base --date 2015-01-01 --db "$fdb" -q >/dev/null
counts() { pg_psql faults -c "SELECT (SELECT count(*) FROM versions) || ' ' || (SELECT count(*) FROM articles) || ' ' || (SELECT count(*) FROM events) || ' ' || (SELECT count(*) FROM article_rights)"; }
before=$(counts)
wait_rows() { # until the import has written something (uncommitted), at most 10 s
  for _ in $(seq 100); do
    [ "$(pg_psql faults -c "SELECT count(*) FROM pg_stat_activity WHERE datname = 'faults' AND backend_xid IS NOT NULL")" -gt 0 ] && return 0
    sleep 0.1
  done
  return 1
}
"$bin" import "$tmp/big" --work big --db "$fdb" -q >/dev/null 2>&1 &
ipid=$!
wait_rows; sleep 0.3
kill -9 "$ipid" 2>/dev/null && killed=yes || killed=no
wait "$ipid" 2>/dev/null
sleep 0.5 # the server notices the dropped connection and rolls back
after_kill=$(counts)
[ "$after_kill" = "$before" ] && ok || bad "SIGKILL ($killed): the library changed from $before to $after_kill"

"$bin" import "$tmp/big" --work big --db "$fdb" -q >/dev/null 2>"$tmp/restart.err" &
ipid=$!
wait_rows; sleep 0.3
pg_server_restart immediate || bad "the server did not restart"
wait "$ipid"; irc=$?
after_restart=$(counts)
if [ "$irc" -ne 0 ] && [ "$after_restart" = "$before" ]; then ok; else
  bad "server restart: import exit $irc, library $before → $after_restart"; cat "$tmp/restart.err"; fi
contains "restart message" "$tmp/restart.err" "connection"
lacks "restart message: no password" "$tmp/restart.err" "password"
check "import after the faults" 0 "$bin" import "$tmp/big" --work big --db "$fdb"
contains "import after the faults" "$tmp/out" "40 imported, 0 updated, 0 unchanged, 0 failed"
echo "faults: killed ($killed) and restarted mid-import: library stayed at '$before' (versions articles events rights); then $(counts)"

# covenant serve on PostgreSQL: the API's answers as on SQLite; an import
# while it serves is seen at once; a server restart is survived
serve_port() {
  for _ in $(seq 100); do
    port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]\{1,5\}\)/.*|\1|p' "$tmp/serve.err" | head -1)
    [ -n "$port" ] && return 0; sleep 0.1
  done; return 1
}
"$bin" serve --db "$pg" --port 0 --threads 2 2>"$tmp/serve.err" &
spid=$!
if serve_port; then
  base="http://127.0.0.1:$port"
  curl -s "$base/api/works" | jq -r '.library, (.works[].id)' >"$tmp/w.pg"
  curl -s "$base/api/search?q=assembly" | jq -r '.hits[].work' >"$tmp/s.pg"
  contains "serve search" "$tmp/s.pg" "veridia"
  contains "serve works" "$tmp/w.pg" "veridia"
  lacks "serve: no new work yet" "$tmp/w.pg" "served"
  contains "serve names the database" "$tmp/w.pg" "lib"
  lacks "serve: no socket path" "$tmp/w.pg" "host="
  "$bin" import "$ex/veridia-2015.txt" --work served --date 2015-01-01 --db "$pg" -q >/dev/null
  curl -s "$base/api/works" | jq -r '.works[].id' >"$tmp/w2.pg"
  contains "serve sees the import" "$tmp/w2.pg" "served"
  pg_server_restart fast || bad "the server did not restart"
  code=$(curl -s -o "$tmp/w3.pg" -w '%{http_code}' "$base/api/search?q=peaceful")
  [ "$code" = 200 ] && ok || bad "serve after a server restart: HTTP $code $(head -c 200 "$tmp/w3.pg")"
  kill "$spid"; wait "$spid" 2>/dev/null; spid=
else
  bad "covenant serve did not start: $(cat "$tmp/serve.err")"
fi

# the same works found on both backends: a fixed set of queries over real constitutions
c192="$corpus/constitute-192-marcomorucci/constitutions"
ru="$corpus/ru-constitution-history-akamaus/versions"
if [ -d "$c192" ] && [ -d "$ru" ]; then
  mkdir -p "$tmp/real"
  ls "$c192" | awk 'NR % 6 == 1' | head -32 | while read -r f; do cp "$c192/$f" "$tmp/real/"; done
  pg_createdb real
  real=$(pg_url real)
  "$bin" import "$tmp/real" --db "$tmp/real.db" -q >/dev/null 2>&1
  "$bin" import "$tmp/real" --db "$real" -q >/dev/null 2>&1
  for f in 1993-12-12 2008-12-30 2020-07-01; do
    [ -f "$ru/constitution_ru_$f.txt" ] || continue
    "$bin" import "$ru/constitution_ru_$f.txt" --db "$tmp/real.db" -q >/dev/null 2>&1
    "$bin" import "$ru/constitution_ru_$f.txt" --db "$real" -q >/dev/null 2>&1
  done
  same=0 differ=0 top=0
  while IFS= read -r q; do
    set -- search "$q" --best --limit 200 --format json
    "$bin" "$@" --db "$tmp/real.db" | jq -r '.hits[].work' >"$tmp/q.lite"
    "$bin" "$@" --db "$real" | jq -r '.hits[].work' >"$tmp/q.pg"
    if [ "$(sort "$tmp/q.lite")" = "$(sort "$tmp/q.pg")" ] && [ -s "$tmp/q.pg" ]; then same=$((same+1)); else
      differ=$((differ+1)); echo "  «$q»: SQLite $(wc -l <"$tmp/q.lite") works, PostgreSQL $(wc -l <"$tmp/q.pg"):" \
        "$(sort "$tmp/q.lite" | comm -3 - <(sort "$tmp/q.pg") | tr '\n\t' ' +')"; fi
    # the best work by one is among the first five of the other
    first=$(head -1 "$tmp/q.lite")
    head -5 "$tmp/q.pg" | grep -qxF -- "$first" && top=$((top+1))
  done <<'EOF'
freedom of expression
peaceful assembly
death penalty
torture
habeas corpus
religion
"freedom of the press"
strike OR trade union
marriage
citizenship NOT dual
asyl*
свобода слова
мирных собраний
смертная казнь
референдум
EOF
  echo "same works found: $same of 15 queries (different: $differ); the first work by SQLite in PostgreSQL's top 5: $top of 15"
  [ "$differ" -le 1 ] && ok || bad "$differ of 15 queries found other works on PostgreSQL"
  [ "$top" -ge 12 ] && ok || bad "only $top of 15 queries rank SQLite's first work in PostgreSQL's top 5"
else
  echo "SKIP: same works on both backends: $c192 or $ru is absent (the shared corpus is not on this machine)"
fi

echo "store-pg: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
