#!/usr/bin/env bash
# bookc setup: installs the Debian packages that are missing and DAISY Ace (npm,
# scripts/install-ace.sh), builds bookc (CMake, Release)
# and compiles the bundled content/ book into dist/<slug>.epub and dist/<slug>.pdf.
# Idempotent: when everything is installed and built it only rebuilds what changed.
#
#   bash scripts/setup.sh            # install + build + compile content/
#   bash scripts/setup.sh --no-book  # install + build only
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

install_packages() {
  local missing=()
  while read -r pkg; do
    [[ -z "$pkg" || "$pkg" == \#* ]] && continue
    # A tool already on the PATH under the package's name counts (NodeSource's nodejs
    # bundles npm, and installing Debian's npm beside it would conflict).
    if [[ "$pkg" == npm ]] && command -v npm >/dev/null; then continue; fi
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done < scripts/deps.txt
  if ((${#missing[@]} == 0)); then
    echo "setup: all Debian packages are installed"
    return
  fi
  echo "setup: installing ${missing[*]}"
  local sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
  local jobs
  jobs=$(nproc 2>/dev/null || echo 2)
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build -j"$jobs"
}

install_packages
bash scripts/install-ace.sh || echo "setup: DAISY Ace is not installed; the validate tests skip it" >&2
build
if [[ "${1:-}" != "--no-book" ]]; then
  ./build/src/cli/bookc build content -o dist
fi
