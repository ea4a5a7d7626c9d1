/**
 * The hostile HAR files (test/fixtures/hostile/, made by scripts/make-hostile-fixtures.mjs; the two
 * too big to commit are generated into a temp dir here). The library returns a result with
 * problems or a HarReadError with a reason and position, never anything else; the real CLI process
 * exits 0 or 1 in bounded time with at most one line on stderr and no control characters on its
 * output.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rolldown } from 'rolldown';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyzeHar, buildReport, HarReadError, readHar, redactHar } from '../../src/core/index.js';
import { HOSTILE_DIR, smallHostileFixtures, writeLargeHostileFixtures } from '../../scripts/make-hostile-fixtures.mjs';

interface Expectation {
  /** error: unreadable, a HarReadError; partial: read, with problems; ok: read cleanly. */
  outcome: 'error' | 'partial' | 'ok';
  /** For errors: a problem code and whether the message must name a line and column. */
  code?: string;
  position?: boolean;
}

const EXPECT: Record<string, Expectation> = {
  'truncated.har': { outcome: 'error', code: 'truncated-json', position: true },
  'not-json.har': { outcome: 'error', code: 'invalid-json', position: true },
  'entries-object.har': { outcome: 'error', code: 'invalid-entries' },
  'wrong-types.har': { outcome: 'partial' },
  'binary-body.har': { outcome: 'ok' },
  'control-chars.har': { outcome: 'ok' },
  'html-payloads.har': { outcome: 'ok' },
  'deep-json.har': { outcome: 'ok' },
  'huge-header.har': { outcome: 'ok' },
};

const tmp = mkdtempSync(join(tmpdir(), 'authlens-hostile-'));
const large = writeLargeHostileFixtures(tmp) as Record<string, string>;
const committed = readdirSync(HOSTILE_DIR).filter((f) => f.endsWith('.har'));
const FILES = [...committed.map((name) => ({ name, path: join(HOSTILE_DIR, name) })), ...Object.entries(large).map(([name, path]) => ({ name, path }))];

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('hostile corpus', () => {
  test('the committed files are what the generator makes, and all are small', () => {
    const made = smallHostileFixtures() as Record<string, string | Buffer>;
    expect(committed.sort()).toEqual(Object.keys(made).sort());
    for (const [name, data] of Object.entries(made)) {
      const file = readFileSync(join(HOSTILE_DIR, name));
      expect(file.equals(Buffer.isBuffer(data) ? data : Buffer.from(data)), name).toBe(true);
      expect(file.length, name).toBeLessThan(200 * 1024);
    }
    expect(Object.keys(EXPECT).sort()).toEqual(FILES.map((f) => f.name).sort());
  });
});

describe('library on each hostile file', () => {
  test.each(FILES)('$name', ({ name, path }) => {
    const want = EXPECT[name]!;
    const text = readFileSync(path, 'utf8');
    const read = readHar(text);
    expect(read.ok).toBe(want.outcome !== 'error');
    let analysis;
    try {
      analysis = analyzeHar(text);
    } catch (err) {
      expect(err, 'only HarReadError may be thrown').toBeInstanceOf(HarReadError);
      const e = err as HarReadError;
      expect(want.outcome).toBe('error');
      expect(read.problems[0]!.code).toBe(want.code);
      expect(e.message.length).toBeGreaterThan(20);
      if (want.position) expect(e.message).toMatch(/line \d+, column \d+/);
      return;
    }
    expect(want.outcome).not.toBe('error');
    if (want.outcome === 'partial') expect(read.problems.length).toBeGreaterThan(0);
    expect(Array.isArray(analysis.results)).toBe(true);
    expect(analysis.entries).toBe(read.exchanges.length);
    // The other readers of the same data hold too.
    const parsed = JSON.parse(text) as unknown;
    expect(Array.isArray((redactHar(parsed) as { log: { entries: unknown[] } }).log.entries)).toBe(true);
    expect(typeof buildReport(analysis, parsed, { format: 'md' })).toBe('string');
  }, 60_000);

  test('the positions point at the fault', () => {
    const truncated = readHar(readFileSync(join(HOSTILE_DIR, 'truncated.har'), 'utf8'));
    const lines = readFileSync(join(HOSTILE_DIR, 'truncated.har'), 'utf8').split('\n');
    expect(truncated.problems[0]!.message).toContain(`line ${lines.length}, column ${lines.at(-1)!.length + 1}`);
    // V8 gives no position for an unexpected token; the reader finds it.
    expect(readHar('{\n  "log": {\n    "entries": [}\n}').problems[0]!.message).toContain('line 3, column 17');
    expect(readHar('<!doctype html>').problems[0]!.message).toContain('line 1, column 1');
    expect(readHar('{"log":{}} trailing').problems[0]!.message).toContain('line 1, column 12');
  });
});

// The real command as a separate process, bundled from src/ into the temp dir (dist/ may be
// rebuilt by others while this runs).
describe('authlens analyze (process) on each hostile file', () => {
  let cli = '';
  beforeAll(async () => {
    cli = join(tmp, 'authlens.mjs');
    const bundle = await rolldown({ input: 'src/cli/authlens.ts', platform: 'node', logLevel: 'silent' });
    await bundle.write({ file: cli, format: 'esm', codeSplitting: false });
  }, 60_000);

  const runCli = (args: string[]) =>
    new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, stdout, stderr });
      });
    });

  // eslint-disable-next-line no-control-regex
  const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

  test.each(FILES)('$name', async ({ name, path }) => {
    const want = EXPECT[name]!;
    for (const args of [['analyze', path], ['analyze', '--json', path], ['report', path], ['report', '--format', 'json', path]]) {
      const r = await runCli(args);
      expect(r.signal, 'killed: it hung').toBeNull();
      expect(r.code).toBe(want.outcome === 'error' ? 1 : 0);
      if (want.outcome === 'error') {
        expect(r.stderr).toMatch(new RegExp(`^authlens ${args[0]}: [^\\n]+\\n$`));
        if (want.position) expect(r.stderr).toMatch(/line \d+, column \d+/);
        expect(r.stdout).toBe('');
      } else {
        expect(r.stderr).toBe('');
        expect(r.stdout.length).toBeGreaterThan(0);
        if (args.includes('--json') || args.includes('json')) expect(() => JSON.parse(r.stdout)).not.toThrow();
      }
      // Nothing from the file drives the terminal: no escape, bidi or separator characters.
      expect(CONTROL.test(r.stdout) || CONTROL.test(r.stderr), `${args.join(' ')}: control characters in the output`).toBe(false);
    }
  }, 240_000);

  test('authlens challenge prints a hostile header without driving the terminal, caret still under the problem', async () => {
    const header = 'Bearer realm="\x1b]0;pwned\x07\u202e", error="\x1b[2J"x';
    const r = await runCli(['challenge', header]);
    expect(r.signal).toBeNull();
    expect(CONTROL.test(r.stdout) || CONTROL.test(r.stderr), 'control characters in the output').toBe(false);
    // The snippet line and the caret line below it: the caret sits at the problem's offset.
    const lines = r.stdout.split('\n');
    const caret = lines.findIndex((l) => /^\s*\^$/.test(l));
    expect(caret).toBeGreaterThan(0);
    const snippet = lines[caret - 1]!;
    const col = lines[caret]!.indexOf('^');
    // The first problem is the ESC inside the quoted string, right after realm=".
    expect(snippet[col]).toBe('\ufffd');
    expect(snippet.slice(0, col)).toMatch(/realm="$/);
  }, 60_000);
});
