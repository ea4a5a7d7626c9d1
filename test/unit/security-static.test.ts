// Static guarantees over the shipped code (src/) and the manifest: no HTML injection sinks, no
// dynamic code, no permissions, a CSP that forbids network access from extension pages.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

// Comments may name these sinks to explain why they are avoided; code may not use them.
const stripComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('shipped code', () => {
  const sources = files('src').map((path) => ({ path, code: stripComments(readFileSync(path, 'utf8')) }));
  test.each([
    { sink: 'innerHTML', pattern: /\.innerHTML\b/ },
    { sink: 'outerHTML', pattern: /\.outerHTML\b/ },
    { sink: 'insertAdjacentHTML', pattern: /insertAdjacentHTML/ },
    { sink: 'dangerouslySetInnerHTML', pattern: /dangerouslySetInnerHTML/ },
    { sink: 'document.write', pattern: /document\.write/ },
    { sink: 'eval', pattern: /\beval\s*\(/ },
    { sink: 'new Function', pattern: /new\s+Function\s*\(/ },
    { sink: 'network requests (fetch/XHR/WebSocket/sendBeacon)', pattern: /\bfetch\s*\(|XMLHttpRequest|new\s+WebSocket|sendBeacon/ },
  ])('never uses $sink', ({ pattern }) => {
    expect(sources.filter((s) => pattern.test(s.code)).map((s) => s.path)).toEqual([]);
  });

  test('storage is used for settings only, never for tokens', () => {
    const writes = sources.filter((s) => /localStorage\.setItem|indexedDB|chrome\.storage|browser\.storage/.test(s.code));
    expect(writes.map((s) => s.path)).toEqual(['src/devtools/page-services.ts']);
    expect(readFileSync('src/devtools/page-services.ts', 'utf8')).toMatch(/localStorage\.setItem\(settingsKey, JSON\.stringify\(settings\)\)/);
  });
});

describe('manifest', () => {
  const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as Record<string, unknown>;
  test('asks for no permissions of any kind', () => {
    for (const key of ['permissions', 'host_permissions', 'optional_permissions', 'optional_host_permissions', 'content_scripts', 'background']) expect(manifest[key]).toBeUndefined();
  });
  test('CSP: own scripts only, no network access', () => {
    const csp = (manifest.content_security_policy as { extension_pages: string }).extension_pages;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-(eval|inline)|https?:/);
  });
});
