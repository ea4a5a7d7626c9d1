// Unsigned demo JWTs for the scenario server: real header/payload encoding, a fixed fake
// signature. Nothing verifies them; AuthLens only decodes them.
const b64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function jwt(claims, header = { alg: 'RS256', typ: 'at+jwt', kid: 'demo-key-1' }) {
  const signature = header.alg === 'none' ? '' : Buffer.from('demo-signature-not-valid').toString('base64url');
  return `${b64url(header)}.${b64url(claims)}.${signature}`;
}

/** Standard access-token claims (RFC 9068 §2.2) for the demo API, `now` in epoch seconds. */
export function accessClaims(now, audience, extra = {}) {
  return {
    iss: 'https://id.example.test/',
    sub: 'user-4711',
    aud: audience,
    client_id: 'demo-spa',
    iat: now - 60,
    nbf: now - 60,
    exp: now + 3600,
    jti: 'jti-' + now,
    scope: 'orders:read profile',
    ...extra,
  };
}
