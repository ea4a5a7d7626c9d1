import { elementScroll, observeElementOffset, observeElementRect, Virtualizer } from '@tanstack/virtual-core';
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useReducer, useRef } from 'preact/hooks';
import type { Row, Store } from '../store/create-store.js';

const ROW_HEIGHT = 21;

function severityOf(r: Row): 'error' | 'warning' | 'info' | 'none' {
  const top = r.findings[0];
  return top ? top.severity : 'none';
}

function formatTime(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

/** The request grid. `children` is shown in its body while no row matches (the list stays mounted). */
export function RequestList({ store, children }: { store: Store; children?: ComponentChildren }) {
  const rows = store.visible.value;
  const selectedId = store.selectedId.value;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const virtualizer = useRef<Virtualizer<HTMLDivElement, HTMLDivElement> | null>(null);

  if (!virtualizer.current) {
    virtualizer.current = new Virtualizer<HTMLDivElement, HTMLDivElement>({
      count: rows.length,
      getScrollElement: () => scrollRef.current,
      estimateSize: () => ROW_HEIGHT,
      // A small overscan: a filter keystroke can replace every rendered row, and each costs style,
      // layout and paint in that frame. Rows further away are found through the filter.
      overscan: 10,
      // Rows render before the first layout measurement (and where layout is unavailable).
      initialRect: { width: 1000, height: ROW_HEIGHT * 40 },
      // A panel without layout yet (hidden, or a test DOM) measures 0 px: render a screenful anyway.
      observeElementRect: (instance, cb) => observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width, height: ROW_HEIGHT * 40 })),
      observeElementOffset,
      scrollToFn: elementScroll,
      onChange: () => rerender(0),
    });
  }
  const v = virtualizer.current;
  v.setOptions({ ...v.options, count: rows.length });
  useLayoutEffect(() => v._didMount(), []);
  useLayoutEffect(() => v._willUpdate());

  const index = selectedId === null ? -1 : rows.findIndex((r) => r.id === selectedId);
  // The row last open: Escape closes it, Enter or → opens it again (the first row when it is gone).
  const lastOpen = useRef<number | null>(null);
  if (selectedId !== null) lastOpen.current = selectedId;
  useEffect(() => {
    if (index >= 0) v.scrollToIndex(index, { align: 'auto' });
  }, [index]);

  function onKeyDown(e: KeyboardEvent) {
    if (!rows.length) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = index < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, index + (e.key === 'ArrowDown' ? 1 : -1)));
      store.select(rows[next]!.id);
    } else if ((e.key === 'Enter' || e.key === 'ArrowRight') && index < 0) {
      const last = lastOpen.current === null ? -1 : rows.findIndex((r) => r.id === lastOpen.current);
      store.select(rows[last < 0 ? 0 : last]!.id);
    }
  }

  return (
    <div class="list" role="grid" aria-label="Requests" aria-rowcount={rows.length} tabIndex={0} onKeyDown={onKeyDown}>
      <div class="list-head" role="row">
        <span role="columnheader" class="c-status">Status</span>
        <span role="columnheader" class="c-method">Method</span>
        <span role="columnheader" class="c-url">
          <span class="host-label">Host / path</span>
          <span class="path-label">Path</span>
        </span>
        <span role="columnheader" class="c-finding">Finding</span>
        <span role="columnheader" class="c-time">Time</span>
      </div>
      <div class="list-body" ref={scrollRef}>
        {rows.length ? null : <div class="empty-state">{children}</div>}
        <div style={{ height: `${v.getTotalSize()}px`, position: 'relative' }}>
          {v.getVirtualItems().map((item) => {
            const r = rows[item.index];
            if (!r) return null;
            const sev = severityOf(r);
            const failed = r.status === 0 || r.status >= 400;
            return (
              <div
                key={r.id}
                role="row"
                aria-selected={r.id === selectedId}
                class={`row sev-${sev}${failed ? ' failed' : ''}${r.id === selectedId ? ' selected' : ''}`}
                data-status={String(r.status)}
                title={r.url}
                style={{ top: `${item.start}px` }}
                onClick={() => store.select(r.id)}
              >
                <span role="gridcell" class="c-status">{r.status || '(failed)'}</span>
                <span role="gridcell" class="c-method">{r.method}</span>
                <span role="gridcell" class="c-url">
                  <span class="host">{r.host}</span>
                  {r.path}
                </span>
                <span role="gridcell" class="c-finding">
                  {r.findings[0] ? (
                    <>
                      <span class={`dot ${sev}`} aria-label={sev} />
                      {r.findings[0].title}
                      {r.findings.length > 1 ? <span class="more"> +{r.findings.length - 1}</span> : null}
                    </>
                  ) : null}
                </span>
                <span role="gridcell" class="c-time">{formatTime(r.ex.time)}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
