// The npm challenge parsers AuthLens is compared with, each behind one function:
// header string → [{ scheme, token68, params }] or null (rejected).
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/**
 * oauth4webapi keeps its WWW-Authenticate parser private (it runs inside its response handlers).
 * For a like-for-like measurement we load a temporary copy of its build with that one function
 * exported; nothing of it is kept in this repository.
 */
async function loadOauth4webapiParser() {
  const path = require.resolve('oauth4webapi');
  const source = readFileSync(path, 'utf8') + '\nexport { parseWwwAuthenticateChallenges as __parseChallenges };\n';
  const dir = mkdtempSync(join(tmpdir(), 'authlens-bench-'));
  const file = join(dir, 'oauth4webapi-parser.mjs');
  writeFileSync(file, source);
  return (await import(pathToFileURL(file).href)).__parseChallenges;
}

export async function loadPeers() {
  const o4w = await loadOauth4webapiParser();
  const hau = await import('http-auth-utils');
  const authHeader = require('auth-header');
  const wwwAuth = require('www-authenticate/lib/parsers.js');
  // oauth4webapi reads a Response: build them once, outside the timed loop.
  const responses = new Map();
  const responseFor = (h) => {
    let r = responses.get(h);
    if (!r) responses.set(h, (r = new Response(null, { status: 401, headers: { 'www-authenticate': h } })));
    return r;
  };
  return [
    {
      name: 'oauth4webapi',
      version: require('oauth4webapi/package.json').version,
      prepare: responseFor,
      parse(h) {
        const r = o4w(responseFor(h));
        return r ? r.map((c) => ({ scheme: c.scheme, token68: c.token68 ?? null, params: c.parameters })) : null;
      },
    },
    {
      name: 'http-auth-utils',
      version: require('http-auth-utils/package.json').version,
      parse(h) {
        try {
          const r = hau.parseWWWAuthenticateHeader(h, undefined, { strict: false });
          return [{ scheme: r.type, token68: null, params: r.data ?? {} }];
        } catch {
          return null;
        }
      },
    },
    {
      name: 'auth-header',
      version: require('auth-header/package.json').version,
      parse(h) {
        try {
          const r = authHeader.parse(h);
          const params = {};
          for (const [k, v] of Object.entries(r.params ?? {})) params[k] = Array.isArray(v) ? v.join(', ') : v;
          return [{ scheme: r.scheme, token68: r.token ?? null, params }];
        } catch {
          return null;
        }
      },
    },
    {
      name: 'www-authenticate',
      version: require('www-authenticate/package.json').version,
      parse(h) {
        const r = new wwwAuth.WWW_Authenticate(h);
        if (r.err) return null;
        return [{ scheme: r.scheme, token68: null, params: r.parms ?? {} }];
      },
    },
  ];
}
