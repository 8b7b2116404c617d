#!/usr/bin/env bash
# demo.sh COVENANT — the most complete job covenant does today, on the
# example constitution of Veridia (examples/): parse both versions and
# show their structure, the JSON and Akoma Ntoso a program would read, then
# check the rights of the newer one (and of Kazakhstan 2026) against the ICCPR,
# compare the two versions article by article, follow the laws' citations of
# the old constitution to the new one, keep a library of dated versions and
# write the report.
set -euo pipefail
bin=${1:-build/covenant}
root=$(cd "$(dirname "$0")/.." && pwd)
ex="$root/examples"

# A one-line title before each step; bold only on a terminal that wants colour.
if [ -t 1 ] && [ -z "${NO_COLOR:-}" ] && [ "${TERM:-dumb}" != dumb ]; then
  say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
else
  say() { printf '\n== %s\n' "$*"; }
fi

say "covenant parse examples/veridia-2015.txt --format tree"
"$bin" parse "$ex/veridia-2015.txt" --format tree
say "covenant parse examples/veridia-2024.txt --format tree"
"$bin" parse "$ex/veridia-2024.txt" --format tree
say "covenant parse examples/veridia-2024.txt --format json   (first lines; docs/json.md)"
"$bin" parse "$ex/veridia-2024.txt" --format json | awk 'NR <= 40'
say "covenant parse examples/veridia-2024.txt --format akn   (Akoma Ntoso 3.0, first lines)"
"$bin" parse "$ex/veridia-2024.txt" --format akn | sed -n '30,52p'
corpus="$root/../shared/corpus/kz-constitution-2026-ru/k2600000000.01-07-2026.rus.txt"
if [ -f "$corpus" ]; then
  say "the motivating case: Constitution of Kazakhstan 2026 (Russian), sections and articles"
  "$bin" parse "$corpus" --format tree | awk '!/^    / && n++ < 25'
fi
say "covenant check examples/veridia-2024.txt   (rights against the ICCPR)"
"$bin" check "$ex/veridia-2024.txt"
if [ -f "$corpus" ]; then
  say "the motivating case: covenant check on Kazakhstan 2026, high findings only"
  "$bin" check "$corpus" --min-severity high
fi
say "covenant diff examples/veridia-2015.txt examples/veridia-2024.txt   (what changed, and for rights)"
"$bin" diff "$ex/veridia-2015.txt" "$ex/veridia-2024.txt" --old-label "Veridia 2015" --new-label "Veridia 2024"
old_kz="$root/../shared/corpus/kz-adilet-ru-pdf/k950001000_.01-01-2023.rus.pdf"
if [ -f "$corpus" ] && [ -f "$old_kz" ]; then
  say "the motivating case: Kazakhstan 1995 (official PDF, as of 2023) → 2026, the rights impact"
  "$bin" diff "$old_kz" "$corpus" --old-label "Constitution 1995 (as of 2023)" --new-label "Constitution 2026" \
    | awk '/^Articles/ { stop = 1 } /^Findings before/ { f = 1 } f && /^  (NEW |GONE|KEPT)|^    «/ { next } !stop { print }'
fi
if [ -f "$corpus" ] && [ -f "$old_kz" ]; then
  say "covenant conform: four laws in force that cite the 1995 Constitution, against 2026   (first lines)"
  "$bin" conform "$root/../shared/corpus/kz-adilet-ru-pdf/"z*.pdf --from "$old_kz" --to "$corpus" | awk 'NR <= 24'
fi

# The library: dated versions of works, points in time, search.  A library
# of its own in build/, so the demo never touches the user's.
lib="$(dirname "$bin")/demo-library.db"
rm -f "$lib" "$lib-wal" "$lib-shm"
kz95="$root/../shared/corpus/kz-adilet-ru-pdf/k950001000_.01-01-2023.rus.pdf"
say "covenant import examples/veridia-*.txt   (a work, two dated versions, a referendum)"
"$bin" import "$ex/veridia-2015.txt" --db "$lib" --work veridia --country VE --date 2015-05-01 --event adopted:2015-05-01
"$bin" import "$ex/veridia-2024.txt" --db "$lib" --work veridia --date 2024-02-12 --status draft \
  --event referendum:2024-03-15:turnout=61.4:for=58.2 --event in-force:2024-07-01 --replaces veridia@2015-05-01
if [ -f "$corpus" ] && [ -f "$kz95" ]; then
  say "the motivating case: Kazakhstan 1995 (PDF, as amended) and the 2026 draft with its real events"
  "$bin" import "$kz95" --db "$lib" -q --work kz-constitution --date 1995-08-30 --event adopted:1995-08-30
  "$bin" import "$corpus" --db "$lib" -q --work kz-constitution --date 2026-02-12 --status draft \
    --event referendum:2026-03-15:turnout=73.12:for=87.15 --event in-force:2026-07-01 --replaces kz-constitution@1995-08-30
  say "covenant history kz-constitution   (amendments read from the text's notes, then the referendum)"
  "$bin" history kz-constitution --db "$lib"
  say "covenant show kz-constitution:2026-05-01 --article 32   (the text in force on 1 May 2026)"
  "$bin" show kz-constitution:2026-05-01 --db "$lib" --article 32 --format text
  say "covenant show kz-constitution:2026-07-01 --article 34   (and from 1 July)"
  "$bin" show kz-constitution:2026-07-01 --db "$lib" --article 34 --format text
fi
ru="$root/../shared/corpus/ru-constitution-history-akamaus/versions"
if [ -d "$ru" ]; then
  say "covenant import .../ru-constitution-history-akamaus/versions   (17 editions; work and dates from the names)"
  "$bin" import "$ru" --db "$lib" -q
fi
say "covenant list"
"$bin" list --db "$lib"
say "covenant search \"мирные собрания\" --right iccpr:21   (stemmed: finds «мирно … собрания» too)"
"$bin" search "мирные собрания" --right iccpr:21 --best --db "$lib"
if [ -f "$corpus" ] && [ -f "$kz95" ]; then
  say "covenant diff kz-constitution:2026-06-30 kz-constitution:2026-07-01   (stored versions; first lines)"
  "$bin" diff kz-constitution:2026-06-30 kz-constitution:2026-07-01 --db "$lib" | sed -n 1,2p  # reads all: no SIGPIPE under pipefail
else
  say "covenant diff veridia:2024-06-30 veridia:2024-07-01   (stored versions; first lines)"
  "$bin" diff veridia:2024-06-30 veridia:2024-07-01 --db "$lib" | sed -n 1,2p
fi
if [ -f "$corpus" ] && [ -f "$kz95" ]; then
  say "covenant report kz-constitution@2026-02-12 --against kz-constitution@1995-08-30   (one HTML file to read, send or print)"
  report="$(dirname "$bin")/kz-constitution-2026-report.html"
  "$bin" report kz-constitution@2026-02-12 --against kz-constitution@1995-08-30 --old-label 1995 --new-label 2026 \
    --db "$lib" -o "$report"
else
  say "covenant report veridia@2024-02-12 --against veridia@2015-05-01   (one HTML file to read, send or print)"
  report="$(dirname "$bin")/veridia-2024-report.html"
  "$bin" report veridia@2024-02-12 --against veridia@2015-05-01 --old-label 2015 --new-label 2024 --db "$lib" -o "$report"
fi
echo "$report  $(wc -c < "$report") bytes"
