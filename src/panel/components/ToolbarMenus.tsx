import { useEffect, useRef } from 'preact/hooks';
import type { Store } from '../store/create-store.js';
import { analysisOf } from './analysis-of.js';
import { arrowIndex } from './arrow-index.js';

/**
 * The toolbar's Export and Settings menus. They load when a menu is first opened, with redaction
 * and reports behind them: none of it is needed to capture and diagnose.
 */
const redaction = () => import('../../core/redact/index.js');

export interface ExportMenuProps {
  store: Store;
  close: () => void;
  /** Asks the user to confirm saving `har`, showing what redaction removed. */
  confirm: (message: string, har: unknown) => void;
  notify: (message: string) => void;
}

export function ExportMenu({ store, close, confirm, notify }: ExportMenuProps) {
  const level = store.settings.value.redactionLevel;
  async function prepareExport() {
    const { redactHarDetailed, formatRedactionSummary } = await redaction();
    const detailed = redactHarDetailed(store.toHar(), { level });
    confirm(`${detailed.summary.total ? formatRedactionSummary(detailed.summary) : 'nothing'} will be removed (${level} level). Save the redacted HAR?`, detailed.har);
    close();
  }
  async function copyReport() {
    const { buildReport } = await redaction();
    try {
      await store.source.copyText(buildReport(analysisOf(store), store.toHar(), { format: 'md', level }));
      notify('Report copied');
    } catch (e) {
      notify(`Report not copied: ${e instanceof Error ? e.message : String(e)}`);
    }
    close();
  }
  async function saveJsonReport() {
    const { buildReport } = await redaction();
    store.source.download('authlens-report.json', 'application/json', buildReport(analysisOf(store), store.toHar(), { format: 'json', level }));
    close();
  }
  // Keyboard focus moves into the menu when it opens; the arrows, Home and End move between its
  // items (Escape, handled by the App, closes it).
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus(), []);
  function onKeyDown(e: KeyboardEvent) {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const next = arrowIndex(e.key, items.indexOf(document.activeElement as HTMLElement), items.length, 'vertical');
    if (next < 0) return;
    e.preventDefault();
    items[next]!.focus();
  }
  return (
    <div class="menu" role="menu" ref={ref} onKeyDown={onKeyDown}>
      <button type="button" role="menuitem" onClick={() => void prepareExport()}>
        Redacted HAR…
      </button>
      <button type="button" role="menuitem" onClick={() => void copyReport()}>
        Copy report (Markdown)
      </button>
      <button type="button" role="menuitem" onClick={() => void saveJsonReport()}>
        Save report (JSON)
      </button>
    </div>
  );
}

export function SettingsMenu({ store }: { store: Store }) {
  const s = store.settings.value;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.querySelector<HTMLElement>('input, select')?.focus(), []);
  return (
    <div class="menu settings" role="dialog" aria-label="Settings" ref={ref}>
      <label>
        Clock tolerance (s){' '}
        <input type="number" min={0} max={3600} value={s.clockToleranceSec} onChange={(e) => store.updateSettings({ clockToleranceSec: Number((e.currentTarget as HTMLInputElement).value) || 0 })} />
      </label>
      <label>
        Max entries kept{' '}
        <input type="number" min={100} max={1000000} value={s.maxEntries} onChange={(e) => store.updateSettings({ maxEntries: Math.max(100, Number((e.currentTarget as HTMLInputElement).value) || 100) })} />
      </label>
      <label>
        Redaction{' '}
        <select value={s.redactionLevel} onChange={(e) => store.updateSettings({ redactionLevel: (e.currentTarget as HTMLSelectElement).value === 'strict' ? 'strict' : 'default' })}>
          <option value="default">default (keep JWT claims)</option>
          <option value="strict">strict (drop personal claims)</option>
        </select>
      </label>
    </div>
  );
}
