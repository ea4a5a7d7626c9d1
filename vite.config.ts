import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';

/**
 * `vite build --mode chrome|firefox` writes dist/chrome or dist/firefox. manifest.json is the Chrome
 * MV3 manifest; the Firefox one is derived here (gecko id, minimum version, no data collection).
 */
type Target = 'chrome' | 'firefox';

export const GECKO_ID = 'authlens@authlens.dev';

export function manifestFor(target: Target): ManifestV3Export {
  const base = JSON.parse(readFileSync(resolve(import.meta.dirname, 'manifest.json'), 'utf8'));
  if (target === 'chrome') return base;
  return {
    ...base,
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        // 142: first desktop release that knows data_collection_permissions on every platform.
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'web') {
    // The HAR viewer as a static site (dist/web): relative paths, no extension APIs, no requests.
    return {
      base: './',
      oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
      build: {
        outDir: 'dist/web',
        emptyOutDir: true,
        target: 'es2022',
        rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/viewer/viewer.html') } },
      },
    };
  }
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    plugins: [crx({ manifest: manifestFor(target), browser: target })],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: 'es2022',
      // Both browsers preload modules natively (Chrome 66+, Firefox 115+): no polyfill in the panel.
      modulePreload: { polyfill: false },
      sourcemap: false,
      // crxjs only follows pages named in the manifest; the panel and viewer pages are opened by
      // code (`panels.create`, "Open HAR…"), so they are listed here.
      rollupOptions: {
        input: {
          panel: resolve(import.meta.dirname, 'src/devtools/panel.html'),
          viewer: resolve(import.meta.dirname, 'src/viewer/viewer.html'),
        },
      },
    },
  };
});
