#!/usr/bin/env bash
# test_readme.sh — the README's examples, pasted as a stranger would paste them.
#
# Every `$ …` line of a ```console block of README.md is run from a
# scratch copy of the repository's layout (examples/, data/, docs/ … linked,
# ../shared beside it), with the built covenant first on PATH.  It must exit 0
# (5 for `--fail-on`, which is its point), and every line the README shows under
# it must be in what it printed: a shown line is cut at each "…" and each piece
# must appear, in order, on one line of the output.  Examples that read
# ../shared/corpus — and those after them in the same block — are skipped,
# saying so, when the corpus is absent.
set -u
bin=${COVENANT_BIN:?}
src=${COVENANT_SOURCE:?}
corpus=${COVENANT_CORPUS:-$src/../shared/corpus}
readme="$src/README.md"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/repo/build" "$tmp/bin"
for d in examples data docs tests man include; do [ -e "$src/$d" ] && ln -s "$src/$d" "$tmp/repo/$d"; done
[ -d "$corpus" ] && { mkdir -p "$tmp/shared"; ln -s "$(readlink -f "$corpus")" "$tmp/shared/corpus"; }
ln -s "$bin" "$tmp/bin/covenant"

pass=0 fail=0 skip=0 n=0
# Each example becomes two files: cmd.N (the command) and want.N (the lines shown).
awk -v dir="$tmp" '
  /^```console/ { inblock = 1; block++; next }
  /^```/        { inblock = 0; cur = ""; next }
  inblock && /^\$ / { n++; cur = dir "/want." n; print substr($0, 3) > (dir "/cmd." n); print block > (dir "/block." n); printf "" > cur; next }
  inblock && cur != "" { print > cur }
' "$readme"

count=$(ls "$tmp" | grep -c '^cmd\.')
for i in $(seq 1 "$count"); do
  n=$((n+1))
  cmd=$(cat "$tmp/cmd.$i")
  block=$(cat "$tmp/block.$i")
  # a block is one session: once an example in it needs the corpus, the rest of it does too
  if [ ! -d "$corpus" ] && { [[ "$cmd" == *../shared/* ]] || [ "${skipped_block:-}" = "$block" ]; }; then
    echo "skip (no ../shared/corpus): $cmd"; skip=$((skip+1)); skipped_block=$block; continue
  fi
  ( cd "$tmp/repo" && PATH="$tmp/bin:$PATH" NO_COLOR=1 timeout 60 bash -c "$cmd" ) >"$tmp/out.$i" 2>"$tmp/err.$i"
  rc=$?
  want_rc=0; [[ "$cmd" == *--fail-on* ]] && want_rc=5
  if [ "$rc" -ne "$want_rc" ]; then
    echo "FAIL: \$ $cmd: exit $rc, wanted $want_rc"; head -5 "$tmp/err.$i"; fail=$((fail+1)); continue
  fi
  ok=1
  while IFS= read -r line; do
    [ -z "${line//[[:space:]…]/}" ] && continue
    # the pieces between the ellipses, in order, on one line of the output
    pattern=""
    IFS=$'\x01' read -r -a pieces <<<"${line//…/$'\x01'}"
    for p in "${pieces[@]}"; do
      p="${p#"${p%%[![:space:]]*}"}"; p="${p%"${p##*[![:space:]]}"}"
      [ -z "$p" ] && continue
      q=$(printf '%s' "$p" | sed 's/[][\.*^$/]/\\&/g')
      pattern="${pattern:+$pattern.*}$q"
    done
    [ -z "$pattern" ] && continue
    if ! grep -q -- "$pattern" "$tmp/out.$i"; then
      [ $ok = 1 ] && echo "FAIL: \$ $cmd: the README shows lines it does not print:"
      echo "    $line"; ok=0
    fi
  done <"$tmp/want.$i"
  if [ $ok = 1 ]; then pass=$((pass+1)); else fail=$((fail+1)); fi
done

echo "README examples: $pass passed, $fail failed, $skip skipped, of $n"
[ "$n" -gt 0 ] || { echo "FAIL: no \$ covenant examples found in $readme"; exit 1; }
[ "$fail" -eq 0 ]
