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
    els.map((el) => ({
      status: el.getAttribute('data-status'),
      text: (el.getAttribute('title') || el.textContent || '').replace(/\s+/g, ' ').trim(),
    })),
  );
  const failing = [];
  for (const [i, row] of rows.entries()) {
    if (!/^(0|4\d\d|5\d\d)$/.test(row.status ?? '') && !/3\d\d|200/.test(row.status ?? '')) continue;
    // Open each row to read its findings from the detail view.
    const handles = await panel.$$('[data-status]');
    const handle = handles[i];
    if (!handle) continue;
    await handle.click();
    await new Promise((r) => setTimeout(r, 60));
    const codes = await panel.$$eval('[data-code]', (els) => [...new Set(els.filter((e) => e.getClientRects().length).map((e) => e.getAttribute('data-code')))]);
    if (codes.length || /^(0|4\d\d)$/.test(row.status ?? '')) failing.push({ ...row, codes });
  }
  console.log(`\nAuthLens shows ${rows.length} requests; ${failing.length} with findings or failures:\n`);
  for (const f of failing) {
    const url = f.text.match(/(https?:\/\/\S+|\/\S*)/)?.[0] ?? f.text;
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
