// `npm run package`: store-ready zips of dist/chrome and dist/firefox in dist/packages/.
import { readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';

const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
mkdirSync('dist/packages', { recursive: true });

function collect(dir, root = dir, out = {}) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, root, out);
    else out[relative(root, path).split('\\').join('/')] = [readFileSync(path), { mtime: new Date('2026-01-01T00:00:00Z') }];
  }
  return out;
}

for (const target of ['chrome', 'firefox']) {
  const files = collect(`dist/${target}`);
  if (!files['manifest.json']) throw new Error(`dist/${target}/manifest.json missing: run npm run build`);
  // crxjs leaves a Vite manifest in .vite/; stores don't need it.
  for (const name of Object.keys(files)) if (name.startsWith('.vite/')) delete files[name];
  const out = `dist/packages/authlens-${target}-${version}.zip`;
  writeFileSync(out, zipSync(files, { level: 9 }));
  console.log(`${out}  ${Object.keys(files).length} files, ${(statSync(out).size / 1024).toFixed(1)} KB`);
}
