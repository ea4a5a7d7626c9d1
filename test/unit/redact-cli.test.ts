/** `authlens redact` (DESIGN §3.2): redacted HAR on stdout or -o, summary on stderr, exit codes 0/1/2. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/commands/redact.js';
import { UsageError } from '../../src/cli/io.js';
import { entry, har } from './helpers/redact-check.js';

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

const dir = mkdtempSync(join(tmpdir(), 'authlens-redact-'));
const file = join(dir, 'in.har');
writeFileSync(file, JSON.stringify(har([entry({ headers: [{ name: 'Authorization', value: 'Bearer clisecret123456' }, { name: 'Cookie', value: 'sid=cookiesecret1' }] })])));

describe('authlens redact', () => {
  it('writes the redacted HAR to stdout and the summary to stderr', async () => {
    expect(await run([file])).toBe(0);
    expect(out).not.toMatch(/clisecret123456|cookiesecret1/);
    expect(JSON.parse(out).log.entries[0].request.headers[0].value).toMatch(/^Bearer REDACTED-bearer-/);
    expect(err).toContain('removed 1 bearer token, 1 cookie');
  });

  it('-o writes a file; --strict is accepted', async () => {
    const target = join(dir, 'out.har');
    expect(await run([file, '-o', target, '--strict'])).toBe(0);
    expect(out).toBe('');
    expect(readFileSync(target, 'utf8')).not.toContain('clisecret123456');
    expect(err).toContain(`→ ${target}`);
  });

  it('exit 1 for unreadable or non-HAR input, with the reason', async () => {
    const bad = join(dir, 'bad.har');
    writeFileSync(bad, '{"log": {"entries": [}');
    expect(await run([bad])).toBe(1);
    expect(err).toMatch(/not valid JSON/);
    const notHar = join(dir, 'nothar.json');
    writeFileSync(notHar, '[1,2]');
    expect(await run([notHar])).toBe(1);
    expect(err).toContain('not a HAR');
    expect(await run([join(dir, 'missing.har')])).toBe(1);
  });

  it('usage errors throw UsageError (the entry point maps it to exit 2)', async () => {
    await expect(run([])).rejects.toBeInstanceOf(UsageError);
    await expect(run([file, '--bogus'])).rejects.toBeInstanceOf(UsageError);
  });
});
