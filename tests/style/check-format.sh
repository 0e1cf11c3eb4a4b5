#!/usr/bin/env bash
# The `style` test: every C++ file of the project is as clang-format-14 formats it with the
# project's .clang-format (Google style, 4 spaces, 100 columns). A file that differs fails
# the test and is named; `clang-format-14 -i FILE` mends it. clang-format comes from
# scripts/deps.txt, so a missing binary is a failure, not a skip.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
fmt=$(command -v clang-format-14 || command -v clang-format || true)
if [[ -z "$fmt" ]]; then
  echo "style: clang-format-14 is not installed (scripts/deps.txt lists it)" >&2
  exit 1
fi
mapfile -t files < <(find src tests bench -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' -o -name '*.c' \) | sort)
if ((${#files[@]} < 100)); then
  echo "style: only ${#files[@]} C++ files found; wrong folder?" >&2
  exit 1
fi
bad=()
for f in "${files[@]}"; do
  if ! "$fmt" --dry-run --Werror "$f" >/dev/null 2>&1; then bad+=("$f"); fi
done
if ((${#bad[@]})); then
  printf 'style: not clang-formatted (run %s -i on it): %s\n' "$fmt" "${bad[@]}" >&2
  exit 1
fi
echo "style: ${#files[@]} files formatted"
