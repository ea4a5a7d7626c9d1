/**
 * What every AuthLens page offers the UI besides its data source: settings in the page's own
 * localStorage (no permission needed; settings only — never tokens), links, downloads, clipboard.
 * Shared by the DevTools panel and the HAR viewer.
 */
import type { NetworkSource } from '../panel/source.js';

export function pageServices(settingsKey: string): Pick<NetworkSource, 'openUrl' | 'loadSettings' | 'saveSettings' | 'download' | 'copyText'> {
  return {
    openUrl(url: string) {
      // Only our own reference links reach here; open them in a normal tab.
      if (/^https:\/\//.test(url)) window.open(url, '_blank', 'noopener');
    },
    loadSettings() {
      try {
        const text = localStorage.getItem(settingsKey);
        return text ? (JSON.parse(text) as Record<string, unknown>) : null;
      } catch {
        return null;
      }
    },
    saveSettings(settings: Record<string, unknown>) {
      try {
        localStorage.setItem(settingsKey, JSON.stringify(settings));
      } catch {
        // Storage full or disabled: settings stay for this session only.
      }
    },
    download(filename: string, mimeType: string, text: string) {
      const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
    async copyText(text: string) {
      try {
        await navigator.clipboard.writeText(text);
      } catch {
        // DevTools panels often lack clipboard focus; fall back to a selection copy.
        const area = document.createElement('textarea');
        area.value = text;
        document.body.append(area);
        area.select();
        const copied = document.execCommand('copy');
        area.remove();
        // Said rather than claimed: the user would otherwise paste something else into a ticket.
        if (!copied) throw new Error('the browser did not allow it');
      }
    },
  };
}
