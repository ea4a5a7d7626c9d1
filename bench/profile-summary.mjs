// Summarize a V8 .cpuprofile: self time per function (file:line), top N. Usage: node bench/profile-summary.mjs file.cpuprofile [N] [filter]
import { readFileSync } from 'node:fs';

export function summarize(path, n = 15, filter = '') {
  const p = JSON.parse(readFileSync(path, 'utf8'));
  const dt = new Map();
  for (let i = 0; i < p.samples.length; i++) dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
  const self = new Map();
  let total = 0;
  for (const node of p.nodes) {
    const t = (dt.get(node.id) ?? 0) / 1000;
    total += t;
    const cf = node.callFrame;
    const key = `${cf.functionName || '(anonymous)'} ${cf.url ? cf.url.replace(/^.*\/(dist|node_modules)\//, '$1/') + ':' + (cf.lineNumber + 1) : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + t);
  }
  const rows = [...self].filter(([k]) => k.includes(filter)).sort((a, b) => b[1] - a[1]).slice(0, n);
  return { total, rows };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { total, rows } = summarize(process.argv[2], Number(process.argv[3] ?? 15), process.argv[4] ?? '');
  console.log(`total ${total.toFixed(0)} ms`);
  for (const [k, t] of rows) console.log(`${t.toFixed(1).padStart(9)} ms ${((100 * t) / total).toFixed(1).padStart(5)}%  ${k}`);
}

/** Inclusive time per function (each sample counted once per function on its stack), under `root`. */
export function inclusive(path, root = '', n = 25) {
  const p = JSON.parse(readFileSync(path, 'utf8'));
  const byId = new Map(p.nodes.map((x) => [x.id, x]));
  const parent = new Map();
  for (const x of p.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const name = (x) => `${x.callFrame.functionName || '(anonymous)'} ${x.callFrame.url ? x.callFrame.url.replace(/^.*\/(dist|node_modules)\//, '$1/') + ':' + (x.callFrame.lineNumber + 1) : ''}`.trim();
  const incl = new Map();
  let rootTotal = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const d = (p.timeDeltas[i] ?? 0) / 1000;
    const names = new Set();
    let id = p.samples[i];
    let underRoot = !root;
    while (id !== undefined) {
      const nm = name(byId.get(id));
      names.add(nm);
      if (root && nm.startsWith(root + ' ')) underRoot = true;
      id = parent.get(id);
    }
    if (!underRoot) continue;
    rootTotal += d;
    for (const nm of names) incl.set(nm, (incl.get(nm) ?? 0) + d);
  }
  return { total: rootTotal, rows: [...incl].sort((a, b) => b[1] - a[1]).slice(0, n) };
}
