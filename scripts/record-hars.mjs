// Records real HARs of the scenario page from Chromium and Firefox DevTools (through the AuthLens
// panel's own devtools.network.getHAR) into test/fixtures/recorded/, with the scenario list so
// tests know which finding each request should produce. Run after `npm run build`:
//   node scripts/record-hars.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { launchChromium, launchFirefox } from '../test/e2e/harness.mjs';
import { startScenarioServer } from '../test/scenario/server.mjs';

const out = 'test/fixtures/recorded';
mkdirSync(out, { recursive: true });

function describe(server) {
  return server.scenarios.map((s) => ({ name: s.name, path: s.path, expect: s.expect }));
}

// Ports differ per run; fixtures use fixed ones so they are stable.
function normalizePorts(har, port, fixed) {
  return JSON.parse(JSON.stringify(har).split(`:${port}`).join(`:${fixed}`));
}

async function chromium() {
  const server = await startScenarioServer();
  const session = await launchChromium();
  try {
    await session.page.goto(server.origin + '/', { waitUntil: 'networkidle0' });
    const panel = await session.showPanel();
    await session.page.evaluate('runAll()');
    await new Promise((r) => setTimeout(r, 1500));
    // Chrome's getHAR leaves bodies out; fill them in like "Export HAR (with content)" does.
    const har = await panel.evaluate(
      () =>
        new Promise((resolve) =>
          globalThis.chrome.devtools.network.getHAR(async (h) => {
            for (const e of h.entries) {
              if (typeof e.getContent !== 'function') continue;
              const [text, encoding] = await new Promise((r) => e.getContent((c, enc) => r([c, enc])));
              if (typeof text === 'string') {
                e.response.content.text = text;
                if (encoding) e.response.content.encoding = encoding;
              }
            }
            resolve(JSON.parse(JSON.stringify(h)));
          }),
        ),
    );
    const log = { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, pages: har.pages ?? [], entries: har.entries };
    writeFileSync(`${out}/chromium-scenarios.har`, JSON.stringify(normalizePorts({ log }, server.port, 47001), null, 1));
    console.log(`chromium: ${har.entries.length} entries`);
  } finally {
    await session.close();
    await server.close();
  }
  return server;
}

async function firefox() {
  const server = await startScenarioServer();
  const session = await launchFirefox();
  try {
    await session.page.goto(server.origin + '/');
    // getHAR in Firefox only knows what the Network Monitor recorded.
    await session.openToolbox('netmonitor');
    await session.showPanel();
    await session.page.evaluate('runAll()');
    await new Promise((r) => setTimeout(r, 2000));
    const har = await session.waitInPanel(`const w = window.wrappedJSObject; const h = await w.browser.devtools.network.getHAR(); const text = w.JSON.stringify(h); const parsed = JSON.parse(text); return parsed.entries.length ? parsed : null;`, 20_000);
    const log = { version: '1.2', creator: { name: 'Firefox', version: '153.7.0' }, pages: har.pages ?? [], entries: har.entries };
    writeFileSync(`${out}/firefox-scenarios.har`, JSON.stringify(normalizePorts({ log }, server.port, 47002), null, 1));
    console.log(`firefox: ${har.entries.length} entries`);
  } finally {
    await session.close();
    await server.close();
  }
  return server;
}

const which = process.argv[2];
let server;
if (!which || which === 'chromium') server = await chromium();
if (!which || which === 'firefox') server = await firefox();
writeFileSync(`${out}/scenarios.json`, JSON.stringify(describe(server), null, 2) + '\n');
