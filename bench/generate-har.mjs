// A deterministic (seeded) Chrome-style HAR of about `bytes` bytes, the traffic of a shop SPA:
// JSON API calls with bearer JWTs, HTML documents, scripts, images (base64), redirects, CORS
// preflights, cookies and Set-Cookie, and a few 401/403 with WWW-Authenticate. ASCII throughout.
//   node bench/generate-har.mjs <bytes> <out.har> [seed]
import { writeFileSync } from 'node:fs';

/** mulberry32-style PRNG: same seed, same HAR, on every machine. */
function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const b64url = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const APP = 'https://www.shop.example';
const API = 'https://api.shop.example';
const CDN = 'https://cdn.shop.example';
const AUTH = 'https://auth.shop.example';

export function generateHar(bytes, seed = 42) {
  const rand = prng(seed);
  const int = (n) => Math.floor(rand() * n);
  const pick = (list) => list[int(list.length)];
  const word = () => pick(['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima']);
  const start = Date.parse('2026-11-22T09:00:00.000Z');
  const entries = [];
  let size = 0;
  let t = start;
  let sid = int(1e12).toString(36);
  const jwtFor = (now, expired) =>
    `${b64url({ alg: 'RS256', typ: 'at+jwt', kid: 'k1' })}.${b64url({ iss: `${AUTH}/`, aud: API, sub: `user-${int(1e6)}`, client_id: 'shop-spa', iat: now - 600, exp: expired ? now - 120 : now + 3000, scope: 'orders:read profile' })}.${Buffer.from(Array.from({ length: 256 }, () => int(256))).toString('base64url')}`;
  let token = jwtFor(Math.floor(start / 1000), false);

  const entry = (o) => {
    const { method = 'GET', url, status = 200, reqHeaders = [], resHeaders = [], mime = '', body = '', encoding, type = 'fetch', postData, redirectURL = '', cookies = [] } = o;
    const u = new URL(url);
    const wait = Math.round(rand() * 180 * 1000) / 1000;
    const e = {
      _connectionId: String(1000 + int(400)),
      _initiator: type === 'document' ? { type: 'other' } : { type: 'script', stack: { callFrames: [{ functionName: 'request', scriptId: '12', url: `${CDN}/assets/app.js`, lineNumber: 1, columnNumber: int(90000) }] } },
      _priority: type === 'image' ? 'Low' : 'High',
      _resourceType: type,
      cache: {},
      connection: '443',
      request: {
        method,
        url,
        httpVersion: 'http/2.0',
        headers: [
          { name: ':authority', value: u.host },
          { name: ':method', value: method },
          { name: ':path', value: u.pathname + u.search },
          { name: ':scheme', value: 'https' },
          { name: 'accept', value: type === 'fetch' ? 'application/json' : type === 'image' ? 'image/avif,image/webp,*/*' : '*/*' },
          { name: 'accept-encoding', value: 'gzip, deflate, br, zstd' },
          { name: 'accept-language', value: 'en-US,en;q=0.9' },
          ...reqHeaders,
          { name: 'user-agent', value: UA },
        ],
        queryString: [...u.searchParams].map(([name, value]) => ({ name, value })),
        cookies,
        headersSize: -1,
        bodySize: postData ? postData.text.length : 0,
        ...(postData ? { postData } : {}),
      },
      response: {
        status,
        statusText: '',
        httpVersion: 'http/2.0',
        headers: [{ name: 'date', value: new Date(t).toUTCString() }, { name: 'server', value: 'nginx' }, ...(mime ? [{ name: 'content-type', value: mime }] : []), { name: 'content-length', value: String(body.length) }, ...resHeaders],
        cookies: [],
        content: { size: body.length, mimeType: mime || 'x-unknown', ...(body ? { text: body } : {}), ...(encoding ? { encoding } : {}) },
        redirectURL,
        headersSize: -1,
        bodySize: -1,
        _transferSize: body.length + 300,
        _error: null,
        _fetchedViaServiceWorker: false,
      },
      serverIPAddress: pick(['203.0.113.10', '203.0.113.11', '[2001:db8::1]']),
      startedDateTime: new Date(t).toISOString(),
      time: wait + 3,
      timings: { blocked: 1.2, dns: -1, ssl: -1, connect: -1, send: 0.1, wait, receive: 1.5, _blocked_queueing: 0.8, _workerStart: -1, _workerReady: -1, _workerFetchStart: -1, _workerRespondWithSettled: -1 },
    };
    entries.push(e);
    // Entries sit 3 levels deep in the file: their own indentation adds ~6 bytes a line.
    size += JSON.stringify(e, null, 2).length * 1.15;
    return e;
  };
  const sessionCookie = () => ({ name: 'cookie', value: `sid=${sid}; theme=dark; _ga=GA1.1.${int(1e9)}.${int(1e9)}` });

  while (size < bytes) {
    t += int(250);
    const now = Math.floor(t / 1000);
    const k = rand();
    if (k < 0.03) {
      // A page navigation: redirect to login on the auth server, back, then the document.
      entry({ url: `${APP}/account`, status: 302, type: 'document', resHeaders: [{ name: 'location', value: `${AUTH}/authorize?client_id=shop-spa&response_type=code&state=${int(1e9)}` }], redirectURL: `${AUTH}/authorize?client_id=shop-spa&response_type=code&state=${int(1e9)}`, reqHeaders: [sessionCookie()] });
      entry({ url: `${AUTH}/authorize?client_id=shop-spa&response_type=code&state=${int(1e9)}`, status: 302, type: 'document', resHeaders: [{ name: 'location', value: `${APP}/callback?code=${int(1e12).toString(36)}` }, { name: 'set-cookie', value: `auth_session=${int(1e12).toString(36)}; Path=/; Secure; HttpOnly; SameSite=Lax` }], redirectURL: `${APP}/callback?code=x` });
      sid = int(1e12).toString(36);
      token = jwtFor(now, false);
      entry({ url: `${APP}/account`, type: 'document', mime: 'text/html; charset=utf-8', body: '<!doctype html><html><head><title>Shop</title></head><body>' + `<div class="card"><h2>${word()}</h2><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p></div>`.repeat(20 + int(80)) + '</body></html>', resHeaders: [{ name: 'set-cookie', value: `sid=${sid}; Path=/; Secure; HttpOnly; SameSite=Lax` }] });
    } else if (k < 0.06) {
      // A CORS preflight before a cross-origin POST with a bearer token.
      entry({ method: 'OPTIONS', url: `${API}/v1/cart/items`, status: 204, type: 'preflight', reqHeaders: [{ name: 'access-control-request-method', value: 'POST' }, { name: 'access-control-request-headers', value: 'authorization,content-type' }, { name: 'origin', value: APP }], resHeaders: [{ name: 'access-control-allow-origin', value: APP }, { name: 'access-control-allow-headers', value: 'authorization, content-type' }, { name: 'access-control-allow-methods', value: 'GET, POST, PUT, DELETE' }, { name: 'access-control-max-age', value: '600' }] });
      entry({ method: 'POST', url: `${API}/v1/cart/items`, status: 201, mime: 'application/json', body: JSON.stringify({ id: int(1e6), qty: 1 + int(3) }), reqHeaders: [{ name: 'authorization', value: `Bearer ${token}` }, { name: 'content-type', value: 'application/json' }, { name: 'origin', value: APP }], postData: { mimeType: 'application/json', text: JSON.stringify({ sku: `SKU-${int(1e6)}`, qty: 1 }) }, resHeaders: [{ name: 'access-control-allow-origin', value: APP }] });
    } else if (k < 0.085) {
      // An expired token: 401 with a challenge, then a refresh at the token endpoint.
      const expired = jwtFor(now, true);
      entry({ url: `${API}/v1/orders?page=${int(10)}`, status: 401, mime: 'application/json', body: '{"error":"invalid_token","error_description":"The access token expired"}', reqHeaders: [{ name: 'authorization', value: `Bearer ${expired}` }, { name: 'origin', value: APP }], resHeaders: [{ name: 'www-authenticate', value: 'Bearer realm="api", error="invalid_token", error_description="The access token expired"' }, { name: 'access-control-allow-origin', value: APP }] });
      token = jwtFor(now, false);
      entry({ method: 'POST', url: `${AUTH}/oauth/token`, mime: 'application/json', body: JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600, scope: 'orders:read profile' }), reqHeaders: [{ name: 'content-type', value: 'application/x-www-form-urlencoded' }], postData: { mimeType: 'application/x-www-form-urlencoded', text: `grant_type=refresh_token&refresh_token=${int(1e15).toString(36)}&client_id=shop-spa`, params: [{ name: 'grant_type', value: 'refresh_token' }] } });
    } else if (k < 0.095) {
      entry({ method: 'POST', url: `${API}/v1/orders`, status: 403, mime: 'application/json', body: '{"error":"insufficient_scope"}', reqHeaders: [{ name: 'authorization', value: `Bearer ${token}` }, { name: 'origin', value: APP }], resHeaders: [{ name: 'www-authenticate', value: 'Bearer realm="api", error="insufficient_scope", scope="orders:write"' }], postData: { mimeType: 'application/json', text: '{"items":[1,2,3]}' } });
    } else if (k < 0.5) {
      const items = Array.from({ length: 5 + int(40) }, (_, i) => ({ id: i, name: `${word()} ${word()} ${int(1e9).toString(36)}`, price: Math.round(rand() * 10000) / 100, tags: [word(), word()], inStock: rand() < 0.8 }));
      entry({ url: `${API}/v1/${pick(['products', 'search', 'orders', 'recommendations'])}?page=${int(10)}&q=${word()}`, mime: 'application/json', body: JSON.stringify({ items, total: items.length }), reqHeaders: [{ name: 'authorization', value: `Bearer ${token}` }, { name: 'origin', value: APP }], resHeaders: [{ name: 'access-control-allow-origin', value: APP }, { name: 'cache-control', value: 'no-store' }] });
    } else if (k < 0.6) {
      entry({ url: `${APP}/${pick(['products', 'cart', 'help'])}/${int(1000)}`, type: 'document', mime: 'text/html; charset=utf-8', body: '<!doctype html><html><body>' + `<section><h3>${word()}</h3><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.</p></section>`.repeat(10 + int(60)) + '</body></html>', reqHeaders: [sessionCookie()] });
    } else if (k < 0.78) {
      entry({ url: `${CDN}/assets/${word()}-${int(1e6).toString(16)}.js`, type: 'script', mime: 'application/javascript', body: `function ${word()}(a,b){return a+b}\n`.repeat(40 + int(400)), resHeaders: [{ name: 'cache-control', value: 'public, max-age=31536000, immutable' }] });
    } else if (k < 0.97) {
      entry({ url: `${CDN}/img/${word()}-${int(1e5)}.png`, type: 'image', mime: 'image/png', body: Buffer.from(Array.from({ length: 300 + int(4000) }, () => int(256))).toString('base64'), encoding: 'base64', resHeaders: [{ name: 'cache-control', value: 'public, max-age=86400' }] });
    } else {
      // Analytics beacon with cookies (request cookies[] as Chrome fills it).
      entry({ method: 'POST', url: `${APP}/collect?v=2&tid=G-${int(1e6)}`, status: 204, type: 'ping', reqHeaders: [sessionCookie()], cookies: [{ name: 'sid', value: sid, path: '/', domain: 'www.shop.example', expires: null, httpOnly: true, secure: true }], postData: { mimeType: 'text/plain', text: `en=page_view&dl=${encodeURIComponent(APP + '/products')}` } });
    }
  }
  return {
    log: {
      version: '1.2',
      creator: { name: 'WebInspector', version: '537.36' },
      pages: [{ startedDateTime: new Date(start).toISOString(), id: 'page_1', title: `${APP}/`, pageTimings: { onContentLoad: 420, onLoad: 910 } }],
      entries,
    },
  };
}

/** Writes the HAR (2-space indented JSON, like Chrome's export); returns its size in bytes. */
export function writeHar(path, bytes, seed = 42) {
  const text = JSON.stringify(generateHar(bytes, seed), null, 2);
  writeFileSync(path, text, 'latin1');
  return Buffer.byteLength(text, 'latin1');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [bytes, out, seed] = process.argv.slice(2);
  if (!bytes || !out) {
    console.error('usage: node bench/generate-har.mjs <bytes> <out.har> [seed]');
    process.exit(2);
  }
  console.log(`${writeHar(out, Number(bytes), Number(seed ?? 42))} bytes → ${out}`);
}
