import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { matchesFilter, narrows, parseFilter, type FilterableRow } from '../../src/panel/filter.js';

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

describe('narrows: a narrowed filter only needs the rows the previous one kept', () => {
  test.each([
    { prev: '', next: 'o', narrows: true },
    { prev: 'or', next: 'ord', narrows: true },
    { prev: 'status:4', next: 'status:40', narrows: true },
    { prev: 'get', next: 'get 401', narrows: true },
    { prev: 'ord', next: 'or', narrows: false },
    { prev: 'status', next: 'status:', narrows: false },
    { prev: 'code:token', next: 'code:token-', narrows: false },
    { prev: '-ord', next: '-orde', narrows: false },
    { prev: 'get 401', next: 'get', narrows: false },
  ])('$prev → $next: $narrows', ({ prev, next, narrows: want }) => {
    expect(narrows(parseFilter(next), parseFilter(prev))).toBe(want);
  });

  const rows = fc.record({
    status: fc.constantFrom(0, 200, 401, 403, 407, 500),
    method: fc.constantFrom('GET', 'POST'),
    url: fc.constant('https://api.example.test/x'),
    host: fc.constantFrom('api.example.test', 'auth.example.test'),
    codes: fc.array(fc.constantFrom('token-expired', 'token-missing', 'cors-preflight'), { maxLength: 2 }),
    severities: fc.array(fc.constantFrom('error', 'warning', 'info'), { maxLength: 2 }),
    text: fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '4', '0', '1'), maxLength: 12 }),
  });
  const filters = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', '-', ':', '4', '0', 's', 'status:', 'code:', 'token-expired'), maxLength: 6 });
  test('whenever it says so, every row the next filter matches, the previous one matched', () => {
    fc.assert(
      fc.property(fc.array(rows, { maxLength: 20 }), filters, filters, (rs, prev, next) => {
        const p = parseFilter(prev);
        const n = parseFilter(next);
        if (!narrows(n, p)) return;
        for (const r of rs) if (matchesFilter(n, r)) expect(matchesFilter(p, r)).toBe(true);
      }),
    );
  });
});
