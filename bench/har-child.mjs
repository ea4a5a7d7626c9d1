// One measurement in a fresh process: read + JSON.parse (+ analyzeHar | + redactHar). Prints JSON.
//   node bench/har-child.mjs <file.har> parse|analyze|redact|analyze-warm
// analyze-warm: analyzeHar five times on the same parsed HAR. workMs is the last run: the same
// code on the same data once V8 has profiled and optimized it; firstWorkMs is the first run.
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
if (mode === 'analyze') found = analyzeHar(har).results.length;
if (mode === 'redact') found = redactHar(har).log.entries.length;
if (mode === 'analyze-warm') {
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    found = analyzeHar(har).results.length;
    workMs = performance.now() - start;
    firstWorkMs ??= workMs;
  }
} else workMs = performance.now() - t1;
const parseMs = t1 - t0;
// `text` stays referenced to here in every mode, so the modes hold the same inputs.
process.stdout.write(JSON.stringify({ mode, parseMs, workMs, firstWorkMs, totalMs: parseMs + workMs, maxRssKb: process.resourceUsage().maxRSS, found, bytes: text.length }));
