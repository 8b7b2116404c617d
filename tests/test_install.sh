#!/usr/bin/env bash
# test_install.sh BUILD_DIR — libcovenant as another program uses it: install
# into a temporary prefix, then build a small C program with
# `pkg-config --cflags --libs covenant` (shared) and `--static` (libcovenant.a),
# run both on a text and check the number of articles they print; and check
# that libcovenant.so exports exactly the functions covenant.h declares.
set -u
build=${1:?usage: test_install.sh BUILD_DIR}
src=${COVENANT_SOURCE:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass+1)); }
bad() { fail=$((fail+1)); echo "FAIL: $*"; }

prefix=$tmp/prefix
if cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1; then ok; else
  bad "cmake --install"; cat "$tmp/install.log"; exit 1; fi
pc=$(find "$prefix" -name covenant.pc | head -1)
[ -n "$pc" ] && ok || { bad "no covenant.pc installed"; exit 1; }
export PKG_CONFIG_PATH=$(dirname "$pc")
# the data directory baked in at configure time is not this prefix
export COVENANT_DATA=$(pkg-config --variable=datadir covenant)
[ -f "$COVENANT_DATA/lang/en.txt" ] && ok || bad "datadir '$COVENANT_DATA' from covenant.pc has no lang/en.txt"
[ "$(pkg-config --modversion covenant)" = "$(sed -n 's/^#define COV_VERSION "\(.*\)"/\1/p' "$src/include/covenant.h")" ] \
  && ok || bad "pkg-config --modversion"

cat > "$tmp/count.c" <<'EOF'
#include <covenant.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
	static const char text[] =
		"Constitution of Testland\n\nArticle 1. Sovereignty\nThe people are sovereign.\n\n"
		"Article 2. Life\nEveryone has the right to life.\n\n"
		"Article 3. Assembly\nEveryone has the right of peaceful assembly.\n";
	cov_data *data;
	cov_doc *doc;
	if (cov_data_open(NULL, &data) != COV_OK ||
	    cov_doc_parse_buffer(data, text, strlen(text), "testland", NULL, &doc) != COV_OK) {
		fprintf(stderr, "count: %s\n", cov_error_last());
		return 1;
	}
	printf("articles: %zu\n", cov_doc_count(doc, COV_NODE_ARTICLE));
	cov_doc_free(doc);
	cov_data_free(data);
	return 0;
}
EOF
cc=${CC:-cc}
# shared: the program must load libcovenant.so from the prefix
if $cc -std=c17 -Wall -Werror "$tmp/count.c" -o "$tmp/count" $(pkg-config --cflags --libs covenant) 2>"$tmp/cc.log"; then ok; else
  bad "build against the shared library"; cat "$tmp/cc.log"; fi
libdir=$(pkg-config --variable=libdir covenant)
if [ -x "$tmp/count" ]; then
  LD_LIBRARY_PATH=$libdir ldd "$tmp/count" | grep -q "$libdir/libcovenant.so" && ok \
    || bad "count does not load libcovenant.so from $libdir"
  out=$(LD_LIBRARY_PATH=$libdir "$tmp/count" 2>&1)
  [ "$out" = "articles: 3" ] && ok || bad "shared: got '$out', wanted 'articles: 3'"
fi
# static: Requires.private and Libs.private must be enough to link libcovenant.a
if $cc -std=c17 -Wall -Werror "$tmp/count.c" -o "$tmp/count-static" $(pkg-config --cflags covenant) \
    "$libdir/libcovenant.a" $(pkg-config --static --libs covenant | sed 's/-lcovenant\b//') 2>"$tmp/cc.log"; then ok; else
  bad "build against the static library"; cat "$tmp/cc.log"; fi
if [ -x "$tmp/count-static" ]; then
  out=$("$tmp/count-static" 2>&1)
  [ "$out" = "articles: 3" ] && ok || bad "static: got '$out', wanted 'articles: 3'"
fi

# the shared library exports the public API and nothing else
exported=$(nm -D --defined-only "$libdir/libcovenant.so" | awk '$2 == "T" { print $3 }' | sort)
declared=$(grep -o 'COV_EXPORT .*' "$prefix/include/covenant.h" | grep -o 'cov_[a-z0-9_]*(' | tr -d '(' | sort)
if [ "$exported" = "$declared" ]; then ok; else
  bad "exported functions differ from covenant.h (< exported only, > declared only):"
  diff <(echo "$exported") <(echo "$declared") | grep '^[<>]' | head -20
fi
[ "$(echo "$declared" | wc -l)" -ge 60 ] && ok || bad "covenant.h declares too few COV_EXPORT functions"

echo "test_install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
