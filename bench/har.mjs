// analyzeHar vs JSON.parse alone, and redactHar throughput, on generated HARs. Every figure comes
// from a fresh child process (no JIT, heap or cache carried over); medians of several runs,
// modes interleaved so machine noise hits them alike.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeHar } from './generate-har.mjs';
import { fmt, median } from './report.mjs';

const CHILD = fileURLToPath(new URL('./har-child.mjs', import.meta.url));

function child(file, mode, extraArgs = []) {
  const out = execFileSync(process.execPath, ['--max-old-space-size=8192', ...extraArgs, CHILD, file, mode], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out);
}

/** Profiles analyzeHar once (node --cpu-prof) and returns the .cpuprofile path. */
export function profileAnalyze(file, dir) {
  child(file, 'analyze', ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  return dir;
}

export async function runHar({ quick = false, sizes = quick ? [10e6] : [10e6, 100e6], log = console.error, keep = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'authlens-har-'));
  const rows = [];
  const guards = [];
  const table = [];
  const data = [];
  try {
    for (const target of sizes) {
      const file = join(dir, `generated-${target}.har`);
      const bytes = writeHar(file, target);
      const mb = fmt(bytes / 1e6, 0);
      const runs = quick ? 3 : 11;
      log(`har: ${mb} MB, ${runs} runs of parse / analyze / redact, each in a fresh process`);
      const parse = [];
      const analyze = [];
      const redact = [];
      for (let i = 0; i < runs; i++) {
        parse.push(child(file, 'parse'));
        analyze.push(child(file, 'analyze'));
        if (i < (quick ? 1 : 2)) redact.push(child(file, 'redact'));
      }
      const parseMs = median(parse.map((r) => r.totalMs));
      const analyzeMs = median(analyze.map((r) => r.totalMs));
      const analysisOnlyMs = median(analyze.map((r) => r.workMs));
      // Each analyze process times its own read+parse first: the ratio within a process leaves out
      // the process-to-process spread of parse times (±10 % on a shared machine).
      const ratio = median(analyze.map((r) => r.totalMs / r.parseMs));
      const parseRss = median(parse.map((r) => r.maxRssKb)) * 1024;
      const analyzeRss = median(analyze.map((r) => r.maxRssKb)) * 1024;
      const redactRss = median(redact.map((r) => r.maxRssKb)) * 1024;
      const extra = (analyzeRss - parseRss) / bytes;
      const redactMBs = bytes / 1e6 / (median(redact.map((r) => r.workMs)) / 1000);
      const findings = analyze[0].found;
      // The floor of the first run: the same analysis, in one process, once V8 has optimized it
      // (the fifth run on the same parsed HAR). The difference to the first run is the time the
      // engine's code spends unoptimized or waiting for the optimizing compiler.
      const headline = target >= 100e6 || quick;
      const warm = headline && !quick ? [0, 1, 2].map(() => child(file, 'analyze-warm')) : [];
      const warmMs = warm.length ? median(warm.map((r) => r.workMs)) : null;
      const warmRatio = warm.length ? median(warm.map((r) => (r.parseMs + r.workMs) / r.parseMs)) : null;
      // Where a first run's time goes: the failing requests (every rule, the token, the challenge,
      // the wording) against the healthy ones (a few header look-ups each), each part alone in a
      // fresh process; and the first failing request alone (the code's first-call cost).
      const split = {};
      if (headline && !quick) {
        const parts = { failing: [], healthy: [], one: [] };
        for (let i = 0; i < 5; i++) {
          parts.failing.push(child(file, 'analyze-failing'));
          parts.healthy.push(child(file, 'analyze-healthy'));
          parts.one.push(child(file, 'analyze-one-failing'));
        }
        for (const [name, runs] of Object.entries(parts)) split[name] = { ms: median(runs.map((r) => r.workMs)), entries: runs[0].entries };
      }
      // The same first run with one thread in Node's V8 pool instead of four: V8's optimizing
      // compiler works on those threads while the analysis runs, and on a 2-core machine four of
      // them take turns on the analysis's core. Reported, to show what that costs; the target is
      // judged on Node's defaults.
      const onePool = headline && !quick ? Array.from({ length: 7 }, () => child(file, 'analyze', ['--v8-pool-size=1'])) : [];
      const onePoolRatio = onePool.length ? median(onePool.map((r) => r.totalMs / r.parseMs)) : null;
      const onePoolMs = onePool.length ? median(onePool.map((r) => r.workMs)) : null;
      data.push({ bytes, parseMs, analyzeMs, analysisOnlyMs, ratio, parseRss, analyzeRss, redactRss, extra, redactMBs, findings, file, warmMs, warmRatio, split, onePoolRatio, onePoolMs });
      table.push(
        `| ${mb} MB (${fmt(findings)} entries with findings) | ${fmt(parseMs)} ms | ${fmt(analyzeMs)} ms (analysis ${fmt(analysisOnlyMs)} ms) | ${fmt(ratio, 3)}× | ${warmMs === null ? '—' : `${fmt(warmRatio, 2)}× (analysis ${fmt(warmMs)} ms)`} | ${fmt(parseRss / 1e6)} MB (${fmt(parseRss / bytes, 1)}× file) | ${fmt(analyzeRss / 1e6)} MB | ${fmt(extra, 2)}× | ${fmt(redactMBs, 1)} MB/s (peak ${fmt(redactRss / 1e6)} MB) |`,
      );
      // Three decimals: at the target, two would print 1.25× next to a miss.
      // DESIGN §6's targets are for a 100 MB HAR; the quick run's 10 MB file only reports (its
      // guard is the regression check below), instead of marking a miss against a target that is
      // not its own.
      const judged = target >= 100e6;
      const notMine = '(reported; the target is for 100 MB)';
      rows.push({ what: `${mb} MB HAR: (read+parse+analyze) / (read+parse)`, value: `${fmt(ratio, 3)}× (${fmt(analyzeMs)} / ${fmt(parseMs)} ms)`, target: judged ? '≤ 1.25×' : headline ? notMine : '(reported)', ok: judged ? ratio <= 1.25 : null });
      if (warmMs !== null) {
        rows.push({ what: `${mb} MB HAR: the same, analysis already optimized by V8 (5th run in one process)`, value: `${fmt(warmRatio, 2)}× (analysis ${fmt(warmMs)} ms)`, target: '(reported)', ok: null });
      }
      if (onePoolRatio !== null) {
        rows.push({ what: `${mb} MB HAR: the same first run, one V8 pool thread (node --v8-pool-size=1)`, value: `${fmt(onePoolRatio, 3)}× (analysis ${fmt(onePoolMs)} ms)`, target: '(reported)', ok: null });
      }
      if (split.failing) {
        const { failing, healthy, one } = split;
        const each = (failing.ms - one.ms) / Math.max(1, failing.entries - 1);
        rows.push({ what: `${mb} MB HAR, first run: the ${fmt(failing.entries)} failing requests alone`, value: `${fmt(failing.ms)} ms (the first alone ${fmt(one.ms)} ms, then ≈ ${fmt(each * 1000)} µs each)`, target: '(reported)', ok: null });
        rows.push({ what: `${mb} MB HAR, first run: the ${fmt(healthy.entries)} other requests alone`, value: `${fmt(healthy.ms)} ms (≈ ${fmt((healthy.ms / healthy.entries) * 1000, 1)} µs each)`, target: '(reported)', ok: null });
      }
      rows.push({ what: `${mb} MB HAR: analysis's extra peak RSS / file size`, value: `${fmt(extra, 2)}× (${fmt(parseRss / 1e6)} → ${fmt(analyzeRss / 1e6)} MB)`, target: judged ? '≤ 0.5×' : headline ? notMine : '(reported)', ok: judged ? extra <= 0.5 : null });
      rows.push({ what: `${mb} MB HAR: redactHar throughput`, value: `${fmt(redactMBs, 1)} MB/s`, target: '(reported)', ok: null });
      // Baseline ≈ 1.6–1.8×: analysis adds ≈ 0.7× read+parse on this small file; twice that, with room for noise, is 3×.
      guards.push({ name: `analysis on ${mb} MB ≤ 3× read+parse (baseline ≈ 1.6–1.8×)`, value: `${fmt(ratio, 2)}×`, ok: ratio <= 3 });
    }
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
  const markdown = `## HAR analysis and redaction

Generated Chrome-style HARs (\`bench/generate-har.mjs\`, seed 42: API calls with bearer JWTs, documents, scripts, base64 images, redirects, CORS preflights, cookies, ~3 % 401/403). Each figure is the median of fresh Node processes (\`bench/har-child.mjs\`): read the file (UTF-8) + \`JSON.parse\`, then nothing / \`analyzeHar\` / \`redactHar\`. The ratio is the median, over the analyze processes, of each one's (read+parse+analyze) / (its own read+parse); the two time columns are medians across processes. Peak memory is the process's maximum RSS (\`process.resourceUsage().maxRSS\`); "extra" is analyze's peak minus parse-only's peak, over the file size.

The "optimized" column runs \`analyzeHar\` five times on the same parsed HAR in one process (\`analyze-warm\`) and gives the fifth run: the same code once V8 has profiled and optimized it. The difference to a first run is the time the engine's code runs before V8 has optimized it (the caches it keeps between runs are small: a few URL prefixes, the last 64 tokens).

The "one V8 pool thread" row runs the same first analysis in processes started with \`--v8-pool-size=1\` (Node's default is 4). V8's optimizing compiler runs on that pool while the analysis runs (about 85 ms of compiling for this file's first run, counted with \`--trace-opt\`); on a machine with 2 cores, four pool threads take turns with the analysis on its core, one does not. The difference is what the engine's own compiling costs the first run here, not work of the analysis.

The two "first run" rows split that first run: \`analyzeHar\` on the failing requests alone (status ≥ 400 or none) and on the others alone, each in a fresh process, and on the first failing request alone (what the code costs the first time it runs: compiling it, the first regular-expression runs).

| file | read+parse | read+parse+analyze | ratio | optimized | peak RSS parse | peak RSS analyze | extra / file | redactHar |
|---|---|---|---|---|---|---|---|---|
${table.join('\n')}
`;
  return { rows, guards, markdown, data, dir };
}
