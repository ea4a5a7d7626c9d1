// Fails when the JavaScript the panel page loads to start (its scripts and their static imports)
// grows past the budget (DESIGN §6: 60 KB gzip). Chunks loaded on first use (detail pane, summary,
// export/redaction) are listed too, with their own total.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 60;
const dist = process.argv[2] ?? 'dist/chrome';
const panelHtml = readFileSync(join(dist, 'src/devtools/panel.html'), 'utf8');

// The panel page's scripts and everything they import, followed through the chunk graph.
const seen = new Set();
const queue = [...panelHtml.matchAll(/<(?:script[^>]+src|link[^>]+href)="([^"]+\.js)"/g)].map((m) => m[1]);
while (queue.length) {
  const ref = queue.shift().replace(/^\//, '');
  const file = ref.startsWith('assets/') || ref.startsWith('src/') ? ref : join('assets', ref);
  if (seen.has(file)) continue;
  seen.add(file);
  const code = readFileSync(join(dist, file), 'utf8');
  for (const m of code.matchAll(/(?:from|import)\s*\(?\s*["']\.?\/?((?:assets\/)?[\w.-]+\.js)["']/g)) {
    const dep = m[1].startsWith('assets/') ? m[1] : join('assets', m[1]);
    if (!seen.has(dep)) queue.push(dep);
  }
}
// Lazy chunks: dynamic import() targets (the minifier writes them with backticks), and what
// those load in turn (a menu that loads redaction on use).
const lazy = new Set();
const toScan = [...seen];
while (toScan.length) {
  const code = readFileSync(join(dist, toScan.shift()), 'utf8');
  const dynamic = [...code.matchAll(/import\(\s*[`"']\.?\/?((?:assets\/)?[\w.-]+\.js)[`"']\s*\)/g)];
  // A lazy chunk's own static imports load with it.
  const staticOfLazy = lazy.size ? [...code.matchAll(/(?:from|import)\s*["']\.?\/?((?:assets\/)?[\w.-]+\.js)["']/g)] : [];
  for (const m of [...dynamic, ...staticOfLazy]) {
    const dep = m[1].startsWith('assets/') ? m[1] : join('assets', m[1]);
    if (!seen.has(dep) && !lazy.has(dep)) {
      lazy.add(dep);
      toScan.push(dep);
    }
  }
}
let lazyGz = 0;
for (const file of lazy) lazyGz += gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
let raw = 0;
let gz = 0;
for (const file of seen) {
  const buf = readFileSync(join(dist, file));
  raw += buf.length;
  gz += gzipSync(buf, { level: 9 }).length;
}
const kb = (n) => (n / 1024).toFixed(1);
console.log(`panel JavaScript at start: ${seen.size} files, ${kb(raw)} KB raw, ${kb(gz)} KB gzip (budget ${BUDGET_KB} KB)`);
console.log(`loaded on first use: ${lazy.size} files, ${kb(lazyGz)} KB gzip (${[...lazy].map((f) => f.replace(/^assets\//, '')).join(', ')})`);
if (gz > BUDGET_KB * 1024) {
  console.error(`over budget by ${kb(gz - BUDGET_KB * 1024)} KB (${gz - BUDGET_KB * 1024} bytes)`);
  process.exit(1);
}
