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
    const file = theme === 'dark' ? `${out}/chromium-panel-dark.png` : `${out}/chromium-panel.png`;
    // The DevTools window from its tab strip down (a screenshot of the panel's frame alone times
    // out in recent Chromium: the frame is out of process).
    const box = await (await panel.frameElement())?.boundingBox();
    const viewport = await session.devtools.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight }));
    const top = box ? Math.max(0, box.y - 28) : 0;
    // A capture can stall while the window has no frame to give: bring it up and try again.
    for (let attempt = 1; ; attempt++) {
      try {
        await session.devtools.bringToFront();
        await session.devtools.screenshot({ path: file, clip: { x: 0, y: top, width: viewport.width, height: viewport.height - top } });
        break;
      } catch (e) {
        if (attempt === 3) throw e;
      }
    }
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
    // The extension's DevTools page starts listening shortly after the toolbox opens: let it.
    await new Promise((r) => setTimeout(r, 2000));
    await session.page.evaluate('runAll()');
    await session.waitInPanel(`return document.querySelectorAll('[data-status]').length > 20;`);
    // The row to open is found through the filter, as a user would (the list renders only the rows in view).
    await session.evalInPanel(`
      const input = document.querySelector('input.filter');
      input.value = '/api/orders/create';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return true;`);
    await session.waitInPanel(`return [...document.querySelectorAll('[data-status="403"]')].some((el) => new URL(el.getAttribute('title') || '', 'http://x').pathname === '/api/orders/create');`);
    await session.evalInPanel(`
      const row = [...document.querySelectorAll('[data-status="403"]')].find((el) => new URL(el.getAttribute('title') || '', 'http://x').pathname === '/api/orders/create');
      row && row.click();
      const input = document.querySelector('input.filter');
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
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
