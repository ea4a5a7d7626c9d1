import type { FindingCode } from '../../core/diagnose/index.js';
import { FINDING_TITLES } from '../../core/knowledge/titles.js';
import type { Store } from '../store/create-store.js';

/** Failures grouped by cause and by endpoint, for a long QA session. */
export function SummaryView({ store }: { store: Store }) {
  const rows = store.all.value;
  const byCode = new Map<FindingCode, { count: number; severity: string; first: string; last: string; endpoints: Map<string, number> }>();
  for (const r of rows) {
    for (const f of r.findings) {
      let g = byCode.get(f.code);
      if (!g) byCode.set(f.code, (g = { count: 0, severity: f.severity, first: r.ex.startedDateTime, last: r.ex.startedDateTime, endpoints: new Map() }));
      g.count++;
      g.last = r.ex.startedDateTime;
      const endpoint = `${r.method} ${r.host}${r.path.split('?')[0]}`;
      g.endpoints.set(endpoint, (g.endpoints.get(endpoint) ?? 0) + 1);
    }
  }
  const groups = [...byCode.entries()].sort((a, b) => b[1].count - a[1].count);
  if (!groups.length) return <p class="empty">No findings yet. Failures will be grouped here by cause and endpoint.</p>;
  const time = (iso: string) => (iso ? new Date(iso).toLocaleTimeString() : '');
  return (
    <div class="summary">
      <table class="summary-table">
        <thead>
          <tr>
            <th class="cause">Cause</th>
            <th class="count">Count</th>
            <th class="seen">First / last seen</th>
            <th>Endpoints</th>
          </tr>
        </thead>
        <tbody>
          {groups.map(([code, g]) => {
            const first = time(g.first);
            const last = time(g.last);
            const endpoints = [...g.endpoints.entries()].sort((a, b) => b[1] - a[1]);
            return (
              <tr key={code} class={`sev-${g.severity}`}>
                <td class="cause">
                  <button
                    type="button"
                    class="link"
                    title="Show these requests"
                    onClick={() => {
                      store.filterText.value = `code:${code}`;
                      store.view.value = 'requests';
                    }}
                  >
                    {FINDING_TITLES[code]}
                  </button>
                </td>
                <td class="count">{g.count}</td>
                <td class="seen">
                  {/* Each time stays whole; a narrow pane puts the last one under the first. */}
                  {last === first ? (
                    <span>{first}</span>
                  ) : (
                    <>
                      <span>{first} –</span> <span>{last}</span>
                    </>
                  )}
                </td>
                <td class="endpoints">
                  <ul>
                    {endpoints.slice(0, 3).map(([e, n]) => (
                      <li key={e}>
                        {e} ({n})
                      </li>
                    ))}
                    {endpoints.length > 3 && <li class="more">and {endpoints.length - 3} more</li>}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
