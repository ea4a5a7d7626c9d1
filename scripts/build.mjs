// `npm run build`: the library + CLI (tsc), then the Chrome and Firefox extensions (vite + crxjs).
import { spawnSync } from 'node:child_process';

const steps = [
  ['npm', ['run', '--silent', 'build:lib']],
  ['npx', ['vite', 'build', '--mode', 'chrome', '--logLevel', 'warn']],
  ['npx', ['vite', 'build', '--mode', 'firefox', '--logLevel', 'warn']],
  ['npx', ['vite', 'build', '--mode', 'web', '--logLevel', 'warn']],
];
for (const [cmd, args] of steps) {
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build failed: ${cmd} ${args.join(' ')}`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${args.join(' ')} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
console.log('built dist/lib (library + authlens CLI), dist/chrome, dist/firefox, dist/web (HAR viewer)');
