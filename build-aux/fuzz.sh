#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs Code Rescue's libFuzzer targets (tests/fuzz) for a bounded time each
# and fails on the first crash, leak, CRITICAL or sanitizer report.
#
#   bash build-aux/fuzz.sh [seconds]     default 30 seconds per target
#
# It configures build-fuzz with clang, AddressSanitizer and UBSan
# (CC=clang meson setup build-fuzz -Dfuzzing=true
#  -Db_sanitize=address,undefined -Db_lundef=false) and builds only the
# fuzz targets:
#   fuzz-progress     rescue_store_deserialize (the progress file)
#   fuzz-short-codes  rescue_short_codes_new_from_bytes (the sender table)
#   fuzz-details      rescue_support_validate_username/_email and
#                     rescue_support_build_form_uri
#
# Running longer: pass more seconds (bash build-aux/fuzz.sh 3600), or run
# one target by hand, as long as you like, on several cores:
#   UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
#     build-fuzz/tests/fuzz/fuzz-progress -dict=tests/fuzz/json.dict \
#     -jobs=4 -workers=4 build-fuzz/corpus/progress tests/fuzz/corpus/progress
# (fuzz-details reads two strings split at a NUL byte and takes no -dict.)
# Whatever a run finds grows build-fuzz/corpus/<name>, which the next run
# starts from; tests/fuzz/corpus/<name> holds the seeds and is never
# written. A crash is saved as build-fuzz/artifacts/<name>-crash-…: replay
# it with `build-fuzz/tests/fuzz/fuzz-<name> <file>`, and add a small
# input that shows a fixed bug to the seed corpus.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-30}
build_dir=build-fuzz
targets=(progress short-codes details)

if [ ! -f "$build_dir/build.ninja" ]; then
  CC=clang meson setup "$build_dir" -Dfuzzing=true \
    -Db_sanitize=address,undefined -Db_lundef=false --werror
fi
ninja -C "$build_dir" "${targets[@]/#/tests/fuzz/fuzz-}"

# intercept_tls_get_addr=0: see tests/meson.build (LSan tracer crash)
export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=1:intercept_tls_get_addr=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export G_SLICE=always-malloc

status=0
for name in "${targets[@]}"; do
  corpus="$build_dir/corpus/$name"
  artifacts="$build_dir/artifacts"
  dict=()
  if [ "$name" != details ]; then
    dict=(-dict=tests/fuzz/json.dict)
  fi
  mkdir -p "$corpus" "$artifacts"

  echo "== fuzz-$name for $seconds s"
  if ! "$build_dir/tests/fuzz/fuzz-$name" \
         -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
         -print_final_stats=1 "${dict[@]}" \
         -artifact_prefix="$artifacts/$name-" \
         "$corpus" "tests/fuzz/corpus/$name"; then
    echo "fuzz-$name FAILED: see $artifacts/$name-*" >&2
    status=1
  fi
done

exit $status
