/**
 * NetworkSource for the live DevTools panel: backfill with getHAR(), then live events, plus the
 * requests the devtools page kept before the panel existed. The store de-duplicates the overlap.
 */
import type { NetworkSource, RawHarEntry, SourceHandlers } from '../panel/source.js';
import { pageServices } from './page-services.js';
import {
  browser,
  CAPTURE_CHANNEL,
  getHar,
  inspectedTabId,
  isFirefox,
  readContent,
  type ChannelMessage,
  type RawEntry,
} from './devtools-api.js';

const SETTINGS_KEY = 'authlens.settings';
// Chromium may never fire onRequestFinished for a response whose body the page never reads
// (`if (!res.ok) throw …`), so the log is re-read while the panel is visible. A re-read costs
// DevTools about 0.1 ms per logged request (and the panel as long again to receive it), so
// re-reads never overlap, wait twenty times as long as the last one took, slow down while they
// find nothing new, and wait for a quiet moment: never while requests stream in (a re-read of a
// log of tens of thousands of requests would stall the panel for a second or more).
const HAR_POLL_MS = 2500;
const HAR_POLL_MAX_MS = 30_000;
const HAR_POLL_COST_FACTOR = 20;
const HAR_POLL_QUIET_MS = 1000;

export function createDevtoolsSource(): NetworkSource {
  const firefox = isFirefox();
  return {
    kind: 'devtools',
    theme: browser.devtools.panels.themeName === 'dark' ? 'dark' : 'light',

    subscribe(handlers: SourceHandlers) {
      const tabId = inspectedTabId();
      let stopped = false;
      // What the last re-read saw (entries, and how many had an answer): unchanged means nothing new.
      let lastSeen = '';

      const channel = new BroadcastChannel(CAPTURE_CHANNEL);
      channel.onmessage = (event: MessageEvent<ChannelMessage>) => {
        const msg = event.data;
        if (msg?.type !== 'buffer' || msg.tabId !== tabId || stopped) return;
        if (msg.entries.length) handlers.onEntries(msg.entries as RawHarEntry[]);
      };
      channel.postMessage({ type: 'hello', tabId } satisfies ChannelMessage);

      const onFinished = (entry: unknown) => {
        if (!stopped) handlers.onEntries([entry as RawHarEntry]);
      };
      const onNavigated = (url: string) => {
        lastSeen = '';
        if (!stopped) handlers.onNavigated?.(url);
      };
      browser.devtools.network.onRequestFinished.addListener(onFinished);
      browser.devtools.network.onNavigated.addListener(onNavigated);

      void getHar().then((entries) => {
        if (stopped) return;
        if (entries.length) handlers.onEntries(entries as RawHarEntry[]);
        else if (firefox) {
          handlers.onNotice?.({
            code: 'earlier-requests-unavailable',
            message:
              'Firefox only shares requests made before AuthLens was opened once the Network panel has been opened. Reload the page to capture everything.',
          });
        }
      });

      let timer: ReturnType<typeof setTimeout> | undefined;
      let idleDelay = HAR_POLL_MS;
      let lastTook = 0;
      let lastEvent = -Infinity;
      const schedule = () => {
        if (!stopped) timer = setTimeout(() => void poll(), Math.max(idleDelay, lastTook * HAR_POLL_COST_FACTOR));
      };
      const poll = async () => {
        timer = undefined;
        const now = performance.now();
        if (now - lastEvent < HAR_POLL_QUIET_MS) {
          timer = setTimeout(() => void poll(), HAR_POLL_QUIET_MS);
          return;
        }
        if (document.visibilityState === 'visible') {
          const t0 = performance.now();
          const entries = await getHar();
          lastTook = performance.now() - t0;
          if (stopped) return;
          let answered = 0;
          for (const e of entries) if (Number((e as { response?: { status?: unknown } }).response?.status) > 0) answered++;
          const seen = `${entries.length}:${answered}`;
          if (seen !== lastSeen) {
            lastSeen = seen;
            idleDelay = HAR_POLL_MS;
            if (entries.length) handlers.onEntries(entries as RawHarEntry[]);
          } else {
            idleDelay = Math.min(HAR_POLL_MAX_MS, idleDelay * 2);
          }
        }
        schedule();
      };
      // Live events mean the page is busy: come back from a long idle wait (a pending re-read
      // keeps its turn, so re-reads still never overlap).
      const wake = () => {
        lastEvent = performance.now();
        if (idleDelay === HAR_POLL_MS) return;
        idleDelay = HAR_POLL_MS;
        if (timer) {
          clearTimeout(timer);
          schedule();
        }
      };
      browser.devtools.network.onRequestFinished.addListener(wake);
      if (!firefox) timer = setTimeout(() => void poll(), HAR_POLL_MS);

      return () => {
        stopped = true;
        if (timer) clearTimeout(timer);
        browser.devtools.network.onRequestFinished.removeListener(wake);
        channel.close();
        browser.devtools.network.onRequestFinished.removeListener(onFinished);
        browser.devtools.network.onNavigated.removeListener(onNavigated);
      };
    },

    getContent(entry: RawHarEntry) {
      return readContent(entry as RawEntry);
    },

    ...pageServices(SETTINGS_KEY),

    openHar() {
      window.open(browser.runtime.getURL('/src/viewer/viewer.html'), '_blank');
    },
  };
}
