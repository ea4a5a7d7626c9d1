import { useEffect, useRef, useState } from 'preact/hooks';
import { closeNewestPopup } from '../popups.js';
import type { Store } from '../store/create-store.js';
import { RequestList } from './RequestList.js';
import { Toolbar } from './Toolbar.js';

type DetailModule = typeof import('./DetailPane.js');
type SummaryModule = typeof import('./SummaryView.js');
// The detail pane and the summary load on first use: capture and the list start faster.
let detailModule: Promise<DetailModule> | null = null;
let summaryModule: Promise<SummaryModule> | null = null;

function useLazy<T>(load: () => Promise<T>, wanted: boolean): T | null {
  const [mod, setMod] = useState<T | null>(null);
  useEffect(() => {
    if (wanted && !mod) void load().then((m) => setMod(() => m));
  }, [wanted]);
  return mod;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
}

export function App({ store }: { store: Store }) {
  const filterRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // One listener in the capture phase, before any element's: the Escape that closes the detail
    // pane must be stopped before it reaches the document, where Chromium's DevTools takes every
    // Escape for itself (preventDefault does not stop it), toggles its drawer and moves keyboard
    // focus to the console.
    const onKey = (e: KeyboardEvent) => {
      const typing = isTyping(e.target);
      // Ctrl/Cmd+F, and "/" because Chromium's DevTools keeps Ctrl+F for its own search.
      if (((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') || (e.key === '/' && !typing)) {
        e.preventDefault();
        filterRef.current?.focus();
      } else if (e.key === 'Escape' && closeNewestPopup()) {
        // A menu or the preview was open: that is all this Escape does.
        e.preventDefault();
        e.stopPropagation();
      } else if (e.key === 'Escape' && store.selectedId.value !== null && !typing) {
        e.preventDefault();
        e.stopPropagation();
        const hadFocusInDetail = document.activeElement?.closest('.detail') != null;
        store.select(null);
        // Keyboard focus goes back to the list once the detail pane is gone, so the arrows and "/"
        // keep working.
        if (hadFocusInDetail) setTimeout(() => document.querySelector<HTMLElement>('.list[role="grid"]')?.focus(), 0);
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  const detail = useLazy(() => (detailModule ??= import('./DetailPane.js')), store.selectedId.value !== null);
  const summary = useLazy(() => (summaryModule ??= import('./SummaryView.js')), store.view.value === 'summary');
  const rows = store.visible.value;
  const total = store.all.value.length;
  const selected = store.selected.value;
  return (
    <div class={`app theme-${store.source.theme}`}>
      <Toolbar store={store} filterRef={filterRef} />
      {store.notices.value.map((n) => (
        <div key={n.message} class="notice" role="status">
          {n.message}
        </div>
      ))}
      {store.sourceInfo.value?.sanitized && (
        <div class="notice" role="status">
          This HAR was exported sanitized (no Authorization or cookies anywhere): missing credentials prove nothing.
        </div>
      )}
      {store.dropped.value > 0 && (
        <div class="notice" role="status">
          {store.dropped.value} older entries dropped — raise the limit in settings (⚙).
        </div>
      )}
      {store.view.value === 'summary' ? (
        summary ? <summary.SummaryView store={store} /> : <p class="empty">Loading…</p>
      ) : (
        <div class={`main${selected ? ' with-detail' : ''}`}>
          {total === 0 ? (
            <div class="empty-state">
              {store.source.kind !== 'file' ? (
                <>
                  <p>No auth failures yet.</p>
                  <p>Requests appear here as the page makes them. Reload the page to capture requests made before DevTools opened.</p>
                </>
              ) : (
                <p>Open a HAR file to see its auth failures.</p>
              )}
            </div>
          ) : (
            // Stays mounted while a filter matches nothing: typing on does not rebuild the list.
            <RequestList store={store}>
              <p>
                {total} requests captured, none match{store.authOnly.value ? ' "Auth only"' : ''}
                {store.filterText.value ? ` and the filter "${store.filterText.value}"` : ''}.
              </p>
            </RequestList>
          )}
          {selected && (detail ? <detail.DetailPane key={selected.id} store={store} row={selected} /> : <section class="detail" aria-busy="true" />)}
        </div>
      )}
      <footer class="status-bar">
        {rows.length} / {total} requests · {store.errorCount.value} with errors
        {store.recording.value ? '' : ' · recording paused'}
      </footer>
    </div>
  );
}
