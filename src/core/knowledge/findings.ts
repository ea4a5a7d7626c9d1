/**
 * What each finding means and how to fix it, as data (DESIGN §4). Rules add the instance's
 * specifics (times, scopes, header values); the UI, the CLI and the report only lay these out.
 */
import type { FindingCode } from '../diagnose/finding.js';
import { FINDING_TITLES } from './titles.js';

export interface Reference {
  label: string;
  url: string;
}

export interface FindingKnowledge {
  title: string;
  explanation: string;
  fix: { client: string; server: string };
  refs: Reference[];
}

const rfc = (n: number, section: string): Reference => ({
  label: `RFC ${n} §${section}`,
  url: `https://www.rfc-editor.org/rfc/rfc${n}#section-${section}`,
});
const mdn = (path: string, label: string): Reference => ({ label: `MDN: ${label}`, url: `https://developer.mozilla.org/en-US/docs/${path}` });

/** The texts beside each title; FINDINGS joins the two. */
const TEXTS: Record<FindingCode, Omit<FindingKnowledge, 'title'>> = {
  'no-credentials': {
    explanation: 'The server asked for authentication, but the request had no Authorization header, no cookie and no API key. The client never attached its token, or attached it to a different request.',
    fix: { client: 'Attach the credentials: set the Authorization header (e.g. "Bearer <token>") on this call, or send cookies with credentials: "include" for cross-origin fetch.', server: 'Nothing to change if authentication is required; make sure the WWW-Authenticate challenge tells clients which scheme to use.' },
    refs: [rfc(9110, '15.5.2'), rfc(6750, '3'), mdn('Web/HTTP/Status/401', '401 Unauthorized')],
  },
  'credentials-maybe-stripped': {
    explanation: 'No request in this HAR carries Authorization, Cookie or Set-Cookie. Chrome exports HAR files sanitized by default, so the absence of credentials proves nothing about what the browser really sent.',
    fix: { client: 'Re-export with "Export HAR (with sensitive data)" if the credentials matter, and redact the file with AuthLens before sharing it.', server: 'Diagnose from the challenge, status and timing; don\'t conclude that the client sent no token.' },
    refs: [{ label: 'Chrome DevTools: Export HAR', url: 'https://developer.chrome.com/docs/devtools/network/reference#save-as-har' }],
  },
  'malformed-authorization': {
    explanation: 'The header is not a valid credential: an empty or placeholder token ("undefined", "null", "[object Object]"), a quoted token, the scheme twice, whitespace or a line break inside, or a JWT that does not decode. The server can only reject it.',
    fix: { client: 'Check where the token comes from before the call: it must be a non-empty string, sent as "Bearer <token>" with no quotes, no second "Bearer" and no newline.', server: 'Answer with error="invalid_request" and a description that names the problem, so clients can tell a malformed header from an expired token.' },
    refs: [rfc(6750, '2.1'), rfc(9110, '11.6.2')],
  },
  'scheme-mismatch': {
    explanation: 'The request authenticated with one scheme (for example Basic) while the server\'s challenges only offer others (for example Bearer). The server ignores credentials in a scheme it doesn\'t accept.',
    fix: { client: 'Use one of the schemes the WWW-Authenticate header lists.', server: 'List every scheme you accept in WWW-Authenticate, one challenge each.' },
    refs: [rfc(9110, '11.6.1'), rfc(9110, '11.1')],
  },
  'token-expired': {
    explanation: 'The bearer token\'s exp claim lies before the time the server answered (its Date header), beyond the clock tolerance. Any API rejects an expired token.',
    fix: { client: 'Refresh the token before it expires (check exp with a margin) and retry once with the new token; on a refresh failure, sign the user in again.', server: 'Return error="invalid_token" with an error_description that says "expired", so clients refresh instead of signing out.' },
    refs: [rfc(7519, '4.1.4'), rfc(6750, '3.1')],
  },
  'token-not-yet-valid': {
    explanation: 'The token\'s nbf (or iat) lies after the server\'s time beyond the tolerance. Usually one of the clocks is wrong: the token issuer\'s or the API server\'s.',
    fix: { client: 'Check the device clock; if the issuer\'s clock runs ahead, wait or ask for a new token.', server: 'Allow a small clock skew (30–120 s) when validating nbf/iat, and keep server clocks in sync with NTP.' },
    refs: [rfc(7519, '4.1.5'), rfc(7519, '4.1.6')],
  },
  'clock-skew': {
    explanation: 'The server\'s Date header differs from the time the browser recorded for the request by more than the tolerance. Token checks made on the client (exp, nbf) then give different answers than the server\'s.',
    fix: { client: 'Judge token lifetimes against the server\'s Date header, not the device clock; fix the device clock.', server: 'Keep server clocks synchronized (NTP) and accept a small skew when validating tokens.' },
    refs: [rfc(9110, '6.6.1'), rfc(7519, '4.1.4')],
  },
  'invalid-token': {
    explanation: 'The challenge says error="invalid_token": the token is expired, revoked, malformed, or invalid for other reasons, and nothing more specific could be found in the request.',
    fix: { client: 'Get a new token (refresh, or sign in again) and retry once; read error_description for the server\'s reason.', server: 'Say why in error_description (expired, revoked, wrong audience, bad signature) so clients can react.' },
    refs: [rfc(6750, '3.1')],
  },
  'invalid-request': {
    explanation: 'The challenge says error="invalid_request": a required parameter is missing, a parameter is repeated or unsupported, the credentials were sent in more than one way, or the request is otherwise malformed.',
    fix: { client: 'Send the token in exactly one place (the Authorization header) and check the parameters error_description names.', server: 'Name the offending parameter in error_description; answer 400 for malformed requests.' },
    refs: [rfc(6750, '3.1')],
  },
  'insufficient-scope': {
    explanation: 'The server accepted the token but it does not grant what this call needs (error="insufficient_scope"). Signing in again won\'t help unless the new token asks for the missing scopes.',
    fix: { client: 'Request the missing scopes when getting the token (and make sure the user or app may consent to them).', server: 'Send the required scopes in the scope parameter of the challenge so clients know what to ask for.' },
    refs: [rfc(6750, '3.1'), rfc(6749, '3.3')],
  },
  'step-up-required': {
    explanation: 'The server wants a different authentication level (error="insufficient_user_authentication"): an acr such as MFA, or a sign-in more recent than max_age. The token itself is fine.',
    fix: { client: 'Send the user through the authorization request again with the acr_values and max_age from the challenge, then retry with the new token.', server: 'Send acr_values and/or max_age in the challenge so clients can step up.' },
    refs: [rfc(9470, '3'), rfc(9470, '4')],
  },
  'dpop-nonce-required': {
    explanation: 'The server answered error="use_dpop_nonce" with a DPoP-Nonce header. This is a normal step of DPoP, not a credential problem: the client must put that nonce into a new proof.',
    fix: { client: 'Retry once with a new DPoP proof whose nonce claim is the DPoP-Nonce value; keep using the latest nonce for later requests.', server: 'Expose DPoP-Nonce to browsers (Access-Control-Expose-Headers) so clients can read it.' },
    refs: [rfc(9449, '9'), rfc(9449, '8')],
  },
  'dpop-required': {
    explanation: 'The server offers the DPoP scheme but the request sent a plain Bearer token, no DPoP proof, or a proof that doesn\'t match this request (htm, htu, iat).',
    fix: { client: 'Use "Authorization: DPoP <token>" with a fresh DPoP header whose htm and htu match this request.', server: 'List the accepted algorithms in algs and explain the rejection in error_description.' },
    refs: [rfc(9449, '7.1'), rfc(9449, '4.3')],
  },
  'missing-challenge': {
    explanation: 'A 401 must carry WWW-Authenticate and a 407 Proxy-Authenticate with at least one challenge. Without it, clients can\'t tell how to authenticate or why the credentials failed.',
    fix: { client: 'Read the response body for the reason; nothing in the protocol says what to do next.', server: 'Add a WWW-Authenticate header, e.g. Bearer realm="api", error="invalid_token", error_description="…".' },
    refs: [rfc(9110, '11.6.1'), rfc(9110, '15.5.2')],
  },
  'malformed-challenge': {
    explanation: 'The WWW-Authenticate (or Proxy-Authenticate) value does not follow RFC 9110: unterminated quotes, missing commas, unquoted values with special characters, duplicate parameters. Strict clients may ignore it entirely.',
    fix: { client: 'Don\'t rely on the parsed parameters; AuthLens shows what a lenient reading salvages.', server: 'Quote every parameter value and separate parameters and challenges with commas.' },
    refs: [rfc(9110, '11.2'), rfc(9110, '5.6.4')],
  },
  'forbidden-unauthenticated': {
    explanation: 'The server answered 403 Forbidden to a request that carried no credentials. Usually the client forgot to authenticate; a server should answer 401 with a challenge in that case.',
    fix: { client: 'Send the credentials (Authorization header or cookies) with this request.', server: 'Answer 401 with WWW-Authenticate when no credentials were sent; keep 403 for authenticated callers without permission.' },
    refs: [rfc(9110, '15.5.4'), rfc(9110, '15.5.2')],
  },
  forbidden: {
    explanation: 'The request carried credentials that look valid, and the server refused the action (403). This is a permission problem: signing in again won\'t help.',
    fix: { client: 'Check the user\'s roles or the app\'s permissions for this resource; ask an administrator for access.', server: 'Say which permission is missing (scope parameter or a problem document), so users know whom to ask.' },
    refs: [rfc(9110, '15.5.4'), mdn('Web/HTTP/Status/403', '403 Forbidden')],
  },
  'wrong-audience': {
    explanation: 'The token\'s aud claim names no value that matches this API (its origin or host, or the resource the challenge names). Tokens are only accepted by the audience they were issued for.',
    fix: { client: 'Request the token for this API: pass its identifier as audience / resource / scope when getting the token.', server: 'Tell clients the expected audience (resource_metadata, or resource in the challenge).' },
    refs: [rfc(7519, '4.1.3'), rfc(8707, '2'), rfc(9068, '4')],
  },
  'id-token-as-access-token': {
    explanation: 'The bearer token is an OpenID Connect ID token (it has nonce or at_hash, its audience is the client itself, and it has no scopes). ID tokens prove who signed in to the client; APIs need access tokens.',
    fix: { client: 'Send the access_token from the token response, not the id_token.', server: 'Reject ID tokens explicitly (check typ "at+jwt" or the audience) with a clear error_description.' },
    refs: [{ label: 'OpenID Connect Core §2', url: 'https://openid.net/specs/openid-connect-core-1_0.html#IDToken' }, rfc(9068, '2.1')],
  },
  'environment-mismatch': {
    explanation: 'The token\'s issuer looks like one environment (staging, dev, test, sandbox) while the API looks like another. Each environment trusts only its own identity provider.',
    fix: { client: 'Get the token from the identity provider of the same environment as the API (check the configured issuer / authority URL).', server: 'Name the expected issuer in error_description when the iss check fails.' },
    refs: [rfc(7519, '4.1.1')],
  },
  'token-in-url': {
    explanation: 'An access token (or similar secret) is in the query string. URLs end up in logs, browser history and Referer headers, so the token leaks.',
    fix: { client: 'Send the token in the Authorization header instead of the query string.', server: 'Don\'t accept tokens in URLs (RFC 6750 §2.3 says SHOULD NOT), or at least never log query strings.' },
    refs: [rfc(6750, '2.3'), rfc(6750, '5.3')],
  },
  'credentials-over-http': {
    explanation: 'The request carried credentials over an unencrypted http:// connection to a non-loopback host. Anyone on the network path can read and reuse them.',
    fix: { client: 'Use https:// for every request that carries credentials.', server: 'Serve the API over HTTPS only, redirect http:// before any credentials are sent, and set HSTS.' },
    refs: [rfc(6750, '5.3'), rfc(9110, '4.2.2')],
  },
  'unsigned-token': {
    explanation: 'The JWT header says alg "none": the token carries no signature, so anyone can forge it. Servers must reject it; a server that accepts it is vulnerable.',
    fix: { client: 'Get a signed token from the identity provider; never build tokens yourself.', server: 'Reject alg "none" and allow only the algorithms you expect.' },
    refs: [rfc(7518, '3.6'), rfc(8725, '3.1')],
  },
  'digest-stale': {
    explanation: 'The challenge says stale=true: the credentials were right, but the nonce they were computed with has expired. The client should repeat the request with the new nonce without asking the user again.',
    fix: { client: 'Recompute the Digest response with the new nonce and retry; don\'t prompt for the password.', server: 'Nothing wrong; make nonce lifetimes long enough for normal use.' },
    refs: [rfc(7616, '3.3')],
  },
  'negotiate-handshake': {
    explanation: 'Negotiate (Kerberos/SPNEGO) and NTLM take several round trips, and the first answer is a 401 carrying the scheme. This 401 is expected; look at the last request of the handshake.',
    fix: { client: 'Nothing, unless the handshake ends in 401: then check that the browser may use integrated auth for this site and that the machine has a Kerberos ticket.', server: 'Nothing for this step.' },
    refs: [rfc(4559, '4'), mdn('Web/HTTP/Headers/WWW-Authenticate', 'WWW-Authenticate')],
  },
  'proxy-auth-required': {
    explanation: 'The 407 comes from a proxy between the browser and the server, not from the API. The API never saw the request.',
    fix: { client: 'Authenticate to the proxy (system or browser proxy settings), or bypass it for this host.', server: 'Nothing on the API side; check the proxy\'s configuration.' },
    refs: [rfc(9110, '15.5.8'), rfc(9110, '11.7.1')],
  },
  'cors-hides-failure': {
    explanation: 'This cross-origin failure has no Access-Control-Allow-Origin header, so the browser hides the response: the page\'s code sees a network ("CORS") error, not the 401/403 and its reason.',
    fix: { client: 'Look at the real status here, not at the CORS error in the console; fix the authentication problem.', server: 'Send the CORS headers on error responses too (including 401 and 403), not only on success.' },
    refs: [{ label: 'Fetch Standard: CORS check', url: 'https://fetch.spec.whatwg.org/#cors-check' }, mdn('Web/HTTP/Guides/CORS', 'CORS')],
  },
  'challenge-hidden-by-cors': {
    explanation: 'This cross-origin response carries WWW-Authenticate (or DPoP-Nonce), but Access-Control-Expose-Headers doesn\'t list it. The browser hides it from the page\'s code, so the client library can\'t react to it.',
    fix: { client: 'Nothing the page can do; ask the API to expose the header.', server: 'Add Access-Control-Expose-Headers: WWW-Authenticate, DPoP-Nonce to cross-origin responses.' },
    refs: [{ label: 'Fetch Standard: CORS-safelisted response header', url: 'https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name' }, mdn('Web/HTTP/Headers/Access-Control-Expose-Headers', 'Access-Control-Expose-Headers')],
  },
  'cacheable-failure': {
    explanation: 'The 401/403 response allows caching (public, max-age or s-maxage without private or no-store). A shared cache or the browser may serve the failure again after the user has signed in.',
    fix: { client: 'Bypass the cache (cache: "no-store") on the retry after signing in.', server: 'Send Cache-Control: no-store (or private) on auth failures.' },
    refs: [rfc(9111, '3'), rfc(9111, '5.2.2.5')],
  },
  'credential-echoed': {
    explanation: 'The error response\'s body or headers contain the token, password or key the request sent. Anything that logs or displays errors now leaks the credential.',
    fix: { client: 'Don\'t log this response; rotate the credential if logs were shared.', server: 'Never echo credentials in errors; say what was wrong without repeating the secret.' },
    refs: [{ label: 'OWASP: Information exposure through error messages', url: 'https://owasp.org/www-community/Improper_Error_Handling' }],
  },
  'account-enumeration': {
    explanation: 'The error distinguishes "user not found" from "wrong password". An attacker can use that to find valid accounts.',
    fix: { client: 'Nothing to change in the client.', server: 'Answer the same generic message ("invalid user name or password") for unknown users and wrong passwords.' },
    refs: [{ label: 'OWASP Authentication Cheat Sheet', url: 'https://cheatsheetseries.owasp.org/cheatsheets/Authentication_Cheat_Sheet.html#authentication-and-error-messages' }],
  },
  'credentials-rejected': {
    explanation: 'The request sent well-formed credentials in a scheme the server accepts, and the server answered 401 without saying why (its challenge carries no error code). The usual causes: a wrong user name or password, a revoked, unknown or rotated API key or token, or credentials meant for another environment or tenant.',
    fix: { client: 'Check that the credentials are current and meant for this server (environment, tenant, realm): re-enter the password, or issue a new key or token, then retry once.', server: 'Say why: answer error="invalid_token" with an error_description for bearer tokens (RFC 6750 §3.1), and log the reason server-side for Basic and API keys.' },
    refs: [rfc(9110, '15.5.2'), rfc(7617, '2'), rfc(6750, '3.1')],
  },
  'vendor-error': {
    explanation: 'The response carries an error code from a known vendor (Microsoft Entra ID, Okta, Auth0, Google, AWS, GitHub, …). Its meaning and fix come from the vendor\'s documentation.',
    fix: { client: 'Follow the vendor-specific fix shown in the evidence.', server: 'Keep the vendor code in the response: it is the fastest way to the cause.' },
    refs: [],
  },
  'preflight-rejected': {
    explanation: 'The browser\'s OPTIONS preflight got a 401/403. Browsers never send credentials on a preflight, so an API that requires authentication for OPTIONS blocks every cross-origin call before it starts.',
    fix: { client: 'Nothing in the page can add credentials to a preflight; the server must change.', server: 'Answer OPTIONS preflights without requiring authentication (2xx with the Access-Control-Allow-* headers).' },
    refs: [{ label: 'Fetch Standard: CORS-preflight fetch', url: 'https://fetch.spec.whatwg.org/#cors-preflight-fetch' }, mdn('Glossary/Preflight_request', 'Preflight request')],
  },
  'auth-dropped-on-redirect': {
    explanation: 'The request carried Authorization, got redirected to another origin, and the browser removed the header there (the Fetch Standard does so for cross-origin redirects). The follow-up arrived without credentials and failed.',
    fix: { client: 'Call the final URL directly, or handle the redirect yourself (redirect: "manual") and re-attach the token only if you trust the target.', server: 'Avoid cross-origin redirects on authenticated APIs, or serve the API from the origin clients call.' },
    refs: [{ label: 'Fetch Standard: HTTP-redirect fetch', url: 'https://fetch.spec.whatwg.org/#http-redirect-fetch' }, rfc(9110, '15.4')],
  },
  'login-redirect': {
    explanation: 'An API call (fetch/XHR) was redirected to a sign-in page, or got an HTML login page with status 200. The session has expired or was never set up, and the client sees HTML where it expects data (a "soft 401").',
    fix: { client: 'Treat a redirect to the login page (or HTML where JSON is expected) as "not signed in": refresh the session or send the user to sign in.', server: 'Answer API calls with 401 and a challenge instead of redirecting to a login page (e.g. by Accept or X-Requested-With).' },
    refs: [rfc(9110, '15.5.2')],
  },
  'retry-loop': {
    explanation: 'The client repeats the request with the same credentials and gets the same auth failure each time. Retrying can\'t help: the credentials must change first.',
    fix: { client: 'On 401, refresh the token once and retry once; if that fails, stop and sign the user in again.', server: 'Rate-limit repeated failures and make the reason clear in the challenge.' },
    refs: [rfc(6750, '3.1')],
  },
  'refresh-failed': {
    explanation: 'The token endpoint refused the refresh token (invalid_grant or a 400/401): it is expired, revoked or was already used. The session is over.',
    fix: { client: 'Stop retrying; clear the stored tokens and send the user through sign-in again.', server: 'Say why in error_description (expired, revoked, reuse detected).' },
    refs: [rfc(6749, '5.2'), rfc(6749, '6')],
  },
  'cookie-session-missing': {
    explanation: 'Earlier requests to this host carried a session cookie; this one carried none and failed. The cookie was cleared, expired, or not sent (SameSite, credentials mode, a different path or domain).',
    fix: { client: 'For cross-origin fetch use credentials: "include"; check the cookie\'s SameSite, Path, Domain and expiry in the Application panel.', server: 'Set session cookies with the SameSite and Domain the client needs, and answer 401 with a challenge when the session is gone.' },
    refs: [rfc(6265, '5.4'), mdn('Web/HTTP/Guides/Cookies', 'HTTP cookies')],
  },
};

export const FINDINGS = Object.fromEntries(Object.entries(TEXTS).map(([code, texts]) => [code, { title: FINDING_TITLES[code as FindingCode], ...texts }])) as Record<FindingCode, FindingKnowledge>;
