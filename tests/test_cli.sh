#!/usr/bin/env bash
# test_cli.sh — the covenant command as a user meets it: help, version,
# formats, standard input, exit codes and error messages.
set -u
bin=${COVENANT_BIN:?}
src=${COVENANT_SOURCE:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

check() { # name, expected exit code, command...
  local name=$1 want=$2; shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -eq "$want" ]; then pass=$((pass+1)); else
    fail=$((fail+1)); echo "FAIL: $name: exit $got, wanted $want"; cat "$tmp/err"; fi
}
contains() { # name, file, text
  if grep -qF -- "$3" "$2"; then pass=$((pass+1)); else
    fail=$((fail+1)); echo "FAIL: $1: '$3' not in $2:"; head -5 "$2"; fi
}

check "help" 0 "$bin" --help
contains "help lists parse" "$tmp/out" "parse FILE|-"
check "parse help" 0 "$bin" parse --help
contains "parse help lists formats" "$tmp/out" "akn (Akoma Ntoso 3.0 XML)"
check "version" 0 "$bin" --version
contains "version" "$tmp/out" "covenant 0.1.0"
check "no command" 2 "$bin"
check "unknown command" 2 "$bin" frobnicate
contains "unknown command message" "$tmp/err" "unknown command 'frobnicate'"
check "unknown format" 2 "$bin" parse --format pdf "$src/examples/veridia-2015.txt"
check "two files" 2 "$bin" parse a b

check "json" 0 "$bin" parse "$src/examples/veridia-2015.txt"
contains "json format" "$tmp/out" '"format": 1'
contains "json eid" "$tmp/out" '"eid": "part_II__art_10"'
check "tree" 0 "$bin" parse -f tree "$src/examples/veridia-2024.txt"
contains "tree outline" "$tmp/out" "  article 11 — Assembly  (line 51)"
check "akn" 0 "$bin" parse --format akn "$src/examples/veridia-2024.txt"
contains "akn root" "$tmp/out" '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
check "md" 0 "$bin" parse --format md "$src/examples/veridia-2024.txt"
contains "md heading" "$tmp/out" "### Article 13. [Marriage and family]"

# standard input, and a forced language
check "stdin" 0 sh -c "printf 'Статья 1.\nТекст.\n' | '$bin' parse -f json --lang kk -"
contains "stdin name" "$tmp/out" '"name": "<stdin>"'
contains "stdin lang" "$tmp/out" '"language": "kk"'

# bad input: exit 3, "covenant: FILE: problem" on stderr, nothing on stdout
: > "$tmp/empty.txt"
check "empty" 3 "$bin" parse "$tmp/empty.txt"
contains "empty message" "$tmp/err" "covenant: $tmp/empty.txt: empty file"
[ -s "$tmp/out" ] && { fail=$((fail+1)); echo "FAIL: output on error"; } || pass=$((pass+1))
printf 'abc\0def' > "$tmp/bin.dat"
check "binary" 3 "$bin" parse "$tmp/bin.dat"
contains "binary message" "$tmp/err" "NUL byte at offset 3"
printf 'Статья 1' | iconv -f utf-8 -t cp1251 > "$tmp/cp1251.txt"
check "cp1251 detected" 0 "$bin" parse "$tmp/cp1251.txt"
contains "cp1251 reported" "$tmp/out" '"encoding": "windows-1251"'
printf 'ab\300\257' > "$tmp/junk.txt"
check "junk bytes" 3 "$bin" parse "$tmp/junk.txt"
contains "junk message" "$tmp/err" "invalid UTF-8 at byte 2"
check "cp1251 with --encoding" 0 "$bin" parse -e windows-1251 -f tree "$tmp/cp1251.txt"
contains "cp1251 decoded" "$tmp/out" "article 1"
check "missing" 3 "$bin" parse "$tmp/nope.txt"
contains "missing message" "$tmp/err" "nope.txt: No such file or directory"
check "max size" 3 "$bin" parse --max-size 0.00001 "$src/examples/veridia-2015.txt"
check "bad data dir" 4 "$bin" parse --data /nonexistent "$src/examples/veridia-2015.txt"

# -o writes atomically and leaves nothing behind on failure
check "output file" 0 "$bin" parse -o "$tmp/out.json" "$src/examples/veridia-2015.txt"
contains "output file content" "$tmp/out.json" '"title": "Constitution of the Republic of Veridia"'
echo keep > "$tmp/keep.json"
check "output kept on error" 3 "$bin" parse -o "$tmp/keep.json" "$tmp/empty.txt"
contains "old output intact" "$tmp/keep.json" "keep"
[ "$(ls "$tmp" | grep -c tmp)" -eq 0 ] && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL: temporary file left"; }

# check: findings for people, JSON for programs, --fail-on for drafting teams' CI
check "check text" 0 "$bin" check --color never "$src/examples/veridia-2024.txt"
contains "check groups by right" "$tmp/out" "ICCPR art. 21 — peaceful assembly"
contains "check quotes" "$tmp/out" "«Citizens of Veridia have the right to assemble peacefully and without weapons.»"
contains "check rule id" "$tmp/out" "HIGH  holder.citizens-only  article 11 (sec_II__art_11), line 52"
check "check json" 0 "$bin" check -f json "$src/examples/veridia-2024.txt"
contains "check json rule" "$tmp/out" '"rule": "association.foreign-funding-ban"'
contains "check json standard" "$tmp/out" '"standard": "iccpr:22"'
check "check md" 0 "$bin" check -f md "$src/examples/veridia-2024.txt"
contains "check md heading" "$tmp/out" "## ICCPR art. 26 — equality before the law and equal protection against discrimination"
check "check fail-on high" 5 "$bin" check --fail-on high "$src/examples/veridia-2024.txt"
printf 'Article 1\nEveryone has the right to life.\nArticle 2\nEveryone has the right to freedom of expression.\n' > "$tmp/good.txt"
check "check fail-on not reached" 0 "$bin" check --fail-on medium --standard iccpr "$tmp/good.txt"
check "check 2015 has one high" 5 "$bin" check --fail-on high "$src/examples/veridia-2015.txt"
check "check min-severity" 0 "$bin" check --min-severity high --color never "$src/examples/veridia-2024.txt"
if grep -q "MEDIUM\|POSITIVE" "$tmp/out"; then fail=$((fail+1)); echo "FAIL: --min-severity high shows lower ones"; else pass=$((pass+1)); fi
check "check bad severity" 2 "$bin" check --min-severity urgent "$src/examples/veridia-2024.txt"
check "check bad standard" 2 "$bin" check --standard echr "$src/examples/veridia-2024.txt"
check "check two files" 0 "$bin" check "$src/examples/veridia-2015.txt" "$src/examples/veridia-2024.txt"
contains "check second file" "$tmp/out" "veridia-2024.txt, en) against the ICCPR"
check "check empty" 3 "$bin" check "$tmp/empty.txt"
printf 'Madde 1\nHerkes.\nMadde 2\nKimse.\nMadde 3\nX.\n' > "$tmp/tr.txt"
check "check unknown language" 3 "$bin" check "$tmp/tr.txt"
contains "check unknown language message" "$tmp/err" "no rights lexicon for language 'und'"
check "check help" 0 "$bin" check --help
contains "check help fail-on" "$tmp/out" "--fail-on S"

# diff: summary, impact, pairs; labels; JSON
check "diff text" 0 "$bin" diff --color never "$src/examples/veridia-2015.txt" "$src/examples/veridia-2024.txt"
contains "diff summary" "$tmp/out" "16 articles → 17 articles: 2 unchanged, 1 modified, 12 renumbered"
contains "diff impact" "$tmp/out" "regression.right-removed  old article 12"
contains "diff pair" "$tmp/out" "article 10 [Assembly] → article 11 [Assembly]  renumbered"
contains "diff change" "$tmp/out" "+ Citizens of Veridia have"
contains "diff removed" "$tmp/out" "article 12 [Strike]"
check "diff json" 0 "$bin" diff -f json --old-label 2015 --new-label 2024 "$src/examples/veridia-2015.txt" "$src/examples/veridia-2024.txt"
contains "diff json label" "$tmp/out" '"label": "2024"'
contains "diff json pair" "$tmp/out" '"old_num": "10"'
contains "diff json status" "$tmp/out" '"status": "renumbered"'
check "diff md" 0 "$bin" diff -f md "$src/examples/veridia-2015.txt" "$src/examples/veridia-2024.txt"
contains "diff md heading" "$tmp/out" "## Rights impact"
check "diff no impact" 0 "$bin" diff --no-impact "$src/examples/veridia-2015.txt" "$src/examples/veridia-2024.txt"
contains "diff no impact note" "$tmp/out" "rights impact not computed"
check "diff unknown language" 0 "$bin" diff "$tmp/tr.txt" "$tmp/tr.txt"
contains "diff unknown language note" "$tmp/out" "rights impact not computed: "
check "diff one file" 2 "$bin" diff "$src/examples/veridia-2015.txt"
check "diff bad file" 3 "$bin" diff "$tmp/empty.txt" "$src/examples/veridia-2015.txt"
check "diff help" 0 "$bin" help diff
contains "diff help text" "$tmp/out" "--old-label L"

# other formats, by content
check "pdf" 0 "$bin" parse -f tree "$src/tests/fixtures/text.pdf"
contains "pdf articles" "$tmp/out" "article 3"
check "encrypted pdf" 3 "$bin" parse "$src/tests/fixtures/encrypted.pdf"
contains "encrypted message" "$tmp/err" "encrypted PDF"
check "docx" 0 "$bin" parse -f tree "$src/tests/fixtures/text.docx"
check "zip bomb" 3 "$bin" parse "$src/tests/fixtures/bomb.docx"
check "bad input format" 2 "$bin" parse --input-format rtf "$src/tests/fixtures/text.docx"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
