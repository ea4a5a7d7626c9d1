/**
 * The one file that knows how to reach an extension's DevTools panel in real browsers. Everything
 * here leans on browser internals that are not public API (DevTools' ViewManager and
 * InspectorFrontendAPI in Chromium; gDevTools, toolbox definitions and frame scripts in Firefox),
 * so it is kept in one place.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export function requireBrowser(path, pkg) {
    if (!existsSync(path)) {
        throw new Error(`${path} not found: install it with \`sudo apt-get install -y ${pkg}\` (or set ${pkg === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH'}).`);
    }
}
const headless = process.env.HEADLESS !== '0';
export async function launchChromium(distDir = 'dist/chrome') {
    requireBrowser(CHROMIUM, 'chromium');
    const browser = await puppeteer.launch({
        executablePath: CHROMIUM,
        headless,
        pipe: true, // Extensions.loadUnpacked needs the pipe transport
        enableExtensions: true,
        userDataDir: mkdtempSync(join(tmpdir(), 'authlens-chromium-')),
        defaultViewport: { width: 1400, height: 900 },
        args: [
            '--no-sandbox', // required when running as root
            '--no-first-run',
            '--no-default-browser-check',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--window-size=1400,900',
            // DevTools follows the system theme by default; this makes it (and themeName) dark.
            ...(process.env.AUTHLENS_DEVTOOLS_THEME === 'dark' ? ['--force-dark-mode'] : []),
        ],
    });
    const extensionId = await browser.installExtension(resolve(distDir));
    const page = await browser.newPage();
    const devtools = await page.openDevTools();
    // The devtools_page starts with DevTools; traffic made before it exists is not captured.
    await browser.waitForTarget((t) => t.url().startsWith(`chrome-extension://${extensionId}/`) && t.url().includes('devtools'), { timeout: 30_000 });
    const viewId = `chrome-extension://${extensionId}AuthLens`;
    return {
        browser,
        page,
        devtools,
        extensionId,
        async showPanel() {
            // Passed as strings: vitest rewrites import() inside functions handed to evaluate().
            await devtools.waitForFunction(`import('./ui/legacy/legacy.js').then((UI) => UI.ViewManager.ViewManager.instance().views.has(${JSON.stringify(viewId)}))`, { polling: 100, timeout: 30_000 });
            await devtools.evaluate(`InspectorFrontendAPI.showPanel(${JSON.stringify(viewId)})`);
            return devtools.waitForFrame((f) => f.url().startsWith(`chrome-extension://${extensionId}/src/devtools/panel.html`), { timeout: 30_000 });
        },
        async close() {
            await browser.close();
        },
    };
}
export async function launchFirefox(distDir = 'dist/firefox') {
    requireBrowser(FIREFOX, 'firefox-esr');
    const browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath: FIREFOX,
        headless,
        defaultViewport: { width: 1400, height: 900 },
        // Lets WebDriver BiDi address the browser's own (chrome) windows, where DevTools lives.
        args: ['--remote-allow-system-access', '--width=1400', '--height=900'],
        extraPrefsFirefox: { 'devtools.toolbox.host': 'bottom', 'devtools.toolbox.footer.height': 640, 'devtools.theme': process.env.AUTHLENS_DEVTOOLS_THEME === 'dark' ? 'dark' : 'light' },
    });
    const addonId = await browser.installExtension(resolve(distDir));
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    const connection = browser.connection;
    async function chromeContext() {
        const { result } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
        const contexts = result.contexts;
        const main = contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
        if (!main)
            throw new Error('Firefox main window not found among chrome contexts');
        return main.context;
    }
    async function evalChrome(body) {
        const context = await chromeContext();
        const { result } = await connection.send('script.evaluate', {
            expression: `(async () => { ${body} })().then((v) => JSON.stringify(v ?? null))`,
            target: { context },
            awaitPromise: true,
            resultOwnership: 'none',
        });
        const r = result;
        if (r.type === 'exception')
            throw new Error(`Firefox chrome script failed: ${r.exceptionDetails?.text ?? 'unknown'}`);
        return JSON.parse(r.result?.value ?? 'null');
    }
    const TOOLBOX = `
    const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
    const { gDevTools } = require('devtools/client/framework/devtools');
  `;
    const PANEL_ID = `
    const panelId = [...tb.additionalToolDefinitions.keys()].find((k) => k.startsWith('webext-devtools-panel-'));
  `;
    return {
        browser,
        page,
        addonId,
        /**
         * Feeds HAR text to the Network Monitor's own HAR importer (what its "Import HAR File" runs)
         * and returns the requests it then holds, or `{ error }` with the importer's message.
         */
        async importHarInNetmonitor(text) {
            return evalChrome(`${TOOLBOX}
        const tb = await gDevTools.showToolboxForTab(gBrowser.selectedTab, { toolId: 'netmonitor' });
        const win = (await tb.selectTool('netmonitor')).panelWin;
        const { HarImporter } = win.windowRequire('devtools/client/netmonitor/src/har/har-importer.js');
        try {
          new HarImporter(win.actions).import(${JSON.stringify(text)});
        } catch (e) {
          return { error: String(e && e.message || e) };
        }
        const held = win.store.getState().requests.requests;
        const requests = (Array.isArray(held) ? held : [...held.values()]).map((r) => ({
          url: r.url, method: r.method, status: Number(r.status),
          requestHeaders: r.requestHeaders?.headers ?? [], responseHeaders: r.responseHeaders?.headers ?? [],
        }));
        return { requests };`);
        },
        async openToolbox(toolId = 'webconsole') {
            await evalChrome(`${TOOLBOX} await gDevTools.showToolboxForTab(gBrowser.selectedTab, { toolId: ${JSON.stringify(toolId)} }); return true;`);
        },
        async showPanel() {
            const deadline = Date.now() + 30_000;
            for (;;) {
                const ok = await evalChrome(`${TOOLBOX}
          const tb = gDevTools.getToolboxForTab(gBrowser.selectedTab);
          if (!tb) return false;
          ${PANEL_ID}
          if (!panelId) return false;
          await tb.selectTool(panelId);
          return true;`);
                if (ok)
                    return;
                if (Date.now() > deadline)
                    throw new Error('AuthLens panel never appeared in the Firefox toolbox');
                await new Promise((r) => setTimeout(r, 200));
            }
        },
        async evalInPanel(code) {
            // The panel is a remote <browser> in the extension process; BiDi can't see it, a frame script can.
            return evalChrome(`${TOOLBOX}
        const tb = gDevTools.getToolboxForTab(gBrowser.selectedTab);
        ${PANEL_ID}
        const iframe = tb.doc.getElementById('toolbox-panel-iframe-' + panelId);
        const pb = iframe && iframe.contentDocument && iframe.contentDocument.querySelector('browser[webextension-view-type="devtools_panel"]');
        if (!pb) return { __notReady: true };
        const id = 'authlens-' + Math.random().toString(36).slice(2);
        const frameCode = ${JSON.stringify(`
          (async () => {
            const document = content.document;
            const window = content;
            try {
              const value = await (async () => { __CODE__ })();
              sendAsyncMessage('__ID__', { value: JSON.stringify(value ?? null) });
            } catch (e) {
              sendAsyncMessage('__ID__', { error: String(e && e.message || e) });
            }
          })();
        `)}.replace('__CODE__', ${JSON.stringify(code)}).split('__ID__').join(id);
        return await new Promise((resolve) => {
          const mm = pb.messageManager;
          const listener = (msg) => { mm.removeMessageListener(id, listener); resolve(msg.data); };
          mm.addMessageListener(id, listener);
          mm.loadFrameScript('data:,' + encodeURIComponent(frameCode), false);
          setTimeout(() => resolve({ error: 'timeout' }), 5000);
        });`).then((reply) => {
                const r = reply;
                if (r.__notReady)
                    throw new Error('panel not ready');
                if (r.error)
                    throw new Error(r.error);
                return JSON.parse(r.value ?? 'null');
            });
        },
        async waitInPanel(code, timeoutMs = 30_000) {
            const deadline = Date.now() + timeoutMs;
            let lastError;
            for (;;) {
                try {
                    const value = await this.evalInPanel(code);
                    if (value)
                        return value;
                }
                catch (err) {
                    lastError = err;
                }
                if (Date.now() > deadline)
                    throw new Error(`timed out waiting in the Firefox panel for: ${code}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
                await new Promise((r) => setTimeout(r, 250));
            }
        },
        /** What the system clipboard holds as text, read with the browser's own privileges. */
        async clipboardText() {
            return evalChrome(`
        const trans = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
        trans.init(null);
        trans.addDataFlavor('text/plain');
        Services.clipboard.getData(trans, Ci.nsIClipboard.kGlobalClipboard);
        const data = {};
        trans.getTransferData('text/plain', data);
        return data.value ? data.value.QueryInterface(Ci.nsISupportsString).data : null;`);
        },
        async screenshot(path) {
            // BiDi can't capture chrome windows; the panel's own browsing context can draw itself.
            const dataUrl = await evalChrome(`${TOOLBOX}
        const tb = gDevTools.getToolboxForTab(gBrowser.selectedTab);
        ${PANEL_ID}
        const iframe = tb.doc.getElementById('toolbox-panel-iframe-' + panelId);
        const pb = iframe.contentDocument.querySelector('browser[webextension-view-type="devtools_panel"]');
        const rect = pb.getBoundingClientRect();
        const bitmap = await pb.browsingContext.currentWindowGlobal.drawSnapshot(null, 1, 'white');
        const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
        canvas.width = bitmap.width; canvas.height = bitmap.height;
        canvas.getContext('2d').drawImage(bitmap, 0, 0);
        void rect;
        return canvas.toDataURL('image/png');`);
            const { writeFileSync } = await import('node:fs');
            writeFileSync(path, Buffer.from(String(dataUrl).split(',')[1] ?? '', 'base64'));
        },
        async close() {
            await browser.close();
        },
    };
}

/**
 * Chromium's own DevTools (no extension), for checks against its HAR importer: `importHar` runs
 * the same steps as the Network panel's import (JSON.parse, HARFormat.HARRoot validation,
 * Importer.requestsFromHARLog) in the DevTools frontend; `importHarFile` drives the Network
 * panel's real "Import HAR file" input and reads what the panel then holds.
 */
export async function launchChromiumDevTools() {
    requireBrowser(CHROMIUM, 'chromium');
    const browser = await puppeteer.launch({
        executablePath: CHROMIUM,
        headless,
        userDataDir: mkdtempSync(join(tmpdir(), 'authlens-chromium-')),
        defaultViewport: { width: 1400, height: 900 },
        args: ['--no-sandbox', '--no-first-run', '--no-default-browser-check', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage();
    const devtools = await page.openDevTools();
    // The Network panel's file input exists once the panel has been shown; showing it too early
    // does nothing, so repeat until the input is there.
    const deadline = Date.now() + 30_000;
    let fileInput = null;
    while (!fileInput) {
        await devtools.evaluate(`InspectorFrontendAPI.showPanel('network')`).catch(() => { });
        fileInput = await devtools.$('pierce/input[type=file]');
        if (fileInput)
            break;
        if (Date.now() > deadline)
            throw new Error('the Network panel of Chromium DevTools never showed its HAR import input');
        await new Promise((r) => setTimeout(r, 200));
    }
    // Plain data from a NetworkRequest of the DevTools frontend.
    const READ = `(r) => ({ url: r.url(), method: r.requestMethod, status: r.statusCode, imported: r.isImportedHar?.() ?? null,
      requestHeaders: r.requestHeaders().map((h) => ({ name: h.name, value: h.value })),
      responseHeaders: r.responseHeaders.map((h) => ({ name: h.name, value: h.value })) })`;
    const held = () => devtools.evaluate(`import('./models/logs/logs.js').then((L) => L.NetworkLog.NetworkLog.instance().requests().map(${READ}))`);
    return {
        browser,
        devtools,
        /** Requests the DevTools HAR importer makes of `text`; throws with the importer's message when it rejects it. */
        async importHar(text) {
            // A string, not a function: vitest rewrites import() inside functions handed to evaluate().
            return devtools.evaluate(`import('./models/har/har.js').then((HAR) => {
        const root = new HAR.HARFormat.HARRoot(JSON.parse(${JSON.stringify(text)}));
        return HAR.Importer.Importer.requestsFromHARLog(root.log).map(${READ});
      })`);
        },
        /**
         * Opens `path` with the Network panel's "Import HAR file". Resolves to the requests the
         * panel holds once its status bar counts `expected` requests, or to `{ error }` when
         * DevTools reports that it failed to load the file.
         */
        async importHarFile(path, expected, timeoutMs = 15_000) {
            // DevTools reports a failed import in its own console drawer, not in the page's console.
            const failures = async () => (await devtools.$$('::-p-text(Failed to load HAR file)')).length;
            const failedBefore = await failures();
            await devtools.evaluate(`import('./models/logs/logs.js').then((L) => L.NetworkLog.NetworkLog.instance().reset(true))`);
            await fileInput.uploadFile(path);
            const until = Date.now() + timeoutMs;
            for (;;) {
                if ((await failures()) > failedBefore) {
                    const texts = await devtools.$$eval('::-p-text(Failed to load HAR file)', (els) => els.map((e) => e.textContent ?? ''));
                    const text = texts.sort((a, b) => a.length - b.length)[0] ?? '';
                    return { error: /Failed to load HAR file[^\n\ufeff]*/.exec(text)?.[0] ?? 'Failed to load HAR file' };
                }
                const shown = await devtools.$(`::-p-text(${expected} requests)`);
                const requests = await held();
                if (shown && requests.length === expected && requests.every((r) => r.imported))
                    return { requests };
                if (Date.now() > until)
                    return { error: `timed out: the Network panel holds ${requests.length} requests, expected ${expected}`, requests };
                await new Promise((r) => setTimeout(r, 100));
            }
        },
        async close() {
            await browser.close();
        },
    };
}
