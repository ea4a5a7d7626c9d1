/**
 * Builds test JWTs from header and claims we write by hand (no signing: inspectToken never verifies).
 * Encoding uses Node's Buffer, an implementation independent of src/core/util/base64url.ts, so the
 * tests would catch a bug there instead of sharing it.
 */
export const b64u = (data: string | Uint8Array): string => Buffer.from(data).toString('base64url');

/** Deterministic fake signature bytes of the size the algorithm produces (RFC 7518 §3). */
export function fakeSignature(alg: string): string {
  const size: Record<string, number> = { HS256: 32, HS384: 48, HS512: 64, ES256: 64, ES384: 96, ES512: 132, EdDSA: 64, none: 0 };
  const n = size[alg] ?? 256; // RS*/PS* with a 2048-bit key
  return b64u(Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 0xff));
}

/** header.payload.signature, with a signature of the right length for `header.alg`. */
export function jwt(header: Record<string, unknown>, claims: Record<string, unknown> | string, signature?: string): string {
  const payload = typeof claims === 'string' ? claims : JSON.stringify(claims);
  const alg = typeof header['alg'] === 'string' ? header['alg'] : 'RS256';
  return `${b64u(JSON.stringify(header))}.${b64u(payload)}.${signature ?? fakeSignature(alg)}`;
}

/** A five-segment JWE with random-looking (deterministic) key, IV, ciphertext and tag. */
export function jwe(header: Record<string, unknown>, opts: { encryptedKey?: boolean } = {}): string {
  const bytes = (n: number, seed: number) => b64u(Uint8Array.from({ length: n }, (_, i) => (i * seed + 7) & 0xff));
  return [b64u(JSON.stringify(header)), opts.encryptedKey === false ? '' : bytes(256, 13), bytes(12, 17), bytes(80, 19), bytes(16, 23)].join('.');
}

/** Seconds since the epoch of an ISO date (NumericDate, RFC 7519 §2). */
export const sec = (iso: string): number => Date.parse(iso) / 1000;
