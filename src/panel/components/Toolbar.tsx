import { useRef, useState } from 'preact/hooks';
import type { Store } from '../store/create-store.js';
import { analysisOf } from './analysis-of.js';

export function Toolbar({ store, filterRef }: { store: Store; filterRef: { current: HTMLInputElement | null } }) {
  const [menu, setMenu] = useState<null | 'export' | 'settings'>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const pending = useRef<unknown>(null);
  const s = store.settings.value;

  // Redaction and reports load on first use: they are not needed to capture and diagnose.
  const redaction = () => import('../../core/redact/index.js');

  async function prepareExport() {
    const { redactHarDetailed, formatRedactionSummary } = await redaction();
    const detailed = redactHarDetailed(store.toHar(), { level: s.redactionLevel });
    pending.current = detailed.har;
    setPreview(`${detailed.summary.total ? formatRedactionSummary(detailed.summary) : 'nothing'} will be removed (${s.redactionLevel} level). Save the redacted HAR?`);
    setMenu(null);
  }
  async function copyReport() {
    const { buildReport } = await redaction();
    const har = store.toHar();
    await store.source.copyText(buildReport(analysisOf(store), har, { format: 'md', level: s.redactionLevel }));
    setStatus('Report copied');
    setMenu(null);
    setTimeout(() => setStatus(''), 2000);
  }

  return (
    <div class="toolbar" role="toolbar" aria-label="AuthLens toolbar">
      <button type="button" class={`icon ${store.recording.value ? 'recording' : ''}`} title={store.recording.value ? 'Stop recording' : 'Record'} aria-pressed={store.recording.value} onClick={() => (store.recording.value = !store.recording.value)}>
        ●
      </button>
      <button type="button" class="icon" title="Clear" onClick={() => store.clear()}>
        ⊘
      </button>
      <span class="sep" />
      <input
        ref={filterRef}
        class="filter"
        type="search"
        placeholder="Filter (status:401 code:token-expired domain: method: -negate)"
        aria-label="Filter requests"
        value={store.filterText.value}
        onInput={(e) => (store.filterText.value = (e.currentTarget as HTMLInputElement).value)}
      />
      <label title="Show only 401, 403, 407 and requests with findings">
        <input type="checkbox" checked={store.authOnly.value} onChange={(e) => (store.authOnly.value = (e.currentTarget as HTMLInputElement).checked)} /> Auth only
      </label>
      <label title="Keep requests across page loads">
        <input type="checkbox" checked={store.preserveLog.value} onChange={(e) => (store.preserveLog.value = (e.currentTarget as HTMLInputElement).checked)} /> Preserve log
      </label>
      <span class="sep" />
      <button type="button" class={store.view.value === 'summary' ? 'active' : ''} onClick={() => (store.view.value = store.view.value === 'summary' ? 'requests' : 'summary')}>
        Summary
      </button>
      {store.source.openHar && (
        <button type="button" onClick={() => store.source.openHar!()}>
          Open HAR…
        </button>
      )}
      <div class="menu-anchor">
        <button type="button" aria-haspopup="menu" aria-expanded={menu === 'export'} onClick={() => setMenu(menu === 'export' ? null : 'export')}>
          Export ▾
        </button>
        {menu === 'export' && (
          <div class="menu" role="menu">
            <button type="button" role="menuitem" onClick={() => void prepareExport()}>
              Redacted HAR…
            </button>
            <button type="button" role="menuitem" onClick={() => void copyReport()}>
              Copy report (Markdown)
            </button>
            <button
              type="button"
              role="menuitem"
              onClick={() =>
                void redaction().then(({ buildReport }) => {
                  store.source.download('authlens-report.json', 'application/json', buildReport(analysisOf(store), store.toHar(), { format: 'json', level: s.redactionLevel }));
                  setMenu(null);
                })
              }
            >
              Save report (JSON)
            </button>
          </div>
        )}
      </div>
      <div class="menu-anchor">
        <button type="button" title="Settings" aria-haspopup="dialog" aria-expanded={menu === 'settings'} onClick={() => setMenu(menu === 'settings' ? null : 'settings')}>
          ⚙
        </button>
        {menu === 'settings' && (
          <div class="menu settings" role="dialog" aria-label="Settings">
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
        )}
      </div>
      {status && <span class="toast">{status}</span>}
      {preview && (
        <div class="confirm" role="alertdialog" aria-label="Export redacted HAR">
          <span>{preview}</span>
          <button
            type="button"
            onClick={() => {
              store.source.download('authlens-redacted.har', 'application/json', JSON.stringify(pending.current, null, 2));
              setPreview(null);
            }}
          >
            Save
          </button>
          <button type="button" onClick={() => setPreview(null)}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
