import { asciiFromBase64url, base64urlToTextLenient, withoutPadding } from '../util/base64url.js';

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
  // The usual body, one line with padding only at its end, goes to the native decoder without
  // being copied first.
  const ascii = asciiFromBase64url(withoutPadding(b64));
  if (ascii !== null) return ascii;
  // The lenient decoder reads both alphabets: only whitespace and padding need removing.
  return base64urlToTextLenient(b64.replace(/[\s=]+/g, ''));
}
