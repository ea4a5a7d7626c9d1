import { base64urlToBytes, utf8Decode } from '../util/base64url.js';

/** Decodes a base64 or base64url string to UTF-8 text, or null. Used for claims challenges. */
export function decodeBase64UrlText(value: string): string | null {
  // (?<!=): only the start of the trailing run is tried; /=+$/ re-scanned the run from each `=` (quadratic).
  const normalized = value.replace(/\+/g, '-').replace(/\//g, '_').replace(/(?<!=)=+$/, '');
  const bytes = base64urlToBytes(normalized, { lenient: true });
  return bytes ? utf8Decode(bytes, { fatal: true }) : null;
}

/** The decoded JSON of a Microsoft claims challenge, or null when it isn't one. */
export function decodeClaimsChallenge(claims: string): unknown {
  const text = decodeBase64UrlText(claims);
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
