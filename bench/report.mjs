// Formatting, the machine description, the console table and BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';

const require = createRequire(import.meta.url);

export const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }) : String(n));

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

const verdict = (ok) => (ok === null || ok === undefined ? '' : ok ? 'PASS' : 'MISS');

export function markdownTable(rows) {
  return ['| figure | measured | target | |', '|---|---|---|---|', ...rows.map((r) => `| ${r.what} | ${r.value} | ${r.target} | ${verdict(r.ok)} |`)].join('\n');
}

export function consoleTable(rows) {
  const cells = rows.map((r) => [r.what, r.value, r.target, verdict(r.ok)]);
  const head = ['figure', 'measured', 'target', ''];
  const w = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => c.map((x, i) => x.padEnd(w[i])).join('  ').trimEnd();
  return [line(head), w.map((n) => '─'.repeat(n)).join('  '), ...cells.map(line)].join('\n');
}

function browserVersion() {
  try {
    return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium', ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
  } catch {
    return 'Chromium (not found)';
  }
}

export function machine() {
  const pkg = (name) => {
    try {
      return `${name} ${require(`${name}/package.json`).version}`;
    } catch {
      try {
        // Packages whose "exports" hide package.json.
        return `${name} ${JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')).version}`;
      } catch {
        return `${name} (missing)`;
      }
    }
  };
  return {
    cpu: cpus()[0]?.model?.trim() ?? 'unknown CPU',
    cores: cpus().length,
    ram: `${fmt(totalmem() / 2 ** 30, 0)} GiB`,
    node: process.version,
    browser: browserVersion(),
    peers: ['oauth4webapi', 'http-auth-utils', 'auth-header', 'www-authenticate'].map(pkg),
    tools: ['tinybench', 'puppeteer-core', 'typescript', 'vite'].map(pkg),
    date: new Date().toISOString().slice(0, 10),
  };
}

export function writeBenchmarksMd(path, { rows, sections, m, argv }) {
  const md = `# Benchmarks

Measured ${m.date} on ${m.cpu} (${m.cores} cores, shared with other work), ${m.ram} RAM, Node ${m.node}, ${m.browser}.
Peers: ${m.peers.join(', ')}. Tools: ${m.tools.join(', ')}.
Reproduce with \`npm run bench\` (everything, ≈ 7 minutes on 2 cores) — \`node --expose-gc bench/run.mjs --quick\` for a short run, \`npm run bench:quick\` is the CI guard. Command: \`node ${argv.join(' ')}\`.

## Summary for README

${markdownTable(rows)}

${sections.join('\n')}`;
  writeFileSync(path, md);
}

export const readJson = (url) => JSON.parse(readFileSync(url, 'utf8'));
