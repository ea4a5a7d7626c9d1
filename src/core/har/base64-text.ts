import { asciiFromBase64url, base64urlToBytes, utf8Decode } from '../util/base64url.js';

const TEXTUAL = /^(text\/|application\/(json|problem\+json|xml|x-www-form-urlencoded|javascript|[\w.+-]*\+json|[\w.+-]*\+xml))/i;

/** True for MIME types whose bodies are text (JSON, XML, HTML, forms, scripts); false for binary ones. */
export function isTextualMime(mimeType: string): boolean {
  return TEXTUAL.test(mimeType);
}

/**
 * Decodes base64 `content.text` (HAR `encoding: "base64"`) when the body is textual; binary
 * bodies are not text, so null.
 */
export function base64ToText(b64: string, mimeType: string): string | null {
  if (mimeType && !TEXTUAL.test(mimeType)) return null;
  const compact = b64.replace(/[\s=]+/g, '').replace(/\+/g, '-').replace(/\//g, '_');
  const ascii = asciiFromBase64url(compact);
  if (ascii !== null) return ascii;
  const bytes = base64urlToBytes(compact, { lenient: true });
  return bytes ? utf8Decode(bytes) : null;
}
