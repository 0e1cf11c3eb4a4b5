#!/usr/bin/env bash
# DAISY Ace, the EPUB accessibility checker (https://daisy.github.io/ace), for the `validate`
# tests (tests/validate, which skip Ace with a message when it is missing). Ace comes from npm
# only; it runs its `ace-puppeteer` entry with Debian's chromium (scripts/deps.txt), so
# neither Electron nor a second, downloaded Chromium is fetched. Called by scripts/setup.sh;
# idempotent. The version is pinned so that every machine checks the same rules.
#
#   bash scripts/install-ace.sh
#   PUPPETEER_EXECUTABLE_PATH=/usr/bin/chromium ace-puppeteer -o OUT_DIR book.epub
set -euo pipefail
version=1.4.6
if command -v ace-puppeteer >/dev/null &&
  npm ls -g --depth=0 "@daisy/ace@$version" >/dev/null 2>&1; then
  echo "setup: DAISY Ace $version is installed"
  exit 0
fi
if ! command -v npm >/dev/null; then
  echo "setup: npm is missing (scripts/deps.txt): DAISY Ace not installed" >&2
  exit 1
fi
echo "setup: installing DAISY Ace $version from npm"
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
$sudo env ELECTRON_SKIP_BINARY_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 \
  npm install -g --no-fund --no-audit "@daisy/ace@$version"
