// The static HAR viewer (dist/web) in real Chromium with a big HAR: a generated Chrome-style HAR
// (bench/generate-har.mjs, 100 MB; 20 MB with --quick) is opened through the page's file input,
// as a person would. Figures: time from the file being picked to the first rows painted and to
// the load being done, the longest main-thread task during the load (PerformanceObserver
// 'longtask', installed before the page loads), whether the progress bar showed, and the peak JS
// heap of the page and of its HAR worker (CDP Runtime.getHeapUsage, sampled every 100 ms).
//   node bench/viewer.mjs [megabytes]     (standalone; `bench/run.mjs --only=viewer` in the suite)
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { serveViewer } from '../scripts/serve-viewer.mjs';
import { CHROMIUM, requireBrowser } from '../test/e2e/harness.mjs';
import { writeHar } from './generate-har.mjs';
import { fmt, median } from './report.mjs';

/** A generated HAR of about `bytes` (cached in the temp dir: same size and seed, same file). */
export function generatedHar(bytes, seed = 42) {
  const file = join(tmpdir(), `authlens-viewer-${bytes}-${seed}.har`);
  if (!existsSync(file)) writeHar(file, bytes, seed);
  return file;
}

/**
 * Runs in the page before its own scripts: records long tasks, the moment a file is picked, when
 * the progress bar is first shown (and its phases), when the first request row and the "loaded"
 * line appear.
 */
function instrument() {
  const m = { longTasks: [], picked: null, progressAt: null, phases: [], firstRowAt: null, doneAt: null, errorText: null };
  window.__viewerLoad = m;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) m.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('change', (e) => {
    if (e.target instanceof HTMLInputElement && e.target.type === 'file') m.picked = performance.now();
  }, true);
  const check = () => {
    if (m.picked === null) return;
    const bar = document.querySelector('[role=progressbar]');
    if (bar) {
      m.progressAt ??= performance.now();
      const phase = (bar.textContent ?? '').split('…')[0].trim();
      if (phase && m.phases.at(-1) !== phase) m.phases.push(phase);
    }
    if (m.firstRowAt === null && document.querySelector('[data-status]')) m.firstRowAt = performance.now();
    if (m.doneAt === null && document.querySelector('.viewer-file')) m.doneAt = performance.now();
    const error = document.querySelector('.viewer-error');
    if (error) m.errorText = error.textContent;
  };
  document.addEventListener('DOMContentLoaded', () => new MutationObserver(check).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true }));
}

/** A new tab on the viewer, instrumented, ready for a file. */
export async function newViewerPage(browser, origin) {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(instrument);
  await page.goto(origin + '/', { waitUntil: 'networkidle0' });
  await page.waitForSelector('input[type=file]');
  return page;
}

/** Chromium with a tab on the viewer, instrumented, ready for a file. */
export async function openViewer(origin, { headless = true } = {}) {
  requireBrowser(CHROMIUM, 'chromium');
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'], defaultViewport: { width: 1400, height: 900 } });
  return { browser, page: await newViewerPage(browser, origin) };
}

/**
 * Picks `file` in the viewer and waits until it is loaded. Returns the in-page timings (ms since
 * the file was picked), the long tasks during the load, the peak JS heap of the page and of the
 * HAR worker, and the rows the panel holds.
 */
export async function loadInViewer(page, file, { timeoutMs = 300_000 } = {}) {
  const pageCdp = await page.createCDPSession();
  const sessions = [pageCdp];
  const onWorker = (w) => sessions.push(w.client);
  page.on('workercreated', onWorker);
  const peak = new Map();
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      await Promise.all(
        sessions.map((s, i) =>
          s.send('Runtime.getHeapUsage').then(
            ({ usedSize }) => peak.set(i, Math.max(peak.get(i) ?? 0, usedSize)),
            () => {}, // the worker ends with the load
          ),
        ),
      );
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  try {
    const input = await page.$('input[type=file]');
    await input.uploadFile(file);
    await page.waitForFunction(() => window.__viewerLoad.doneAt !== null || window.__viewerLoad.errorText !== null, { timeout: timeoutMs, polling: 250 });
    // Let the last render and any trailing task land before reading the figures.
    await new Promise((r) => setTimeout(r, 1000));
    const m = await page.evaluate(() => {
      const l = window.__viewerLoad;
      const store = window.__authlensStore;
      return { ...l, now: performance.now(), rows: store.all.value.length, visible: store.visible.value.length, loadedText: document.querySelector('.viewer-file')?.textContent ?? null };
    });
    if (m.errorText) throw new Error(`the viewer reported an error: ${m.errorText}`);
    const during = m.longTasks.filter((t) => t.start + t.duration >= m.picked && t.start <= m.doneAt + 500);
    return {
      firstRowMs: m.firstRowAt === null ? null : m.firstRowAt - m.picked,
      doneMs: m.doneAt - m.picked,
      progressShown: m.progressAt !== null,
      phases: m.phases,
      longTasks: during.map((t) => t.duration),
      longestTaskMs: during.length ? Math.max(...during.map((t) => t.duration)) : 0,
      rows: m.rows,
      visible: m.visible,
      loadedText: m.loadedText,
      peakPageHeap: peak.get(0) ?? 0,
      peakWorkerHeap: Math.max(0, ...[...peak.entries()].filter(([i]) => i > 0).map(([, v]) => v)),
    };
  } finally {
    sampling = false;
    await sampler;
    page.off('workercreated', onWorker);
    await pageCdp.detach().catch(() => {});
  }
}

export async function runViewer({ quick = false, megabytes = quick ? 20 : 100, runs = quick ? 1 : 3, log = console.error } = {}) {
  const bytes = megabytes * 1_000_000;
  log(`viewer: generating a ${megabytes} MB HAR`);
  const file = generatedHar(bytes);
  const size = statSync(file).size;
  const server = await serveViewer({ port: 0 });
  const { browser, page: first } = await openViewer(server.origin);
  try {
    const version = await browser.version();
    const all = [];
    let page = first;
    for (let i = 0; i < runs; i++) {
      // A new tab for each run, so a run starts with neither the heap nor the JIT state of the last.
      if (i) {
        await page.close();
        page = await newViewerPage(browser, server.origin);
      }
      log(`viewer: opening ${fmt(size / 1e6, 1)} MB in ${version} (run ${i + 1} of ${runs})`);
      all.push(await loadInViewer(page, file));
    }
    const r = all[0];
    const mid = (pick) => median(all.map(pick));
    const firstRowMs = mid((x) => x.firstRowMs ?? NaN);
    const doneMs = mid((x) => x.doneMs);
    const longest = all.map((x) => x.longestTaskMs);
    const worst = Math.max(...longest);
    const progressShown = all.every((x) => x.progressShown);
    const peakPage = Math.max(...all.map((x) => x.peakPageHeap));
    const peakWorker = Math.max(...all.map((x) => x.peakWorkerHeap));
    const mb = `${fmt(size / 1e6, 0)} MB`;
    const entries = Number(/(\d+) requests/.exec(r.loadedText ?? '')?.[1] ?? r.rows);
    const of = runs > 1 ? `, median of ${runs}` : '';
    const rows = [
      { what: `viewer: ${mb} HAR → rows shown / loaded${of}`, value: `${fmt(firstRowMs)} / ${fmt(doneMs)} ms`, target: '(reported)', ok: null },
      { what: `viewer: longest main-thread task while loading ${mb}${runs > 1 ? ` (worst of ${runs})` : ''}`, value: worst ? `${fmt(worst)} ms` : 'no task over 50 ms', target: '< 200 ms', ok: worst < 200 },
      { what: `viewer: progress bar shown while loading ${mb}`, value: progressShown ? `yes (${r.phases.join(' → ')})` : 'no', target: 'yes', ok: progressShown },
      { what: `viewer: peak JS heap, page / HAR worker (${mb})`, value: `${fmt(peakPage / 1e6)} / ${fmt(peakWorker / 1e6)} MB`, target: '(reported)', ok: null },
    ];
    const each = (f) => all.map(f).join(', ');
    const markdown = `## HAR viewer in Chromium (${mb} file)

${version}, headless; \`dist/web\` served on loopback by \`scripts/serve-viewer.mjs\`; a generated Chrome-style HAR (\`bench/generate-har.mjs\`, seed 42, ${fmt(size)} bytes, ${fmt(entries)} entries${entries !== r.rows ? `, ${fmt(r.rows)} rows: the panel drops exact repeats` : ''}) picked through the page's file input, ${runs} time${runs > 1 ? 's (a new tab each time)' : ''}. Times are in-page, from the input's \`change\` event. Long tasks come from a \`PerformanceObserver('longtask')\` installed before the page loaded (the API reports tasks over 50 ms). Heap: CDP \`Runtime.getHeapUsage\` of the page and of its HAR worker, sampled every 100 ms, so a short spike can be missed.${quick ? ' **Quick mode** (smaller file).' : ''}

| figure | ${runs > 1 ? 'median (each run)' : 'value'} |
|---|---|
| file picked → first request row painted | ${fmt(firstRowMs)} ms${runs > 1 ? ` (${each((x) => fmt(x.firstRowMs ?? NaN))})` : ''} |
| file picked → loaded (all ${fmt(r.rows)} rows analysed; ${fmt(r.visible)} rows shown with "Auth only") | ${fmt(doneMs)} ms${runs > 1 ? ` (${each((x) => fmt(x.doneMs))})` : ''} |
| progress bar | ${progressShown ? `shown in every run; phases ${r.phases.join(' → ')}` : `missing in ${all.filter((x) => !x.progressShown).length} run(s)`} |
| longest main-thread task during the load (0 = none over 50 ms) | ${fmt(median(longest))} ms${runs > 1 ? ` (${each((x) => fmt(x.longestTaskMs))}), worst ${fmt(worst)} ms` : ''} |
| main-thread time in long tasks during the load | ${fmt(mid((x) => x.longTasks.reduce((a, b) => a + b, 0)))} ms in ${fmt(mid((x) => x.longTasks.length))} tasks over 50 ms |
| peak JS heap: page / HAR worker (highest of the runs) | ${fmt(peakPage / 1e6, 1)} MB / ${fmt(peakWorker / 1e6, 1)} MB |
`;
    return { rows, guards: [], markdown, data: { size, entries, runs: all } };
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const mb = Number(process.argv[2] ?? 100);
  const r = await runViewer({ megabytes: mb });
  console.log(r.markdown);
  for (const run of r.data.runs) console.log(JSON.stringify({ ...run, longTasks: run.longTasks.map((d) => Math.round(d)) }));
}
