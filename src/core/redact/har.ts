import { problem, type Problem } from '../problem.js';
import { REDACTION_KINDS, type RedactionKind } from './markers.js';
import { Redactor, type RedactOptions } from './redactor.js';

export type { RedactOptions } from './redactor.js';

/** What a redaction removed, for the "12 bearer tokens, 4 cookies …" preview before saving. */
export interface RedactionSummary {
  /** Occurrences per kind (a cookie sent in 30 requests counts 30 times). */
  counts: Partial<Record<RedactionKind, number>>;
  /** Distinct secrets per kind (by marker hash). */
  distinct: Partial<Record<RedactionKind, number>>;
  /** Sum of `counts`. */
  total: number;
}

export interface RedactionResult {
  /** The redacted HAR 1.2 object (a new object; the input is never changed). */
  har: Record<string, unknown>;
  summary: RedactionSummary;
  /** Fields that were missing or of the wrong type and were filled in or dropped to keep the HAR valid. */
  problems: Problem[];
}

/** Thrown when the input can't be a HAR at all (not an object with a `log` object). */
export class HarRedactionError extends Error {
  readonly code = 'not-a-har';
  constructor(message: string) {
    super(message);
    this.name = 'HarRedactionError';
  }
}

/**
 * Redacts a parsed HAR (DESIGN §5) and returns a new, valid HAR 1.2 object. Throws
 * `HarRedactionError` only when `har` is not an object with a `log` object (nothing to walk; there
 * is no safe partial output). Anything else malformed is kept and made structurally valid
 * (missing required fields filled in, non-object entries dropped); see `redactHarDetailed` for the
 * list of what was changed that way.
 */
export function redactHar(har: unknown, opts?: RedactOptions): unknown {
  return redactHarDetailed(har, opts).har;
}

/** Counts what `redactHar` would remove, per kind (runs the same walk, discards the output). */
export function summarizeRedaction(har: unknown, opts?: RedactOptions): RedactionSummary {
  return redactHarDetailed(har, opts).summary;
}

/** `redactHar` plus the summary and the structural problems found on the way. */
export function redactHarDetailed(har: unknown, opts?: RedactOptions): RedactionResult {
  if (!isObject(har) || !isObject(har.log)) {
    throw new HarRedactionError(
      !isObject(har) ? `expected a HAR object, got ${describe(har)}` : `expected "log" to be an object, got ${describe(har.log)}`,
    );
  }
  const r = new Redactor(opts);
  const w = new HarWalker(r);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(har)) out[k] = k === 'log' ? w.log(v as Record<string, unknown>) : w.other(v, k);
  return { har: out, summary: summaryOf(r), problems: w.problems };
}

export function summaryOf(r: Redactor): RedactionSummary {
  const counts: Partial<Record<RedactionKind, number>> = {};
  const distinct: Partial<Record<RedactionKind, number>> = {};
  let total = 0;
  for (const kind of REDACTION_KINDS) {
    const n = r.counts.get(kind);
    if (n) {
      counts[kind] = n;
      distinct[kind] = r.distinct.get(kind)?.size ?? 0;
      total += n;
    }
  }
  return { counts, distinct, total };
}

const KIND_WORDS: Record<RedactionKind, [string, string]> = {
  bearer: ['bearer token', 'bearer tokens'],
  jwt: ['JWT signature', 'JWT signatures'],
  jwe: ['encrypted token', 'encrypted tokens'],
  'basic-password': ['password (Basic / URL)', 'passwords (Basic / URL)'],
  'digest-response': ['Digest response', 'Digest responses'],
  negotiate: ['Negotiate/NTLM token', 'Negotiate/NTLM tokens'],
  'api-key': ['API key', 'API keys'],
  'secret-header': ['secret header', 'secret headers'],
  cookie: ['cookie', 'cookies'],
  'set-cookie': ['Set-Cookie value', 'Set-Cookie values'],
  query: ['URL parameter', 'URL parameters'],
  form: ['form field', 'form fields'],
  json: ['JSON field', 'JSON fields'],
  text: ['secret in text', 'secrets in text'],
  personal: ['personal value', 'personal values'],
};

/** "12 bearer tokens, 4 cookies, 1 JSON field" (occurrences), or "nothing to redact". */
export function formatRedactionSummary(summary: RedactionSummary): string {
  const parts: string[] = [];
  for (const kind of REDACTION_KINDS) {
    const n = summary.counts[kind];
    if (n) parts.push(`${n} ${KIND_WORDS[kind][n === 1 ? 0 : 1]}`);
  }
  return parts.length === 0 ? 'nothing to redact' : parts.join(', ');
}

/**
 * Walks the HAR shape. Known fields get the redaction their meaning calls for; unknown fields
 * (`_initiator`, `_webSocketMessages`, exporter extras) go through the generic JSON walk so a
 * token can't hide in a field we didn't list. Required HAR 1.2 fields are filled in when missing.
 */
class HarWalker {
  readonly problems: Problem[] = [];
  constructor(private readonly r: Redactor) {}

  private note(path: string, message: string): void {
    this.problems.push(problem('har-repaired', 'warning', `${path}: ${message}`));
  }

  other(v: unknown, key: string): unknown {
    try {
      return this.r.json(v, key, 0, false, false);
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      // Nested deeper than the stack allows (a hostile file): dropped, not passed on unread.
      this.note(key, 'nested too deeply to redact; removed');
      return null;
    }
  }

  log(log: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(log)) {
      if (k === 'entries') continue;
      if (k === 'version' || k === 'creator' || k === 'browser') out[k] = v;
      else if (k === 'pages') out[k] = Array.isArray(v) ? v.map((p) => this.other(p, 'page')) : v;
      else out[k] = this.other(v, k);
    }
    if (typeof out.version !== 'string') {
      if (out.version !== undefined) this.note('log.version', 'not a string; set to "1.2"');
      out.version = '1.2';
    }
    if (!isObject(out.creator)) {
      this.note('log.creator', 'missing; filled in');
      out.creator = { name: 'unknown', version: '' };
    } else if (typeof out.creator.name !== 'string' || typeof out.creator.version !== 'string') {
      out.creator = { ...out.creator, name: str(out.creator.name, 'unknown'), version: str(out.creator.version, '') };
    }
    const entries: unknown[] = [];
    if (Array.isArray(log.entries)) {
      log.entries.forEach((e, i) => {
        if (isObject(e)) entries.push(this.entry(e, `log.entries[${i}]`));
        else this.note(`log.entries[${i}]`, `${describe(e)} is not an entry; dropped`);
      });
    } else {
      this.note('log.entries', `${describe(log.entries)} is not a list; set to []`);
    }
    out.entries = entries;
    return out;
  }

  private entry(e: Record<string, unknown>, path: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    // The request first, whatever the key order: the credentials it sent are then known when the
    // rest of the entry (response, comments, WebSocket messages) is searched for echoes of them.
    this.r.beginEntry();
    const request = isObject(e.request) ? this.request(e.request, `${path}.request`) : e.request;
    for (const [k, v] of Object.entries(e)) {
      if (k === 'request') out[k] = request;
      else if (k === 'response') out[k] = isObject(v) ? this.response(v, `${path}.response`) : v;
      else if (k === 'startedDateTime' || k === 'time' || k === 'timings' || k === 'serverIPAddress' || k === 'connection' || k === 'pageref' || k === 'cache') out[k] = v;
      else out[k] = this.other(v, k);
    }
    if (typeof out.startedDateTime !== 'string') {
      this.note(`${path}.startedDateTime`, 'missing; filled in');
      out.startedDateTime = new Date(0).toISOString();
    }
    out.time = num(out.time, 0, () => this.note(`${path}.time`, 'not a number; set to 0'));
    if (!isObject(out.request)) {
      this.note(`${path}.request`, 'missing; filled in');
      out.request = this.request({}, `${path}.request`);
    }
    if (!isObject(out.response)) {
      this.note(`${path}.response`, 'missing; filled in');
      out.response = this.response({}, `${path}.response`);
    }
    if (!isObject(out.cache)) out.cache = {};
    if (!isObject(out.timings)) {
      out.timings = { send: 0, wait: 0, receive: 0 };
    } else {
      const t = out.timings;
      if (typeof t.send !== 'number' || typeof t.wait !== 'number' || typeof t.receive !== 'number') {
        out.timings = { ...t, send: num(t.send, 0), wait: num(t.wait, 0), receive: num(t.receive, 0) };
      }
    }
    return out;
  }

  private request(q: Record<string, unknown>, path: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(q)) {
      if (k === 'url') out[k] = typeof v === 'string' ? this.r.url(v) : this.other(v, k);
      else if (k === 'method' || k === 'httpVersion' || k === 'headersSize' || k === 'bodySize') out[k] = v;
      else if (k === 'headers') out[k] = this.headers(v, `${path}.headers`);
      else if (k === 'cookies') out[k] = this.cookies(v, 'cookie', `${path}.cookies`);
      else if (k === 'queryString') out[k] = this.params(v, 'query', `${path}.queryString`);
      else if (k === 'postData') out[k] = isObject(v) ? this.postData(v, `${path}.postData`) : this.other(v, k);
      else out[k] = this.other(v, k);
    }
    out.method = str(out.method, 'GET');
    out.url = str(out.url, '');
    out.httpVersion = str(out.httpVersion, '');
    for (const k of ['cookies', 'headers', 'queryString'] as const) if (!Array.isArray(out[k])) out[k] = [];
    out.headersSize = num(out.headersSize, -1);
    out.bodySize = num(out.bodySize, -1);
    return out;
  }

  private response(p: Record<string, unknown>, path: string): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(p)) {
      if (k === 'redirectURL') out[k] = typeof v === 'string' ? this.r.url(v) : this.other(v, k);
      else if (k === 'status' || k === 'statusText' || k === 'httpVersion' || k === 'headersSize' || k === 'bodySize') out[k] = v;
      else if (k === 'headers') out[k] = this.headers(v, `${path}.headers`);
      else if (k === 'cookies') out[k] = this.cookies(v, 'set-cookie', `${path}.cookies`);
      else if (k === 'content') out[k] = isObject(v) ? this.content(v) : this.other(v, k);
      else out[k] = this.other(v, k);
    }
    if (typeof out.status !== 'number') {
      const n = typeof out.status === 'string' && /^\d{1,3}$/.test(out.status) ? Number(out.status) : 0;
      if (out.status !== undefined) this.note(`${path}.status`, `${describe(out.status)} is not a number; set to ${n}`);
      out.status = n;
    }
    out.statusText = str(out.statusText, '');
    out.httpVersion = str(out.httpVersion, '');
    for (const k of ['cookies', 'headers'] as const) if (!Array.isArray(out[k])) out[k] = [];
    if (!isObject(out.content)) out.content = { size: 0, mimeType: '' };
    else if (typeof out.content.size !== 'number' || typeof out.content.mimeType !== 'string') {
      out.content = { ...out.content, size: num(out.content.size, 0), mimeType: str(out.content.mimeType, '') };
    }
    out.redirectURL = str(out.redirectURL, '');
    out.headersSize = num(out.headersSize, -1);
    out.bodySize = num(out.bodySize, -1);
    return out;
  }

  private headers(v: unknown, path: string): unknown[] {
    if (isObject(v)) {
      // A name → value map (some tools write headers so; the reader accepts it): written as the
      // HAR 1.2 list, one header per value, so the redacted file still carries the evidence.
      this.note(path, 'a name → value map, not a list; written as a list');
      return this.headers(
        Object.entries(v).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((x: unknown) => ({ name, value: x }))),
        path,
      );
    }
    if (!Array.isArray(v)) {
      if (v !== undefined) this.note(path, `${describe(v)} is not a list; set to []`);
      // Whatever it was, it can't be kept unredacted: walk it generically into a comment-free [].
      return [];
    }
    const out: unknown[] = [];
    v.forEach((h, i) => {
      if (!isObject(h)) {
        this.note(`${path}[${i}]`, `${describe(h)} is not a header; dropped`);
        return;
      }
      const name = str(h.name, '');
      const value = typeof h.value === 'string' ? h.value : h.value == null ? '' : typeof h.value === 'object' ? JSON.stringify(h.value) : String(h.value);
      const rest = this.rest(h, ['name', 'value']);
      out.push({ ...rest, name, value: this.r.header(name, value) });
    });
    return out;
  }

  private cookies(v: unknown, kind: 'cookie' | 'set-cookie', path: string): unknown[] {
    if (!Array.isArray(v)) {
      if (v !== undefined) this.note(path, `${describe(v)} is not a list; set to []`);
      return [];
    }
    const out: unknown[] = [];
    v.forEach((c, i) => {
      if (!isObject(c)) {
        this.note(`${path}[${i}]`, `${describe(c)} is not a cookie; dropped`);
        return;
      }
      const name = str(c.name, '');
      const value = typeof c.value === 'string' ? c.value : c.value == null ? '' : String(c.value);
      const rest = this.rest(c, ['name', 'value', 'path', 'domain', 'expires', 'httpOnly', 'secure', 'sameSite']);
      for (const k of ['path', 'domain', 'expires', 'httpOnly', 'secure', 'sameSite']) if (k in c) rest[k] = c[k];
      out.push({ ...rest, name, value: this.r.isAllowed(name) ? value : this.r.cookieValue(value, kind) });
    });
    return out;
  }

  /** `queryString[]` and `postData.params[]`: name/value pairs (values decoded, or as sent). */
  private params(v: unknown, kind: 'query' | 'form', path: string): unknown[] {
    if (!Array.isArray(v)) {
      if (v !== undefined) this.note(path, `${describe(v)} is not a list; set to []`);
      return [];
    }
    const out: unknown[] = [];
    v.forEach((p, i) => {
      if (!isObject(p)) {
        this.note(`${path}[${i}]`, `${describe(p)} is not a parameter; dropped`);
        return;
      }
      const name = str(p.name, '');
      const rest = this.rest(p, ['name', 'value']);
      const item: Record<string, unknown> = { ...rest, name };
      if (p.value !== undefined || kind === 'query') {
        const value = typeof p.value === 'string' ? p.value : p.value == null ? '' : String(p.value);
        item.value = this.r.param(name, value, kind);
      }
      out.push(item);
    });
    return out;
  }

  private postData(d: Record<string, unknown>, path: string): Record<string, unknown> {
    const mimeType = str(d.mimeType, '');
    const out: Record<string, unknown> = { ...this.rest(d, ['mimeType', 'text', 'params', 'encoding']), mimeType };
    if ('encoding' in d) out.encoding = d.encoding;
    if (typeof d.text === 'string') {
      out.text = d.encoding === 'base64' ? this.r.base64Body(d.text, mimeType, false) : this.r.body(d.text, mimeType, false);
    } else if (d.text !== undefined) {
      out.text = this.other(d.text, 'text');
    }
    if (d.params !== undefined) out.params = this.params(d.params, 'form', `${path}.params`);
    return out;
  }

  private content(c: Record<string, unknown>): Record<string, unknown> {
    const mimeType = str(c.mimeType, '');
    const out: Record<string, unknown> = { ...this.rest(c, ['text', 'encoding', 'size', 'compression', 'mimeType']), mimeType };
    for (const k of ['size', 'compression', 'encoding'] as const) if (k in c) out[k] = c[k];
    if (typeof c.text === 'string') {
      out.text = c.encoding === 'base64' ? this.r.base64Body(c.text, mimeType, true) : this.r.body(c.text, mimeType, true);
    } else if (c.text !== undefined) {
      out.text = this.other(c.text, 'text');
    }
    return out;
  }

  /** The fields of `o` other than `known`, each walked generically (comments, exporter extras). */
  private rest(o: Record<string, unknown>, known: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) if (!known.includes(k)) out[k] = this.other(v, k);
    return out;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A scalar as text; anything else (null, a list, an object, whose toString may not even be callable) is `fallback`. */
function str(v: unknown, fallback: string): string {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : fallback;
}

function num(v: unknown, fallback: number, onBad?: () => void): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  if (v !== undefined) onBad?.();
  return fallback;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : typeof v === 'string' ? 'a string' : String(typeof v);
}
