/**
 * Redaction markers. Two spellings of the same facts (kind, length, short hash):
 * - readable `[redacted:bearer len=812 #3fa9c2]`, used where any text may stand (header values,
 *   JSON strings, cookie values, form `params[]`);
 * - compact `REDACTED-bearer-len812-3fa9c2`, used where the syntax forbids spaces, `#`, `[` or
 *   needs base64url characters: URLs (query and fragment) and the signature part of a JWT (so the
 *   token still splits into three base64url parts and decodes).
 * Both are recognised on input, so redacting an already redacted HAR changes nothing.
 */
export type RedactionKind =
  | 'bearer' // opaque token after Bearer / DPoP / other token68 schemes
  | 'jwt' // JWS signature removed (header and claims kept)
  | 'jwe' // encrypted token: only its protected header kept
  | 'basic-password'
  | 'digest-response'
  | 'negotiate' // Negotiate / NTLM / Kerberos blobs
  | 'api-key'
  | 'secret-header' // other headers whose name says secret/token/session
  | 'cookie'
  | 'set-cookie'
  | 'query' // secret query or fragment parameter
  | 'form' // form field (urlencoded, multipart, postData.params)
  | 'json' // JSON body field with a secret name
  | 'text' // secret found in free text (key=value, known token prefixes, private keys)
  | 'personal'; // strict level: personal data (email, name, username …)

export const REDACTION_KINDS: readonly RedactionKind[] = [
  'bearer', 'jwt', 'jwe', 'basic-password', 'digest-response', 'negotiate', 'api-key', 'secret-header',
  'cookie', 'set-cookie', 'query', 'form', 'json', 'text', 'personal',
];

export function readableMarker(kind: RedactionKind, length: number, hash: string): string {
  return `[redacted:${kind} len=${length} #${hash}]`;
}

export function compactMarker(kind: RedactionKind, length: number, hash: string): string {
  return `REDACTED-${kind}-len${length}-${hash}`;
}

const READABLE = /^\[redacted:[a-z-]+ len=\d+ #[0-9a-f]{6}\]$/;
const COMPACT = /^REDACTED-[a-z-]+-len\d+-[0-9a-f]{6}-?$/;
const ANY_MARKER = /\[redacted:[a-z-]+ len=\d+ #[0-9a-f]{6}\]|REDACTED-[a-z-]+-len\d+-[0-9a-f]{6}-?/g;

/** True when the whole value is a marker (either spelling). */
export function isMarker(value: string): boolean {
  return value.length < 80 && (READABLE.test(value) || COMPACT.test(value));
}

/** True when `value` consists only of markers and separators, i.e. nothing left to redact. */
export function isOnlyMarkers(value: string): boolean {
  return value.replace(ANY_MARKER, '').replace(/[\s:;,.]/g, '') === '';
}
