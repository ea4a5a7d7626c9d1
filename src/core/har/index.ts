export { readHar, normalizeEntry, parseHarText, type HarReadResult } from './read-har.js';
export { headerValue, headerValues, type Body, type Cookie, type Exchange, type Header } from './exchange.js';
