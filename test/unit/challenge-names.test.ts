// The in-place name matching of the challenge parser (src/core/challenge/names.ts).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  EXACT_SCHEME_SOURCE,
  KNOWN_PARAM_NAME_SOURCE,
  knownParam,
  knownScheme,
  PARAM_NAMES,
  paramIdOfMatched,
  SCHEME_INEXACT,
  SCHEME_NAMES,
  schemeIdOfMatched,
  storeKnownParam,
} from '../../src/core/challenge/names.js';

describe('storeKnownParam', () => {
  test.each(PARAM_NAMES.map((name, id) => ({ name, id })))('id $id stores under "$name"', ({ name, id }) => {
    const params: Record<string, string> = { other: 'x' };
    storeKnownParam(params, id, 'v');
    expect(params).toEqual({ other: 'x', [name]: 'v' });
    expect(Object.keys(params)).toEqual(['other', name]);
  });
});

describe('knownParam / knownScheme', () => {
  test.each(PARAM_NAMES.map((name, id) => ({ name, id })))('"$name" is found in any case', ({ name, id }) => {
    for (const spelled of [name, name.toUpperCase(), name[0]!.toUpperCase() + name.slice(1)]) {
      const s = `x ${spelled}=`;
      expect(knownParam(s, 2, 2 + spelled.length)).toBe(id);
    }
    expect(knownParam(`${name}x`, 0, name.length + 1)).toBe(-1);
  });

  test.each(SCHEME_NAMES.map((name, id) => ({ name, id })))('scheme "$name": exact, or marked inexact', ({ name, id }) => {
    expect(knownScheme(name, 0, name.length)).toBe(id);
    const lower = name.toLowerCase();
    if (lower !== name) expect(knownScheme(lower, 0, lower.length)).toBe(id + SCHEME_INEXACT);
    expect(knownScheme(`${name}1`, 0, name.length + 1)).toBe(-1);
  });
});

// The parser tries these patterns first and names what they matched from its length and first
// two letters: both must agree with the character-by-character look-ups above.
describe('names matched by the regex engine', () => {
  const knownParamName = new RegExp(`^(?:${KNOWN_PARAM_NAME_SOURCE})=`);
  const exactScheme = new RegExp(`^(?:${EXACT_SCHEME_SOURCE})$`);
  const alternating = (name: string) => [...name].map((c, k) => (k % 2 ? c.toUpperCase() : c)).join('');

  test.each(PARAM_NAMES.map((name, id) => ({ name, id })))('"$name" is matched in any case and named $id', ({ name, id }) => {
    for (const spelled of [name, name.toUpperCase(), alternating(name)]) {
      const s = `x ${spelled}="v"`;
      expect(knownParamName.exec(s.slice(2))?.[0], spelled).toBe(`${spelled}=`);
      expect(paramIdOfMatched(s, 2, 2 + spelled.length)).toBe(id);
    }
  });

  test.each(SCHEME_NAMES.map((name, id) => ({ name, id })))('scheme "$name" is matched only as spelled, and named $id', ({ name, id }) => {
    expect(exactScheme.test(name)).toBe(true);
    expect(schemeIdOfMatched(`${name} x`, 0, name.length)).toBe(id);
    if (name.toLowerCase() !== name) expect(exactScheme.test(name.toLowerCase())).toBe(false);
  });

  test('a token is matched exactly when knownParam knows it, and both give the same id', () => {
    const tchars = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.'];
    // Known names, near misses of them (a letter changed, added or dropped) and random tokens.
    const nearMiss = fc.tuple(fc.constantFrom(...PARAM_NAMES), fc.nat(), fc.constantFrom(...tchars), fc.constantFrom('change', 'add', 'drop')).map(([name, at, c, how]) => {
      const k = at % name.length;
      return how === 'change' ? name.slice(0, k) + c + name.slice(k + 1) : how === 'add' ? name.slice(0, k) + c + name.slice(k) : name.slice(0, k) + name.slice(k + 1);
    });
    const token = fc.oneof(fc.constantFrom(...PARAM_NAMES), nearMiss, fc.string({ unit: fc.constantFrom(...tchars), minLength: 1, maxLength: 20 }));
    fc.assert(
      fc.property(token, fc.boolean(), (name, upper) => {
        if (name === '') return;
        const spelled = upper ? name.toUpperCase() : name;
        const s = `${spelled}=x`;
        const id = knownParam(s, 0, spelled.length);
        expect(knownParamName.test(s)).toBe(id >= 0);
        if (id >= 0) expect(paramIdOfMatched(s, 0, spelled.length)).toBe(id);
      }),
      { numRuns: 2000 },
    );
  });
});
