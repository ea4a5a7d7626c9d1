import { readFileSync } from 'node:fs';
import pc from 'picocolors';
import { parseHarText } from '../core/index.js';

/** Exit codes (DESIGN §3.2): 0 ok, 1 input had errors, 2 usage error. */
export const EXIT_OK = 0;
export const EXIT_INPUT_ERROR = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {}

export interface ParsedArgs {
  flags: Map<string, string | true>;
  positional: string[];
}

/**
 * Minimal flag parser: `--name`, `--name value` (for names in `withValue`), `--name=value`, `-o value`,
 * and `--` ends the flags. Unknown flags are a usage error so typos don't silently change output.
 */
export function parseArgs(argv: string[], known: { boolean: string[]; withValue: string[] }): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('-') && arg !== '-') {
      const eq = arg.indexOf('=');
      const name = (eq > 0 ? arg.slice(0, eq) : arg).replace(/^--?/, '');
      if (known.boolean.includes(name)) {
        if (eq > 0) throw new UsageError(`--${name} takes no value`);
        flags.set(name, true);
      } else if (known.withValue.includes(name)) {
        const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
        if (value === undefined) throw new UsageError(`--${name} needs a value`);
        flags.set(name, value);
      } else {
        throw new UsageError(`unknown option ${arg}`);
      }
    } else {
      positional.push(arg);
    }
  }
  return { flags, positional };
}

/** Reads a file path, or standard input for `-`. */
export function readInput(pathOrDash: string): Buffer {
  return readFileSync(pathOrDash === '-' ? 0 : pathOrDash);
}

/**
 * JSON on stdout. JSON.stringify escapes C0 controls but leaves DEL, C1, line separators and bidi
 * controls raw; they can only stand inside strings, where a \\u escape is the same value.
 */
export function printJson(value: unknown): void {
  process.stdout.write(escapeJsonText(JSON.stringify(value, null, 2)) + '\n');
}

/** Colours only when stdout is a terminal (picocolors also honours NO_COLOR / FORCE_COLOR). */
export const color = pc.createColors(Boolean(process.stdout.isTTY) && !process.env.NO_COLOR);

/** A progress line on stderr, only when stderr is a terminal; cleared by `done()`. */
export function progress(label: string): { update(fraction: number): void; done(): void } {
  const tty = Boolean(process.stderr.isTTY);
  let last = -1;
  return {
    update(fraction: number) {
      const pct = Math.floor(Math.max(0, Math.min(1, fraction)) * 100);
      if (pct === last) return;
      last = pct;
      if (tty) process.stderr.write(`\r${label} ${pct}%`);
    },
    done() {
      if (tty && last >= 0) process.stderr.write('\r\x1b[K');
    },
  };
}

/** Pads cells so columns line up in the human output. */
export function table(rows: string[][], indent = ''): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleLength(cell))));
  return rows
    .map((row) => indent + row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i]! - visibleLength(cell)))).join('  '))
    .join('\n');
}

function visibleLength(s: string): number {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\x1b\[[0-9;]*m/g, '').length;
}

/** C0, DEL, C1, line and paragraph separators, bidi controls: what may not reach a terminal raw. */
// eslint-disable-next-line no-control-regex
const TERMINAL_UNSAFE = /[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from the input made safe for a terminal: control characters (C0, DEL, C1), line and
 * paragraph separators and bidi controls become visible escapes, so a HAR can't move the cursor,
 * recolour or retitle the terminal, clear the screen, or reorder what is shown.
 */
export function printable(s: string): string {
  return s.replace(TERMINAL_UNSAFE, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : `\\u{${c.charCodeAt(0).toString(16).padStart(4, '0')}}`,
  );
}

/**
 * Like `printable`, but each unsafe character becomes one visible `�`, so offsets into the text
 * (a caret under a problem) still line up.
 */
export function printableSameWidth(s: string): string {
  return s.replace(TERMINAL_UNSAFE, '\ufffd');
}

/** JSON text with the characters JSON.stringify leaves raw (DEL, C1, separators, bidi) as \u escapes. */
export function escapeJsonText(text: string): string {
  return text.replace(/[\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Reads and JSON-parses a HAR from a path or `-`. Errors are returned (with the reason and, for
 * JSON syntax errors, the line and column), not thrown, so commands can exit 1 with a clear message
 * on one line.
 */
export function readJsonInput(pathOrDash: string): { ok: true; value: unknown; text: string } | { ok: false; error: string } {
  let text: string;
  try {
    text = readInput(pathOrDash).toString('utf8');
  } catch (err) {
    return { ok: false, error: printable(`cannot read ${pathOrDash === '-' ? 'standard input' : pathOrDash}: ${err instanceof Error ? err.message : String(err)}`) };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const parsed = parseHarText(text);
  // V8's message quotes the text around the error, control characters and all.
  if (parsed.problems.length) return { ok: false, error: printable(parsed.problems[0]!.message) };
  return { ok: true, value: parsed.value, text };
}
