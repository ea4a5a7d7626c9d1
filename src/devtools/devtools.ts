/**
 * The devtools page starts with DevTools, before the AuthLens panel is ever shown. It registers the
 * panel and, until the panel asks for them, keeps the requests that finish meanwhile: Firefox's
 * `getHAR()` returns nothing unless the Network Monitor was opened, so these would be lost there.
 */
import {
  browser,
  CAPTURE_CHANNEL,
  cloneableEntry,
  inspectedTabId,
  type ChannelMessage,
  type RawEntry,
} from './devtools-api.js';

const MAX_BUFFERED = 5000;
const buffer: RawEntry[] = [];
let dropped = 0;
let handedOver = false;

function onRequestFinished(entry: unknown) {
  if (handedOver) return;
  buffer.push(cloneableEntry(entry as RawEntry));
  if (buffer.length > MAX_BUFFERED) {
    buffer.shift();
    dropped++;
  }
}

browser.devtools.network.onRequestFinished.addListener(onRequestFinished);

const tabId = inspectedTabId();
const channel = new BroadcastChannel(CAPTURE_CHANNEL);
channel.onmessage = (event: MessageEvent<ChannelMessage>) => {
  const msg = event.data;
  if (msg?.type !== 'hello' || msg.tabId !== tabId) return;
  const reply: ChannelMessage = { type: 'buffer', tabId, entries: buffer.splice(0), dropped };
  channel.postMessage(reply);
  // From now on the panel listens itself.
  handedOver = true;
  browser.devtools.network.onRequestFinished.removeListener(onRequestFinished);
};

// The path must be absolute: relative paths resolve differently in Chrome and Firefox.
void browser.devtools.panels.create('AuthLens', '/icons/icon-32.png', '/src/devtools/panel.html');
