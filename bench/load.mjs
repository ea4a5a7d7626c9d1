// Sustained load on the DevTools panel in real Chromium: the page makes `perMinute` requests a
// minute for `minutes` minutes (every 25th answers 401 with a challenge) while the panel keeps at
// most `maxEntries` rows. Samples every `sampleSec` seconds: rows kept, entries dropped, the
// panel's JS heap after GC, and main-thread long tasks. The figures show whether memory stays
// bounded, whether the panel keeps up, and whether it ever freezes.
import { launchChromium } from '../test/e2e/harness.mjs';
import { startScenarioServer } from '../test/scenario/server.mjs';
import { accessClaims, jwt } from '../test/scenario/tokens.mjs';
import { fmt } from './report.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/** Runs the load and returns the samples and a summary; throws only if the browser can't start. */
export async function runLoadTest({ minutes = 3, perMinute = 10_000, maxEntries = 5_000, sampleSec = 30, distDir = 'dist/chrome', log = console.error } = {}) {
  const server = await startScenarioServer();
  const h = await launchChromium(distDir);
  try {
    await h.page.goto(server.origin + '/');
    const frame = await h.showPanel();
    await frame.waitForFunction(() => window.__authlensStore && document.querySelector('input.filter'), { timeout: 30_000 });
    await frame.evaluate((max) => {
      window.__authlensStore.updateSettings({ maxEntries: max });
      window.__loadLongTasks = [];
      new PerformanceObserver((list) => window.__loadLongTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
    }, maxEntries);
    const target = await h.browser.waitForTarget((t) => t.url().startsWith(`chrome-extension://${h.extensionId}/src/devtools/panel.html`));
    const cdp = await target.createCDPSession();
    await cdp.send('HeapProfiler.enable');
    const heapStart = await heapAfterGc(cdp);

    const token = `Bearer ${jwt(accessClaims(Math.floor(Date.now() / 1000), server.origin))}`;
    const durationMs = minutes * 60_000;
    log(`load: ${fmt(perMinute)} requests a minute for ${minutes} min, panel limit ${fmt(maxEntries)} rows`);
    // The page paces itself (a tick every 100 ms), so the rate holds whatever the test runner does.
    // It runs for minutes: started here and read back later (one evaluate must not outlast the
    // protocol timeout).
    await h.page.evaluate(
      (perMinute, durationMs, token) => {
        const perTick = perMinute / 600;
        const end = Date.now() + durationMs;
        let owed = 0;
        window.__loadSent = 0;
        window.__loadDone = false;
        const timer = setInterval(() => {
          owed += perTick;
          for (; owed >= 1; owed--) fetch(`/bulk/${window.__loadSent++}`, { headers: { Authorization: token } }).then((r) => r.text(), () => null);
          if (Date.now() >= end) {
            clearInterval(timer);
            window.__loadDone = true;
          }
        }, 100);
      },
      perMinute,
      durationMs,
      token,
    );

    const samples = [];
    const t0 = Date.now();
    const sample = async () => {
      const state = await frame.evaluate(() => ({
        rows: window.__authlensStore.all.value.length,
        dropped: window.__authlensStore.dropped.value,
        longTasks: window.__loadLongTasks.splice(0),
        banner: document.body.textContent.match(/([\d,]+) older entries dropped/)?.[1] ?? null,
      }));
      const heap = await heapAfterGc(cdp);
      const s = { atSec: Math.round((Date.now() - t0) / 1000), ...state, heap };
      samples.push(s);
      log(`load: ${s.atSec} s: ${fmt(s.rows)} rows, ${fmt(s.dropped)} dropped, heap ${fmt(heap / 1e6, 1)} MB, ${s.longTasks.length} long tasks (longest ${fmt(Math.max(0, ...s.longTasks))} ms)`);
    };
    while (Date.now() - t0 < durationMs) {
      await sleep(Math.min(sampleSec * 1000, Math.max(0, durationMs - (Date.now() - t0))));
      await sample();
    }
    await h.page.waitForFunction(() => window.__loadDone === true, { timeout: 60_000, polling: 500 });
    const sent = await h.page.evaluate(() => window.__loadSent);
    // Let the last answers and the next getHAR re-read arrive, then take the final sample.
    await sleep(10_000);
    await sample();
    // Still responsive: a filter keystroke is answered.
    const responsive = await Promise.race([
      frame.evaluate(() => {
        window.__authlensStore.filterText.value = 'bulk';
        return new Promise((r) => requestAnimationFrame(() => r(true)));
      }),
      sleep(5_000).then(() => false),
    ]);
    const last = samples[samples.length - 1];
    const full = samples.filter((s) => s.rows >= maxEntries);
    const longTasks = samples.flatMap((s) => s.longTasks);
    return {
      sent,
      samples,
      heapStart,
      responsive,
      last,
      // Memory once the limit is reached: the first and the largest sample after that.
      heapAtLimit: full[0]?.heap ?? null,
      heapMaxAfterLimit: full.length ? Math.max(...full.map((s) => s.heap)) : null,
      longestTask: longTasks.length ? Math.max(...longTasks) : 0,
      longTaskCount: longTasks.length,
      browserVersion: await h.browser.version(),
    };
  } finally {
    await h.close().catch(() => {});
    await server.close();
  }
}

/** The bench part: `node --expose-gc bench/run.mjs --only=load`. */
export async function runLoad({ quick = false, log = console.error } = {}) {
  const minutes = quick ? 1 : 3;
  const r = await runLoadTest({ minutes, log });
  const growth = r.heapAtLimit && r.heapMaxAfterLimit ? r.heapMaxAfterLimit / r.heapAtLimit : null;
  const rows = [
    { what: `load: ${fmt(r.sent)} requests in ${minutes} min, rows kept / dropped`, value: `${fmt(r.last.rows)} / ${fmt(r.last.dropped)} (banner says ${r.last.banner ?? 'nothing'})`, target: '≤ limit, drops shown', ok: r.last.rows <= 5_000 && r.last.banner !== null },
    { what: 'load: heap growth after the limit was reached', value: growth === null ? 'limit not reached' : `${fmt(growth, 2)}× (${fmt(r.heapAtLimit / 1e6, 1)} → max ${fmt(r.heapMaxAfterLimit / 1e6, 1)} MB)`, target: 'bounded (< 1.5×)', ok: growth !== null && growth < 1.5 },
    { what: 'load: longest main-thread task in the panel', value: `${fmt(r.longestTask)} ms (${r.longTaskCount} tasks > 50 ms)`, target: '(reported)', ok: null },
    { what: 'load: panel answers a filter keystroke at the end', value: r.responsive ? 'yes' : 'no', target: 'yes', ok: r.responsive },
  ];
  const markdown = `## Sustained load on the panel (Chromium)

${r.browserVersion}, headless. The page makes 10,000 requests a minute for ${minutes} minutes (\`bench/load.mjs\`); the panel keeps at most 5,000 rows.

| at | rows | dropped | heap after GC | long tasks (longest) |
|---|---|---|---|---|
${r.samples.map((s) => `| ${s.atSec} s | ${fmt(s.rows)} | ${fmt(s.dropped)} | ${fmt(s.heap / 1e6, 1)} MB | ${s.longTasks.length} (${fmt(Math.max(0, ...s.longTasks))} ms) |`).join('\n')}
`;
  return { rows, guards: [], markdown, data: r };
}
