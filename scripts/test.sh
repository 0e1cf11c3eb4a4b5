#!/usr/bin/env bash
# bookc tests: makes sure the packages are installed and the build is current, then runs
# the whole suite through CTest: the doctest unit tests of every stage, the CLI tests, and
# the external validators (epubcheck, qpdf --check, pdffonts, pdftotext, mutool, pdfcheck.py)
# on the books built from content/, examples/ and ../shared/seeds (when present).
# Then the same suite once more under AddressSanitizer + UBSan (scripts/test-sanitized.sh,
# in build-asan/). Fails if either run fails. Arguments go to both ctest runs (-L load …).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
bash scripts/setup.sh --no-book
# The required-tools switch (tests/support/need.hpp): a missing tool or font fails.
export BOOKC_REQUIRE_TOOLS=1
status=0
(cd build && ctest --output-on-failure -j"$(nproc 2>/dev/null || echo 2)" "$@") || status=1
echo "test: the suite again under AddressSanitizer + UBSan (build-asan/)"
bash scripts/test-sanitized.sh "$@" || status=1

# ---- fuzzing (scripts/fuzz.sh, kept separate): a short run of every libFuzzer target when
# clang 14 is installed (it is in deps.txt). BOOKC_FUZZ_SECONDS=0 skips it. The seed is
# fixed (BOOKC_FUZZ_SEED, default 1) so that CI replays the same mutations every run: a
# CI failure is then a change of ours, not the luck of the draw. Only the full suite runs
# it (not a run narrowed with ctest arguments).
if (($# == 0)) && command -v clang++-14 >/dev/null && [[ "${BOOKC_FUZZ_SECONDS:-60}" != 0 ]]; then
  BOOKC_FUZZ_SEED=${BOOKC_FUZZ_SEED:-1} bash "$here/scripts/fuzz.sh" "${BOOKC_FUZZ_SECONDS:-60}" || status=1
fi
exit $status
