import type { Rule } from '../rule.js';

/**
 * RFC 6749 §5.2 / §6: the token endpoint refused a refresh token. §5.2 says 400 (401 for a failed
 * client authentication); Auth0 answers an unknown or reused refresh token with 403
 * (https://community.auth0.com/t/troubleshoot-refresh-token-unknown-or-invalid-before-expiry-403-unknown-or-invalid-refresh-token/120406).
 */
export const refreshFailed: Rule = {
  code: 'refresh-failed',
  scope: 'failure',
  check({ f }) {
    if (f.ex.method !== 'POST' || (f.status !== 400 && f.status !== 401 && f.status !== 403)) return null;
    const req = f.ex.requestBody;
    const form = req?.params?.find((p) => p.name === 'grant_type')?.value ?? /(?:^|&)grant_type=([^&]*)/.exec(req?.text ?? '')?.[1] ?? jsonGrant(req?.text ?? '');
    let error: string | null = null;
    let description: string | null = null;
    try {
      const json = JSON.parse(f.body) as { error?: unknown; error_description?: unknown };
      if (typeof json.error === 'string') error = json.error;
      if (typeof json.error_description === 'string') description = json.error_description;
    } catch {
      // not JSON
    }
    const isRefresh = form === 'refresh_token';
    // invalid_grant also refuses an authorization code or a password (RFC 6749 §5.2): only guess
    // "refresh" from it when the request body, and so the grant type, was not captured.
    if (!isRefresh && !(!form && error === 'invalid_grant' && /token/i.test(f.url?.pathname ?? ''))) return null;
    return { severity: 'error', title: `The token endpoint refused the ${isRefresh ? 'refresh token' : 'grant'}${error ? ` (${error})` : ''}`, evidence: { grant_type: form, error, error_description: description, status: f.status } };
  },
};

function jsonGrant(text: string): string | null {
  if (!text.startsWith('{')) return null;
  try {
    const v = (JSON.parse(text) as { grant_type?: unknown }).grant_type;
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}
