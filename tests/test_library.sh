#!/usr/bin/env bash
# test_library.sh — the library from the command line: import with flags,
# manifests and names, re-import as a no-op, show/history/list/search,
# check and diff on stored versions, hostile input (exit codes and
# messages), and imports killed with SIGKILL at random moments.
set -u
bin=${COVENANT_BIN:?}
src=${COVENANT_SOURCE:?}
corpus=${COVENANT_CORPUS:-$src/../shared/corpus}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
export COVENANT_DB="$tmp/library.db"

check() { # name, expected exit code, command...
  local name=$1 want=$2; shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -eq "$want" ]; then pass=$((pass+1)); else
    fail=$((fail+1)); echo "FAIL: $name: exit $got, wanted $want"; head -5 "$tmp/err"; fi
}
contains() { # name, file, text
  if grep -qF -- "$3" "$2"; then pass=$((pass+1)); else
    fail=$((fail+1)); echo "FAIL: $1: '$3' not in $2:"; head -5 "$2"; fi
}
lacks() { # name, file, text
  if grep -qF -- "$3" "$2"; then fail=$((fail+1)); echo "FAIL: $1: '$3' in $2"; else pass=$((pass+1)); fi
}

ex="$src/examples"
check "no library yet" 3 "$bin" list
contains "no library message" "$tmp/err" "no library here"
check "import 2015" 0 "$bin" import "$ex/veridia-2015.txt" --work veridia --country VE --date 2015-05-01 \
  --event adopted:2015-05-01
contains "import says" "$tmp/out" "imported  veridia@2015-05-01 (en, in-force"
check "import 2024 draft" 0 "$bin" import "$ex/veridia-2024.txt" --work veridia --date 2024-02-12 --status draft \
  --event referendum:2024-03-15:turnout=73.12:for=87.15 --event in-force:2024-07-01 --replaces veridia@2015-05-01
contains "summary" "$tmp/out" "1 imported, 0 updated, 0 unchanged, 0 failed"
check "re-import is a no-op" 0 "$bin" import "$ex/veridia-2024.txt" --work veridia --date 2024-02-12
contains "unchanged" "$tmp/out" "0 imported, 0 updated, 1 unchanged, 0 failed"

check "history" 0 "$bin" history veridia
contains "history referendum" "$tmp/out" "2024-03-15    referendum: turnout 73.12 %, 87.15 % for — approved"
contains "history in force" "$tmp/out" "2024-07-01    in force"
contains "history replaced" "$tmp/out" "2024-07-01    replaced by veridia@2024-02-12   [version 2015-05-01]"
check "history json" 0 "$bin" history veridia --format json
contains "history json turnout" "$tmp/out" '"turnout": 73.12'
check "list" 0 "$bin" list
contains "list versions" "$tmp/out" "veridia@2015-05-01  en  was in force 2015-05-01 → 2024-07-01"
check "list json" 0 "$bin" list --format json
contains "list json" "$tmp/out" '"in_force_from": "2024-07-01"'

check "show in force before" 0 "$bin" show veridia:2024-06-30 --format tree
contains "show 2015" "$tmp/out" "veridia@2015-05-01"
check "show in force after" 0 "$bin" show veridia:2024-07-01 --article 11 --format text
contains "show 2024 article" "$tmp/out" "veridia@2024-02-12"
check "show by date" 0 "$bin" show veridia@2015-05-01 --format json
contains "show json is parse json" "$tmp/out" '"eid": "part_II__art_10"'
check "show no such date" 3 "$bin" show veridia@2016-01-01
contains "show lists dates" "$tmp/err" "its versions: 2015-05-01 (en), 2024-02-12 (en)"
check "show before any" 3 "$bin" show veridia:1990-01-01
check "show no work" 3 "$bin" show atlantis
check "show bad ref" 2 "$bin" show "veridia@yesterday"
check "show akn" 0 "$bin" show veridia --format akn
contains "show akn" "$tmp/out" "<akomaNtoso"

check "search" 0 "$bin" search "peaceful assembly" --best
contains "search hit" "$tmp/out" "veridia@"
check "search filter" 0 "$bin" search assembly --in-force-at 2020-01-01 --format json
contains "search filter json" "$tmp/out" '"date": "2015-05-01"'
lacks "search filter json" "$tmp/out" '"date": "2024-02-12"'
check "search syntax" 2 "$bin" search "'); DROP TABLE works; --"
contains "search syntax message" "$tmp/err" "cannot read the query"
check "search bad right" 2 "$bin" search assembly --right iccpr:99
check "search nothing" 0 "$bin" search zzyzx
contains "search nothing says" "$tmp/err" "no article matches"

check "check stored" 0 "$bin" check veridia:2024-07-01
contains "check stored name" "$tmp/out" "veridia@2024-02-12"
check "diff stored" 0 "$bin" diff veridia:2024-06-30 veridia:2024-07-01
contains "diff stored" "$tmp/out" "covenant diff: veridia@2015-05-01 → veridia@2024-02-12"
check "missing file still a file error" 3 "$bin" check "$tmp/nope.txt"
contains "missing file" "$tmp/err" "nope.txt"

# hostile titles and names reach no SQL
check "title with SQL" 0 "$bin" import "$ex/veridia-2015.txt" --work x --date 2020-01-01 --title "'); DROP TABLE works; --"
check "list after SQL title" 0 "$bin" list x
contains "title kept" "$tmp/out" "'); DROP TABLE works; --"
check "bad event" 2 "$bin" import "$ex/veridia-2015.txt" --work x --event "vote:2020-01-01"
check "bad date" 2 "$bin" import "$ex/veridia-2015.txt" --work x --date 2020-13-01
check "several files, one date" 2 "$bin" import "$ex" --work x --date 2020-01-01
check "no work" 3 "$bin" import "$ex/veridia-2015.txt" --date 2020-01-01
contains "no work message" "$tmp/err" "which work is it?"

# one bad file does not stop the others; the import says which and why
mkdir -p "$tmp/mixed/2020"
cp "$ex/veridia-2015.txt" "$tmp/mixed/2020/a.txt"
: > "$tmp/mixed/2020/b.txt"
cp "$ex/veridia-2024.txt" "$tmp/mixed/2020/c.txt"
check "mixed import" 3 "$bin" import "$tmp/mixed/2020" --work mixed --db "$tmp/mixed.db"
contains "mixed summary" "$tmp/out" "2 imported, 0 updated, 0 unchanged, 1 failed"
contains "mixed failure" "$tmp/err" "b.txt: empty file"

# a manifest
cat > "$tmp/mixed/manifest.txt" <<EOF
# path  key=value…
2020/a.txt work=veridia-m country=VE date=2015-05-01 event=adopted:2015-05-01
2020/c.txt work=veridia-m date=2024-02-12 status=draft event=in-force:2024-07-01 "title=Constitution of Veridia"
EOF
check "manifest" 0 "$bin" import --manifest "$tmp/mixed/manifest.txt" --db "$tmp/m.db"
check "manifest point in time" 0 "$bin" show veridia-m:2024-07-02 --db "$tmp/m.db" --article 1
contains "manifest in force" "$tmp/out" "veridia-m@2024-02-12"
echo "c.txt work=veridia-m date=2024-99-12" > "$tmp/bad-manifest.txt"
check "bad manifest" 2 "$bin" import --manifest "$tmp/bad-manifest.txt" --db "$tmp/m.db"
contains "bad manifest line" "$tmp/err" "bad-manifest.txt:1: date wants a date"

# file names say work and date
mkdir -p "$tmp/named"
cp "$ex/veridia-2015.txt" "$tmp/named/constitution_ve_2015-05-01.txt"
cp "$ex/veridia-2024.txt" "$tmp/named/Veridia_2024.txt"
check "inferred" 0 "$bin" import "$tmp/named" --db "$tmp/n.db"
contains "inferred said" "$tmp/out" "from its name (constitution_CC_DATE name): work ve-constitution, country VE"
contains "constitute said" "$tmp/out" "work veridia-constitution, country Veridia"

# bad libraries: exit 3 and a clear message
printf 'not a database, just words, words and more words to fill a page' > "$tmp/junk.db"
check "junk library" 3 "$bin" list --db "$tmp/junk.db"
contains "junk message" "$tmp/err" "not a covenant library"
check "junk import" 3 "$bin" import "$ex/veridia-2015.txt" --work v --date 2015-01-01 --db "$tmp/junk.db"
if command -v sqlite3 >/dev/null; then
  cp "$tmp/m.db" "$tmp/newer.db"
  sqlite3 "$tmp/newer.db" "PRAGMA user_version = 7" >/dev/null
  check "newer library" 3 "$bin" list --db "$tmp/newer.db"
  contains "newer message" "$tmp/err" "written by a newer covenant"
fi
check "unwritable place" 3 "$bin" import "$ex/veridia-2015.txt" --work v --date 2015-01-01 --db /proc/covenant/l.db
contains "unwritable message" "$tmp/err" "/proc/covenant/l.db"
if [ "$(id -u)" -ne 0 ]; then
  cp "$tmp/m.db" "$tmp/ro.db"; chmod 0444 "$tmp/ro.db"
  check "read-only library" 3 "$bin" import "$ex/veridia-2015.txt" --work v --date 2015-01-01 --db "$tmp/ro.db"
fi

# SIGKILL at random moments: the library is exactly as before the import,
# or as after it — never in between, never damaged.
if command -v sqlite3 >/dev/null; then
  mkdir -p "$tmp/many/2024"
  for i in $(seq 1 40); do sed "s/Veridia/Veridia$i/" "$ex/veridia-2024.txt" > "$tmp/many/2024/v$i.txt"; done
  kdb="$tmp/kill.db"
  "$bin" import "$ex/veridia-2015.txt" --work base --date 2015-01-01 --db "$kdb" -q >/dev/null
  counts() { sqlite3 "$kdb" "SELECT (SELECT count(*) FROM versions) || ' ' || (SELECT count(*) FROM articles) || ' ' || (SELECT count(*) FROM events)"; }
  before=$(counts)
  after=""
  bad=0 torn=0 kills=0
  for round in $(seq 1 25); do
    "$bin" import "$tmp/many" --work many --db "$kdb" -q >/dev/null 2>&1 &
    pid=$!
    if [ $((round % 5)) -eq 0 ]; then sleep 1; else sleep "0.$(printf %02d $((RANDOM % 20)))"; fi
    kill -9 "$pid" 2>/dev/null && kills=$((kills+1))
    wait "$pid" 2>/dev/null
    [ "$(sqlite3 "$kdb" 'PRAGMA integrity_check')" = ok ] || bad=$((bad+1))
    now=$(counts)
    fts=$(sqlite3 "$kdb" "INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')" 2>&1)
    [ -z "$fts" ] || [ "$fts" = "Error: in prepare, no such tokenizer: covenant" ] || bad=$((bad+1))
    if [ "$now" != "$before" ]; then
      [ -z "$after" ] && after=$now
      [ "$now" = "$after" ] || torn=$((torn+1))
      sqlite3 "$kdb" "PRAGMA foreign_keys=ON; DELETE FROM events WHERE version IN (SELECT id FROM versions WHERE work='many');" >/dev/null 2>&1
      rm -f "$kdb"*; "$bin" import "$ex/veridia-2015.txt" --work base --date 2015-01-01 --db "$kdb" -q >/dev/null
    fi
  done
  if [ "$bad" -eq 0 ] && [ "$torn" -eq 0 ]; then pass=$((pass+1)); else
    fail=$((fail+1)); echo "FAIL: SIGKILL: $bad damaged, $torn half-imported libraries in 25 rounds"; fi
  echo "SIGKILL: $kills imports killed in 25 rounds; library always as before ($before) or complete (${after:-never reached})"
  "$bin" list --db "$kdb" >/dev/null || { fail=$((fail+1)); echo "FAIL: library unreadable after kills"; }
else
  echo "SKIP: SIGKILL test: sqlite3 (the command) is not installed"
fi

# an import waits for another one writing to the same library, however long
# that one holds it (each import is one transaction): 12 s here, more than
# the 10 s an import used to wait before failing with "the library is busy"
if command -v sqlite3 >/dev/null; then
  wdb="$tmp/wait.db"
  "$bin" import "$ex/veridia-2015.txt" --work first --date 2015-01-01 --db "$wdb" -q >/dev/null
  sqlite3 "$wdb" "BEGIN IMMEDIATE" "SELECT 1" ".shell sleep 12" "COMMIT" >/dev/null &
  holder=$!
  sleep 1
  check "import waits for another writer" 0 "$bin" import "$ex/veridia-2024.txt" --work second --date 2024-02-12 --db "$wdb" -q
  wait "$holder"
  check "both imports stored" 0 "$bin" list --db "$wdb"
  contains "the waiting import stored" "$tmp/out" "second"
else
  echo "SKIP: waiting import: sqlite3 (the command) is not installed"
fi

# the real corpus: Kazakhstan's two constitutions, in force on a date
kz95="$corpus/kz-adilet-ru-pdf/k950001000_.01-01-2023.rus.pdf"
kz26="$corpus/kz-constitution-2026-ru/k2600000000.01-07-2026.rus.txt"
if [ -f "$kz95" ] && [ -f "$kz26" ]; then
  export COVENANT_DB="$tmp/kz.db"
  check "kz 1995" 0 "$bin" import "$kz95" --work kz-constitution --date 1995-08-30 --event adopted:1995-08-30
  contains "kz 1995 inferred" "$tmp/out" "consolidated 2023-01-01"
  check "kz 2026" 0 "$bin" import "$kz26" --work kz-constitution --date 2026-02-12 --status draft \
    --event referendum:2026-03-15:turnout=73.12:for=87.15 --event in-force:2026-07-01 --replaces kz-constitution@1995-08-30
  check "kz history" 0 "$bin" history kz-constitution
  contains "kz amendment from notes" "$tmp/out" "2017-03-10    amended by 51-VI"
  check "kz in force May" 0 "$bin" show kz-constitution:2026-05-01 --article 32 --format text
  contains "kz 1995 art 32" "$tmp/out" "мирно и без оружия собираться"
  check "kz in force July" 0 "$bin" show kz-constitution:2026-07-01 --article 34 --format text
  contains "kz 2026 art 34" "$tmp/out" "имеют право на мирные собрания"
  check "kz search stems" 0 "$bin" search "мирных собраний" --right iccpr:21
  contains "kz search" "$tmp/out" "[мирные] [собрания]"
  check "kz diff stored" 0 "$bin" diff kz-constitution@1995-08-30 kz-constitution@2026-02-12
  contains "kz diff strike" "$tmp/out" "regression.right-removed"
else
  echo "SKIP: $kz95 or $kz26 is absent (the shared corpus is not on this machine)"
fi

echo "library: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
