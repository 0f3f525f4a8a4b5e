#!/usr/bin/env node
// Summarises a V8 .cpuprofile (node --cpu-prof): self time by function and by file, top N.
//   node bench/cpuprofile-summary.mjs <file.cpuprofile> [top=40]
import * as fs from 'node:fs';

const [file, topArg] = process.argv.slice(2);
const top = Number(topArg ?? 40);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
// timeDeltas[i] is the time before samples[i]: attribute it to that sample's node.
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const byFunction = new Map();
const byFile = new Map();
for (const [id, us] of self) {
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  const where = url ? url.replace(/^.*\//, '') : '(native)';
  const fn = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  byFile.set(where, (byFile.get(where) ?? 0) + us);
}
const print = (title, map) => {
  console.log(`\n${title}`);
  for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${(us / 1000).toFixed(1).padStart(9)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`);
};
console.log(`total ${(total / 1000).toFixed(0)} ms in ${profile.samples.length} samples`);
print('self time by function', byFunction);
print('self time by file', byFile);

// Native calls (system calls, GC) by the JavaScript function that made them.
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const viaCaller = new Map();
for (const [id, us] of self) {
  const node = byId.get(id);
  if (node.callFrame.url) continue;
  let p = parent.get(id);
  const chain = [];
  while (p !== undefined && chain.length < 3) {
    const f = byId.get(p).callFrame;
    if (f.url && !f.url.startsWith('node:')) chain.push(`${f.functionName || '(anonymous)'}:${f.lineNumber + 1}`);
    p = parent.get(p);
  }
  const key = `${node.callFrame.functionName} ← ${chain.join(' ← ')}`;
  viaCaller.set(key, (viaCaller.get(key) ?? 0) + us);
}
print('native time by caller', viaCaller);

// Inclusive time: each sample counts once for every distinct function on its stack.
const inclusive = new Map();
const frameName = (n) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url ? n.callFrame.url.replace(/^.*\//, '') : '(native)'}:${n.callFrame.lineNumber + 1}`;
for (const [id, us] of self) {
  const seen = new Set();
  for (let p = id; p !== undefined; p = parent.get(p)) seen.add(frameName(byId.get(p)));
  for (const name of seen) inclusive.set(name, (inclusive.get(name) ?? 0) + us);
}
print('inclusive time by function', inclusive);
