/**
 * `authlens analyze` (DESIGN §3.2): the text for people names the findings but hides secrets (it is
 * pasted into chats and tickets); `--json` is the Analysis as it is.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/commands/analyze.js';

let out = '';
beforeEach(() => {
  out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/findings/${name}.har`, import.meta.url));

describe('authlens analyze', () => {
  it.each([
    // test/fixtures/findings/token-in-url.har: an access token and an API key in query strings.
    { description: 'secrets in the URL', file: 'token-in-url', secrets: ['tk_8Hq2mZ7vN4pX1sR9wL3cJ6yB', 'k_live_51HqLyjWDarjtT1zdp7dc'], shown: ['token-in-url', 'access_token=', 'api_key=', 'format=csv', 'https://api.example.com/v1/export'] },
  ])('text output: $description are hidden, the findings and names stay', async ({ file, secrets, shown }) => {
    expect(await run([fixture(file)])).toBe(0);
    for (const secret of secrets) expect(out).not.toContain(secret);
    for (const text of shown) expect(out).toContain(text);
    expect(out).toMatch(/REDACTED/);
  });

  it('--json keeps the Analysis as it is (URLs verbatim)', async () => {
    expect(await run(['--json', fixture('token-in-url')])).toBe(0);
    const analysis = JSON.parse(out) as { results: { url: string }[] };
    expect(analysis.results.map((r) => r.url)).toContain('https://api.example.com/v1/orders?access_token=tk_8Hq2mZ7vN4pX1sR9wL3cJ6yB');
  });
});
