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
// (`if (!res.ok) throw …`), so the log is re-read while the panel is visible.
const HAR_POLL_MS = 2500;

export function createDevtoolsSource(): NetworkSource {
  const firefox = isFirefox();
  return {
    kind: 'devtools',
    theme: browser.devtools.panels.themeName === 'dark' ? 'dark' : 'light',

    subscribe(handlers: SourceHandlers) {
      const tabId = inspectedTabId();
      let stopped = false;

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

      let timer: ReturnType<typeof setInterval> | undefined;
      if (!firefox) {
        timer = setInterval(() => {
          if (document.visibilityState !== 'visible') return;
          void getHar().then((entries) => {
            if (!stopped && entries.length) handlers.onEntries(entries as RawHarEntry[]);
          });
        }, HAR_POLL_MS);
      }

      return () => {
        stopped = true;
        if (timer) clearInterval(timer);
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
