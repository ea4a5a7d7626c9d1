// The in-place name matching of the challenge parser (src/core/challenge/names.ts).
import { describe, expect, test } from 'vitest';
import { knownParam, knownScheme, PARAM_NAMES, SCHEME_INEXACT, SCHEME_NAMES, storeKnownParam } from '../../src/core/challenge/names.js';

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
