import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseChallenges, parseChallengesDetailed, serializeChallenges } from '../../src/core/index.js';

// Vectors beyond the corpus. Sources: RFC 9110 §11.2 / §5.6.4 grammar, RFC 9112 §5.2 (obs-fold),
// RFC 7616 §3.3, greenbytes.de/tech/tc/httpauth (Julian Reschke's challenge-parsing test cases:
// simplebasiccomma*, multibasicempty, …), and oauth4webapi's www_authenticate tests.
const valid: { description: string; source: string; header: string | string[]; expected: { scheme: string; token68: string | null; params: Record<string, string> }[] }[] = [
  { description: 'quoted-pair unescapes any character', source: 'RFC 9110 §5.6.4', header: 'Foo bar="\\f\\o\\o"', expected: [{ scheme: 'Foo', token68: null, params: { bar: 'foo' } }] },
  { description: 'BWS around "="', source: 'RFC 9110 §11.2 (auth-param = token BWS "=" BWS …)', header: 'Basic realm = "x"', expected: [{ scheme: 'Basic', token68: null, params: { realm: 'x' } }] },
  { description: 'empty list elements before a parameter belong to the scheme', source: 'RFC 9110 §5.6.1, greenbytes multibasicempty', header: 'Digest ,foo=bar', expected: [{ scheme: 'Digest', token68: null, params: { foo: 'bar' } }] },
  { description: 'a bare token after a comma is a new challenge', source: 'RFC 9110 §11.2 comma ambiguity', header: 'Digest ,foo', expected: [{ scheme: 'Digest', token68: null, params: {} }, { scheme: 'foo', token68: null, params: {} }] },
  { description: 'several field lines form one list, in order', source: 'RFC 9110 §5.3', header: ['Basic realm="a"', 'Bearer realm="b"'], expected: [{ scheme: 'Basic', token68: null, params: { realm: 'a' } }, { scheme: 'Bearer', token68: null, params: { realm: 'b' } }] },
  { description: 'obs-text is kept as sent', source: 'RFC 9110 §5.6.4 (obs-text)', header: 'Basic realm="caf\u00e9"', expected: [{ scheme: 'Basic', token68: null, params: { realm: 'caf\u00e9' } }] },
  { description: 'comma inside a quoted value (Docker scope)', source: 'Docker registry token auth', header: 'Bearer scope="repository:x:pull,push"', expected: [{ scheme: 'Bearer', token68: null, params: { scope: 'repository:x:pull,push' } }] },
  { description: 'parameter names are lower-cased, scheme case kept', source: 'RFC 9110 §11.1/§11.2 (case-insensitive)', header: 'BEARER Realm="x"', expected: [{ scheme: 'BEARER', token68: null, params: { realm: 'x' } }] },
  {
    description: 'known names in any case are lower-cased; names that only look like them are kept as sent',
    source: 'RFC 9110 §11.2 (names are case-insensitive), this project (near misses of the names the checks know)',
    header: 'Bearer Realm="a", SCOPE=b, scopes="c", stal="d", error_urix="e", Error_URI="https://x", nonc=f',
    expected: [{ scheme: 'Bearer', token68: null, params: { realm: 'a', scope: 'b', scopes: 'c', stal: 'd', error_urix: 'e', error_uri: 'https://x', nonc: 'f' } }],
  },
  {
    description: 'a scheme that starts like a known one is another scheme',
    source: 'RFC 9110 §11.1, this project (the exact-scheme pattern must take the whole token)',
    header: 'Bearer2 realm="a", BasicX, Digest',
    expected: [
      { scheme: 'Bearer2', token68: null, params: { realm: 'a' } },
      { scheme: 'BasicX', token68: null, params: {} },
      { scheme: 'Digest', token68: null, params: {} },
    ],
  },
  { description: 'obs-fold reads as space', source: 'RFC 9112 §5.2', header: 'Basic\r\n realm="x"', expected: [{ scheme: 'Basic', token68: null, params: { realm: 'x' } }] },
  { description: 'token68 with padding then another challenge', source: 'RFC 9110 §11.2 token68', header: 'Negotiate YII=, Basic realm="r"', expected: [{ scheme: 'Negotiate', token68: 'YII=', params: {} }, { scheme: 'Basic', token68: null, params: { realm: 'r' } }] },
];

const invalid: { description: string; source: string; header: string; code: string; offset: number }[] = [
  { description: 'unterminated quoted string', source: 'RFC 9110 §5.6.4', header: 'Basic realm="x', code: 'unterminated-quoted-string', offset: 12 },
  { description: 'duplicate parameter', source: 'RFC 9110 §11.2', header: 'Basic realm="a", realm="b"', code: 'duplicate-parameter', offset: 17 },
  { description: 'parameter without a scheme', source: 'RFC 9110 §11.2', header: 'realm="a"', code: 'expected-scheme', offset: 0 },
  { description: 'control character in a quoted string', source: 'RFC 9110 §5.6.4 qdtext', header: 'Basic realm="a\u0001"', code: 'invalid-character-in-quoted-string', offset: 14 },
  { description: 'missing comma between parameters', source: 'RFC 9110 §11.2', header: 'Bearer a="1" b="2"', code: 'expected-comma', offset: 13 },
  { description: 'bare line break', source: 'RFC 9112 §5.2', header: 'Basic realm="a"\nBearer', code: 'control-character', offset: 15 },
];

describe('parseChallenges: valid vectors', () => {
  test.each(valid)('$description ($source)', ({ header, expected }) => {
    const result = parseChallenges(header);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.challenges).toEqual(expected);
  });
});

describe('parseChallenges: grammar errors carry code and offset', () => {
  test.each(invalid)('$description ($source)', ({ header, code, offset }) => {
    const problem = parseChallenges(header).problems.find((p) => p.code === code);
    expect(problem).toMatchObject({ severity: 'error', offset });
    expect(problem!.message.length).toBeGreaterThan(10);
  });
});

describe('scheme checks (warnings)', () => {
  test.each([
    { header: 'Basic', code: 'basic-missing-realm', source: 'RFC 7617 §2' },
    { header: 'Basic realm=x', code: 'realm-not-quoted', source: 'RFC 9110 §11.5' },
    { header: 'Basic realm="x", charset="latin1"', code: 'basic-invalid-charset', source: 'RFC 7617 §2.1' },
    { header: 'Digest realm="r", nonce="n", qop="auth", stale="FALSE"', code: 'digest-stale-quoted', source: 'RFC 7616 §3.3' },
    { header: 'Bearer error="expired"', code: 'unknown-error-code', source: 'RFC 6750 §3.1' },
    { header: 'Bearer error="insufficient_user_authentication"', code: 'step-up-without-requirements', source: 'RFC 9470 §3' },
    { header: 'Bearer resource_metadata="http://x/.well-known/oauth-protected-resource"', code: 'resource-metadata-not-https', source: 'RFC 9728 §5.1' },
    { header: 'Bearer error="insufficient_claims", claims="%%%"', code: 'claims-not-decodable', source: 'Microsoft identity platform claims challenge' },
  ])('$code ($source)', ({ header, code }) => {
    const result = parseChallenges(header);
    expect(result.problems).toContainEqual(expect.objectContaining({ code, severity: 'warning' }));
  });

  test('a valid Microsoft claims challenge raises no warning', () => {
    const claims = Buffer.from('{"access_token":{"acrs":{"essential":true,"value":"c1"}}}').toString('base64');
    expect(parseChallenges(`Bearer realm="", error="insufficient_claims", claims="${claims}"`).problems).toEqual([]);
  });

  // The claims value is checked where it stands in the header unless quoted-pairs were unescaped:
  // each way of writing it, and which value counts. Built from the grammar (RFC 9110 §11.2 token or
  // quoted-string, §5.6.4 quoted-pair, §5.3 field lines, RFC 9112 §5.2 obs-fold) around Microsoft
  // identity platform claims values (base64 JSON). warnings = how many claims-not-decodable.
  const good = Buffer.from('{"access_token":{"nbf":{"essential":true,"value":"1"}}}').toString('base64'); // ends in "="
  const goodUrl = Buffer.from('{"a":1}').toString('base64url'); // eyJhIjoxfQ: a token too
  test.each([
    { description: 'quoted, padded', header: `Bearer claims="${good}"`, warnings: 0 },
    { description: 'a token (base64url, no padding)', header: `Bearer claims=${goodUrl}`, warnings: 0 },
    { description: 'quoted, then a parameter', header: `Bearer claims="${good}", error="insufficient_claims"`, warnings: 0 },
    { description: 'a quoted-pair inside, unescaped first', header: `Bearer claims="eyJh\\IjoxfQ"`, warnings: 0 },
    { description: 'a quoted-pair that unescapes to a non-base64 character', header: `Bearer claims="${goodUrl}\\%"`, warnings: 1 },
    { description: 'only padding', header: 'Bearer claims="=="', warnings: 1 },
    { description: 'cut off by a space before the closing quote', header: `Bearer claims="${good.slice(0, 8)} "`, warnings: 1 },
    { description: 'BWS around "="', header: `Bearer claims = "${good}"`, warnings: 0 },
    { description: 'folded over two lines before it', header: `Bearer realm="r",\r\n claims="${good}"`, warnings: 0 },
    { description: 'several field lines', header: ['Basic realm="x"', `Bearer claims="${good}"`], warnings: 0 },
    { description: 'in the second of two Bearer challenges', header: `Bearer claims="${good}", Bearer claims="%%%"`, warnings: 1 },
    { description: 'twice in one challenge, the last one bad', header: `Bearer claims="${good}", claims="%%%"`, warnings: 1 },
    { description: 'twice in one challenge, the last one good', header: `Bearer claims="%%%", claims="${good}"`, warnings: 0 },
  ])('claims: $description', ({ header, warnings }) => {
    const found = parseChallenges(header, { lenient: true }).problems.filter((p) => p.code === 'claims-not-decodable');
    expect(found).toHaveLength(warnings);
  });
});

describe('detailed result', () => {
  test('spans point at the scheme and each parameter', () => {
    const r = parseChallengesDetailed('Basic realm="a", Bearer error="invalid_token"');
    expect(r.challenges[1]!.schemeSpan).toEqual({ start: 17, end: 23 });
    expect(r.value.slice(r.challenges[1]!.paramSpans.error!.start, r.challenges[1]!.paramSpans.error!.end)).toBe('error="invalid_token"');
  });
});

describe('properties', () => {
  const token = fc.stringMatching(/^[A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]{0,8}$/);
  const value = fc.string({ unit: fc.constantFrom(...'abc XYZ,;="\\\t/:é'.split('')), maxLength: 20 });
  const challenge = fc.record({ scheme: token, token68: fc.constant(null), params: fc.dictionary(token.map((t) => t.toLowerCase()), value, { maxKeys: 4 }) });

  test('never throws on any input', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), fc.boolean(), (s, lenient) => {
      const r = parseChallenges(s, { lenient });
      return Array.isArray(r.challenges) && Array.isArray(r.problems);
    }), { numRuns: 3000 });
  });

  // The parser looks for line breaks only when its first reading found a problem: this holds that
  // every CR or LF, wherever it stands, is reported at its offset and read as a space.
  test('every line break is reported where it stands, and the value is read unfolded', () => {
    const piece = fc.constantFrom('Bearer', 'Basic', ' ', '\t', ',', ', ', '=', '"', '\\', 'realm', 'error', 'a', 'x/y', 'YII=', '\u0001', '\r\n', '\r\n ', '\n', '\r', '\n\t', '\r\r\n ');
    const header = fc.array(piece, { maxLength: 20 }).map((xs) => xs.join('')).filter((h) => /[\r\n]/.test(h));
    fc.assert(
      fc.property(header, fc.boolean(), (h, lenient) => {
        const breaks: number[] = [];
        for (let i = 0; i < h.length; i++) {
          if (h[i] !== '\r' && h[i] !== '\n') continue;
          breaks.push(i);
          if (h[i] === '\r' && h[i + 1] === '\n') i++;
        }
        const r = parseChallengesDetailed(h, { lenient });
        expect(r.value).toHaveLength(h.length);
        expect(r.value).not.toMatch(/[\r\n]/);
        expect(r.problems.filter((p) => p.code === 'obs-fold' || p.code === 'control-character').map((p) => p.offset)).toEqual(breaks);
        expect(parseChallenges(h, { lenient })).toEqual({ challenges: r.challenges.map(({ scheme, token68, params }) => ({ scheme, token68, params })), problems: r.problems });
      }),
      { numRuns: 3000 },
    );
  });

  // The diagnosis reuses a lenient reading without problems as the strict one (Facts.strictChallenges).
  test('a lenient reading without problems is exactly the strict reading', () => {
    const corpus = (JSON.parse(readFileSync('test/fixtures/challenges-corpus.json', 'utf8')) as { header: string | string[] }[]).map((c) => c.header);
    const headerish = fc.string({ unit: fc.constantFrom(...'Basic Bearer realm=error"\\,, \t=abc/+\u0001é'.split('')), maxLength: 60 });
    const check = (h: string | string[]) => {
      const lenient = parseChallenges(h, { lenient: true });
      if (lenient.problems.length) return;
      const strict = parseChallenges(h);
      expect(strict.problems).toEqual([]);
      expect(strict.challenges).toEqual(lenient.challenges);
    };
    corpus.forEach(check);
    fc.assert(fc.property(fc.oneof(headerish, fc.string({ maxLength: 80 }), fc.array(challenge, { minLength: 1, maxLength: 3 }).map(serializeChallenges)), check), { numRuns: 3000 });
  });

  test('parse → serialize → parse is stable for valid input', () => {
    fc.assert(fc.property(fc.array(challenge, { minLength: 1, maxLength: 4 }), (list) => {
      const text = serializeChallenges(list);
      const once = parseChallenges(text);
      expect(once.problems.filter((p) => p.severity === 'error')).toEqual([]);
      const twice = parseChallenges(serializeChallenges(once.challenges));
      expect(twice.challenges).toEqual(once.challenges);
    }), { numRuns: 1000 });
  });

  test('hostile input stays linear: work grows with length, not faster', () => {
    // Counting time loosely: 10× the input may cost at most 30× (linear ≈ 10×); a quadratic
    // parser would cost ≈ 100×. Several runs, the best kept, to ride out machine noise.
    const patterns = [',', '\\', '"', 'a=', 'a ', '=', 'Basic , ', 'x="\\'];
    for (const p of patterns) {
      const cost = (len: number) => {
        const input = 'Bearer ' + p.repeat(Math.ceil(len / p.length));
        let best = Infinity;
        for (let k = 0; k < 5; k++) {
          const t = performance.now();
          parseChallenges(input, { lenient: k % 2 === 1 });
          best = Math.min(best, performance.now() - t);
        }
        return best;
      };
      cost(10_000);
      const small = Math.max(cost(20_000), 0.05);
      const big = cost(200_000);
      expect(big / small, `pattern ${JSON.stringify(p)}`).toBeLessThan(30);
    }
  });
});
