import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { closeOnEscape } from '../popups.js';
import type { Store } from '../store/create-store.js';

type Menus = typeof import('./ToolbarMenus.js');
type MenuName = 'export' | 'settings';

export function Toolbar({ store, filterRef }: { store: Store; filterRef: { current: HTMLInputElement | null } }) {
  const [menu, setMenu] = useState<null | MenuName>(null);
  const [menus, setMenus] = useState<Menus | null>(null);
  const [preview, setPreview] = useState<{ message: string; har: unknown } | null>(null);
  const [status, setStatus] = useState('');
  const anchors = { export: useRef<HTMLDivElement>(null), settings: useRef<HTMLDivElement>(null) };
  /** The open menu, when it had to be left-aligned to stay inside the panel. */
  const [flipped, setFlipped] = useState<null | MenuName>(null);

  // The menus' code loads the first time one is opened (see ToolbarMenus).
  function toggle(which: MenuName) {
    setMenu(menu === which ? null : which);
    if (!menus) void import('./ToolbarMenus.js').then((m) => setMenus(m));
  }

  // A menu opens under its button, right-aligned to it. When DevTools is docked narrow the toolbar
  // wraps, the button can sit near the left edge, and the menu would run out of the panel there:
  // it is then left-aligned instead. Measured before the browser paints.
  useLayoutEffect(() => {
    if (!menu) return setFlipped(null);
    if (flipped === menu) return;
    const el = anchors[menu].current?.querySelector<HTMLElement>('.menu');
    if (el && el.getBoundingClientRect().left < 0) setFlipped(menu);
  }, [menu, menus, flipped]);

  // Escape closes an open menu (keyboard focus goes back to its button) or the redaction preview;
  // a press anywhere outside an open menu closes it. Registered as the popup renders, so an Escape
  // pressed right after it appears already finds it.
  useLayoutEffect(() => {
    if (!menu && !preview) return;
    const unregister = closeOnEscape(() => {
      if (preview) setPreview(null);
      else if (menu) {
        anchors[menu].current?.querySelector<HTMLElement>('button')?.focus();
        setMenu(null);
      }
    });
    const onPointer = (e: PointerEvent) => {
      if (menu && !anchors[menu].current?.contains(e.target as Node)) setMenu(null);
    };
    document.addEventListener('pointerdown', onPointer, true);
    return () => {
      unregister();
      document.removeEventListener('pointerdown', onPointer, true);
    };
  }, [menu, preview]);

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
      <button
        type="button"
        class={store.view.value === 'summary' ? 'active' : ''}
        aria-pressed={store.view.value === 'summary'}
        title="Failures grouped by cause and endpoint"
        onClick={() => (store.view.value = store.view.value === 'summary' ? 'requests' : 'summary')}
      >
        Summary
      </button>
      {store.source.openHar && (
        <button type="button" onClick={() => store.source.openHar!()}>
          Open HAR…
        </button>
      )}
      <div class={`menu-anchor${flipped === 'export' ? ' flip' : ''}`} ref={anchors.export}>
        <button
          type="button"
          aria-haspopup="menu"
          aria-expanded={menu === 'export'}
          disabled={store.all.value.length === 0}
          title={store.all.value.length === 0 ? 'Nothing to export yet' : undefined}
          onClick={() => toggle('export')}
        >
          Export ▾
        </button>
        {menu === 'export' && menus && <menus.ExportMenu store={store} close={() => setMenu(null)} confirm={(message, har) => setPreview({ message, har })} notify={notify} />}
      </div>
      <div class={`menu-anchor${flipped === 'settings' ? ' flip' : ''}`} ref={anchors.settings}>
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
