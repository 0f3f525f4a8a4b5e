#!/bin/bash
# run.sh <cli.js> <out.jsonl> : lint every tree of $TREES (default /work/try/real-trees; in origins.tsv order) with --format json,
# one JSON line per tree: {tree, exit, summary, findings:[{ruleId,severity,file,line,message}]}
# (exit 2 / no JSON: summary null, "error": first line of stderr). Paths relative to the tree.
# Optional: ONLY="owner+name ..." limits the run to those trees (to extend a baseline).
set -u
cli=$(readlink -f "$1"); out=$(readlink -f "$2")
here=$(cd "$(dirname "$0")" && pwd)
trees=${TREES:-/work/try/real-trees}
: > "$out"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# a repository listed by two sweeps (OktaySavdi/Liberty: corpus52 and lead52) is linted once
tail -n +2 "$here/origins.tsv" | cut -f1 | awk '!seen[$0]++' | while read -r repo; do
  key=${repo/\//+}; t="$trees/$key"
  [ -d "$t" ] || continue
  if [ -n "${ONLY:-}" ] && [[ " $ONLY " != *" $key "* ]]; then continue; fi
  ( cd "$t" && timeout 300 node "$cli" --format json . >"$tmp/o" 2>"$tmp/e" ); rc=$?
  python3 - "$key" "$rc" "$tmp/o" "$tmp/e" >>"$out" <<'PY'
import json, sys
tree, rc, o, e = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
rec = {"tree": tree, "exit": rc}
try:
    rep = json.load(open(o, encoding="utf-8", errors="replace"))
    rec["summary"] = rep.get("summary")
    rec["findings"] = [{k: f.get(k) for k in ("ruleId", "severity", "file", "line", "message")}
                       for f in rep.get("findings", [])]
except Exception:
    rec["summary"] = None
    rec["findings"] = []
    lines = open(e, encoding="utf-8", errors="replace").read().strip().splitlines()
    rec["error"] = lines[0] if lines else ("timeout" if rc == 124 else "no JSON on stdout")
if rc not in (0, 1) and "error" not in rec:
    lines = open(e, encoding="utf-8", errors="replace").read().strip().splitlines()
    rec["error"] = lines[0] if lines else ""
print(json.dumps(rec, ensure_ascii=False, sort_keys=True))
PY
  echo "$key exit=$rc" >&2
done
