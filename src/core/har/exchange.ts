/**
 * One request/response pair, normalized from any HAR exporter (or a live DevTools entry).
 * Rules in `diagnose/` only ever see this shape, never raw HAR.
 */
export interface Header {
  /** Name as sent (case kept); compare with `headerValues()`, which ignores case. */
  name: string;
  value: string;
}

export interface Cookie {
  name: string;
  value: string;
}

export interface Body {
  mimeType: string;
  /** Decoded text when available (base64 content is decoded), else null (not captured / binary). */
  text: string | null;
  /** Form fields when the exporter gave them (`postData.params`). */
  params?: { name: string; value: string }[];
  size: number;
}

export interface Exchange {
  /** Position in `log.entries` (or arrival order for live capture). */
  index: number;
  /** ISO string as the exporter wrote it. */
  startedDateTime: string;
  /** Epoch ms of `startedDateTime`, NaN when unreadable. */
  startedMs: number;
  /** Total time in ms (HAR `time`), 0 when unknown. */
  time: number;
  method: string;
  url: string;
  httpVersion: string;
  requestHeaders: Header[];
  requestCookies: Cookie[];
  requestBody: Body | null;
  /** 0 = failed / blocked / no response. */
  status: number;
  statusText: string;
  responseHeaders: Header[];
  responseCookies: Cookie[];
  responseBody: Body | null;
  /** `response.redirectURL`, else a 3xx's Location header; '' when none. */
  redirectURL: string;
  /** Chrome's `_resourceType` (fetch, xhr, document, preflight, …) when known. */
  resourceType: string | null;
  /** Served from a cache (HAR `cache` / `_fromCache` / status 304). */
  fromCache: boolean;
  pageref: string | null;
}

/**
 * Whether a header is named `name` (lower-case), in any case. Length and first letter come before
 * a lower-cased copy: most headers of the same length are other headers (accept / origin / cookie).
 */
export function isHeaderNamed(headerName: string, name: string): boolean {
  return headerName.length === name.length && (headerName === name || ((headerName.charCodeAt(0) | 0x20) === name.charCodeAt(0) && headerName.toLowerCase() === name));
}

/** All values of a header, case-insensitively, in order. */
export function headerValues(headers: readonly Header[], name: string): string[] {
  const wanted = name.toLowerCase();
  const out: string[] = [];
  for (const h of headers) if (h.name.toLowerCase() === wanted) out.push(h.value);
  return out;
}

/** First value of a header, case-insensitively, or null. */
export function headerValue(headers: readonly Header[], name: string): string | null {
  const wanted = name.toLowerCase();
  for (const h of headers) if (h.name.toLowerCase() === wanted) return h.value;
  return null;
}
