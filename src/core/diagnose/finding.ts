/** Stable finding codes (DESIGN §4). Add, never rename: tests outside the project rely on them. */
export type RequestFindingCode =
  | 'no-credentials'
  | 'credentials-maybe-stripped'
  | 'malformed-authorization'
  | 'scheme-mismatch'
  | 'token-expired'
  | 'token-not-yet-valid'
  | 'clock-skew'
  | 'invalid-token'
  | 'invalid-request'
  | 'insufficient-scope'
  | 'step-up-required'
  | 'dpop-nonce-required'
  | 'dpop-required'
  | 'missing-challenge'
  | 'malformed-challenge'
  | 'forbidden-unauthenticated'
  | 'forbidden'
  | 'wrong-audience'
  | 'id-token-as-access-token'
  | 'environment-mismatch'
  | 'token-in-url'
  | 'credentials-over-http'
  | 'unsigned-token'
  | 'digest-stale'
  | 'negotiate-handshake'
  | 'proxy-auth-required'
  | 'cors-hides-failure'
  | 'challenge-hidden-by-cors'
  | 'cacheable-failure'
  | 'credential-echoed'
  | 'account-enumeration'
  | 'vendor-error'
  | 'credentials-rejected';

export type SessionFindingCode =
  | 'preflight-rejected'
  | 'auth-dropped-on-redirect'
  | 'login-redirect'
  | 'retry-loop'
  | 'refresh-failed'
  | 'cookie-session-missing';

export type FindingCode = RequestFindingCode | SessionFindingCode;

/** `error` = the cause of the failure; `warning` = a real problem that may not be the cause. */
export type FindingSeverity = 'error' | 'warning' | 'info';

export interface Finding {
  code: FindingCode;
  severity: FindingSeverity;
  /** One line. */
  title: string;
  /** Plain words. */
  detail: string;
  /** The header / claim values that prove it; times in ISO and relative. */
  evidence: Record<string, unknown>;
  fix: { client: string; server: string };
  /** RFC sections, MDN pages. */
  refs: string[];
}

export interface EntryResult {
  index: number;
  method: string;
  url: string;
  status: number;
  findings: Finding[];
}

export interface Analysis {
  entries: number;
  source: { creator: string | null; sanitized: boolean };
  results: EntryResult[];
}
