/**
 * Reads HAR 1.2 from any exporter (Chrome live + exported, Firefox, Safari, Charles, Fiddler, HTTP
 * Toolkit, mitmproxy) into Exchanges. Never rejects a HAR for failing a schema: missing optional
 * fields, odd types and versions are tolerated; only what can't be read is a problem.
 */
import { problem, type Problem } from '../problem.js';
import { isHeaderNamed, type Body, type Cookie, type Exchange, type Header } from './exchange.js';
import { base64ToText } from './base64-text.js';
import { parseHarTime } from '../util/iso-time.js';

export interface HarReadResult {
  exchanges: Exchange[];
  /** `log.creator.name` verbatim, or null. */
  creator: string | null;
  problems: Problem[];
  /** False when the input couldn't be read as a HAR at all (see problems). */
  ok: boolean;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const num = (v: unknown, fallback = 0): number => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : fallback;
};

function headers(v: unknown): Header[] {
  if (Array.isArray(v)) {
    // Well-formed lists (nearly all) are used as they are: no copy of every header of every entry.
    let wellFormed = true;
    for (let i = 0; i < v.length; i++) {
      const h: unknown = v[i];
      // (An array has no string `name`: no separate array test needed.)
      if (typeof h !== 'object' || h === null || typeof (h as Obj).name !== 'string' || typeof (h as Obj).value !== 'string') {
        wellFormed = false;
        break;
      }
    }
    if (wellFormed) return v as Header[];
    const out: Header[] = [];
    for (const h of v) if (isObj(h) && (typeof h.name === 'string' || typeof h.name === 'number')) out.push({ name: String(h.name), value: str(h.value) });
    return out;
  }
  // Some tools write headers as an object map.
  if (isObj(v)) return Object.entries(v).map(([name, value]) => ({ name, value: Array.isArray(value) ? value.map(str).join(', ') : str(value) }));
  return [];
}

const NO_COOKIES = Object.freeze([]) as unknown as Cookie[];

function cookies(v: unknown): Cookie[] {
  // Most entries have none: one shared, frozen empty list instead of a new one for each.
  if (!Array.isArray(v) || v.length === 0) return NO_COOKIES;
  const out: Cookie[] = [];
  // (An index loop: a for-of's iterator made this part of every entry's reading costlier to optimize.)
  for (let i = 0; i < v.length; i++) {
    const c: unknown = v[i];
    if (isObj(c) && typeof c.name === 'string') out.push({ name: c.name, value: str(c.value) });
  }
  return out;
}

function body(v: unknown, isResponse: boolean): Body | null {
  if (!isObj(v)) return null;
  const mimeType = str(v.mimeType);
  let text: string | null = typeof v.text === 'string' ? v.text : null;
  if (text !== null && isResponse && str(v.encoding).toLowerCase() === 'base64') text = base64ToText(text, mimeType);
  const params = Array.isArray(v.params) ? v.params.filter(isObj).map((p) => ({ name: str(p.name), value: str(p.value) })) : undefined;
  // HAR 1.2 content.size is nearly always given: the text's length is read only when it is not.
  // (Reading it touches every body string, most of which nothing else reads: ≈ 5 ms on a 98 MB HAR.)
  const size = typeof v.size === 'number' && Number.isFinite(v.size) ? v.size : num(v.size, text?.length ?? 0);
  const out: Body = { mimeType, text, size };
  if (params) out.params = params;
  return out;
}

function locationOf(list: Header[]): string {
  for (const h of list) if (isHeaderNamed(h.name, 'location')) return h.value;
  return '';
}

/** One entry (a HAR file's, or a live DevTools one) into an Exchange. Never throws. */
export function normalizeEntry(raw: unknown, index: number): Exchange {
  const e = isObj(raw) ? raw : {};
  const req = isObj(e.request) ? e.request : {};
  const res = isObj(e.response) ? e.response : {};
  const startedDateTime = str(e.startedDateTime);
  const responseHeaders = headers(res.headers);
  const status = Math.trunc(num(res.status));
  let redirectURL = str(res.redirectURL);
  // Only a 3xx's Location is a redirect (a 201's names what was created, RFC 9110 §10.2.2).
  if (!redirectURL && status >= 300 && status < 400) redirectURL = locationOf(responseHeaders);
  const cache = isObj(e.cache) ? e.cache : null;
  const fromCache =
    status === 304 ||
    e._fromCache === 'disk' ||
    e._fromCache === 'memory' ||
    e._fromCache === true ||
    // Safari writes CFNetwork's response source instead (WebKit HARBuilder.js `_fetchType`).
    e._fetchType === 'Disk Cache' ||
    e._fetchType === 'Memory Cache' ||
    // HAR 1.2 `cache.beforeRequest`: the cache entry that existed before the request. chrome-har
    // writes one with hitCount 0 for every disk-cache hit (lib/entryFromResponse.js), so its
    // presence is what counts, not the count.
    Boolean(cache && isObj(cache.beforeRequest));
  return {
    index,
    startedDateTime,
    startedMs: startedDateTime ? parseHarTime(startedDateTime) : NaN,
    time: num(e.time),
    method: str(req.method).toUpperCase() || 'GET',
    url: str(req.url),
    httpVersion: str(req.httpVersion || res.httpVersion),
    requestHeaders: headers(req.headers),
    requestCookies: cookies(req.cookies),
    requestBody: body(req.postData, false),
    status: status >= 0 && status < 1000 ? status : 0,
    statusText: str(res.statusText),
    responseHeaders,
    responseCookies: cookies(res.cookies),
    responseBody: body(res.content, true),
    redirectURL,
    resourceType: typeof e._resourceType === 'string' ? e._resourceType : null,
    fromCache,
    pageref: typeof e.pageref === 'string' ? e.pageref : null,
  };
}

/** Where a string starting at `i` (a `"`) ends, skipping escapes; the text's end when unterminated. */
function endOfString(t: string, i: number): number {
  for (let j = i + 1; j < t.length; j++) {
    const c = t.charCodeAt(j);
    if (c === 0x5c) j++;
    else if (c === 0x22) return j + 1;
  }
  return t.length;
}

/**
 * Offset of the first structural JSON error (a token where none may stand). V8 names no position
 * for "Unexpected token" errors, so this finds it. Strings, numbers and literals are skipped
 * loosely: V8 gives a position for errors inside them, so none comes before a structural one.
 * Iterative and linear, whatever the nesting.
 */
function structuralErrorOffset(t: string): number {
  const n = t.length;
  const open: number[] = []; // char codes of the open brackets
  let state: 'value' | 'key' | 'colon' | 'after' = 'value';
  let justOpened = false;
  let i = 0;
  for (;;) {
    while (i < n) {
      const w = t.charCodeAt(i);
      if (w === 0x20 || w === 0x09 || w === 0x0a || w === 0x0d) i++;
      else break;
    }
    if (i >= n) return n;
    const c = t.charCodeAt(i);
    const top = open[open.length - 1];
    const closer = top === 0x7b ? 0x7d : 0x5d;
    if (justOpened && c === closer) {
      open.pop();
      i++;
      justOpened = false;
      state = 'after';
      continue;
    }
    justOpened = false;
    if (state === 'key') {
      if (c !== 0x22) return i;
      i = endOfString(t, i);
      state = 'colon';
    } else if (state === 'colon') {
      if (c !== 0x3a) return i;
      i++;
      state = 'value';
    } else if (state === 'value') {
      if (c === 0x7b || c === 0x5b) {
        open.push(c);
        i++;
        justOpened = true;
        state = c === 0x7b ? 'key' : 'value';
      } else if (c === 0x22) {
        i = endOfString(t, i);
        state = 'after';
      } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
        while (i < n && '+-.eE0123456789'.includes(t[i]!)) i++;
        state = 'after';
      } else {
        const literal = ['true', 'false', 'null'].find((l) => t.startsWith(l, i));
        if (!literal) return i;
        i += literal.length;
        state = 'after';
      }
    } else {
      if (top === undefined) return i; // something after the top-level value
      if (c === 0x2c) {
        i++;
        state = top === 0x7b ? 'key' : 'value';
      } else if (c === closer) {
        open.pop();
        i++;
      } else return i;
    }
  }
}

/** Position of a JSON syntax error as "line L, column C": V8's "at position N", else found by hand. */
function jsonErrorPosition(text: string, message: string): { offset: number; where: string; structural: boolean } {
  const m = /position (\d+)/.exec(message);
  const structural = !m && !/Unexpected end/.test(message);
  const offset = m ? Number(m[1]) : structural ? structuralErrorOffset(text) : text.length;
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { offset, where: `line ${line}, column ${offset - lineStart + 1}`, structural };
}

/** Parses JSON text; a syntax error becomes a problem with its position. */
export function parseHarText(text: string): { value: unknown; problems: Problem[] } {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (clean.trim() === '') return { value: undefined, problems: [problem('empty-input', 'error', 'The input is empty: expected a HAR file (JSON with a "log" object).')] };
  try {
    return { value: JSON.parse(clean), problems: [] };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const pos = jsonErrorPosition(clean, message);
    const truncated = !pos.structural && pos.offset >= clean.length - 1;
    return {
      value: undefined,
      problems: [
        problem(
          truncated ? 'truncated-json' : 'invalid-json',
          'error',
          `${truncated ? 'The file ends in the middle of the JSON (truncated?)' : 'The file is not valid JSON'} at ${pos.where}: ${message}`,
          pos.offset,
        ),
      ],
    };
  }
}

/** Reads a HAR given as parsed JSON or as text. */
export function readHar(input: unknown): HarReadResult {
  const problems: Problem[] = [];
  let value = input;
  if (typeof input === 'string') {
    const parsed = parseHarText(input);
    if (parsed.problems.length) return { exchanges: [], creator: null, problems: parsed.problems, ok: false };
    value = parsed.value;
  }
  if (!isObj(value) || !isObj(value.log)) {
    const what = Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value;
    problems.push(problem('not-a-har', 'error', `Expected a HAR object with a "log" property, got ${what}${isObj(value) ? ` with keys ${Object.keys(value).slice(0, 5).join(', ') || '(none)'}` : ''}.`));
    return { exchanges: [], creator: null, problems, ok: false };
  }
  const log = value.log;
  const creator = isObj(log.creator) && typeof log.creator.name === 'string' ? log.creator.name : null;
  let entries: unknown[] = [];
  if (Array.isArray(log.entries)) entries = log.entries;
  else if (log.entries == null) problems.push(problem('no-entries', 'warning', 'log.entries is missing or null: the HAR holds no requests.'));
  else {
    problems.push(problem('invalid-entries', 'error', `log.entries must be a list, got ${typeof log.entries}.`));
    return { exchanges: [], creator, problems, ok: false };
  }
  const exchanges: Exchange[] = new Array(entries.length);
  for (let i = 0; i < entries.length; i++) {
    if (!isObj(entries[i])) problems.push(problem('invalid-entry', 'warning', `Entry ${i} is not an object; skipped.`));
    exchanges[i] = normalizeEntry(entries[i], i);
  }
  return { exchanges, creator, problems, ok: true };
}
