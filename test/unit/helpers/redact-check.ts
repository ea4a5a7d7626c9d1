/**
 * Test helpers for redaction: HAR 1.2 shape validation and a leak detector that looks for a secret
 * raw, percent-encoded, base64 and base64url, and inside every base64 run it can decode.
 */

export const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
export const b64u = (s: string): string => Buffer.from(s, 'utf8').toString('base64url');

export function makeJwt(claims: Record<string, unknown>, signature: string, header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT', kid: 'k1' }): string {
  return `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(claims))}.${signature}`;
}

/** Every string in a JSON value (keys too). */
function strings(v: unknown, out: string[]): void {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      out.push(k);
      strings(x, out);
    }
  }
}

function decodings(s: string): string[] {
  const out = [s];
  try {
    out.push(decodeURIComponent(s.replace(/\+/g, ' ')));
  } catch {
    /* not percent-encoded */
  }
  for (const run of s.match(/[A-Za-z0-9+/_-]{8,}={0,2}/g) ?? []) {
    for (const enc of ['base64', 'base64url'] as const) {
      const text = Buffer.from(run, enc).toString('latin1');
      out.push(text);
    }
  }
  return out;
}

/** The secrets (with the encoding they were found in) that survive anywhere in `output`. */
export function leaks(output: unknown, secrets: readonly string[]): string[] {
  const text = JSON.stringify(output);
  const found: string[] = [];
  const all: string[] = [];
  strings(output, all);
  for (const secret of secrets) {
    const forms: [string, string][] = [
      ['raw', secret],
      ['url', encodeURIComponent(secret)],
      ['base64', b64(secret)],
      ['base64-nopad', b64(secret).replace(/=+$/, '')],
      ['base64url', b64u(secret)],
    ];
    let hit = forms.find(([, f]) => text.includes(f) || text.includes(JSON.stringify(f).slice(1, -1)));
    if (!hit) {
      for (const s of all) {
        if (s.length < secret.length) continue;
        // Decoded strings may be JSON themselves, with the secret escaped.
        if (decodings(s).some((d) => d.includes(secret))) {
          hit = ['decoded', s.slice(0, 80)];
          break;
        }
      }
    }
    if (hit) found.push(`${secret} (${hit[0]})`);
  }
  return found;
}

type Check = (v: unknown) => boolean;
const isStr: Check = (v) => typeof v === 'string';
const isNum: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Required fields and types of HAR 1.2 (the parts Chrome's and Firefox's importers read). Returns problems. */
export function validateHar(har: unknown): string[] {
  const p: string[] = [];
  const need = (o: Record<string, unknown>, key: string, check: Check, path: string): void => {
    if (!check(o[key])) p.push(`${path}.${key}: ${JSON.stringify(o[key])?.slice(0, 40)}`);
  };
  const pairs = (v: unknown, path: string): void => {
    if (!Array.isArray(v)) {
      p.push(`${path}: not an array`);
      return;
    }
    v.forEach((x, i) => {
      if (!isObj(x)) p.push(`${path}[${i}]: not an object`);
      else {
        need(x, 'name', isStr, `${path}[${i}]`);
        if ('value' in x || !path.endsWith('params')) need(x, 'value', isStr, `${path}[${i}]`);
      }
    });
  };
  if (!isObj(har) || !isObj(har.log)) return ['no log object'];
  const log = har.log;
  need(log, 'version', isStr, 'log');
  if (!isObj(log.creator)) p.push('log.creator');
  else {
    need(log.creator, 'name', isStr, 'log.creator');
    need(log.creator, 'version', isStr, 'log.creator');
  }
  if (!Array.isArray(log.entries)) return [...p, 'log.entries'];
  log.entries.forEach((e: unknown, i: number) => {
    const at = `log.entries[${i}]`;
    if (!isObj(e)) return void p.push(at);
    need(e, 'startedDateTime', isStr, at);
    need(e, 'time', isNum, at);
    if (!isObj(e.cache)) p.push(`${at}.cache`);
    if (!isObj(e.timings)) p.push(`${at}.timings`);
    else for (const k of ['send', 'wait', 'receive']) need(e.timings, k, isNum, `${at}.timings`);
    const q = e.request;
    if (!isObj(q)) p.push(`${at}.request`);
    else {
      for (const k of ['method', 'url', 'httpVersion']) need(q, k, isStr, `${at}.request`);
      for (const k of ['headersSize', 'bodySize']) need(q, k, isNum, `${at}.request`);
      pairs(q.headers, `${at}.request.headers`);
      pairs(q.cookies, `${at}.request.cookies`);
      pairs(q.queryString, `${at}.request.queryString`);
      if (q.postData !== undefined) {
        if (!isObj(q.postData)) p.push(`${at}.request.postData`);
        else {
          need(q.postData, 'mimeType', isStr, `${at}.request.postData`);
          if (q.postData.params !== undefined) pairs(q.postData.params, `${at}.request.postData.params`);
          if (q.postData.text !== undefined) need(q.postData, 'text', isStr, `${at}.request.postData`);
        }
      }
    }
    const r = e.response;
    if (!isObj(r)) p.push(`${at}.response`);
    else {
      need(r, 'status', isNum, `${at}.response`);
      for (const k of ['statusText', 'httpVersion', 'redirectURL']) need(r, k, isStr, `${at}.response`);
      for (const k of ['headersSize', 'bodySize']) need(r, k, isNum, `${at}.response`);
      pairs(r.headers, `${at}.response.headers`);
      pairs(r.cookies, `${at}.response.cookies`);
      if (!isObj(r.content)) p.push(`${at}.response.content`);
      else {
        need(r.content, 'size', isNum, `${at}.response.content`);
        need(r.content, 'mimeType', isStr, `${at}.response.content`);
        if (r.content.text !== undefined) need(r.content, 'text', isStr, `${at}.response.content`);
      }
    }
  });
  return p;
}

export function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object') {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

/** A minimal valid entry; `patch` overrides request/response fields. */
export function entry(
  request: Record<string, unknown> = {},
  response: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    startedDateTime: '2025-03-01T10:00:00.000Z',
    time: 12,
    request: { method: 'GET', url: 'https://api.example.com/', httpVersion: 'HTTP/1.1', headers: [], cookies: [], queryString: [], headersSize: -1, bodySize: -1, ...request },
    response: {
      status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [], cookies: [],
      content: { size: 0, mimeType: 'text/plain' }, redirectURL: '', headersSize: -1, bodySize: -1, ...response,
    },
    cache: {},
    timings: { send: 1, wait: 10, receive: 1 },
    ...extra,
  };
}

export function har(entries: unknown[]): Record<string, unknown> {
  return { log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, pages: [], entries } };
}
