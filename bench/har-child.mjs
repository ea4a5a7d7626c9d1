// One measurement in a fresh process: read + parse (+ analyze | + redact). Prints JSON.
import { readFileSync } from 'node:fs';
import { analyzeHar, redactHar } from '../dist/lib/core/index.js';

const [file, mode] = process.argv.slice(2);
const t0 = performance.now();
const text = readFileSync(file, 'latin1');
const har = JSON.parse(text);
const t1 = performance.now();
let findings = 0;
if (mode === 'analyze') findings = analyzeHar(har).results.length;
if (mode === 'redact') redactHar(har);
const t2 = performance.now();
process.stdout.write(JSON.stringify({ parseMs: t1 - t0, workMs: t2 - t1, totalMs: t2 - t0, maxRssKb: process.resourceUsage().maxRSS, findings }));
