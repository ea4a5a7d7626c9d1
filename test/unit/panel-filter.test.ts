import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { matchesFilter, parseFilter, type FilterableRow } from '../../src/panel/filter.js';

// Syntax modelled on the Chrome DevTools Network panel filter (status-code:, domain:, method:, "-").
const row: FilterableRow = { status: 401, method: 'GET', url: 'https://api.example.test/orders', host: 'api.example.test', codes: ['token-expired'], severities: ['error'], text: 'get https://api.example.test/orders 401 the token expired' };

describe('filter syntax', () => {
  test.each([
    { filter: '', match: true },
    { filter: 'orders', match: true },
    { filter: 'status:401', match: true },
    { filter: 'status:4', match: true },
    { filter: 'status:403', match: false },
    { filter: 'code:token-expired', match: true },
    { filter: 'code:token-*', match: true },
    { filter: '-code:token-expired', match: false },
    { filter: 'domain:example.test', match: true },
    { filter: 'domain:*.example.test', match: true },
    { filter: 'domain:other.test', match: false },
    { filter: 'method:post', match: false },
    { filter: 'severity:error status:401 orders', match: true },
    { filter: 'status:401 -orders', match: false },
    { filter: 'unknownkey:x', match: false },
  ])('"$filter" → $match', ({ filter, match }) => {
    expect(matchesFilter(parseFilter(filter), row)).toBe(match);
  });

  test('never throws and stays bounded on any input', () => {
    fc.assert(fc.property(fc.string({ maxLength: 3000 }), (s) => {
      const terms = parseFilter(s);
      expect(terms.length).toBeLessThanOrEqual(1000);
      matchesFilter(terms, row);
    }));
  });
});
