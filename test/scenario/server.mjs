// A loopback-only scenario server: its page triggers each auth failure AuthLens explains.
// Two origins on one port: http://127.0.0.1:<port> serves the page, http://localhost:<port> plays
// the cross-origin API (CORS cases). Used by the e2e tests and the `npm start` demo.
// Basic and Digest challenges are left to the HAR fixtures: a browser answers them with its own
// login prompt, which blocks the request in a headless run.
import { createServer } from 'node:http';
import { accessClaims, jwt } from './tokens.mjs';

const nowSec = () => Math.floor(Date.now() / 1000);

/**
 * Each scenario: what the page sends (`request`, run in the browser) and how the server answers
 * (`respond`). `expect` lists the finding codes AuthLens should report on the failing request.
 */
export function scenarios(port) {
  const api = `http://127.0.0.1:${port}`;
  const other = `http://localhost:${port}`;
  const aud = api;
  const t = (extra = {}, header) => jwt(accessClaims(nowSec(), aud, extra), header);
  return [
    {
      name: 'expired-token',
      label: 'Expired bearer token',
      path: '/api/orders',
      expect: ['token-expired'],
      request: () => ({ url: `${api}/api/orders`, headers: { Authorization: `Bearer ${t({ iat: nowSec() - 4320, nbf: nowSec() - 4320, exp: nowSec() - 720 })}` } }),
      respond: (req, res) =>
        send(res, 401, { 'WWW-Authenticate': 'Bearer realm="demo", error="invalid_token", error_description="The access token expired"', 'Content-Type': 'application/json' }, { error: 'invalid_token' }),
    },
    {
      name: 'no-credentials',
      label: 'No credentials',
      path: '/api/profile',
      expect: ['no-credentials'],
      request: () => ({ url: `${api}/api/profile` }),
      respond: (req, res) => send(res, 401, { 'WWW-Authenticate': 'Bearer realm="demo"' }, ''),
    },
    {
      name: 'insufficient-scope',
      label: '403 insufficient_scope',
      path: '/api/orders/create',
      expect: ['insufficient-scope'],
      request: () => ({ url: `${api}/api/orders/create`, method: 'POST', headers: { Authorization: `Bearer ${t()}`, 'Content-Type': 'application/json' }, body: '{"item":"book"}' }),
      respond: (req, res) =>
        send(res, 403, { 'WWW-Authenticate': 'Bearer realm="demo", error="insufficient_scope", scope="orders:write", error_description="orders:write is required"' }, { error: 'insufficient_scope' }),
    },
    {
      name: 'missing-challenge',
      label: '401 without WWW-Authenticate',
      path: '/api/legacy',
      expect: ['missing-challenge'],
      request: () => ({ url: `${api}/api/legacy`, headers: { Authorization: `Bearer ${t()}` } }),
      respond: (req, res) => send(res, 401, { 'Content-Type': 'text/plain' }, 'Unauthorized'),
    },
    {
      name: 'preflight-rejected',
      label: 'CORS preflight answered 401',
      path: '/api/cors-put',
      cross: true,
      expect: ['preflight-rejected'],
      request: () => ({ url: `${other}/api/cors-put`, method: 'PUT', headers: { Authorization: `Bearer ${t()}`, 'Content-Type': 'application/json' }, body: '{}' }),
      preflight: (req, res) => send(res, 401, { 'WWW-Authenticate': 'Bearer realm="demo"' }, ''),
      respond: (req, res) => send(res, 200, cors(req), { ok: true }),
    },
    {
      name: 'healthy',
      label: 'Healthy 200 with a valid token',
      path: '/api/me',
      expect: [],
      request: () => ({ url: `${api}/api/me`, headers: { Authorization: `Bearer ${t()}` } }),
      respond: (req, res) => send(res, 200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }, { sub: 'user-4711' }),
    },
    {
      name: 'malformed-authorization',
      label: 'Bearer undefined',
      path: '/api/cart',
      expect: ['malformed-authorization'],
      request: () => ({ url: `${api}/api/cart`, headers: { Authorization: 'Bearer undefined' } }),
      respond: (req, res) => send(res, 401, { 'WWW-Authenticate': 'Bearer realm="demo", error="invalid_token"' }, ''),
    },
    {
      name: 'wrong-audience',
      label: 'Token for another API',
      path: '/api/invoices',
      expect: ['wrong-audience'],
      request: () => ({ url: `${api}/api/invoices`, headers: { Authorization: `Bearer ${t({ aud: 'https://billing.example.test' })}` } }),
      respond: (req, res) => send(res, 401, { 'WWW-Authenticate': 'Bearer realm="demo", error="invalid_token", error_description="audience mismatch"' }, ''),
    },
    {
      name: 'token-not-yet-valid',
      label: 'Token not valid yet (nbf)',
      path: '/api/reports',
      expect: ['token-not-yet-valid'],
      request: () => ({ url: `${api}/api/reports`, headers: { Authorization: `Bearer ${t({ iat: nowSec() + 600, nbf: nowSec() + 600, exp: nowSec() + 4200 })}` } }),
      respond: (req, res) => send(res, 401, { 'WWW-Authenticate': 'Bearer realm="demo", error="invalid_token", error_description="token not yet valid"' }, ''),
    },
    {
      name: 'dpop-nonce-required',
      label: 'DPoP nonce required',
      path: '/api/dpop',
      expect: ['dpop-nonce-required'],
      request: () => ({ url: `${api}/api/dpop`, headers: { Authorization: `DPoP ${t({ cnf: { jkt: '0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I' } })}`, DPoP: jwt({ htm: 'GET', htu: `${api}/api/dpop`, iat: nowSec(), jti: 'p1' }, { typ: 'dpop+jwt', alg: 'ES256', jwk: { kty: 'EC', crv: 'P-256', x: 'l8tFrhx-34tV3hRICRDY9zCkDlpBhF42UQUfWVAWBFs', y: '9VE4jf_Ok_o64zbTTlcuNJajHmt6v9TDVrU0CdvGRDA' } }) } }),
      respond: (req, res) => send(res, 401, { 'WWW-Authenticate': 'DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof"', 'DPoP-Nonce': 'eyJ7S_zG.eyJH0-Z.HX4w-7v' }, ''),
    },
    {
      name: 'step-up-required',
      label: 'Step-up authentication (RFC 9470)',
      path: '/api/payments',
      expect: ['step-up-required'],
      request: () => ({ url: `${api}/api/payments`, headers: { Authorization: `Bearer ${t({ acr: 'pwd', auth_time: nowSec() - 7200 })}` } }),
      respond: (req, res) =>
        send(res, 401, { 'WWW-Authenticate': 'Bearer error="insufficient_user_authentication", error_description="A different authentication level is required", acr_values="mfa"' }, ''),
    },
    {
      name: 'cors-hides-failure',
      label: 'Cross-origin 401 without CORS headers',
      path: '/api/cors-hidden',
      cross: true,
      expect: ['cors-hides-failure'],
      request: () => ({ url: `${other}/api/cors-hidden` }),
      respond: (req, res) => send(res, 401, { 'WWW-Authenticate': 'Bearer realm="demo"' }, ''),
    },
    {
      name: 'challenge-hidden-by-cors',
      label: 'Challenge not exposed to the page',
      path: '/api/cors-unexposed',
      cross: true,
      expect: ['challenge-hidden-by-cors'],
      request: () => ({ url: `${other}/api/cors-unexposed` }),
      respond: (req, res) => send(res, 401, { ...cors(req), 'WWW-Authenticate': 'Bearer realm="demo"' }, ''),
    },
    {
      name: 'auth-dropped-on-redirect',
      label: 'Authorization dropped on a cross-origin redirect',
      path: '/api/moved',
      expect: [],
      request: () => ({ url: `${api}/api/moved`, headers: { Authorization: `Bearer ${t()}` } }),
      respond: (req, res) => send(res, 302, { Location: `${other}/api/moved-target` }, ''),
    },
    {
      name: 'auth-dropped-on-redirect-target',
      hidden: true,
      path: '/api/moved-target',
      cross: true,
      // The finding lands on the follow-up request that lost its Authorization header.
      expect: ['auth-dropped-on-redirect'],
      respond: (req, res) => send(res, 401, { ...cors(req), 'WWW-Authenticate': 'Bearer realm="demo"' }, ''),
    },
    {
      name: 'login-redirect',
      label: 'API answered with a login page',
      path: '/api/session-data',
      expect: [],
      request: () => ({ url: `${api}/api/session-data`, headers: { Accept: 'application/json' } }),
      respond: (req, res) => send(res, 302, { Location: '/login?next=%2Fapi%2Fsession-data' }, ''),
    },
    {
      name: 'login-page',
      hidden: true,
      path: '/login',
      expect: ['login-redirect'],
      respond: (req, res) => send(res, 200, { 'Content-Type': 'text/html' }, '<!doctype html><title>Sign in</title><form method="post" action="/login"><input name="username"><input type="password" name="password"></form>'),
    },
    {
      name: 'retry-loop',
      label: 'Same 401 again and again',
      path: '/api/notifications',
      repeat: 4,
      expect: ['retry-loop'],
      request: () => ({ url: `${api}/api/notifications`, headers: { Authorization: 'Bearer opaque-revoked-token-9f8e7d' } }),
      respond: (req, res) => send(res, 401, { 'WWW-Authenticate': 'Bearer realm="demo", error="invalid_token", error_description="Token revoked"' }, ''),
    },
    {
      name: 'refresh-failed',
      label: 'Refresh token refused',
      path: '/oauth/token',
      expect: ['refresh-failed'],
      request: () => ({ url: `${api}/oauth/token`, method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=refresh_token&refresh_token=rt-expired-123&client_id=demo-spa' }),
      respond: (req, res) => send(res, 400, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }, { error: 'invalid_grant', error_description: 'Refresh token expired' }),
    },
    {
      name: 'token-in-url',
      label: 'Access token in the query string',
      path: '/api/export',
      expect: ['token-in-url'],
      request: () => ({ url: `${api}/api/export?access_token=${t()}` }),
      respond: (req, res) => send(res, 401, { 'WWW-Authenticate': 'Bearer realm="demo", error="invalid_request", error_description="Use the Authorization header"' }, ''),
    },
    {
      name: 'forbidden',
      label: '403 with a valid token',
      path: '/api/admin',
      expect: ['forbidden'],
      request: () => ({ url: `${api}/api/admin`, headers: { Authorization: `Bearer ${t({ roles: ['user'] })}` } }),
      respond: (req, res) => send(res, 403, { 'Content-Type': 'application/json' }, { message: 'admin role required' }),
    },
    {
      name: 'forbidden-unauthenticated',
      label: '403 without credentials',
      path: '/api/settings',
      expect: ['forbidden-unauthenticated'],
      request: () => ({ url: `${api}/api/settings` }),
      respond: (req, res) => send(res, 403, { 'Content-Type': 'text/plain' }, 'Forbidden'),
    },
    {
      name: 'cacheable-failure',
      label: 'A 401 caches may store',
      path: '/api/catalog',
      expect: ['cacheable-failure'],
      request: () => ({ url: `${api}/api/catalog` }),
      respond: (req, res) => send(res, 401, { 'WWW-Authenticate': 'Bearer realm="demo"', 'Cache-Control': 'public, max-age=600' }, ''),
    },
    {
      name: 'credential-echoed',
      label: 'Failure body repeats the token',
      path: '/api/debug',
      expect: ['credential-echoed'],
      request: () => ({ url: `${api}/api/debug`, headers: { Authorization: 'Bearer sk_live_51Hx9demoSecretValue0000' } }),
      respond: (req, res) =>
        send(res, 401, { 'WWW-Authenticate': 'Bearer realm="demo", error="invalid_token"', 'Content-Type': 'application/json' }, { error: 'invalid_token', received: req.headers.authorization }),
    },
    {
      name: 'account-enumeration',
      label: 'Login says the account does not exist',
      path: '/auth/login',
      expect: ['account-enumeration'],
      request: () => ({ url: `${api}/auth/login`, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"username":"nobody@example.test","password":"hunter2"}' }),
      respond: (req, res) => send(res, 401, { 'WWW-Authenticate': 'Bearer realm="demo"', 'Content-Type': 'application/json' }, { error: 'User not found' }),
    },
    {
      name: 'vendor-error',
      label: 'Entra ID AADSTS error',
      path: '/api/graph',
      expect: ['vendor-error'],
      request: () => ({ url: `${api}/api/graph`, headers: { Authorization: `Bearer ${t()}` } }),
      respond: (req, res) =>
        send(res, 401, { 'WWW-Authenticate': 'Bearer realm="demo", error="invalid_token"', 'Content-Type': 'application/json' }, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.', error_codes: [7000215] }),
    },
    {
      name: 'unsigned-token',
      label: 'JWT with alg none',
      path: '/api/unsigned',
      expect: ['unsigned-token'],
      request: () => ({ url: `${api}/api/unsigned`, headers: { Authorization: `Bearer ${t({}, { alg: 'none', typ: 'JWT' })}` } }),
      respond: (req, res) => send(res, 401, { 'WWW-Authenticate': 'Bearer realm="demo", error="invalid_token"' }, ''),
    },
    {
      name: 'id-token-as-access-token',
      label: 'ID token sent as access token',
      path: '/api/wishlist',
      expect: ['id-token-as-access-token'],
      request: () => ({ url: `${api}/api/wishlist`, headers: { Authorization: `Bearer ${jwt({ iss: 'https://id.example.test/', sub: 'user-4711', aud: 'demo-spa', iat: nowSec() - 60, exp: nowSec() + 3600, nonce: 'n-0S6_WzA2Mj', at_hash: 'MTIzNDU2Nzg5MDEyMzQ1Ng', email: 'ada@example.test' }, { alg: 'RS256', typ: 'JWT', kid: 'k1' })}` } }),
      respond: (req, res) => send(res, 401, { 'WWW-Authenticate': 'Bearer realm="demo", error="invalid_token"' }, ''),
    },
    {
      name: 'scheme-mismatch',
      label: 'Basic sent, Bearer expected',
      path: '/api/basic-wrong',
      expect: ['scheme-mismatch'],
      request: () => ({ url: `${api}/api/basic-wrong`, headers: { Authorization: 'Basic ' + Buffer.from('ada:secret').toString('base64') } }),
      respond: (req, res) => send(res, 401, { 'WWW-Authenticate': 'Bearer realm="demo"' }, ''),
    },
    {
      name: 'credentials-rejected',
      label: 'Revoked API token',
      path: '/api/revoked-token',
      expect: ['credentials-rejected'],
      request: () => ({ url: `${api}/api/revoked-token`, headers: { Authorization: 'Bearer 0f8fad5bd9cb469fa16570867728950e' } }),
      respond: (req, res) => send(res, 401, { 'WWW-Authenticate': 'Bearer realm="demo"' }, ''),
    },
    {
      name: 'negotiate-handshake',
      label: 'Negotiate handshake leg',
      path: '/api/intranet',
      expect: ['negotiate-handshake'],
      request: () => ({ url: `${api}/api/intranet` }),
      respond: (req, res) => send(res, 401, { 'WWW-Authenticate': 'Negotiate' }, ''),
    },
    {
      name: 'malformed-challenge',
      label: 'Broken WWW-Authenticate',
      path: '/api/broken-challenge',
      expect: ['malformed-challenge'],
      request: () => ({ url: `${api}/api/broken-challenge`, headers: { Authorization: `Bearer ${t()}` } }),
      respond: (req, res) => send(res, 401, { 'WWW-Authenticate': 'Bearer realm="demo, error=invalid_token' }, ''),
    },
    {
      name: 'invalid-request',
      label: 'invalid_request',
      path: '/api/search',
      expect: ['invalid-request'],
      request: () => ({ url: `${api}/api/search`, headers: { Authorization: `Bearer ${t()}` } }),
      respond: (req, res) => send(res, 400, { 'WWW-Authenticate': 'Bearer realm="demo", error="invalid_request", error_description="Multiple credentials"' }, ''),
    },
    {
      name: 'invalid-token',
      label: 'Opaque token rejected',
      path: '/api/feed',
      expect: ['invalid-token'],
      request: () => ({ url: `${api}/api/feed`, headers: { Authorization: 'Bearer 2YotnFZFEjr1zCsicMWpAA' } }),
      respond: (req, res) => send(res, 401, { 'WWW-Authenticate': 'Bearer realm="demo", error="invalid_token", error_description="The access token is invalid"' }, ''),
    },
    {
      name: 'dpop-required',
      label: 'DPoP required, Bearer sent',
      path: '/api/bound',
      expect: ['dpop-required'],
      request: () => ({ url: `${api}/api/bound`, headers: { Authorization: `Bearer ${t()}` } }),
      respond: (req, res) => send(res, 401, { 'WWW-Authenticate': 'DPoP algs="ES256 PS256", error="invalid_token", error_description="DPoP-bound token required"' }, ''),
    },
    {
      name: 'clock-skew',
      label: 'Server clock 20 minutes ahead',
      path: '/api/time',
      expect: ['clock-skew'],
      request: () => ({ url: `${api}/api/time`, headers: { Authorization: `Bearer ${t()}` } }),
      respond: (req, res) =>
        send(res, 401, { Date: new Date(Date.now() + 20 * 60_000).toUTCString(), 'WWW-Authenticate': 'Bearer realm="demo", error="invalid_token", error_description="token issued in the future"' }, ''),
    },
    {
      name: 'cookie-session-missing',
      label: 'Session cookie missing on a later call',
      path: '/api/cart-items',
      expect: ['cookie-session-missing'],
      // The page first calls with the cookie set, then clears it (see page script).
      cookieDance: true,
      request: () => ({ url: `${api}/api/cart-items` }),
      respond: (req, res) =>
        /sid=/.test(req.headers.cookie ?? '') ? send(res, 200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }, { items: [] }) : send(res, 401, { 'WWW-Authenticate': 'Cookie realm="demo"' }, ''),
    },
    {
      // Not on the demo page: test/e2e/security.test.ts fetches it. Every place a 401 can carry text
      // holds a payload that sets window.__pwned and the title if the panel ever ran it as markup.
      name: 'hostile-xss',
      hidden: true,
      path: '/api/hostile-xss',
      expect: [],
      respond: (req, res) =>
        send(
          res,
          401,
          {
            'WWW-Authenticate': `Bearer realm="<img src=x onerror=${PWN}>", error="invalid_token", error_description="<script>${PWN}</script>", error_uri="javascript:${PWN}", scope="<svg onload=${PWN}>"`,
            'X-Debug': `<img src=x onerror="${PWN}"><script>${PWN}</script>`,
            'X-Help': `javascript:${PWN}`,
            Link: `<javascript:${PWN}>; rel="help"`,
            'Content-Type': 'application/json',
          },
          { error: 'invalid_token', error_description: `<script>${PWN}</script>`, error_uri: `javascript:${PWN}`, message: `<img src=x onerror="${PWN}">`, html: `<svg onload="${PWN}"></svg><iframe srcdoc="<script>${PWN}</script>"></iframe>` },
        ),
    },
  ];
}

/** What the hostile-xss payloads run if they are ever executed. */
const PWN = "window.__pwned=1;document.title='pwned'";

function cors(req) {
  return { 'Access-Control-Allow-Origin': req.headers.origin ?? '*', Vary: 'Origin' };
}

function send(res, status, headers, body) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/plain' : 'application/json', ...headers });
  res.end(text);
}

function page(port, list) {
  const visible = list.filter((s) => !s.hidden && s.request);
  const specs = visible.map((s) => ({ name: s.name, label: s.label, repeat: s.repeat ?? 1, cookieDance: Boolean(s.cookieDance), request: s.request() }));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>AuthLens demo shop</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;max-width:60rem}button{margin:.2rem;padding:.3rem .6rem}#log{font:12px monospace;white-space:pre-wrap}</style>
</head><body>
<h1>AuthLens demo</h1>
<p>Each button sends a request that fails the way real APIs fail. Open DevTools → AuthLens to see why.</p>
<div id="buttons"></div>
<button id="run-all">Run all</button>
<div id="log"></div>
<script>
const SPECS = ${JSON.stringify(specs).replace(/</g, '\\u003c')};
async function send(spec) {
  const r = spec.request;
  const init = { method: r.method || 'GET', headers: r.headers || {}, body: r.body, credentials: 'include', signal: AbortSignal.timeout(10000) };
  try { const res = await fetch(r.url, init); log(spec.name + ' → ' + res.status); }
  catch (e) { log(spec.name + ' → ' + e.message); }
}
async function runScenario(name) {
  const spec = SPECS.find((s) => s.name === name);
  if (!spec) throw new Error('no scenario ' + name);
  if (spec.cookieDance) {
    document.cookie = 'sid=demo-session-1; path=/';
    await send(spec);
    document.cookie = 'sid=; path=/; max-age=0';
  }
  for (let i = 0; i < spec.repeat; i++) await send(spec);
}
async function runAll() { for (const s of SPECS) await runScenario(s.name); return SPECS.length; }
function log(line) { document.getElementById('log').textContent += line + '\\n'; }
for (const s of SPECS) {
  const b = document.createElement('button');
  b.textContent = s.label; b.dataset.scenario = s.name; b.onclick = () => runScenario(s.name);
  document.getElementById('buttons').append(b);
}
document.getElementById('run-all').onclick = runAll;
window.runScenario = runScenario; window.runAll = runAll;
// A failure while the page loads, before anyone opens the AuthLens panel.
fetch('/api/early401', { headers: { Authorization: 'Bearer early-opaque-token' } }).then((r) => log('early → ' + r.status));
</script></body></html>`;
}

export async function startScenarioServer({ port = 0 } = {}) {
  let list = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/' || url.pathname === '/index.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(page(server.address().port, list));
      return;
    }
    if (url.pathname === '/favicon.ico') return send(res, 204, {}, '');
    if (url.pathname === '/api/early401') {
      return send(res, 401, { 'WWW-Authenticate': 'Bearer realm="demo", error="invalid_token", error_description="Unknown token"' }, '');
    }
    if (url.pathname.startsWith('/bulk/')) {
      // Load for the panel benchmark (bench/panel.mjs): tiny answers, every 25th a 401 with a challenge.
      const n = Number(url.pathname.slice(6)) || 0;
      if (n % 25 === 0) return send(res, 401, { 'WWW-Authenticate': 'Bearer realm="bulk", error="invalid_token", error_description="The access token expired"', 'Cache-Control': 'no-store' }, { error: 'invalid_token' });
      return send(res, 200, { 'Cache-Control': 'no-store' }, { n });
    }
    const scenario = list.find((s) => s.path === url.pathname);
    if (!scenario) return send(res, 404, {}, 'not found');
    if (req.method === 'OPTIONS') {
      if (scenario.preflight) return scenario.preflight(req, res);
      return send(res, 204, { ...cors(req), 'Access-Control-Allow-Headers': 'Authorization, Content-Type, DPoP', 'Access-Control-Allow-Methods': 'GET, POST, PUT', 'Access-Control-Allow-Credentials': 'true' }, '');
    }
    // Drain the body before answering so the browser sees a clean response.
    req.resume();
    req.on('end', () => scenario.respond(req, res));
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actualPort = server.address().port;
  list = scenarios(actualPort);
  return {
    port: actualPort,
    origin: `http://127.0.0.1:${actualPort}`,
    scenarios: list,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 8787);
  const s = await startScenarioServer({ port });
  console.log(`AuthLens scenario server on ${s.origin} (loopback only)`);
}
