// After tsc: make the CLI executable so `npx authlens` keeps working after every rebuild.
import { chmodSync, existsSync } from 'node:fs';

const bin = 'dist/lib/cli/authlens.js';
if (!existsSync(bin)) {
  console.error(`missing ${bin}`);
  process.exit(1);
}
chmodSync(bin, 0o755);
