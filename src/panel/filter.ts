/**
 * Network-panel-like filter syntax: free text, `status:401`, `code:token-expired`, `domain:`,
 * `method:`, `severity:`, a leading `-` negates; terms combine with AND. One linear split, no regex
 * built from user input.
 */
export type FilterKey = 'status' | 'code' | 'domain' | 'method' | 'severity' | 'text';

export interface FilterTerm {
  key: FilterKey;
  value: string;
  negate: boolean;
}

export interface FilterableRow {
  status: number;
  method: string;
  url: string;
  host: string;
  codes: readonly string[];
  severities: readonly string[];
  text: string;
}

const KEYS = new Set<FilterKey>(['status', 'code', 'domain', 'method', 'severity']);

export function parseFilter(input: string): FilterTerm[] {
  const terms: FilterTerm[] = [];
  for (const raw of input.slice(0, 1000).split(/\s+/)) {
    if (!raw) continue;
    let word = raw;
    let negate = false;
    if (word.length > 1 && word.startsWith('-')) {
      negate = true;
      word = word.slice(1);
    }
    const colon = word.indexOf(':');
    const key = colon > 0 ? (word.slice(0, colon).toLowerCase() as FilterKey) : null;
    if (key && KEYS.has(key)) terms.push({ key, value: word.slice(colon + 1).toLowerCase(), negate });
    else terms.push({ key: 'text', value: word.toLowerCase(), negate });
  }
  return terms;
}

function matchOne(t: FilterTerm, row: FilterableRow): boolean {
  switch (t.key) {
    case 'status': {
      // `status:4` or `status:40` match by prefix, like the Network panel's status-code filter.
      return String(row.status).startsWith(t.value);
    }
    case 'code':
      return row.codes.some((c) => c === t.value || (t.value.endsWith('*') && c.startsWith(t.value.slice(0, -1))));
    case 'domain': {
      if (t.value.startsWith('*.')) return row.host.endsWith(t.value.slice(1));
      return row.host === t.value || row.host.endsWith('.' + t.value);
    }
    case 'method':
      return row.method.toLowerCase() === t.value;
    case 'severity':
      return row.severities.includes(t.value);
    default:
      return row.text.includes(t.value);
  }
}

export function matchesFilter(terms: readonly FilterTerm[], row: FilterableRow): boolean {
  for (const t of terms) if (matchOne(t, row) === t.negate) return false;
  return true;
}

/**
 * True when every row matching `next` also matches `prev` (`prev` was narrowed: a character typed
 * at the end of a text or status term, or a term added), so `next` only has to look at the rows
 * `prev` kept.
 */
export function narrows(next: readonly FilterTerm[], prev: readonly FilterTerm[]): boolean {
  if (next.length < prev.length) return false;
  for (let i = 0; i < prev.length; i++) {
    const a = prev[i]!;
    const b = next[i]!;
    if (a.key !== b.key || a.negate !== b.negate) return false;
    if (a.value === b.value) continue;
    if (a.negate) return false;
    if (a.key === 'text' && b.value.includes(a.value)) continue;
    if (a.key === 'status' && b.value.startsWith(a.value)) continue;
    return false;
  }
  return true;
}
