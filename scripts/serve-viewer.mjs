// `npm run viewer`: serves the static HAR viewer (dist/web) on loopback only. `serveViewer` is the
// same server for tests and benchmarks (port 0 = any free port).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml' };

/** Starts the server; resolves to its origin and a `close()`. */
export function serveViewer({ port = 8788, root = 'dist/web' } = {}) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path.endsWith('/') ? 'src/viewer/viewer.html' : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        // The page needs nothing from the network: say so to the browser too.
        'Content-Security-Policy': "default-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'",
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        origin: `http://127.0.0.1:${server.address().port}`,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    );
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { origin } = await serveViewer({ port: Number(process.env.PORT ?? 8788) });
  console.log(`AuthLens HAR viewer: ${origin}/ (Ctrl+C to stop)`);
}
