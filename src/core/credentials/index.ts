export { parseAuthorization, type CredentialKind, type CredentialResult } from './parse-authorization.js';
export { findCredentials, isSessionCookieName, API_KEY_HEADERS, URL_CREDENTIAL_PARAMS, type RequestCredentials } from './find-credentials.js';
export { parseDpopProof, type DpopProof } from './dpop-proof.js';
