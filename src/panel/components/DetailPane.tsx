import { useState } from 'preact/hooks';
import type { Row, Store } from '../store/create-store.js';
import { arrowIndex } from './arrow-index.js';
import { BodyTab } from './BodyTab.js';
import { ChallengeTab } from './ChallengeTab.js';
import { FindingCard } from './FindingCard.js';
import { HeadersTab } from './HeadersTab.js';
import { RelatedTab } from './RelatedTab.js';
import { TokenTab } from './TokenTab.js';

const TABS = ['Diagnosis', 'Challenge', 'Token', 'Headers', 'Related', 'Body'] as const;
type Tab = (typeof TABS)[number];

export function DetailPane({ store, row }: { store: Store; row: Row }) {
  const [tab, setTab] = useState<Tab>('Diagnosis');
  const [note, setNote] = useState('');
  function onTabKey(e: KeyboardEvent) {
    const next = arrowIndex(e.key, TABS.indexOf(tab), TABS.length, 'horizontal');
    if (next < 0) return;
    e.preventDefault();
    setTab(TABS[next]!);
    (e.currentTarget as HTMLElement).querySelector<HTMLElement>(`#detail-tab-${TABS[next]}`)?.focus();
  }
  const copy = (text: string, what: string) => {
    void store.source.copyText(text).then(
      () => {
        setNote(`${what} copied`);
        setTimeout(() => setNote(''), 1500);
      },
      (e: unknown) => setNote(`${what} not copied: ${e instanceof Error ? e.message : String(e)}`),
    );
  };
  return (
    <section class="detail" aria-label={`Details of ${row.method} ${row.url}`}>
      <header class="detail-head">
        <button type="button" class="icon" title="Close (Esc)" aria-label="Close details" onClick={() => store.select(null)}>
          ✕
        </button>
        <span class="detail-title" title={row.url}>
          <span class="detail-url">
            {row.method} {row.host && <span class="host">{row.host}</span>}
            {row.path}
          </span>
          <span class="detail-status">
            {' → '}
            <strong>{row.status || 'failed'}</strong>
          </span>
        </span>
        <button type="button" title="Copy as cURL, with secrets redacted" onClick={() => void import('../../core/redact/index.js').then(({ toCurl }) => copy(toCurl(row.ex, { includeCredentials: false }), 'cURL'))}>
          Copy cURL
        </button>
        {note && <span class="toast">{note}</span>}
      </header>
      {/* The ARIA tabs pattern: one tab in the Tab order, the arrows, Home and End move between them. */}
      <div class="tabs" role="tablist" aria-label="Details" onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button
            key={t}
            id={`detail-tab-${t}`}
            type="button"
            role="tab"
            aria-selected={tab === t}
            aria-controls="detail-tabpanel"
            tabIndex={tab === t ? 0 : -1}
            class={tab === t ? 'active' : ''}
            onClick={() => setTab(t)}
          >
            {t}
            {t === 'Diagnosis' && row.findings.length ? ` (${row.findings.length})` : ''}
          </button>
        ))}
      </div>
      <div class="tab-body" role="tabpanel" id="detail-tabpanel" aria-labelledby={`detail-tab-${tab}`}>
        {tab === 'Diagnosis' &&
          (row.findings.length ? (
            row.findings.map((f) => <FindingCard key={f.code} finding={f} openUrl={(u) => store.source.openUrl(u)} copy={(t) => copy(t, 'Fix')} />)
          ) : (
            <p class="empty">Nothing wrong found in this exchange.</p>
          ))}
        {tab === 'Challenge' && <ChallengeTab ex={row.ex} />}
        {tab === 'Token' && <TokenTab ex={row.ex} copy={(t) => copy(t, 'Token JSON')} />}
        {tab === 'Headers' && <HeadersTab ex={row.ex} />}
        {tab === 'Related' && <RelatedTab row={row} rows={store.all.value} select={(id) => store.select(id)} />}
        {tab === 'Body' && <BodyTab ex={row.ex} />}
      </div>
    </section>
  );
}
