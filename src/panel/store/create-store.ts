/**
 * The panel's state as signals, built by a factory so the UI runs the same under DevTools, in the
 * HAR viewer and in tests. Capture work per request is one normalize + one incremental diagnosis;
 * bodies are fetched lazily, only for failures.
 */
import { batch, computed, signal } from '@preact/signals';
import { describeBriefly } from '../../core/diagnose/brief.js';
import { diagnosisWith, reviewWithBodyWith, type Diagnosis } from '../../core/diagnose/diagnosis.js';
import type { DiagnosisOptions, Finding } from '../../core/diagnose/index.js';
import { normalizeEntry, type Exchange } from '../../core/har/index.js';
import { parseHarTime } from '../../core/util/iso-time.js';
import { matchesFilter, narrows, parseFilter, type FilterableRow, type FilterTerm } from '../filter.js';
import type { CaptureNotice, NetworkSource, RawHarEntry } from '../source.js';

// Rows keep brief findings (titles only): the explanations and fixes load with the detail pane
// and the reports, which complete them (knowledge/complete-finding.ts).
const createBriefDiagnosis = (opts: DiagnosisOptions): Diagnosis => diagnosisWith(describeBriefly, opts);
const reviewBriefly = (ex: Exchange, findings: readonly Finding[], opts: DiagnosisOptions): Finding[] => reviewWithBodyWith(describeBriefly, ex, findings, opts);

export interface Row extends FilterableRow {
  id: number;
  raw: RawHarEntry;
  ex: Exchange;
  findings: Finding[];
  path: string;
  bodyRequested: boolean;
}

export interface Settings {
  clockToleranceSec: number;
  maxEntries: number;
  redactionLevel: 'default' | 'strict';
}

export const DEFAULT_SETTINGS: Settings = { clockToleranceSec: 60, maxEntries: 50_000, redactionLevel: 'default' };

const RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };
/** Up to this many rows, a late arrival replays the session diagnosis (≈ 10 µs a row). */
const REPLAY_LIMIT = 10_000;
/**
 * Live events come in finishing order, which is causal (a redirect ends before its follow-up
 * starts, a login before the request that needs its cookie), so entries are judged as they
 * arrive. Only one that finished this long before something already judged (the getHAR re-read
 * found it) makes the session be judged again.
 */
const LATE_SLACK_MS = 50;
/** Replays are coalesced: at most one per this many ms, however many late entries arrive. */
const REPLAY_DELAY_MS = 1000;
/** The list repaints at most this often while entries stream in (a single entry paints at once). */
const REPAINT_INTERVAL_MS = 100;

export function createStore(source: NetworkSource) {
  const saved = source.loadSettings() ?? {};
  const settings = signal<Settings>({ ...DEFAULT_SETTINGS, ...pickSettings(saved) });
  const rows: Row[] = [];
  const keys = new Set<string>();
  const version = signal(0);
  const filterText = signal('');
  const authOnly = signal(true);
  const preserveLog = signal(false);
  const recording = signal(true);
  const selectedId = signal<number | null>(null);
  const notices = signal<CaptureNotice[]>([]);
  const dropped = signal(0);
  const sourceInfo = signal<{ label: string; creator: string | null; sanitized: boolean } | null>(null);
  const view = signal<'requests' | 'summary'>('requests');
  let diagnosis: Diagnosis = createBriefDiagnosis({ clockToleranceSec: settings.value.clockToleranceSec });
  let nextId = 1;
  let nextIndex = 0;
  let scheduled = false;
  let lastPaint = -Infinity;
  let lastFinishMs = -Infinity;
  let replayTimer: ReturnType<typeof setTimeout> | undefined;
  const captureTimes: number[] = [];
  /** Changes with every change to `rows` (before the deferred `version` bump): see `visible`. */
  let rowsEpoch = 0;

  const bump = () => {
    rowsEpoch++;
    if (scheduled) return;
    scheduled = true;
    // Entries arrive in bursts (getHAR backfill) and streams (a busy page): the filter and the
    // list run once per batch, and at most every REPAINT_INTERVAL_MS.
    const paint = () => {
      scheduled = false;
      lastPaint = performance.now();
      version.value++;
    };
    const wait = lastPaint + REPAINT_INTERVAL_MS - performance.now();
    if (wait <= 0) queueMicrotask(paint);
    else setTimeout(paint, wait);
  };

  function scheduleReplay() {
    if (replayTimer !== undefined) return;
    replayTimer = setTimeout(() => {
      replayTimer = undefined;
      if (rows.length <= REPLAY_LIMIT) replay();
      bump();
    }, REPLAY_DELAY_MS);
  }

  function resetDiagnosis() {
    diagnosis = createBriefDiagnosis({ clockToleranceSec: settings.value.clockToleranceSec, sanitized: sourceInfo.value?.sanitized ?? false });
  }

  function keyOf(raw: RawHarEntry): string {
    const req = (raw.request ?? {}) as { method?: unknown; url?: unknown };
    const res = (raw.response ?? {}) as { status?: unknown };
    return `${String(raw.startedDateTime ?? '')}|${String(req.method ?? '')}|${String(req.url ?? '')}|${String(res.status ?? '')}`;
  }

  function add(entries: RawHarEntry[]) {
    if (!recording.value) return;
    let lateArrival = false;
    for (const raw of entries) {
      const key = keyOf(raw);
      if (keys.has(key)) continue;
      // A full log already dropped everything older than its first row; a re-read of the
      // browser's log must not bring those back (and count them as dropped again).
      if (rows.length >= settings.value.maxEntries && parseHarTime(String(raw.startedDateTime)) < rows[0]!.ex.startedMs) continue;
      const t0 = performance.now();
      keys.add(key);
      const ex = normalizeEntry(raw, nextIndex++);
      // Events come in finishing order, and Chromium reports some requests only through the
      // getHAR re-read: keep rows in start order, like the Network panel.
      let at = rows.length;
      while (at > 0 && rows[at - 1]!.ex.startedMs > ex.startedMs) at--;
      const findings = diagnosis.add(ex);
      const row = makeRow(raw, ex, findings);
      if (at === rows.length) rows.push(row);
      else rows.splice(at, 0, row);
      const finishMs = ex.startedMs + Math.max(0, ex.time);
      if (finishMs < lastFinishMs - LATE_SLACK_MS) lateArrival = true;
      else if (finishMs > lastFinishMs) lastFinishMs = finishMs;
      if (captureTimes.length < 100_000) captureTimes.push(performance.now() - t0);
      if (needsBody(ex)) void loadBody(row);
    }
    // A request reported long after it finished: judge the session again in start order, so
    // cross-request findings (cookie history, redirects, retries) see it. Bounded for big logs.
    if (lateArrival && rows.length <= REPLAY_LIMIT) scheduleReplay();
    const max = settings.value.maxEntries;
    if (rows.length > max) {
      const removed = rows.splice(0, rows.length - max);
      for (const r of removed) keys.delete(keyOf(r.raw));
      dropped.value += removed.length;
    }
    bump();
  }

  function setFindings(row: Row, findings: Finding[]) {
    row.findings = findings;
    row.codes = findings.map((f) => f.code);
    row.severities = findings.map((f) => f.severity);
    row.text = `${row.method} ${row.url} ${row.status} ${findings.map((f) => f.title).join(' ')}`.toLowerCase();
  }

  function replay() {
    resetDiagnosis();
    const opts = { clockToleranceSec: settings.value.clockToleranceSec };
    for (const row of rows) {
      const found = diagnosis.add(row.ex);
      setFindings(row, row.ex.responseBody?.text ? reviewBriefly(row.ex, found, opts) : found);
    }
  }

  function makeRow(raw: RawHarEntry, ex: Exchange, findings: Finding[]): Row {
    let host = '';
    let path = ex.url;
    try {
      const u = new URL(ex.url);
      host = u.hostname.toLowerCase();
      path = u.pathname + u.search;
    } catch {
      // keep the raw URL
    }
    return {
      id: nextId++,
      raw,
      ex,
      findings,
      status: ex.status,
      method: ex.method,
      url: ex.url,
      host,
      path,
      codes: findings.map((f) => f.code),
      severities: findings.map((f) => f.severity),
      text: `${ex.method} ${ex.url} ${ex.status} ${findings.map((f) => f.title).join(' ')}`.toLowerCase(),
      bodyRequested: false,
    };
  }

  function needsBody(ex: Exchange): boolean {
    if (ex.responseBody?.text) return false;
    return ex.status === 400 || ex.status === 401 || ex.status === 403 || ex.status === 407 || /token/i.test(ex.url.split('?')[0] ?? '');
  }

  async function loadBody(row: Row) {
    if (row.bodyRequested) return;
    row.bodyRequested = true;
    const { text, encoding } = await source.getContent(row.raw);
    if (text === null) return;
    const withBody: Exchange = {
      ...row.ex,
      responseBody: { mimeType: row.ex.responseBody?.mimeType ?? '', size: text.length, text: encoding === 'base64' ? safeAtob(text) : text },
    };
    row.ex = withBody;
    const findings = reviewBriefly(withBody, row.findings, { clockToleranceSec: settings.value.clockToleranceSec });
    if (findings.length !== row.findings.length) setFindings(row, findings);
    bump();
  }

  function clear() {
    clearTimeout(replayTimer);
    replayTimer = undefined;
    batch(() => {
      rows.length = 0;
      keys.clear();
      selectedId.value = null;
      dropped.value = 0;
      lastFinishMs = -Infinity;
      resetDiagnosis();
      rowsEpoch++;
      version.value++;
    });
  }

  const terms = computed(() => parseFilter(filterText.value));
  // The last result: a keystroke that narrows the filter (most typing) filters only the rows it kept.
  let lastVisible: { epoch: number; terms: FilterTerm[]; onlyAuth: boolean; out: Row[] } | null = null;
  const visible = computed(() => {
    void version.value;
    const t = terms.value;
    const onlyAuth = authOnly.value;
    const last = lastVisible;
    const from = last && last.epoch === rowsEpoch && last.onlyAuth === onlyAuth && narrows(t, last.terms) ? last.out : rows;
    const out: Row[] = [];
    for (const r of from) {
      if (onlyAuth && !(r.status === 401 || r.status === 403 || r.status === 407 || r.findings.length)) continue;
      if (t.length && !matchesFilter(t, r)) continue;
      out.push(r);
    }
    lastVisible = { epoch: rowsEpoch, terms: t, onlyAuth, out };
    return out;
  });
  const selected = computed(() => {
    void version.value;
    const id = selectedId.value;
    return id === null ? null : (rows.find((r) => r.id === id) ?? null);
  });
  // A new array for every change: a computed that returned `rows` itself would hand out the same
  // object each time, signals compare by identity, and the views that only read `all` (Summary, the
  // toolbar's Export) would never hear of new rows. Copying the row references is ≈ 0.1 ms for
  // 50,000 rows, once per repaint.
  const all = computed(() => {
    void version.value;
    return rows.slice();
  });
  /** Rows with an error finding, for the status bar: counted when rows change, not per keystroke. */
  const errorCount = computed(() => {
    void version.value;
    let n = 0;
    for (const r of rows) if (r.findings.some((f) => f.severity === 'error')) n++;
    return n;
  });

  const unsubscribe = source.subscribe({
    onEntries: add,
    onNavigated: () => {
      if (!preserveLog.value) clear();
    },
    onNotice: (n) => {
      if (!notices.value.some((x) => x.message === n.message)) notices.value = [...notices.value, n];
    },
    onSource: (info) => {
      sourceInfo.value = info;
      clear();
    },
  });

  return {
    source,
    settings,
    filterText,
    authOnly,
    preserveLog,
    recording,
    selectedId,
    notices,
    dropped,
    sourceInfo,
    view,
    visible,
    selected,
    all,
    errorCount,
    clear,
    loadBody,
    select(id: number | null) {
      selectedId.value = id;
      const row = id === null ? null : rows.find((r) => r.id === id);
      if (row && !row.bodyRequested && row.status >= 400) void loadBody(row);
    },
    updateSettings(next: Partial<Settings>) {
      settings.value = { ...settings.value, ...next };
      source.saveSettings({ ...settings.value });
    },
    /** Per-request capture cost (ms) — for the benchmark. */
    captureTimes,
    dispose: unsubscribe,
    /** Entries as a HAR 1.2 document, for export. */
    toHar() {
      return {
        log: {
          version: '1.2',
          creator: { name: 'AuthLens', version: '0.1.0' },
          pages: [],
          entries: rows.map((r) => JSON.parse(JSON.stringify(r.raw)) as unknown),
        },
      };
    },
    severityRank: (r: Row) => (r.findings.length ? Math.min(...r.findings.map((f) => RANK[f.severity] ?? 3)) : 3),
  };
}

export type Store = ReturnType<typeof createStore>;

function pickSettings(v: Record<string, unknown>): Partial<Settings> {
  const out: Partial<Settings> = {};
  if (typeof v.clockToleranceSec === 'number' && v.clockToleranceSec >= 0 && v.clockToleranceSec <= 3600) out.clockToleranceSec = v.clockToleranceSec;
  if (typeof v.maxEntries === 'number' && v.maxEntries >= 100 && v.maxEntries <= 1_000_000) out.maxEntries = Math.floor(v.maxEntries);
  if (v.redactionLevel === 'default' || v.redactionLevel === 'strict') out.redactionLevel = v.redactionLevel;
  return out;
}

function safeAtob(b64: string): string {
  try {
    const bin = atob(b64);
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return new TextDecoder().decode(bytes);
  } catch {
    return '';
  }
}
