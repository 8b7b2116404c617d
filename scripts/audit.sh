#!/usr/bin/env bash
# audit.sh — the audit loop of covenant check (issue 10): run `check` over
# the 192 Constitute constitutions, draw N negative findings at random with a
# seed, and print each with the full text of its article, as a reviewer reads
# them.  Then print, per rule, what the recorded verdicts
# (tests/audit/verdicts.txt, kept as tests by tests/test_check.c) say about
# the findings check gives today.
#
#   scripts/audit.sh [-n N] [-s SEED] [-b BINARY] [-r RULE] [--stats] [--dups]
#
#   -n N      how many findings to draw (default 40)
#   -s SEED   the seed of the draw (default 1); the same seed, binary and
#             data draw the same findings
#   -b BIN    the covenant binary (default build/covenant)
#   -r RULE   draw only among the findings of RULE
#   --stats   print only the figures: findings per rule, repeats of rule +
#             sentence, texts without finding, precision per rule
#   --dups    list the findings that repeat a rule on the same sentence
#
# Needs jq.  The corpus is ../shared/corpus (or $COVENANT_CORPUS).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
n=40 seed=1 bin="$here/build/covenant" rule="" stats=0 dups=0
while [ $# -gt 0 ]; do
  case "$1" in
    -n) n=$2; shift 2 ;;
    -s) seed=$2; shift 2 ;;
    -b) bin=$2; shift 2 ;;
    -r) rule=$2; shift 2 ;;
    --stats) stats=1; shift ;;
    --dups) dups=1; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "audit.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
command -v jq >/dev/null || { echo "audit.sh: needs jq (apt-get install jq)" >&2; exit 2; }
[ -x "$bin" ] || { echo "audit.sh: no covenant binary at $bin (build first, or -b)" >&2; exit 2; }
corpus=${COVENANT_CORPUS:-$here/../shared/corpus}/constitute-192-marcomorucci/constitutions
[ -d "$corpus" ] || { echo "audit.sh: $corpus is absent (the shared corpus is not on this machine)" >&2; exit 2; }
verdicts="$here/tests/audit/verdicts.txt"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# one line per negative finding: file, rule, severity, num, standard, start, end, trigger, message, quote
for f in "$corpus"/*.txt; do
  b=$(basename "$f" .txt)
  if ! "$bin" check --format json "$f" > "$tmp/$b.json" 2> "$tmp/$b.err"; then
    echo "audit.sh: check failed on $f: $(head -c 300 "$tmp/$b.err")" >&2
    continue
  fi
  jq -r --arg b "$b" '.findings[] | select(.severity != "positive") |
     [$b, .rule, .severity, .num, .standard, (.start|tostring), (.end|tostring),
      (.trigger.text // ""), .message, (.quote | gsub("[\t\n]"; " "))] | @tsv' "$tmp/$b.json"
done > "$tmp/all.tsv"

total=$(wc -l < "$tmp/all.tsv")
texts=$(ls "$corpus"/*.txt | wc -l)
silent=$(for f in "$corpus"/*.txt; do b=$(basename "$f" .txt); grep -q "^$b	" "$tmp/all.tsv" || echo "$b"; done | wc -l)
repeats=$(awk -F'\t' '{k=$1"\t"$2"\t"$6; c[k]++} END {r=0; for (k in c) if (c[k]>1) r+=c[k]-1; print r}' "$tmp/all.tsv")

if [ "$dups" = 1 ]; then
  awk -F'\t' '{k=$1"\t"$2"\t"$6; c[k]++; l[k]=l[k] $0 "\n"} END {for (k in c) if (c[k]>1) printf "%s", l[k]}' "$tmp/all.tsv"
  exit 0
fi

if [ "$stats" = 0 ]; then
  pool="$tmp/all.tsv"
  if [ -n "$rule" ]; then awk -F'\t' -v r="$rule" '$2==r' "$tmp/all.tsv" > "$tmp/pool.tsv"; pool="$tmp/pool.tsv"; fi
  i=0
  shuf -n "$n" --random-source=<(openssl enc -aes-256-ctr -pass pass:"$seed" -nosalt </dev/zero 2>/dev/null) "$pool" |
  while IFS=$'\t' read -r b r sev num std start end trig msg quote; do
    i=$((i + 1))
    f="$corpus/$b.txt"
    echo "=================================================================="
    echo "#$i  $b  art. $num  $r ($sev)  $std"
    echo "message: $msg"
    echo "trigger: «$trig»"
    echo "quote:   $quote"
    # the article (the primary unit) around the quote, from parse --format json
    read -r as ae < <("$bin" parse --format json "$f" </dev/null | jq -r --argjson s "$start" '
       .primary as $p | [.. | objects | select(.kind? == $p and .start <= $s and .end > $s)] | first |
       "\(.start) \(.end)"')
    if [ -n "${as:-}" ] && [ "$as" != "null" ]; then
      len=$((ae - as))
      if [ "$len" -gt 4000 ]; then as=$((start > 1500 ? start - 1500 : 0)); len=3500; fi
      echo "--- article text:"
      tail -c +$((as + 1)) "$f" | head -c "$len" | grep -v '^[[:space:]]*$' | sed 's/^/  | /' || true
    fi
  done
  echo "=================================================================="
fi

echo "check over $texts texts: $total negative findings; $repeats repeat a rule on the same sentence;" \
     "$silent texts have none"
echo "findings per rule (severity):"
awk -F'\t' '{c[$2" ("$3")"]++} END {for (k in c) printf "  %4d  %s\n", c[k], k}' "$tmp/all.tsv" | sort -rn

# precision per rule: the recorded verdicts that match a finding given today
# (same text, rule, article and quote fragment)
if [ -f "$verdicts" ]; then
  echo "recorded verdicts on today's findings (right / debatable / wrong; precision = right / (right + wrong), debatable apart):"
  grep -v '^#' "$verdicts" | grep -v '^[[:space:]]*$' |
  while IFS='|' read -r v b r num frag why; do
    v=$(echo "$v" | xargs); b=$(echo "$b" | xargs); r=$(echo "$r" | xargs); num=$(echo "$num" | xargs)
    frag=$(echo "$frag" | sed 's/^ *//; s/ *$//')
    if awk -F'\t' -v b="$b" -v r="$r" -v num="$num" -v frag="$frag" \
         '$1==b && $2==r && $4==num && index($10, frag) {found=1} END {exit !found}' "$tmp/all.tsv"; then
      echo "$r	$v	given"
    else
      echo "$r	$v	gone"
    fi
  done | awk -F'\t' '
    $3=="given" {g[$1]=1; c[$1" "$2]++}
    $3=="gone" {gone[$1" "$2]++}
    END {
      for (r in g) {
        ri=c[r" right"]+0; d=c[r" debatable"]+0; w=c[r" wrong"]+0
        # precision = right / (right + wrong); debatable verdicts are counted apart
        if (ri + w > 0) printf "  %-40s %3d / %3d / %3d   precision %3.0f%%\n", r, ri, d, w, 100*ri/(ri+w)
        else printf "  %-40s %3d / %3d / %3d   precision   n/a\n", r, ri, d, w
      }
      for (k in gone) { split(k, p, " "); fixed[p[2]] += gone[k] }
      printf "  (verdicts no longer matched by a finding: %d wrong — fixed, %d right — lost, %d debatable)\n",
        fixed["wrong"]+0, fixed["right"]+0, fixed["debatable"]+0
    }' | sort
fi
