// Screenshots of the real panel for the README: Chromium and Firefox, light and dark,
// each with the expired-token request open. Run after `npm run build`: node scripts/screenshots.mjs
import { mkdirSync } from 'node:fs';
import { launchChromium, launchFirefox } from '../test/e2e/harness.mjs';
import { startScenarioServer } from '../test/scenario/server.mjs';

const out = 'docs/screenshots';
mkdirSync(out, { recursive: true });

async function chromium(theme) {
  process.env.AUTHLENS_DEVTOOLS_THEME = theme;
  const server = await startScenarioServer();
  const session = await launchChromium();
  try {
    // Dock DevTools at the bottom so the panel gets the full width, as most people use it.
    await session.devtools.evaluate(`import('./ui/legacy/legacy.js').then((UI) => UI.DockController.DockController.instance().setDockSide('bottom'))`).catch(() => {});
    await session.page.goto(server.origin + '/', { waitUntil: 'networkidle0' });
    const panel = await session.showPanel();
    await session.page.evaluate('runAll()');
    await new Promise((r) => setTimeout(r, 2500));
    await panel.evaluate(() => {
      const row = [...document.querySelectorAll('[data-status="401"]')].find((el) => new URL(el.getAttribute('title') ?? '', 'http://x').pathname === '/api/orders');
      row?.click();
    });
    await new Promise((r) => setTimeout(r, 500));
    const frame = await panel.frameElement();
    const file = theme === 'dark' ? `${out}/chromium-panel-dark.png` : `${out}/chromium-panel.png`;
    await frame.screenshot({ path: file });
    console.log(file);
  } finally {
    await session.close();
    await server.close();
  }
}

async function firefox(theme) {
  process.env.AUTHLENS_DEVTOOLS_THEME = theme;
  const server = await startScenarioServer();
  const session = await launchFirefox();
  try {
    await session.page.goto(server.origin + '/');
    await session.openToolbox('webconsole');
    await session.showPanel();
    await session.page.evaluate('runAll()');
    await session.waitInPanel(`return document.querySelectorAll('[data-status]').length > 20;`);
    await session.evalInPanel(`
      const row = [...document.querySelectorAll('[data-status="403"]')].find((el) => new URL(el.getAttribute('title') || '', 'http://x').pathname === '/api/orders/create');
      row && row.click();
      await new Promise((r) => setTimeout(r, 300));
      const tab = [...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent.startsWith(${JSON.stringify(theme === 'dark' ? 'Token' : 'Diagnosis')}));
      tab && tab.click();
      await new Promise((r) => setTimeout(r, 300));
      return true;`);
    await session.screenshot(`${out}/firefox-panel-${theme}.png`);
    console.log(`${out}/firefox-panel-${theme}.png`);
  } finally {
    await session.close();
    await server.close();
  }
}

await chromium('light');
await chromium('dark');
await firefox('light');
await firefox('dark');
