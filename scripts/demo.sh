#!/usr/bin/env bash
# demo.sh COVENANT — the most complete job covenant does today, on the
# example constitution of Veridia (examples/): parse both versions and
# show their structure, the JSON and Akoma Ntoso a program would read, then
# check the rights of the newer one (and of Kazakhstan 2026) against the ICCPR.
set -euo pipefail
bin=${1:-build/covenant}
root=$(cd "$(dirname "$0")/.." && pwd)
ex="$root/examples"

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

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
say "next: covenant diff (1995 → 2026 article by article) is not built yet (issue 4)"
