#!/usr/bin/env python3
"""summary.py <run.jsonl> [FETCHED.tsv]: one line for a run.sh baseline: trees run, exit-2 count, totals of
errors/warnings/infos, crashes and timeouts (any exit other than 0, 1, 2, or exit 1/2 with no report).
With FETCHED.tsv (unpack.sh's log), the same totals without the trees unpacked `partial` (whose snapshot lacked
files of 4 MiB and more), so that a difference from an earlier baseline can be put down to them or not."""
import csv, json, sys
from collections import Counter


def load(path):  # one record a tree: run.sh before session 59 linted a tree listed by two sweeps twice
    recs = {}
    for line in open(path, encoding="utf-8"):
        if line.strip():
            rec = json.loads(line)
            recs[rec["tree"]] = rec
    return list(recs.values())


def totals(recs):
    c = Counter(f["severity"] for r in recs for f in r.get("findings", []))
    return f"{c['error']}/{c['warning']}/{c['info']}"


recs = load(sys.argv[1])
exit2 = [r for r in recs if r["exit"] == 2]
# exit 2 with an error line but no report is "nothing lint-deploy reads"; a crash is another exit or a report lost
crashed = [r for r in recs if r["exit"] not in (0, 1, 2) or (r["exit"] == 1 and r.get("summary") is None)]
line = f"{len(recs)} trees run, {len(exit2)} exit 2, E/W/I {totals(recs)}"
if len(sys.argv) > 2:
    with open(sys.argv[2], encoding="utf-8") as f:
        partial = {row["key"] for row in csv.DictReader(f, delimiter="\t") if row["status"] == "partial"}
    whole = [r for r in recs if r["tree"] not in partial]
    moved = sorted(r["tree"] for r in recs if r["tree"] in partial and r.get("findings"))
    line += f"; without the {len(recs) - len(whole)} partial trees {totals(whole)}"
    line += f" (partial trees with findings: {', '.join(moved) or 'none'})"
line += "; crashes/timeouts: " + (
    ", ".join(f"{r['tree']} exit {r['exit']} [{r.get('error', '')}]" for r in crashed) or "none"
)
print(line)
