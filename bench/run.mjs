// `npm run bench` (full) / `npm run bench:quick` (CI): every figure next to its target.
// Writes BENCHMARKS.md (full mode). Exits 1 in quick mode when a regression guard fails.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Bench } from 'tinybench';
import { parseChallenges } from '../dist/lib/core/index.js';
import { writeHar } from './generate-har.mjs';
import { loadPeers } from './peers.mjs';

const quick = process.argv.includes('--quick');
const rows = [];
const guards = [];
const row = (what, value, target, ok) => rows.push({ what, value, target, ok });
const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

// --- Challenge parser vs peers ---------------------------------------------------------------
const corpus = JSON.parse(readFileSync(new URL('../test/fixtures/challenges-corpus.json', import.meta.url), 'utf8'));
const headers = corpus.map((c) => (c.field_lines ?? [c.header]).join(', '));
const peers = await loadPeers();
for (const p of peers) if (p.prepare) headers.forEach((h) => p.prepare(h));

const norm = (list) => list.map((c) => ({ scheme: String(c.scheme).toLowerCase(), token68: c.token68 ?? null, params: Object.fromEntries(Object.entries(c.params ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)])) }));
function conformance(parse) {
  let ok = 0;
  for (const c of corpus) {
    const h = (c.field_lines ?? [c.header]).join(', ');
    let out;
    try {
      out = parse(h);
    } catch {
      out = null;
    }
    if (c.error) ok += out === null ? 1 : 0;
    else if (out !== null && JSON.stringify(norm(out)) === JSON.stringify(norm(c.expected))) ok++;
  }
  return ok;
}
const ours = (h) => {
  const r = parseChallenges(h);
  return r.problems.some((p) => p.severity === 'error') ? null : r.challenges;
};

const bench = new Bench({ time: quick ? 300 : 1500, warmupTime: 200 });
bench.add('AuthLens parseChallenges', () => {
  for (const h of headers) parseChallenges(h);
});
for (const p of peers) {
  bench.add(`${p.name} ${p.version}`, () => {
    for (const h of headers) p.parse(h);
  });
}
await bench.run();
const throughput = new Map();
for (const task of bench.tasks) {
  const hz = task.result?.throughput?.mean ?? task.result?.hz ?? 0;
  throughput.set(task.name, hz * headers.length);
}
const oursHz = throughput.get('AuthLens parseChallenges');
const fastestPeer = Math.max(...peers.map((p) => throughput.get(`${p.name} ${p.version}`)));
const conf = new Map([['AuthLens parseChallenges', conformance(ours)], ...peers.map((p) => [`${p.name} ${p.version}`, conformance(p.parse)])]);
const parserTable = [...throughput.entries()].map(([name, hps]) => `| ${name} | ${fmt(hps)} | ${conf.get(name)}/${corpus.length} |`);
row('parser throughput vs fastest peer', `${fmt(oursHz / fastestPeer, 2)}×`, '≥ 2×', oursHz / fastestPeer >= 2);
// Regression guards (quick mode): fail on a 2× slowdown from the measured baseline, not on noise.
guards.push({ name: 'parser throughput ≥ 0.3× the fastest peer (baseline ≈ 0.6×)', ok: oursHz / fastestPeer >= 0.3 });

// Hostile headers: linear means 10× the input costs about 10× the time.
function timeOf(input) {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    parseChallenges(input, { lenient: i % 2 === 1 });
    best = Math.min(best, performance.now() - t);
  }
  return best;
}
const hostile = { commas: ',', backslashes: '\\', 'unterminated quote': 'a="\\', 'a= repeated': 'a=', token68: 'A' };
const hostileRows = [];
let worst1mb = 0;
let worstRatio = 0;
for (const [name, unit] of Object.entries(hostile)) {
  const make = (n) => 'Bearer ' + unit.repeat(Math.ceil(n / unit.length));
  timeOf(make(10_000));
  const small = timeOf(make(100_000));
  const big = timeOf(make(1_000_000));
  worst1mb = Math.max(worst1mb, big);
  worstRatio = Math.max(worstRatio, big / Math.max(small, 0.01));
  hostileRows.push(`| ${name} | ${fmt(small, 2)} ms | ${fmt(big, 2)} ms | ${fmt(big / Math.max(small, 0.01), 1)}× |`);
}
row('1 MB hostile header (worst)', `${fmt(worst1mb, 1)} ms`, '< 50 ms', worst1mb < 50);
row('hostile 100 KB → 1 MB cost (worst)', `${fmt(worstRatio, 1)}×`, '≈ 10× (linear)', worstRatio < 20);
guards.push({ name: 'hostile input stays linear (10× input ≤ 20× time)', ok: worstRatio <= 20 });

// --- HAR analysis and redaction ----------------------------------------------------------------
const dir = mkdtempSync(join(tmpdir(), 'authlens-har-'));
const sizes = quick ? [10e6] : [10e6, 100e6];
const harRows = [];
function child(file, mode) {
  return JSON.parse(execFileSync(process.execPath, ['--max-old-space-size=8192', new URL('./har-child.mjs', import.meta.url).pathname, file, mode], { encoding: 'utf8' }));
}
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const bytes of sizes) {
  const file = join(dir, `gen-${bytes}.har`);
  const size = writeHar(file, bytes);
  const runs = quick ? 3 : bytes > 50e6 ? 3 : 5;
  const parse = [];
  const analyze = [];
  const redact = [];
  for (let i = 0; i < runs; i++) {
    parse.push(child(file, 'parse'));
    analyze.push(child(file, 'analyze'));
  }
  redact.push(child(file, 'redact'));
  const parseMs = median(parse.map((r) => r.totalMs));
  const analyzeMs = median(analyze.map((r) => r.totalMs));
  const ratio = analyzeMs / parseMs;
  const parseRss = median(parse.map((r) => r.maxRssKb)) * 1024;
  const analyzeRss = median(analyze.map((r) => r.maxRssKb)) * 1024;
  const extraMem = (analyzeRss - parseRss) / size;
  const redactMBs = size / 1e6 / (redact[0].workMs / 1000);
  const mb = fmt(size / 1e6);
  harRows.push(`| ${mb} MB | ${fmt(parseMs)} ms | ${fmt(analyzeMs)} ms | ${fmt(ratio, 2)}× | ${fmt(parseRss / 1e6)} MB | ${fmt(analyzeRss / 1e6)} MB | ${fmt(extraMem, 2)}× | ${fmt(redactMBs, 1)} MB/s |`);
  row(`${mb} MB HAR: (read+parse+analyze) / (read+parse)`, `${fmt(ratio, 2)}×`, '≤ 1.25×', ratio <= 1.25);
  row(`${mb} MB HAR: extra peak memory / file size`, `${fmt(extraMem, 2)}×`, '≤ 0.5×', extraMem <= 0.5);
  row(`${mb} MB HAR: redactHar`, `${fmt(redactMBs, 1)} MB/s`, '(reported)', true);
  guards.push({ name: `analysis on ${mb} MB stays within 5× parsing (baseline ≈ 2.5×)`, ok: ratio <= 5 });
}

// --- Report ------------------------------------------------------------------------------------
const table = ['| figure | measured | target | |', '|---|---|---|---|', ...rows.map((r) => `| ${r.what} | ${r.value} | ${r.target} | ${r.ok ? 'PASS' : 'MISS'} |`)].join('\n');
console.log(table);
if (quick) {
  for (const g of guards) console.log(`${g.ok ? 'ok  ' : 'FAIL'} ${g.name}`);
  process.exit(guards.every((g) => g.ok) ? 0 : 1);
}
const versions = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const md = `# Benchmarks

Measured ${new Date().toISOString().slice(0, 10)} on ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), ${fmt(totalmem() / 2 ** 30, 0)} GiB RAM, Node ${process.version}; vite ${versions.devDependencies.vite}, TypeScript ${versions.devDependencies.typescript}. Reproduce with \`npm run bench\` (\`npm run bench:quick\` is the CI version).

## Summary for README

${table}

## Challenge parser: ${corpus.length} corpus headers per iteration, interleaved in one run (tinybench)

| parser | headers/s | corpus cases right |
|---|---|---|
${parserTable.join('\n')}

Hostile headers (best of 5):

| pattern | 100 KB | 1 MB | growth |
|---|---|---|---|
${hostileRows.join('\n')}

## HAR analysis (fresh process per run, median; generated Chrome-style HARs)

| file | read+parse | read+parse+analyze | ratio | peak RSS parse | peak RSS analyze | extra / file | redactHar |
|---|---|---|---|---|---|---|---|
${harRows.join('\n')}
`;
writeFileSync(new URL('../BENCHMARKS.md', import.meta.url), md);
console.log('\nwrote BENCHMARKS.md');
