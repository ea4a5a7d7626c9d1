/**
 * Every rule, in the order they run: specific causes first, so that general findings
 * (invalid-token, forbidden) can step back when a more specific one explains the failure.
 */
import type { Rule } from '../rule.js';
import { accountEnumeration } from './account-enumeration.js';
import { authDroppedOnRedirect } from './auth-dropped-on-redirect.js';
import { cacheableFailure } from './cacheable-failure.js';
import { challengeHiddenByCors } from './challenge-hidden-by-cors.js';
import { clockSkew } from './clock-skew.js';
import { cookieSessionMissing } from './cookie-session-missing.js';
import { corsHidesFailure } from './cors-hides-failure.js';
import { credentialEchoed } from './credential-echoed.js';
import { credentialsMaybeStripped } from './credentials-maybe-stripped.js';
import { credentialsOverHttp } from './credentials-over-http.js';
import { digestStale } from './digest-stale.js';
import { dpopNonceRequired } from './dpop-nonce-required.js';
import { dpopRequired } from './dpop-required.js';
import { environmentMismatch } from './environment-mismatch.js';
import { forbidden } from './forbidden.js';
import { forbiddenUnauthenticated } from './forbidden-unauthenticated.js';
import { idTokenAsAccessToken } from './id-token-as-access-token.js';
import { insufficientScope } from './insufficient-scope.js';
import { invalidRequest } from './invalid-request.js';
import { invalidToken } from './invalid-token.js';
import { loginRedirect } from './login-redirect.js';
import { malformedAuthorization } from './malformed-authorization.js';
import { malformedChallenge } from './malformed-challenge.js';
import { missingChallenge } from './missing-challenge.js';
import { negotiateHandshake } from './negotiate-handshake.js';
import { noCredentials } from './no-credentials.js';
import { preflightRejected } from './preflight-rejected.js';
import { proxyAuthRequired } from './proxy-auth-required.js';
import { refreshFailed } from './refresh-failed.js';
import { retryLoop } from './retry-loop.js';
import { schemeMismatch } from './scheme-mismatch.js';
import { stepUpRequired } from './step-up-required.js';
import { tokenExpired } from './token-expired.js';
import { tokenInUrl } from './token-in-url.js';
import { tokenNotYetValid } from './token-not-yet-valid.js';
import { unsignedToken } from './unsigned-token.js';
import { vendorError } from './vendor-error.js';
import { credentialsRejected } from './credentials-rejected.js';
import { wrongAudience } from './wrong-audience.js';

export const RULES: Rule[] = [
  preflightRejected,
  proxyAuthRequired,
  authDroppedOnRedirect,
  cookieSessionMissing,
  noCredentials,
  forbiddenUnauthenticated,
  credentialsMaybeStripped,
  malformedAuthorization,
  schemeMismatch,
  tokenExpired,
  tokenNotYetValid,
  unsignedToken,
  idTokenAsAccessToken,
  wrongAudience,
  dpopRequired,
  dpopNonceRequired,
  stepUpRequired,
  insufficientScope,
  refreshFailed,
  invalidRequest,
  invalidToken,
  forbidden,
  environmentMismatch,
  digestStale,
  negotiateHandshake,
  missingChallenge,
  malformedChallenge,
  loginRedirect,
  retryLoop,
  corsHidesFailure,
  challengeHiddenByCors,
  cacheableFailure,
  credentialEchoed,
  accountEnumeration,
  vendorError,
  // Last of the failure rules: only when none of the above explains the 401.
  credentialsRejected,
  tokenInUrl,
  credentialsOverHttp,
  clockSkew,
];
