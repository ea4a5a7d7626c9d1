// Hostile HAR files (SECURITY.md): `node scripts/make-hostile-fixtures.mjs` rewrites the small ones
// in test/fixtures/hostile/ (committed); `--large <dir>` writes the big ones (10 MB header, 100k-level
// JSON) to <dir>. Tests call writeLargeHostileFixtures(tmpdir) so nothing large is committed.
// Output is deterministic: the random bytes come from a seeded generator.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const HOSTILE_DIR = 'test/fixtures/hostile';

const b64u = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
const jwt = (claims, header = { alg: 'RS256', typ: 'JWT' }) => `${b64u(header)}.${b64u(claims)}.c2lnbmF0dXJl`;

function entry({ url = 'https://api.example.test/orders', method = 'GET', status = 401, reqHeaders = [], resHeaders = [], content = { size: 0, mimeType: 'application/json' }, postData } = {}) {
  return {
    startedDateTime: '2026-11-22T10:00:00.000Z',
    time: 12,
    request: { method, url, httpVersion: 'HTTP/1.1', headers: reqHeaders.map(([name, value]) => ({ name, value })), cookies: [], queryString: [], headersSize: -1, bodySize: -1, ...(postData ? { postData } : {}) },
    response: {
      status,
      statusText: 'Unauthorized',
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Date', value: 'Sun, 22 Nov 2026 10:00:00 GMT' }, ...resHeaders.map(([name, value]) => ({ name, value }))],
      cookies: [],
      content,
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 1, wait: 10, receive: 1 },
    _resourceType: 'fetch',
  };
}

const har = (entries, comment) => ({ log: { version: '1.2', creator: { name: 'authlens-hostile-fixtures', version: '1' }, comment, pages: [], entries } });
const pretty = (v) => JSON.stringify(v, null, 2) + '\n';

/** Deterministic bytes (xorshift32), so the committed binary fixture never changes by itself. */
function bytes(n, seed = 0x9e3779b9) {
  const out = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

const XSS = ['<script>alert(1)</script>', '<img src=x onerror="window.__pwned=1">', 'javascript:alert(document.domain)', '"><svg onload=alert(1)>', "'-alert(1)-'"];

/** The small fixtures, as file name → contents (string or Buffer). */
export function smallHostileFixtures() {
  const good = pretty(
    har([entry({ reqHeaders: [['Authorization', `Bearer ${jwt({ sub: 'user-1', exp: 1795000000 })}`]], resHeaders: [['WWW-Authenticate', 'Bearer realm="api", error="invalid_token", error_description="The access token expired"']] })], 'cut below'),
  );
  // Cut in the middle of the bearer token string: the reader must say where the file ends.
  const cut = good.indexOf('eyJ') + 20;

  const wrongTypes = har(
    [
      { startedDateTime: 12345, time: '12', request: { method: ['GET'], url: 42, headers: 'Authorization: Bearer x', cookies: { sid: '1' }, queryString: 'a=b', postData: 'text' }, response: { status: '401', headers: 'WWW-Authenticate: Bearer', content: { text: 7, size: 'big', encoding: 5 }, redirectURL: {} } },
      { request: null, response: [] },
      { request: { url: 'https://api.example.test/a', headers: [null, 1, 'x', { name: 7, value: { nested: true } }, { name: 'Authorization' }, { value: 'orphan' }] }, response: { status: { code: 401 }, headers: [{ name: 'WWW-Authenticate', value: ['Bearer', 'realm="x"'] }], cookies: 'sid=1', content: [] } },
      { request: { url: 'https://api.example.test/b', method: 'GET', headers: [{ name: 'Authorization', value: 'Bearer ' }] }, response: { status: 401.5, headers: { 'WWW-Authenticate': 'Bearer error=invalid_token' } } },
      { request: { url: 'https://api.example.test/c', headers: [] }, response: { status: -1, statusText: 401, headers: [] } },
      { request: { url: 'https://api.example.test/d', headers: [] }, response: { status: 1e99, headers: [] }, timings: 'fast', cache: null, pageref: 4 },
      { request: { url: 'https://api.example.test/e', headers: [] }, response: { status: Number.MAX_SAFE_INTEGER, headers: [] }, _fromCache: 'maybe' },
      null,
      'entry',
      17,
      [],
      true,
    ],
    'wrong types everywhere: headers as a string, status as a string, objects where lists go, lists where objects go',
  );
  wrongTypes.log.pages = { id: 'page_1' };
  wrongTypes.log.creator = 'not an object';
  wrongTypes.log.version = 1.2;

  const entriesObject = { log: { version: '1.2', creator: { name: 'x', version: '1' }, entries: { 0: entry(), 1: entry() } } };

  const binary = bytes(4096);
  const binaryHar = pretty(
    har(
      [
        entry({ content: { size: binary.length, mimeType: 'application/octet-stream', encoding: 'base64', text: binary.toString('base64') } }),
        // Says JSON, is random bytes.
        entry({ url: 'https://api.example.test/json-liar', content: { size: 512, mimeType: 'application/json', encoding: 'base64', text: bytes(512, 7).toString('base64') } }),
        // Not even base64.
        entry({ url: 'https://api.example.test/bad-base64', content: { size: 10, mimeType: 'application/json', encoding: 'base64', text: '%%%not base64!!!' } }),
        entry({ url: 'https://api.example.test/surrogates', resHeaders: [['WWW-Authenticate', 'Bearer error="\ud800"']], content: { size: 6, mimeType: 'text/plain', text: '\ud800\udc00\udfff\ud800x' } }),
        entry({ url: 'https://api.example.test/raw-bytes', content: { size: 8, mimeType: 'text/plain', text: 'RAW_BYTES_HERE' } }),
      ],
      'random bytes as base64, JSON that is not, lone surrogates, invalid UTF-8 bytes in a text body',
    ),
  );
  // Invalid UTF-8 written as raw bytes into the file (a JSON escape can't express them).
  const [head, tail] = binaryHar.split('RAW_BYTES_HERE');
  const binaryFile = Buffer.concat([Buffer.from(head, 'utf8'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82, 0xf0, 0x80]), Buffer.from(tail, 'utf8')]);

  const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('') + '\u007f\u0085\u2028\u2029\u202e\u202d\u2066\u2067\u2068\u2069\u200b\ufeff\u001b[31m\u001b]0;pwned\u0007';
  const controlHar = har(
    [
      entry({
        url: `https://api.example.test/ctl${encodeURIComponent('\u0000')}?q=${controls}`,
        method: `GET${'\u0000'}`,
        reqHeaders: [
          [`X-Ctl${controls}`, `v${controls}`],
          ['Authorization', `Bearer ${jwt({ sub: `user${controls}`, iss: `https://id.example.test/${'\u202e'}evil`, scope: `read${'\u2028'}write`, exp: 1795000000 })}`],
          ['Cookie', `sid=${'\u0001'}abc${'\u2029'}def`],
        ],
        resHeaders: [
          ['WWW-Authenticate', `Bearer realm="a${'\u0000'}b", error="invalid_token", error_description="${'\u202e'}deppots${'\u2028'}line${'\u001b'}[2J"`],
          [`X-${'\u202e'}Reversed`, `text${'\u2066'}isolate${'\u2069'}`],
        ],
        content: { size: 40, mimeType: 'application/json', text: JSON.stringify({ error: `invalid_token${controls}`, error_description: controls }) },
      }),
      entry({ url: 'https://api.example.test/bidi\u202eexe.txt', resHeaders: [['WWW-Authenticate', `Bearer${'\u0009'}realm="tab"${'\u000b'}`]] }),
    ],
    'C0 controls, DEL, NEL, U+2028/2029, bidi overrides and isolates, zero-width, BOM, ANSI escapes',
  );

  const [script, img, jsUrl, svg] = XSS;
  const htmlHar = har(
    [
      entry({
        url: `https://api.example.test/${encodeURIComponent(script)}?next=${jsUrl}&x=${img}`,
        reqHeaders: [
          ['Authorization', `Bearer ${jwt({ sub: script, name: img, iss: jsUrl, aud: svg, scope: `${script} ${img}`, exp: 1795000000, acr: img })}`],
          [`X-${script}`, img],
          ['Referer', jsUrl],
        ],
        resHeaders: [
          ['WWW-Authenticate', `Bearer realm="${img.replace(/"/g, "'")}", error="invalid_token", error_description="${script}", error_uri="${jsUrl}", scope="${img.replace(/"/g, "'")}"`],
          ['X-Debug', `${script}${img}${svg}`],
          ['Location', jsUrl],
          ['Link', `<${jsUrl}>; rel="help"`],
        ],
        content: { size: 200, mimeType: 'application/json', text: JSON.stringify({ error: 'invalid_token', error_description: script, error_uri: jsUrl, message: img, html: `<a href="${jsUrl}">x</a>${svg}` }) },
      }),
      entry({ url: 'https://api.example.test/html-body', status: 403, resHeaders: [['Content-Type', 'text/html']], content: { size: 100, mimeType: 'text/html', text: `<!doctype html><html><body>${script}${img}<form action="${jsUrl}"><input type="password" name="password"></form></body></html>` } }),
      entry({ url: jsUrl, method: script, status: 407, resHeaders: [['Proxy-Authenticate', `Basic realm="${script}"`]] }),
    ],
    'script, img onerror, svg onload and javascript: URLs in URLs, headers, challenge parameters, JWT claims and bodies',
  );

  return {
    'truncated.har': good.slice(0, cut),
    'not-json.har': '<!doctype html>\n<html><head><title>502 Bad Gateway</title></head>\n<body><h1>502 Bad Gateway</h1></body></html>\n',
    'wrong-types.har': pretty(wrongTypes),
    'entries-object.har': pretty(entriesObject),
    'binary-body.har': binaryFile,
    'control-chars.har': pretty(controlHar),
    'html-payloads.har': pretty(htmlHar),
  };
}

/** Writes the fixtures too big to commit into `dir`; returns their paths by name. */
export function writeLargeHostileFixtures(dir) {
  mkdirSync(dir, { recursive: true });
  const depth = 100_000;
  const deep = '['.repeat(depth) + '"bottom"' + ']'.repeat(depth);
  const deepObject = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  // An exporter extra nested as deep, written as raw JSON (JSON.stringify would run out of stack).
  const extra = { ...entry({ url: 'https://api.example.test/deep-extra' }), _extra: '__DEEP_EXTRA__' };
  const files = {
    'deep-json.har': pretty(
      har(
        [
          extra,
          entry({ resHeaders: [['WWW-Authenticate', 'Bearer error="invalid_token"']], content: { size: deep.length, mimeType: 'application/json', text: deep } }),
          entry({ url: 'https://api.example.test/deep-object', content: { size: deepObject.length, mimeType: 'application/json', text: deepObject } }),
          entry({ url: 'https://api.example.test/oauth/token', method: 'POST', status: 400, postData: { mimeType: 'application/json', text: deepObject }, content: { size: deep.length, mimeType: 'application/json', text: deep } }),
        ],
        'JSON nested 100,000 levels deep inside bodies and in an exporter extra',
      ),
    ).replace('"__DEEP_EXTRA__"', '[{"password":"hunter2","a":' + deepObject + '}]'),
    'huge-header.har': pretty(
      har(
        [
          entry({ reqHeaders: [['Authorization', 'Bearer ' + 'A'.repeat(10 * 1024 * 1024)]], resHeaders: [['WWW-Authenticate', 'Bearer realm="' + 'a'.repeat(10 * 1024 * 1024)]] }),
        ],
        '10 MB header values',
      ),
    ),
  };
  const paths = {};
  for (const [name, text] of Object.entries(files)) {
    paths[name] = join(dir, name);
    writeFileSync(paths[name], text);
  }
  return paths;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--large');
  if (i >= 0) {
    const dir = process.argv[i + 1];
    if (!dir) throw new Error('--large needs a directory');
    for (const p of Object.values(writeLargeHostileFixtures(dir))) console.log(`wrote ${p}`);
  } else {
    mkdirSync(HOSTILE_DIR, { recursive: true });
    for (const [name, data] of Object.entries(smallHostileFixtures())) {
      writeFileSync(join(HOSTILE_DIR, name), data);
      console.log(`wrote ${join(HOSTILE_DIR, name)}`);
    }
  }
}
