#!/usr/bin/env bash
# The app never opens a network connection: runs a program (the whole-app
# interface test) under strace and checks every socket it creates is a
# local one (AF_UNIX: the X server, D-Bus, accessibility). Speaks TAP.
# Usage: test-no-network.sh PROGRAM [ARGUMENT...]
set -u

echo "1..4"
if ! command -v strace >/dev/null 2>&1; then
  echo "not ok 1 - strace is installed (bash build-aux/setup-debian.sh --test-tools)"
  echo "not ok 2 - # the program was not run"
  echo "not ok 3 - # the program was not run"
  echo "not ok 4 - # the program was not run"
  exit 1
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
# LeakSanitizer cannot run under ptrace: in a sanitizer build the program
# checks memory errors here and leaks in the same test run without strace.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
strace -f -qq -e trace=socket,connect -o "$log" "$@" >/dev/null 2>&1
status=$?
failures=0
check() {
  if [ "$1" -eq 0 ]; then echo "ok $2 - $3"; else echo "not ok $2 - $3"; failures=$((failures + 1)); fi
}

check "$status" 1 "the program ran and passed under strace"
grep -q 'socket(AF_UNIX' "$log"; check $? 2 "strace saw the program's local sockets"
others=$(grep -o 'socket(AF_[A-Z0-9_]*' "$log" | grep -v 'AF_UNIX' | sort -u | tr '\n' ' ')
[ -z "$others" ]; check $? 3 "no socket but AF_UNIX was created${others:+ (found: $others)}"
connects=$(grep 'connect(' "$log" | grep -v 'sa_family=AF_UNIX' | head -3 | tr '\n' ' ')
[ -z "$connects" ]; check $? 4 "no connection to anything but a local socket${connects:+ (found: $connects)}"
[ "$failures" -eq 0 ]
