/**
 * NetworkSource for the standalone HAR viewer: entries come from a HAR file the user picks or
 * drops, never from the network.
 */
import type { NetworkSource, RawHarEntry, SourceHandlers } from '../panel/source.js';

const SETTINGS_KEY = 'authlens.viewer.settings';

export function createFileSource(): NetworkSource & { loadFile(file: File): Promise<void> } {
  let current: SourceHandlers | null = null;
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
    async loadFile(file: File) {
      const text = await file.text();
      let har: unknown;
      try {
        har = JSON.parse(text);
      } catch (err) {
        current?.onNotice?.({ code: 'capture-error', message: `${file.name} is not valid JSON: ${(err as Error).message}` });
        return;
      }
      const entries = (har as { log?: { entries?: unknown } })?.log?.entries;
      if (!Array.isArray(entries)) {
        current?.onNotice?.({ code: 'capture-error', message: `${file.name} has no log.entries array, so it is not a HAR file.` });
        return;
      }
      current?.onNavigated?.(file.name);
      current?.onEntries(entries as RawHarEntry[]);
    },
    async getContent(entry: RawHarEntry) {
      const content = (entry.response as { content?: { text?: unknown; encoding?: unknown } } | undefined)?.content;
      return {
        text: typeof content?.text === 'string' ? content.text : null,
        encoding: typeof content?.encoding === 'string' ? content.encoding : null,
      };
    },
    openUrl(url: string) {
      if (/^https:\/\//.test(url)) window.open(url, '_blank', 'noopener');
    },
    loadSettings() {
      try {
        const text = localStorage.getItem(SETTINGS_KEY);
        return text ? (JSON.parse(text) as Record<string, unknown>) : null;
      } catch {
        return null;
      }
    },
    saveSettings(settings) {
      try {
        localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
      } catch {
        // settings stay for this session only
      }
    },
    download(filename, mimeType, text) {
      const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    async copyText(text) {
      await navigator.clipboard.writeText(text);
    },
  };
}
