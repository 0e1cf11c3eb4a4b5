#!/usr/bin/env python3
"""Summarises a DAISY Ace report (report.json) as key=value lines for tests/validate.

  python3 ace_report.py OUT_DIR/report.json

Prints `critical=N`, `serious=N`, `moderate=N`, `minor=N` (violations by impact, each node
counted), `outcome=pass|fail`, the a11y metadata Ace found missing (`missing=a b c`), and one
`violation=<impact> <rule> <file>: <description>` line per failing check (for the test log).
"""
import json
import sys


def main(path):
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    counts = {"critical": 0, "serious": 0, "moderate": 0, "minor": 0}
    lines = []
    for doc in report.get("assertions", []):
        where = doc.get("earl:testSubject", {}).get("url", "?")
        for a in doc.get("assertions", []):
            if a.get("earl:result", {}).get("earl:outcome") != "fail":
                continue
            test = a.get("earl:test", {})
            impact = test.get("earl:impact", "?")
            counts[impact] = counts.get(impact, 0) + 1
            desc = a["earl:result"].get("dct:description", "").replace("\n", " ")
            lines.append(f"violation={impact} {test.get('dct:title', '?')} {where}: {desc[:200]}")
    for k, v in counts.items():
        print(f"{k}={v}")
    print("outcome=" + report.get("earl:result", {}).get("earl:outcome", "?"))
    print("missing=" + " ".join(report.get("a11y-metadata", {}).get("missing", [])))
    for line in lines:
        print(line)


if __name__ == "__main__":
    main(sys.argv[1])
