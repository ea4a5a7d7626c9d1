// A redacted HAR must still open in the browsers' own DevTools: the support engineer who gets it
// imports it into Chrome's Network panel (or Firefox's Network Monitor) to look at the traffic.
// Each recorded HAR is redacted by `redactHar` and by the built CLI (`authlens redact -o`), then
// handed to Chromium's HAR importer (the module the Network panel uses, and the panel's own
// "Import HAR file" input) and to Firefox's HarImporter. Every entry must come back as a request
// with its URL, method, status and the redacted credential headers as written.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { redactHar } from '../../src/core/index.js';
import { launchChromiumDevTools, launchFirefox } from './harness.mjs';

interface Header {
  name: string;
  value: string;
}
interface ImportedRequest {
  url: string;
  method: string;
  status: number;
  requestHeaders: Header[];
}
interface HarEntry {
  request: { url: string; method: string; headers: Header[] };
  response: { status: number };
}
type Har = { log: { entries: HarEntry[] } };

const DIR = 'test/fixtures/recorded';
const FIXTURES = readdirSync(DIR).filter((f) => f.endsWith('.har'));
const CREDENTIAL = /^(authorization|proxy-authorization|cookie)$/i;
const CLI = 'dist/lib/cli/authlens.js';
const tmp = mkdtempSync(join(tmpdir(), 'authlens-reimport-'));

/** What must survive the round trip, one line per request: order-free (Chromium sorts by start time). */
function keyOf(method: string, url: string, status: number, headers: Header[]): string {
  const creds = headers.filter((h) => CREDENTIAL.test(h.name)).map((h) => `${h.name.toLowerCase()}=${h.value}`);
  return `${method} ${url} ${status} ${creds.sort().join(' ')}`;
}
const harKeys = (har: Har) => har.log.entries.map((e) => keyOf(e.request.method, e.request.url, e.response.status, e.request.headers)).sort();
const importedKeys = (requests: ImportedRequest[]) => requests.map((r) => keyOf(r.method, r.url, r.status, r.requestHeaders)).sort();

/** The credential header values redaction changed: they must reach the importer as written. */
function changedCredentials(original: Har, redacted: Har): string[] {
  const out: string[] = [];
  original.log.entries.forEach((e, i) => {
    for (const h of e.request.headers) {
      if (!CREDENTIAL.test(h.name)) continue;
      const after = redacted.log.entries[i]!.request.headers.find((x) => x.name === h.name)?.value;
      if (after !== undefined && after !== h.value) out.push(after);
    }
  });
  return out;
}

const cases = FIXTURES.map((name) => {
  const original = JSON.parse(readFileSync(join(DIR, name), 'utf8')) as Har;
  const redacted = redactHar(original) as Har;
  const cliFile = join(tmp, name.replace(/\.har$/, '.redacted.har'));
  return { name, original, redacted, cliFile };
});

/** A redacted HAR with one entry lacking its `request`: not a HAR the importers can take. */
const broken = (() => {
  const har = structuredClone(cases[0]!.redacted) as unknown as { log: { entries: Record<string, unknown>[] } };
  delete har.log.entries[3]!.request;
  const file = join(tmp, 'broken.har');
  writeFileSync(file, JSON.stringify(har));
  return { text: JSON.stringify(har), file, entries: har.log.entries.length };
})();

beforeAll(() => {
  for (const c of cases) execFileSync(process.execPath, [CLI, 'redact', join(DIR, c.name), '-o', c.cliFile], { stdio: 'pipe' });
});

test('the recorded HARs carry credentials that redaction changes (so the checks below mean something)', () => {
  expect(cases.length).toBeGreaterThanOrEqual(2);
  for (const c of cases) {
    expect(changedCredentials(c.original, c.redacted).length, c.name).toBeGreaterThan(5);
    expect(JSON.parse(readFileSync(c.cliFile, 'utf8'))).toEqual(c.redacted);
  }
});

describe('Chromium DevTools re-imports a redacted HAR', () => {
  let h: Awaited<ReturnType<typeof launchChromiumDevTools>>;
  beforeAll(async () => {
    h = await launchChromiumDevTools();
  });
  afterAll(async () => {
    await h?.close();
  });

  test.each(cases)('$name: HAR importer module gives every entry back', async ({ original, redacted }) => {
    const requests = (await h.importHar(JSON.stringify(redacted))) as ImportedRequest[];
    expect(requests).toHaveLength(redacted.log.entries.length);
    expect(importedKeys(requests)).toEqual(harKeys(redacted));
    const values = new Set(requests.flatMap((r) => r.requestHeaders.map((x) => x.value)));
    for (const v of changedCredentials(original, redacted)) expect(values).toContain(v);
  });

  test.each(cases)('$name: the Network panel imports the file written by `authlens redact`', async ({ cliFile, redacted }) => {
    const result = (await h.importHarFile(cliFile, redacted.log.entries.length)) as { requests?: ImportedRequest[]; error?: string };
    expect(result.error).toBeUndefined();
    expect(importedKeys(result.requests!)).toEqual(harKeys(redacted));
  });

  test('a HAR with an entry without `request` is rejected by both', async () => {
    await expect(h.importHar(broken.text)).rejects.toThrow(/expected to be an object/);
    const result = (await h.importHarFile(broken.file, broken.entries)) as { error?: string };
    expect(result.error).toMatch(/Failed to load HAR file/);
  });
});

describe('Firefox Network Monitor re-imports a redacted HAR', () => {
  let f: Awaited<ReturnType<typeof launchFirefox>>;
  beforeAll(async () => {
    f = await launchFirefox();
  });
  afterAll(async () => {
    await f?.close();
  });

  test.each(cases)('$name: HarImporter gives every entry back', async ({ original, redacted, cliFile }) => {
    const result = (await f.importHarInNetmonitor(readFileSync(cliFile, 'utf8'))) as { requests?: ImportedRequest[]; error?: string };
    expect(result.error).toBeUndefined();
    expect(result.requests).toHaveLength(redacted.log.entries.length);
    expect(importedKeys(result.requests!)).toEqual(harKeys(redacted));
    const values = new Set(result.requests!.flatMap((r) => r.requestHeaders.map((x) => x.value)));
    for (const v of changedCredentials(original, redacted)) expect(values).toContain(v);
  });

  test('a HAR with an entry without `request` is rejected', async () => {
    const result = (await f.importHarInNetmonitor(broken.text)) as { error?: string };
    expect(result.error).toMatch(/request/);
  });
});
