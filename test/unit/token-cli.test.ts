import { afterEach, describe, expect, test, vi } from 'vitest';
import { run } from '../../src/cli/commands/token.js';
import { UsageError } from '../../src/cli/io.js';
import { jwt, jwe, sec } from './token-fixtures.js';

/** Runs `authlens token …` in-process and captures what it prints. */
async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  try {
    const code = await run(argv);
    return { code, out };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.useRealTimers());

// Claims follow RFC 9068 §2.2 (Figure 2), with times moved around the reference.
const claims = { iss: 'https://authorization-server.example.com/', sub: '5ba552d67', aud: 'https://rs.example.com/', exp: sec('2024-05-01T12:00:00Z'), iat: sec('2024-05-01T11:00:00Z'), client_id: 's6BhdRkqt3', scope: 'openid profile reademail' };
const TOKEN = jwt({ typ: 'at+JWT', alg: 'RS256', kid: 'RjEwOwOA' }, claims);

describe('authlens token --json (DESIGN §3.2 contract)', () => {
  test('prints exactly the contract keys first, then extras; exit 0', async () => {
    const { code, out } = await cli('--json', '--now', '2024-05-01T12:12:00Z', TOKEN);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(Object.keys(r).slice(0, 9)).toEqual(['kind', 'header', 'claims', 'times', 'expired', 'scopes', 'audience', 'issuer', 'problems']);
    expect(r).toMatchObject({
      kind: 'jwt',
      header: { typ: 'at+JWT', alg: 'RS256', kid: 'RjEwOwOA' },
      claims,
      times: { exp: '2024-05-01T12:00:00.000Z', nbf: null, iat: '2024-05-01T11:00:00.000Z', auth_time: null },
      expired: true,
      scopes: ['openid', 'profile', 'reademail'],
      audience: ['https://rs.example.com/'],
      issuer: 'https://authorization-server.example.com/',
      problems: [],
    });
    expect(r.relative.exp).toBe('expired 12 min before the request');
  });

  test.each([
    { source: 'Bearer prefix is accepted', arg: `Bearer ${TOKEN}` },
    { source: 'a whole Authorization line is accepted', arg: `Authorization: Bearer ${TOKEN}` },
    { source: 'tokens after --', arg: TOKEN },
  ])('$source', async ({ arg }) => {
    const { code, out } = await cli('--json', '--now', '2024-05-01T11:30:00Z', '--', arg);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ kind: 'jwt', expired: false, problems: [] });
  });

  test('"Bearer Bearer …" is still reported (only one scheme is stripped)', async () => {
    const { code, out } = await cli('--json', `Bearer Bearer ${TOKEN}`);
    expect(code).toBe(1);
    expect(JSON.parse(out).problems.map((p: { code: string }) => p.code)).toContain('scheme-included');
  });

  test('--now accepts NumericDate seconds', async () => {
    const { out } = await cli('--json', '--now', String(sec('2024-05-01T13:00:00Z')), TOKEN);
    expect(JSON.parse(out).relative.exp).toBe('expired 1 h before the request');
  });

  test('without --now the current time is used (CLI only), with "ago" wording', async () => {
    vi.useFakeTimers({ now: new Date('2024-05-01T12:05:30Z'), toFake: ['Date'] });
    const { out } = await cli('--json', TOKEN);
    const r = JSON.parse(out);
    expect(r.now).toBe('2024-05-01T12:05:30.000Z');
    expect(r.expired).toBe(true);
    expect(r.relative.exp).toBe('expired 5 min ago');
  });

  test('malformed token: prints the report and exits 1', async () => {
    const { code, out } = await cli('--json', 'eyJhbGciOiJIUzI1NiJ9.e30');
    expect(code).toBe(1);
    const r = JSON.parse(out);
    expect(r.kind).toBe('malformed');
    expect(r.problems[0].code).toBe('wrong-segment-count');
  });

  test('JWE and opaque tokens exit 0', async () => {
    expect((await cli('--json', jwe({ alg: 'dir', enc: 'A256GCM' }, { encryptedKey: false }))).code).toBe(0);
    const { code, out } = await cli('--json', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ kind: 'opaque', vendor: { vendor: 'GitHub' } });
  });
});

describe('authlens token usage errors (exit 2 via UsageError)', () => {
  test.each([
    { source: 'no token', argv: ['--json'] },
    { source: 'two tokens', argv: ['a', 'b'] },
    { source: 'bad --now', argv: ['--now', 'yesterday', TOKEN] },
    { source: '--now without a value', argv: [TOKEN, '--now'] },
    { source: 'unknown flag', argv: ['--jsn', TOKEN] },
  ])('$source', async ({ argv }) => {
    await expect(cli(...argv)).rejects.toBeInstanceOf(UsageError);
  });
});

describe('authlens token human output', () => {
  test('shows kind, claims table, local times, relative times, scopes and problems', async () => {
    const { code, out } = await cli('--now', '2024-05-01T12:12:00Z', TOKEN);
    expect(code).toBe(0);
    expect(out).toMatch(/kind\s+JWT \(signed with RS256, typ at\+JWT\)/);
    expect(out).toMatch(/scopes\s+openid profile reademail \(scope\)/);
    expect(out).toContain('expired 12 min before the request');
    expect(out).toMatch(/Claims\n(\s{2}\S+\s+.*\n)+/);
    expect(out).toMatch(/client_id\s+s6BhdRkqt3/);
    // Local time of exp, rendered the same way whatever the machine's zone.
    const d = new Date('2024-05-01T12:00:00Z');
    expect(out).toContain(`${d.getFullYear()}-05-0${d.getDate()} ${String(d.getHours()).padStart(2, '0')}:00:00`);
    expect(out).not.toContain('\x1b['); // not a TTY: no colour
  });

  test('problems are listed with code, offset and message', async () => {
    const { code, out } = await cli('--now', '2024-05-01T12:00:00Z', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc*');
    expect(code).toBe(1);
    expect(out).toMatch(/Problems\n\s+error\s+invalid-base64url\s+@40/);
  });
});
