/** Token inspection (DESIGN §3.1 `inspectToken`) and the helpers the diagnosis rules use. */
export { inspectToken, isIdTokenLike, idTokenReasons } from './inspect-token.js';
export { decodeJwtParts, looksLikeJwt, looksLikeJwtAttempt, type JwtParts } from './decode-jwt.js';
export { formatRelative, judgeTimes, parseNumericDate, TIME_CLAIMS } from './times.js';
export { extractScopes, splitScopes } from './scopes.js';
export { environmentOf, hostAndPath, isLoopbackHost, providerOf } from './environment.js';
export { matchOpaqueFormat, OPAQUE_FORMATS, toVendor, type OpaqueFormat } from './opaque-formats.js';
export type {
  Environment,
  InspectTokenOptions,
  OpaqueVendor,
  ScopeClaim,
  ScopeSource,
  TimeClaim,
  TokenHints,
  TokenKind,
  TokenProvider,
  TokenRelativeTimes,
  TokenReport,
  TokenTimes,
} from './types.js';
