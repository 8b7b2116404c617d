#!/usr/bin/env bash
# deps.sh — install the Debian 12 packages covenant needs, or say exactly
# which command to run.  Usage: scripts/deps.sh build|test|fuzz|bench|e2e|fresh
# As root it runs `apt-get update` once, then `apt-get install`; otherwise
# it prints the command and fails, so nothing is ever installed by hand
# without the user seeing it.
set -euo pipefail

build=(gcc libc6-dev make cmake pkg-config libicu-dev libxml2-dev libjansson-dev libstemmer-dev libpoppler-glib-dev libzip-dev libsqlite3-dev zlib1g-dev nettle-dev libmicrohttpd-dev)
# liblzma-dev, libbz2-dev, libssl-dev: linking libcovenant.a statically (tests/test_install.sh) needs what libxml2 and libzip use
test=(libcmocka-dev valgrind poppler-utils python3-jsonschema sqlite3 jq liblzma-dev libbz2-dev libssl-dev)
# the library on PostgreSQL (tests/test_store_pg.sh, bench/bench_pg.sh): a server the tests start
# themselves, and libpq, dlopen'd at run time (building needs no libpq-dev: src/store/pg_dl.h)
test+=(postgresql-15 libpq5 curl)
# zsh: the zsh completion is run in tests/test_cli.sh
test+=(zsh)
fuzz=(clang libclang-rt-14-dev)
bench=(git poppler-utils wrk postgresql-15 libpq5 jq curl)
# the web app in a browser (tests/e2e): Debian's chromium, driven by playwright-core from npm
e2e=(chromium nodejs)
fresh=(mmdebstrap)

want=("${build[@]}")
case "${1:-build}" in
  build) ;;
  test) want+=("${test[@]}") ;;
  fuzz) want+=("${test[@]}" "${fuzz[@]}") ;;
  bench) want+=("${bench[@]}") ;;
  e2e) want+=("${test[@]}" "${e2e[@]}")
       # npm comes with some builds of nodejs, and is its own package in Debian's
       command -v npm >/dev/null 2>&1 || want+=(npm) ;;
  fresh) want=("${fresh[@]}") ;;
  *) echo "usage: $0 build|test|fuzz|bench|e2e|fresh" >&2; exit 2 ;;
esac

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "covenant needs these Debian packages: ${missing[*]}" >&2
  echo "run:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
# apt's progress goes to a log; it is shown only if something fails.
echo "covenant: installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { apt-get update -q && apt-get install -y -q --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  tail -n 30 "$log" >&2
  echo "covenant: apt-get failed (above); run it yourself:  apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi
