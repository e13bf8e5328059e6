#!/usr/bin/env python3
"""Differential test: scores generated cases with jixiao and with the reference scorer
(reference.py, written from docs/rules.md) and requires node-for-node agreement.

usage: run.py JIXIAO [--cases N] [--seed S] [--keep DIR]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402
import reference  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("jixiao")
    ap.add_argument("--cases", type=int, default=600)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep")
    args = ap.parse_args()
    root = args.keep or tempfile.mkdtemp(prefix="jixiao-diff-")
    cases = nodes = refused = 0
    failures = []
    try:
        for seed in range(args.seed, args.seed + args.cases):
            d = gen.make_case(seed, root)
            want = reference.score_case(d)
            run = subprocess.run([args.jixiao, "score", d, "--json"], capture_output=True,
                                 text=True)
            cases += 1
            if want.get("error"):
                refused += 1
                if run.returncode != 1:
                    failures.append((d, "reference refuses, jixiao exit %d" % run.returncode))
                continue
            if run.returncode != 0:
                failures.append((d, "jixiao refused: " + run.stderr.strip()[:300]))
                continue
            card = json.loads(run.stdout)
            got = {i["code"]: round(i["score"] * 100) for i in card["indicators"]}
            for code, hundredths in want["nodes"].items():
                nodes += 1
                if got.get(code) != hundredths:
                    failures.append((d, "%s: jixiao %s, reference %s" %
                                     (code, got.get(code), hundredths)))
            if round(card["total"] * 100) != want["total"] or card["grade"] != want["grade"]:
                failures.append((d, "total/grade %s %s vs %s %s" % (
                    card["total"], card["grade"], want["total"], want["grade"])))
    finally:
        if not args.keep and not failures:
            shutil.rmtree(root, ignore_errors=True)
    for d, why in failures[:30]:
        print("DISAGREE", d, why)
    print("differential: %d cases (%d refused by both), %d nodes compared, %d disagreements" %
          (cases, refused, nodes, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
