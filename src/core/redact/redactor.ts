import { base64urlToBytes, bytesToBase64url, utf8Decode } from '../util/base64url.js';
import { matchOpaqueFormat, OPAQUE_FORMATS } from '../token/opaque-formats.js';
import { isTextualMime } from '../har/base64-text.js';
import { base64ToBytes, base64ToText, bytesToBase64, latin1Decode, latin1Encode, percentDecode } from './codec.js';
import { shortHash } from './hash.js';
import { compactMarker, isMarker, readableMarker, type RedactionKind } from './markers.js';
import {
  classifyHeader,
  isMetadataName,
  isNumericSecretName,
  isPersonalName,
  isSecretName,
  normalizeName,
} from './names.js';

export interface RedactOptions {
  /** `strict` also removes personal data (email, name, username …) and Basic/Digest user names. */
  level?: 'default' | 'strict';
  /** Names (headers, cookies, parameters, JSON keys; case-insensitive) whose values are never redacted. */
  allow?: string[];
  /**
   * Mixed into every marker hash. Without it the same secret gives the same hash in every file
   * (good for correlating tickets); with a per-case salt a weak password's hash can't be looked up
   * in a dictionary.
   */
  salt?: string;
}

type Style = 'readable' | 'compact';

/** Nested JSON-in-string / base64-in-JSON is followed this deep; beyond it strings are scanned as text. */
const MAX_DEPTH = 6;

const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/;
/**
 * Scheme names (IANA HTTP Authentication Scheme Registry, RFC 9110 §16.4, and the Windows and AWS
 * ones): an Authorization value that is one of these alone carries no credential.
 */
const AUTH_SCHEMES = new Set([
  'basic', 'bearer', 'concealed', 'digest', 'dpop', 'gnap', 'hoba', 'mutual', 'negotiate', 'oauth', 'privatetoken',
  'scram-sha-1', 'scram-sha-256', 'vapid', 'ntlm', 'kerberos', 'token', 'aws4-hmac-sha256',
]);
const AUTH_SCHEME = /^(\s*)([!#$%&'*+.^_`|~0-9A-Za-z-]+)(?:(\s+)([\s\S]*))?$/;

/**
 * The redaction engine: one instance per HAR (or per value, for reports and cURL), holding the
 * options and the counts per kind. Every method takes a value and returns the redacted value,
 * returning the very same string when nothing changed, so callers can tell cheaply.
 */
const PLACEHOLDERS = new Set(['undefined', 'null', '[object object]', 'nan', 'true', 'false', '{}', '""', "''"]);

export class Redactor {
  readonly strict: boolean;
  private readonly allow: Set<string>;
  private readonly salt: string;
  /** Occurrences per kind. */
  readonly counts = new Map<RedactionKind, number>();
  /** Distinct secrets per kind (by hash). */
  readonly distinct = new Map<RedactionKind, Set<string>>();

  constructor(opts: RedactOptions = {}) {
    this.strict = opts.level === 'strict';
    this.allow = new Set((opts.allow ?? []).map(normalizeName));
    this.salt = opts.salt ?? '';
  }

  isAllowed(name: string): boolean {
    return this.allow.size > 0 && this.allow.has(normalizeName(name));
  }

  /** Replaces a whole secret with a marker and counts it. */
  mark(kind: RedactionKind, secret: string, style: Style): string {
    const hash = shortHash(secret, this.salt);
    this.count(kind, hash);
    const marker = style === 'compact' ? compactMarker(kind, secret.length, hash) : readableMarker(kind, secret.length, hash);
    this.remember(secret, marker, kind);
    return marker;
  }

  /**
   * Secrets removed so far in this entry, longest first, with what replaced them. A server that
   * echoes a credential (a debug header, an error body quoting the API key: DESIGN §4
   * credential-echoed) puts it where no name says "secret"; free text is searched for these
   * values, and each is given the very replacement the credential got, so the echo stays visible.
   */
  private echoes: { secret: string; replacement: string; kind: RedactionKind }[] = [];

  /** A new HAR entry: echoes are looked for within one exchange, like credential-echoed does. */
  beginEntry(): void {
    if (this.echoes.length) this.echoes = [];
  }

  private remember(secret: string, replacement: string, kind: RedactionKind): void {
    // As long as credential-echoed's shortest secret: shorter values match by chance.
    if (secret.length < 12 || replacement === secret || this.echoes.length >= 64) return;
    const known = this.echoes.find((e) => e.secret === secret);
    if (known) {
      known.replacement = replacement;
      return;
    }
    this.echoes.push({ secret, replacement, kind });
    this.echoes.sort((a, b) => b.secret.length - a.secret.length);
  }

  private replaceEchoes(s: string): string {
    let out = s;
    for (const e of this.echoes) {
      if (!out.includes(e.secret)) continue;
      const parts = out.split(e.secret);
      for (let i = 1; i < parts.length; i++) this.count(e.kind, shortHash(e.secret, this.salt));
      out = parts.join(e.replacement);
    }
    return out;
  }

  private count(kind: RedactionKind, hash: string): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
    let set = this.distinct.get(kind);
    if (!set) this.distinct.set(kind, (set = new Set()));
    set.add(hash);
  }

  // ---------------------------------------------------------------- tokens

  /**
   * A credential standing on its own (bearer token, cookie value, secret field). JWTs keep header
   * and claims (the signature goes, so the token can't be replayed); tokens of a known vendor format
   * keep their prefix (`sk_test_…`), because diagnosis reads the environment and product from it.
   */
  token(value: string, kind: RedactionKind, style: Style): string {
    if (value === '' || isMarker(value)) return value;
    // "undefined", "null", "[object Object]" are client bugs, not secrets: they are the evidence.
    if (PLACEHOLDERS.has(value.toLowerCase())) return value;
    const jose = this.jose(value);
    if (jose !== null) {
      this.remember(value, jose, kind);
      return jose;
    }
    const vendor = this.vendorToken(value, kind);
    if (vendor !== null) {
      this.remember(value, vendor, kind);
      return vendor;
    }
    return this.mark(kind, value, style);
  }

  /** JWS (3 parts) or JWE (5 parts) with a JSON protected header → redacted form; else null. */
  jose(value: string): string | null {
    const dot = value.indexOf('.');
    if (dot < 2 || !value.startsWith('eyJ')) return null;
    const parts = value.split('.');
    if (parts.length !== 3 && parts.length !== 5) return null;
    const header = decodeJsonPart(parts[0]!);
    if (header === null || typeof header !== 'object' || Array.isArray(header)) return null;
    if (parts.length === 5) {
      // Only the protected header is readable; the rest is the (replayable) encrypted token.
      const rest = parts.slice(1).join('.');
      if (isMarker(parts[3]!)) return value;
      const hash = shortHash(value, this.salt);
      this.count('jwe', hash);
      const m = compactMarker('jwe', rest.length, hash);
      return `${parts[0]}.${m}.${m}.${m}.${m}`;
    }
    for (let i = 1; i < 3; i++) if (!/^[A-Za-z0-9_-]*$/.test(parts[i]!)) return null;
    const payload = this.jwtPayload(parts[1]!);
    const sig = parts[2]!;
    // An unsecured JWT (`alg: none`, empty signature) has nothing to remove; it stays as evidence.
    const newSig = sig === '' || isMarker(sig) ? sig : this.jwtSignature(sig);
    if (payload === parts[1] && newSig === sig) return value;
    return `${parts[0]}.${payload}.${newSig}`;
  }

  private jwtSignature(sig: string): string {
    // The marker stands where a base64url segment must: a length of 4n+1 can't be base64url, so
    // one "-" keeps the token decodable (and its diagnosis unchanged).
    const marker = this.mark('jwt', sig, 'compact');
    const out = marker.length % 4 === 1 ? marker + '-' : marker;
    this.remember(sig, out, 'jwt');
    return out;
  }

  /**
   * Claims stay as they were, byte for byte, unless they hold a secret (a nested token or password)
   * or, at the strict level, personal data; then the payload is re-encoded without those claims
   * (dropped, not marked, so the payload decodes to plain claims).
   */
  private jwtPayload(part: string): string {
    const claims = decodeJsonPart(part);
    if (claims === null || typeof claims !== 'object' || Array.isArray(claims)) return part;
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(claims as Record<string, unknown>)) {
      if (this.isAllowed(k)) {
        out[k] = v;
      } else if (this.strict && isPersonalName(k)) {
        this.count('personal', shortHash(JSON.stringify(v) ?? '', this.salt));
        changed = true;
      } else if (typeof v === 'string' && isStrongSecretClaim(k) && !isMarker(v)) {
        out[k] = this.token(v, 'json', 'readable');
        changed = true;
      } else {
        out[k] = v;
      }
    }
    return changed ? bytesToBase64url(JSON.stringify(out)) : part;
  }

  /**
   * Keeps a known vendor prefix and swaps the rest for a filler that still matches the format, so
   * `inspectToken` recognises the same vendor and environment in the redacted HAR.
   */
  private vendorToken(value: string, kind: RedactionKind): string | null {
    const format = matchOpaqueFormat(value);
    if (format === null || format.prefix === '' || format.secret === false) return null;
    const rest = value.slice(format.prefix.length);
    if (rest.startsWith('REDACTED') || /^0{6,}[0-9a-f]{6}$/.test(rest)) return value;
    const hash = shortHash(value, this.salt);
    const n = rest.length;
    const candidates = [
      `REDACTED_${kind.replace(/-/g, '_')}_len${value.length}_${hash}`,
      ('REDACTED' + 'X'.repeat(Math.max(0, n - 8))).slice(0, Math.max(n, 8)),
      '0'.repeat(Math.max(0, n - 6)) + hash,
    ];
    for (const filler of candidates) {
      const redacted = format.prefix + filler;
      if (matchOpaqueFormat(redacted)?.id === format.id) {
        this.count(kind, hash);
        return redacted;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- Authorization

  /** `Authorization` / `Proxy-Authorization` value: the scheme stays, the credential goes. */
  authorization(value: string): string {
    if (isMarker(value)) return value;
    const m = AUTH_SCHEME.exec(value);
    if (m === null) return this.token(value, 'bearer', 'readable');
    const [, lead = '', scheme = '', gap, rest] = m;
    if (gap === undefined || rest === undefined || rest === '') {
      // A lone word: a scheme with no credentials (`Bearer`: evidence of a client bug), or a bare
      // credential (`Authorization: <api key>`), however short.
      return AUTH_SCHEMES.has(scheme.toLowerCase()) ? value : lead + this.token(scheme, 'bearer', 'compact') + value.slice(lead.length + scheme.length);
    }
    const lower = scheme.toLowerCase();
    const trimmed = rest.trimEnd();
    const tail = rest.slice(trimmed.length);
    let out: string;
    if (lower === 'basic') out = this.basic(trimmed);
    else if (lower === 'negotiate' || lower === 'ntlm' || lower === 'kerberos') out = this.opaqueCredential(trimmed, 'negotiate');
    else if (TOKEN68.test(trimmed) || isMarker(trimmed)) out = this.token(trimmed, 'bearer', 'compact');
    else if (/^[!#$%&'*+.^_`|~0-9A-Za-z-]+\s*=/.test(trimmed)) out = trimmed.includes('&') && !trimmed.includes(',') ? this.form(trimmed, 'bearer') : this.authParams(trimmed);
    else out = this.jose(trimmed) ?? this.mark('bearer', trimmed, 'readable');
    return lead + scheme + gap + out + tail;
  }

  /** A credential whose syntax we keep valid when it was valid (token68 → compact marker). */
  private opaqueCredential(value: string, kind: RedactionKind): string {
    if (isMarker(value)) return value;
    return this.mark(kind, value, TOKEN68.test(value) ? 'compact' : 'readable');
  }

  /**
   * Basic: the password goes, the user name stays (default) because "which account" is evidence;
   * strict removes it too. Re-encoded so a well-formed credential stays well-formed (diagnosis
   * flags malformed ones, and that verdict must not change).
   */
  basic(value: string): string {
    if (isMarker(value)) return value;
    const decoded = TOKEN68.test(value) ? base64ToText(value) : null;
    if (decoded === null) return this.opaqueCredential(value, 'basic-password');
    const colon = decoded.indexOf(':');
    if (colon < 0) {
      if (isMarker(decoded)) return value;
      return this.reencode(this.mark('basic-password', decoded, 'compact'), value);
    }
    const user = decoded.slice(0, colon);
    const pass = decoded.slice(colon + 1);
    // Compact markers: a readable one has a `:` that would split user from password next time.
    const newUser = this.strict && user !== '' && !isMarker(user) ? this.mark('personal', user, 'compact') : user;
    const newPass = pass === '' || isMarker(pass) ? pass : this.mark('basic-password', pass, 'compact');
    if (newUser === user && newPass === pass) return value;
    const out = this.reencode(`${newUser}:${newPass}`, value);
    this.remember(value, out, 'basic-password');
    return out;
  }

  /** base64 of `text`, padded like `like` was (some clients omit padding; that's evidence). */
  private reencode(text: string, like: string): string {
    const b64 = bytesToBase64(text);
    return like.endsWith('=') || like.length % 4 === 0 ? b64 : b64.replace(/(?<!=)=+$/, '');
  }

  /**
   * `name=value, name="value"` credentials (Digest, AWS SigV4, OAuth 1, Signature, Hawk): values of
   * secret-named parameters and Digest `response` go; `uri` is redacted as a URL; the rest stays.
   * Replaced in place so spacing and quoting stay as sent.
   */
  authParams(value: string): string {
    // Real parameter lists are short; a huge one is treated as one opaque credential, which keeps
    // the regular expression below away from input it would need a deep backtracking stack for.
    if (value.length > 64 * 1024) return this.mark('bearer', value, 'readable');
    const re = /([!#$%&'*+.^_`|~0-9A-Za-z-]+)(\s*=\s*)("(?:[^"\\]|\\.)*"|[^,\s]*)/gy;
    let out = '';
    let last = 0;
    let pos = 0;
    let matched = false;
    while (pos < value.length) {
      const sep = /[\s,]*/y;
      sep.lastIndex = pos;
      sep.exec(value);
      pos = sep.lastIndex;
      if (pos >= value.length) break;
      re.lastIndex = pos;
      const m = re.exec(value);
      if (m === null) {
        // Not a parameter list after all: treat what's left as one opaque credential.
        const restText = value.slice(pos);
        return out + value.slice(last, pos) + (isMarker(restText) ? restText : this.mark('bearer', restText, 'readable'));
      }
      matched = true;
      const [all, name = '', eq = '', raw = ''] = m;
      const quoted = raw.startsWith('"');
      const inner = quoted ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
      const lname = name.toLowerCase();
      let replacement = inner;
      if (!this.isAllowed(name) && inner !== '' && !isMarker(inner)) {
        if (lname === 'response') replacement = this.mark('digest-response', inner, quoted ? 'readable' : 'compact');
        else if (lname === 'uri') replacement = this.url(inner);
        else if (lname === 'username' || lname === 'realm' || lname === 'nonce' || lname === 'opaque' || lname === 'qop' || lname === 'nc' || lname === 'algorithm') {
          if (lname === 'username' && this.strict) replacement = this.mark('personal', inner, quoted ? 'readable' : 'compact');
        } else if (isSecretName(name) || lname === 'mac') {
          // `mac`: the request MAC of Hawk and of OAuth MAC tokens, made with the shared key.
          replacement = this.token(inner, 'bearer', quoted ? 'readable' : 'compact');
        }
      }
      out += value.slice(last, pos);
      out += replacement === inner ? all : name + eq + (quoted ? `"${replacement.replace(/["\\]/g, '\\$&')}"` : replacement);
      pos = re.lastIndex;
      last = pos;
    }
    return matched ? out + value.slice(last) : value;
  }

  // ---------------------------------------------------------------- cookies

  /** `Cookie: a=1; b=2` → names kept, values redacted (JWT values keep header and claims). */
  cookieHeader(value: string): string {
    let changed = false;
    const parts = value.split(';').map((piece) => {
      const r = this.cookiePair(piece, 'cookie');
      if (r !== piece) changed = true;
      return r;
    });
    return changed ? parts.join(';') : value;
  }

  private cookiePair(piece: string, kind: RedactionKind): string {
    const eq = piece.indexOf('=');
    if (eq < 0) {
      const t = piece.trim();
      if (t === '' || isMarker(t)) return piece;
      return piece.replace(t, this.mark(kind, t, 'compact'));
    }
    const name = piece.slice(0, eq).trim();
    if (this.isAllowed(name)) return piece;
    const rawValue = piece.slice(eq + 1);
    const v = rawValue.trim();
    const newValue = this.cookieValue(v, kind);
    return newValue === v ? piece : piece.slice(0, eq + 1) + rawValue.replace(v, newValue);
  }

  cookieValue(v: string, kind: RedactionKind): string {
    if (v === '' || isMarker(v)) return v;
    if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) {
      const inner = v.slice(1, -1);
      const r = this.cookieValue(inner, kind);
      return r === inner ? v : `"${r}"`;
    }
    return this.token(v, kind, 'compact');
  }

  /** `Set-Cookie`: the value goes, the attributes (Path, Domain, SameSite, Expires …) stay. */
  setCookie(value: string): string {
    // Some exporters join several Set-Cookie lines with "\n" into one header value, others fold
    // them with "," like other fields (RFC 9110 §5.3, which Set-Cookie can't take: RFC 6265 §3).
    const lines = value.split('\n');
    let changed = false;
    const out = lines.map((line) =>
      foldedCookies(line)
        .map((cookie) => {
          const semi = cookie.indexOf(';');
          const first = semi < 0 ? cookie : cookie.slice(0, semi);
          const r = this.cookiePair(first, 'set-cookie');
          if (r === first) return cookie;
          changed = true;
          return r + (semi < 0 ? '' : cookie.slice(semi));
        })
        .join(','),
    );
    return changed ? out.join('\n') : value;
  }

  // ---------------------------------------------------------------- URLs and forms

  /**
   * A URL, absolute or relative: user-info password, `;jsessionid=` path parameters, secret query
   * parameters, the fragment (implicit-flow tokens) and tokens standing as path segments.
   */
  url(u: string, depth = 0): string {
    if (u === '' || isMarker(u)) return u;
    const hashAt = u.indexOf('#');
    let base = hashAt < 0 ? u : u.slice(0, hashAt);
    let frag = hashAt < 0 ? null : u.slice(hashAt + 1);
    const qAt = base.indexOf('?');
    let path = qAt < 0 ? base : base.slice(0, qAt);
    let query = qAt < 0 ? null : base.slice(qAt + 1);

    path = this.urlPath(path);
    if (query !== null) query = this.form(query, 'query', depth);
    if (frag !== null) frag = this.fragment(frag, depth);
    base = path + (query === null ? '' : '?' + query);
    const out = base + (frag === null ? '' : '#' + frag);
    return out === u ? u : out;
  }

  private urlPath(path: string): string {
    let out = path;
    // https://user:password@host/ — the user name ends at the first `:` (WHATWG URL); letting both
    // parts hold `:` made `http://::::…` quadratic.
    const ui = /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)([^/@?#:]*):([^/@?#]*)@/.exec(out);
    if (ui && ui[3] !== '' && !isMarker(ui[3]!)) {
      const user = this.strict && ui[2] !== '' && !isMarker(ui[2]!) ? this.mark('personal', percentDecode(ui[2]!, false), 'compact') : ui[2]!;
      out = ui[1]! + user + ':' + this.mark('basic-password', percentDecode(ui[3]!, false), 'compact') + '@' + out.slice(ui[0].length);
    }
    // ;jsessionid=… and other matrix parameters with secret names.
    if (out.includes(';')) {
      out = out.replace(/;([^;/?#=]+)=([^;/?#]*)/g, (all, name: string, v: string) =>
        isSecretName(name) && !this.isAllowed(name) && v !== '' && !isMarker(v) ? `;${name}=${this.mark('query', percentDecode(v, false), 'compact')}` : all,
      );
    }
    // Tokens used as path segments (`/magic-link/<jwt>`, `/hook/xoxb-…`).
    if (out.includes('eyJ') || /[_-]/.test(out)) {
      out = out.replace(/[^/]{16,}/g, (seg) => {
        if (seg.includes(':') || isMarker(seg)) return seg;
        const jose = this.jose(seg);
        if (jose !== null) return jose;
        return this.vendorToken(seg, 'text') ?? seg;
      });
    }
    return out;
  }

  private fragment(frag: string, depth: number): string {
    if (frag === '' || isMarker(frag)) return frag;
    const q = frag.indexOf('?');
    if (q >= 0) {
      // SPA routes: `#/callback?code=…`
      const r = this.form(frag.slice(q + 1), 'query', depth);
      return this.urlPath(frag.slice(0, q)) + '?' + r;
    }
    if (frag.includes('=')) return this.form(frag, 'query', depth);
    return this.jose(frag) ?? this.vendorToken(frag, 'query') ?? frag;
  }

  /**
   * `a=1&b=2` (query strings, fragments and urlencoded bodies). Decoded names and values are judged;
   * replacements are URL-safe, so nothing else of the original encoding changes.
   */
  form(text: string, kind: RedactionKind, depth = 0): string {
    if (text === '' || isMarker(text)) return text;
    let changed = false;
    const pairs = text.split('&').map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) {
        const t = percentDecode(pair);
        const r = t.length >= 16 ? (this.jose(t) ?? this.vendorToken(t, kind)) : null;
        if (r !== null && r !== t) changed = true;
        return r !== null && r !== t ? r : pair;
      }
      const name = percentDecode(pair.slice(0, eq));
      const raw = pair.slice(eq + 1);
      const decoded = percentDecode(raw);
      const r = this.param(name, decoded, kind, depth);
      if (r === decoded) return pair;
      changed = true;
      return pair.slice(0, eq + 1) + (isUrlSafe(r) ? r : encodeURIComponent(r));
    });
    return changed ? pairs.join('&') : text;
  }

  /** One decoded parameter (query, form, `queryString[]`, `postData.params[]`). */
  param(name: string, value: string, kind: RedactionKind, depth = 0): string {
    if (value === '' || isMarker(value) || this.isAllowed(name)) return value;
    if (isSecretName(name)) {
      const lname = normalizeName(name);
      if (lname === 'authorization') return this.authorization(value);
      return this.token(value, kind, 'compact');
    }
    if (this.strict && isPersonalName(name)) return this.mark('personal', value, 'compact');
    return this.text(value, depth + 1, 'compact');
  }

  // ---------------------------------------------------------------- JSON

  /** A JSON document as text; re-serialized (keeping its indentation style) only when something changed. */
  jsonText(text: string, depth = 0, response = false): string | null {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return null;
    }
    let r: unknown;
    try {
      r = this.json(parsed, null, depth, response, false);
    } catch (err) {
      // Nested deeper than the stack allows (a hostile body): the caller scans it as text instead.
      if (err instanceof RangeError) return null;
      throw err;
    }
    if (r === parsed) return text;
    const indent = /^[{[]\s*\n([ \t]+)/.exec(text)?.[1];
    return JSON.stringify(r, null, indent);
  }

  /**
   * Walks any JSON value. `key` is the name it stands under; `inherited` is true inside an object
   * or array held by a secret name (`"credentials": {…}`), where every string but metadata goes.
   * Returns the same reference when nothing changed.
   */
  json(v: unknown, key: string | null, depth: number, response: boolean, inherited: boolean): unknown {
    if (typeof v === 'string') return this.jsonString(v, key, depth, response, inherited);
    if (typeof v === 'number' || typeof v === 'boolean') {
      if (key === null || this.isAllowed(key)) return v;
      if (typeof v === 'number' && isNumericSecretName(key) && !(response && normalizeName(key) === 'code')) {
        return this.mark('json', String(v), 'readable');
      }
      if (this.strict && typeof v === 'number' && isPersonalName(key)) return this.mark('personal', String(v), 'readable');
      return v;
    }
    if (v === null || typeof v !== 'object') return v;
    const secretHere = inherited || (key !== null && !this.isAllowed(key) && isSecretName(key) && !isMetadataName(key));
    if (Array.isArray(v)) {
      let changed = false;
      const out = v.map((item) => {
        const r = this.json(item, key, depth, response, secretHere);
        if (r !== item) changed = true;
        return r;
      });
      return changed ? out : v;
    }
    const obj = v as Record<string, unknown>;
    // `{ "name": "Authorization", "value": "Bearer …" }` (HAR-like lists, logs): judge value by name.
    const pairName = typeof obj.name === 'string' && 'value' in obj ? obj.name : typeof obj.key === 'string' && 'value' in obj ? obj.key : null;
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(obj)) {
      let r: unknown;
      if (pairName !== null && (k === 'name' || k === 'key') && item === pairName) r = item;
      else if (pairName !== null && k === 'value') r = this.json(item, pairName, depth, response, secretHere && !isMetadataName(pairName));
      else r = this.json(item, k, depth, response, secretHere && !isMetadataName(k));
      if (r !== item) changed = true;
      out[k] = r;
    }
    return changed ? out : v;
  }

  /**
   * A finding's evidence (reports, `authlens analyze`). What the rules copied from the HAR (bodies,
   * header values, URLs, error descriptions) is redacted as it would be in the HAR. What they
   * worked out themselves stays readable: problem and vendor codes, the challenge, the names of
   * the API-key headers, the vendor catalog's words, and the token's environment and acr/amr claims
   * (claims are kept, §5).
   */
  evidence(e: Record<string, unknown>): Record<string, unknown> {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(e)) {
      // `response`: a `code` among the problems is an error code, as in an error body.
      const r = OWN_EVIDENCE.has(k) ? v : k === 'matches' && Array.isArray(v) ? this.vendorMatches(v) : this.json(v, k, 0, true, false);
      if (r !== v) changed = true;
      out[k] = r;
    }
    return changed ? out : e;
  }

  /** vendor-error matches: the catalog's words stay, the excerpt of the body is redacted. */
  private vendorMatches(list: unknown[]): unknown[] {
    let changed = false;
    const out = list.map((m) => {
      if (typeof m !== 'object' || m === null) return m;
      const match = m as Record<string, unknown>;
      if (typeof match.excerpt !== 'string') return m;
      const excerpt = this.text(match.excerpt);
      if (excerpt === match.excerpt) return m;
      changed = true;
      return { ...match, excerpt };
    });
    return changed ? out : list;
  }

  private jsonString(v: string, key: string | null, depth: number, response: boolean, inherited: boolean): string {
    if (v === '' || isMarker(v)) return v;
    if (key !== null && this.isAllowed(key)) return v;
    if (key !== null) {
      const cls = classifyHeader(key);
      // Challenge parameters are the evidence (realm, error, scope, nonce), as in the headers.
      if (cls === 'challenge') return v;
      if (cls === 'authorization') return this.authorization(v);
      if (cls === 'cookie') return this.cookieHeader(v);
      if (cls === 'set-cookie') return this.setCookie(v);
      if (isSecretName(key) && !isMetadataName(key)) {
        // Error bodies carry `"code": "invalid_grant"` / `"E0000011"`: evidence, not a secret.
        if (response && normalizeName(key) === 'code' && looksLikeErrorCode(v)) return v;
        if (/^https?:\/\//.test(v)) return this.url(v, depth + 1);
        return this.token(v, 'json', 'readable');
      }
      if (this.strict && isPersonalName(key)) return this.mark('personal', v, 'readable');
    }
    if (inherited) return this.token(v, 'json', 'readable');
    return this.text(v, depth + 1, 'readable');
  }

  // ---------------------------------------------------------------- free text

  /**
   * Any other string: a header we don't know, a JSON value, an HTML or JavaScript body, a comment.
   * Recognises, in order: JSON (followed), base64url JSON, a whole JWT or URL or form, then scans
   * for private keys, secret `<input>` fields, URLs, `Bearer …`, JWTs, `name=value` / `"name":
   * "value"` pairs with secret names, and tokens of known vendor formats.
   */
  text(s: string, depth = 0, style: Style = 'readable'): string {
    if (s.length < 8 || isMarker(s)) return s;
    if (depth > MAX_DEPTH) return this.scan(s, style);
    const first = s.charCodeAt(0);
    if (first === 0x7b /* { */ || first === 0x5b /* [ */ || /^\s+[{[]/.test(s)) {
      const r = this.jsonText(s, depth);
      if (r !== null) return r;
    }
    if (!/\s/.test(s)) {
      const jose = this.jose(s);
      if (jose !== null) return jose;
      if (/^(?:https?|wss?):\/\//i.test(s) || (s.startsWith('/') && /[?#;]/.test(s))) return this.url(s, depth);
      if (s.startsWith('eyJ') && /^[A-Za-z0-9_\-+/]+=*$/.test(s)) {
        // base64(url) JSON (state parameters, X-MS-CLIENT-PRINCIPAL): decode, redact, re-encode.
        const bytes = base64urlToBytes(s, { lenient: true });
        const inner = bytes === null ? null : utf8Decode(bytes);
        if (inner !== null) {
          const r = this.jsonText(inner, depth + 1);
          if (r !== null) return r === inner ? s : /[+/=]/.test(s) ? bytesToBase64(r) : bytesToBase64url(r);
        }
      }
      // A form body: quotes, angle brackets, braces and backticks are always percent-encoded in one,
      // so a word holding them (`fetch("/x?api_key=…")`) is program text, read by the scan below.
      if (/^[^=&\s"'<>{}`]+=[^&\s"<>{}`]*(&[^=&\s"'<>{}`]*=[^&\s"<>{}`]*)*$/.test(s)) return this.form(s, 'text', depth);
    }
    const scheme = /^(Bearer|Basic|DPoP|Digest|Negotiate|NTLM|Token)\s+\S/i.exec(s);
    if (scheme !== null && !s.includes('\n')) {
      // A whole credential (`Bearer <token>`, `Digest username=…`), not a sentence that starts with
      // a scheme name ("Bearer token is expired"): the scan below finds a token inside prose.
      const rest = s.slice(scheme[1]!.length).trim();
      // "Token revoked", "Bearer expired": a plain word is not a token.
      if ((!/\s/.test(rest) && !isPlainWord(rest)) || /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\s*=/.test(rest)) return this.authorization(s);
    }
    return this.scan(s, style);
  }

  private scan(s: string, style: Style): string {
    let out = this.echoes.length ? this.replaceEchoes(s) : s;
    if (out.includes('PRIVATE KEY-----')) {
      // A key body does not contain another BEGIN line; stopping there keeps many unterminated BEGIN
      // lines linear (each used to scan to the end of the text).
      out = out.replace(/(-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----)((?:(?!-----BEGIN )[\s\S])*?)(-----END \2PRIVATE KEY-----)/g, (all, b: string, _t: string, body: string, e: string) =>
        isMarker(body.trim()) ? all : `${b}\n${this.mark('text', body.trim(), 'compact')}\n${e}`,
      );
    }
    if (/<input/i.test(out)) {
      // The lookbehind skips an <input that follows another with no `>` between (that one's match, or
      // failure, decides it too); trying each of `<input<input…` to the end was quadratic.
      out = out.replace(/<input\b(?<!<input\b[^>]*?<input)[^>]*>/gi, (tag) => this.namedTag(tag, /(\bvalue\s*=\s*)(["'])([\s\S]*?)\2/i));
    }
    if (/<meta/i.test(out)) {
      // `<meta name="csrf-token" content="…">` (Rails, Laravel, Spring's `_csrf`): the page hands
      // its CSRF token to scripts this way, the same token the requests send in X-CSRF-Token.
      out = out.replace(/<meta\b(?<!<meta\b[^>]*?<meta)[^>]*>/gi, (tag) => this.namedTag(tag, /(\bcontent\s*=\s*)(["'])([\s\S]*?)\2/i));
    }
    if (out.includes('</')) out = this.xmlElements(out);
    if (/(?:https?|wss?):\/\//i.test(out)) {
      out = out.replace(/\b(?:https?|wss?):\/\/[^\s"'<>`\\]+/gi, (u) => this.url(u));
    }
    if (/\b(?:Bearer|Basic|DPoP|Token|Negotiate|NTLM)\s/i.test(out)) {
      out = out.replace(/\b(Bearer|Basic|DPoP|Token|Negotiate|NTLM)(\s+)([A-Za-z0-9\-._~+/]{8,}=*)/gi, (all, scheme: string, sp: string, tok: string) => {
        // "NTLM handshake", "Basic authentication", "Token rejected": a word, not a credential
        // (tokens and base64 carry digits, capitals inside or punctuation; longer runs of small
        // letters are treated as tokens all the same).
        if (isPlainWord(tok)) return all;
        const r = this.authorization(`${scheme} ${tok}`);
        return r === `${scheme} ${tok}` ? all : scheme + sp + r.slice(scheme.length + 1);
      });
    }
    if (out.includes('eyJ')) {
      // The lookbehind skips an eyJ inside a run that already had one: a match from the first covers
      // the rest of the run, a failure means the later ones fail too. Without it `eyJeyJeyJ…` was quadratic.
      out = out.replace(/eyJ(?<!eyJ[A-Za-z0-9_-]*?eyJ)[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)?/g, (t) => this.jose(t) ?? t);
    }
    // name=value, "name": "value", name: value — only secret names. The name is matched alone and
    // the value read by hand, so a harmless `debug: password=…` doesn't swallow the secret pair.
    if (/[:=]/.test(out)) out = this.scanPairs(out);
    // Known vendor formats anywhere (ghp_…, xoxb-…, AKIA…, sk_live_…).
    // Bounded: vendor tokens are short, and unbounded runs over megabytes exhaust the regex stack.
    out = out.replace(/[A-Za-z0-9][A-Za-z0-9_\-.+/=]{15,4096}/g, (word) => {
      if (isMarker(word) || word.includes('REDACTED')) return word;
      if (!mayBeVendorToken(word)) return word;
      const trimmed = word.replace(/(?<![.,])[.,]+$/, ''); // (?<!…): one try per run, not one per dot
      const f = matchOpaqueFormat(trimmed);
      if (f === null || f.secret === false || f.prefix === '') return word;
      const r = this.token(trimmed, 'text', 'compact');
      return r + word.slice(trimmed.length);
    });
    void style;
    return out;
  }

  /**
   * XML elements with a secret name and text content: SOAP WS-Security (`<wsse:Password>`,
   * `<wsse:BinarySecurityToken>`), STS credentials (`<SecretAccessKey>`, `<SessionToken>`). Read
   * from each closing tag back to its opening tag, by hand: the name (without its prefix) is judged
   * first, so the many elements of an HTML page cost a look-up each. `<Code>` holds error codes
   * (S3, STS) and program text in HTML, so it stays.
   */
  private xmlElements(s: string): string {
    let out = '';
    let last = 0;
    for (let close = s.indexOf('</'); close !== -1; close = s.indexOf('</', close + 2)) {
      let end = close + 2;
      while (end < s.length && isXmlNameChar(s.charCodeAt(end))) end++;
      const qname = s.slice(close + 2, end);
      const name = qname.slice(qname.lastIndexOf(':') + 1);
      if (name === '' || (name.length === 4 && name.toLowerCase() === 'code')) continue;
      const secret = isSecretName(name) && !isMetadataName(name);
      if (!secret && !(this.strict && isPersonalName(name))) continue;
      // Text content only: the last tag before the closing one must be `<qname …>`. Both searches
      // stay between that "<" and this one, so all of them together read the text once.
      const lt = s.lastIndexOf('<', close - 1);
      if (lt < 0 || !s.startsWith(qname, lt + 1) || isXmlNameChar(s.charCodeAt(lt + 1 + qname.length))) continue;
      let gt = -1;
      for (let j = lt + 1 + qname.length; j < close; j++) {
        if (s.charCodeAt(j) === 0x3e /* > */) {
          gt = j;
          break;
        }
      }
      if (gt < 0) continue;
      const content = s.slice(gt + 1, close);
      const value = content.trim();
      if (value === '' || isMarker(value) || this.isAllowed(name)) continue;
      const r = secret ? this.token(value, 'text', 'compact') : this.mark('personal', value, 'compact');
      out += s.slice(last, gt + 1) + content.replace(value, r);
      last = close;
    }
    return last === 0 ? s : out + s.slice(last);
  }

  /** An HTML tag whose `name` is a secret (or, strict, personal) name: the quoted value in `valueAttr` goes. */
  private namedTag(tag: string, valueAttr: RegExp): string {
    const name = /\bname\s*=\s*(["']?)([^"'\s>]+)\1/i.exec(tag)?.[2];
    if (name === undefined || this.isAllowed(name) || !(isSecretName(name) || (this.strict && isPersonalName(name)))) return tag;
    return tag.replace(valueAttr, (all, pre: string, q: string, v: string) =>
      v === '' || isMarker(v) ? all : pre + q + this.token(v, isSecretName(name) ? 'form' : 'personal', 'compact') + q,
    );
  }

  private scanPairs(s: string): string {
    const nameRe = /(["']?)([A-Za-z_][A-Za-z0-9_.-]{0,40})\1(\s*[:=]\s*)/g;
    let out = '';
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = nameRe.exec(s)) !== null) {
      const name = m[2]!;
      const secret = isSecretName(name) && !isMetadataName(name);
      const personal = !secret && this.strict && isPersonalName(name);
      if ((!secret && !personal) || this.isAllowed(name)) continue;
      const start = nameRe.lastIndex;
      const q = s[start];
      let end: number;
      let vStart = start;
      if (q === '"' || q === "'") {
        vStart = start + 1;
        end = vStart;
        while (end < s.length && s[end] !== q && s[end] !== '\n' && end - vStart < 8192) end += s[end] === '\\' ? 2 : 1;
        if (s[end] !== q) continue;
      } else {
        end = start;
        while (end < s.length && end - start < 8192 && !/[\s"'&,;<>(){}[\]]/.test(s[end]!)) end++;
      }
      const value = s.slice(vStart, end);
      if (value === '' || isMarker(value) || /^(true|false|null|undefined)$/.test(value)) continue;
      // `Authorization: Bearer <token>` in a log or an echoed request: the scheme is evidence, and
      // the credential after it was already replaced by the scheme pass.
      if (end < s.length && (s[end] === ' ' || s[end] === '\t') && AUTH_SCHEMES.has(value.toLowerCase()) && name.toLowerCase().endsWith('authorization')) continue;
      if (secret && normalizeName(name) === 'code' && looksLikeErrorCode(value)) continue;
      const r = personal ? this.mark('personal', value, 'compact') : this.token(value, 'text', 'compact');
      out += s.slice(last, vStart) + r;
      last = end;
      nameRe.lastIndex = end;
    }
    return last === 0 ? s : out + s.slice(last);
  }

  // ---------------------------------------------------------------- bodies

  /**
   * A body (request `postData.text` or response `content.text`) given its MIME type. Returns the
   * same string when nothing changed.
   */
  body(text: string, mimeType: string, response: boolean): string {
    const mime = mimeType.toLowerCase();
    const t = text.trimStart();
    if (mime.includes('json') || ((t.startsWith('{') || t.startsWith('[')) && !mime.includes('html'))) {
      const r = this.jsonText(text, 0, response);
      if (r !== null) return r;
    }
    if (mime.includes('x-www-form-urlencoded')) return this.form(text, 'form');
    if (mime.includes('multipart/')) {
      const r = this.multipart(text, mimeType);
      if (r !== null) return r;
    }
    return this.text(text, 0, 'readable');
  }

  /**
   * Base64 body: decode, redact, re-encode. A textual body that is not UTF-8 (an ISO-8859-1 or
   * windows-1252 page) is read byte for byte and written back in the same bytes; binary bodies
   * (images, fonts) are kept as they are.
   */
  base64Body(b64: string, mimeType: string, response: boolean): string {
    const bytes = base64ToBytes(b64);
    if (bytes === null) return this.text(b64);
    const text = utf8Decode(bytes);
    if (text === null) {
      if (!isTextualMime(mimeType)) return b64;
      const latin1 = latin1Decode(bytes);
      const r = this.body(latin1, mimeType, response);
      if (r === latin1) return b64;
      const out = latin1Encode(r);
      return bytesToBase64(out ?? r);
    }
    const r = this.body(text, mimeType, response);
    return r === text ? b64 : bytesToBase64(r);
  }

  private multipart(text: string, mime: string): string | null {
    const b = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(mime);
    let boundary = b?.[1] ?? b?.[2];
    if (boundary === undefined) {
      boundary = /^--([^\r\n]+)\r?\n/.exec(text)?.[1];
      if (boundary === undefined) return null;
    }
    const delim = '--' + boundary;
    const chunks = text.split(delim);
    if (chunks.length < 3) return null;
    let changed = false;
    const out = chunks.map((chunk, i) => {
      if (i === 0 || chunk.startsWith('--')) return chunk;
      const headEnd = chunk.search(/\r?\n\r?\n/);
      if (headEnd < 0) return chunk;
      const sepLen = /\r?\n\r?\n/.exec(chunk.slice(headEnd))![0].length;
      const head = chunk.slice(0, headEnd);
      const bodyStart = headEnd + sepLen;
      const trail = /\r?\n$/.exec(chunk)?.[0] ?? '';
      const value = chunk.slice(bodyStart, chunk.length - trail.length);
      const name = /\bname="([^"]*)"/i.exec(head)?.[1] ?? '';
      const ctype = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? '';
      let r: string;
      if (value === '' || this.isAllowed(name)) r = value;
      else if (isSecretName(name) && !isMetadataName(name)) r = isMarker(value) ? value : this.token(value, 'form', 'readable');
      else if (this.strict && isPersonalName(name)) r = isMarker(value) ? value : this.mark('personal', value, 'readable');
      else r = ctype !== '' ? this.body(value, ctype, false) : this.text(value);
      if (r === value) return chunk;
      changed = true;
      return chunk.slice(0, bodyStart) + r + trail;
    });
    return changed ? out.join(delim) : text;
  }

  // ---------------------------------------------------------------- headers

  /**
   * `Sec-WebSocket-Protocol` (RFC 6455 §11.3.4) holding a Kubernetes bearer token: the token is
   * decoded and redacted like any bearer token (a JWT keeps header and claims), then re-encoded.
   */
  private subprotocols(value: string): string {
    return value
      .split(',')
      .map((item) => {
        const at = item.indexOf(K8S_BEARER_PROTOCOL);
        if (at < 0) return this.text(item);
        const start = at + K8S_BEARER_PROTOCOL.length;
        const encoded = item.slice(start).trim();
        if (encoded === '' || isMarker(encoded)) return item;
        const bytes = base64urlToBytes(encoded, { lenient: true });
        const token = bytes === null ? null : utf8Decode(bytes);
        const r = token === null ? this.mark('bearer', encoded, 'compact') : this.token(token, 'bearer', 'compact');
        if (r === token) return item;
        return item.slice(0, start) + (token === null ? r : bytesToBase64url(r)) + item.slice(start + encoded.length);
      })
      .join(',');
  }

  /** One header value by name. */
  header(name: string, value: string): string {
    if (value === '' || this.isAllowed(name)) return value;
    if (value.includes(K8S_BEARER_PROTOCOL) && name.toLowerCase() === 'sec-websocket-protocol') return this.subprotocols(value);
    switch (classifyHeader(name)) {
      case 'authorization':
        return this.authorization(value);
      case 'cookie':
        return this.cookieHeader(value);
      case 'set-cookie':
        return this.setCookie(value);
      case 'dpop':
        return this.jose(value.trim()) ?? this.token(value, 'bearer', 'readable');
      case 'challenge':
        // Challenge parameters are the evidence (realm, error, scope, nonce); they are kept.
        return value;
      case 'url':
        return name.toLowerCase() === 'refresh' ? this.text(value) : this.url(value);
      case 'api-key':
        return this.token(value, 'api-key', 'readable');
      case 'secret':
        return this.token(value, 'secret-header', 'readable');
      default:
        return this.text(value);
    }
  }
}

/**
 * Browsers can't set Authorization on a WebSocket, so Kubernetes clients (the dashboard, client-go)
 * send the bearer token as a subprotocol: `base64url.bearer.authorization.k8s.io.<base64url token>`.
 */
const K8S_BEARER_PROTOCOL = 'base64url.bearer.authorization.k8s.io.';

/** A character of an XML name as far as element names go here: letters, digits, `_ - . :`. */
function isXmlNameChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x3a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d || c === 0x2e;
}

/** RFC 9110 §5.6.2 tchar: the characters of a cookie name (RFC 6265 §4.1.1 cookie-name = token). */
function isTchar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || "!#$%&'*+-.^_`|~".includes(String.fromCharCode(c));
}

/**
 * One Set-Cookie line split where a "," starts another cookie (`, name=`): folded lines. A comma
 * inside Expires (`Wed, 21 Oct 2026`) is followed by a day number and a space, not by `name=`, and
 * a cookie value can't hold a comma (RFC 6265 §4.1.1), so neither is split. Each piece keeps its
 * leading space; joined with "," they give the line back.
 */
function foldedCookies(line: string): string[] {
  if (!line.includes(',')) return [line];
  const out: string[] = [];
  let start = 0;
  for (let comma = line.indexOf(','); comma !== -1; comma = line.indexOf(',', comma + 1)) {
    let i = comma + 1;
    while (line.charCodeAt(i) === 0x20 || line.charCodeAt(i) === 0x09) i++;
    const nameStart = i;
    while (i < line.length && isTchar(line.charCodeAt(i))) i++;
    if (i > nameStart && line.charCodeAt(i) === 0x3d /* = */) {
      out.push(line.slice(start, comma));
      start = comma + 1;
    }
  }
  out.push(line.slice(start));
  return out;
}

/** First two characters of every vendor prefix: a cheap filter before `matchOpaqueFormat` (big bodies). */
const VENDOR_HEADS = new Set(OPAQUE_FORMATS.filter((f) => f.prefix.length >= 2).map((f) => f.prefix.slice(0, 2)));
const VENDOR_SHORT = new Set(OPAQUE_FORMATS.filter((f) => f.prefix.length === 1).map((f) => f.prefix));

function mayBeVendorToken(word: string): boolean {
  return VENDOR_HEADS.has(word.slice(0, 2)) || VENDOR_SHORT.has(word[0]!);
}

/** JSON object from a base64url JOSE part, or null. */
function decodeJsonPart(part: string): unknown {
  const bytes = base64urlToBytes(part, { lenient: true });
  if (bytes === null) return null;
  const text = utf8Decode(bytes);
  if (text === null) return null;
  const t = text.trimStart();
  if (!t.startsWith('{')) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * A word of prose after a scheme name ("NTLM handshake", "Token revoked"), not a credential: tokens
 * and base64 carry digits, capitals inside or punctuation, and words are at most 14 letters here.
 */
function isPlainWord(s: string): boolean {
  return /^[A-Za-z][a-z]{0,13}$/.test(s);
}

/** Evidence keys whose values the rules work out (or take from a challenge), never a secret. */
const OWN_EVIDENCE = new Set(['challenge', 'apiKeyHeaders', 'tokenEnvironment', 'tokenAcr', 'tokenAmr']);

/** Claims that are credentials even inside a token (rare, but then they must go). */
function isStrongSecretClaim(name: string): boolean {
  return /^(password|passwd|clientsecret|secret|refreshtoken|accesstoken|idtoken|apikey|privatekey)$/.test(normalizeName(name));
}

/**
 * `invalid_grant`, `UNAUTHORIZED`, `E0000011`, `AADSTS50058`, `401`, `InvalidAuthenticationToken`
 * (Microsoft Graph), `ExpiredTokenException` (AWS) — not an authorization code. PascalCase counts
 * only as words of three letters or more after the first: a random code has digits or capitals in
 * a row.
 */
export function looksLikeErrorCode(v: string): boolean {
  return v.length <= 40 && (/^[a-z]+(?:[_.:-][a-z0-9]+)*$/.test(v) || /^[A-Z][A-Z0-9_.:-]*$/.test(v) || /^\d{1,6}$/.test(v) || /^[A-Z][a-z]{2,}(?:[A-Z][a-z]+)+$/.test(v));
}

function isUrlSafe(s: string): boolean {
  return /^[A-Za-z0-9\-._~]*$/.test(s);
}
