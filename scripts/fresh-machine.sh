#!/usr/bin/env bash
# fresh-machine.sh — the README's two commands on a fresh Debian 12 machine.
#
# Makes (once, then reuses) a minimal Debian 12 root with mmdebstrap — minbase
# plus `make`, the one package the README lets a user install by hand — and
# for each run: unpacks it afresh, copies in a clean export of this repository
# (the committed HEAD, as a clone would have it) and ../shared beside it, then
# runs `make demo` and `make test` inside it with chroot, as root, as a new
# user would.  Whatever those commands need they must install themselves.
#
#   scripts/fresh-machine.sh            make demo, make test, then make install
#   scripts/fresh-machine.sh test demo  the steps named, in that order
#
# Environment: COVENANT_FRESH_CACHE (default ~/.cache/covenant-fresh) keeps the
# pristine root and the downloaded .deb files between runs; DEBIAN_MIRROR;
# COVENANT_FRESH_MAX_AGE (days before the pristine root is made again, 7).
# Needs root (chroot, mount); as another user it prints the command and stops.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
[ $# -gt 0 ] || set -- demo test install
steps=("$@")
cache=${COVENANT_FRESH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/covenant-fresh}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
max_age=${COVENANT_FRESH_MAX_AGE:-7}

if [ "$(id -u)" -ne 0 ]; then
  echo "fresh-machine: needs root (chroot and mount): run  sudo $0 ${steps[*]}" >&2
  exit 1
fi
scripts_dir="$src/scripts"
"$scripts_dir/deps.sh" fresh

mkdir -p "$cache/archives/partial"
pristine="$cache/bookworm-minbase.tar"
if [ ! -s "$pristine" ] || [ -n "$(find "$pristine" -mtime +"$max_age" 2>/dev/null)" ]; then
  echo "fresh-machine: making a minimal Debian 12 root (mmdebstrap, minbase + make)"
  rm -f "$cache/bookworm-minbase.tmp.tar"
  mmdebstrap --quiet --variant=minbase --include=make bookworm "$cache/bookworm-minbase.tmp.tar" "$mirror"
  mv "$cache/bookworm-minbase.tmp.tar" "$pristine"
fi

work=$(mktemp -d "${TMPDIR:-/var/tmp}/covenant-fresh.XXXXXX")
root="$work/root"
mounted=()
cleanup() {
  local m
  for m in "${mounted[@]}"; do umount -l "$m" 2>/dev/null || true; done
  mkdir -p "$cache/logs"; cp "$work"/*.log "$cache/logs/" 2>/dev/null || true
  rm -rf --one-file-system "$work"
}
trap cleanup EXIT
mkdir -p "$root"
tar -xf "$pristine" -C "$root"

# A clean export: what a clone of the repository holds, nothing from this tree's build.
mkdir -p "$root/src/covenant"
git -C "$src" archive --format=tar HEAD | tar -x -C "$root/src/covenant"
if [ -d "$src/../shared" ]; then
  cp -a "$(readlink -f "$src/../shared")" "$root/src/shared"
else
  echo "fresh-machine: no ../shared beside the repository: the corpus tests will skip" >&2
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"

# The downloaded packages are kept between runs (the same .deb files apt would fetch).
mount --bind "$cache/archives" "$root/var/cache/apt/archives"; mounted=("$root/var/cache/apt/archives" "${mounted[@]}")
mount -t proc proc "$root/proc"; mounted=("$root/proc" "${mounted[@]}")
if [ ! -e "$root/dev/null" ]; then
  mount --rbind /dev "$root/dev"; mounted=("$root/dev" "${mounted[@]}")
else
  # pseudo-terminals, as any machine has (the CLI's colour and wrapping tests
  # open one): a devpts of the root's own; the root's /dev is its own too
  mkdir -p "$root/dev/pts"
  mount -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts "$root/dev/pts"; mounted=("$root/dev/pts" "${mounted[@]}")
  rm -f "$root/dev/ptmx"; ln -s pts/ptmx "$root/dev/ptmx"
fi

status=0
for step in "${steps[@]}"; do
  case "$step" in
    demo|test) run="make $step" ;;
    # installed, it runs from anywhere with its data and man page
    install) run="make install && cd / && covenant check /src/covenant/examples/veridia-2024.txt >/dev/null && test -f /usr/local/share/man/man1/covenant.1" ;;
    *) echo "fresh-machine: unknown step '$step' (demo, test, install)" >&2; exit 2 ;;
  esac
  echo "== fresh Debian 12: make $step"
  start=$(date +%s)
  if chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      TERM=dumb LANG=C.UTF-8 /bin/bash -c "cd /src/covenant && $run" >"$work/$step.log" 2>&1; then
    echo "== fresh Debian 12: make $step passed in $(( $(date +%s) - start )) s"
    if [ "$step" = demo ]; then
      # The demo's output is for people: no make or CMake chatter, no escape codes in a pipe.
      if grep -nE "Entering directory|Leaving directory|^-- |Built target|\\[ *[0-9]+%\\]|$(printf '\033')" "$work/$step.log" | head -5 | grep .; then
        echo "fresh-machine: make demo printed build chatter or escape codes (above)" >&2; status=1
      fi
      grep -q '^== ' "$work/$step.log" || { echo "fresh-machine: make demo printed no step titles" >&2; status=1; }
    fi
    tail -n 3 "$work/$step.log"
  else
    echo "== fresh Debian 12: make $step FAILED; its last lines:" >&2
    tail -n 60 "$work/$step.log" >&2
    status=1
    break
  fi
done
echo "fresh-machine: the whole output of each command is in $cache/logs/"
exit $status
