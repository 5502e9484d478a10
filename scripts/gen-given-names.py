#!/usr/bin/env python3
"""Regenerates src/analysis/data/given-names.txt: the most common given names, with their gender.

Source: the US Census Bureau's 1990 list of frequently occurring first names ("Frequently
Occurring First Names and Surnames From the 1990 Census", public domain), as shipped in the PyPI
package `names` 0.3.0 (files dist.male.first and dist.female.first: name, frequency in percent,
cumulative frequency, rank). Every name with a frequency of at least MIN_PERCENT is kept; a name on
both lists goes to the list where it is more frequent. Nothing is added by hand: the analysis
must not know the names of any article's people.

Usage: python3 scripts/gen-given-names.py   (downloads `names==0.3.0` from PyPI into a temp dir)
"""
import glob
import os
import subprocess
import sys
import tarfile
import tempfile

MIN_PERCENT = 0.01
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "analysis", "data", "given-names.txt")


def read(path):
    out = {}
    for line in open(path):
        parts = line.split()
        if len(parts) >= 2 and float(parts[1]) >= MIN_PERCENT:
            out[parts[0].lower()] = float(parts[1])
    return out


def main():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                        "-d", tmp, "names==0.3.0"], check=True)
        with tarfile.open(glob.glob(os.path.join(tmp, "names-*.tar.gz"))[0]) as t:
            t.extractall(tmp)
        base = glob.glob(os.path.join(tmp, "names-*", "names"))[0]
        male = read(os.path.join(base, "dist.male.first"))
        female = read(os.path.join(base, "dist.female.first"))
    m = sorted(n for n, f in male.items() if f >= female.get(n, 0))
    w = sorted(n for n, f in female.items() if f > male.get(n, 0))
    with open(OUT, "w") as f:
        f.write("|".join(m) + "\n" + "|".join(w) + "\n")
    print(f"{OUT}: {len(m)} male, {len(w)} female given names (frequency >= {MIN_PERCENT}% in the 1990 US census)")


if __name__ == "__main__":
    main()
