#!/usr/bin/env bash
# run.sh — the web app end to end: a library made here, `covenant serve` on a
# free loopback port, Debian's Chromium (/usr/bin/chromium, headless) driven
# by playwright-core from npm — never a downloaded browser.  Screenshots go
# to $E2E_OUT (build/e2e/).
#
# Without chromium, node or playwright-core it skips (exit 77, which ctest
# reports as skipped) and says what to install — unless COVENANT_E2E_REQUIRED=1
# (CI, `make e2e`), where a missing piece is a failure.
# `run.sh --check` only says whether it would be skipped, and why (make test
# prints it, since ctest shows nothing of a skipped test).
set -u
here=$(cd "$(dirname "$0")" && pwd)
required=${COVENANT_E2E_REQUIRED:-0}
check=0
[ "${1:-}" = --check ] && check=1

skip() {
  if [ "$check" = 1 ]; then
    echo "covenant: the web app's end-to-end test (e2e) was skipped: $1"
    exit 0
  fi
  if [ "$required" = 1 ]; then
    echo "e2e: FAIL: $1"
    exit 1
  fi
  echo "SKIP: e2e: $1"
  exit 77
}
[ -x /usr/bin/chromium ] || skip "no /usr/bin/chromium (scripts/deps.sh e2e installs Debian's chromium)"
command -v node >/dev/null || skip "no node (scripts/deps.sh e2e installs nodejs)"
if [ ! -d "$here/node_modules/playwright-core" ]; then
  if [ "$required" = 1 ] && command -v npm >/dev/null; then
    (cd "$here" && npm ci --no-audit --no-fund) || skip "npm ci in tests/e2e failed"
  else
    skip "playwright-core is not installed: run  (cd tests/e2e && npm ci)  or  make e2e"
  fi
fi
[ "$check" = 1 ] && exit 0
bin=${COVENANT_BIN:?}
src=${COVENANT_SOURCE:?}
out=${E2E_OUT:-$src/build/e2e}
mkdir -p "$out"
exec node "$here/serve.e2e.mjs" "$bin" "$src" "$out"
