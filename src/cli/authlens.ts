#!/usr/bin/env node
import { EXIT_USAGE, printable, UsageError } from './io.js';

/** Each command lives in `commands/<name>.ts` and exports `run(argv): Promise<number>` (the exit code). */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run(argv: string[]): Promise<number> }> }> = {
  challenge: { summary: 'challenge [--json] [--proxy] <field-line>...   parse WWW-Authenticate / Proxy-Authenticate', load: () => import('./commands/challenge.js') },
  token: { summary: 'token [--json] [--now ISO] <token>             decode and judge a bearer token locally', load: () => import('./commands/token.js') },
  analyze: { summary: 'analyze [--json] <file.har | ->                explain every auth failure in a HAR', load: () => import('./commands/analyze.js') },
  redact: { summary: 'redact <file.har | -> [-o out.har]             remove secrets, keep the evidence', load: () => import('./commands/redact.js') },
  report: { summary: 'report <file.har | -> [--format md|json]       triage report for a ticket', load: () => import('./commands/report.js') },
};

function usage(): string {
  return ['Usage: authlens <command> [options]', '', ...Object.values(COMMANDS).map((c) => '  authlens ' + c.summary), '', 'Exit codes: 0 ok, 1 input had errors, 2 usage error.'].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : EXIT_USAGE;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write('authlens 0.1.0\n');
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`authlens: unknown command "${printable(name)}"\n\n${usage()}\n`);
    return EXIT_USAGE;
  }
  try {
    const mod = await command.load();
    return await mod.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`authlens ${name}: ${printable(err.message)}\n\n${usage()}\n`);
      return EXIT_USAGE;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`authlens: ${printable(err instanceof Error ? err.message : String(err))}\n`);
    process.exitCode = 1;
  },
);
