// `npm start`: build both extensions, start the scenario server, open Chromium with AuthLens in
// DevTools. With a display it stays open for exploring; without one it runs every scenario
// headless, prints what the panel shows for each failing request, saves a screenshot and exits.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from '../test/e2e/harness.mjs';
import { startScenarioServer } from '../test/scenario/server.mjs';

const interactive = Boolean(process.env.DISPLAY) && process.env.HEADLESS !== '1';
if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = await startScenarioServer({ port: Number(process.env.PORT ?? 0) });
console.log(`\nScenario server: ${server.origin} (loopback only)`);
if (!interactive) process.env.HEADLESS = '1';
else process.env.HEADLESS = '0';
const session = await launchChromium('dist/chrome');
await session.page.goto(server.origin + '/', { waitUntil: 'networkidle0' });
const panel = await session.showPanel();

if (interactive) {
  console.log('Chromium is open with DevTools on the AuthLens panel. Click the buttons on the page; close the browser to stop.');
  session.browser.on('disconnected', async () => {
    await server.close();
    process.exit(0);
  });
} else {
  const count = await session.page.evaluate('runAll()');
  console.log(`Ran ${count} scenarios; reading the AuthLens panel…`);
  // Let the last requests reach the panel.
  await new Promise((r) => setTimeout(r, 3000));
  const rows = await panel.$$eval('[data-status]', (els) =>
    els.map((el) => ({ status: el.getAttribute('data-status'), url: el.getAttribute('title') || '' })),
  );
  const failing = [];
  const seen = new Map();
  for (const row of rows) {
    const nth = seen.get(row.url) ?? 0;
    seen.set(row.url, nth + 1);
    // Open the row the way a person would and read the finding cards of its detail view.
    const codes = await panel.evaluate(
      async (url, nth) => {
        const el = [...document.querySelectorAll('[data-status]')].filter((e) => e.getAttribute('title') === url)[nth];
        if (!el) return [];
        el.click();
        for (let i = 0; i < 60; i++) {
          const title = document.querySelector('.detail-title');
          if (title && title.getAttribute('title') === url && document.querySelector('.detail .tab-body')) break;
          await new Promise((r) => setTimeout(r, 25));
        }
        return [...document.querySelectorAll('.detail [data-code]')].map((e) => e.getAttribute('data-code'));
      },
      row.url,
      nth,
    );
    if (codes.length || /^(0|4\d\d)$/.test(row.status ?? '')) failing.push({ ...row, codes });
  }
  console.log(`\nAuthLens shows ${rows.length} requests; ${failing.length} with findings or failures:\n`);
  for (const f of failing) {
    const url = f.url;
    console.log(`  ${String(f.status).padEnd(4)} ${url.slice(0, 70).padEnd(70)} ${f.codes.join(', ') || '-'}`);
  }
  mkdirSync('artifacts', { recursive: true });
  const shot = resolve('artifacts/demo-panel.png');
  await session.devtools.screenshot({ path: shot });
  console.log(`\nScreenshot of the panel: ${shot}`);
  await session.close();
  await server.close();
  process.exit(0);
}
