#!/usr/bin/env bash
# The README's quick start. On a fresh Debian 12 machine:
#   build-aux/dev.sh run    installs what is missing, builds, opens the sample casebook
#   build-aux/dev.sh test   installs what is missing, builds with warnings as errors,
#                           runs every test, then every test again under
#                           AddressSanitizer + UndefinedBehaviorSanitizer, the
#                           fuzzers for a short while, and the core tests under valgrind
#                           (the crash test not under valgrind: a hundred processes
#                           there would take too long)
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

sample_passphrase="sample"   # the sample casebook's passphrase, shown in the README

configure() {
  local dir=$1; shift
  if [ -f "$dir/build.ninja" ]; then
    meson configure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@"
  fi
}

run() {
  bash build-aux/setup-debian.sh
  # The tests' own tools are not installed for this: `test` turns them on.
  configure build -Dtests=false
  ninja -C build
  local casebook=build/sample.gawah
  if [ ! -f "$casebook" ]; then
    GAWAH_PASSPHRASE=$sample_passphrase build/src/cli/gawah-cli create "$casebook"
    GAWAH_PASSPHRASE=$sample_passphrase build/src/cli/gawah-cli import "$casebook" data/samples/sample-casebook.xml
  fi
  echo
  echo "Sample casebook: $casebook (passphrase: $sample_passphrase)"
  GAWAH_PASSPHRASE=$sample_passphrase build/src/cli/gawah-cli list "$casebook"
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    GSETTINGS_SCHEMA_DIR=build/data exec build/src/app/gawah "$casebook"
  else
    echo "No display: the window cannot open here. The command line shows one case:"
    GAWAH_PASSPHRASE=$sample_passphrase build/src/cli/gawah-cli show "$casebook" \
      "$(GAWAH_PASSPHRASE=$sample_passphrase build/src/cli/gawah-cli search "$casebook" Khattak | cut -f1 | head -n1)"
  fi
}

test_all() {
  bash build-aux/setup-debian.sh --test-tools
  configure build -Dwerror=true -Dtests=true
  ninja -C build
  # The interface tests need a display and a session bus: one of each, private to this run.
  xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- meson test -C build --print-errorlogs

  # Memory errors, leaks and undefined behaviour: a second build, every suite.
  # Leaks in libraries that are not ours are listed, with why, in
  # build-aux/lsan-suppressions. The interface draws with cairo; GL stays off,
  # as Mesa's drivers are loaded and unloaded at run time, and what they keep
  # has no library name left to suppress it by.
  configure build-sanitize -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false
  ninja -C build-sanitize
  # The crash test kills its worker 25 times here rather than 100: every kill
  # costs two casebook openings, several times slower under the sanitizers.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    LSAN_OPTIONS=suppressions="$top/build-aux/lsan-suppressions" GDK_DEBUG=gl-disable \
    GAWAH_CRASH_KILLS=25 \
    xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
    meson test -C build-sanitize --print-errorlogs

  # Hostile input: each libFuzzer target for a short while (clang, build-fuzz).
  bash build-aux/fuzz.sh 20

  meson test -C build --suite core --print-errorlogs \
    --wrap='valgrind --quiet --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite' \
    --logbase valgrind

  python3 build-aux/summarize-tests.py build/meson-logs/testlog.json \
    build-sanitize/meson-logs/testlog.json build/meson-logs/valgrind*.json
}

case "${1:-}" in
  run) run ;;
  test) test_all ;;
  *) echo "usage: build-aux/dev.sh run|test" >&2; exit 2 ;;
esac
