// The npm challenge parsers AuthLens is compared with. Each has:
// - parse(header) → [{ scheme, token68, params }] or null (rejected / threw), for conformance;
// - input(header) → what its own function takes, built outside the timed loop, and run(input),
//   the call alone (no reshaping of its result), for throughput.
import { Session } from 'node:inspector';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * oauth4webapi does not export its WWW-Authenticate parser (`parseWwwAuthenticateChallenges` is
 * module-private; the public route to it is `protectedResourceRequest` & co., which throw a
 * `WWWAuthenticateChallengeError` after a fetch). To time the parser itself, like for like, we
 * take the installed module's own function object out of the closure scope of an exported function
 * through the V8 inspector. Nothing is copied or patched: it is the code in node_modules, as is.
 */
function privateBinding(exported, name) {
  const session = new Session();
  session.connect();
  const post = (method, params) => {
    let out;
    let error;
    session.post(method, params, (e, r) => {
      error = e;
      out = r;
    });
    if (error) throw error;
    return out;
  };
  try {
    globalThis.__authlensProbe = exported;
    const { result } = post('Runtime.evaluate', { expression: 'globalThis.__authlensProbe' });
    const own = post('Runtime.getProperties', { objectId: result.objectId, ownProperties: true });
    const scopes = own.internalProperties.find((p) => p.name === '[[Scopes]]');
    for (const scope of post('Runtime.getProperties', { objectId: scopes.value.objectId, ownProperties: true }).result) {
      const vars = post('Runtime.getProperties', { objectId: scope.value.objectId, ownProperties: true }).result;
      const hit = vars.find((v) => v.name === name);
      if (hit?.value?.objectId) {
        post('Runtime.callFunctionOn', { objectId: hit.value.objectId, functionDeclaration: 'function () { globalThis.__authlensFound = this; }' });
        break;
      }
    }
  } finally {
    session.disconnect();
    delete globalThis.__authlensProbe;
  }
  const found = globalThis.__authlensFound;
  delete globalThis.__authlensFound;
  if (typeof found !== 'function') throw new Error(`oauth4webapi: ${name} not found (the peer changed its internals)`);
  return found;
}

export async function loadPeers() {
  const o4wModule = await import('oauth4webapi');
  const o4w = privateBinding(o4wModule.protectedResourceRequest, 'parseWwwAuthenticateChallenges');
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
      api: 'parseWwwAuthenticateChallenges (module-private, reached via inspector)',
      prepare: responseFor,
      input: responseFor,
      run: (response) => o4w(response),
      parse(h) {
        const r = o4w(responseFor(h));
        return r ? r.map((c) => ({ scheme: c.scheme, token68: c.token68 ?? null, params: c.parameters })) : null;
      },
    },
    {
      name: 'http-auth-utils',
      version: require('http-auth-utils/package.json').version,
      api: 'parseWWWAuthenticateHeader (one challenge; Basic/Bearer/Digest only)',
      run(h) {
        try {
          return hau.parseWWWAuthenticateHeader(h, undefined, { strict: false });
        } catch {
          return null;
        }
      },
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
      api: 'parse (one challenge)',
      run(h) {
        try {
          return authHeader.parse(h);
        } catch {
          return null;
        }
      },
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
      api: 'parsers.WWW_Authenticate (one challenge; throws on a bare scheme)',
      run(h) {
        try {
          return new wwwAuth.WWW_Authenticate(h);
        } catch {
          return null;
        }
      },
      parse(h) {
        try {
          const r = new wwwAuth.WWW_Authenticate(h);
          if (r.err) return null;
          return [{ scheme: r.scheme, token68: null, params: r.parms ?? {} }];
        } catch {
          return null;
        }
      },
    },
  ];
}
