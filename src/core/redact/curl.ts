import type { Exchange, Header } from '../har/exchange.js';
import { base64ToText } from './codec.js';
import { Redactor, type RedactOptions } from './redactor.js';

export interface CurlOptions extends Pick<RedactOptions, 'level' | 'allow' | 'salt'> {
  /** False (default): Authorization, cookies, API keys and secret parameters are replaced by markers. */
  includeCredentials?: boolean;
}

interface Request {
  method: string;
  url: string;
  headers: Header[];
  cookies: { name: string; value: string }[];
  body: { mimeType: string; text: string | null; params?: { name: string; value: string }[] } | null;
}

/**
 * "Copy as cURL" for one request: an `Exchange` or a raw HAR entry (or its `request`). Redacted
 * unless `includeCredentials` is true. Every argument is single-quoted for POSIX shells, so nothing
 * in a captured request (attacker-controlled) can run a command.
 */
export function toCurl(input: Exchange | Record<string, unknown>, opts: CurlOptions = {}): string {
  const req = toRequest(input);
  const r = opts.includeCredentials === true ? null : new Redactor(opts);
  const url = r ? r.url(req.url) : req.url;
  // A URL that starts with `-` would be read as an option; `--url` takes it as a value.
  const args: string[] = [`curl ${url.startsWith('-') ? '--url ' : ''}${shellQuote(url)}`];
  // curl expands `[1-9]` and `{a,b}` in URLs unless globbing is off.
  if (/[[\]{}]/.test(url)) args.push('--globoff');
  const method = req.method.toUpperCase();
  const hasBody = req.body !== null && (req.body.text !== null || (req.body.params?.length ?? 0) > 0);
  if (method === 'HEAD') args.push('--head');
  else if (method !== 'GET' || hasBody) {
    if (!(method === 'POST' && hasBody)) args.push(`-X ${shellQuote(method)}`);
  }
  let sawCookie = false;
  let compressed = false;
  for (const h of req.headers) {
    const lname = h.name.toLowerCase();
    // Pseudo-headers and framing headers are curl's job; a name that isn't an HTTP token can't be sent
    // (and `-H @file` would read a file).
    if (lname.startsWith(':') || lname === 'content-length' || lname === 'connection' || lname === 'transfer-encoding') continue;
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(h.name)) continue;
    if (lname === 'accept-encoding') compressed = true;
    if (lname === 'cookie') sawCookie = true;
    const value = r ? r.header(h.name, h.value) : h.value;
    args.push(`-H ${shellQuote(`${h.name}: ${value}`)}`);
  }
  if (!sawCookie && req.cookies.length > 0) {
    const jar = req.cookies.map((c) => `${c.name}=${r ? r.cookieValue(c.value, 'cookie') : c.value}`).join('; ');
    args.push(`-b ${shellQuote(jar)}`);
  }
  if (hasBody && req.body) {
    const b = req.body;
    let text: string;
    if (b.text !== null) text = r ? r.body(b.text, b.mimeType, false) : b.text;
    else text = (b.params ?? []).map((p) => `${p.name}=${r ? r.param(p.name, p.value, 'form') : p.value}`).join('&');
    args.push(`--data-raw ${shellQuote(text)}`);
  }
  if (compressed) args.push('--compressed');
  return args.join(' \\\n  ');
}

/** POSIX single quoting: everything is literal inside '…'; a quote becomes '\''. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function toRequest(input: Exchange | Record<string, unknown>): Request {
  if ('requestHeaders' in input && Array.isArray(input.requestHeaders)) {
    const x = input as Exchange;
    return { method: x.method, url: x.url, headers: x.requestHeaders, cookies: x.requestCookies, body: x.requestBody };
  }
  const raw = input as Record<string, unknown>;
  const q = isObject(raw.request) ? raw.request : raw;
  const pd = isObject(q.postData) ? q.postData : null;
  let body: Request['body'] = null;
  if (pd) {
    const mimeType = typeof pd.mimeType === 'string' ? pd.mimeType : '';
    let text = typeof pd.text === 'string' ? pd.text : null;
    if (text !== null && pd.encoding === 'base64') text = base64ToText(text) ?? text;
    body = { mimeType, text, params: pairs(pd.params) };
  }
  return {
    method: typeof q.method === 'string' ? q.method : 'GET',
    url: typeof q.url === 'string' ? q.url : '',
    headers: pairs(q.headers),
    cookies: pairs(q.cookies),
    body,
  };
}

function pairs(v: unknown): { name: string; value: string }[] {
  if (!Array.isArray(v)) return [];
  const out: { name: string; value: string }[] = [];
  for (const item of v) {
    if (isObject(item) && typeof item.name === 'string') out.push({ name: item.name, value: typeof item.value === 'string' ? item.value : '' });
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
