#!/usr/bin/env python3
"""Flattens ../shared/tools/pdfcheck.py's JSON into `key=value` lines for the C++ tests.

Usage: pdf_metrics.py PDFCHECK BOOK.pdf SOURCE.txt
"""
import json
import subprocess
import sys

pdfcheck, pdf, source = sys.argv[1:4]
p = subprocess.run([sys.executable, pdfcheck, pdf, "--source", source, "--json", "-", "--quiet"],
                   capture_output=True, text=True)
if p.returncode != 0:
    print("error=" + p.stderr.strip().replace("\n", " ")[:300])
    sys.exit(1)
R = json.loads(p.stdout)
L = R.get("layout", {})
J = L.get("justification", {})
F = R.get("fidelity", {})
S = R.get("structure", {})
hist = L.get("indent_hist_em", {})
# Most lines start at the text block's edge (0.0); the first-line indent is the peak of
# the indented lines.
indented = {k: v for k, v in hist.items() if float(k) > 0.6}
peak = max(indented.items(), key=lambda kv: kv[1])[0] if indented else "none"
out = {
    "pages": R.get("pages"),
    "lines_total": L.get("lines_total"),
    "start_prohibited": L.get("start_prohibited"),
    "end_prohibited": L.get("end_prohibited"),
    "split_dash": L.get("split_dash"),
    "split_ellipsis": L.get("split_ellipsis"),
    "latin_split": L.get("latin_words_split_without_hyphen"),
    "hyphenated_lines": L.get("hyphenated_lines"),
    "flush_right_ratio": J.get("flush_right_ratio"),
    "overfull_lines": J.get("overfull_lines"),
    "indent_peak_em": peak,
    "orphan_char_lines": L.get("orphan_char_lines"),
    "heading_at_page_bottom": L.get("heading_at_page_bottom"),
    "han_recall": F.get("han_recall"),
    "replacement_chars": R.get("replacement_chars"),
    "private_use_chars": R.get("private_use_chars"),
    "compat_ideographs": R.get("compat_ideographs"),
    "fonts_all_embedded": R.get("fonts", {}).get("all_embedded"),
    "fonts_all_subset": R.get("fonts", {}).get("all_subset"),
    "fonts_all_tounicode": R.get("fonts", {}).get("all_tounicode"),
    "outline_items": S.get("outline_items"),
    "page_labels": bool(S.get("page_labels")),
    "links_internal": S.get("links_internal"),
    "lang": S.get("lang"),
    "qpdf_ok": R.get("qpdf_check", {}).get("ok"),
}
for k, v in out.items():
    print("%s=%s" % (k, v))
print("missing=" + json.dumps(F.get("missing_chunks", []), ensure_ascii=False))
print("examples=" + json.dumps(L.get("examples", {}), ensure_ascii=False)[:2000])
