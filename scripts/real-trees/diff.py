#!/usr/bin/env python3
"""diff.py <a.jsonl> <b.jsonl>: per tree E/W/I before -> after, findings that appeared/disappeared
(keyed by ruleId+file+line+severity), exit changes, and summary totals. Trees only in <a> (a run limited with
ONLY=) are counted in one line, not listed; totals are over the trees in both."""
import json, sys
from collections import Counter

def load(p):
    d = {}
    for line in open(p, encoding="utf-8"):
        line = line.strip()
        if line:
            r = json.loads(line); d[r["tree"]] = r
    return d

def ewi(r):
    c = Counter(f["severity"] for f in r.get("findings", []))
    return (c["error"], c["warning"], c["info"])

def keys(r):
    return Counter((f["ruleId"], f["file"], f["line"], f["severity"]) for f in r.get("findings", []))

a, b = load(sys.argv[1]), load(sys.argv[2])
tot_a, tot_b = [0, 0, 0], [0, 0, 0]
changed = 0
not_run = sorted(set(a) - set(b))
for t in sorted(set(b)):
    ra, rb = a.get(t), b.get(t)
    if ra is None:
        print(f"{t}: only in after"); changed += 1
        continue
    ea, eb = ewi(ra), ewi(rb)
    for i in range(3): tot_a[i] += ea[i]; tot_b[i] += eb[i]
    ka, kb = keys(ra), keys(rb)
    gone, new = ka - kb, kb - ka
    if ea == eb and not gone and not new and ra["exit"] == rb["exit"]:
        continue
    changed += 1
    print(f"{t}: E/W/I {ea[0]}/{ea[1]}/{ea[2]} -> {eb[0]}/{eb[1]}/{eb[2]}  exit {ra['exit']} -> {rb['exit']}"
          + (f"  [{rb.get('error')}]" if rb.get("error") else ""))
    for k in sorted(gone): print(f"  - {k[3]:7} {k[0]}  {k[1]}:{k[2]}" + (f" x{gone[k]}" if gone[k] > 1 else ""))
    for k in sorted(new):  print(f"  + {k[3]:7} {k[0]}  {k[1]}:{k[2]}" + (f" x{new[k]}" if new[k] > 1 else ""))
if not_run: print(f"\n{len(not_run)} trees of the first file not in the second (not run): left out of the totals")
a = {t: r for t, r in a.items() if t in b}
x2a = sum(1 for r in a.values() if r["exit"] not in (0, 1)); x2b = sum(1 for r in b.values() if r["exit"] not in (0, 1))
print(f"\ntrees {len(a)} -> {len(b)}, changed {changed}; E/W/I {tot_a[0]}/{tot_a[1]}/{tot_a[2]} -> "
      f"{tot_b[0]}/{tot_b[1]}/{tot_b[2]}; exit-2/crash trees {x2a} -> {x2b}")
