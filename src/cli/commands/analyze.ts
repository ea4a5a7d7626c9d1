import { analyzeHar, HarReadError, type Finding } from '../../core/index.js';
import { Redactor } from '../../core/redact/redactor.js';
import { color, EXIT_INPUT_ERROR, EXIT_OK, parseArgs, printable, printJson, progress, readJsonInput, UsageError } from '../io.js';

/**
 * `authlens analyze [--json] [--tolerance SEC] <file.har | ->` (DESIGN §3.2). Exit 0 whenever the
 * HAR was read, whatever was found; 1 only for unreadable or malformed input; 2 usage.
 * The text for people hides secrets in URLs and evidence with the markers `authlens redact` uses
 * (it gets pasted into chats and tickets); `--json` is the Analysis as it is.
 */
export async function run(argv: string[]): Promise<number> {
  const { flags, positional } = parseArgs(argv, { boolean: ['json'], withValue: ['tolerance'] });
  if (positional.length !== 1) throw new UsageError(positional.length ? 'analyze takes one HAR file' : 'analyze needs a HAR file (or - for standard input)');
  const tolerance = flags.has('tolerance') ? Number(flags.get('tolerance')) : 60;
  if (!Number.isFinite(tolerance) || tolerance < 0) throw new UsageError('--tolerance must be a number of seconds');
  const bar = progress('reading');
  const input = readJsonInput(positional[0]!);
  bar.done();
  if (!input.ok) {
    process.stderr.write(`authlens analyze: ${input.error}\n`);
    return EXIT_INPUT_ERROR;
  }
  let analysis;
  try {
    analysis = analyzeHar(input.value, { clockToleranceSec: tolerance });
  } catch (err) {
    if (err instanceof HarReadError) {
      process.stderr.write(`authlens analyze: ${printable(err.message)}\n`);
      return EXIT_INPUT_ERROR;
    }
    throw err;
  }
  if (flags.has('json')) {
    printJson(analysis);
    return EXIT_OK;
  }
  // Everything taken from the HAR goes through printable(): a URL or header must not drive the terminal.
  const redactor = new Redactor();
  const out: string[] = [];
  const sev = (f: Finding) => (f.severity === 'error' ? color.red('error  ') : f.severity === 'warning' ? color.yellow('warning') : color.cyan('info   '));
  for (const r of analysis.results) {
    out.push(`${color.bold(`#${r.index}`)} ${printable(r.method)} ${printable(redactor.url(r.url))} ${statusColor(r.status)}`);
    for (const f of r.findings) {
      out.push(`  ${sev(f)} ${color.bold(f.code)}  ${printable(f.title)}`);
      const shown = redactor.evidence(f.evidence);
      const evidence = Object.entries(shown)
        .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
        .slice(0, 4)
        .map(([k, v]) => printable(`${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`.slice(0, 160)));
      for (const e of evidence) out.push(color.dim(`           ${e}`));
      if (f.severity === 'error') out.push(`           ${color.green('fix:')} ${printable(f.fix.client)}`);
    }
    out.push('');
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const r of analysis.results) for (const f of r.findings) counts[f.severity]++;
  const source = `${printable(analysis.source.creator ?? 'unknown exporter')}${analysis.source.sanitized ? ', exported sanitized (credentials removed)' : ''}`;
  out.push(
    `${analysis.entries} requests (${source}): ${analysis.results.length} with findings — ${color.red(`${counts.error} errors`)}, ${color.yellow(`${counts.warning} warnings`)}, ${counts.info} info`,
  );
  process.stdout.write(out.join('\n') + '\n');
  return EXIT_OK;
}

function statusColor(status: number): string {
  const s = String(status);
  return status >= 400 || status === 0 ? color.red(s) : status >= 300 ? color.yellow(s) : color.green(s);
}
