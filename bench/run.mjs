// `npm run bench`: every figure next to its DESIGN §6 target (PASS/MISS), written to BENCHMARKS.md.
//   node --expose-gc bench/run.mjs            full: corpus + hostile, 10 MB and 100 MB HARs, panel with 50,000 requests
//   node --expose-gc bench/run.mjs --quick    the same, smaller (2 MB HAR, 5,000 requests); still writes BENCHMARKS.md
//   node --expose-gc bench/run.mjs --ci       `npm run bench:quick`: no browser, no file written; exit 1 when a
//                                             machine-independent guard (2× regression) fails
//   --only=challenge,har,panel,load,viewer    run some parts (load: 10,000 requests a minute on the panel;
//                                             viewer: a 100 MB HAR opened in the static viewer, 20 MB with --quick)
import { fileURLToPath } from 'node:url';
import { consoleTable, machine, writeBenchmarksMd } from './report.mjs';

const argv = process.argv.slice(2);
const ci = argv.includes('--ci');
const quick = ci || argv.includes('--quick');
const only = argv.find((a) => a.startsWith('--only='))?.slice(7).split(',') ?? (ci ? ['challenge', 'har'] : ['challenge', 'har', 'panel', 'load', 'viewer']);
const log = (m) => console.error(`· ${m}`);

if (!globalThis.gc) log('run with node --expose-gc for steadier numbers');
process.chdir(fileURLToPath(new URL('..', import.meta.url)));

const parts = [];
if (only.includes('challenge')) parts.push(await (await import('./challenge.mjs')).runChallenge({ quick, log }));
if (only.includes('har')) parts.push(await (await import('./har.mjs')).runHar({ quick, log }));
if (only.includes('panel')) {
  try {
    parts.push(await (await import('./panel.mjs')).runPanel({ quick, log }));
  } catch (e) {
    // The panel needs Chromium and dist/chrome; say so instead of losing the other figures.
    parts.push({ rows: [{ what: 'panel in Chromium', value: `not measured: ${String(e.message ?? e).split('\n')[0]}`, target: '', ok: false }], guards: [], markdown: '' });
  }
}

if (only.includes('load')) {
  try {
    parts.push(await (await import('./load.mjs')).runLoad({ quick, log }));
  } catch (e) {
    parts.push({ rows: [{ what: 'load on the panel', value: `not measured: ${String(e.message ?? e).split('\n')[0]}`, target: '', ok: false }], guards: [], markdown: '' });
  }
}

if (only.includes('viewer')) {
  try {
    parts.push(await (await import('./viewer.mjs')).runViewer({ quick, log }));
  } catch (e) {
    // The viewer needs Chromium and dist/web.
    parts.push({ rows: [{ what: 'HAR viewer in Chromium', value: `not measured: ${String(e.message ?? e).split('\n')[0]}`, target: '', ok: false }], guards: [], markdown: '' });
  }
}

const rows = parts.flatMap((p) => p.rows);
const guards = parts.flatMap((p) => p.guards);
console.log('\n' + consoleTable(rows));
const misses = rows.filter((r) => r.ok === false).length;
console.log(`\n${rows.filter((r) => r.ok === true).length} targets hold, ${misses} missed.`);

if (ci) {
  console.log('\nRegression guards (machine-independent ratios, set at 2× the measured baselines):');
  for (const g of guards) console.log(`  ${g.ok ? 'ok  ' : 'FAIL'} ${g.name}: ${g.value}`);
  process.exit(guards.every((g) => g.ok) ? 0 : 1);
}

writeBenchmarksMd('BENCHMARKS.md', { rows, sections: parts.map((p) => p.markdown).filter(Boolean), m: machine(), argv: ['--expose-gc', 'bench/run.mjs', ...argv] });
console.log('wrote BENCHMARKS.md');
