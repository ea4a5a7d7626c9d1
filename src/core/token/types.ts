import type { Problem } from '../problem.js';

/** DESIGN §3.2: the four kinds a bearer token can be. */
export type TokenKind = 'jwt' | 'jwe' | 'opaque' | 'malformed';

/** The NumericDate claims we judge (RFC 7519 §4.1.4–4.1.6; `auth_time` from OIDC Core §2). */
export type TimeClaim = 'exp' | 'nbf' | 'iat' | 'auth_time';

/** ISO-8601 (UTC) per claim, or null when absent or unusable. */
export type TokenTimes = Record<TimeClaim, string | null>;

/** Human wording per claim relative to the reference time, e.g. "expired 12 min before the request". */
export type TokenRelativeTimes = Record<TimeClaim, string | null>;

/** Where scope-like values came from. `scopes` on the report merges the first five. */
export type ScopeClaim =
  | 'scope'
  | 'scp'
  | 'scopes'
  | 'permissions'
  | 'roles'
  | 'realm_access.roles'
  | `resource_access.${string}.roles`
  | 'cognito:groups'
  | 'groups';

export interface ScopeSource {
  claim: ScopeClaim;
  values: string[];
}

/** Deployment stage guessed from a host name or issuer. */
export type Environment = 'localhost' | 'dev' | 'test' | 'qa' | 'uat' | 'staging' | 'sandbox' | 'prod';

/** A well-known opaque token format, recognized by its prefix (see opaque-formats.ts). */
export interface OpaqueVendor {
  /** Stable id, e.g. `github-pat-classic`. */
  id: string;
  /** Vendor name, e.g. `GitHub`. */
  vendor: string;
  /** What kind of credential, e.g. `personal access token (classic)`. */
  product: string;
  /** The prefix that matched. */
  prefix: string;
  /** Where the format is described. */
  source: string;
  /** Environment implied by the format itself (Stripe `sk_test_` → test, `sk_live_` → prod). */
  environment?: Environment;
  /** False for values that are public by design (Stripe publishable keys). */
  secret: boolean;
}

/** The identity provider a JWT's issuer points to, when recognizable. */
export interface TokenProvider {
  id: 'entra-id' | 'azure-ad-b2c' | 'okta' | 'auth0' | 'keycloak' | 'cognito' | 'google' | 'github-actions';
  name: string;
  /** Token format version, when the token says (Entra `ver` 1.0 / 2.0). */
  version?: string;
}

export interface TokenHints {
  /** An OIDC ID token rather than an access token (see `idTokenReasons`). */
  looksLikeIdToken: boolean;
  /** The evidence for `looksLikeIdToken`, in words, e.g. `has nonce`. */
  idTokenReasons: string[];
  /** An RFC 9449 DPoP proof (`typ: dpop+jwt`) sent where a token belongs. */
  looksLikeDpopProof: boolean;
  /** Environment from the issuer (or the opaque format); null when nothing in it says. */
  environment: Environment | null;
  provider: TokenProvider | null;
}

export interface TokenReport {
  kind: TokenKind;
  /** Decoded JOSE header (JWS or JWE), or null. */
  header: Record<string, unknown> | null;
  /** Decoded claims (JWS payload), or null (JWE, opaque, undecodable). */
  claims: Record<string, unknown> | null;
  times: TokenTimes;
  /** `exp` strictly more than the tolerance before the reference time; null without exp or reference. */
  expired: boolean | null;
  /** Merged, de-duplicated values of scope, scp, scopes, permissions, roles (in that order). */
  scopes: string[];
  /** `aud`, always an array (RFC 7519 §4.1.3 allows a string or an array). */
  audience: string[];
  issuer: string | null;
  problems: Problem[];
  /** Relative wording per time; null without a reference time. */
  relative: TokenRelativeTimes;
  /** `nbf` (or else `iat`) strictly more than the tolerance after the reference time. */
  notYetValid: boolean | null;
  /** Which claim made `notYetValid` true. */
  notYetValidBy: 'nbf' | 'iat' | null;
  /** Every scope/permission/role/group claim found, with its values. */
  scopeSources: ScopeSource[];
  subject: string | null;
  /** The client the token was issued to: `client_id`, `azp`, `appid` or `cid`. */
  client: string | null;
  clientClaim: 'client_id' | 'azp' | 'appid' | 'cid' | null;
  /** Header `typ` (RFC 9068 access tokens use `at+jwt`). */
  typ: string | null;
  alg: string | null;
  /** JWE content encryption (`enc`), for kind `jwe`. */
  enc: string | null;
  /** `alg: none` (RFC 7519 §6): anyone can forge it. */
  unsigned: boolean;
  /** Sender-constrained with DPoP (RFC 9449 §6.1: `cnf.jkt`). */
  dpopBound: boolean;
  cnfJkt: string | null;
  /** mTLS-bound (RFC 8705 §3.1: `cnf.x5t#S256`). */
  mtlsBound: boolean;
  acr: string | null;
  amr: string[];
  hints: TokenHints;
  /** Recognized opaque format, for kind `opaque` (and for malformed values that match one). */
  vendor: OpaqueVendor | null;
  /** The reference time used (ISO), or null. */
  now: string | null;
  clockToleranceSec: number;
  /** Plain-language notes that are not problems (e.g. "the payload is encrypted; this is expected"). */
  notes: string[];
}

export interface InspectTokenOptions {
  /** Reference time (the response `Date`, else when the request started). Without it, nothing is judged. */
  now?: Date;
  /** Seconds of leeway before a time counts. Default 0 here; the diagnosis passes 60 (DESIGN §3.1). */
  clockToleranceSec?: number;
  /** Wording of relative times: "before the request" (default) or "ago" (`now`, for the CLI). */
  reference?: 'request' | 'now';
}
