import { analyzeHar, HarReadError } from '../../core/index.js';
import { buildReport } from '../../core/redact/index.js';
import { escapeJsonText, EXIT_INPUT_ERROR, EXIT_OK, parseArgs, printable, readJsonInput, UsageError } from '../io.js';

/**
 * `authlens report <file.har | -> [--format md|json] [--strict]`
 * Triage report for a ticket. Exit 0 whenever the HAR was read, whatever it found (DESIGN §3.2);
 * 1 when it can't be read; 2 for usage errors.
 */
export async function run(argv: string[]): Promise<number> {
  const { flags, positional } = parseArgs(argv, { boolean: ['strict'], withValue: ['format'] });
  if (positional.length !== 1) throw new UsageError(positional.length === 0 ? 'report needs a HAR file (or - for standard input)' : 'report takes one HAR file');
  const format = flags.get('format') ?? 'md';
  if (format !== 'md' && format !== 'json') throw new UsageError(`--format must be md or json, not ${String(format)}`);
  const input = readJsonInput(positional[0]!);
  if (!input.ok) {
    process.stderr.write(`authlens report: ${input.error}\n`);
    return EXIT_INPUT_ERROR;
  }
  const v = input.value;
  if (typeof v !== 'object' || v === null || Array.isArray(v) || typeof (v as { log?: unknown }).log !== 'object' || (v as { log?: unknown }).log === null) {
    process.stderr.write('authlens report: not a HAR: expected an object with a "log" object\n');
    return EXIT_INPUT_ERROR;
  }
  let analysis;
  try {
    analysis = analyzeHar(v);
  } catch (err) {
    if (err instanceof HarReadError) {
      process.stderr.write(`authlens report: ${printable(err.message)}\n`);
      return EXIT_INPUT_ERROR;
    }
    throw err;
  }
  const report = buildReport(analysis, v, { format, level: flags.has('strict') ? 'strict' : 'default' });
  // Text from the HAR reaches the terminal: escaped line by line (the report's own line breaks stay).
  process.stdout.write(format === 'json' ? escapeJsonText(report) : report.split('\n').map(printable).join('\n'));
  return EXIT_OK;
}
