#!/usr/bin/env bash
# deps.sh — install the Debian 12 packages covenant needs, or say exactly
# which command to run.  Usage: scripts/deps.sh build|test|fuzz
# As root it runs `apt-get update` once, then `apt-get install`; otherwise
# it prints the command and fails, so nothing is ever installed by hand
# without the user seeing it.
set -euo pipefail

build=(gcc make cmake pkg-config libicu-dev libxml2-dev libjansson-dev libstemmer-dev libpoppler-glib-dev libzip-dev)
test=(libcmocka-dev valgrind poppler-utils jq)
fuzz=(clang libclang-rt-14-dev)

want=("${build[@]}")
case "${1:-build}" in
  build) ;;
  test) want+=("${test[@]}") ;;
  fuzz) want+=("${test[@]}" "${fuzz[@]}") ;;
  *) echo "usage: $0 build|test|fuzz" >&2; exit 2 ;;
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
echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
