/**
 * NetworkSource for the HAR viewer: entries come from a HAR file the user picks or drops, parsed in
 * a worker (har-worker.ts); never from the network.
 */
import type { NetworkSource, RawHarEntry, SourceHandlers } from '../panel/source.js';
import { pageServices } from '../devtools/page-services.js';
import type { WorkerReply } from './har-worker.js';

const SETTINGS_KEY = 'authlens.viewer.settings';

export interface LoadProgress {
  phase: 'reading' | 'parsing' | 'loading' | 'done' | 'error';
  fraction: number;
  message?: string;
}

export interface FileSource extends NetworkSource {
  /** Parses `file` in a worker and replaces what the panel shows; progress through `onProgress`. */
  loadFile(file: File, onProgress: (p: LoadProgress) => void): Promise<{ entries: number; creator: string | null; sanitized: boolean } | null>;
}

export function createFileSource(): FileSource {
  let current: SourceHandlers | null = null;
  let worker: Worker | null = null;
  const theme = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  return {
    kind: 'file',
    theme,
    subscribe(handlers) {
      current = handlers;
      return () => {
        if (current === handlers) current = null;
      };
    },
    loadFile(file, onProgress) {
      worker?.terminate();
      const w = new Worker(new URL('./har-worker.ts', import.meta.url), { type: 'module' });
      worker = w;
      return new Promise((resolve) => {
        let meta = { creator: null as string | null, sanitized: false };
        w.onmessage = (event: MessageEvent<WorkerReply>) => {
          const msg = event.data;
          switch (msg.type) {
            case 'progress':
              onProgress({ phase: msg.phase, fraction: msg.fraction });
              break;
            case 'meta':
              meta = { creator: msg.creator, sanitized: msg.sanitized };
              // A new file replaces the old one, like a navigation without "preserve log".
              current?.onNavigated?.(file.name);
              current?.onSource?.({ label: file.name, sanitized: msg.sanitized, creator: msg.creator });
              break;
            case 'entries':
              current?.onEntries(msg.entries as RawHarEntry[]);
              break;
            case 'done':
              onProgress({ phase: 'done', fraction: 1 });
              w.terminate();
              resolve({ entries: msg.total, ...meta });
              break;
            case 'error':
              onProgress({ phase: 'error', fraction: 0, message: msg.message });
              w.terminate();
              resolve(null);
              break;
          }
        };
        w.onerror = (e) => {
          onProgress({ phase: 'error', fraction: 0, message: `The HAR reader stopped: ${e.message}` });
          resolve(null);
        };
        w.postMessage({ type: 'load', file });
      });
    },
    async getContent(entry: RawHarEntry) {
      const content = (entry.response as { content?: { text?: unknown; encoding?: unknown } } | undefined)?.content;
      return {
        text: typeof content?.text === 'string' ? content.text : null,
        encoding: typeof content?.encoding === 'string' ? content.encoding : null,
      };
    },
    ...pageServices(SETTINGS_KEY),
  };
}
