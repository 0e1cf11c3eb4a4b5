#!/usr/bin/env bash
# Screenshots of an EPUB chapter as readers see it, in a light and a dark theme: Debian's
# chromium (headless) renders the chapter's XHTML with the book's own stylesheet, once as
# is and once with `--force-dark-mode` (prefers-color-scheme: dark; the stylesheet's
# `color-scheme: light dark` gives the page the dark ground a reading system's night mode
# would). Two views of each: the chapter's opening, and its readers' comments (the chapter
# cut down to its title and comments section, which a screenshot of the top cannot reach).
#
#   bash scripts/epub-screenshots.sh BOOK.epub OUT_DIR [CHAPTER]
#
# CHAPTER is a file name under OEBPS/text/ (default: the first chapter whose comments have
# an author's reply).
# Writes OUT_DIR/<chapter>-{light,dark}.png and OUT_DIR/<chapter>-comments-{light,dark}.png.
set -euo pipefail
if (($# < 2)); then
  echo "usage: $0 BOOK.epub OUT_DIR [CHAPTER.xhtml]" >&2
  exit 2
fi
epub=$(realpath "$1")
out=$(mkdir -p "$2" && realpath "$2")
browser=${CHROMIUM:-chromium}
command -v "$browser" >/dev/null || { echo "$0: chromium is not installed (scripts/deps.txt)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unzip -q "$epub" -d "$work"
text="$work/OEBPS/text"
chapter=${3:-}
if [[ -z "$chapter" ]]; then
  # The first chapter with an author's reply among its comments, else with comments.
  chapter=$(grep -l 'class="comment-reply"' "$text"/*.xhtml | head -n 1 || true)
  [[ -n "$chapter" ]] || chapter=$(grep -l 'class="comments"' "$text"/*.xhtml | head -n 1 || true)
  [[ -n "$chapter" ]] || chapter=$(ls "$text"/ch*.xhtml | head -n 1)
  chapter=$(basename "$chapter")
fi
name=${chapter%.xhtml}

# The comments view: the same document with only the title and the comments section kept.
python3 - "$text/$chapter" "$text/$name-comments.xhtml" <<'PY'
import sys
import xml.etree.ElementTree as ET
X = "{http://www.w3.org/1999/xhtml}"
ET.register_namespace("", "http://www.w3.org/1999/xhtml")
ET.register_namespace("epub", "http://www.idpf.org/2007/ops")
tree = ET.parse(sys.argv[1])
for sec in tree.iter(X + "section"):
    if "chapter" in sec.get("class", "").split():
        for child in list(sec):
            cls = child.get("class", "").split()
            if "chapter-title" not in cls and "comments" not in cls:
                sec.remove(child)
tree.write(sys.argv[2], encoding="utf-8", xml_declaration=True)
PY

shoot() {  # PAGE PNG [EXTRA FLAGS…]
  local page=$1 png=$2
  shift 2
  "$browser" --headless=new --no-sandbox --disable-gpu --hide-scrollbars --mute-audio \
    --window-size=600,900 "$@" --screenshot="$png" "file://$page" >/dev/null 2>&1
  [[ -s "$png" ]] || { echo "$0: chromium wrote no $png" >&2; exit 1; }
  echo "$png"
}
shoot "$text/$chapter" "$out/$name-light.png"
shoot "$text/$chapter" "$out/$name-dark.png" --force-dark-mode
shoot "$text/$name-comments.xhtml" "$out/$name-comments-light.png"
shoot "$text/$name-comments.xhtml" "$out/$name-comments-dark.png" --force-dark-mode
