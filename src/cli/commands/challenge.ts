import { parseChallengesDetailed, type Problem } from '../../core/index.js';
import { color, EXIT_INPUT_ERROR, EXIT_OK, parseArgs, printable, printableSameWidth, printJson, table, UsageError } from '../io.js';

/** `authlens challenge [--json] [--proxy] [--lenient] <field-line>...` (DESIGN §3.2). */
export async function run(argv: string[]): Promise<number> {
  const { flags, positional } = parseArgs(argv, { boolean: ['json', 'proxy', 'lenient'], withValue: [] });
  if (!positional.length) throw new UsageError('challenge needs at least one field line, e.g. authlens challenge \'Bearer realm="api"\'');
  const field = flags.has('proxy') ? 'Proxy-Authenticate' : 'WWW-Authenticate';
  const result = parseChallengesDetailed(positional, { field, lenient: flags.has('lenient') });
  const hasErrors = result.problems.some((p) => p.severity === 'error');
  if (flags.has('json')) {
    printJson({ challenges: result.challenges.map((c) => ({ scheme: c.scheme, token68: c.token68, params: c.params })), problems: result.problems });
    return hasErrors ? EXIT_INPUT_ERROR : EXIT_OK;
  }
  const out: string[] = [];
  result.challenges.forEach((c, i) => {
    out.push(`${color.bold(`${i + 1}. ${printable(c.scheme)}`)}${c.token68 !== null ? `  token68 ${printable(c.token68)}` : ''}`);
    const rows = Object.entries(c.params).map(([k, v]) => [color.cyan(printable(k)), printable(v)]);
    if (rows.length) out.push(table(rows, '   '));
  });
  if (!result.challenges.length) out.push(color.dim(`no challenge read from ${field}`));
  if (result.problems.length) {
    out.push('');
    for (const p of result.problems) out.push(...describe(p, result.value));
  }
  process.stdout.write(out.join('\n') + '\n');
  return hasErrors ? EXIT_INPUT_ERROR : EXIT_OK;
}

/** The problem with a caret under its offset in the (joined) value. */
function describe(p: Problem, value: string): string[] {
  const label = p.severity === 'error' ? color.red('error') : color.yellow('warning');
  const lines = [`${label} ${color.bold(p.code)}: ${printable(p.message)}`];
  if (p.offset !== undefined && value.length) {
    const start = Math.max(0, p.offset - 50);
    // One visible character for each unsafe one, so the caret stays under the problem.
    const snippet = printableSameWidth(value.slice(start, p.offset + 50));
    lines.push(`  ${start > 0 ? '…' : ''}${snippet}`, `  ${start > 0 ? ' ' : ''}${' '.repeat(p.offset - start)}${color.red('^')}`);
  }
  return lines;
}
