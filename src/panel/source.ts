/**
 * What the panel UI is handed by its shell (devtools page, HAR viewer, or a test harness).
 * The UI never imports browser APIs: everything browser-specific comes in through this object.
 */

/** A raw HAR 1.2 entry as the browser (or a HAR file) gives it; normalized by core/har. */
export type RawHarEntry = Record<string, unknown>;

export type ThemeName = 'light' | 'dark';

export interface SourceHandlers {
  /** New entries, in arrival order. May contain entries already seen (getHAR overlap): the store de-duplicates. */
  onEntries(entries: RawHarEntry[]): void;
  /** The inspected page navigated (DevTools `onNavigated`): clear unless "preserve log" is on. */
  onNavigated?(url: string): void;
  /** Something the user should know about capture, e.g. Firefox can't recover earlier requests. */
  onNotice?(notice: CaptureNotice): void;
  /**
   * What is being shown changed (a HAR file was loaded): its name, its exporter and whether it was
   * exported sanitized (no Authorization/Cookie anywhere), which the diagnosis must know.
   */
  onSource?(info: { label: string; creator: string | null; sanitized: boolean }): void;
}

export interface CaptureNotice {
  code: 'earlier-requests-unavailable' | 'capture-error';
  message: string;
}

export interface NetworkSource {
  kind: 'devtools' | 'file' | 'test';
  /** Starts delivering entries (backfill first, then live). Returns an unsubscribe function. */
  subscribe(handlers: SourceHandlers): () => void;
  /**
   * Response body of an entry delivered earlier, fetched lazily (only for failures).
   * Resolves to null when the browser has none (cached, evicted, service-worker served).
   */
  getContent(entry: RawHarEntry): Promise<{ text: string | null; encoding: string | null }>;
  theme: ThemeName;
  /** Opens a link in a new browser tab (RFC / MDN references). */
  openUrl(url: string): void;
  /** Persistent settings without permissions (localStorage of the extension page). */
  loadSettings(): Record<string, unknown> | null;
  saveSettings(settings: Record<string, unknown>): void;
  /** Offers a file to the user (export). */
  download(filename: string, mimeType: string, text: string): void;
  /** Copies text to the clipboard; rejects, with a message for the user, when the browser refuses. */
  copyText(text: string): Promise<void>;
  /** "Open HAR…": the DevTools panel opens the HAR viewer page; the viewer shows its file picker. */
  openHar?(): void;
}
