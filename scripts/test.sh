#!/usr/bin/env bash
# bookc tests: makes sure the packages are installed and the build is current, then runs
# the whole suite through CTest: the doctest unit tests of every stage, the CLI tests, and
# the external validators (epubcheck, qpdf --check, pdffonts, pdftotext, mutool, pdfcheck.py)
# on the books built from content/, examples/ and ../shared/seeds (when present).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"
bash scripts/setup.sh --no-book
cd build
ctest --output-on-failure -j"$(nproc 2>/dev/null || echo 2)" "$@"

# ---- fuzzing (scripts/fuzz.sh, kept separate): a short run of every libFuzzer target when
# clang 14 is installed (it is in deps.txt). BOOKC_FUZZ_SECONDS=0 skips it.
if command -v clang++-14 >/dev/null && [[ "${BOOKC_FUZZ_SECONDS:-60}" != 0 ]]; then
  bash "$here/scripts/fuzz.sh" "${BOOKC_FUZZ_SECONDS:-60}"
fi
