#!/usr/bin/env python3
"""Regenerates src/analysis/data/common-words.txt: frequent English common words that are not names.

A capitalised name none of whose words is a given name, and with no title or honorific before it,
is a person only when it looks like a personal name: "Virgin Media", "Federal Government",
"Tangalooma Island Resort" each hold a common noun of English, "Murtala Nyako" does not. This file
is that list of common words. Sources, all general and documented, none fitted to an article:

- word frequency: the TOP_N most frequent English words of `wordfreq` 3.1.1 (PyPI; Robyn Speer,
  multi-source frequencies: Wikipedia, subtitles, news, books, web text, Twitter, Reddit);
- common, not proper: only words the SCOWL-based Debian word list `wamerican`
  (/usr/share/dict/american-english) spells in lower case (so "putin" or "london" is out);
- not a name: minus the given names of src/analysis/data/given-names.txt and the MAX_SURNAME_RANK
  most frequent surnames of the 1990 US census (PyPI `names` 0.3.0, dist.all.last): "Brown",
  "West", "Church" end many people's names.

Words of fewer than three letters are dropped. Never edited by hand.

Usage: apt-get install wamerican; python3 scripts/gen-common-words.py
(downloads `wordfreq==3.1.1` and `names==0.3.0` from PyPI into a temp dir).
"""
import glob
import os
import subprocess
import sys
import tarfile
import tempfile

TOP_N = 3000
MAX_SURNAME_RANK = 5000
DICT = "/usr/share/dict/american-english"
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "src", "analysis", "data")
OUT = os.path.join(DATA, "common-words.txt")


def main():
    if not os.path.exists(DICT):
        sys.exit(f"{DICT} missing: apt-get install wamerican")
    lower = {l.strip() for l in open(DICT, encoding="utf-8") if l.strip().islower()}
    given = set(open(os.path.join(DATA, "given-names.txt")).read().replace("\n", "|").split("|"))
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--target", os.path.join(tmp, "wf"),
                        "wordfreq==3.1.1"], check=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                        "-d", tmp, "names==0.3.0"], check=True)
        with tarfile.open(glob.glob(os.path.join(tmp, "names-*.tar.gz"))[0]) as t:
            t.extractall(tmp)
        surnames = set()
        for line in open(glob.glob(os.path.join(tmp, "names-*", "names", "dist.all.last"))[0]):
            parts = line.split()
            if len(parts) >= 4 and int(parts[3]) <= MAX_SURNAME_RANK:
                surnames.add(parts[0].lower())
        sys.path.insert(0, os.path.join(tmp, "wf"))
        from wordfreq import top_n_list
        top = top_n_list("en", TOP_N)
    words = sorted({w for w in top if w.isalpha() and w.isascii() and len(w) >= 3 and w in lower
                    and w not in given and w not in surnames})
    with open(OUT, "w") as f:
        f.write("|".join(words) + "|")  # no newline: the list is read as it is
    print(f"{OUT}: {len(words)} common words (wordfreq top {TOP_N}, lower case in wamerican, "
          f"no given name, no surname of rank <= {MAX_SURNAME_RANK})")


if __name__ == "__main__":
    main()
