// One measurement in a fresh process: read + JSON.parse (+ analyzeHar | + redactHar). Prints JSON.
//   node bench/har-child.mjs <file.har> parse|analyze|redact|analyze-warm|analyze-failing|analyze-healthy|analyze-one-failing
// analyze-warm: analyzeHar five times on the same parsed HAR. workMs is the last run: the same
// code on the same data once V8 has profiled and optimized it; firstWorkMs is the first run.
// analyze-failing / analyze-healthy / analyze-one-failing: a first run of analyzeHar on part of the
// entries (status ≥ 400 or no response / the others / the first failing one), to show where the
// first run's time goes. The part is picked out before the clock starts.
import { readFileSync } from 'node:fs';
import { analyzeHar, redactHar } from '../dist/lib/core/index.js';

const [file, mode] = process.argv.slice(2);
const t0 = performance.now();
const text = readFileSync(file, 'utf8');
const har = JSON.parse(text);
const t1 = performance.now();
let found = 0;
let workMs = 0;
let firstWorkMs;
let t2 = t1;
const failing = (e) => !(e?.response?.status >= 100 && e.response.status < 400);
const part =
  mode === 'analyze-failing' ? har.log.entries.filter(failing) : mode === 'analyze-healthy' ? har.log.entries.filter((e) => !failing(e)) : mode === 'analyze-one-failing' ? har.log.entries.filter(failing).slice(0, 1) : null;
if (part) {
  const sub = { log: { ...har.log, entries: part } };
  t2 = performance.now();
  found = analyzeHar(sub).results.length;
}
if (mode === 'analyze') found = analyzeHar(har).results.length;
if (mode === 'redact') found = redactHar(har).log.entries.length;
if (mode === 'analyze-warm') {
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    found = analyzeHar(har).results.length;
    workMs = performance.now() - start;
    firstWorkMs ??= workMs;
  }
} else workMs = performance.now() - t2;
const parseMs = t1 - t0;
// `text` stays referenced to here in every mode, so the modes hold the same inputs.
process.stdout.write(JSON.stringify({ mode, parseMs, workMs, firstWorkMs, totalMs: parseMs + workMs, maxRssKb: process.resourceUsage().maxRSS, found, entries: part ? part.length : har.log.entries.length, bytes: text.length }));
