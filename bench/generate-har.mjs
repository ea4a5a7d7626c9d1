// A deterministic Chrome-style HAR of about `bytes` bytes: pages of JSON/HTML/JS responses,
// images, redirects, preflights, cookies, and some 401/403 with challenges and bearer JWTs.
import { writeFileSync } from 'node:fs';

function prng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32);
}

const b64 = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');

export function generateHar(bytes, seed = 42) {
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const start = Date.parse('2026-11-22T09:00:00.000Z');
  const entries = [];
  let size = 0;
  let t = start;
  const hosts = ['api.shop.example', 'cdn.shop.example', 'auth.shop.example', 'www.shop.example'];
  while (size < bytes) {
    t += Math.floor(rand() * 300);
    const now = Math.floor(t / 1000);
    const kind = rand();
    const host = pick(hosts);
    const token = `${b64({ alg: 'RS256', typ: 'at+jwt', kid: 'k1' })}.${b64({ iss: 'https://auth.shop.example/', aud: 'https://api.shop.example', sub: `user-${Math.floor(rand() * 1e6)}`, iat: now - 600, exp: kind < 0.04 ? now - 120 : now + 3000, scope: 'orders:read profile' })}.${'s'.repeat(342)}`;
    let status = 200;
    let mime = 'application/json';
    let body = '';
    const resHeaders = [{ name: 'date', value: new Date(t).toUTCString() }, { name: 'server', value: 'nginx' }];
    if (kind < 0.04) {
      status = 401;
      resHeaders.push({ name: 'www-authenticate', value: 'Bearer realm="api", error="invalid_token", error_description="The access token expired"' });
      body = '{"error":"invalid_token"}';
    } else if (kind < 0.06) {
      status = 403;
      resHeaders.push({ name: 'www-authenticate', value: 'Bearer error="insufficient_scope", scope="orders:write"' });
    } else if (kind < 0.5) {
      body = JSON.stringify({ items: Array.from({ length: 5 + Math.floor(rand() * 40) }, (_, i) => ({ id: i, name: `Item ${i} ${Math.floor(rand() * 1e9).toString(36)}`, price: Math.round(rand() * 10000) / 100, tags: ['a', 'b', 'c'] })) });
    } else if (kind < 0.7) {
      mime = 'text/html';
      body = '<!doctype html><html><body>' + '<div class="card"><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p></div>'.repeat(10 + Math.floor(rand() * 60)) + '</body></html>';
    } else if (kind < 0.85) {
      mime = 'application/javascript';
      body = 'function f(a,b){return a+b}\n'.repeat(50 + Math.floor(rand() * 400));
    } else {
      mime = 'image/png';
      body = Buffer.from(Array.from({ length: 200 + Math.floor(rand() * 3000) }, () => Math.floor(rand() * 256))).toString('base64');
    }
    const path = `/v1/${pick(['orders', 'products', 'cart', 'profile', 'search', 'assets/app.js', 'img/p.png'])}/${Math.floor(rand() * 1000)}`;
    const entry = {
      startedDateTime: new Date(t).toISOString(),
      time: Math.round(rand() * 200 * 1000) / 1000,
      request: {
        method: kind < 0.3 && rand() < 0.2 ? 'POST' : 'GET',
        url: `https://${host}${path}?page=${Math.floor(rand() * 10)}`,
        httpVersion: 'h2',
        headers: [
          { name: ':authority', value: host },
          { name: 'accept', value: mime === 'application/json' ? 'application/json' : '*/*' },
          { name: 'authorization', value: `Bearer ${token}` },
          { name: 'cookie', value: `sid=${Math.floor(rand() * 1e12).toString(36)}; theme=dark` },
          { name: 'user-agent', value: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36' },
        ],
        queryString: [{ name: 'page', value: '1' }],
        cookies: [{ name: 'sid', value: 'x' }],
        headersSize: -1,
        bodySize: 0,
      },
      response: {
        status,
        statusText: '',
        httpVersion: 'h2',
        headers: [...resHeaders, { name: 'content-type', value: mime }, { name: 'cache-control', value: 'no-store' }],
        cookies: [],
        content: { size: body.length, mimeType: mime, text: body, ...(mime === 'image/png' ? { encoding: 'base64' } : {}) },
        redirectURL: '',
        headersSize: -1,
        bodySize: body.length,
        _transferSize: body.length,
      },
      cache: {},
      timings: { blocked: 1, dns: -1, ssl: -1, connect: -1, send: 0.1, wait: 20, receive: 1 },
      serverIPAddress: '[::1]',
      _resourceType: mime === 'application/json' ? 'fetch' : mime === 'text/html' ? 'document' : mime === 'image/png' ? 'image' : 'script',
      _initiator: { type: 'script' },
    };
    size += body.length + 1200;
    entries.push(entry);
  }
  return { log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, pages: [], entries } };
}

export function writeHar(path, bytes) {
  const text = JSON.stringify(generateHar(bytes));
  writeFileSync(path, text, 'latin1');
  return text.length;
}
