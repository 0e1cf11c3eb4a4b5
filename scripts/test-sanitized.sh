#!/usr/bin/env bash
# The whole suite again, built with AddressSanitizer (leak checker on) and UBSan in
# build-asan/: a heap overflow, a use after free, a leak or undefined behaviour in bookc
# fails the test that ran into it. Tests that run the bookc command run build-asan's, as
# each build folder's tests name their own binary. Called by scripts/test.sh after the
# normal suite; run alone with the same arguments as ctest (e.g. -L load).
#
# The Debian libraries are not instrumented; what LeakSanitizer reports inside them (and
# only there) is suppressed in scripts/sanitizers/lsan.supp, each entry with its reason.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
jobs=$(nproc 2>/dev/null || echo 2)
# -O1 -g1: stack traces with lines, at about half the compile time of -O2 -g.
cmake -S . -B build-asan -DBOOKC_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
  -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" >/dev/null
cmake --build build-asan -j"$jobs"

export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=0:print_stacktrace=1:strict_string_checks=1:check_initialization_order=1:detect_stack_use_after_return=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$here/scripts/sanitizers/lsan.supp:print_suppressions=0"
cd build-asan
ctest --output-on-failure -j"$jobs" "$@"
