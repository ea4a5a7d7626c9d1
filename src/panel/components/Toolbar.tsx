import { useState } from 'preact/hooks';
import type { Store } from '../store/create-store.js';

type Menus = typeof import('./ToolbarMenus.js');

export function Toolbar({ store, filterRef }: { store: Store; filterRef: { current: HTMLInputElement | null } }) {
  const [menu, setMenu] = useState<null | 'export' | 'settings'>(null);
  const [menus, setMenus] = useState<Menus | null>(null);
  const [preview, setPreview] = useState<{ message: string; har: unknown } | null>(null);
  const [status, setStatus] = useState('');

  // The menus' code loads the first time one is opened (see ToolbarMenus).
  function toggle(which: 'export' | 'settings') {
    setMenu(menu === which ? null : which);
    if (!menus) void import('./ToolbarMenus.js').then((m) => setMenus(m));
  }
  function notify(message: string) {
    setStatus(message);
    setTimeout(() => setStatus(''), 2000);
  }

  // A HAR file is read, not recorded: recording, clearing and keeping requests across page loads
  // are the live panel's.
  const live = store.source.kind !== 'file';
  return (
    <div class="toolbar" role="toolbar" aria-label="AuthLens toolbar">
      {live && (
        <>
          <button type="button" class={`icon ${store.recording.value ? 'recording' : ''}`} title={store.recording.value ? 'Stop recording' : 'Record'} aria-pressed={store.recording.value} onClick={() => (store.recording.value = !store.recording.value)}>
            ●
          </button>
          <button type="button" class="icon" title="Clear" onClick={() => store.clear()}>
            ⊘
          </button>
          <span class="sep" />
        </>
      )}
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
      {live && (
        <label title="Keep requests across page loads">
          <input type="checkbox" checked={store.preserveLog.value} onChange={(e) => (store.preserveLog.value = (e.currentTarget as HTMLInputElement).checked)} /> Preserve log
        </label>
      )}
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
        <button type="button" aria-haspopup="menu" aria-expanded={menu === 'export'} onClick={() => toggle('export')}>
          Export ▾
        </button>
        {menu === 'export' && menus && <menus.ExportMenu store={store} close={() => setMenu(null)} confirm={(message, har) => setPreview({ message, har })} notify={notify} />}
      </div>
      <div class="menu-anchor">
        <button type="button" title="Settings" aria-haspopup="dialog" aria-expanded={menu === 'settings'} onClick={() => toggle('settings')}>
          ⚙
        </button>
        {menu === 'settings' && menus && <menus.SettingsMenu store={store} />}
      </div>
      {status && <span class="toast">{status}</span>}
      {preview && (
        <div class="confirm" role="alertdialog" aria-label="Export redacted HAR">
          <span>{preview.message}</span>
          <button
            type="button"
            onClick={() => {
              store.source.download('authlens-redacted.har', 'application/json', JSON.stringify(preview.har, null, 2));
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
