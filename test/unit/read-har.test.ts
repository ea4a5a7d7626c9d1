// The HAR reader's body fields (src/core/har/read-har.ts). Sources: HAR 1.2 spec, "content"
// (size: "Length of the returned content in bytes"), and what exporters write (Chrome: a number;
// some tools: a string or nothing).
import { describe, expect, test } from 'vitest';
import { readHar } from '../../src/core/index.js';

const responseBody = (content: Record<string, unknown>) =>
  readHar({ log: { version: '1.2', entries: [{ startedDateTime: '2026-01-01T00:00:00.000Z', request: { method: 'GET', url: 'https://a.example/', headers: [] }, response: { status: 200, headers: [], content } }] } }).exchanges[0]!.responseBody;

describe('response body size', () => {
  test.each([
    { description: 'a number is taken as given, whatever the text', content: { size: 3, mimeType: 'text/plain', text: 'longer text' }, size: 3 },
    { description: 'missing: the text length', content: { mimeType: 'text/plain', text: 'hello' }, size: 5 },
    { description: 'a numeric string is read as a number', content: { size: '12', mimeType: 'text/plain', text: 'hello' }, size: 12 },
    { description: 'not a number: the text length', content: { size: 'abc', mimeType: 'text/plain', text: 'hello' }, size: 5 },
    { description: 'null: the text length', content: { size: null, mimeType: 'text/plain', text: 'hi' }, size: 2 },
    { description: 'no size and no text: 0', content: { mimeType: 'text/plain' }, size: 0 },
    { description: '-1 (unknown, as some exporters write it) is kept', content: { size: -1, mimeType: 'text/plain', text: 'hello' }, size: -1 },
  ])('$description', ({ content, size }) => {
    expect(responseBody(content)!.size).toBe(size);
  });
});
