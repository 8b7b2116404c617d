#!/usr/bin/env bash
# demo.sh COVENANT — the most complete job covenant does today, on the
# example constitution of Veridia (examples/): parse both versions and
# show their structure, the JSON and Akoma Ntoso a program would read, then
# check the rights of the newer one (and of Kazakhstan 2026) against the ICCPR,
# and compare the two versions article by article.
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
    | awk '/^Articles/ { stop = 1 } !stop { print }'
fi
