#!/usr/bin/env python3
"""Letter-spacing inside Latin runs of a PDF, as `key=value` lines for the C++ tests.

Usage: latin_spacing.py BOOK.pdf [LIMIT_EM]

For each pair of adjacent Latin characters on a line (ASCII graphic, Latin-1/Extended
letters), the gap between the first glyph's box (its PDF width) and the second glyph's
origin, from mutool's structured text, in em of the font size. Kerning moves a few pairs;
letter-spacing opens them all, so a line counts as letter-spaced when it has at least four
Latin pairs and their median gap exceeds LIMIT_EM (default 0.021: the typesetter allows a
trace of 0.02 em inside URLs and paths).
"""
import statistics
import subprocess
import sys
import xml.etree.ElementTree as ET


def latin(c):
    o = ord(c)
    return 0x21 <= o <= 0x7E or 0xC0 <= o <= 0x24F


pdf = sys.argv[1]
limit = float(sys.argv[2]) if len(sys.argv) > 2 else 0.021
p = subprocess.run(["mutool", "draw", "-q", "-F", "stext", "-o", "-", pdf], capture_output=True, text=True)
if p.returncode != 0:
    print("error=" + p.stderr.strip().replace("\n", " ")[:300])
    sys.exit(1)
lines = worst = 0
max_median = 0.0
examples = []
for pi, page in enumerate(ET.fromstring(p.stdout).iter("page")):
    for line in page.iter("line"):
        chars = []
        for font in line.iter("font"):
            size = float(font.get("size"))
            for ch in font.iter("char"):
                quad = [float(v) for v in ch.get("quad").split()]
                chars.append((ch.get("c"), float(ch.get("x")), quad[2], size))
        gaps = [(b[1] - a[2]) / a[3] for a, b in zip(chars, chars[1:]) if latin(a[0]) and latin(b[0])]
        if len(gaps) < 4:
            continue
        lines += 1
        m = statistics.median(gaps)
        max_median = max(max_median, m)
        if m > limit:
            worst += 1
            if len(examples) < 5:
                examples.append("p%d: %s" % (pi + 1, "".join(c[0] for c in chars)))
print("latin_lines=%d" % lines)
print("letterspaced_lines=%d" % worst)
print("max_median_gap_em=%.3f" % max_median)
print("examples=" + " | ".join(examples))
