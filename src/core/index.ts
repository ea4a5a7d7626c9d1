/**
 * The public library API (DESIGN §3.1). Everything here is pure: it runs in Node, in a worker and
 * in the DevTools panel alike.
 */
export type { Problem, ProblemSeverity } from './problem.js';
export type { Exchange, Header, Cookie, Body } from './har/exchange.js';
export { headerValue, headerValues } from './har/exchange.js';
export { parseChallenges, parseChallengesDetailed, serializeChallenges, decodeClaimsChallenge } from './challenge/index.js';
export type { Challenge, ChallengeField, ChallengeResult, DetailedChallenge, DetailedChallengeResult, ParseChallengesOptions, Span } from './challenge/index.js';
export {
  inspectToken,
  isIdTokenLike,
  looksLikeJwt,
  decodeJwtParts,
  formatRelative,
  environmentOf,
  extractScopes,
  matchOpaqueFormat,
  OPAQUE_FORMATS,
} from './token/index.js';
export type {
  Environment,
  InspectTokenOptions,
  JwtParts,
  OpaqueVendor,
  ScopeSource,
  TokenKind,
  TokenProvider,
  TokenReport,
  TokenTimes,
} from './token/index.js';
export { readHar, normalizeEntry, parseHarText } from './har/index.js';
export type { HarReadResult } from './har/index.js';
export { parseAuthorization, findCredentials, parseDpopProof, isSessionCookieName } from './credentials/index.js';
export type { CredentialKind, CredentialResult, RequestCredentials, DpopProof } from './credentials/index.js';
export { analyzeHar, analyzeExchanges, createDiagnosis, reviewWithBody, isSanitized, HarReadError, RULES } from './diagnose/index.js';
export type { Diagnosis, DiagnosisOptions } from './diagnose/index.js';
export { FINDINGS, VENDOR_ERRORS, matchVendorErrors } from './knowledge/index.js';
export type { FindingKnowledge, Reference, VendorError, VendorErrorMatch } from './knowledge/index.js';
export type {
  Analysis,
  EntryResult,
  Finding,
  FindingCode,
  FindingSeverity,
  RequestFindingCode,
  SessionFindingCode,
} from './diagnose/finding.js';
export {
  redactHar,
  redactHarDetailed,
  summarizeRedaction,
  formatRedactionSummary,
  HarRedactionError,
  isMarker,
  REDACTION_KINDS,
  buildReport,
  reportData,
  toCurl,
} from './redact/index.js';
export type {
  RedactOptions,
  RedactionKind,
  RedactionResult,
  RedactionSummary,
  ReportJson,
  ReportOptions,
  CurlOptions,
} from './redact/index.js';
