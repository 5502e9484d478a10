#!/usr/bin/env python3
"""Accuracy gate on real news from everywhere (issue 9): quotes, speakers, stakeholders, relations.

Usage (from anywhere):
    python3 scripts/eval_world.py            # builds the CLI (release), scores, exits 1 below a floor
    python3 scripts/eval_world.py --verbose  # also the per-article stakeholder report
    python3 scripts/eval_world.py --save DIR # keeps predictions (quotes.jsonl, analyses.jsonl) in DIR

Reads ../shared/eval/ beside the checkout (never copied into the project):
  - devset.jsonl + score.py: the 2016 US-politics devset (quotes and speakers);
  - world-dev.jsonl + score.py: 14 real articles from nine countries (quotes and speakers);
  - world-dev-stakeholders.json + score_stakeholders.py: their stakeholders and relations.
When ../shared is absent it prints "skipped: ../shared not present" and exits 0.

Each world-dev item is analysed as the article a newsroom would publish: {"headline", "date",
"body": text} through `stakeholder-map analyze` (the analysis JSON, with an "id" added, is what
score_stakeholders.py reads); its quotes through `stakeholder-map predict` on the body.

Floors (exit 1 below any): the figures measured when the gate last moved, so that a change that
loses accuracy anywhere fails. TARGETS are issue 9's goals, printed beside them; a floor is raised
whenever the figure improves (never lowered to let a change through).
"""

import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EVAL = os.path.join(ROOT, "..", "shared", "eval")

# (label, floor, target, higher_is_better)
FLOORS = {
    "devset strict attribution": (0.95, 0.95, True),
    "devset end-to-end F1": (0.92, 0.92, True),
    "world span F1": (0.99, 0.97, True),
    "world strict attribution": (0.96, 0.92, True),
    "world end-to-end F1": (0.99, 0.90, True),
    # the same articles hard-wrapped at 72 columns inside their paragraphs (as many CMSes and
    # feeds deliver them): read as the same paragraphs, so the same figures
    "world strict attribution, hard-wrapped": (0.96, 0.92, True),
    "world end-to-end F1, hard-wrapped": (0.99, 0.90, True),
    "world named stakeholder recall": (0.95, 0.90, True),
    "world stakeholder splits": (3, 3, False),
    "world false merges": (0, 1, False),
    "world kind accuracy": (0.95, 0.90, True),
    "world relation pair recall": (0.53, 0.50, True),
    "world relation pair precision": (0.82, 0.60, True),
    # the pair and its kind (our "criticises" read as the scorer's "criticizes"); no target in
    # the issue, so the target is the floor
    "world relation pair+kind recall": (0.30, 0.30, True),
}


def binary():
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    exe = os.path.join(target, "release", "stakeholder-map")
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "stakeholder-map"], cwd=ROOT, check=True)
    return exe


def quote_scores(exe, data, tmp, name):
    pred = os.path.join(tmp, f"{name}-quotes.jsonl")
    with open(pred, "w") as f:
        subprocess.run([exe, "predict", data], stdout=f, check=True)
    out = subprocess.run([sys.executable, os.path.join(EVAL, "score.py"), data, pred, "--strict", "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout), pred


def jsonl(path):
    """The items of a JSON-lines file (blank lines skipped)."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def us_kinds(path, tmp):
    """A copy of the analyses with the relation kind "criticises" spelt as the gold's "criticizes"
    (the scorer maps British "organisation" for stakeholders but not for relations)."""
    out_path = os.path.join(tmp, "analyses-us-kinds.jsonl")
    with open(out_path, "w", encoding="utf-8") as out:
        for item in jsonl(path):
            for r in item.get("relations") or []:
                if r.get("kind") == "criticises":
                    r["kind"] = "criticizes"
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return out_path


def analyses(exe, data, tmp):
    path = os.path.join(tmp, "analyses.jsonl")
    with open(path, "w", encoding="utf-8") as out:
        for item in jsonl(data):
            article = {"headline": item.get("headline") or "", "body": item["text"]}
            if item.get("date"):
                article["date"] = item["date"]
            src = os.path.join(tmp, "article.json")
            with open(src, "w", encoding="utf-8") as a:
                json.dump(article, a, ensure_ascii=False)
            res = subprocess.run([exe, "analyze", "--compact", src], capture_output=True, text=True)
            if res.returncode != 0:
                print(f"{item['id']}: analyze failed: {res.stderr.strip()}", file=sys.stderr)
                continue
            analysis = json.loads(res.stdout)
            analysis["id"] = item["id"]
            # Only body mentions count (the scorer's offsets are into the item text).
            for s in analysis.get("stakeholders", []):
                s["mentions"] = [m for m in s.get("mentions", []) if m.get("field", "body") == "body"]
            out.write(json.dumps(analysis, ensure_ascii=False) + "\n")
    return path


def hard_wrap(text, width=72):
    """The text as a CMS or feed hard-wraps it: inside each paragraph a space becomes a line
    break wherever a line would pass `width` (one char for one, so gold offsets still hold)."""
    chars = list(text)
    col, last_space = 0, None
    for i, c in enumerate(chars):
        if c == "\n":
            col, last_space = 0, None
            continue
        if c == " ":
            last_space = i
        col += 1
        if col > width and last_space is not None:
            chars[last_space] = "\n"
            col, last_space = i - last_space, None
    return "".join(chars)


def wrapped_copy(data, tmp):
    path = os.path.join(tmp, "world-wrapped.jsonl")
    with open(path, "w", encoding="utf-8") as out:
        for item in jsonl(data):
            item["text"] = hard_wrap(item["text"])
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return path


def main():
    args = sys.argv[1:]
    if not os.path.isfile(os.path.join(EVAL, "world-dev.jsonl")) or not os.path.isfile(os.path.join(EVAL, "score.py")):
        print("skipped: ../shared not present")
        return 0
    save = args[args.index("--save") + 1] if "--save" in args else None
    exe = binary()
    with tempfile.TemporaryDirectory() as tmp:
        work = save or tmp
        os.makedirs(work, exist_ok=True)
        dev, _ = quote_scores(exe, os.path.join(EVAL, "devset.jsonl"), work, "devset")
        world_data = os.path.join(EVAL, "world-dev.jsonl")
        world, wpred = quote_scores(exe, world_data, work, "world")
        wrapped, _ = quote_scores(exe, wrapped_copy(world_data, work), work, "world-wrapped")
        apath = analyses(exe, world_data, work)
        gold = os.path.join(EVAL, "world-dev-stakeholders.json")
        scorer = os.path.join(EVAL, "score_stakeholders.py")
        st = json.loads(subprocess.run([sys.executable, scorer, gold, apath, "--json"],
                                       capture_output=True, text=True, check=True).stdout)
        kpath = us_kinds(apath, work)
        st_kind = json.loads(subprocess.run([sys.executable, scorer, gold, kpath, "--json"],
                                            capture_output=True, text=True, check=True).stdout)
        if "--verbose" in args:
            subprocess.run([sys.executable, scorer, gold, apath, "-v"])
            subprocess.run([sys.executable, os.path.join(EVAL, "score.py"), world_data, wpred, "--strict", "--by-style"])
    o = st.get("overall", st)
    figs = {
        "devset strict attribution": dev["attribution_accuracy_strict"],
        "devset end-to-end F1": dev["end_to_end"]["f1"],
        "world span F1": world["spans"]["overlap50"]["f1"],
        "world strict attribution": world["attribution_accuracy_strict"],
        "world end-to-end F1": world["end_to_end"]["f1"],
        "world strict attribution, hard-wrapped": wrapped["attribution_accuracy_strict"],
        "world end-to-end F1, hard-wrapped": wrapped["end_to_end"]["f1"],
        "world named stakeholder recall": o["recall_named"],
        "world stakeholder splits": o["splits"],
        "world false merges": o["merges"],
        "world kind accuracy": o["kind_acc"],
        "world relation pair recall": o["rel_pair_recall"],
        "world relation pair precision": o["rel_pair_precision"],
        "world relation pair+kind recall": st_kind.get("overall", st_kind)["rel_pair_kind_recall"],
    }
    print("== accuracy on the devset (US politics 2016) and world-dev (14 real articles, nine countries)")
    bad = 0
    for name, (floor, target, up) in FLOORS.items():
        v = figs[name]
        ok = v >= floor if up else v <= floor
        met = v >= target if up else v <= target
        bad += not ok
        cmp = ">=" if up else "<="
        val = f"{v:.3f}" if isinstance(v, float) else f"{v}"
        print(f"  {name:32s} {val:>7s}   floor {cmp} {floor:<5}  target {cmp} {target:<5}"
              f"  {'ok' if ok else 'BELOW FLOOR'}{'' if met else '  (target not met)'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
