import { inspectToken, type TokenReport } from '../../core/token/index.js';
import type { TimeClaim } from '../../core/token/types.js';
import { EXIT_INPUT_ERROR, EXIT_OK, UsageError, color, parseArgs, printable, printJson, readInput, table } from '../io.js';

/**
 * `authlens token [--json] [--now ISO] <token | ->` (DESIGN §3.2).
 *
 * The token may carry its `Bearer ` scheme (or a whole `Authorization:` line): people paste what
 * DevTools shows. `-` reads it from standard input. Without `--now` the current time is the
 * reference (only the CLI may read the clock; the core never does). Exit 1 when the token is
 * malformed or has an error-level problem (the report is still printed), 2 on usage errors.
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { boolean: ['json', 'help'], withValue: ['now'] });
  if (args.flags.has('help')) {
    process.stdout.write('Usage: authlens token [--json] [--now ISO] <token | ->\n');
    return EXIT_OK;
  }
  if (args.positional.length === 0) throw new UsageError('missing <token> (or - to read it from stdin)');
  if (args.positional.length > 1) throw new UsageError(`expected one token, got ${args.positional.length} arguments (quote the token?)`);

  const nowFlag = args.flags.get('now');
  let now: Date;
  if (nowFlag === undefined) {
    now = new Date(Date.now());
  } else {
    now = parseNow(String(nowFlag));
  }

  const arg = args.positional[0]!;
  let raw = arg === '-' ? readInput('-').toString('utf8').trim() : arg;
  // What people paste: "Authorization: Bearer …" or "Bearer …". Only one scheme is stripped, so
  // "Bearer Bearer x" is still reported as the mistake it is.
  raw = raw.replace(/^(?:proxy-)?authorization:\s*/i, '').replace(/^(?:Bearer|DPoP)[ \t]+/i, '');

  const report = inspectToken(raw, { now, reference: nowFlag === undefined ? 'now' : 'request' });
  if (args.flags.has('json')) printJson(report);
  else process.stdout.write(render(report) + '\n');
  const failed = report.kind === 'malformed' || report.problems.some((p) => p.severity === 'error');
  return failed ? EXIT_INPUT_ERROR : EXIT_OK;
}

/** ISO 8601 (anything Date.parse reads) or a NumericDate in seconds. */
function parseNow(value: string): Date {
  const v = value.trim();
  const ms = /^\d{9,11}(\.\d+)?$/.test(v) ? Number(v) * 1000 : /^\d{4}-\d{2}-\d{2}/.test(v) || /[A-Za-z]{3},/.test(v) ? Date.parse(v) : NaN;
  if (Number.isNaN(ms)) throw new UsageError(`--now needs an ISO-8601 time (e.g. 2024-05-01T12:00:00Z), got "${value}"`);
  return new Date(ms);
}

const TIME_LABEL: Record<TimeClaim, string> = { exp: 'expires', nbf: 'not before', iat: 'issued', auth_time: 'authenticated' };

/** Local wall-clock time with its UTC offset, e.g. `2024-05-01 14:30:00 +02:00`. */
export function formatLocal(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())} ${sign}${p(Math.floor(Math.abs(off) / 60))}:${p(Math.abs(off) % 60)}`;
}

function render(r: TokenReport): string {
  const c = color;
  const out: string[] = [];
  const kindText: Record<TokenReport['kind'], string> = {
    jwt: `JWT${r.alg ? ` (${r.unsigned ? 'UNSIGNED, alg none' : `signed with ${r.alg}`}${r.typ ? `, typ ${r.typ}` : ''})` : ''}`,
    jwe: `JWE — encrypted${r.alg ? ` (alg ${r.alg}, enc ${r.enc ?? '?'})` : ''}`,
    opaque: r.vendor ? `opaque — ${r.vendor.vendor} ${r.vendor.product}` : 'opaque',
    malformed: 'MALFORMED',
  };
  const summary: string[][] = [[c.bold('kind'), r.kind === 'malformed' ? c.red(kindText.malformed) : kindText[r.kind]]];
  if (r.issuer !== null) {
    const extra = [r.hints.provider?.name + (r.hints.provider?.version ? ` v${r.hints.provider.version}` : ''), r.hints.environment].filter((x) => x && x !== 'undefined');
    summary.push([c.bold('issuer'), r.issuer + (extra.length ? c.dim(` (${extra.join(', ')})`) : '')]);
  } else if (r.hints.environment) {
    summary.push([c.bold('environment'), r.hints.environment]);
  }
  if (r.subject !== null) summary.push([c.bold('subject'), r.subject]);
  if (r.audience.length > 0) summary.push([c.bold('audience'), r.audience.join(', ')]);
  if (r.client !== null) summary.push([c.bold('client'), `${r.client} ${c.dim(`(${r.clientClaim})`)}`]);
  for (const s of r.scopeSources) summary.push([c.bold(s.claim === 'scope' || s.claim === 'scp' ? 'scopes' : s.claim), `${s.values.join(' ') || c.dim('(empty)')} ${c.dim(`(${s.claim})`)}`]);
  for (const t of ['exp', 'nbf', 'iat', 'auth_time'] as const) {
    const iso = r.times[t];
    if (iso === null) continue;
    const rel = r.relative[t];
    const relText = rel === null ? '' : '  ' + (t === 'exp' && r.expired ? c.red(rel) : t === 'exp' ? c.green(rel) : rel);
    summary.push([c.bold(TIME_LABEL[t]), `${formatLocal(iso)}${relText}`]);
  }
  if (r.kind === 'jwt' || r.times.exp !== null) {
    summary.push([c.bold('expired'), r.expired === null ? c.dim(r.times.exp === null ? 'no exp claim' : 'unknown') : r.expired ? c.red('yes') : c.green('no')]);
  }
  if (r.notYetValid) summary.push([c.bold('not yet valid'), c.red(`yes (${r.notYetValidBy})`)]);
  if (r.dpopBound) summary.push([c.bold('bound to'), `DPoP key ${r.cnfJkt}`]);
  if (r.mtlsBound) summary.push([c.bold('bound to'), 'client certificate (mTLS)']);
  if (r.acr !== null || r.amr.length > 0) summary.push([c.bold('auth'), [r.acr !== null ? `acr ${r.acr}` : '', r.amr.length ? `amr ${r.amr.join(',')}` : ''].filter(Boolean).join('  ')]);
  if (r.hints.looksLikeIdToken) summary.push([c.bold('looks like'), c.yellow(`an ID token, not an access token: ${r.hints.idTokenReasons.join('; ')}`)]);
  out.push(table(summary));

  if (r.header) out.push('', c.bold('Header'), table(Object.entries(r.header).map(([k, v]) => [c.cyan(k), show(v)]), '  '));
  if (r.claims) {
    const rows = Object.entries(r.claims).map(([k, v]) => {
      const t = k as TimeClaim;
      const iso = Object.hasOwn(r.times, k) ? r.times[t] : null;
      return [c.cyan(k), iso !== null ? `${show(v)}  ${c.dim(formatLocal(iso))}${r.relative[t] ? c.dim('  ' + r.relative[t]) : ''}` : show(v)];
    });
    out.push('', c.bold('Claims'), rows.length ? table(rows, '  ') : c.dim('  (no claims)'));
  }
  if (r.notes.length) out.push('', c.bold('Notes'), ...r.notes.map((n) => '  ' + n));
  if (r.problems.length) {
    out.push('', c.bold('Problems'));
    out.push(
      table(
        r.problems.map((p) => [p.severity === 'error' ? c.red('error') : c.yellow('warning'), p.code, p.offset === undefined ? '' : c.dim(`@${p.offset}`), p.message]),
        '  ',
      ),
    );
  }
  return out.join('\n');
}

/** One line per value; long values are cut so the table stays readable (use --json for all of it). */
function show(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  // Claims come from whoever issued the token: no control characters reach the terminal.
  const oneLine = printable(s.replace(/[\r\n\t]+/g, ' '));
  return oneLine.length > 120 ? `${oneLine.slice(0, 117)}… (${s.length} chars)` : oneLine;
}
