import { writeFileSync } from 'node:fs';
import { formatRedactionSummary, HarRedactionError, redactHarDetailed } from '../../core/redact/index.js';
import { EXIT_INPUT_ERROR, EXIT_OK, parseArgs, printable, readJsonInput, UsageError } from '../io.js';

/**
 * `authlens redact <file.har | -> [-o out.har] [--strict] [--allow name,name]`
 * Writes the redacted HAR to stdout (or `-o`), and what was removed to stderr, so
 * `authlens redact in.har > out.har` leaves a clean file and still tells the person what happened.
 */
export async function run(argv: string[]): Promise<number> {
  const { flags, positional } = parseArgs(argv, { boolean: ['strict'], withValue: ['o', 'output', 'allow'] });
  if (positional.length !== 1) throw new UsageError(positional.length === 0 ? 'redact needs a HAR file (or - for standard input)' : 'redact takes one HAR file');
  const out = flags.get('o') ?? flags.get('output');
  const allowFlag = flags.get('allow');
  const input = readJsonInput(positional[0]!);
  if (!input.ok) {
    process.stderr.write(`authlens redact: ${input.error}\n`);
    return EXIT_INPUT_ERROR;
  }
  let result;
  try {
    result = redactHarDetailed(input.value, {
      level: flags.has('strict') ? 'strict' : 'default',
      allow: typeof allowFlag === 'string' ? allowFlag.split(',').map((s) => s.trim()).filter(Boolean) : [],
    });
  } catch (err) {
    if (err instanceof HarRedactionError) {
      process.stderr.write(`authlens redact: not a HAR: ${printable(err.message)}\n`);
      return EXIT_INPUT_ERROR;
    }
    throw err;
  }
  const text = JSON.stringify(result.har, null, 2) + '\n';
  if (typeof out === 'string') writeFileSync(out, text);
  else process.stdout.write(text);
  for (const p of result.problems) process.stderr.write(`authlens redact: warning: ${printable(p.message)}\n`);
  process.stderr.write(`authlens redact: removed ${formatRedactionSummary(result.summary)}${typeof out === 'string' ? ` → ${out}` : ''}\n`);
  return EXIT_OK;
}
