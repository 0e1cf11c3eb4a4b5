#!/usr/bin/env python3
"""bookc benchmark: time and peak memory of `bookc build` on a generated large book.

    python3 bench/bench.py [--articles 1000] [--chars 3000] [--format pdf] [--keep]

Generates a deterministic book (default: 1,000 Markdown articles of about 3,000 Chinese
characters each, every third one with a readers' comments block: about 3 million
characters, the size the typesetting issue names) from the paragraphs of content/, then
runs the built bookc on it and prints wall time, CPU time and peak RSS, plus the output
size and page count. Numbers are for comparing builds on the same machine; the test suite
never times anything.
"""
import argparse
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def paragraphs():
    out = []
    for dirpath, _, files in os.walk(os.path.join(ROOT, "content")):
        for f in sorted(files):
            if not f.endswith((".md", ".txt")):
                continue
            text = open(os.path.join(dirpath, f), encoding="utf-8").read()
            for p in re.split(r"\n\s*\n", text):
                p = p.strip()
                han = sum(1 for c in p if "\u4e00" <= c <= "\u9fff")
                if han > 40 and not p.startswith(("<", "#", "-", "|", "`", ">", "!", "[")) and "\n" not in p:
                    out.append(p)
    if not out:
        sys.exit("bench: no paragraphs found in content/")
    return out


def generate(dest, articles, chars):
    rnd = random.Random(20261122)
    paras = paragraphs()
    if os.path.exists(dest):
        shutil.rmtree(dest)
    os.makedirs(dest)
    total = 0
    for i in range(1, articles + 1):
        body, n = [], 0
        while n < chars:
            p = rnd.choice(paras)
            body.append(p)
            n += len(p)
        sections = []
        for k, p in enumerate(body):
            if k and k % 6 == 0:
                sections.append("## 第%d节\n" % (k // 6))
            sections.append(p + "\n")
        text = "# 第%d篇 %s\n\n%s" % (i, body[0][:12], "\n".join(sections))
        if i % 3 == 0:
            items = []
            for c in range(5):
                items.append('<li><img src="https://example.invalid/a/%d.jpg" width="30px"><span>读者%d</span> '
                             '👍（%d） 💬（0）<div>%s</div>2024-0%d-1%d</li><br/>'
                             % (c, c, rnd.randint(0, 50), rnd.choice(paras)[:80], 1 + c, c))
            text += "\n<div><strong>精选留言（5）</strong></div><ul>\n%s\n</ul>\n" % "".join(items)
        total += len(text)
        with open(os.path.join(dest, "%04d.md" % i), "w", encoding="utf-8") as f:
            f.write(text)
    with open(os.path.join(dest, "book.toml"), "w", encoding="utf-8") as f:
        f.write('[book]\ntitle = "基准测试之书"\nauthors = ["bookc"]\nslug = "bench"\ndate = 2026-01-01\n')
    return total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--chars", type=int, default=3000)
    ap.add_argument("--format", default="pdf")
    ap.add_argument("--bookc", default=os.path.join(ROOT, "build", "src", "cli", "bookc"))
    ap.add_argument("--keep", action="store_true", help="keep bench/out")
    a = ap.parse_args()
    out = os.path.join(HERE, "out")
    book = os.path.join(out, "book")
    t = time.time()
    n = generate(book, a.articles, a.chars)
    print("generated %d articles, %d characters in %.1fs" % (a.articles, n, time.time() - t))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.time()
    p = subprocess.run([a.bookc, "build", book, "-o", os.path.join(out, "dist"), "--format", a.format, "-q"],
                       capture_output=True, text=True, env=dict(os.environ, SOURCE_DATE_EPOCH="1700000000"))
    wall = time.time() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        print(p.stderr[-3000:])
        sys.exit("bench: bookc failed with %d" % p.returncode)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print("bookc build --format %s: wall %.2fs, cpu %.2fs, peak RSS %.0f MB"
          % (a.format, wall, cpu, after.ru_maxrss / 1024))
    for f in sorted(os.listdir(os.path.join(out, "dist"))):
        path = os.path.join(out, "dist", f)
        line = "  %s: %.1f MB" % (f, os.path.getsize(path) / 1048576)
        if f.endswith(".pdf") and shutil.which("pdfinfo"):
            info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
            m = re.search(r"Pages:\s+(\d+)", info)
            if m:
                line += ", %s pages" % m.group(1)
        print(line)
    if not a.keep:
        shutil.rmtree(out)


if __name__ == "__main__":
    main()
