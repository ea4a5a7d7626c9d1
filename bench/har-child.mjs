// One measurement in a fresh process: read + JSON.parse (+ analyzeHar | + redactHar). Prints JSON.
//   node bench/har-child.mjs <file.har> parse|analyze|redact
import { readFileSync } from 'node:fs';
import { analyzeHar, redactHar } from '../dist/lib/core/index.js';

const [file, mode] = process.argv.slice(2);
const t0 = performance.now();
const text = readFileSync(file, 'utf8');
const har = JSON.parse(text);
const t1 = performance.now();
let found = 0;
if (mode === 'analyze') found = analyzeHar(har).results.length;
if (mode === 'redact') found = redactHar(har).log.entries.length;
const t2 = performance.now();
// `text` stays referenced to here in every mode, so the modes hold the same inputs.
process.stdout.write(JSON.stringify({ mode, parseMs: t1 - t0, workMs: t2 - t1, totalMs: t2 - t0, maxRssKb: process.resourceUsage().maxRSS, found, bytes: text.length }));
