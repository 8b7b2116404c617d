#!/usr/bin/env bash
# build.sh DIR [CMAKE OPTIONS…] — configure and build covenant in DIR, quietly:
# CMake's and make's progress go to DIR/build.log, shown only when something
# fails.  JOBS sets the parallelism (default: the number of cores).
set -euo pipefail
dir=$1; shift
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$dir"
log="$dir/build.log"
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
echo "covenant: building in $dir (quiet; the log is $log)"
if ! { cmake -S "$root" -B "$dir" "$@" && cmake --build "$dir" -j "$jobs"; } >"$log" 2>&1; then
  # The compiler's own messages first; the whole log is kept for the rest.
  grep -E "error|Error|warning|undefined reference|not found" "$log" | grep -v "^--" | head -n 40 >&2 || true
  echo "covenant: the build failed in $dir; the whole log is $log" >&2
  exit 1
fi
