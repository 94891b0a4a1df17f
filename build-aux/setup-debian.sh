#!/usr/bin/env bash
# Installs what Gawah needs on Debian 12 (bookworm): the build tools, GLib, libxml2,
# GTK 4 and libadwaita, and SQLCipher 4.6 from bookworm-backports (Debian 12's own
# SQLCipher 3.4 has no FTS5). The backports suite is added on the mirror this machine
# already uses; no host name is written here.
#
# Usage: build-aux/setup-debian.sh [--test-tools]
set -euo pipefail

want_test_tools=0
for arg in "$@"; do
  case "$arg" in
    --test-tools) want_test_tools=1 ;;
    *) echo "setup-debian.sh: unknown option '$arg'" >&2; exit 2 ;;
  esac
done

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "setup-debian.sh: run as root or install sudo" >&2
  exit 1
fi

packages=(
  gcc libc6-dev pkg-config meson ninja-build
  libglib2.0-dev libglib2.0-bin libxml2-dev libxml2-utils gettext libssl-dev
  libgtk-4-dev libadwaita-1-dev libepoxy-dev
  xvfb xauth dbus dbus-x11 at-spi2-core
  desktop-file-utils appstream
  fonts-noto-core fonts-dejavu-core locales
)
# AddressSanitizer and UBSan come with gcc; valgrind checks the core tests too;
# strace watches the app for network sockets (tests/test-no-network.sh);
# the accessibility test reads the app over AT-SPI from Python; the report
# tests read PDFs back with poppler-utils; the fuzzers (build-aux/fuzz.sh) are
# built with clang and its libFuzzer runtime.
if [ "$want_test_tools" -eq 1 ]; then
  packages+=(valgrind strace poppler-utils)
  packages+=(clang libclang-rt-14-dev)
  packages+=(python3-gi gir1.2-atspi-2.0)
fi
backport_packages=(libsqlcipher-dev sqlcipher)

# The first suite line of the machine's own configuration names its Debian mirror.
debian_mirror() {
  local uri=""
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    uri=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources)
  fi
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri=$(awk '$1 == "deb" && $3 == "bookworm" { for (i = 2; i <= NF; i++) if ($i !~ /^\[/) { print $i; exit } }' \
          /etc/apt/sources.list)
  fi
  printf '%s' "$uri"
}

enable_backports() {
  local list=/etc/apt/sources.list.d/gawah-bookworm-backports.list
  if grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    return 0
  fi
  local uri
  uri=$(debian_mirror)
  if [ -z "$uri" ]; then
    echo "setup-debian.sh: no bookworm mirror found in /etc/apt to add bookworm-backports" >&2
    exit 1
  fi
  echo "deb $uri bookworm-backports main" | "${as_root[@]}" tee "$list" >/dev/null
  need_update=1
}

installed() {
  dpkg-query -W -f='${Status}\n' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

sqlcipher_is_new_enough() {
  local v
  v=$(dpkg-query -W -f='${Version}' libsqlcipher-dev 2>/dev/null || true)
  [ -n "$v" ] && dpkg --compare-versions "$v" ge 4.6
}

missing=()
for p in "${packages[@]}"; do installed "$p" || missing+=("$p"); done

need_update=0
enable_backports
if [ "${#missing[@]}" -gt 0 ] || ! sqlcipher_is_new_enough || ! installed sqlcipher; then
  need_update=1
fi

if [ "$need_update" -eq 1 ]; then
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -q
  if [ "${#missing[@]}" -gt 0 ]; then
    "${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
  "${as_root[@]}" apt-get install -y -q --no-install-recommends -t bookworm-backports "${backport_packages[@]}"
fi

# Tests run the interface in Urdu and English with the real locale machinery.
if ! locale -a 2>/dev/null | grep -qi '^en_US.utf8$'; then
  "${as_root[@]}" sed -i 's/^# *\(en_US.UTF-8 UTF-8\)/\1/; s/^# *\(ur_PK UTF-8\)/\1/' /etc/locale.gen
  "${as_root[@]}" locale-gen >/dev/null
fi
