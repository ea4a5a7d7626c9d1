/** The DPoP proof JWT (RFC 9449 §4.2): header (typ dpop+jwt, alg, jwk) and claims htm, htu, iat, jti. */
import type { Problem } from '../problem.js';
import { problem } from '../problem.js';
import { decodeJwtParts } from '../token/decode-jwt.js';

export interface DpopProof {
  typ: string | null;
  alg: string | null;
  jwk: Record<string, unknown> | null;
  htm: string | null;
  htu: string | null;
  iat: number | null;
  jti: string | null;
  nonce: string | null;
  ath: string | null;
  problems: Problem[];
}

export function parseDpopProof(value: string): DpopProof {
  const parts = decodeJwtParts(value.trim());
  const h = (parts.header ?? {}) as Record<string, unknown>;
  const c = (parts.payload ?? {}) as Record<string, unknown>;
  const problems: Problem[] = [...parts.problems];
  const s = (v: unknown) => (typeof v === 'string' ? v : null);
  const proof: DpopProof = {
    typ: s(h.typ),
    alg: s(h.alg),
    jwk: typeof h.jwk === 'object' && h.jwk !== null ? (h.jwk as Record<string, unknown>) : null,
    htm: s(c.htm),
    htu: s(c.htu),
    iat: typeof c.iat === 'number' ? c.iat : null,
    jti: s(c.jti),
    nonce: s(c.nonce),
    ath: s(c.ath),
    problems,
  };
  if (parts.header) {
    if (proof.typ !== 'dpop+jwt') problems.push(problem('dpop-wrong-typ', 'error', `A DPoP proof has typ "dpop+jwt" (RFC 9449 §4.2), not "${proof.typ ?? '(none)'}".`));
    if (!proof.jwk) problems.push(problem('dpop-missing-jwk', 'error', 'A DPoP proof carries its public key in the jwk header (RFC 9449 §4.2).'));
    for (const k of ['htm', 'htu', 'iat', 'jti'] as const) if (proof[k] === null) problems.push(problem(`dpop-missing-${k}`, 'error', `The DPoP proof lacks the ${k} claim (RFC 9449 §4.2).`));
  }
  return proof;
}
