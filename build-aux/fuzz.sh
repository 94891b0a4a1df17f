#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang in build-fuzz and runs each
# for a while on a copy of its seed corpus (fuzz/corpus/<target>/), so that
# the seeds in the repository stay as they are. Any crash, sanitizer report,
# leak or input slower than the timeout fails the run; the input that did it
# is left in build-fuzz/fuzz-runs/<target>/ and named in the output.
#
# Usage: build-aux/fuzz.sh [seconds per target, default 20] [target ...]
# Needs clang and libclang-rt-14-dev (build-aux/setup-debian.sh --test-tools).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

seconds=${1:-20}
shift || true
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  targets=(casebook-import csv-import esf-import csv-reader date)
fi

build=build-fuzz
if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" -Dfuzzing=true -Dwerror=true -Db_lundef=false
fi
ninja -C "$build"

# Leaks count as findings; glib's type system keeps what it registers for the
# whole process, which LeakSanitizer does not report since it stays reachable.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:allocator_may_return_null=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export G_DEBUG=gc-friendly
export LC_ALL=C.UTF-8

# The casebooks the targets import into live on a tmpfs when there is one,
# in a folder removed at the end whatever happens to the targets.
scratch_root=/dev/shm
[ -d "$scratch_root" ] && [ -w "$scratch_root" ] || scratch_root=${TMPDIR:-/tmp}
scratch=$(mktemp -d "$scratch_root/gawah-fuzz.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export TMPDIR=$scratch

runs=$build/fuzz-runs
failed=()
for target in "${targets[@]}"; do
  work=$runs/$target
  rm -rf "$work"
  mkdir -p "$work/corpus" "$work/artifacts"
  cp fuzz/corpus/"$target"/* "$work/corpus/"
  dict=()
  case "$target" in
    casebook-import) dict=(-dict=fuzz/casebook.dict) ;;
    esf-import) dict=(-dict=fuzz/esf.dict) ;;
    csv-import|csv-reader) dict=(-dict=fuzz/csv.dict) ;;
  esac
  echo "fuzz-$target: $seconds s"
  if "$build/fuzz/fuzz-$target" "${dict[@]}" \
       -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
       -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
       "$work/corpus" >"$work/log" 2>&1; then
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)' "$work/log" | sed "s/^/  /"
  else
    echo "fuzz-$target FAILED; the end of its log ($work/log):" >&2
    tail -n 40 "$work/log" >&2
    ls "$work/artifacts" >&2
    failed+=("$target")
  fi
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz.sh: findings in ${failed[*]}" >&2
  exit 1
fi
echo "fuzz.sh: no crash, leak or timeout in ${targets[*]}"
