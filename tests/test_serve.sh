#!/usr/bin/env bash
# test_serve.sh — `covenant serve`: a library made here, a server started on
# a free loopback port (and stopped), then tests/serve_client.py: the API
# against the CLI's own JSON, ETags, gzip, HEAD, and hostile requests (path
# traversal, oversized headers and bodies, malformed queries, invalid UTF-8,
# 10,000 connections dropped, slow clients); then the command's own errors.
set -u
bin=${COVENANT_BIN:?}
src=${COVENANT_SOURCE:?}
tmp=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
pass=0 fail=0
db="$tmp/library.db"
ex="$src/examples"

ok() { if [ "$2" = 0 ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: $1"; fi; }

"$bin" import "$ex/veridia-2015.txt" --db "$db" -q --work veridia --country VE --date 2015-05-01 \
  --event adopted:2015-05-01 >/dev/null
"$bin" import "$ex/veridia-2024.txt" --db "$db" -q --work veridia --date 2024-02-12 --status draft \
  --event referendum:2024-03-15:turnout=61.4:for=58.2 --event in-force:2024-07-01 --replaces veridia@2015-05-01 >/dev/null
ok "library made" $?

# start: --port 0 takes a free port and says which
start() { # extra options...
  "$bin" serve --db "$db" --port 0 "$@" 2>"$tmp/err" &
  pid=$!
  port=
  for _ in $(seq 100); do
    port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]\{1,5\}\)/.*|\1|p' "$tmp/err" | head -1)
    [ -n "$port" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  [ -n "$port" ]
}
start --timeout 2 --threads 4
ok "server started on a free port" $?
if [ -n "$port" ]; then
  python3 "$src/tests/serve_client.py" "$port" "$bin" "$db" 2 > "$tmp/client" 2>&1
  r=$?
  grep -v '^serve: ' "$tmp/client"
  counts=$(sed -n 's/^serve: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$tmp/client")
  if [ -n "$counts" ]; then pass=$((pass + ${counts% *})); fail=$((fail + ${counts#* })); fi
  ok "client ran to the end" $([ -n "$counts" ] && [ "$r" -le 1 ]; echo $?)
  kill -TERM "$pid"
  wait "$pid"
  ok "SIGTERM stops it with exit 0" $?
  pid=
  grep -q "stopped (terminated)" "$tmp/err"
  ok "says it stopped" $?
fi

# the command's own errors
"$bin" serve --db "$tmp/none.db" --port 0 2>"$tmp/e"; r=$?
ok "no library: exit 3" $([ $r = 3 ]; echo $?)
grep -q "none.db" "$tmp/e"; ok "no library: names it" $?
"$bin" serve --db "$db" --port 70000 2>"$tmp/e"; ok "bad port: exit 2" $([ $? = 2 ]; echo $?)
"$bin" serve --db "$db" --bind not-an-address 2>"$tmp/e"; ok "bad bind: exit 2" $([ $? = 2 ]; echo $?)
grep -q "numeric" "$tmp/e"; ok "bad bind: says why" $?
"$bin" serve --db "$db" extra 2>"$tmp/e"; ok "operand: exit 2" $([ $? = 2 ]; echo $?)
"$bin" serve --help | grep -q "read-only"; ok "help" $?
# a port in use
start; first=$port; firstpid=$pid; pid=
"$bin" serve --db "$db" --port "$first" 2>"$tmp/e"; r=$?
ok "port in use: exit 3" $([ $r = 3 ]; echo $?)
grep -q "cannot listen" "$tmp/e"; ok "port in use: says so" $?
kill -INT "$firstpid"; wait "$firstpid"; ok "SIGINT stops it with exit 0" $?
# another address than loopback: a warning (0.0.0.0 on a free port, stopped at once)
"$bin" serve --db "$db" --bind 0.0.0.0 --port 0 2>"$tmp/e" & p=$!
for _ in $(seq 50); do grep -q "http://" "$tmp/e" && break; sleep 0.1; done
kill -TERM "$p"; wait "$p"
grep -q "warning: listening on 0.0.0.0, not on loopback" "$tmp/e"; ok "non-loopback warns" $?

echo "serve: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
